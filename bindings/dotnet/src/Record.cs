// SPDX-License-Identifier: Apache-2.0
using System;
using System.Collections.Generic;
#if KARTLA_SPAN
using System.Runtime.InteropServices;
#endif

namespace Kartla
{
    /// <summary>How an owner opens a record (<c>kartla_record_open_options</c>, docs/SPEC.md §8.1).</summary>
    public sealed class RecordOpenOptions
    {
        /// <summary>
        /// Open an older copy or a fork anyway (to read it, or to continue from it when the newer
        /// copy is lost); its next save takes a sequence above every one seen. False (default):
        /// such a copy is <see cref="Status.Rollback"/>.
        /// </summary>
        public bool AcceptOlder { get; set; }
        /// <summary>The highest sequence the caller itself has seen (0 = none).</summary>
        public ulong LastSeen { get; set; }

        internal unsafe NativeRecordOpenOptions ToNative()
        {
            var o = new NativeRecordOpenOptions();
            Native.kartla_record_open_options_init(&o);
            o.AcceptOlder = AcceptOlder ? 1u : 0u;
            o.LastSeen = LastSeen;
            return o;
        }
    }

    /// <summary>The terms of a grant (<c>kartla_record_share_options</c>).</summary>
    public sealed class ShareOptions
    {
        /// <summary>Required: what the agency may use the sections for.</summary>
        public string Purpose { get; set; }
        /// <summary>The grant's expiry; null = until revoked. At the first save after it, the grant ends as a revocation would.</summary>
        public DateTimeOffset? ExpiresAt { get; set; }
        /// <summary>The grant time; null = the record's clock.</summary>
        public DateTimeOffset? Now { get; set; }
        /// <summary>GDPR Art. 6(1) basis, "6.1.a" to "6.1.f"; null = "6.1.a" (consent).</summary>
        public string GdprArt6Basis { get; set; }
        /// <summary>GDPR Art. 9(2) exception, "9.2.a" to "9.2.j"; required for health data, refused otherwise; null = none.</summary>
        public string GdprArt9Basis { get; set; }
    }

    /// <summary>
    /// The owner's record (<c>kartla_record</c>, kartla/record.h and share.h): every section
    /// readable and writable; changes reach the disk only with <see cref="Save"/>, which writes the
    /// next signed version. The caller owns it; <see cref="Dispose"/> wipes the keys and releases
    /// it. After Dispose every member throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    /// <remarks>
    /// Thread safety: the C record must not be used by two threads at once (it caches an open
    /// file). This class serialises its calls with a lock, so sharing one between threads is safe
    /// but the threads take turns; use one record per thread for parallel work. The record keeps
    /// its own copy of the owner's keys: the identity may be disposed while the record lives.
    /// Plaintext: <see cref="Section"/> and <see cref="SectionJson"/> return managed copies the
    /// garbage collector may move and will not wipe; <see cref="SectionInto(string, byte[])"/>
    /// decrypts into an array you own and can wipe (bindings/dotnet/README.md, "Memory").
    /// </remarks>
    public sealed unsafe class Record : IDisposable
    {
        internal readonly RecordHandle Handle;
        private readonly object _sync = new object();

        private Record(RecordHandle handle)
        {
            Handle = handle;
        }

        internal delegate T LockedCall<T>(IntPtr record);

        /// <summary>Runs one native call on this record under its lock, with a lease on the handle.</summary>
        internal T Locked<T>(LockedCall<T> call)
        {
            if (Handle.IsClosed) throw new ObjectDisposedException(nameof(Record));
            lock (_sync)
            {
                using (var lease = new HandleLease(Handle, nameof(Record))) return call(lease.Ptr);
            }
        }

        internal void Locked(Action<IntPtr> call)
        {
            Locked<object>(p => { call(p); return null; });
        }

        // ---- Creating and opening -------------------------------------------------------------

