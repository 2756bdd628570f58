/* SPDX-License-Identifier: Apache-2.0 */
/* Loads a libkartla (argv[1]) and makes an identity and a record with one section in it, through
 * the C ABI. Run with interposer.c preloaded (CMakeLists.txt): the packaged library must pass,
 * the ordinary one (which imports protobuf and libsodium) must be caught by the interposer. */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kartla/kartla.h"

static int fail(const char *what, kartla_status status) {
  fprintf(stderr, "%s: %s: %s\n", what, kartla_status_name(status), kartla_last_error());
  return 1;
}

int main(void) {
  kartla_identity_options options;
  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = 64;
  const char *passphrase = "interposed passphrase";
  kartla_identity *owner = NULL;
  kartla_buffer code = KARTLA_BUFFER_INIT;
  kartla_status s = kartla_identity_new(&options, (const uint8_t *)passphrase, strlen(passphrase), &owner, &code);
  if (s != KARTLA_OK) return fail("kartla_identity_new", s);
  kartla_buffer_free(&code);
  kartla_record *record = NULL;
  if ((s = kartla_record_new(owner, &record)) != KARTLA_OK) return fail("kartla_record_new", s);
  const char *json = "{\"given_name\": \"Maria\", \"family_name\": \"Lindqvist\", \"assertion\": "
                     "{\"source\": \"SELF_REPORTED\", \"asserted_at\": \"2025-01-01T00:00:00Z\"}}";
  s = kartla_record_set_section_json(record, "profile", (const uint8_t *)json, strlen(json));
  if (s != KARTLA_OK) return fail("kartla_record_set_section_json", s);
  kartla_buffer out = KARTLA_BUFFER_INIT;
  if ((s = kartla_record_section_json(record, "profile", &out)) != KARTLA_OK) return fail("kartla_record_section_json", s);
  const int ok = out.len > 0 && memmem(out.data, out.len, "Lindqvist", 9) != NULL;
  kartla_buffer_free(&out);
  kartla_record_free(record);
  kartla_identity_free(owner);
  printf(ok ? "the library used only its own protobuf and libsodium\n" : "the section did not come back\n");
  return ok ? 0 : 1;
}
