// SPDX-License-Identifier: Apache-2.0
// EXPERIMENTAL TIER (docs/API-STABILITY.md): the experimental functions that work on a record or a
// share (attest.h, contribution.h, receipt.h, views.h), as extension methods that exist only for a
// program that writes `using Kartla.Experimental;`.
using System;

namespace Kartla.Experimental
{
    /// <summary>Options of the views (<c>kartla_view_options</c>).</summary>
    public sealed class ViewOptions
    {
        /// <summary>Progress: also chart work_ability scores (health data).</summary>
        public bool IncludeWorkAbility { get; set; }
        /// <summary>BCP 47 tag for titles and labels ("sv", "fi"); null = "en".</summary>
        public string Language { get; set; }
    }

    internal static unsafe class Views
    {
        internal delegate T ViewCall<T>(NativeViewOptions* options);

        internal static T With<T>(ViewOptions options, ViewCall<T> call)
        {
            if (options == null) return call(null);
            using (var language = NativeText.From(options.Language, "options.Language", allowNull: true))
            {
                var o = new NativeViewOptions();
                Native.kartla_view_options_init(&o);
                o.IncludeWorkAbility = options.IncludeWorkAbility ? 1u : 0u;
                o.Language = language.Ptr;
                return call(&o);
            }
        }
    }

    /// <summary>
    /// The experimental tier on the owner's record: attestations and contributions kept in it,
    /// provenance, receipts and views. Thread safety: as every <see cref="Record"/> call (serialised
    /// on the record).
    /// </summary>
    public static unsafe class RecordExtensions
    {
        /// <summary>
        /// Stores an attestation file with the entry it names, after checking it at <paramref name="now"/>
        /// (null = now; <c>kartla_record_attach_attestation</c>). Returns true if the record changed,
        /// false if it already held it. Auth if <paramref name="owner"/> is not the record's owner;
        /// an attestation that does not hold fails with the class verification gives.
        /// </summary>
        public static bool AttachAttestation(this Record record, Identity owner, byte[] attestation, DateTimeOffset? now = null)
        {
            Args.NotNull(record, nameof(record));
            Args.NotNull(owner, nameof(owner));
            Args.NotNull(attestation, nameof(attestation));
            long when = Time.Seconds(now, nameof(now));
            fixed (byte* a = attestation)
            {
                byte* ap = a;
                return record.Locked(p =>
                {
                    using (var o = owner.Read())
                    {
                        int added;
                        Out.Check(Native.kartla_record_attach_attestation(p, o.Ptr, ap, (UIntPtr)(uint)attestation.Length, when, &added));
                        return added != 0;
                    }
                });
            }
        }

        private static T ProvenanceCore<T>(Record record, Identity owner, string section, byte[] trustList, DateTimeOffset? now,
                                           int encoding, Func<BufferFill, T> read)
        {
            Args.NotNull(record, nameof(record));
            Args.NotNull(owner, nameof(owner));
            byte[] list = trustList ?? new byte[0];
            long when = Time.Seconds(now, nameof(now));
            using (var s = NativeText.From(section, nameof(section)))
            fixed (byte* l = list)
            {
                byte* lp = l, sp = s.Ptr;
                return record.Locked(p =>
                {
                    using (var o = owner.Read())
                    {
                        var op = o.Ptr;
                        return read(b => Native.kartla_record_provenance(p, op, sp, lp, (UIntPtr)(uint)list.Length, when, encoding, b));
                    }
                });
            }
        }

        /// <summary>
        /// The provenance of every entry of a section (<c>kartla_record_provenance</c>): the JSON of
        /// <c>kartla.v1.ProvenanceReport</c>. <paramref name="trustList"/>: a trust-list file or null
        /// (no issuer trusted), verified at <paramref name="now"/> (null = now).
        /// </summary>
        public static string ProvenanceJson(this Record record, Identity owner, string section, byte[] trustList = null, DateTimeOffset? now = null)
        {
            return ProvenanceCore(record, owner, section, trustList, now, Encodings.Json, Out.StringFrom);
        }

        /// <summary>As <see cref="ProvenanceJson"/>, the protobuf bytes of <c>kartla.v1.ProvenanceReport</c>.</summary>
        public static byte[] ProvenanceProtobuf(this Record record, Identity owner, string section, byte[] trustList = null, DateTimeOffset? now = null)
        {
            return ProvenanceCore(record, owner, section, trustList, now, Encodings.Protobuf, Out.BytesFrom);
        }