        /// <summary>
        /// A new, empty record owned by <paramref name="owner"/>, not yet saved (sequence 0;
        /// <c>kartla_record_new</c>). InvalidArgument if <paramref name="owner"/> is an agency's or
        /// a trust root's identity.
        /// </summary>
        public static Record Create(Identity owner)
        {
            Args.NotNull(owner, nameof(owner));
            using (var o = owner.Read())
            {
                RecordHandle h;
                Out.Check(Native.kartla_record_new(o.Ptr, out h));
                return new Record(h);
            }
        }

        private static Record OpenCore(byte* bytes, int length, Identity owner, RecordOpenOptions options)
        {
            Args.NotNull(owner, nameof(owner));
            NativeRecordOpenOptions o = options != null ? options.ToNative() : default(NativeRecordOpenOptions);
            using (var id = owner.Read())
            {
                RecordHandle h;
                Out.Check(Native.kartla_record_open_with_options(bytes, (UIntPtr)(uint)length, id.Ptr, options != null ? &o : null, out h));
                return new Record(h);
            }
        }

        /// <summary>
        /// Opens the owner's record from its bytes (copied; <c>kartla_record_open_with_options</c>).
        /// InvalidArgument if <paramref name="owner"/> is not an owner's identity; Auth if the record
        /// is another identity's; Format if it is a share bundle or damaged; Rollback for an older
        /// copy than one seen (unless <see cref="RecordOpenOptions.AcceptOlder"/>).
        /// </summary>
        public static Record Open(byte[] bytes, Identity owner, RecordOpenOptions options = null)
        {
            Args.NotNull(bytes, nameof(bytes));
            fixed (byte* b = bytes) return OpenCore(b, bytes.Length, owner, options);
        }

#if KARTLA_SPAN
        /// <summary>As <see cref="Open(byte[], Identity, RecordOpenOptions)"/>.</summary>
        public static Record Open(ReadOnlySpan<byte> bytes, Identity owner, RecordOpenOptions options = null)
        {
            fixed (byte* b = &MemoryMarshal.GetReference(bytes)) return OpenCore(b, bytes.Length, owner, options);
        }
#endif

        /// <summary>
        /// As <see cref="Open(byte[], Identity, RecordOpenOptions)"/>, from a file, which stays open:
        /// section bodies are read when asked for (<c>kartla_record_open_file_with_options</c>).
        /// </summary>
        public static Record OpenFile(string path, Identity owner, RecordOpenOptions options = null)
        {
            Args.NotNull(owner, nameof(owner));
            NativeRecordOpenOptions o = options != null ? options.ToNative() : default(NativeRecordOpenOptions);
            using (var t = NativeText.From(path, nameof(path)))
            using (var id = owner.Read())
            {
                RecordHandle h;
                Out.Check(Native.kartla_record_open_file_with_options(t.Ptr, id.Ptr, options != null ? &o : null, out h));
                return new Record(h);
            }
        }

        // ---- The record -----------------------------------------------------------------------

        /// <summary>
        /// Saves the next version (sequence + 1) atomically under a lock file (<c>kartla_record_save</c>).
        /// First ends every grant past its expiry at the record's clock. Busy if another program
        /// holds the lock or saved a newer version; Rollback if a later version was seen since this
        /// one was opened; IO if the disk refused (the old file is then unchanged).
        /// </summary>
        public void Save(string path)
        {
            using (var t = NativeText.From(path, nameof(path)))
            {
                var tp = t.Ptr;
                Locked(p => Out.Check(Native.kartla_record_save(p, tp)));
            }
        }

        /// <summary>
        /// The time this record's owner operations use where they take none of their own (expiry at
        /// save, bundle export); null = the system clock (<c>kartla_record_set_clock</c>).
        /// </summary>
        public void SetClock(DateTimeOffset? now)
        {
            long seconds = Time.Seconds(now, nameof(now));
            Locked(p => Out.Check(Native.kartla_record_set_clock(p, seconds)));
        }

