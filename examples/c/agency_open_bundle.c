/* SPDX-License-Identifier: Apache-2.0 */
/*
 * An agency system opening a share bundle through the C ABI: unlock the agency's identity, open
 * the bundle (the owner's signature over the manifest and the grant are checked here), refuse an
 * older copy than one already seen, list what the participant shared with us, and read one
 * section as JSON (its ciphertext hash, key commitment, binding and the grant's expiry are
 * checked on this call). Nothing else in the bundle can be read: other sections are not in it.
 *
 * Usage:
 *   agency_open_bundle BUNDLE AGENCY_ID SECTION [LAST_SEEN]
 *       The agency identity's passphrase is read from the KARTLA_PASSPHRASE environment variable.
 *       LAST_SEEN is the highest sequence number this system has already seen for the record.
 *   agency_open_bundle --demo DIR
 *       Plays the participant first so the example runs on its own: creates owner.id,
 *       agency.id, record.kartla and bundle.kartla in DIR (which must exist), then opens the
 *       bundle as above and reads its profile section.
 *
 * Thread safety, for a real agency system: an unlocked kartla_identity and an opened
 * kartla_share may each be used by many threads at once; open many bundles in parallel freely.
 *
 * Every call's status is checked; on failure the example prints the status name and the
 * thread's last error message, frees what it holds and exits with status 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kartla/kartla.h>

static const char kDemoPassphrase[] = "correct horse battery staple";

static const char kProfileJson[] =
    "{\"given_name\": \"Amina\", \"family_name\": \"Rahimi\","
    " \"assertion\": {\"source\": \"SELF_REPORTED\", \"asserted_at\": \"2024-05-02T09:00:00Z\"}}";
static const char kNotesJson[] =
    "{\"entries\": [{\"id\": \"note-1\", \"text\": \"private note, never shared\","
    " \"assertion\": {\"source\": \"SELF_REPORTED\", \"asserted_at\": \"2024-05-02T09:00:00Z\"}}]}";

static int check(kartla_status status, const char *what) {
  if (status == KARTLA_OK) return 1;
  fprintf(stderr, "agency_open_bundle: %s failed: %s: %s\n", what, kartla_status_name(status), kartla_last_error());
  return 0;
}

static int join(char *out, size_t size, const char *dir, const char *name) {
  int n = snprintf(out, size, "%s/%s", dir, name);
  if (n < 0 || (size_t)n >= size) {
    fprintf(stderr, "agency_open_bundle: path too long: %s/%s\n", dir, name);
    return 0;
  }
  return 1;
}

/* The agency system's side: everything it does with a bundle it received. */
static int open_bundle(const char *bundle_path, const char *agency_path, const uint8_t *passphrase,
                       size_t passphrase_len, const char *section, uint64_t last_seen) {
  kartla_identity *agency = NULL;
  kartla_share *share = NULL;
  kartla_buffer description = KARTLA_BUFFER_INIT;
  kartla_buffer json = KARTLA_BUFFER_INIT;
  uint64_t sequence = 0;
  kartla_status status;
  int ok = 0;

  if (!check(kartla_identity_open_file(agency_path, passphrase, passphrase_len, &agency), "identity_open_file"))
    goto done;
  /* Verifies the owner's signature over the exact manifest bytes and finds our grants. */
  if (!check(kartla_share_open_file(bundle_path, agency, &share), "share_open_file")) goto done;
  if (!check(kartla_share_sequence(share, &sequence), "share_sequence")) goto done;
  printf("opened %s: sequence %llu\n", bundle_path, (unsigned long long)sequence);

  /* Authentic but older than a copy we already processed: say so instead of going back in time. */
  status = kartla_share_check_last_seen(share, last_seen);
  if (status == KARTLA_E_ROLLBACK) {
    fprintf(stderr, "agency_open_bundle: refusing an older copy: %s\n", kartla_last_error());
    goto done;
  }
  if (!check(status, "share_check_last_seen")) goto done;
  printf("not older than sequence %llu\n", (unsigned long long)last_seen);

  /* Who the record belongs to (compare owner_fingerprint with the participant's), and what we may
   * read, for which purpose, until when. */
  if (!check(kartla_share_describe(share, KARTLA_ENCODING_JSON, &description), "share_describe")) goto done;
  printf("shared with us: %s", (const char *)description.data);

  /* 0 = check the grant's expiry against the current time. */
  status = kartla_share_section_json(share, section, 0, &json);
  if (status == KARTLA_E_NOT_SHARED || status == KARTLA_E_EXPIRED) {
    /* Not an error of the bundle: the participant did not (or no longer) share this with us. */
    printf("%s: %s (%s)\n", section, kartla_status_name(status), kartla_last_error());
    ok = 1;
    goto done;
  }
  if (!check(status, "share_get_section_json")) goto done;
  printf("%s: %s", section, (const char *)json.data);
  ok = 1;

done:
  kartla_buffer_free(&json); /* wipes the plaintext */
  kartla_buffer_free(&description);
  kartla_share_free(share);
  kartla_identity_free(agency);
  return ok;
}