        /// <summary>
        /// Accepts a contribution into the record (<c>kartla_record_accept_contribution</c>): true if
        /// the record changed, false if it already held it. InvalidArgument if the section holds a
        /// different entry with that id; Schema if the merged section would break a rule; Auth if
        /// <paramref name="owner"/> is not the record's owner. On failure the record is unchanged.
        /// </summary>
        public static bool AcceptContribution(this Record record, Identity owner, byte[] contribution, DateTimeOffset? now = null)
        {
            Args.NotNull(record, nameof(record));
            Args.NotNull(owner, nameof(owner));
            Args.NotNull(contribution, nameof(contribution));
            long when = Time.Seconds(now, nameof(now));
            fixed (byte* c = contribution)
            {
                byte* cp = c;
                return record.Locked(p =>
                {
                    using (var o = owner.Read())
                    {
                        int added;
                        Out.Check(Native.kartla_record_accept_contribution(p, o.Ptr, cp, (UIntPtr)(uint)contribution.Length, when, &added));
                        return added != 0;
                    }
                });
            }
        }

        /// <summary>
        /// The receipt file of a grant, signed by the owner (<c>kartla_record_receipt</c>): a grant
        /// receipt while it is live, a termination receipt once it has ended. Make it after
        /// <see cref="Record.Save"/>. InvalidArgument if the record was never saved or has unsaved
        /// changes; NotFound for an unknown grant; Expired if it is past its expiry but not yet ended.
        /// </summary>
        public static byte[] Receipt(this Record record, string grantId)
        {
            Args.NotNull(record, nameof(record));
            using (var g = NativeText.From(grantId, nameof(grantId)))
            {
                var gp = g.Ptr;
                return record.Locked(p => Out.BytesFrom(b => Native.kartla_record_receipt(p, gp, b)));
            }
        }

        /// <summary>Progress (stegförflyttning): the JSON of <c>kartla.v1.ProgressView</c> (<c>kartla_record_progress</c>).</summary>
        public static string ProgressJson(this Record record, ViewOptions options = null)
        {
            Args.NotNull(record, nameof(record));
            return record.Locked(p => Views.With(options, o => Out.StringFrom(b => Native.kartla_record_progress(p, o, Encodings.Json, b))));
        }

        /// <summary>Progress as a table per instrument (<c>kartla_record_progress_text</c>).</summary>
        public static string ProgressText(this Record record, ViewOptions options = null)
        {
            Args.NotNull(record, nameof(record));
            return record.Locked(p => Views.With(options, o => Out.StringFrom(b => Native.kartla_record_progress_text(p, o, b))));
        }

        /// <summary>Progress as a standalone SVG document (<c>kartla_record_progress_svg</c>).</summary>
        public static string ProgressSvg(this Record record, ViewOptions options = null)
        {
            Args.NotNull(record, nameof(record));
            return record.Locked(p => Views.With(options, o => Out.StringFrom(b => Native.kartla_record_progress_svg(p, o, b))));
        }

        /// <summary>The action plan: the JSON of <c>kartla.v1.PlanView</c> (<c>kartla_record_plan</c>).</summary>
        public static string PlanJson(this Record record, ViewOptions options = null)
        {
            Args.NotNull(record, nameof(record));
            return record.Locked(p => Views.With(options, o => Out.StringFrom(b => Native.kartla_record_plan(p, o, Encodings.Json, b))));
        }

        /// <summary>The action plan as text (<c>kartla_record_plan_text</c>).</summary>
        public static string PlanText(this Record record, ViewOptions options = null)
        {
            Args.NotNull(record, nameof(record));
            return record.Locked(p => Views.With(options, o => Out.StringFrom(b => Native.kartla_record_plan_text(p, o, b))));
        }

        /// <summary>The record as text for a person to read; <paramref name="section"/> null = every section (<c>kartla_record_show_text</c>).</summary>
        public static string ShowText(this Record record, string section = null, ViewOptions options = null)
        {
            Args.NotNull(record, nameof(record));
            using (var s = NativeText.From(section, nameof(section), allowNull: true))
            {
                var sp = s.Ptr;
                return record.Locked(p => Views.With(options, o => Out.StringFrom(b => Native.kartla_record_show_text(p, sp, o, b))));
            }
        }
    }