        /// <summary>The record id: 32 lowercase hex digits.</summary>
        public string Id()
        {
            return Locked(p => Out.StringFrom(b => Native.kartla_record_id(p, b)));
        }

        /// <summary>The sequence number of the version last opened or saved (0 if never saved).</summary>
        public ulong Sequence()
        {
            return Locked(p =>
            {
                ulong n;
                Out.Check(Native.kartla_record_sequence(p, &n));
                return n;
            });
        }

        /// <summary>The sections the record holds, as the JSON of <c>kartla.v1.SectionList</c>.</summary>
        public string SectionsJson()
        {
            return Locked(p => Out.StringFrom(b => Native.kartla_record_sections(p, Encodings.Json, b)));
        }

        /// <summary>As <see cref="SectionsJson"/>, the protobuf bytes of <c>kartla.v1.SectionList</c>.</summary>
        public byte[] SectionsProtobuf()
        {
            return Locked(p => Out.BytesFrom(b => Native.kartla_record_sections(p, Encodings.Protobuf, b)));
        }

        /// <summary>Whether the record holds the section.</summary>
        public bool HasSection(string section)
        {
            using (var s = NativeText.From(section, nameof(section)))
            {
                var sp = s.Ptr;
                return Locked(p =>
                {
                    int present;
                    Out.Check(Native.kartla_record_has_section(p, sp, &present));
                    return present != 0;
                });
            }
        }

        private void SetSectionCore(string section, byte* content, int length)
        {
            using (var s = NativeText.From(section, nameof(section)))
            {
                var sp = s.Ptr;
                Locked(p => Out.Check(Native.kartla_record_set_section(p, sp, content, (UIntPtr)(uint)length)));
            }
        }

        /// <summary>
        /// Replaces a section's content with protobuf bytes of its message (docs/MODEL.md;
        /// <c>kartla_record_set_section</c>). Schema if they are not a valid message of that type
        /// or break a content rule (the record is then unchanged); InvalidArgument for
        /// "sharing_ledger", which only sharing writes.
        /// </summary>
        public void SetSection(string section, byte[] protobuf)
        {
            Args.NotNull(protobuf, nameof(protobuf));
            fixed (byte* c = protobuf) SetSectionCore(section, c, protobuf.Length);
        }

#if KARTLA_SPAN
        /// <summary>As <see cref="SetSection(string, byte[])"/>.</summary>
        public void SetSection(string section, ReadOnlySpan<byte> protobuf)
        {
            fixed (byte* c = &MemoryMarshal.GetReference(protobuf)) SetSectionCore(section, c, protobuf.Length);
        }
#endif

        /// <summary>As <see cref="SetSection(string, byte[])"/>, from protobuf JSON; Schema names what does not match.</summary>
        public void SetSectionJson(string section, string json)
        {
            using (var s = NativeText.From(section, nameof(section)))
            using (var j = NativeText.From(json, nameof(json), cString: false))
            {
                var sp = s.Ptr;
                var jp = j.Ptr;
                var jl = j.Size;
                Locked(p => Out.Check(Native.kartla_record_set_section_json(p, sp, jp, jl)));
            }
        }

        /// <summary>
        /// A section's content as protobuf bytes (<c>kartla_record_section</c>). NotFound if the record
        /// does not hold it; Integrity if it fails authentication (nothing is returned).
        /// </summary>
        public byte[] Section(string section)
        {
            using (var s = NativeText.From(section, nameof(section)))
            {
                var sp = s.Ptr;
                return Locked(p => Out.BytesFrom(b => Native.kartla_record_section(p, sp, b)));
            }
        }

        /// <summary>As <see cref="Section"/>, as protobuf JSON (snake_case field names).</summary>
        public string SectionJson(string section)
        {
            using (var s = NativeText.From(section, nameof(section)))
            {
                var sp = s.Ptr;
                return Locked(p => Out.StringFrom(b => Native.kartla_record_section_json(p, sp, b)));
            }
        }

