// SPDX-License-Identifier: Apache-2.0
// The plumbing every wrapper uses: handles, leases on them, text and secrets going in, buffers
// coming out, the error read right after a failed call, and times.
using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Kartla
{
    internal sealed class IdentityHandle : SafeHandle
    {
        public IdentityHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.kartla_identity_free(handle); return true; }
    }

    internal sealed class RecordHandle : SafeHandle
    {
        public RecordHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.kartla_record_free(handle); return true; }
    }

    internal sealed class ShareHandle : SafeHandle
    {
        public ShareHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.kartla_share_free(handle); return true; }
    }

    internal sealed class VerificationHandle : SafeHandle
    {
        public VerificationHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.kartla_verification_free(handle); return true; }
    }

    internal sealed class TrustDraftHandle : SafeHandle
    {
        public TrustDraftHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid => handle == IntPtr.Zero;
        protected override bool ReleaseHandle() { Native.kartla_trust_draft_free(handle); return true; }
    }

    /// <summary>
    /// A reference held on a handle for the length of one native call: the handle cannot be
    /// freed under the call by a Dispose on another thread (the free then runs at the release).
    /// A disposed handle is an ObjectDisposedException here, before anything native runs.
    /// </summary>
    internal struct HandleLease : IDisposable
    {
        private readonly SafeHandle _handle;
        private bool _added;
        public readonly IntPtr Ptr;

        public HandleLease(SafeHandle handle, string objectName)
        {
            _handle = handle;
            _added = false;
            if (handle.IsClosed) throw new ObjectDisposedException(objectName);
            try
            {
                handle.DangerousAddRef(ref _added);
            }
            catch (ObjectDisposedException)
            {
                throw new ObjectDisposedException(objectName);
            }
            Ptr = handle.DangerousGetHandle();
        }

        public void Dispose()
        {
            if (_added)
            {
                _added = false;
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Text for a <c>const char *</c> (or a pointer and length): strict UTF-8 in unmanaged memory,
    /// NUL-terminated, wiped and freed on Dispose. Unmanaged, so the garbage collector never
    /// moves or copies it (section JSON is personal data).
    /// </summary>
    internal unsafe struct NativeText : IDisposable
    {
        internal static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        public byte* Ptr;
        public int Length;

        public UIntPtr Size => (UIntPtr)(uint)Length;

        /// <summary>
        /// cString: a NUL-terminated parameter, where a NUL inside would silently cut the text:
        /// refused. allowNull: the C parameter takes NULL (then Ptr is null).
        /// </summary>
        public static NativeText From(string text, string paramName, bool cString = true, bool allowNull = false)
        {
            var result = new NativeText();
            if (text == null)
            {
                if (allowNull) return result;
                throw new ArgumentNullException(paramName);
            }
            if (cString && text.IndexOf('\0') >= 0)
                throw new ArgumentException("text passed to Kartla must not contain a NUL character", paramName);
            int length;
            try
            {
                length = Strict.GetByteCount(text);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException("text is not valid UTF-16 (a lone surrogate)", paramName, e);
            }
            result.Ptr = (byte*)Marshal.AllocHGlobal(length + 1);
            result.Length = length;
            fixed (char* chars = text)
            {
                Strict.GetBytes(chars, text.Length, result.Ptr, length);
            }
            result.Ptr[length] = 0;
            return result;
        }

        /// <summary>The most UTF-8 bytes a short name may take to be encoded on the stack (<see cref="Encode"/>).</summary>
        public const int StackLimit = 128;

        /// <summary>
        /// A short NUL-terminated name (a section name) encoded into caller memory, e.g. stackalloc:
        /// the read paths take no heap allocation for it. Returns false if it needs more than
        /// <paramref name="capacity"/> bytes (then use <see cref="From"/>).
        /// </summary>
        public static bool Encode(string text, byte* destination, int capacity, string paramName)
        {
            if (text == null) throw new ArgumentNullException(paramName);
            if (text.Length * 3 + 1 > capacity) return false;
            if (text.IndexOf('\0') >= 0)
                throw new ArgumentException("text passed to Kartla must not contain a NUL character", paramName);
            int length;
            try
            {
                fixed (char* chars = text) length = Strict.GetBytes(chars, text.Length, destination, capacity - 1);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException("text is not valid UTF-16 (a lone surrogate)", paramName, e);
            }
            destination[length] = 0;
            return true;
        }

        /// <summary>A char[] secret (passphrase, recovery code) as UTF-8, wiped on Dispose.</summary>
        public static NativeText FromChars(char[] chars, string paramName)
        {
            if (chars == null) throw new ArgumentNullException(paramName);
            fixed (char* c = chars)
            {
                return FromChars(c, chars.Length, paramName);
            }
        }

        public static NativeText FromChars(char* chars, int count, string paramName)
        {
            var result = new NativeText();
            int length;
            try
            {
                length = Strict.GetByteCount(chars, count);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException("text is not valid UTF-16 (a lone surrogate)", paramName, e);
            }
            result.Ptr = (byte*)Marshal.AllocHGlobal(length + 1);
            result.Length = length;
            Strict.GetBytes(chars, count, result.Ptr, length);
            result.Ptr[length] = 0;
            return result;
        }

        public void Dispose()
        {
            if (Ptr == null) return;
            Wipe.Bytes(Ptr, Length + 1);
            Marshal.FreeHGlobal((IntPtr)Ptr);
            Ptr = null;
            Length = 0;
        }
    }

    internal static unsafe class Wipe
    {
        /// <summary>Zeroes memory; volatile writes, so the compiler and JIT cannot drop them as dead stores.</summary>
        public static void Bytes(byte* p, int length)
        {
            for (int i = 0; i < length; i++) System.Threading.Volatile.Write(ref p[i], (byte)0);
        }

        public static void Array(byte[] array)
        {
            if (array == null) return;
            System.Array.Clear(array, 0, array.Length);
            System.Threading.Thread.MemoryBarrier();
        }
    }

    /// <summary>Reading kartla_buffer results, and the error of a failed call.</summary>
    internal static unsafe class Out
    {
        /// <summary>
        /// Throws the KartlaException of a failed call. Call it right after the native call, on the
        /// same thread, before any other Kartla call (a buffer free included): the message is the
        /// thread's last error, valid only until then.
        /// </summary>
        public static void Check(int status)
        {
            if (status != 0) throw Error(status);
        }

        public static KartlaException Error(int status)
        {
            // kartla_last_error first: kartla_status_name is a Kartla call too.
            string message = Text(Native.kartla_last_error());
            string name = Text(Native.kartla_status_name(status));
            return new KartlaException(status, name, message);
        }

        /// <summary>A static or borrowed NUL-terminated UTF-8 string.</summary>
        public static string Text(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            byte* b = (byte*)p;
            int n = 0;
            while (b[n] != 0) n++;
            return Encoding.UTF8.GetString(b, n);
        }

        public static int Length(NativeBuffer* b)
        {
            ulong n = b->Length.ToUInt64();
            if (n > int.MaxValue) throw new InvalidOperationException("a Kartla result larger than 2 GiB does not fit a .NET array");
            return (int)n;
        }

        /// <summary>One copy, out of the library's guarded buffer into a new managed array.</summary>
        public static byte[] Bytes(NativeBuffer* b)
        {
            int n = Length(b);
            var result = new byte[n];
            if (n > 0) Marshal.Copy(b->Data, result, 0, n);
            return result;
        }

        public static string String(NativeBuffer* b)
        {
            return Encoding.UTF8.GetString((byte*)b->Data, Length(b));
        }

        /// <summary>Text into a char[] the caller can wipe (a recovery code), with no managed byte copy.</summary>
        public static char[] Chars(NativeBuffer* b)
        {
            int n = Length(b);
            byte* data = (byte*)b->Data;
            int count = Encoding.UTF8.GetCharCount(data, n);
            var result = new char[count];
            fixed (char* c = result)
            {
                Encoding.UTF8.GetChars(data, n, c, count);
            }
            return result;
        }

        public static void Free(NativeBuffer* b)
        {
            Native.kartla_buffer_free(b);
        }

        /// <summary>Runs a call that fills a buffer; the result copied out, the buffer wiped and freed.</summary>
        public static byte[] BytesFrom(BufferFill fill)
        {
            var b = new NativeBuffer();
            try
            {
                Check(fill(&b));
                return Bytes(&b);
            }
            finally
            {
                Free(&b);
            }
        }

        public static string StringFrom(BufferFill fill)
        {
            var b = new NativeBuffer();
            try
            {
                Check(fill(&b));
                return String(&b);
            }
            finally
            {
                Free(&b);
            }
        }
    }

    internal unsafe delegate int BufferFill(NativeBuffer* output);

    /// <summary>kartla_encoding.</summary>
    internal static class Encodings
    {
        public const int Protobuf = 0;
        public const int Json = 1;
    }

    /// <summary>Times: DateTimeOffset in, Unix seconds (UTC) out.</summary>
    internal static class Time
    {
        /// <summary>
        /// null = the C ABI's 0 (now, never or default, as the function says). 0 is that sentinel,
        /// so a time at or before the Unix epoch cannot be passed: refused.
        /// </summary>
        public static long Seconds(DateTimeOffset? time, string paramName)
        {
            if (time == null) return 0;
            long seconds = time.Value.ToUnixTimeSeconds();
            if (seconds <= 0)
                throw new ArgumentOutOfRangeException(paramName, "Kartla takes times after 1970-01-01T00:00:00Z (0 means 'now' or 'never' in the C ABI)");
            return seconds;
        }

        public static long Seconds(DateTimeOffset time, string paramName)
        {
            return Seconds((DateTimeOffset?)time, paramName);
        }
    }

    internal static class Args
    {
        public static T NotNull<T>(T value, string paramName) where T : class
        {
            if (value == null) throw new ArgumentNullException(paramName);
            return value;
        }
    }
}
