// SPDX-License-Identifier: Apache-2.0
using System;
#if KARTLA_SPAN
using System.Runtime.InteropServices;
#endif

namespace Kartla
{
    /// <summary>
    /// The agency's side of a share (<c>kartla_share</c>, kartla/share.h): a share bundle or the
    /// owner's full record file, opened with the agency's identity. Only sections granted to this
    /// agency can be read, each checked against the owner's signature, its ciphertext hash, the key
    /// commitment, its binding to this record, section and key generation, and the grant's expiry.
    /// The caller owns it; <see cref="Dispose"/> releases it. After Dispose every member throws
    /// <see cref="ObjectDisposedException"/>.
    /// </summary>
    /// <remarks>
    /// Thread safety: immutable once opened; may be used by several threads at once (an agency
    /// system can open many bundles on many threads). Times: <c>at</c> null = now.
    /// </remarks>
    public sealed unsafe class Share : IDisposable
    {
        internal readonly ShareHandle Handle;

        private Share(ShareHandle handle)
        {
            Handle = handle;
        }

        internal HandleLease Lease()
        {
            return new HandleLease(Handle, nameof(Share));
        }

        private static Share OpenCore(byte* bytes, int length, Identity agency)
        {
            Args.NotNull(agency, nameof(agency));
            using (var a = agency.Read())
            {
                ShareHandle h;
                Out.Check(Native.kartla_share_open(bytes, (UIntPtr)(uint)length, a.Ptr, out h));
                return new Share(h);
            }
        }

        /// <summary>
        /// Opens a bundle or record file's bytes (copied) as <paramref name="agency"/>
        /// (<c>kartla_share_open</c>): the owner's signature over the manifest and the agency's
        /// grants are checked here.
        /// </summary>
        public static Share Open(byte[] bytes, Identity agency)
        {
            Args.NotNull(bytes, nameof(bytes));
            fixed (byte* b = bytes) return OpenCore(b, bytes.Length, agency);
        }

#if KARTLA_SPAN
        /// <summary>As <see cref="Open(byte[], Identity)"/>.</summary>
        public static Share Open(ReadOnlySpan<byte> bytes, Identity agency)
        {
            fixed (byte* b = &MemoryMarshal.GetReference(bytes)) return OpenCore(b, bytes.Length, agency);
        }
#endif

        /// <summary>As <see cref="Open(byte[], Identity)"/>, from a file, which stays open (<c>kartla_share_open_file</c>).</summary>
        public static Share OpenFile(string path, Identity agency)
        {
            Args.NotNull(agency, nameof(agency));
            using (var t = NativeText.From(path, nameof(path)))
            using (var a = agency.Read())
            {
                ShareHandle h;
                Out.Check(Native.kartla_share_open_file(t.Ptr, a.Ptr, out h));
                return new Share(h);
            }
        }

        /// <summary>
        /// A granted section's content as protobuf bytes, checked at <paramref name="at"/> (null =
        /// now; <c>kartla_share_section</c>). NotShared (naming the sections that are shared) if no
        /// grant of this agency covers it in this file; Expired if the grants covering it have
        /// expired; Integrity if it fails authentication. Nothing is returned on failure.
        /// One copy: out of the library's guarded buffer (wiped) into the returned array.
        /// </summary>
        public byte[] Section(string section, DateTimeOffset? at = null)
        {
            long when = Time.Seconds(at, nameof(at));
            byte* name = stackalloc byte[NativeText.StackLimit];
            if (NativeText.Encode(section, name, NativeText.StackLimit, nameof(section))) return SectionCore(name, when);
            using (var s = NativeText.From(section, nameof(section))) return SectionCore(s.Ptr, when);
        }

        private byte[] SectionCore(byte* section, long when)
        {
            using (var lease = Lease())
            {
                var b = new NativeBuffer();
                try
                {
                    Out.Check(Native.kartla_share_section(lease.Ptr, section, when, &b));
                    return Out.Bytes(&b);
                }
                finally
                {
                    Out.Free(&b);
                }
            }
        }

        /// <summary>As <see cref="Section"/>, as protobuf JSON (<c>kartla_share_section_json</c>).</summary>
        public string SectionJson(string section, DateTimeOffset? at = null)
        {
            long when = Time.Seconds(at, nameof(at));
            using (var s = NativeText.From(section, nameof(section)))
            using (var lease = Lease())
            {
                var b = new NativeBuffer();
                try
                {
                    Out.Check(Native.kartla_share_section_json(lease.Ptr, s.Ptr, when, &b));
                    return Out.String(&b);
                }
                finally
                {
                    Out.Free(&b);
                }
            }
        }

