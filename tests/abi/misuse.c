/* SPDX-License-Identifier: Apache-2.0 */
/* Every exported function called wrongly (docs/THREATS.md T40, libsodium misuse.c): NULL handles
 * and outputs, NULL data with a non-zero length, SIZE_MAX lengths (which must be refused from the
 * length alone, before any byte past the real data is read), unknown names and flags, and output buffers that are not empty. Each must return an
 * error status with its own kartla_last_error() message, leave handle outputs NULL and buffers
 * empty (or, if the caller's buffer was not empty, untouched), and never crash: the test runs
 * under ASan+UBSan in CI, which also catches a leak on any refused path.
 *
 * Usage: abi_misuse DIR  (an existing directory for the one record file the test writes)
 * check_misuse_coverage.py checks that this file calls every function kartla.h declares. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "misuse_support.h"

/* A value outside kartla_encoding, as a careless binding could pass it. */
#define BAD_ENCODING ((kartla_encoding)7)

static const uint8_t kPass[] = "misuse passphrase";
#define PASS_LEN (sizeof kPass - 1)
static const char kJson[] =
    "{\"given_name\": \"Misuse\", \"assertion\": {\"source\": \"SELF_REPORTED\", \"asserted_at\": \"2025-01-01T00:00:00Z\"}}";

struct fixture {
  kartla_identity *owner;
  kartla_identity *agency;
  kartla_record *record;
  kartla_verification *verification;
  kartla_share *share;
  kartla_buffer identity_file;
  kartla_buffer card;
  kartla_buffer agency_card;
  kartla_buffer grant_id;
  kartla_buffer full; /* a non-empty buffer to pass where an empty one is required */
  char record_path[4096];
  char identity_path[4096];
  char bundle_path[4096];
};

static void agency_info(kartla_agency_info *info) {
  kartla_agency_info_init(info);
  info->name = "Misuse Employment Office";
  info->organisation_number = "202100-2114";
  info->role = "employment_service";
}

/* An owner with a saved record that shares profile with an agency, the agency's bundle opened
 * as a kartla_share, and a verification of the record: one valid object of every handle type. */
static int setup(struct fixture *f, const char *dir) {
  kartla_identity_options options;
  kartla_agency_info info;
  kartla_record_share_options share_options;
  const char *sections[] = {"profile"};
  kartla_buffer code = KARTLA_BUFFER_INIT;
  kartla_buffer agency_code = KARTLA_BUFFER_INIT;
  int ok;
  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = 64;
  agency_info(&info);
  kartla_record_share_options_init(&share_options);
  share_options.purpose = "misuse test";
  snprintf(f->record_path, sizeof f->record_path, "%s/misuse.kartla", dir);
  snprintf(f->identity_path, sizeof f->identity_path, "%s/misuse.id", dir);
  snprintf(f->bundle_path, sizeof f->bundle_path, "%s/misuse.bundle", dir);
  remove(f->record_path); /* left behind by a run that crashed: saving over it would be refused */
  remove(f->bundle_path);
  ok = kartla_identity_new(&options, kPass, PASS_LEN, &f->owner, &code) == KARTLA_OK &&
       kartla_identity_save(f->owner, f->identity_path, 0) == KARTLA_OK &&
       kartla_identity_file_bytes(f->owner, &f->identity_file) == KARTLA_OK &&
       kartla_identity_card(f->owner, &f->card) == KARTLA_OK &&
       kartla_identity_fingerprint(f->owner, &f->full) == KARTLA_OK &&
       kartla_identity_new_agency(&info, &options, kPass, PASS_LEN, &f->agency, &agency_code) == KARTLA_OK &&
       kartla_identity_card(f->agency, &f->agency_card) == KARTLA_OK &&
       kartla_record_new(f->owner, &f->record) == KARTLA_OK &&
       kartla_record_set_section_json(f->record, "profile", (const uint8_t *)kJson, strlen(kJson)) == KARTLA_OK &&
       kartla_record_save(f->record, f->record_path) == KARTLA_OK &&
       kartla_record_share(f->record, f->agency_card.data, f->agency_card.len, sections, 1, &share_options,
                           &f->grant_id) == KARTLA_OK &&
       kartla_record_save(f->record, f->record_path) == KARTLA_OK &&
       kartla_record_export_bundle(f->record, (const char *)f->grant_id.data, f->bundle_path) == KARTLA_OK &&
       kartla_share_open_file(f->bundle_path, f->agency, &f->share) == KARTLA_OK &&
       kartla_verification_open_file(f->record_path, &f->verification) == KARTLA_OK;
  if (!ok) printf("setup failed: %s\n", kartla_last_error());
  kartla_buffer_free(&code);
  kartla_buffer_free(&agency_code);
  return ok;
}

static void teardown(struct fixture *f) {
  kartla_share_free(f->share);
  kartla_verification_free(f->verification);
  kartla_record_free(f->record);
  kartla_identity_free(f->agency);
  kartla_identity_free(f->owner);
  kartla_buffer_free(&f->identity_file);
  kartla_buffer_free(&f->card);
  kartla_buffer_free(&f->agency_card);
  kartla_buffer_free(&f->grant_id);
  kartla_buffer_free(&f->full);
  remove(f->record_path);
  remove(f->identity_path);
  remove(f->bundle_path);
}

static void frees_and_inits_accept_null_and_empty(void) {
  kartla_buffer empty = KARTLA_BUFFER_INIT;
  kartla_identity_free(NULL);
  kartla_record_free(NULL);
  kartla_verification_free(NULL);
  kartla_share_free(NULL);
  kartla_buffer_free(NULL);
  kartla_buffer_init(NULL);
  kartla_identity_options_init(NULL);
  kartla_agency_info_init(NULL);
  kartla_record_share_options_init(NULL);
  kartla_record_open_options_init(NULL);
  kartla_view_options_init(NULL);
  kartla_entry_ref_init(NULL);
  kartla_document_options_init(NULL);
  kartla_trust_draft_free(NULL);
  kartla_buffer_free(&empty);
  kartla_buffer_free(&empty); /* a second free of the same buffer is a free of an empty one */
  EXPECT_EMPTY(empty);
  /* The catalogue answers NULL with "" or NULL and never reads through it; an unknown language or
   * message gives the English text back. */
  if (strcmp(kartla_message(NULL, NULL, NULL), "") != 0 || strcmp(kartla_message("sv", "field", "no such message"), "no such message") != 0 ||
      strcmp(kartla_message("xx-unknown", NULL, "yes"), "yes") != 0)
    misuse_fail(__LINE__, "kartla_message(NULL or unknown)", "did not give the English text");
  if (strcmp(kartla_message_plural(NULL, NULL, NULL, NULL, 2), "") != 0 ||
      strcmp(kartla_message_plural("sv", NULL, "one", NULL, 2), "one") != 0 ||
      strcmp(kartla_message_plural(NULL, NULL, "one", "many", SIZE_MAX), "many") != 0)
    misuse_fail(__LINE__, "kartla_message_plural(NULL or unknown)", "did not give the English text");
  if (kartla_code_label(NULL, NULL, "B1") != NULL || kartla_code_label("sv", "cefr", NULL) != NULL ||
      kartla_code_label("sv", "ssyk-2012", "5120") != NULL || kartla_code_label(NULL, "cefr", "Z9") != NULL)
    misuse_fail(__LINE__, "kartla_code_label(NULL, open or unknown)", "did not return NULL");
  if (kartla_section_name(kartla_section_count()) != NULL || kartla_section_name(SIZE_MAX) != NULL)
    misuse_fail(__LINE__, "kartla_section_name(out of range)", "did not return NULL");
  if (kartla_agency_role_name(kartla_agency_role_count()) != NULL || kartla_agency_role_name(SIZE_MAX) != NULL)
    misuse_fail(__LINE__, "kartla_agency_role_name(out of range)", "did not return NULL");
  if (kartla_status_name((kartla_status)-1) == NULL || kartla_last_error() == NULL)
    misuse_fail(__LINE__, "static text", "returned NULL");
  /* The localized last error takes NULL or any language and is never NULL; with NULL or a
   * language the catalogue does not hold it is the English text, byte for byte. */
  if (kartla_last_error_localized(NULL) == NULL || strcmp(kartla_last_error_localized(NULL), kartla_last_error()) != 0 ||
      strcmp(kartla_last_error_localized("xx-unknown"), kartla_last_error()) != 0 ||
      kartla_last_error_localized("") == NULL)
    misuse_fail(__LINE__, "kartla_last_error_localized(NULL or unknown)", "did not give the English text");
}

