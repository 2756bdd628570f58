// SPDX-License-Identifier: Apache-2.0
using System;
#if KARTLA_SPAN
using System.Runtime.InteropServices;
#endif

namespace Kartla
{
    /// <summary>
    /// A record or bundle verified by anyone, without keys (<c>kartla_verification</c>,
    /// kartla/verify.h): the owner's signature over the exact manifest bytes, every entry and grant
    /// covered by it, and the hash of every section body present. The caller owns it;
    /// <see cref="Dispose"/> releases it.
    /// </summary>
    /// <remarks>Thread safety: immutable; may be shared between threads.</remarks>
    public sealed unsafe class Verification : IDisposable
    {
        internal readonly VerificationHandle Handle;

        private Verification(VerificationHandle handle)
        {
            Handle = handle;
        }

        private HandleLease Lease()
        {
            return new HandleLease(Handle, nameof(Verification));
        }

        private static Verification OpenCore(byte* bytes, int length)
        {
            VerificationHandle h;
            Out.Check(Native.kartla_verification_open(bytes, (UIntPtr)(uint)length, out h));
            return new Verification(h);
        }

        /// <summary>Verifies a file's bytes (<c>kartla_verification_open</c>); Format, Signature, Integrity, ... if it fails.</summary>
        public static Verification Open(byte[] bytes)
        {
            Args.NotNull(bytes, nameof(bytes));
            fixed (byte* b = bytes) return OpenCore(b, bytes.Length);
        }

#if KARTLA_SPAN
        /// <summary>As <see cref="Open(byte[])"/>.</summary>
        public static Verification Open(ReadOnlySpan<byte> bytes)
        {
            fixed (byte* b = &MemoryMarshal.GetReference(bytes)) return OpenCore(b, bytes.Length);
        }
#endif

        /// <summary>As <see cref="Open(byte[])"/>, from a file (<c>kartla_verification_open_file</c>).</summary>
        public static Verification OpenFile(string path)
        {
            using (var t = NativeText.From(path, nameof(path)))
            {
                VerificationHandle h;
                Out.Check(Native.kartla_verification_open_file(t.Ptr, out h));
                return new Verification(h);
            }
        }

        /// <summary>The verified copy's sequence number.</summary>
        public ulong Sequence()
        {
            using (var lease = Lease())
            {
                ulong n;
                Out.Check(Native.kartla_verification_sequence(lease.Ptr, &n));
                return n;
            }
        }

        private string Text(int which)
        {
            using (var lease = Lease())
            {
                var p = lease.Ptr;
                switch (which)
                {
                    case 0: return Out.StringFrom(b => Native.kartla_verification_record_id(p, b));
                    case 1: return Out.StringFrom(b => Native.kartla_verification_owner_fingerprint(p, b));
                    default: return Out.StringFrom(b => Native.kartla_verification_previous_hash(p, b));
                }
            }
        }

        /// <summary>The record id (32 hex digits).</summary>
        public string RecordId() { return Text(0); }
        /// <summary>The owner's fingerprint: compare it with the person's.</summary>
        public string OwnerFingerprint() { return Text(1); }
        /// <summary>The previous manifest's hash (64 hex digits; empty for the first version).</summary>
        public string PreviousHash() { return Text(2); }

        /// <summary>The whole report (docs/SPEC.md §8): the JSON of <c>kartla.v1.VerificationReport</c>.</summary>
        public string ReportJson()
        {
            using (var lease = Lease())
            {
                var p = lease.Ptr;
                return Out.StringFrom(b => Native.kartla_verification_report(p, Encodings.Json, b));
            }
        }

        /// <summary>As <see cref="ReportJson"/>, the protobuf bytes of <c>kartla.v1.VerificationReport</c>.</summary>
        public byte[] ReportProtobuf()
        {
            using (var lease = Lease())
            {
                var p = lease.Ptr;
                return Out.BytesFrom(b => Native.kartla_verification_report(p, Encodings.Protobuf, b));
            }
        }

        /// <summary>Rollback if the verified copy's sequence is below <paramref name="lastSeen"/>.</summary>
        public void CheckLastSeen(ulong lastSeen)
        {
            using (var lease = Lease()) Out.Check(Native.kartla_verification_check_last_seen(lease.Ptr, lastSeen));
        }

        /// <summary>Releases the verification (<c>kartla_verification_free</c>). Calling it again does nothing.</summary>
        public void Dispose()
        {
            Handle.Dispose();
        }
    }
}