        /// <summary>
        /// The capacity an array needs for <see cref="SectionInto(string, byte[], DateTimeOffset?)"/>
        /// (the padded length), with the same checks and errors as <see cref="Section"/>
        /// (<c>kartla_share_section_size</c>).
        /// </summary>
        public int SectionSize(string section, DateTimeOffset? at = null)
        {
            long when = Time.Seconds(at, nameof(at));
            using (var s = NativeText.From(section, nameof(section)))
            using (var lease = Lease())
            {
                UIntPtr n;
                Out.Check(Native.kartla_share_section_size(lease.Ptr, s.Ptr, when, &n));
                return checked((int)n.ToUInt64());
            }
        }

        private int SectionIntoCore(string section, byte* destination, int capacity, DateTimeOffset? at)
        {
            long when = Time.Seconds(at, nameof(at));
            byte* name = stackalloc byte[NativeText.StackLimit];
            if (NativeText.Encode(section, name, NativeText.StackLimit, nameof(section))) return SectionIntoCore(name, destination, capacity, when);
            using (var s = NativeText.From(section, nameof(section))) return SectionIntoCore(s.Ptr, destination, capacity, when);
        }

        private int SectionIntoCore(byte* section, byte* destination, int capacity, long when)
        {
            using (var lease = Lease())
            {
                UIntPtr used;
                Out.Check(Native.kartla_share_section_into(lease.Ptr, section, when, destination, (UIntPtr)(uint)capacity, &used));
                return (int)used.ToUInt64();
            }
        }

        /// <summary>
        /// Decrypts a granted section straight into <paramref name="destination"/>, an array you own,
        /// and returns the content's length (<c>kartla_share_section_into</c>): no copy at all. The
        /// same checks and errors as <see cref="Section"/>; InvalidArgument if the array is shorter
        /// than <see cref="SectionSize"/>; on failure nothing of the section is left in it. Wipe it
        /// yourself when done.
        /// </summary>
        public int SectionInto(string section, byte[] destination, DateTimeOffset? at = null)
        {
            Args.NotNull(destination, nameof(destination));
            fixed (byte* d = destination) return SectionIntoCore(section, d, destination.Length, at);
        }

#if KARTLA_SPAN
        /// <summary>As <see cref="SectionInto(string, byte[], DateTimeOffset?)"/>, into any memory you own.</summary>
        public int SectionInto(string section, Span<byte> destination, DateTimeOffset? at = null)
        {
            fixed (byte* d = &MemoryMarshal.GetReference(destination)) return SectionIntoCore(section, d, destination.Length, at);
        }
#endif

        /// <summary>What this file gives the agency, one entry per granted section: the JSON of <c>kartla.v1.ShareDescription</c>.</summary>
        public string DescribeJson()
        {
            using (var lease = Lease())
            {
                var p = lease.Ptr;
                return Out.StringFrom(b => Native.kartla_share_describe(p, Encodings.Json, b));
            }
        }

        /// <summary>As <see cref="DescribeJson"/>, the protobuf bytes of <c>kartla.v1.ShareDescription</c>.</summary>
        public byte[] DescribeProtobuf()
        {
            using (var lease = Lease())
            {
                var p = lease.Ptr;
                return Out.BytesFrom(b => Native.kartla_share_describe(p, Encodings.Protobuf, b));
            }
        }

        /// <summary>The sequence number of the version this file is.</summary>
        public ulong Sequence()
        {
            using (var lease = Lease())
            {
                ulong n;
                Out.Check(Native.kartla_share_sequence(lease.Ptr, &n));
                return n;
            }
        }

        /// <summary>Rollback if this copy's sequence is below <paramref name="lastSeen"/> (authentic, but older).</summary>
        public void CheckLastSeen(ulong lastSeen)
        {
            using (var lease = Lease()) Out.Check(Native.kartla_share_check_last_seen(lease.Ptr, lastSeen));
        }

        /// <summary>
        /// Pins the owner (<c>kartla_share_check_owner</c>): returns if this file is signed by the owner
        /// whose card file is <paramref name="ownerCard"/>, else Auth naming both fingerprints.
        /// Signature if the card's self-signature fails; InvalidArgument if it is not an owner's card.
        /// A signature only proves that some owner signed the file: check whose it is.
        /// </summary>
        public void CheckOwner(byte[] ownerCard)
        {
            Args.NotNull(ownerCard, nameof(ownerCard));
            using (var lease = Lease())
            fixed (byte* c = ownerCard)
            {
                Out.Check(Native.kartla_share_check_owner(lease.Ptr, c, (UIntPtr)(uint)ownerCard.Length));
            }
        }

        /// <summary>Releases the share (<c>kartla_share_free</c>). Calling it again does nothing.</summary>
        public void Dispose()
        {
            Handle.Dispose();
        }
    }
}