static void identities(const struct fixture *f) {
  kartla_identity_options options;
  kartla_identity *out = POISON;
  kartla_buffer code = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;
  int flag = 7;

  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = 64;
  EXPECT_MISUSE(kartla_identity_new(&options, kPass, PASS_LEN, NULL, &code));
  EXPECT_EMPTY(code);
  EXPECT_MISUSE(kartla_identity_new(&options, kPass, PASS_LEN, &out, NULL));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_new(&options, NULL, 5, &out, &code));
  EXPECT_NULL(out);
  EXPECT_EMPTY(code);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_new(&options, kPass, PASS_LEN, &out, &full));
  EXPECT_NULL(out);
  EXPECT_UNTOUCHED(full, copy);
  out = POISON;
  /* SPEC §9 says E_LIMIT above 4096 bytes, but kartla_identity_new reports every limit as
   * E_INVALID_ARGUMENT (it treats them as bad options): only the refusal is pinned here. */
  EXPECT_REFUSED(kartla_identity_new(&options, kPass, SIZE_MAX, &out, &code));
  EXPECT_NULL(out);
  EXPECT_EMPTY(code);
  out = POISON;
  options.version = KARTLA_IDENTITY_OPTIONS_VERSION + 1;
  EXPECT_MISUSE(kartla_identity_new(&options, kPass, PASS_LEN, &out, &code));
  EXPECT_NULL(out);
  EXPECT_EMPTY(code);

  out = POISON;
  EXPECT_MISUSE(kartla_identity_open(NULL, 10, kPass, PASS_LEN, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_open(f->identity_file.data, f->identity_file.len, NULL, 3, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_identity_open(f->identity_file.data, f->identity_file.len, kPass, PASS_LEN, NULL));
  out = POISON;
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_identity_open(f->identity_file.data, f->identity_file.len, kPass, SIZE_MAX, &out));
  EXPECT_NULL(out);
  out = POISON;
  /* Recovery-code input is at most 4096 bytes (SPEC §4.1.2), refused from the length alone. */
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_identity_recover(f->identity_file.data, f->identity_file.len, kPass, SIZE_MAX, &out));
  EXPECT_NULL(out);
  /* A valid identity file followed by "more": SPEC §3.1 makes any byte after 12 + L E_FORMAT. */
  out = POISON;
  EXPECT_STATUS(KARTLA_E_FORMAT, kartla_identity_open(f->identity_file.data, SIZE_MAX, kPass, PASS_LEN, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_open_file(NULL, kPass, PASS_LEN, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_open_file(f->identity_path, NULL, 1, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_identity_open_file(f->identity_path, kPass, PASS_LEN, NULL));

  out = POISON;
  EXPECT_MISUSE(kartla_identity_recover(NULL, 10, kPass, PASS_LEN, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_recover(f->identity_file.data, f->identity_file.len, NULL, 4, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_identity_recover(f->identity_file.data, f->identity_file.len, kPass, PASS_LEN, NULL));
  out = POISON;
  EXPECT_STATUS(KARTLA_E_FORMAT, kartla_identity_recover(f->identity_file.data, SIZE_MAX, kPass, PASS_LEN, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_recover_file(NULL, kPass, PASS_LEN, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_recover_file(f->identity_path, NULL, 2, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_identity_recover_file(f->identity_path, kPass, PASS_LEN, NULL));

  EXPECT_MISUSE(kartla_identity_set_passphrase(NULL, kPass, PASS_LEN));
  EXPECT_MISUSE(kartla_identity_set_passphrase(f->owner, NULL, 8));
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_identity_set_passphrase(f->owner, kPass, SIZE_MAX));
  {
    kartla_identity_options cost;
    kartla_identity_options_init(&cost);
    EXPECT_MISUSE(kartla_identity_set_passphrase_with_options(NULL, &cost, kPass, PASS_LEN));
    EXPECT_MISUSE(kartla_identity_set_passphrase_with_options(f->owner, &cost, NULL, 8));
    EXPECT_STATUS(KARTLA_E_LIMIT, kartla_identity_set_passphrase_with_options(f->owner, &cost, kPass, SIZE_MAX));
    cost.kdf_memlimit_mib = 1u << 20; /* 1 TiB: above the ceiling, refused before hashing */
    EXPECT_MISUSE(kartla_identity_set_passphrase_with_options(f->owner, &cost, kPass, PASS_LEN));
    cost.kdf_memlimit_mib = 0;
    cost.version = 99;
    EXPECT_MISUSE(kartla_identity_set_passphrase_with_options(f->owner, &cost, kPass, PASS_LEN));
  }
  EXPECT_MISUSE(kartla_identity_save(NULL, f->record_path, 0));
  EXPECT_MISUSE(kartla_identity_save(f->owner, NULL, 0));
  EXPECT_MISUSE(kartla_identity_save(f->owner, f->identity_path, 0x80000000u));
  EXPECT_MISUSE(kartla_identity_save(f->owner, f->identity_path, KARTLA_SAVE_CREATE_ONLY));

  EXPECT_MISUSE(kartla_identity_file_bytes(NULL, &code));
  EXPECT_EMPTY(code);
  EXPECT_MISUSE(kartla_identity_file_bytes(f->owner, NULL));
  EXPECT_MISUSE(kartla_identity_file_bytes(f->owner, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_identity_card(NULL, &code));
  EXPECT_EMPTY(code);
  EXPECT_MISUSE(kartla_identity_card(f->owner, NULL));
  EXPECT_MISUSE(kartla_identity_card(f->owner, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_identity_fingerprint(NULL, &code));
  EXPECT_EMPTY(code);
  EXPECT_MISUSE(kartla_identity_fingerprint(f->owner, NULL));
  EXPECT_MISUSE(kartla_identity_fingerprint(f->owner, &full));
  EXPECT_UNTOUCHED(full, copy);

  EXPECT_MISUSE(kartla_card_fingerprint(NULL, 12, &code));
  EXPECT_EMPTY(code);
  EXPECT_MISUSE(kartla_card_fingerprint(f->card.data, f->card.len, NULL));
  EXPECT_MISUSE(kartla_card_fingerprint(f->card.data, f->card.len, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_FORMAT, kartla_card_fingerprint(f->card.data, SIZE_MAX, &code));
  EXPECT_EMPTY(code);

  /* The agent's passphrase key (kartla/experimental/agent.h): every check before any Argon2id. */
  EXPECT_MISUSE(kartla_identity_passphrase_key_tag(NULL, 10, &code));
  EXPECT_EMPTY(code);
  EXPECT_MISUSE(kartla_identity_passphrase_key_tag(f->identity_file.data, f->identity_file.len, NULL));
  EXPECT_MISUSE(kartla_identity_passphrase_key_tag(f->identity_file.data, f->identity_file.len, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_FORMAT, kartla_identity_passphrase_key_tag(f->identity_file.data, SIZE_MAX, &code));
  EXPECT_EMPTY(code);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_open_insecure_export_key(NULL, 10, kPass, PASS_LEN, &out, &code));
  EXPECT_NULL(out);
  EXPECT_EMPTY(code);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_open_insecure_export_key(f->identity_file.data, f->identity_file.len, kPass,
                                                         PASS_LEN, &out, NULL));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_open_insecure_export_key(f->identity_file.data, f->identity_file.len, kPass,
                                                         PASS_LEN, &out, &full));
  EXPECT_NULL(out);
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_identity_open_insecure_export_key(f->identity_file.data, f->identity_file.len, kPass,
                                                         PASS_LEN, NULL, &code));
  EXPECT_EMPTY(code);
  /* A key of the wrong length is a wrong passphrase, refused before it is tried. */
  out = POISON;
  EXPECT_STATUS(KARTLA_E_AUTH, kartla_identity_open_with_passphrase_key(f->identity_file.data, f->identity_file.len,
                                                                        kPass, 3, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_open_with_passphrase_key(f->identity_file.data, f->identity_file.len, NULL, 32, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_identity_open_with_passphrase_key(f->identity_file.data, f->identity_file.len, kPass, 3, NULL));
  EXPECT_MISUSE(kartla_buffer_copy(NULL, 4, &code));
  EXPECT_EMPTY(code);
  EXPECT_MISUSE(kartla_buffer_copy(kPass, 4, NULL));
  EXPECT_MISUSE(kartla_buffer_copy(kPass, 4, &full));
  EXPECT_UNTOUCHED(full, copy);

  EXPECT_MISUSE(kartla_section_is_special_category(NULL, &flag));
  EXPECT_ZERO(flag);
  EXPECT_MISUSE(kartla_section_is_special_category("profile", NULL));
  flag = 7;
  EXPECT_MISUSE(kartla_section_is_special_category("no_such_section", &flag));
  EXPECT_ZERO(flag);
}

static void records(const struct fixture *f) {
  kartla_record *out = POISON;
  kartla_record_open_options open_options;
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  kartla_buffer bogus = {NULL, 3, NULL}; /* not empty: a length without data */
  kartla_buffer bogus_copy = bogus;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;
  uint64_t sequence = 7;
  int flag = 7;

  EXPECT_MISUSE(kartla_record_new(NULL, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_record_new(f->owner, NULL));
  out = POISON;
  EXPECT_MISUSE(kartla_record_open_file(NULL, f->owner, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_record_open_file(f->record_path, NULL, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_record_open_file(f->record_path, f->owner, NULL));
  out = POISON;
  EXPECT_MISUSE(kartla_record_open(NULL, 40, f->owner, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_record_open(f->identity_file.data, f->identity_file.len, NULL, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_record_open(f->identity_file.data, f->identity_file.len, f->owner, NULL));
  out = POISON;
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_record_open(f->identity_file.data, SIZE_MAX, f->owner, &out));
  EXPECT_NULL(out);

  kartla_record_open_options_init(&open_options);
  out = POISON;
  EXPECT_MISUSE(kartla_record_open_file_with_options(NULL, f->owner, &open_options, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_record_open_file_with_options(f->record_path, NULL, &open_options, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_record_open_file_with_options(f->record_path, f->owner, &open_options, NULL));
  out = POISON;
  EXPECT_MISUSE(kartla_record_open_with_options(NULL, 40, f->owner, &open_options, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_record_open_with_options(f->identity_file.data, f->identity_file.len, NULL, &open_options, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_record_open_with_options(f->identity_file.data, f->identity_file.len, f->owner, &open_options, NULL));
  out = POISON;
  EXPECT_STATUS(KARTLA_E_LIMIT,
                kartla_record_open_with_options(f->identity_file.data, SIZE_MAX, f->owner, &open_options, &out));
  EXPECT_NULL(out);
  /* Options a binding fills wrongly: another version, a flag that is neither 0 nor 1. */
  open_options.version = KARTLA_RECORD_OPEN_OPTIONS_VERSION + 1;
  out = POISON;
  EXPECT_MISUSE(kartla_record_open_file_with_options(f->record_path, f->owner, &open_options, &out));
  EXPECT_NULL(out);
  kartla_record_open_options_init(&open_options);
  open_options.accept_older = 2;
  out = POISON;
  EXPECT_MISUSE(kartla_record_open_file_with_options(f->record_path, f->owner, &open_options, &out));
  EXPECT_NULL(out);

  EXPECT_MISUSE(kartla_identity_use_state_folder(NULL, "."));
  EXPECT_MISUSE(kartla_identity_use_state_folder(f->owner, NULL));

  EXPECT_MISUSE(kartla_record_save(NULL, f->record_path));
  EXPECT_MISUSE(kartla_record_save(f->record, NULL));
  EXPECT_MISUSE(kartla_record_set_clock(NULL, 0));
  EXPECT_MISUSE(kartla_record_set_clock(NULL, 1767225600));
  EXPECT_MISUSE(kartla_record_set_clock(f->record, -1)); /* before 1970: not a time, not "0 = now" */
  EXPECT_MISUSE(kartla_record_set_clock(f->record, INT64_MIN));

  EXPECT_MISUSE(kartla_record_id(NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_id(f->record, NULL));
  EXPECT_MISUSE(kartla_record_id(f->record, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_record_id(f->record, &bogus));
  EXPECT_UNTOUCHED(bogus, bogus_copy);

  EXPECT_MISUSE(kartla_record_sequence(NULL, &sequence));
  EXPECT_ZERO(sequence);
  EXPECT_MISUSE(kartla_record_sequence(f->record, NULL));
  EXPECT_MISUSE(kartla_record_sections(NULL, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_sections(f->record, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_record_sections(f->record, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_sections(f->record, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_record_has_section(NULL, "profile", &flag));
  EXPECT_ZERO(flag);
  flag = 7;
  EXPECT_MISUSE(kartla_record_has_section(f->record, NULL, &flag));
  EXPECT_ZERO(flag);
  flag = 7;
  EXPECT_MISUSE(kartla_record_has_section(f->record, "no_such_section", &flag));
  EXPECT_ZERO(flag);
  EXPECT_MISUSE(kartla_record_has_section(f->record, "profile", NULL));

  EXPECT_MISUSE(kartla_record_set_section(NULL, "profile", NULL, 0));
  EXPECT_MISUSE(kartla_record_set_section(f->record, NULL, NULL, 0));
  EXPECT_MISUSE(kartla_record_set_section(f->record, "no_such_section", NULL, 0));
  EXPECT_MISUSE(kartla_record_set_section(f->record, "profile", NULL, 9));
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_record_set_section(f->record, "profile", (const uint8_t *)kJson, SIZE_MAX));
  EXPECT_MISUSE(kartla_record_set_section_json(NULL, "profile", (const uint8_t *)kJson, strlen(kJson)));
  EXPECT_MISUSE(kartla_record_set_section_json(f->record, NULL, (const uint8_t *)kJson, strlen(kJson)));
  EXPECT_MISUSE(kartla_record_set_section_json(f->record, "no_such_section", (const uint8_t *)kJson, strlen(kJson)));
  EXPECT_MISUSE(kartla_record_set_section_json(f->record, "profile", NULL, 9));
  /* The sharing ledger is the library's (docs/SPEC.md §7.5): setting or removing it is misuse. */
  EXPECT_MISUSE(kartla_record_set_section(f->record, "sharing_ledger", (const uint8_t *)"", 0));
  EXPECT_MISUSE(kartla_record_set_section_json(f->record, "sharing_ledger", (const uint8_t *)"{}", 2));
  EXPECT_MISUSE(kartla_record_remove_section(f->record, "sharing_ledger"));
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_record_set_section_json(f->record, "profile", (const uint8_t *)kJson, SIZE_MAX));
#if SIZE_MAX > 0xFFFFFFFFu
  /* 4 GiB + n: a length kept in 32 bits would read n bytes and accept the truncated text. */
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_record_set_section_json(f->record, "profile", (const uint8_t *)kJson,
                                                               ((size_t)1 << 32) + strlen(kJson)));
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_record_set_section(f->record, "profile", (const uint8_t *)kJson,
                                                          ((size_t)1 << 32) + 3));
#endif

  EXPECT_MISUSE(kartla_record_section(NULL, "profile", &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_section(f->record, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_section(f->record, "no_such_section", &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_section(f->record, "profile", NULL));
  EXPECT_MISUSE(kartla_record_section(f->record, "profile", &full));
  EXPECT_UNTOUCHED(full, copy);
  {
    size_t size = 1;
    uint8_t small[4];
    EXPECT_MISUSE(kartla_record_section_size(NULL, "profile", &size));
    EXPECT_ZERO(size);
    EXPECT_MISUSE(kartla_record_section_size(f->record, NULL, &size));
    EXPECT_MISUSE(kartla_record_section_size(f->record, "no_such_section", &size));
    EXPECT_MISUSE(kartla_record_section_size(f->record, "profile", NULL));
    size = 1;
    EXPECT_MISUSE(kartla_record_section_into(NULL, "profile", small, sizeof small, &size));
    EXPECT_ZERO(size);
    EXPECT_MISUSE(kartla_record_section_into(f->record, NULL, small, sizeof small, &size));
    EXPECT_MISUSE(kartla_record_section_into(f->record, "no_such_section", small, sizeof small, &size));
    EXPECT_MISUSE(kartla_record_section_into(f->record, "profile", NULL, 8, &size));
    EXPECT_MISUSE(kartla_record_section_into(f->record, "profile", small, sizeof small, NULL));
    /* Too small a buffer: refused, and nothing of the section is left in it. */
    memset(small, 0x5a, sizeof small);
    EXPECT_MISUSE(kartla_record_section_into(f->record, "profile", small, sizeof small, &size));
    EXPECT_ZERO(size);
  }
  EXPECT_MISUSE(kartla_record_section_json(NULL, "profile", &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_section_json(f->record, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_section_json(f->record, "no_such_section", &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_section_json(f->record, "profile", NULL));
  EXPECT_MISUSE(kartla_record_section_json(f->record, "profile", &full));
  EXPECT_UNTOUCHED(full, copy);

  EXPECT_MISUSE(kartla_record_remove_section(NULL, "profile"));
  EXPECT_MISUSE(kartla_record_remove_section(f->record, NULL));
  EXPECT_MISUSE(kartla_record_remove_section(f->record, "no_such_section"));
}

/* Validation and the record views: the report buffer, like every output buffer, must be empty
 * when passed in, and a refused call leaves it so; an unknown section or options version is
 * misuse, not a validation result. */
static void content(const struct fixture *f) {
  static const char kNotJson[] = "{not json";
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;
  kartla_view_options options;
  kartla_view_options bad_version;
  kartla_view_options bad_flag;
  kartla_view_options empty_language;
  kartla_view_options_init(&options);
  kartla_view_options_init(&bad_version);
  kartla_view_options_init(&bad_flag);
  kartla_view_options_init(&empty_language);
  bad_version.version = 999;
  bad_flag.include_work_ability = 2;
  empty_language.language = "";

  EXPECT_MISUSE(kartla_validate_section(NULL, (const uint8_t *)kJson, 3, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_validate_section("no_such_section", (const uint8_t *)kJson, 3, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_validate_section("profile", NULL, 9, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_validate_section("profile", (const uint8_t *)kJson, 3, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_validate_section("profile", (const uint8_t *)kJson, 3, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_validate_section("profile", (const uint8_t *)kJson, 3, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_validate_section("profile", (const uint8_t *)kJson, SIZE_MAX, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_validate_section_json(NULL, (const uint8_t *)kJson, strlen(kJson), KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_validate_section_json("no_such_section", (const uint8_t *)kJson, strlen(kJson), KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_validate_section_json("profile", NULL, 9, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_validate_section_json("profile", (const uint8_t *)kJson, strlen(kJson), KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_validate_section_json("profile", (const uint8_t *)kJson, strlen(kJson), BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_validate_section_json("profile", (const uint8_t *)kJson, strlen(kJson), KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_validate_section_json("profile", (const uint8_t *)kJson, SIZE_MAX, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  /* Not misuse: a verdict, with the report filled (kartla.h documents the exception). */
  EXPECT_STATUS(KARTLA_E_SCHEMA,
                kartla_validate_section_json("profile", (const uint8_t *)kNotJson, strlen(kNotJson), KARTLA_ENCODING_JSON, &buf));
  if (buf.len == 0 || strstr((const char *)buf.data, "\"schema-parse\"") == NULL)
    misuse_fail(__LINE__, "kartla_validate_section_json(not JSON)", "the report does not name schema-parse");
  kartla_buffer_free(&buf);

  EXPECT_MISUSE(kartla_record_progress(NULL, &options, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_progress(f->record, &bad_version, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_progress(f->record, &bad_flag, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_progress(f->record, &empty_language, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_progress(f->record, NULL, KARTLA_ENCODING_JSON, NULL));
  EXPECT_MISUSE(kartla_record_progress(f->record, NULL, KARTLA_ENCODING_PROTOBUF, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_record_progress(f->record, NULL, (kartla_encoding)7, &buf));
  EXPECT_EMPTY(buf);
  /* The fixture's record holds a profile only. */
  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_progress(f->record, NULL, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_progress_text(NULL, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_progress_text(f->record, &bad_version, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_progress_text(f->record, NULL, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_record_progress_svg(NULL, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_progress_svg(f->record, &bad_flag, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_progress_svg(f->record, NULL, NULL));
  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_progress_svg(f->record, &options, &buf));
  EXPECT_EMPTY(buf);

  EXPECT_MISUSE(kartla_record_plan(NULL, NULL, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_plan(f->record, &bad_version, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_plan(f->record, NULL, KARTLA_ENCODING_PROTOBUF, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_plan(f->record, NULL, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_plan_text(NULL, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_plan_text(f->record, NULL, NULL));
  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_plan_text(f->record, &options, &buf));
  EXPECT_EMPTY(buf);

  EXPECT_MISUSE(kartla_record_show_text(NULL, NULL, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_show_text(f->record, "no_such_section", NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_show_text(f->record, NULL, &bad_version, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_show_text(f->record, "profile", NULL, NULL));
  EXPECT_MISUSE(kartla_record_show_text(f->record, NULL, NULL, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_show_text(f->record, "languages", NULL, &buf));
  EXPECT_EMPTY(buf);
}

/* The agency's views: the same argument checks as the owner's; the fixture's share grants the
 * profile only, so a view that needs another section is NOT_SHARED. */
static void share_views(const struct fixture *f) {
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;
  kartla_view_options bad_version;
  kartla_view_options_init(&bad_version);
  bad_version.version = 0;

  EXPECT_MISUSE(kartla_share_progress(NULL, 0, NULL, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_progress(f->share, 0, &bad_version, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_progress(f->share, 0, NULL, (kartla_encoding)-1, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_progress(f->share, 0, NULL, KARTLA_ENCODING_PROTOBUF, NULL));
  EXPECT_MISUSE(kartla_share_progress(f->share, 0, NULL, KARTLA_ENCODING_PROTOBUF, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_NOT_SHARED, kartla_share_progress(f->share, 0, NULL, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_progress_text(NULL, 0, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_progress_text(f->share, 0, NULL, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_NOT_SHARED, kartla_share_progress_text(f->share, 0, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_progress_svg(NULL, 0, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_progress_svg(f->share, 0, &bad_version, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_NOT_SHARED, kartla_share_progress_svg(f->share, 0, NULL, &buf));
  EXPECT_EMPTY(buf);

  EXPECT_MISUSE(kartla_share_plan(NULL, 0, NULL, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_plan(f->share, 0, NULL, (kartla_encoding)2, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_plan(f->share, 0, NULL, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_NOT_SHARED, kartla_share_plan(f->share, 0, NULL, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_plan_text(NULL, 0, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_plan_text(f->share, 0, NULL, NULL));
  EXPECT_STATUS(KARTLA_E_NOT_SHARED, kartla_share_plan_text(f->share, 0, NULL, &buf));
  EXPECT_EMPTY(buf);

  EXPECT_MISUSE(kartla_share_show_text(NULL, NULL, 0, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_show_text(f->share, "no_such_section", 0, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_show_text(f->share, NULL, 0, &bad_version, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_show_text(f->share, NULL, 0, NULL, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_NOT_SHARED, kartla_share_show_text(f->share, "languages", 0, NULL, &buf));
  EXPECT_EMPTY(buf);
}

static void verifications(const struct fixture *f) {
  kartla_verification *out = POISON;
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;
  uint64_t sequence = 7;

  EXPECT_MISUSE(kartla_verification_open_file(NULL, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_verification_open_file(f->record_path, NULL));
  out = POISON;
  EXPECT_MISUSE(kartla_verification_open(NULL, 64, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_verification_open(f->identity_file.data, f->identity_file.len, NULL));
  out = POISON;
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_verification_open(f->identity_file.data, SIZE_MAX, &out));
  EXPECT_NULL(out);

  EXPECT_MISUSE(kartla_verification_sequence(NULL, &sequence));
  EXPECT_ZERO(sequence);
  EXPECT_MISUSE(kartla_verification_sequence(f->verification, NULL));
  EXPECT_MISUSE(kartla_verification_check_last_seen(NULL, 0));

  EXPECT_MISUSE(kartla_verification_record_id(NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_verification_record_id(f->verification, NULL));
  EXPECT_MISUSE(kartla_verification_record_id(f->verification, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_verification_owner_fingerprint(NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_verification_owner_fingerprint(f->verification, NULL));
  EXPECT_MISUSE(kartla_verification_owner_fingerprint(f->verification, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_verification_previous_hash(NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_verification_previous_hash(f->verification, NULL));
  EXPECT_MISUSE(kartla_verification_previous_hash(f->verification, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_verification_report(NULL, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_verification_report(f->verification, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_verification_report(f->verification, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_verification_report(f->verification, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
}

static void agencies(const struct fixture *f) {
  kartla_identity_options options;
  kartla_agency_info info;
  kartla_identity *out = POISON;
  kartla_buffer code = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;

  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = 64;
  agency_info(&info);
  EXPECT_MISUSE(kartla_identity_new_agency(NULL, &options, kPass, PASS_LEN, &out, &code));
  EXPECT_NULL(out);
  EXPECT_EMPTY(code);
  EXPECT_MISUSE(kartla_identity_new_agency(&info, &options, kPass, PASS_LEN, NULL, &code));
  EXPECT_EMPTY(code);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_new_agency(&info, &options, kPass, PASS_LEN, &out, NULL));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_new_agency(&info, &options, NULL, 6, &out, &code));
  EXPECT_NULL(out);
  EXPECT_EMPTY(code);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_new_agency(&info, &options, kPass, PASS_LEN, &out, &full));
  EXPECT_NULL(out);
  EXPECT_UNTOUCHED(full, copy);
  out = POISON;
  info.name = NULL;
  EXPECT_MISUSE(kartla_identity_new_agency(&info, &options, kPass, PASS_LEN, &out, &code));
  EXPECT_NULL(out);
  agency_info(&info);
  info.organisation_number = NULL;
  EXPECT_MISUSE(kartla_identity_new_agency(&info, &options, kPass, PASS_LEN, &out, &code));
  EXPECT_NULL(out);
  agency_info(&info);
  info.role = NULL;
  EXPECT_MISUSE(kartla_identity_new_agency(&info, &options, kPass, PASS_LEN, &out, &code));
  EXPECT_NULL(out);
  info.role = "no_such_role";
  EXPECT_MISUSE(kartla_identity_new_agency(&info, &options, kPass, PASS_LEN, &out, &code));
  EXPECT_NULL(out);
  agency_info(&info);
  info.version = KARTLA_AGENCY_INFO_VERSION + 1;
  EXPECT_MISUSE(kartla_identity_new_agency(&info, &options, kPass, PASS_LEN, &out, &code));
  EXPECT_NULL(out);
  EXPECT_EMPTY(code);

  EXPECT_MISUSE(kartla_card_describe(NULL, 12, KARTLA_ENCODING_JSON, &code));
  EXPECT_EMPTY(code);
  EXPECT_MISUSE(kartla_card_describe(f->agency_card.data, f->agency_card.len, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_card_describe(f->agency_card.data, f->agency_card.len, BAD_ENCODING, &code));
  EXPECT_EMPTY(code);
  EXPECT_MISUSE(kartla_card_describe(f->agency_card.data, f->agency_card.len, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_FORMAT, kartla_card_describe(f->agency_card.data, SIZE_MAX, KARTLA_ENCODING_JSON, &code));
  EXPECT_EMPTY(code);
}

/* Every refused call here must leave the record as it was: none of them may grant or revoke. */
static void sharing(const struct fixture *f) {
  kartla_record_share_options options;
  const char *sections[] = {"profile"};
  const char *null_section[] = {NULL};
  const char *unknown_section[] = {"no_such_section"};
  const uint8_t *card = f->agency_card.data;
  const size_t card_len = f->agency_card.len;
  const char *grant = (const char *)f->grant_id.data;
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;

  kartla_record_share_options_init(&options);
  options.purpose = "misuse test";
  EXPECT_MISUSE(kartla_record_share(NULL, card, card_len, sections, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_share(f->record, NULL, 5, sections, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, NULL, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, null_section, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, unknown_section, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, sections, 1, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, sections, 1, &options, NULL));
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, sections, 1, &options, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_record_share(f->record, card, SIZE_MAX, sections, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  options.purpose = NULL;
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, sections, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  options.purpose = "misuse test";
  options.version = KARTLA_RECORD_SHARE_OPTIONS_VERSION + 1;
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, sections, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  options.version = 1; /* the layout before the GDPR bases: refused, not read past its end */
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, sections, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  options.version = KARTLA_RECORD_SHARE_OPTIONS_VERSION;
  options.gdpr_art6_basis = "6.1.g"; /* not one of 6.1.a to 6.1.f */
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, sections, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  options.gdpr_art6_basis = "6.1";
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, sections, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  options.gdpr_art6_basis = NULL;
  options.gdpr_art9_basis = "9.2.k"; /* not one of 9.2.a to 9.2.j */
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, sections, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  options.gdpr_art9_basis = "9.2.h"; /* a valid code, but profile holds no health data */
  EXPECT_MISUSE(kartla_record_share(f->record, card, card_len, sections, 1, &options, &buf));
  EXPECT_EMPTY(buf);
  options.gdpr_art9_basis = NULL;

  {
    int flag = 7;
    EXPECT_MISUSE(kartla_record_section_is_special(NULL, "profile", &flag));
    EXPECT_ZERO(flag);
    flag = 7;
    EXPECT_MISUSE(kartla_record_section_is_special(f->record, NULL, &flag));
    EXPECT_ZERO(flag);
    flag = 7;
    EXPECT_MISUSE(kartla_record_section_is_special(f->record, "no_such_section", &flag));
    EXPECT_ZERO(flag);
    EXPECT_MISUSE(kartla_record_section_is_special(f->record, "work_ability", NULL));
  }

  EXPECT_MISUSE(kartla_record_export_bundle(NULL, grant, f->bundle_path));
  EXPECT_MISUSE(kartla_record_export_bundle(f->record, NULL, f->bundle_path));
  EXPECT_MISUSE(kartla_record_export_bundle(f->record, grant, NULL));

  {
    const char *grants[] = {grant};
    const char *twice[] = {grant, grant};
    const char *null_grant[] = {NULL};
    EXPECT_MISUSE(kartla_record_export_case_bundle(NULL, grants, 1, f->bundle_path));
    EXPECT_MISUSE(kartla_record_export_case_bundle(f->record, NULL, 1, f->bundle_path));
    EXPECT_MISUSE(kartla_record_export_case_bundle(f->record, null_grant, 1, f->bundle_path));
    EXPECT_MISUSE(kartla_record_export_case_bundle(f->record, grants, 0, f->bundle_path));
    EXPECT_MISUSE(kartla_record_export_case_bundle(f->record, grants, SIZE_MAX, f->bundle_path));
    EXPECT_MISUSE(kartla_record_export_case_bundle(f->record, twice, 2, f->bundle_path));
    EXPECT_MISUSE(kartla_record_export_case_bundle(f->record, grants, 1, NULL));
  }

  EXPECT_MISUSE(kartla_record_revoke(NULL, card, card_len, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_revoke(f->record, NULL, 5, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_record_revoke(f->record, card, SIZE_MAX, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_revoke(f->record, card, card_len, 0, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_record_revoke(f->record, card, card_len, 0, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_revoke(f->record, card, card_len, 0, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
}

static void shares(const struct fixture *f) {
  kartla_share *out = POISON;
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;
  uint64_t sequence = 7;

  EXPECT_MISUSE(kartla_share_open_file(NULL, f->agency, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_share_open_file(f->bundle_path, NULL, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_share_open_file(f->bundle_path, f->agency, NULL));
  out = POISON;
  EXPECT_MISUSE(kartla_share_open(NULL, 40, f->agency, &out));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_share_open(f->identity_file.data, f->identity_file.len, NULL, &out));
  EXPECT_NULL(out);
  EXPECT_MISUSE(kartla_share_open(f->identity_file.data, f->identity_file.len, f->agency, NULL));
  out = POISON;
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_share_open(f->identity_file.data, SIZE_MAX, f->agency, &out));
  EXPECT_NULL(out);

  EXPECT_MISUSE(kartla_share_section(NULL, "profile", 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_section(f->share, NULL, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_section(f->share, "no_such_section", 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_section(f->share, "profile", 0, NULL));
  EXPECT_MISUSE(kartla_share_section(f->share, "profile", 0, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_share_section_json(NULL, "profile", 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_section_json(f->share, NULL, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_section_json(f->share, "no_such_section", 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_section_json(f->share, "profile", 0, NULL));
  EXPECT_MISUSE(kartla_share_section_json(f->share, "profile", 0, &full));
  EXPECT_UNTOUCHED(full, copy);

  EXPECT_MISUSE(kartla_share_describe(NULL, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_describe(f->share, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_share_describe(f->share, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_describe(f->share, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_share_sequence(NULL, &sequence));
  EXPECT_ZERO(sequence);
  EXPECT_MISUSE(kartla_share_sequence(f->share, NULL));
  EXPECT_MISUSE(kartla_share_check_last_seen(NULL, 0));
  {
    size_t size = 1;
    uint8_t small[2];
    EXPECT_MISUSE(kartla_share_section_size(NULL, "profile", 0, &size));
    EXPECT_ZERO(size);
    EXPECT_MISUSE(kartla_share_section_size(f->share, NULL, 0, &size));
    EXPECT_MISUSE(kartla_share_section_size(f->share, "profile", 0, NULL));
    size = 1;
    EXPECT_MISUSE(kartla_share_section_into(NULL, "profile", 0, small, sizeof small, &size));
    EXPECT_ZERO(size);
    EXPECT_MISUSE(kartla_share_section_into(f->share, "no_such_section", 0, small, sizeof small, &size));
    EXPECT_MISUSE(kartla_share_section_into(f->share, "profile", 0, NULL, 4, &size));
    EXPECT_MISUSE(kartla_share_section_into(f->share, "profile", 0, small, sizeof small, NULL));
    EXPECT_MISUSE(kartla_share_section_into(f->share, "profile", 0, small, sizeof small, &size));
  }
  EXPECT_MISUSE(kartla_share_check_owner(NULL, f->card.data, f->card.len));
  EXPECT_MISUSE(kartla_share_check_owner(f->share, NULL, 1));
  EXPECT_MISUSE(kartla_share_check_owner(f->share, f->agency_card.data, f->agency_card.len));
}

/* Documents: bytes in and out. Run last: adding one leaves the fixture's record with unsaved
 * changes. The fixture's agency was granted profile only, so its documents are not shared. */
/* A callback that counts what it is given: misuse must never reach it. */
static int32_t count_calls(void *context, kartla_document_event event, const uint8_t *data, size_t len) {
  (void)event;
  (void)data;
  (void)len;
  ++*(int *)context;
  return 0;
}

static void documents(const struct fixture *f) {
  static const uint8_t kContent[] = {0x25, 0x50, 0x44, 0x46, 0x00, 0xff};
  kartla_document_options options;
  kartla_buffer id = KARTLA_BUFFER_INIT;
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;

  kartla_document_options_init(&options);
  EXPECT_MISUSE(kartla_record_add_document(NULL, kContent, sizeof kContent, &options, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_add_document(f->record, NULL, 4, &options, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_record_add_document(f->record, kContent, SIZE_MAX, &options, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_add_document(f->record, kContent, sizeof kContent, &options, NULL));
  EXPECT_MISUSE(kartla_record_add_document(f->record, kContent, sizeof kContent, &options, &full));
  EXPECT_UNTOUCHED(full, copy);
  options.version = 99;
  EXPECT_MISUSE(kartla_record_add_document(f->record, kContent, sizeof kContent, &options, &buf));
  kartla_document_options_init(&options);
  options.health_data = 2;
  EXPECT_MISUSE(kartla_record_add_document(f->record, kContent, sizeof kContent, &options, &buf));
  kartla_document_options_init(&options);
  options.kind = "NOT_A_KIND";
  EXPECT_MISUSE(kartla_record_add_document(f->record, kContent, sizeof kContent, &options, &buf));
  options.kind = "KIND_UNSPECIFIED";
  EXPECT_MISUSE(kartla_record_add_document(f->record, kContent, sizeof kContent, &options, &buf));
  /* Content rules: a media type that is not type/subtype; a medical statement not flagged. */
  kartla_document_options_init(&options);
  options.media_type = "pdf";
  EXPECT_STATUS(KARTLA_E_SCHEMA, kartla_record_add_document(f->record, kContent, sizeof kContent, &options, &buf));
  kartla_document_options_init(&options);
  options.kind = "MEDICAL_STATEMENT";
  EXPECT_STATUS(KARTLA_E_SCHEMA, kartla_record_add_document(f->record, kContent, sizeof kContent, &options, &buf));
  EXPECT_EMPTY(buf);
  /* From a file: the same checks, and a path that names no regular file. "." is a directory;
   * options and id are checked before the path is opened. */
  kartla_document_options_init(&options);
  EXPECT_MISUSE(kartla_record_add_document_file(NULL, ".", &options, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_add_document_file(f->record, NULL, &options, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_add_document_file(f->record, ".", &options, NULL));
  EXPECT_MISUSE(kartla_record_add_document_file(f->record, ".", &options, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_record_add_document_file(f->record, ".", &options, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_IO, kartla_record_add_document_file(f->record, "./no such file, surely", &options, &buf));
  EXPECT_EMPTY(buf);
  options.version = 99;
  EXPECT_MISUSE(kartla_record_add_document_file(f->record, "./no such file, surely", &options, &buf));
  EXPECT_EMPTY(buf);

  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_document(f->record, "doc-none", &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_remove_document(f->record, "doc-none"));
  if (kartla_record_add_document(f->record, kContent, sizeof kContent, NULL, &id) != KARTLA_OK) {
    misuse_fail(__LINE__, "kartla_record_add_document", kartla_last_error());
    return;
  }
  EXPECT_MISUSE(kartla_record_document(NULL, (const char *)id.data, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_document(f->record, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_document(f->record, (const char *)id.data, NULL));
  EXPECT_MISUSE(kartla_record_document(f->record, (const char *)id.data, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_document(f->record, "doc-none", &buf));
  EXPECT_EMPTY(buf);

  /* To a file: refused before any file is made. */
  {
    char out_path[4200];
    snprintf(out_path, sizeof out_path, "%s.document", f->record_path);
    EXPECT_MISUSE(kartla_record_document_to_file(NULL, (const char *)id.data, out_path, 0));
    EXPECT_MISUSE(kartla_record_document_to_file(f->record, NULL, out_path, 0));
    EXPECT_MISUSE(kartla_record_document_to_file(f->record, (const char *)id.data, NULL, 0));
    EXPECT_MISUSE(kartla_record_document_to_file(f->record, (const char *)id.data, out_path, 2));
    EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_document_to_file(f->record, "doc-none", out_path, 0));
    /* An existing file is not replaced without replace = 1. */
    EXPECT_MISUSE(kartla_record_document_to_file(f->record, (const char *)id.data, f->record_path, 0));
    EXPECT_MISUSE(kartla_share_document_to_file(NULL, (const char *)id.data, 0, out_path, 0));
    EXPECT_MISUSE(kartla_share_document_to_file(f->share, NULL, 0, out_path, 0));
    EXPECT_MISUSE(kartla_share_document_to_file(f->share, (const char *)id.data, 0, NULL, 0));
    EXPECT_MISUSE(kartla_share_document_to_file(f->share, (const char *)id.data, 0, out_path, -1));
    EXPECT_STATUS(KARTLA_E_NOT_SHARED, kartla_share_document_to_file(f->share, (const char *)id.data, 0, out_path, 0));
    if (fopen(out_path, "rb") != NULL) misuse_fail(__LINE__, "kartla_*_document_to_file", "wrote a file on failure");
  }

  /* Into a callback: refused before the callback is ever called. */
  {
    int calls = 0;
    EXPECT_MISUSE(kartla_record_document_to_callback(NULL, (const char *)id.data, count_calls, &calls));
    EXPECT_MISUSE(kartla_record_document_to_callback(f->record, NULL, count_calls, &calls));
    EXPECT_MISUSE(kartla_record_document_to_callback(f->record, (const char *)id.data, NULL, &calls));
    EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_document_to_callback(f->record, "doc-none", count_calls, &calls));
    EXPECT_MISUSE(kartla_share_document_to_callback(NULL, (const char *)id.data, 0, count_calls, &calls));
    EXPECT_MISUSE(kartla_share_document_to_callback(f->share, NULL, 0, count_calls, &calls));
    EXPECT_MISUSE(kartla_share_document_to_callback(f->share, (const char *)id.data, 0, NULL, &calls));
    EXPECT_STATUS(KARTLA_E_NOT_SHARED,
                  kartla_share_document_to_callback(f->share, (const char *)id.data, 0, count_calls, &calls));
    if (calls != 0) misuse_fail(__LINE__, "kartla_*_document_to_callback", "called the callback on failure");
  }

  EXPECT_MISUSE(kartla_record_documents(NULL, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_documents(f->record, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_documents(f->record, KARTLA_ENCODING_JSON, NULL));
  EXPECT_MISUSE(kartla_record_documents(f->record, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);

  EXPECT_MISUSE(kartla_record_remove_document(NULL, (const char *)id.data));
  EXPECT_MISUSE(kartla_record_remove_document(f->record, NULL));
  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_remove_document(f->record, "doc-none"));

  EXPECT_MISUSE(kartla_share_document(NULL, (const char *)id.data, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_document(f->share, NULL, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_document(f->share, (const char *)id.data, 0, NULL));
  EXPECT_MISUSE(kartla_share_document(f->share, (const char *)id.data, 0, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_NOT_SHARED, kartla_share_document(f->share, (const char *)id.data, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_documents(NULL, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_documents(f->share, 0, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_documents(f->share, 0, KARTLA_ENCODING_JSON, NULL));
  EXPECT_MISUSE(kartla_share_documents(f->share, 0, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_NOT_SHARED, kartla_share_documents(f->share, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);

  if (kartla_record_remove_document(f->record, (const char *)id.data) != KARTLA_OK)
    misuse_fail(__LINE__, "kartla_record_remove_document", kartla_last_error());
  kartla_buffer_free(&id);
}

/* Receipts: the fixture's grant, from its saved record. */
static void receipts(const struct fixture *f) {
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  kartla_buffer receipt = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;
  const char *grant = (const char *)f->grant_id.data;
  if (kartla_record_receipt(f->record, grant, &receipt) != KARTLA_OK) {
    misuse_fail(__LINE__, "kartla_record_receipt", kartla_last_error());
    return;
  }
  EXPECT_MISUSE(kartla_record_receipt(NULL, grant, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_receipt(f->record, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_receipt(f->record, grant, NULL));
  EXPECT_MISUSE(kartla_record_receipt(f->record, grant, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_receipt(f->record, "no such grant", &buf));
  EXPECT_EMPTY(buf);

  EXPECT_MISUSE(kartla_receipt_describe(NULL, 4, NULL, 0, NULL, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_receipt_describe(receipt.data, SIZE_MAX, NULL, 0, NULL, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_receipt_describe(receipt.data, receipt.len, NULL, 4, NULL, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_receipt_describe(receipt.data, receipt.len, NULL, 0, NULL, 4, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_receipt_describe(receipt.data, receipt.len, f->card.data, SIZE_MAX, NULL, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_receipt_describe(receipt.data, receipt.len, NULL, 0, f->agency_card.data, SIZE_MAX, KARTLA_ENCODING_JSON, &buf));
  /* Each card in the other's place. */
  EXPECT_MISUSE(kartla_receipt_describe(receipt.data, receipt.len, f->agency_card.data, f->agency_card.len, NULL, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_receipt_describe(receipt.data, receipt.len, NULL, 0, f->card.data, f->card.len, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_receipt_describe(receipt.data, receipt.len, NULL, 0, NULL, 0, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_receipt_describe(receipt.data, receipt.len, NULL, 0, NULL, 0, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_receipt_describe(receipt.data, receipt.len, NULL, 0, NULL, 0, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  /* A card is not a receipt. */
  EXPECT_STATUS(KARTLA_E_FORMAT, kartla_receipt_describe(f->card.data, f->card.len, NULL, 0, NULL, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  kartla_buffer_free(&receipt);
}

/* Static information needs no handle and cannot fail; it must not crash on any input. */
/* Attestations: an entry of a scratch record's notes, attested by the fixture's agency. */
static void attestations(const struct fixture *f) {
  static const char notes[] =
      "{\"entries\": [{\"id\": \"n1\", \"text\": \"met\", \"assertion\": {\"source\": \"SELF_REPORTED\", "
      "\"asserted_at\": \"2025-01-01T00:00:00Z\"}}]}";
  static const char claim[] = "{\"kind\": \"CONFIRMED\"}";
  kartla_record *record = NULL;
  kartla_buffer content = KARTLA_BUFFER_INIT;
  kartla_buffer entry = KARTLA_BUFFER_INIT;
  kartla_buffer record_id = KARTLA_BUFFER_INIT;
  kartla_buffer attestation = KARTLA_BUFFER_INIT;
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;
  kartla_entry_ref ref;
  kartla_entry_ref bad;

  kartla_entry_ref_init(&ref);
  if (kartla_record_new(f->owner, &record) != KARTLA_OK ||
      kartla_record_set_section_json(record, "notes", (const uint8_t *)notes, strlen(notes)) != KARTLA_OK ||
      kartla_record_section(record, "notes", &content) != KARTLA_OK ||
      kartla_record_id(record, &record_id) != KARTLA_OK ||
      kartla_section_entry("notes", content.data, content.len, "n1", &entry) != KARTLA_OK) {
    misuse_fail(__LINE__, "attestation setup", kartla_last_error());
    goto done;
  }
  ref.owner_card = f->card.data;
  ref.owner_card_len = f->card.len;
  ref.record_id = (const char *)record_id.data;
  ref.section = "notes";
  ref.entry_id = "n1";
  ref.entry = entry.data;
  ref.entry_len = entry.len;
  if (kartla_attestation_issue(f->agency, &ref, claim, 0, 0, &attestation) != KARTLA_OK ||
      kartla_attestation_verify(attestation.data, attestation.len, &ref, NULL, 0, 0, KARTLA_ENCODING_JSON, &buf) != KARTLA_OK) {
    misuse_fail(__LINE__, "attestation setup", kartla_last_error());
    goto done;
  }
  kartla_buffer_free(&buf);

  EXPECT_MISUSE(kartla_section_entry(NULL, content.data, content.len, "n1", &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_section_entry("no_such_section", content.data, content.len, "n1", &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_section_entry("notes", NULL, 4, "n1", &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_section_entry("notes", content.data, SIZE_MAX, "n1", &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_section_entry("notes", content.data, content.len, NULL, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_section_entry("notes", content.data, content.len, "n2", &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_section_entry("notes", content.data, content.len, "n1", NULL));
  EXPECT_MISUSE(kartla_section_entry("notes", content.data, content.len, "n1", &full));
  EXPECT_UNTOUCHED(full, copy);

  EXPECT_MISUSE(kartla_attestation_issue(NULL, &ref, claim, 0, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, NULL, claim, 0, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &ref, NULL, 0, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_SCHEMA, kartla_attestation_issue(f->agency, &ref, "{\"grade\": 5}", 0, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_issue(f->owner, &ref, claim, 0, 0, &buf)); /* not an agency */
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &ref, claim, 1000, 1000, &buf)); /* expires as issued */
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &ref, claim, 0, 0, NULL));
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &ref, claim, 0, 0, &full));
  EXPECT_UNTOUCHED(full, copy);
  bad = ref;
  bad.version = 99;
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  bad = ref;
  bad.owner_card = NULL;
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  bad = ref;
  bad.owner_card_len = SIZE_MAX;
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  bad = ref;
  bad.owner_card = f->agency_card.data; /* not an owner's card */
  bad.owner_card_len = f->agency_card.len;
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  bad = ref;
  bad.record_id = NULL;
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  bad = ref;
  bad.record_id = "not hex";
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  bad = ref;
  bad.section = "no_such_section";
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  bad = ref;
  bad.section = "sharing_ledger";
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  bad = ref;
  bad.entry_id = NULL;
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  bad = ref;
  bad.entry_id = "n2"; /* the bytes are n1's */
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  bad = ref;
  bad.entry = NULL;
  EXPECT_MISUSE(kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  bad = ref;
  bad.entry_len = SIZE_MAX;
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_attestation_issue(f->agency, &bad, claim, 0, 0, &buf));
  EXPECT_EMPTY(buf);

  EXPECT_MISUSE(kartla_attestation_verify(NULL, 4, &ref, NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_attestation_verify(attestation.data, SIZE_MAX, &ref, NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_verify(attestation.data, attestation.len, NULL, NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_verify(attestation.data, attestation.len, &ref, NULL, 4, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT,
                kartla_attestation_verify(attestation.data, attestation.len, &ref, attestation.data, SIZE_MAX, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  /* An attestation is not a trust list. */
  EXPECT_STATUS(KARTLA_E_FORMAT, kartla_attestation_verify(attestation.data, attestation.len, &ref, attestation.data,
                                                           attestation.len, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_verify(attestation.data, attestation.len, &ref, NULL, 0, 0, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_attestation_verify(attestation.data, attestation.len, &ref, NULL, 0, 0, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_verify(attestation.data, attestation.len, &ref, NULL, 0, 0, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  bad = ref;
  bad.version = 0;
  EXPECT_MISUSE(kartla_attestation_verify(attestation.data, attestation.len, &bad, NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_describe(NULL, 4, NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_attestation_describe(attestation.data, SIZE_MAX, NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_describe(attestation.data, attestation.len, NULL, 4, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  /* An attestation is not a trust list. */
  EXPECT_STATUS(KARTLA_E_FORMAT, kartla_attestation_describe(attestation.data, attestation.len, attestation.data,
                                                             attestation.len, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_describe(attestation.data, attestation.len, NULL, 0, 0, KARTLA_ENCODING_JSON, NULL));
  EXPECT_MISUSE(kartla_attestation_describe(attestation.data, attestation.len, NULL, 0, 0, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_attestation_describe(attestation.data, attestation.len, NULL, 0, 0, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  /* The documented exception: an attestation judged invalid comes with its report. */
  bad = ref;
  bad.entry_id = "n2";
  EXPECT_STATUS(KARTLA_E_SIGNATURE, kartla_attestation_verify(attestation.data, attestation.len, &bad, NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  if (buf.len == 0) misuse_fail(__LINE__, "kartla_attestation_verify", "no report for an invalid attestation");
  kartla_buffer_free(&buf);

done:
  kartla_buffer_free(&attestation);
  kartla_buffer_free(&record_id);
  kartla_buffer_free(&entry);
  kartla_buffer_free(&content);
  kartla_record_free(record);
}

/* Trust lists, contributions, attaching and provenance (docs/SPEC.md §13.3-13.6). */
static void trust_and_contributions(const struct fixture *f) {
  static const char entry_json[] =
      "{\"id\": \"c1\", \"text\": \"from the agency\", \"assertion\": {\"source\": \"SELF_REPORTED\", "
      "\"asserted_at\": \"2025-01-01T00:00:00Z\"}}";
  kartla_identity_options options;
  kartla_identity *root = NULL;
  kartla_identity *out = POISON;
  kartla_trust_draft *draft = NULL;
  kartla_trust_draft *draft_out = POISON;
  kartla_record *record = NULL;
  kartla_buffer code = KARTLA_BUFFER_INIT;
  kartla_buffer list = KARTLA_BUFFER_INIT;
  kartla_buffer record_id = KARTLA_BUFFER_INIT;
  kartla_buffer contribution = KARTLA_BUFFER_INIT;
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;
  const char *rid;
  uint64_t sequence = 7;
  int flag = 7;

  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = 64;
  EXPECT_MISUSE(kartla_identity_new_trust_root(NULL, &options, kPass, PASS_LEN, &out, &code));
  EXPECT_NULL(out);
  EXPECT_EMPTY(code);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_new_trust_root("", &options, kPass, PASS_LEN, &out, &code));
  EXPECT_NULL(out);
  EXPECT_EMPTY(code);
  EXPECT_MISUSE(kartla_identity_new_trust_root("root", &options, kPass, PASS_LEN, NULL, &code));
  EXPECT_EMPTY(code);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_new_trust_root("root", &options, NULL, 5, &out, &code));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_new_trust_root("root", &options, kPass, PASS_LEN, &out, NULL));
  EXPECT_NULL(out);
  out = POISON;
  EXPECT_MISUSE(kartla_identity_new_trust_root("root", &options, kPass, PASS_LEN, &out, &full));
  EXPECT_NULL(out);
  EXPECT_UNTOUCHED(full, copy);

  EXPECT_MISUSE(kartla_trust_draft_new(0, &draft_out));
  EXPECT_NULL(draft_out);
  EXPECT_MISUSE(kartla_trust_draft_new(1, NULL));
  if (kartla_identity_new_trust_root("Misuse root", &options, kPass, PASS_LEN, &root, &code) != KARTLA_OK ||
      kartla_trust_draft_new(1, &draft) != KARTLA_OK ||
      kartla_trust_draft_add(draft, f->agency_card.data, f->agency_card.len, "employment_service", 1, 0) != KARTLA_OK ||
      kartla_trust_list_sign(root, draft, 0, 4102444800, &list) != KARTLA_OK ||
      kartla_record_new(f->owner, &record) != KARTLA_OK || kartla_record_id(record, &record_id) != KARTLA_OK) {
    misuse_fail(__LINE__, "trust setup", kartla_last_error());
    goto done;
  }
  rid = (const char *)record_id.data;

  EXPECT_MISUSE(kartla_trust_draft_add(NULL, f->agency_card.data, f->agency_card.len, "employment_service", 1, 0));
  EXPECT_MISUSE(kartla_trust_draft_add(draft, NULL, 4, "employment_service", 1, 0));
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_trust_draft_add(draft, f->agency_card.data, SIZE_MAX, "employment_service", 1, 0));
  EXPECT_MISUSE(kartla_trust_draft_add(draft, f->card.data, f->card.len, "employment_service", 1, 0)); /* owner */
  EXPECT_MISUSE(kartla_trust_draft_add(draft, f->agency_card.data, f->agency_card.len, NULL, 1, 0));
  EXPECT_MISUSE(kartla_trust_draft_add(draft, f->agency_card.data, f->agency_card.len, "no_such_role", 1, 0));
  EXPECT_MISUSE(kartla_trust_draft_add(draft, f->agency_card.data, f->agency_card.len, "employment_service", 1, 0));
  EXPECT_MISUSE(kartla_trust_draft_remove(NULL, f->agency_card.data, f->agency_card.len, &flag));
  EXPECT_ZERO(flag);
  EXPECT_MISUSE(kartla_trust_draft_remove(draft, NULL, 4, &flag));
  EXPECT_MISUSE(kartla_trust_draft_remove(draft, f->agency_card.data, f->agency_card.len, NULL));
  EXPECT_MISUSE(kartla_trust_draft_sequence(NULL, &sequence));
  EXPECT_MISUSE(kartla_trust_draft_sequence(draft, NULL));
  draft_out = POISON;
  EXPECT_MISUSE(kartla_trust_draft_next(NULL, 4, &draft_out));
  EXPECT_NULL(draft_out);
  draft_out = POISON;
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_trust_draft_next(list.data, SIZE_MAX, &draft_out));
  EXPECT_NULL(draft_out);
  EXPECT_MISUSE(kartla_trust_draft_next(list.data, list.len, NULL));

  EXPECT_MISUSE(kartla_trust_list_sign(NULL, draft, 0, 4102444800, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_trust_list_sign(f->owner, draft, 0, 4102444800, &buf)); /* not a trust root */
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_trust_list_sign(root, NULL, 0, 4102444800, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_trust_list_sign(root, draft, 2000, 1000, &buf)); /* expires before issued */
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_trust_list_sign(root, draft, 0, 4102444800, NULL));
  EXPECT_MISUSE(kartla_trust_list_sign(root, draft, 0, 4102444800, &full));
  EXPECT_UNTOUCHED(full, copy);

  EXPECT_MISUSE(kartla_trust_list_verify(NULL, 4, NULL, 0, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_trust_list_verify(list.data, SIZE_MAX, NULL, 0, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_trust_list_verify(list.data, list.len, NULL, 4, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  /* An agency's card as the expected root is another root (SPEC §13.3 step 7), not misuse. */
  EXPECT_STATUS(KARTLA_E_SIGNATURE,
                kartla_trust_list_verify(list.data, list.len, f->agency_card.data, f->agency_card.len, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_ROLLBACK, kartla_trust_list_verify(list.data, list.len, NULL, 0, 2, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_EXPIRED, kartla_trust_list_verify(list.data, list.len, NULL, 0, 0, 4102444800, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_trust_list_verify(list.data, list.len, NULL, 0, 0, 0, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_trust_list_verify(list.data, list.len, NULL, 0, 0, 0, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_trust_list_verify(list.data, list.len, NULL, 0, 0, 0, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);

  EXPECT_MISUSE(kartla_contribution_create(NULL, f->card.data, f->card.len, rid, "notes", (const uint8_t *)entry_json,
                                           strlen(entry_json), NULL, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_contribution_create(f->owner, f->card.data, f->card.len, rid, "notes",
                                           (const uint8_t *)entry_json, strlen(entry_json), NULL, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_contribution_create(f->agency, NULL, 4, rid, "notes", (const uint8_t *)entry_json,
                                           strlen(entry_json), NULL, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_contribution_create(f->agency, f->card.data, f->card.len, "not hex", "notes",
                                           (const uint8_t *)entry_json, strlen(entry_json), NULL, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_contribution_create(f->agency, f->card.data, f->card.len, rid, NULL,
                                           (const uint8_t *)entry_json, strlen(entry_json), NULL, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_contribution_create(f->agency, f->card.data, f->card.len, rid, "sharing_ledger",
                                           (const uint8_t *)entry_json, strlen(entry_json), NULL, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_contribution_create(f->agency, f->card.data, f->card.len, rid, "notes", NULL, 4, NULL, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_SCHEMA, kartla_contribution_create(f->agency, f->card.data, f->card.len, rid, "notes",
                                                            (const uint8_t *)"{\"text\": \"no id\"}", 17, NULL, 0, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_contribution_create(f->agency, f->card.data, f->card.len, rid, "notes",
                                           (const uint8_t *)entry_json, strlen(entry_json), NULL, 0, NULL));
  EXPECT_MISUSE(kartla_contribution_create(f->agency, f->card.data, f->card.len, rid, "notes",
                                           (const uint8_t *)entry_json, strlen(entry_json), NULL, 0, &full));
  EXPECT_UNTOUCHED(full, copy);
  if (kartla_contribution_create(f->agency, f->card.data, f->card.len, rid, "notes", (const uint8_t *)entry_json,
                                 strlen(entry_json), NULL, 0, &contribution) != KARTLA_OK) {
    misuse_fail(__LINE__, "contribution setup", kartla_last_error());
    goto done;
  }

  EXPECT_MISUSE(kartla_contribution_describe(NULL, contribution.data, contribution.len, NULL, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_contribution_describe(f->owner, NULL, 4, NULL, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_contribution_describe(f->owner, contribution.data, SIZE_MAX, NULL, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_contribution_describe(f->owner, contribution.data, contribution.len, "zz", 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_AUTH, kartla_contribution_describe(f->agency, contribution.data, contribution.len, NULL,
                                                                 0, KARTLA_ENCODING_JSON, &buf)); /* not sealed to the agency */
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_contribution_describe(f->owner, contribution.data, contribution.len, NULL, 0, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_contribution_describe(f->owner, contribution.data, contribution.len, NULL, 0, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_contribution_describe(f->owner, contribution.data, contribution.len, NULL, 0, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);

  EXPECT_MISUSE(kartla_record_accept_contribution(NULL, f->owner, contribution.data, contribution.len, 0, &flag));
  EXPECT_ZERO(flag);
  flag = 7;
  EXPECT_MISUSE(kartla_record_accept_contribution(record, NULL, contribution.data, contribution.len, 0, &flag));
  EXPECT_ZERO(flag);
  EXPECT_MISUSE(kartla_record_accept_contribution(record, f->owner, NULL, 4, 0, &flag));
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_record_accept_contribution(record, f->owner, contribution.data, SIZE_MAX, 0, &flag));
  EXPECT_MISUSE(kartla_record_accept_contribution(record, f->owner, contribution.data, contribution.len, 0, NULL));

  flag = 7;
  EXPECT_MISUSE(kartla_record_contribution_accepted(NULL, f->owner, contribution.data, contribution.len, 0, &flag));
  EXPECT_ZERO(flag);
  flag = 7;
  EXPECT_MISUSE(kartla_record_contribution_accepted(record, NULL, contribution.data, contribution.len, 0, &flag));
  EXPECT_ZERO(flag);
  EXPECT_MISUSE(kartla_record_contribution_accepted(record, f->owner, NULL, 4, 0, &flag));
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_record_contribution_accepted(record, f->owner, contribution.data, SIZE_MAX, 0, &flag));
  EXPECT_MISUSE(kartla_record_contribution_accepted(record, f->owner, contribution.data, contribution.len, 0, NULL));

  flag = 7;
  EXPECT_MISUSE(kartla_record_attach_attestation(NULL, f->owner, contribution.data, contribution.len, 0, &flag));
  EXPECT_ZERO(flag);
  EXPECT_MISUSE(kartla_record_attach_attestation(record, NULL, contribution.data, contribution.len, 0, &flag));
  EXPECT_MISUSE(kartla_record_attach_attestation(record, f->owner, NULL, 4, 0, &flag));
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_record_attach_attestation(record, f->owner, contribution.data, SIZE_MAX, 0, &flag));
  EXPECT_MISUSE(kartla_record_attach_attestation(record, f->owner, contribution.data, contribution.len, 0, NULL));
  /* A contribution is not an attestation file. */
  EXPECT_STATUS(KARTLA_E_FORMAT,
                kartla_record_attach_attestation(record, f->owner, contribution.data, contribution.len, 0, &flag));

  EXPECT_MISUSE(kartla_record_provenance(NULL, f->owner, "notes", NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_provenance(record, NULL, "notes", NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_provenance(record, f->owner, NULL, NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_NOT_FOUND, kartla_record_provenance(record, f->owner, "notes", NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_provenance(record, f->owner, "notes", NULL, 4, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_provenance(record, f->owner, "notes", NULL, 0, 0, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_record_provenance(record, f->owner, "notes", NULL, 0, 0, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_record_provenance(record, f->owner, "notes", NULL, 0, 0, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_MISUSE(kartla_share_provenance(NULL, "profile", NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_provenance(f->share, NULL, NULL, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_share_provenance(f->share, "profile", list.data, SIZE_MAX, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_provenance(f->share, "profile", NULL, 0, 0, KARTLA_ENCODING_JSON, NULL));
  /* An encoding that is not a kartla_encoding value: refused before any work. */
  EXPECT_MISUSE(kartla_share_provenance(f->share, "profile", NULL, 0, 0, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_share_provenance(f->share, "profile", NULL, 0, 0, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);

done:
  kartla_buffer_free(&contribution);
  kartla_buffer_free(&record_id);
  kartla_buffer_free(&list);
  kartla_buffer_free(&code);
  kartla_record_free(record);
  kartla_trust_draft_free(draft);
  kartla_identity_free(root);
}

/* The follow-up report: NULLs, no bundle, a count past the bound (refused from the count alone,
 * before any path is read), a bad encoding, a non-empty output; and one bundle, which is a group
 * below the minimum: KARTLA_E_LIMIT with the output left empty. */
static void followups(const struct fixture *f) {
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  kartla_buffer copy = f->full;
  kartla_buffer full = f->full;
  const char *paths[] = {f->bundle_path};
  const char *null_path[] = {NULL};
  if (kartla_followup_minimum_group() != KARTLA_FOLLOWUP_MINIMUM_GROUP ||
      kartla_followup_max_bundles() != KARTLA_FOLLOWUP_MAX_BUNDLES)
    misuse_fail(__LINE__, "kartla_followup_minimum_group", "twin disagrees with its macro");
  EXPECT_MISUSE(kartla_followup_report(NULL, paths, 1, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_followup_report(f->agency, NULL, 1, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_followup_report(f->agency, null_path, 1, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_followup_report(f->agency, paths, 0, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_followup_report(f->agency, paths, SIZE_MAX, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_followup_report(f->agency, paths, 1, 0, BAD_ENCODING, &buf));
  EXPECT_EMPTY(buf);
  EXPECT_MISUSE(kartla_followup_report(f->agency, paths, 1, 0, KARTLA_ENCODING_JSON, NULL));
  EXPECT_MISUSE(kartla_followup_report(f->agency, paths, 1, 0, KARTLA_ENCODING_JSON, &full));
  EXPECT_UNTOUCHED(full, copy);
  EXPECT_STATUS(KARTLA_E_LIMIT, kartla_followup_report(f->agency, paths, 1, 0, KARTLA_ENCODING_JSON, &buf));
  EXPECT_EMPTY(buf);
}

static void static_information(void) {
  size_t i;
  if (kartla_version() == NULL || kartla_version_number() == 0 || kartla_format_version() == 0)
    misuse_fail(__LINE__, "version functions", "no version");
  (void)kartla_abi_version();
  for (i = 0; i < kartla_section_count(); ++i)
    if (kartla_section_name(i) == NULL) misuse_fail(__LINE__, "kartla_section_name", "NULL for a valid index");
  for (i = 0; i < kartla_agency_role_count(); ++i)
    if (kartla_agency_role_name(i) == NULL) misuse_fail(__LINE__, "kartla_agency_role_name", "NULL for a valid index");
}

int main(int argc, char **argv) {
  struct fixture f;
  memset(&f, 0, sizeof f);
  if (argc != 2) {
    fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 2;
  }
  if (!setup(&f, argv[1])) {
    teardown(&f);
    return 1;
  }
  frees_and_inits_accept_null_and_empty();
  static_information();
  receipts(&f); /* first: it needs the fixture's record exactly as saved */
  identities(&f);
  records(&f);
  content(&f);
  agencies(&f);
  sharing(&f);
  shares(&f);
  share_views(&f);
  verifications(&f);
  attestations(&f);
  trust_and_contributions(&f);
  followups(&f);
  documents(&f); /* last: it leaves the record with unsaved changes */
  teardown(&f);
  printf("%d misuse cases, %d failures\n", misuse_cases, misuse_failures);
  return misuse_failures == 0 ? 0 : 1;
}
