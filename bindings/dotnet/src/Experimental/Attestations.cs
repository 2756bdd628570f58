// SPDX-License-Identifier: Apache-2.0
// EXPERIMENTAL TIER (docs/API-STABILITY.md): attestations and provenance (kartla/experimental/attest.h).
// May change or go in any release. Using it means writing `using Kartla.Experimental;`.
using System;

namespace Kartla.Experimental
{
    /// <summary>The entry an attestation is about (<c>kartla_entry_ref</c>).</summary>
    public sealed class EntryRef
    {
        /// <summary>The record owner's public card file (<see cref="Identity.Card"/>).</summary>
        public byte[] OwnerCard { get; set; }
        /// <summary>32 hex digits, as <see cref="Record.Id"/> gives it.</summary>
        public string RecordId { get; set; }
        /// <summary>A section name.</summary>
        public string Section { get; set; }
        /// <summary>The entry's id.</summary>
        public string EntryId { get; set; }
        /// <summary>The entry's exact bytes (<see cref="Attestations.SectionEntry"/>).</summary>
        public byte[] Entry { get; set; }
    }

    /// <summary>
    /// The judgement of an attestation (<c>kartla_attestation_verify</c>): the status of the first
    /// check that failed (<see cref="Status.Ok"/> for a valid one, trusted or not: the verdict says
    /// which) and the report, which the library writes whenever the attestation was judged.
    /// </summary>
    public sealed class AttestationCheck
    {
        /// <summary>Ok, or the class of the first failed check (Signature, Integrity, Expired, Schema, Format, ...).</summary>
        public Status Status { get; }
        /// <summary>The C name of <see cref="Status"/>.</summary>
        public string StatusName { get; }
        /// <summary>The library's message when the status is not Ok; else empty.</summary>
        public string Message { get; }
        /// <summary>The JSON of <c>kartla.v1.AttestationReport</c> (verdict and finding) when asked for as JSON; else null.</summary>
        public string ReportJson { get; }
        /// <summary>The protobuf bytes of <c>kartla.v1.AttestationReport</c> when asked for as protobuf; else null.</summary>
        public byte[] ReportProtobuf { get; }

        internal AttestationCheck(KartlaException failure, string json, byte[] protobuf)
        {
            Status = failure == null ? Status.Ok : failure.Status;
            StatusName = failure == null ? "OK" : failure.StatusName;
            Message = failure == null ? "" : failure.LibraryMessage;
            ReportJson = json;
            ReportProtobuf = protobuf;
        }
    }

    /// <summary>
    /// Attestations (docs/SPEC.md §13.2): an agency's signed claim about one entry of one person's
    /// record, bound to the owner's keys, the record id, the section, the entry id and its exact
    /// bytes. Experimental. Thread safety: stateless; every member may run on several threads.
    /// </summary>
    public static unsafe class Attestations
    {
        /// <summary>
        /// The bytes of entry <paramref name="entryId"/> inside section content (protobuf bytes as
        /// <see cref="Record.Section"/> returns them): what an attestation covers
        /// (<c>kartla_section_entry</c>). NotFound if no entry has that id; Schema if the content
        /// does not parse or two entries share the id.
        /// </summary>
        public static byte[] SectionEntry(string section, byte[] content, string entryId)
        {
            Args.NotNull(content, nameof(content));
            using (var s = NativeText.From(section, nameof(section)))
            using (var e = NativeText.From(entryId, nameof(entryId)))
            fixed (byte* c = content)
            {
                byte* sp = s.Ptr, ep = e.Ptr, cp = c;
                return Out.BytesFrom(b => Native.kartla_section_entry(sp, cp, (UIntPtr)(uint)content.Length, ep, b));
            }
        }

        internal delegate T RefCall<T>(NativeEntryRef* reference);

