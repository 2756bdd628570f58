// SPDX-License-Identifier: Apache-2.0
using System;
using System.Collections.Generic;

namespace Kartla
{
    /// <summary>The outcome of validating section content (<c>kartla.v1.ValidationReport</c>).</summary>
    public sealed class ValidationResult
    {
        /// <summary>True when the content breaks no rule.</summary>
        public bool IsValid { get; }
        /// <summary>The JSON of <c>kartla.v1.ValidationReport</c>: every violation in field order (none when valid).</summary>
        public string ReportJson { get; }
        /// <summary>The library's message naming the first violation; empty when valid.</summary>
        public string Message { get; }

        internal ValidationResult(bool valid, string report, string message)
        {
            IsValid = valid;
            ReportJson = report;
            Message = message;
        }
    }

    /// <summary>
    /// What the library is and what it knows without a handle: versions, the sections, the agency
    /// roles, cards, content validation (kartla/common.h, identity.h, record.h). Static data and
    /// stateless functions: every member is thread-safe.
    /// </summary>
    public static unsafe class Library
    {
        /// <summary>The library's version text, e.g. "0.1.0" (<c>kartla_version</c>).</summary>
        public static string Version => Out.Text(Native.kartla_version());
        /// <summary>major * 10000 + minor * 100 + patch (<c>kartla_version_number</c>).</summary>
        public static uint VersionNumber => Native.kartla_version_number();
        /// <summary>The shared library's ABI version (its SOVERSION).</summary>
        public static uint AbiVersion => Native.kartla_abi_version();
        /// <summary>The container format major version this library reads and writes.</summary>
        public static uint FormatVersion => Native.kartla_format_version();

        /// <summary>The C name of a status code ("E_FORMAT", ...; "UNKNOWN" for codes this library does not know).</summary>
        public static string StatusName(Status status)
        {
            return Out.Text(Native.kartla_status_name((int)status));
        }

        /// <summary>The record's section names, in the library's order (<c>kartla_section_name</c>).</summary>
        public static IReadOnlyList<string> SectionNames
        {
            get
            {
                var names = new List<string>();
                ulong count = Native.kartla_section_count().ToUInt64();
                for (ulong i = 0; i < count; i++) names.Add(Out.Text(Native.kartla_section_name((UIntPtr)i)));
                return names.AsReadOnly();
            }
        }

        /// <summary>The documented agency roles (<c>kartla_agency_role_name</c>).</summary>
        public static IReadOnlyList<string> AgencyRoles
        {
            get
            {
                var names = new List<string>();
                ulong count = Native.kartla_agency_role_count().ToUInt64();
                for (ulong i = 0; i < count; i++) names.Add(Out.Text(Native.kartla_agency_role_name((UIntPtr)i)));
                return names.AsReadOnly();
            }
        }

        /// <summary>
        /// Whether the section holds special-category (health) data that a wildcard never shares
        /// (<c>kartla_section_is_special_category</c>). InvalidArgument for an unknown name.
        /// </summary>
        public static bool IsSpecialCategory(string section)
        {
            using (var s = NativeText.From(section, nameof(section)))
            {
                int special;
                Out.Check(Native.kartla_section_is_special_category(s.Ptr, &special));
                return special != 0;
            }
        }

        /// <summary>The fingerprint of a card file, after checking its self-signature (Signature if it fails).</summary>
        public static string CardFingerprint(byte[] card)
        {
            Args.NotNull(card, nameof(card));
            fixed (byte* c = card)
            {
                byte* cp = c;
                return Out.StringFrom(b => Native.kartla_card_fingerprint(cp, (UIntPtr)(uint)card.Length, b));
            }
        }

        /// <summary>A card file described: the JSON of <c>kartla.v1.CardDescription</c>. Signature if its self-signature fails.</summary>
        public static string CardDescribeJson(byte[] card)
        {
            Args.NotNull(card, nameof(card));
            fixed (byte* c = card)
            {
                byte* cp = c;
                return Out.StringFrom(b => Native.kartla_card_describe(cp, (UIntPtr)(uint)card.Length, Encodings.Json, b));
            }
        }

        /// <summary>As <see cref="CardDescribeJson"/>, the protobuf bytes of <c>kartla.v1.CardDescription</c>.</summary>
        public static byte[] CardDescribeProtobuf(byte[] card)
        {
            Args.NotNull(card, nameof(card));
            fixed (byte* c = card)
            {
                byte* cp = c;
                return Out.BytesFrom(b => Native.kartla_card_describe(cp, (UIntPtr)(uint)card.Length, Encodings.Protobuf, b));
            }
        }

        private static ValidationResult Validate(int status, NativeBuffer* report)
        {
            // KARTLA_OK and KARTLA_E_SCHEMA both fill the report (the exception to the house rule).
            if (status == 0) return new ValidationResult(true, Out.String(report), "");
            if (status == (int)Status.Schema)
            {
                string message = Out.Text(Native.kartla_last_error());
                return new ValidationResult(false, Out.String(report), message);
            }
            throw Out.Error(status);
        }

        /// <summary>
        /// Validates section content given as protobuf bytes against the offline rules of
        /// docs/MODEL.md (<c>kartla_validate_section</c>). Content that breaks a rule is a result
        /// (<see cref="ValidationResult.IsValid"/> false), not an exception; InvalidArgument for an
        /// unknown section and Limit for content over the size limit throw.
        /// </summary>
        public static ValidationResult ValidateSection(string section, byte[] protobuf)
        {
            Args.NotNull(protobuf, nameof(protobuf));
            using (var s = NativeText.From(section, nameof(section)))
            fixed (byte* c = protobuf)
            {
                var b = new NativeBuffer();
                try
                {
                    int status = Native.kartla_validate_section(s.Ptr, c, (UIntPtr)(uint)protobuf.Length, Encodings.Json, &b);
                    return Validate(status, &b);
                }
                finally
                {
                    Out.Free(&b);
                }
            }
        }

        /// <summary>As <see cref="ValidateSection"/>, the content as protobuf JSON (<c>kartla_validate_section_json</c>).</summary>
        public static ValidationResult ValidateSectionJson(string section, string json)
        {
            using (var s = NativeText.From(section, nameof(section)))
            using (var j = NativeText.From(json, nameof(json), cString: false))
            {
                var b = new NativeBuffer();
                try
                {
                    int status = Native.kartla_validate_section_json(s.Ptr, j.Ptr, j.Size, Encodings.Json, &b);
                    return Validate(status, &b);
                }
                finally
                {
                    Out.Free(&b);
                }
            }
        }
    }
}
