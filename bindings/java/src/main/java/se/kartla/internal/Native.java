// SPDX-License-Identifier: Apache-2.0
package se.kartla.internal;

import com.sun.jna.Pointer;

/**
 * The C ABI, one {@code static native} method per function, bound by JNA's direct mapping
 * ({@link com.sun.jna.Native#register}), which is several times cheaper per call than an interface
 * proxy. Not API: only this binding calls it, always through {@link Handle} leases and the
 * checks in {@link Calls}.
 *
 * <p>Types: a handle or a {@code kartla_buffer *} or any output pointer is a {@link Pointer}
 * (scratch memory of the calling thread, {@link Scratch}); {@code size_t}, {@code int64_t} and
 * {@code uint64_t} are {@code long} (64-bit platforms only: {@link Lib} refuses others);
 * {@code uint32_t}, {@code int} and the enums are {@code int}; text is a NUL-terminated UTF-8
 * {@code byte[]} ({@link Text#c}); public bytes (files, cards) are {@code byte[]}; plaintext and
 * secrets in are a {@link Pointer} to memory this binding wipes after the call ({@link Secret}).
 */
public final class Native {
  private Native() {}

  static void register(com.sun.jna.NativeLibrary library) {
    com.sun.jna.Native.register(Native.class, library);
  }

  // common.h
  public static native Pointer kartla_version();
  public static native int kartla_version_number();
  public static native int kartla_abi_version();
  public static native int kartla_format_version();
  public static native Pointer kartla_status_name(int status);
  public static native Pointer kartla_last_error();
  public static native void kartla_buffer_free(Pointer buffer);
  public static native long kartla_section_count();
  public static native Pointer kartla_section_name(long index);
  public static native int kartla_section_is_special_category(byte[] section, Pointer out);

  // identity.h
  public static native void kartla_identity_options_init(Pointer options);
  public static native int kartla_identity_new(Pointer options, Pointer passphrase, long len, Pointer out,
                                               Pointer recoveryCode);
  public static native int kartla_identity_open(byte[] file, long fileLen, Pointer passphrase, long len, Pointer out);
  public static native int kartla_identity_open_file(byte[] path, Pointer passphrase, long len, Pointer out);
  public static native int kartla_identity_recover(byte[] file, long fileLen, Pointer code, long len, Pointer out);
  public static native int kartla_identity_recover_file(byte[] path, Pointer code, long len, Pointer out);
  public static native int kartla_identity_set_passphrase(Pointer identity, Pointer passphrase, long len);
  public static native int kartla_identity_save(Pointer identity, byte[] path, int flags);
  public static native int kartla_identity_file_bytes(Pointer identity, Pointer out);
  public static native int kartla_identity_card(Pointer identity, Pointer out);
  public static native int kartla_identity_fingerprint(Pointer identity, Pointer out);
  public static native void kartla_identity_free(Pointer identity);
  public static native int kartla_identity_use_state_folder(Pointer identity, byte[] folder);
  public static native int kartla_card_fingerprint(byte[] card, long len, Pointer out);
  public static native void kartla_agency_info_init(Pointer info);
  public static native long kartla_agency_role_count();
  public static native Pointer kartla_agency_role_name(long index);
  public static native int kartla_identity_new_agency(Pointer info, Pointer options, Pointer passphrase, long len,
                                                      Pointer out, Pointer recoveryCode);
  public static native int kartla_card_describe(byte[] card, long len, int encoding, Pointer out);