        /// <summary>Builds the native entry ref, valid for the length of <paramref name="call"/>.</summary>
        internal static T WithRef<T>(EntryRef reference, RefCall<T> call)
        {
            Args.NotNull(reference, nameof(reference));
            Args.NotNull(reference.OwnerCard, "reference.OwnerCard");
            Args.NotNull(reference.Entry, "reference.Entry");
            using (var record = NativeText.From(reference.RecordId, "reference.RecordId"))
            using (var section = NativeText.From(reference.Section, "reference.Section"))
            using (var entryId = NativeText.From(reference.EntryId, "reference.EntryId"))
            fixed (byte* card = reference.OwnerCard)
            fixed (byte* entry = reference.Entry)
            {
                var r = new NativeEntryRef();
                Native.kartla_entry_ref_init(&r);
                r.OwnerCard = card;
                r.OwnerCardLength = (UIntPtr)(uint)reference.OwnerCard.Length;
                r.RecordId = record.Ptr;
                r.Section = section.Ptr;
                r.EntryId = entryId.Ptr;
                r.Entry = entry;
                r.EntryLength = (UIntPtr)(uint)reference.Entry.Length;
                return call(&r);
            }
        }

        /// <summary>
        /// An attestation file signed by <paramref name="agency"/> about the entry
        /// <paramref name="reference"/> names (<c>kartla_attestation_issue</c>). <paramref name="claimJson"/>:
        /// the claim (docs/SPEC.md §13.2); Schema if it breaks a content rule. <paramref name="issuedAt"/>
        /// null = now; <paramref name="expiresAt"/> null = never. InvalidArgument if
        /// <paramref name="agency"/> is not an agency or the entry bytes are not that entry's.
        /// </summary>
        public static byte[] Issue(Identity agency, EntryRef reference, string claimJson, DateTimeOffset? issuedAt = null,
                                   DateTimeOffset? expiresAt = null)
        {
            Args.NotNull(agency, nameof(agency));
            long issued = Time.Seconds(issuedAt, nameof(issuedAt));
            long expires = Time.Seconds(expiresAt, nameof(expiresAt));
            using (var claim = NativeText.From(claimJson, nameof(claimJson)))
            using (var a = agency.Read())
            {
                var ap = a.Ptr;
                var cp = claim.Ptr;
                return WithRef(reference, r => Out.BytesFrom(b => Native.kartla_attestation_issue(ap, r, cp, issued, expires, b)));
            }
        }

        private static AttestationCheck VerifyCore(byte[] attestation, EntryRef reference, byte[] trustList, DateTimeOffset? now, int encoding)
        {
            Args.NotNull(attestation, nameof(attestation));
            long when = Time.Seconds(now, nameof(now));
            byte[] list = trustList ?? new byte[0];
            fixed (byte* att = attestation)
            fixed (byte* tl = list)
            {
                byte* ap = att, lp = tl;
                return WithRef(reference, r =>
                {
                    var b = new NativeBuffer();
                    try
                    {
                        int status = Native.kartla_attestation_verify(ap, (UIntPtr)(uint)attestation.Length, r, lp,
                                                                      (UIntPtr)(uint)list.Length, when, encoding, &b);
                        KartlaException failure = status == 0 ? null : Out.Error(status);
                        // EXCEPTION to the house rule: a report is written whenever the attestation was
                        // judged; with none (an expired trust list, misuse) the failure is thrown.
                        if (b.Data == IntPtr.Zero && b.Length == UIntPtr.Zero && failure != null) throw failure;
                        return encoding == Encodings.Json ? new AttestationCheck(failure, Out.String(&b), null)
                                                          : new AttestationCheck(failure, null, Out.Bytes(&b));
                    }
                    finally
                    {
                        Out.Free(&b);
                    }
                });
            }
        }

        /// <summary>
        /// Checks an attestation file against the entry <paramref name="reference"/> names at
        /// <paramref name="now"/> (null = now), with an optional trust list (null: none; verified
        /// first, an expired one throws Expired) (<c>kartla_attestation_verify</c>). A judged
        /// attestation is a result, whatever the verdict: its status and report. Throws only when no
        /// report was made.
        /// </summary>
        public static AttestationCheck VerifyJson(byte[] attestation, EntryRef reference, byte[] trustList = null, DateTimeOffset? now = null)
        {
            return VerifyCore(attestation, reference, trustList, now, Encodings.Json);
        }

        /// <summary>As <see cref="VerifyJson"/>, the report as protobuf bytes.</summary>
        public static AttestationCheck VerifyProtobuf(byte[] attestation, EntryRef reference, byte[] trustList = null, DateTimeOffset? now = null)
        {
            return VerifyCore(attestation, reference, trustList, now, Encodings.Protobuf);
        }
    }
}