        /// <summary>
        /// The capacity an array needs for <see cref="SectionInto(string, byte[])"/>: the section's padded
        /// length, at most 6.25 % (or the 1 KiB floor) above its content (<c>kartla_record_section_size</c>).
        /// </summary>
        public int SectionSize(string section)
        {
            using (var s = NativeText.From(section, nameof(section)))
            {
                var sp = s.Ptr;
                return Locked(p =>
                {
                    UIntPtr n;
                    Out.Check(Native.kartla_record_section_size(p, sp, &n));
                    return checked((int)n.ToUInt64());
                });
            }
        }

        private int SectionIntoCore(string section, byte* destination, int capacity)
        {
            using (var s = NativeText.From(section, nameof(section)))
            {
                var sp = s.Ptr;
                return Locked(p =>
                {
                    UIntPtr used;
                    Out.Check(Native.kartla_record_section_into(p, sp, destination, (UIntPtr)(uint)capacity, &used));
                    return (int)used.ToUInt64();
                });
            }
        }

        /// <summary>
        /// Decrypts a section straight into <paramref name="destination"/>, an array you own, and
        /// returns the content's length (<c>kartla_record_section_into</c>). InvalidArgument if it is
        /// shorter than <see cref="SectionSize"/>. On failure nothing of the section is left in it.
        /// Wipe it yourself when done (<c>Array.Clear</c>); allocate it once and pin it, or in the
        /// large-object heap (85,000 bytes or more), if the garbage collector must not move it.
        /// </summary>
        public int SectionInto(string section, byte[] destination)
        {
            Args.NotNull(destination, nameof(destination));
            fixed (byte* d = destination) return SectionIntoCore(section, d, destination.Length);
        }

#if KARTLA_SPAN
        /// <summary>As <see cref="SectionInto(string, byte[])"/>, into any memory you own.</summary>
        public int SectionInto(string section, Span<byte> destination)
        {
            fixed (byte* d = &MemoryMarshal.GetReference(destination)) return SectionIntoCore(section, d, destination.Length);
        }
#endif

        /// <summary>Removes a section; NotFound if absent (<c>kartla_record_remove_section</c>).</summary>
        public void RemoveSection(string section)
        {
            using (var s = NativeText.From(section, nameof(section)))
            {
                var sp = s.Ptr;
                Locked(p => Out.Check(Native.kartla_record_remove_section(p, sp)));
            }
        }

        // ---- Sharing (share.h) ----------------------------------------------------------------

        /// <summary>
        /// Grants <paramref name="sections"/> to the agency whose card file is <paramref name="agencyCard"/>
        /// (<c>kartla_record_share</c>) and returns the grant id (32 hex digits). The change reaches the
        /// disk with <see cref="Save"/>; then <see cref="ExportBundle"/> writes the agency's bundle.
        /// NotFound for a section the record does not hold; InvalidArgument for a card that is not an
        /// agency's, no purpose, a past expiry, or health data without an Art. 9(2) basis.
        /// What was shared cannot be unshared: a revocation protects what is written afterwards only.
        /// </summary>
        public string Share(byte[] agencyCard, IEnumerable<string> sections, ShareOptions options)
        {
            Args.NotNull(agencyCard, nameof(agencyCard));
            Args.NotNull(sections, nameof(sections));
            Args.NotNull(options, nameof(options));
            var names = new List<NativeText>();
            try
            {
                foreach (var name in sections) names.Add(NativeText.From(name, nameof(sections)));
                var pointers = new IntPtr[names.Count];
                for (int i = 0; i < names.Count; i++) pointers[i] = (IntPtr)names[i].Ptr;
                long expires = Time.Seconds(options.ExpiresAt, "options.ExpiresAt");
                long now = Time.Seconds(options.Now, "options.Now");
                using (var purpose = NativeText.From(options.Purpose, "options.Purpose", allowNull: true))
                using (var art6 = NativeText.From(options.GdprArt6Basis, "options.GdprArt6Basis", allowNull: true))
                using (var art9 = NativeText.From(options.GdprArt9Basis, "options.GdprArt9Basis", allowNull: true))
                {
                    var o = new NativeShareOptions();
                    Native.kartla_record_share_options_init(&o);
                    o.Purpose = purpose.Ptr;
                    o.ExpiresAt = expires;
                    o.Now = now;
                    o.GdprArt6Basis = art6.Ptr;
                    o.GdprArt9Basis = art9.Ptr;
                    fixed (byte* card = agencyCard)
                    fixed (IntPtr* list = pointers)
                    {
                        byte* c = card;
                        IntPtr* l = list;
                        NativeShareOptions* op = &o;
                        int count = pointers.Length;
                        return Locked(p => Out.StringFrom(b => Native.kartla_record_share(
                            p, c, (UIntPtr)(uint)agencyCard.Length, l, (UIntPtr)(uint)count, op, b)));
                    }
                }
            }
            finally
            {
                foreach (var n in names) n.Dispose();
            }
        }

