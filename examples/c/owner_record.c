/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The owner's workflow through the C ABI, start to finish: create an identity, save it, create a
 * record, write one section from JSON, save, unlock the identity again from its file, reopen the
 * record, read the section back, and verify the file as a keyless reader would.
 *
 * Usage: owner_record DIR   (DIR must exist; owner.id and record.kartla are created in it)
 *
 * Every call's status is checked; on failure the example prints the status name and the
 * thread's last error message, frees what it holds and exits with status 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kartla/kartla.h>

/* A real program reads this from the person (see the CLI); a literal keeps the example short. */
static const char kPassphrase[] = "correct horse battery staple";

static const char kProfileJson[] =
    "{\"given_name\": \"Amina\", \"family_name\": \"Rahimi\","
    " \"contact\": {\"email\": \"amina@example.org\"},"
    " \"assertion\": {\"source\": \"SELF_REPORTED\", \"asserted_at\": \"2024-05-02T09:00:00Z\"}}";

static int check(kartla_status status, const char *what) {
  if (status == KARTLA_OK) return 1;
  fprintf(stderr, "owner_record: %s failed: %s: %s\n", what, kartla_status_name(status), kartla_last_error());
  return 0;
}

static int join(char *out, size_t size, const char *dir, const char *name) {
  int n = snprintf(out, size, "%s/%s", dir, name);
  if (n < 0 || (size_t)n >= size) {
    fprintf(stderr, "owner_record: path too long: %s/%s\n", dir, name);
    return 0;
  }
  return 1;
}

int main(int argc, char **argv) {
  char identity_path[4096];
  char record_path[4096];
  const uint8_t *passphrase = (const uint8_t *)kPassphrase;
  const size_t passphrase_len = sizeof kPassphrase - 1;
  kartla_identity_options options;
  kartla_identity *owner = NULL;
  kartla_record *record = NULL;
  kartla_verification *verification = NULL;
  kartla_buffer recovery_code = KARTLA_BUFFER_INIT;
  kartla_buffer profile = KARTLA_BUFFER_INIT;
  kartla_buffer owner_fingerprint = KARTLA_BUFFER_INIT;
  kartla_buffer verified_fingerprint = KARTLA_BUFFER_INIT;
  uint64_t sequence = 0;
  int ok = 0;

  if (argc != 2) {
    fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 2;
  }
  if (!join(identity_path, sizeof identity_path, argv[1], "owner.id") ||
      !join(record_path, sizeof record_path, argv[1], "record.kartla"))
    return 1;
  printf("kartla %s (ABI %u, format %u)\n", kartla_version(), (unsigned)kartla_abi_version(),
         (unsigned)kartla_format_version());

  /* 64 MiB is the lowest Argon2id memory the library accepts; it keeps the example quick. */
  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = 64;
  if (!check(kartla_identity_new(&options, passphrase, passphrase_len, &owner, &recovery_code), "identity_new"))
    goto done;
  printf("recovery code (shown once): %s\n", (const char *)recovery_code.data);
  kartla_buffer_free(&recovery_code);
  if (!check(kartla_identity_save(owner, identity_path, KARTLA_SAVE_CREATE_ONLY), "identity_save")) goto done;
  printf("saved identity: %s\n", identity_path);

  if (!check(kartla_record_new(owner, &record), "record_new")) goto done;
  if (!check(kartla_record_set_section_json(record, "profile", (const uint8_t *)kProfileJson, strlen(kProfileJson)),
             "record_set_section_json"))
    goto done;
  if (!check(kartla_record_save(record, record_path), "record_save")) goto done;
  if (!check(kartla_record_sequence(record, &sequence), "record_sequence")) goto done;
  printf("saved record: %s (sequence %llu)\n", record_path, (unsigned long long)sequence);
  kartla_record_free(record);
  record = NULL;

  /* Start again from the files alone, as a later session of an application would. */
  kartla_identity_free(owner);
  owner = NULL;
  if (!check(kartla_identity_open_file(identity_path, passphrase, passphrase_len, &owner), "identity_open_file"))
    goto done;
  if (!check(kartla_record_open_file(record_path, owner, &record), "record_open_file")) goto done;
  if (!check(kartla_record_section_json(record, "profile", &profile), "record_get_section_json")) goto done;
  printf("profile: %s\n", (const char *)profile.data);

  if (!check(kartla_verification_open_file(record_path, &verification), "verify_file")) goto done;
  if (!check(kartla_verification_sequence(verification, &sequence), "verification_sequence")) goto done;
  if (!check(kartla_verification_owner_fingerprint(verification, &verified_fingerprint),
             "verification_owner_fingerprint"))
    goto done;
  printf("verified: sequence %llu, owner fingerprint %s\n", (unsigned long long)sequence,
         (const char *)verified_fingerprint.data);

  /* The fingerprint a keyless verifier reports must be the one the owner reads aloud. */
  if (!check(kartla_identity_fingerprint(owner, &owner_fingerprint), "identity_fingerprint")) goto done;
  if (owner_fingerprint.len != verified_fingerprint.len ||
      memcmp(owner_fingerprint.data, verified_fingerprint.data, owner_fingerprint.len) != 0) {
    fprintf(stderr, "owner_record: the record is signed by %s, not by the owner %s\n",
            (const char *)verified_fingerprint.data, (const char *)owner_fingerprint.data);
    goto done;
  }
  printf("the record is signed by this owner\n");
  ok = 1;

done:
  kartla_buffer_free(&recovery_code);
  kartla_buffer_free(&profile);
  kartla_buffer_free(&owner_fingerprint);
  kartla_buffer_free(&verified_fingerprint);
  kartla_verification_free(verification);
  kartla_record_free(record);
  kartla_identity_free(owner);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