  // record.h
  public static native int kartla_record_new(Pointer owner, Pointer out);
  public static native int kartla_record_open_file(byte[] path, Pointer owner, Pointer out);
  public static native int kartla_record_open(byte[] bytes, long len, Pointer owner, Pointer out);
  public static native void kartla_record_open_options_init(Pointer options);
  public static native int kartla_record_open_file_with_options(byte[] path, Pointer owner, Pointer options,
                                                                Pointer out);
  public static native int kartla_record_open_with_options(byte[] bytes, long len, Pointer owner, Pointer options,
                                                           Pointer out);
  public static native int kartla_record_save(Pointer record, byte[] path);
  public static native int kartla_record_set_clock(Pointer record, long now);
  public static native int kartla_record_id(Pointer record, Pointer out);
  public static native int kartla_record_sequence(Pointer record, Pointer out);
  public static native int kartla_record_sections(Pointer record, int encoding, Pointer out);
  public static native int kartla_record_has_section(Pointer record, byte[] section, Pointer out);
  public static native int kartla_record_set_section(Pointer record, byte[] section, Pointer protobuf, long len);
  public static native int kartla_record_set_section_json(Pointer record, byte[] section, Pointer json, long len);
  public static native int kartla_record_section(Pointer record, byte[] section, Pointer out);
  public static native int kartla_record_section_size(Pointer record, byte[] section, Pointer out);
  public static native int kartla_record_section_into(Pointer record, byte[] section, Pointer out, long capacity,
                                                      Pointer outLen);
  public static native int kartla_record_section_json(Pointer record, byte[] section, Pointer out);
  public static native int kartla_record_remove_section(Pointer record, byte[] section);
  public static native void kartla_record_free(Pointer record);
  public static native int kartla_validate_section(byte[] section, Pointer protobuf, long len, int encoding,
                                                   Pointer report);
  public static native int kartla_validate_section_json(byte[] section, Pointer json, long len, int encoding,
                                                        Pointer report);

  // share.h
  public static native void kartla_record_share_options_init(Pointer options);
  public static native int kartla_record_share(Pointer record, byte[] card, long cardLen, Pointer sections,
                                               long sectionCount, Pointer options, Pointer grantId);
  public static native int kartla_record_section_is_special(Pointer record, byte[] section, Pointer out);
  public static native int kartla_record_export_bundle(Pointer record, byte[] grantId, byte[] outPath);
  public static native int kartla_record_revoke(Pointer record, byte[] card, long cardLen, long now, int encoding,
                                                Pointer summary);
  public static native int kartla_share_open_file(byte[] path, Pointer agency, Pointer out);
  public static native int kartla_share_open(byte[] bytes, long len, Pointer agency, Pointer out);
  public static native int kartla_share_section(Pointer share, byte[] section, long at, Pointer out);
  public static native int kartla_share_section_json(Pointer share, byte[] section, long at, Pointer out);
  public static native int kartla_share_section_size(Pointer share, byte[] section, long at, Pointer out);
  public static native int kartla_share_section_into(Pointer share, byte[] section, long at, Pointer out,
                                                     long capacity, Pointer outLen);
  public static native int kartla_share_describe(Pointer share, int encoding, Pointer out);
  public static native int kartla_share_sequence(Pointer share, Pointer out);
  public static native int kartla_share_check_last_seen(Pointer share, long lastSeen);
  public static native int kartla_share_check_owner(Pointer share, byte[] card, long cardLen);
  public static native void kartla_share_free(Pointer share);

  // verify.h
  public static native int kartla_verification_open_file(byte[] path, Pointer out);
  public static native int kartla_verification_open(byte[] bytes, long len, Pointer out);
  public static native int kartla_verification_sequence(Pointer v, Pointer out);
  public static native int kartla_verification_record_id(Pointer v, Pointer out);
  public static native int kartla_verification_owner_fingerprint(Pointer v, Pointer out);
  public static native int kartla_verification_previous_hash(Pointer v, Pointer out);
  public static native int kartla_verification_report(Pointer v, int encoding, Pointer out);
  public static native int kartla_verification_check_last_seen(Pointer v, long lastSeen);
  public static native void kartla_verification_free(Pointer v);