    /// <summary>
    /// The experimental tier on an agency's share: provenance and views, as the agency may read
    /// them at <c>at</c> (null = now). Thread safety: as every <see cref="Share"/> call (may run on
    /// several threads at once).
    /// </summary>
    public static unsafe class ShareExtensions
    {
        private static T ProvenanceCore<T>(Share share, string section, byte[] trustList, DateTimeOffset? now, int encoding, Func<BufferFill, T> read)
        {
            Args.NotNull(share, nameof(share));
            byte[] list = trustList ?? new byte[0];
            long when = Time.Seconds(now, nameof(now));
            using (var s = NativeText.From(section, nameof(section)))
            using (var lease = share.Lease())
            fixed (byte* l = list)
            {
                byte* lp = l, sp = s.Ptr;
                var p = lease.Ptr;
                return read(b => Native.kartla_share_provenance(p, sp, lp, (UIntPtr)(uint)list.Length, when, encoding, b));
            }
        }

        /// <summary>
        /// As <see cref="RecordExtensions.ProvenanceJson"/>, for an agency's share (the section must be
        /// readable by it: NotShared / Expired as for <see cref="Share.Section"/>; <c>kartla_share_provenance</c>).
        /// </summary>
        public static string ProvenanceJson(this Share share, string section, byte[] trustList = null, DateTimeOffset? now = null)
        {
            return ProvenanceCore(share, section, trustList, now, Encodings.Json, Out.StringFrom);
        }

        /// <summary>As <see cref="ProvenanceJson"/>, the protobuf bytes of <c>kartla.v1.ProvenanceReport</c>.</summary>
        public static byte[] ProvenanceProtobuf(this Share share, string section, byte[] trustList = null, DateTimeOffset? now = null)
        {
            return ProvenanceCore(share, section, trustList, now, Encodings.Protobuf, Out.BytesFrom);
        }

        private delegate int ShareView(IntPtr share, long at, NativeViewOptions* options, NativeBuffer* output);

        private static string View(Share share, DateTimeOffset? at, ViewOptions options, ShareView view)
        {
            Args.NotNull(share, nameof(share));
            long when = Time.Seconds(at, nameof(at));
            using (var lease = share.Lease())
            {
                var p = lease.Ptr;
                return Views.With(options, o => Out.StringFrom(b => view(p, when, o, b)));
            }
        }

        /// <summary>Progress as the agency may read it: the JSON of <c>kartla.v1.ProgressView</c> (<c>kartla_share_progress</c>).</summary>
        public static string ProgressJson(this Share share, DateTimeOffset? at = null, ViewOptions options = null)
        {
            return View(share, at, options, (p, w, o, b) => Native.kartla_share_progress(p, w, o, Encodings.Json, b));
        }

        /// <summary>Progress as text (<c>kartla_share_progress_text</c>).</summary>
        public static string ProgressText(this Share share, DateTimeOffset? at = null, ViewOptions options = null)
        {
            return View(share, at, options, Native.kartla_share_progress_text);
        }

        /// <summary>Progress as SVG (<c>kartla_share_progress_svg</c>).</summary>
        public static string ProgressSvg(this Share share, DateTimeOffset? at = null, ViewOptions options = null)
        {
            return View(share, at, options, Native.kartla_share_progress_svg);
        }

        /// <summary>The action plan: the JSON of <c>kartla.v1.PlanView</c> (<c>kartla_share_plan</c>).</summary>
        public static string PlanJson(this Share share, DateTimeOffset? at = null, ViewOptions options = null)
        {
            return View(share, at, options, (p, w, o, b) => Native.kartla_share_plan(p, w, o, Encodings.Json, b));
        }

        /// <summary>The action plan as text (<c>kartla_share_plan_text</c>).</summary>
        public static string PlanText(this Share share, DateTimeOffset? at = null, ViewOptions options = null)
        {
            return View(share, at, options, Native.kartla_share_plan_text);
        }

        /// <summary>What the agency can read as text; <paramref name="section"/> null = every readable section (<c>kartla_share_show_text</c>).</summary>
        public static string ShowText(this Share share, string section = null, DateTimeOffset? at = null, ViewOptions options = null)
        {
            using (var s = NativeText.From(section, nameof(section), allowNull: true))
            {
                var sp = s.Ptr;
                return View(share, at, options, (p, w, o, b) => Native.kartla_share_show_text(p, sp, w, o, b));
            }
        }
    }
}
