// SPDX-License-Identifier: Apache-2.0
// EXPERIMENTAL TIER (docs/API-STABILITY.md): contributions and receipts
// (kartla/experimental/contribution.h, receipt.h).
using System;

namespace Kartla.Experimental
{
    /// <summary>
    /// Contributions (docs/SPEC.md §13.5): an agency's entry for one section of a person's record,
    /// signed by the agency and sealed to the owner. Experimental; stateless and thread-safe.
    /// Accepting one is <see cref="RecordExtensions.AcceptContribution"/>.
    /// </summary>
    public static unsafe class Contributions
    {
        /// <summary>
        /// An agency's contribution file (<c>kartla_contribution_create</c>): one entry (the JSON of
        /// one element of the section's <c>entries</c>, with a non-empty "id") for section
        /// <paramref name="section"/> of record <paramref name="recordId"/> of the owner whose card
        /// this is. <paramref name="claimJson"/> null = the default claim (CONTRIBUTED);
        /// <paramref name="now"/> null = now. InvalidArgument if <paramref name="agency"/> is not an
        /// agency or the card not an owner's; Schema if the entry or claim breaks a rule.
        /// </summary>
        public static byte[] Create(Identity agency, byte[] ownerCard, string recordId, string section, string entryJson,
                                    string claimJson = null, DateTimeOffset? now = null)
        {
            Args.NotNull(agency, nameof(agency));
            Args.NotNull(ownerCard, nameof(ownerCard));
            long when = Time.Seconds(now, nameof(now));
            using (var r = NativeText.From(recordId, nameof(recordId)))
            using (var s = NativeText.From(section, nameof(section)))
            using (var e = NativeText.From(entryJson, nameof(entryJson), cString: false))
            using (var c = NativeText.From(claimJson, nameof(claimJson), allowNull: true))
            using (var a = agency.Read())
            fixed (byte* card = ownerCard)
            {
                byte* cardp = card, rp = r.Ptr, sp = s.Ptr, ep = e.Ptr, cp = c.Ptr;
                var el = e.Size;
                var ap = a.Ptr;
                return Out.BytesFrom(b => Native.kartla_contribution_create(ap, cardp, (UIntPtr)(uint)ownerCard.Length, rp, sp, ep, el, cp, when, b));
            }
        }

        private static T DescribeCore<T>(Identity owner, byte[] contribution, string recordId, DateTimeOffset? now, int encoding,
                                         Func<BufferFill, T> read)
        {
            Args.NotNull(owner, nameof(owner));
            Args.NotNull(contribution, nameof(contribution));
            long when = Time.Seconds(now, nameof(now));
            using (var r = NativeText.From(recordId, nameof(recordId), allowNull: true))
            using (var o = owner.Read())
            fixed (byte* c = contribution)
            {
                byte* cp = c, rp = r.Ptr;
                var op = o.Ptr;
                return read(b => Native.kartla_contribution_describe(op, cp, (UIntPtr)(uint)contribution.Length, rp, when, encoding, b));
            }
        }

        /// <summary>
        /// Opens a contribution file for <paramref name="owner"/> and verifies it completely before
        /// describing it (<c>kartla_contribution_describe</c>): the JSON of
        /// <c>kartla.v1.ContributionDescription</c> (its content is plaintext). <paramref name="recordId"/>:
        /// require that record, or null. Auth if not sealed to this owner or damaged; Signature for a
        /// bad signature or another person or record.
        /// </summary>
        public static string DescribeJson(Identity owner, byte[] contribution, string recordId = null, DateTimeOffset? now = null)
        {
            return DescribeCore(owner, contribution, recordId, now, Encodings.Json, Out.StringFrom);
        }

        /// <summary>As <see cref="DescribeJson"/>, the protobuf bytes of <c>kartla.v1.ContributionDescription</c>.</summary>
        public static byte[] DescribeProtobuf(Identity owner, byte[] contribution, string recordId = null, DateTimeOffset? now = null)
        {
            return DescribeCore(owner, contribution, recordId, now, Encodings.Protobuf, Out.BytesFrom);
        }
    }

    /// <summary>
    /// Receipts (docs/SPEC.md §7.6): the owner's signed statement that a grant was made or ended.
    /// Experimental; stateless and thread-safe. Making one is <see cref="RecordExtensions.Receipt"/>.
    /// </summary>
    public static unsafe class Receipts
    {
        private static T DescribeCore<T>(byte[] receipt, byte[] ownerCard, byte[] agencyCard, int encoding, Func<BufferFill, T> read)
        {
            Args.NotNull(receipt, nameof(receipt));
            byte[] owner = ownerCard ?? new byte[0];
            byte[] agency = agencyCard ?? new byte[0];
            fixed (byte* r = receipt)
            fixed (byte* o = owner)
            fixed (byte* a = agency)
            {
                byte* rp = r, op = o, ap = a;
                return read(b => Native.kartla_receipt_describe(rp, (UIntPtr)(uint)receipt.Length, op, (UIntPtr)(uint)owner.Length, ap,
                                                                (UIntPtr)(uint)agency.Length, encoding, b));
            }
        }

        /// <summary>
        /// Verifies a receipt file, then describes it (<c>kartla_receipt_describe</c>): the JSON of
        /// <c>kartla.v1.ReceiptDescription</c>. <paramref name="ownerCard"/>: the owner you expect, or
        /// null (then compare the fingerprint yourself): Auth if another owner signed it.
        /// <paramref name="agencyCard"/>: your own agency card, or null: Signature if the receipt is
        /// about a grant to another agency. InvalidArgument for a card of the wrong kind.
        /// </summary>
        public static string DescribeJson(byte[] receipt, byte[] ownerCard = null, byte[] agencyCard = null)
        {
            return DescribeCore(receipt, ownerCard, agencyCard, Encodings.Json, Out.StringFrom);
        }

        /// <summary>As <see cref="DescribeJson"/>, the protobuf bytes of <c>kartla.v1.ReceiptDescription</c>.</summary>
        public static byte[] DescribeProtobuf(byte[] receipt, byte[] ownerCard = null, byte[] agencyCard = null)
        {
            return DescribeCore(receipt, ownerCard, agencyCard, Encodings.Protobuf, Out.BytesFrom);
        }
    }
}