        /// <summary>
        /// Whether sharing the section would share health data (GDPR Art. 9): work_ability always;
        /// notes or documents with an entry flagged as health data (<c>kartla_record_section_is_special</c>).
        /// </summary>
        public bool IsSpecial(string section)
        {
            using (var s = NativeText.From(section, nameof(section)))
            {
                var sp = s.Ptr;
                return Locked(p =>
                {
                    int special;
                    Out.Check(Native.kartla_record_section_is_special(p, sp, &special));
                    return special != 0;
                });
            }
        }

        /// <summary>
        /// Writes, atomically, the share bundle of one grant (<c>kartla_record_export_bundle</c>).
        /// The record must be saved. NotFound for an unknown or revoked grant; Expired for one past
        /// its expiry at the record's clock.
        /// </summary>
        public void ExportBundle(string grantId, string path)
        {
            using (var g = NativeText.From(grantId, nameof(grantId)))
            using (var t = NativeText.From(path, nameof(path)))
            {
                var gp = g.Ptr;
                var tp = t.Ptr;
                Locked(p => Out.Check(Native.kartla_record_export_bundle(p, gp, tp)));
            }
        }

        private T RevokeCore<T>(byte[] agencyCard, DateTimeOffset? now, int encoding, Func<BufferFill, T> read)
        {
            Args.NotNull(agencyCard, nameof(agencyCard));
            long seconds = Time.Seconds(now, nameof(now));
            fixed (byte* card = agencyCard)
            {
                byte* c = card;
                return Locked(p => read(b => Native.kartla_record_revoke(p, c, (UIntPtr)(uint)agencyCard.Length, seconds, encoding, b)));
            }
        }

        /// <summary>
        /// Revokes every grant to the agency whose card this is (<c>kartla_record_revoke</c>): the
        /// sections it could read move to new keys at the next <see cref="Save"/>, so it cannot read
        /// anything written afterwards. WHAT WAS SHARED CANNOT BE UNSHARED. <paramref name="now"/>:
        /// the revocation time, null = the record's clock. Returns the JSON of
        /// <c>kartla.v1.RevocationSummary</c>. NotFound if nothing is shared with that agency.
        /// </summary>
        public string RevokeJson(byte[] agencyCard, DateTimeOffset? now = null)
        {
            return RevokeCore(agencyCard, now, Encodings.Json, Out.StringFrom);
        }

        /// <summary>As <see cref="RevokeJson"/>, the protobuf bytes of <c>kartla.v1.RevocationSummary</c>.</summary>
        public byte[] RevokeProtobuf(byte[] agencyCard, DateTimeOffset? now = null)
        {
            return RevokeCore(agencyCard, now, Encodings.Protobuf, Out.BytesFrom);
        }

        /// <summary>Wipes the keys and releases the record (<c>kartla_record_free</c>). Calling it again does nothing.</summary>
        public void Dispose()
        {
            Handle.Dispose();
        }
    }
}
