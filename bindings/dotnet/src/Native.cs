// SPDX-License-Identifier: Apache-2.0
// The C ABI as P/Invoke declarations (include/kartla/*.h), one line per function, nothing public.
//
// Every pointer parameter is a raw pointer that the calling wrapper pins or allocates itself, so
// the same declarations serve byte[], char[] and ReadOnlySpan<byte> callers, and no string is
// ever marshalled by the runtime (its "ANSI" is a code page on .NET Framework, not UTF-8).
// Handles go in as IntPtr taken from a SafeHandle the caller holds a reference on
// (HandleLease), and come out as SafeHandle subclasses, so a handle is never lost between the
// call and its wrapper.
using System;
using System.Runtime.InteropServices;

namespace Kartla
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeBuffer
    {
        public IntPtr Data;
        public UIntPtr Length;
        public IntPtr Internal;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeIdentityOptions
    {
        public uint Version;
        public uint KdfOpsLimit;
        public uint KdfMemLimitMib;
        public long CreatedAt;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct NativeAgencyInfo
    {
        public uint Version;
        public byte* Name;
        public byte* OrganisationNumber;
        public byte* Role;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeRecordOpenOptions
    {
        public uint Version;
        public uint AcceptOlder;
        public ulong LastSeen;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct NativeShareOptions
    {
        public uint Version;
        public byte* Purpose;
        public long ExpiresAt;
        public long Now;
        public byte* GdprArt6Basis;
        public byte* GdprArt9Basis;
        public uint TellInvolved;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct NativeEntryRef
    {
        public uint Version;
        public byte* OwnerCard;
        public UIntPtr OwnerCardLength;
        public byte* RecordId;
        public byte* Section;
        public byte* EntryId;
        public byte* Entry;
        public UIntPtr EntryLength;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct NativeViewOptions
    {
        public uint Version;
        public uint IncludeWorkAbility;
        public byte* Language;
    }

    internal static unsafe class Native
    {
        // The name the runtime resolves: libkartla.so on Linux (Mono: Kartla.dll.config's dllmap,
        // which in the NuGet package names the package's runtimes/linux-x64/native/libkartla.so,
        // else LD_LIBRARY_PATH; .NET: the package's runtimes/ folder by its own convention, the
        // application folder or LD_LIBRARY_PATH), kartla.dll on Windows, libkartla.dylib on macOS.
        // bindings/dotnet/README.md, "How the library is found".
        internal const string Lib = "kartla";

        // common.h
        [DllImport(Lib)] internal static extern IntPtr kartla_version();
        [DllImport(Lib)] internal static extern uint kartla_version_number();
        [DllImport(Lib)] internal static extern uint kartla_abi_version();
        [DllImport(Lib)] internal static extern uint kartla_format_version();
        [DllImport(Lib)] internal static extern IntPtr kartla_status_name(int status);
        [DllImport(Lib)] internal static extern IntPtr kartla_last_error();
        [DllImport(Lib)] internal static extern void kartla_buffer_free(NativeBuffer* buffer);
        [DllImport(Lib)] internal static extern UIntPtr kartla_section_count();
        [DllImport(Lib)] internal static extern IntPtr kartla_section_name(UIntPtr index);
        [DllImport(Lib)] internal static extern int kartla_section_is_special_category(byte* section, int* output);

        // identity.h
        [DllImport(Lib)] internal static extern void kartla_identity_options_init(NativeIdentityOptions* options);
        [DllImport(Lib)] internal static extern int kartla_identity_new(NativeIdentityOptions* options, byte* passphrase, UIntPtr passphraseLength, out IdentityHandle output, NativeBuffer* recoveryCode);
        [DllImport(Lib)] internal static extern int kartla_identity_open(byte* file, UIntPtr fileLength, byte* passphrase, UIntPtr passphraseLength, out IdentityHandle output);
        [DllImport(Lib)] internal static extern int kartla_identity_open_file(byte* path, byte* passphrase, UIntPtr passphraseLength, out IdentityHandle output);
        [DllImport(Lib)] internal static extern int kartla_identity_recover(byte* file, UIntPtr fileLength, byte* code, UIntPtr codeLength, out IdentityHandle output);
        [DllImport(Lib)] internal static extern int kartla_identity_recover_file(byte* path, byte* code, UIntPtr codeLength, out IdentityHandle output);
        [DllImport(Lib)] internal static extern int kartla_identity_set_passphrase(IntPtr identity, byte* passphrase, UIntPtr passphraseLength);
        [DllImport(Lib)] internal static extern int kartla_identity_save(IntPtr identity, byte* path, uint flags);
        [DllImport(Lib)] internal static extern int kartla_identity_file_bytes(IntPtr identity, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_identity_card(IntPtr identity, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_identity_fingerprint(IntPtr identity, NativeBuffer* output);
        [DllImport(Lib)] internal static extern void kartla_identity_free(IntPtr identity);
        [DllImport(Lib)] internal static extern int kartla_identity_use_state_folder(IntPtr identity, byte* folder);
        [DllImport(Lib)] internal static extern int kartla_card_fingerprint(byte* card, UIntPtr cardLength, NativeBuffer* output);
        [DllImport(Lib)] internal static extern void kartla_agency_info_init(NativeAgencyInfo* info);
        [DllImport(Lib)] internal static extern UIntPtr kartla_agency_role_count();
        [DllImport(Lib)] internal static extern IntPtr kartla_agency_role_name(UIntPtr index);
        [DllImport(Lib)] internal static extern int kartla_identity_new_agency(NativeAgencyInfo* info, NativeIdentityOptions* options, byte* passphrase, UIntPtr passphraseLength, out IdentityHandle output, NativeBuffer* recoveryCode);
        [DllImport(Lib)] internal static extern int kartla_card_describe(byte* card, UIntPtr cardLength, int encoding, NativeBuffer* output);

        // record.h
        [DllImport(Lib)] internal static extern int kartla_record_new(IntPtr owner, out RecordHandle output);
        [DllImport(Lib)] internal static extern void kartla_record_open_options_init(NativeRecordOpenOptions* options);
        [DllImport(Lib)] internal static extern int kartla_record_open_file_with_options(byte* path, IntPtr owner, NativeRecordOpenOptions* options, out RecordHandle output);
        [DllImport(Lib)] internal static extern int kartla_record_open_with_options(byte* bytes, UIntPtr length, IntPtr owner, NativeRecordOpenOptions* options, out RecordHandle output);
        [DllImport(Lib)] internal static extern int kartla_record_save(IntPtr record, byte* path);
        [DllImport(Lib)] internal static extern int kartla_record_set_clock(IntPtr record, long now);
        [DllImport(Lib)] internal static extern int kartla_record_id(IntPtr record, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_record_sequence(IntPtr record, ulong* output);
        [DllImport(Lib)] internal static extern int kartla_record_sections(IntPtr record, int encoding, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_record_has_section(IntPtr record, byte* section, int* output);
        [DllImport(Lib)] internal static extern int kartla_record_set_section(IntPtr record, byte* section, byte* protobuf, UIntPtr length);
        [DllImport(Lib)] internal static extern int kartla_record_set_section_json(IntPtr record, byte* section, byte* json, UIntPtr length);
        [DllImport(Lib)] internal static extern int kartla_record_section(IntPtr record, byte* section, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_record_section_size(IntPtr record, byte* section, UIntPtr* output);
        [DllImport(Lib)] internal static extern int kartla_record_section_into(IntPtr record, byte* section, byte* output, UIntPtr capacity, UIntPtr* outputLength);
        [DllImport(Lib)] internal static extern int kartla_record_section_json(IntPtr record, byte* section, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_record_remove_section(IntPtr record, byte* section);
        [DllImport(Lib)] internal static extern void kartla_record_free(IntPtr record);
        [DllImport(Lib)] internal static extern int kartla_validate_section(byte* section, byte* protobuf, UIntPtr length, int encoding, NativeBuffer* report);
        [DllImport(Lib)] internal static extern int kartla_validate_section_json(byte* section, byte* json, UIntPtr length, int encoding, NativeBuffer* report);

        // share.h
        [DllImport(Lib)] internal static extern void kartla_record_share_options_init(NativeShareOptions* options);
        [DllImport(Lib)] internal static extern int kartla_record_share(IntPtr record, byte* card, UIntPtr cardLength, IntPtr* sections, UIntPtr sectionCount, NativeShareOptions* options, NativeBuffer* grantId);
        [DllImport(Lib)] internal static extern int kartla_record_section_is_special(IntPtr record, byte* section, int* output);
        [DllImport(Lib)] internal static extern int kartla_record_export_bundle(IntPtr record, byte* grantId, byte* outPath);
        [DllImport(Lib)] internal static extern int kartla_record_revoke(IntPtr record, byte* card, UIntPtr cardLength, long now, int encoding, NativeBuffer* summary);
        [DllImport(Lib)] internal static extern int kartla_share_open_file(byte* path, IntPtr agency, out ShareHandle output);
        [DllImport(Lib)] internal static extern int kartla_share_open(byte* bytes, UIntPtr length, IntPtr agency, out ShareHandle output);
        [DllImport(Lib)] internal static extern int kartla_share_section(IntPtr share, byte* section, long at, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_share_section_json(IntPtr share, byte* section, long at, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_share_section_size(IntPtr share, byte* section, long at, UIntPtr* output);
        [DllImport(Lib)] internal static extern int kartla_share_section_into(IntPtr share, byte* section, long at, byte* output, UIntPtr capacity, UIntPtr* outputLength);
        [DllImport(Lib)] internal static extern int kartla_share_describe(IntPtr share, int encoding, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_share_sequence(IntPtr share, ulong* output);
        [DllImport(Lib)] internal static extern int kartla_share_check_last_seen(IntPtr share, ulong lastSeen);
        [DllImport(Lib)] internal static extern int kartla_share_check_owner(IntPtr share, byte* card, UIntPtr cardLength);
        [DllImport(Lib)] internal static extern void kartla_share_free(IntPtr share);

        // verify.h
        [DllImport(Lib)] internal static extern int kartla_verification_open_file(byte* path, out VerificationHandle output);
        [DllImport(Lib)] internal static extern int kartla_verification_open(byte* bytes, UIntPtr length, out VerificationHandle output);
        [DllImport(Lib)] internal static extern int kartla_verification_sequence(IntPtr v, ulong* output);
        [DllImport(Lib)] internal static extern int kartla_verification_record_id(IntPtr v, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_verification_owner_fingerprint(IntPtr v, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_verification_previous_hash(IntPtr v, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_verification_report(IntPtr v, int encoding, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_verification_check_last_seen(IntPtr v, ulong lastSeen);
        [DllImport(Lib)] internal static extern void kartla_verification_free(IntPtr v);

        // experimental/attest.h
        [DllImport(Lib)] internal static extern int kartla_section_entry(byte* section, byte* content, UIntPtr contentLength, byte* entryId, NativeBuffer* output);
        [DllImport(Lib)] internal static extern void kartla_entry_ref_init(NativeEntryRef* reference);
        [DllImport(Lib)] internal static extern int kartla_attestation_issue(IntPtr agency, NativeEntryRef* reference, byte* claimJson, long issuedAt, long expiresAt, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_attestation_verify(byte* attestation, UIntPtr attestationLength, NativeEntryRef* reference, byte* trustList, UIntPtr trustListLength, long now, int encoding, NativeBuffer* report);
        [DllImport(Lib)] internal static extern int kartla_record_attach_attestation(IntPtr record, IntPtr owner, byte* attestation, UIntPtr attestationLength, long now, int* added);
        [DllImport(Lib)] internal static extern int kartla_record_provenance(IntPtr record, IntPtr owner, byte* section, byte* trustList, UIntPtr trustListLength, long now, int encoding, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_share_provenance(IntPtr share, byte* section, byte* trustList, UIntPtr trustListLength, long now, int encoding, NativeBuffer* output);

        // experimental/trust.h
        [DllImport(Lib)] internal static extern int kartla_identity_new_trust_root(byte* name, NativeIdentityOptions* options, byte* passphrase, UIntPtr passphraseLength, out IdentityHandle output, NativeBuffer* recoveryCode);
        [DllImport(Lib)] internal static extern int kartla_trust_draft_new(ulong sequence, out TrustDraftHandle output);
        [DllImport(Lib)] internal static extern int kartla_trust_draft_next(byte* trustList, UIntPtr trustListLength, out TrustDraftHandle output);
        [DllImport(Lib)] internal static extern int kartla_trust_draft_add(IntPtr draft, byte* card, UIntPtr cardLength, byte* role, long validFrom, long validUntil);
        [DllImport(Lib)] internal static extern int kartla_trust_draft_remove(IntPtr draft, byte* card, UIntPtr cardLength, int* removed);
        [DllImport(Lib)] internal static extern int kartla_trust_draft_sequence(IntPtr draft, ulong* output);
        [DllImport(Lib)] internal static extern void kartla_trust_draft_free(IntPtr draft);
        [DllImport(Lib)] internal static extern int kartla_trust_list_sign(IntPtr root, IntPtr draft, long issuedAt, long expiresAt, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_trust_list_verify(byte* trustList, UIntPtr trustListLength, byte* expectedRootCard, UIntPtr expectedRootCardLength, ulong lastSeen, long now, int encoding, NativeBuffer* output);

        // experimental/contribution.h
        [DllImport(Lib)] internal static extern int kartla_contribution_create(IntPtr agency, byte* ownerCard, UIntPtr ownerCardLength, byte* recordId, byte* section, byte* entryJson, UIntPtr entryJsonLength, byte* claimJson, long now, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_contribution_describe(IntPtr owner, byte* contribution, UIntPtr contributionLength, byte* recordId, long now, int encoding, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_record_accept_contribution(IntPtr record, IntPtr owner, byte* contribution, UIntPtr contributionLength, long now, int* added);

        // experimental/receipt.h
        [DllImport(Lib)] internal static extern int kartla_record_receipt(IntPtr record, byte* grantId, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_receipt_describe(byte* receipt, UIntPtr receiptLength, byte* ownerCard, UIntPtr ownerCardLength, byte* agencyCard, UIntPtr agencyCardLength, int encoding, NativeBuffer* output);

        // experimental/views.h
        [DllImport(Lib)] internal static extern void kartla_view_options_init(NativeViewOptions* options);
        [DllImport(Lib)] internal static extern int kartla_record_progress(IntPtr record, NativeViewOptions* options, int encoding, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_record_progress_text(IntPtr record, NativeViewOptions* options, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_record_progress_svg(IntPtr record, NativeViewOptions* options, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_record_plan(IntPtr record, NativeViewOptions* options, int encoding, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_record_plan_text(IntPtr record, NativeViewOptions* options, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_record_show_text(IntPtr record, byte* section, NativeViewOptions* options, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_share_progress(IntPtr share, long at, NativeViewOptions* options, int encoding, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_share_progress_text(IntPtr share, long at, NativeViewOptions* options, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_share_progress_svg(IntPtr share, long at, NativeViewOptions* options, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_share_plan(IntPtr share, long at, NativeViewOptions* options, int encoding, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_share_plan_text(IntPtr share, long at, NativeViewOptions* options, NativeBuffer* output);
        [DllImport(Lib)] internal static extern int kartla_share_show_text(IntPtr share, byte* section, long at, NativeViewOptions* options, NativeBuffer* output);
    }
}