  // experimental/attest.h
  public static native int kartla_section_entry(byte[] section, Pointer content, long contentLen, byte[] entryId,
                                                Pointer out);
  public static native void kartla_entry_ref_init(Pointer ref);
  public static native int kartla_attestation_issue(Pointer agency, Pointer ref, byte[] claimJson, long issuedAt,
                                                    long expiresAt, Pointer out);
  public static native int kartla_attestation_verify(byte[] attestation, long len, Pointer ref, byte[] trustList,
                                                     long trustListLen, long now, int encoding, Pointer report);
  public static native int kartla_record_attach_attestation(Pointer record, Pointer owner, byte[] attestation,
                                                            long len, long now, Pointer added);
  public static native int kartla_record_provenance(Pointer record, Pointer owner, byte[] section, byte[] trustList,
                                                    long trustListLen, long now, int encoding, Pointer out);
  public static native int kartla_share_provenance(Pointer share, byte[] section, byte[] trustList,
                                                   long trustListLen, long now, int encoding, Pointer out);

  // experimental/contribution.h
  public static native int kartla_contribution_create(Pointer agency, byte[] ownerCard, long ownerCardLen,
                                                      byte[] recordId, byte[] section, Pointer entryJson,
                                                      long entryJsonLen, byte[] claimJson, long now, Pointer out);
  public static native int kartla_contribution_describe(Pointer owner, byte[] contribution, long len,
                                                        byte[] recordId, long now, int encoding, Pointer out);
  public static native int kartla_record_accept_contribution(Pointer record, Pointer owner, byte[] contribution,
                                                             long len, long now, Pointer added);

  // experimental/receipt.h
  public static native int kartla_record_receipt(Pointer record, byte[] grantId, Pointer out);
  public static native int kartla_receipt_describe(byte[] receipt, long len, byte[] ownerCard, long ownerCardLen,
                                                   byte[] agencyCard, long agencyCardLen, int encoding, Pointer out);

  // experimental/trust.h
  public static native int kartla_identity_new_trust_root(byte[] name, Pointer options, Pointer passphrase, long len,
                                                          Pointer out, Pointer recoveryCode);
  public static native int kartla_trust_draft_new(long sequence, Pointer out);
  public static native int kartla_trust_draft_next(byte[] trustList, long len, Pointer out);
  public static native int kartla_trust_draft_add(Pointer draft, byte[] card, long cardLen, byte[] role,
                                                  long validFrom, long validUntil);
  public static native int kartla_trust_draft_remove(Pointer draft, byte[] card, long cardLen, Pointer removed);
  public static native int kartla_trust_draft_sequence(Pointer draft, Pointer out);
  public static native void kartla_trust_draft_free(Pointer draft);
  public static native int kartla_trust_list_sign(Pointer root, Pointer draft, long issuedAt, long expiresAt,
                                                  Pointer out);
  public static native int kartla_trust_list_verify(byte[] trustList, long len, byte[] expectedRootCard,
                                                    long expectedRootCardLen, long lastSeen, long now, int encoding,
                                                    Pointer out);

  // experimental/views.h
  public static native void kartla_view_options_init(Pointer options);
  public static native int kartla_record_progress(Pointer record, Pointer options, int encoding, Pointer out);
  public static native int kartla_record_progress_text(Pointer record, Pointer options, Pointer out);
  public static native int kartla_record_progress_svg(Pointer record, Pointer options, Pointer out);
  public static native int kartla_record_plan(Pointer record, Pointer options, int encoding, Pointer out);
  public static native int kartla_record_plan_text(Pointer record, Pointer options, Pointer out);
  public static native int kartla_record_show_text(Pointer record, byte[] section, Pointer options, Pointer out);
  public static native int kartla_share_progress(Pointer share, long at, Pointer options, int encoding, Pointer out);
  public static native int kartla_share_progress_text(Pointer share, long at, Pointer options, Pointer out);
  public static native int kartla_share_progress_svg(Pointer share, long at, Pointer options, Pointer out);
  public static native int kartla_share_plan(Pointer share, long at, Pointer options, int encoding, Pointer out);
  public static native int kartla_share_plan_text(Pointer share, long at, Pointer options, Pointer out);
  public static native int kartla_share_show_text(Pointer share, byte[] section, long at, Pointer options,
                                                  Pointer out);
}