/* The participant's side, only so that --demo has a bundle to open. */
static int make_demo(const char *dir, char *bundle_path, char *agency_path, size_t path_size) {
  char owner_path[4096];
  char record_path[4096];
  const uint8_t *passphrase = (const uint8_t *)kDemoPassphrase;
  const size_t passphrase_len = sizeof kDemoPassphrase - 1;
  const char *sections[] = {"profile"};
  kartla_identity_options options;
  kartla_agency_info info;
  kartla_record_share_options share_options;
  kartla_identity *owner = NULL;
  kartla_identity *agency = NULL;
  kartla_record *record = NULL;
  kartla_buffer code = KARTLA_BUFFER_INIT;
  kartla_buffer card = KARTLA_BUFFER_INIT;
  kartla_buffer grant_id = KARTLA_BUFFER_INIT;
  int ok = 0;

  if (!join(owner_path, sizeof owner_path, dir, "owner.id") || !join(record_path, sizeof record_path, dir, "record.kartla") ||
      !join(agency_path, path_size, dir, "agency.id") || !join(bundle_path, path_size, dir, "bundle.kartla"))
    return 0;

  /* 64 MiB is the lowest Argon2id memory the library accepts; it keeps the example quick. */
  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = 64;
  if (!check(kartla_identity_new(&options, passphrase, passphrase_len, &owner, &code), "identity_new")) goto done;
  kartla_buffer_free(&code);
  if (!check(kartla_identity_save(owner, owner_path, KARTLA_SAVE_CREATE_ONLY), "identity_save")) goto done;

  kartla_agency_info_init(&info);
  info.name = "Landskrona kommun";
  info.organisation_number = "212000-1140";
  info.role = "municipal_labour_unit";
  if (!check(kartla_identity_new_agency(&info, &options, passphrase, passphrase_len, &agency, &code), "agency_new")) goto done;
  kartla_buffer_free(&code);
  if (!check(kartla_identity_save(agency, agency_path, KARTLA_SAVE_CREATE_ONLY), "identity_save")) goto done;
  /* The participant receives only the agency's public card. */
  if (!check(kartla_identity_card(agency, &card), "identity_card")) goto done;

  if (!check(kartla_record_new(owner, &record), "record_new")) goto done;
  if (!check(kartla_record_set_section_json(record, "profile", (const uint8_t *)kProfileJson, strlen(kProfileJson)),
             "record_set_section_json"))
    goto done;
  if (!check(kartla_record_set_section_json(record, "notes", (const uint8_t *)kNotesJson, strlen(kNotesJson)),
             "record_set_section_json"))
    goto done;
  kartla_record_share_options_init(&share_options);
  share_options.purpose = "kartl\xc3\xa4ggning inf\xc3\xb6r praktik";
  /* GDPR Art. 6(1) basis of the share: (a), the participant's consent (also what NULL means).
   * Health data (work_ability; notes or documents flagged as health data) would also need an
   * Art. 9(2) basis in gdpr_art9_basis: kartla_record_section_is_special says which. */
  share_options.gdpr_art6_basis = "6.1.a";
  if (!check(kartla_record_share(record, card.data, card.len, sections, 1, &share_options, &grant_id), "record_share"))
    goto done;
  if (!check(kartla_record_save(record, record_path), "record_save")) goto done;
  if (!check(kartla_record_export_bundle(record, (const char *)grant_id.data, bundle_path), "record_export_bundle"))
    goto done;
  printf("demo: the participant shared profile with Landskrona kommun in %s\n", bundle_path);
  ok = 1;

done:
  kartla_buffer_free(&code);
  kartla_buffer_free(&card);
  kartla_buffer_free(&grant_id);
  kartla_record_free(record);
  kartla_identity_free(agency);
  kartla_identity_free(owner);
  return ok;
}

int main(int argc, char **argv) {
  char bundle_path[4096];
  char agency_path[4096];
  const char *passphrase;
  unsigned long long last_seen = 0;
  char *end = NULL;
  int ok;

  if (argc == 3 && strcmp(argv[1], "--demo") == 0) {
    if (!make_demo(argv[2], bundle_path, agency_path, sizeof bundle_path)) return EXIT_FAILURE;
    ok = open_bundle(bundle_path, agency_path, (const uint8_t *)kDemoPassphrase, sizeof kDemoPassphrase - 1,
                     "profile", 1) &&
         open_bundle(bundle_path, agency_path, (const uint8_t *)kDemoPassphrase, sizeof kDemoPassphrase - 1,
                     "notes", 1);
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
  }
  if (argc != 4 && argc != 5) {
    fprintf(stderr, "usage: %s BUNDLE AGENCY_ID SECTION [LAST_SEEN]\n       %s --demo DIR\n", argv[0], argv[0]);
    return 2;
  }
  passphrase = getenv("KARTLA_PASSPHRASE");
  if (passphrase == NULL) {
    fprintf(stderr, "agency_open_bundle: set KARTLA_PASSPHRASE to the agency identity's passphrase\n");
    return 2;
  }
  if (argc == 5) {
    last_seen = strtoull(argv[4], &end, 10);
    if (end == argv[4] || *end != '\0') {
      fprintf(stderr, "agency_open_bundle: LAST_SEEN must be a number\n");
      return 2;
    }
  }
  ok = open_bundle(argv[1], argv[2], (const uint8_t *)passphrase, strlen(passphrase), argv[3], (uint64_t)last_seen);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
