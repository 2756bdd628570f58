/* SPDX-License-Identifier: Apache-2.0 */
/*
 * An agency system issuing an attestation through the C ABI: open the participant's share
 * bundle, take the exact bytes of the entry it has validated (kartla_section_entry), and sign a
 * claim about that entry of that person's record (kartla_attestation_issue). The attestation is
 * bound to the owner's keys, the record id, the section, the entry id and the entry's bytes: it
 * is invalid in any other record, for any other entry, or once the entry is edited. The
 * participant then stores it with the entry (kartla_record_attach_attestation) and every reader
 * sees the entry's provenance (kartla_record_provenance).
 *
 * Usage:
 *   agency_attest --demo DIR
 *       Plays the participant too, so the example runs on its own: creates owner.id, agency.id,
 *       record.kartla and bundle.kartla in DIR (which must exist), attests entry comp-1 of the
 *       competences section as the agency into DIR/comp-1.att, checks it, attaches it to the
 *       record as the owner and prints the section's provenance.
 *
 * Thread safety, for a real agency system: an unlocked kartla_identity and an opened
 * kartla_share may be used by many threads at once; kartla_attestation_issue keeps no state.
 *
 * Every call's status is checked; on failure the example prints the status name and the
 * thread's last error message, frees what it holds and exits with status 1.
 */
#include <stdio.h>
#include <string.h>

/* Attestations and provenance are the experimental tier of the ABI (docs/API-STABILITY.md): a
 * program says that it uses them by defining KARTLA_EXPERIMENTAL before the header. */
#define KARTLA_EXPERIMENTAL
#include <kartla/kartla.h>

static const char kDemoPassphrase[] = "correct horse battery staple";

static const char kCompetencesJson[] =
    "{\"entries\": [{\"id\": \"comp-1\", \"free_text\": \"MIG-svetsning\","
    " \"assertion\": {\"source\": \"SELF_REPORTED\", \"asserted_at\": \"2025-09-02T09:00:00Z\"}},"
    " {\"id\": \"comp-2\", \"free_text\": \"Truckkort A\","
    " \"assertion\": {\"source\": \"SELF_REPORTED\", \"asserted_at\": \"2025-09-02T09:00:00Z\"}}]}";

/* What the agency vouches for: validated at SeQF level 3 by the OCN method. */
static const char kClaimJson[] =
    "{\"kind\": \"VALIDATED\", \"level_system\": \"seqf\", \"level_code\": \"3\", \"method\": \"ocn\","
    " \"date\": \"2025-11-20\", \"credits_hundredths\": 750, \"assessor_role\": \"OCN-bedömare\"}";

static int check(kartla_status status, const char *what) {
  if (status == KARTLA_OK) return 1;
  fprintf(stderr, "agency_attest: %s failed: %s: %s\n", what, kartla_status_name(status), kartla_last_error());
  return 0;
}

static int join(char *out, size_t size, const char *dir, const char *name) {
  int n = snprintf(out, size, "%s/%s", dir, name);
  if (n < 0 || (size_t)n >= size) {
    fprintf(stderr, "agency_attest: path too long: %s/%s\n", dir, name);
    return 0;
  }
  return 1;
}

static int write_file(const char *path, const kartla_buffer *bytes) {
  FILE *f = fopen(path, "wb");
  int ok = f != NULL && fwrite(bytes->data, 1, bytes->len, f) == bytes->len;
  if (f != NULL && fclose(f) != 0) ok = 0;
  if (!ok) fprintf(stderr, "agency_attest: cannot write %s\n", path);
  return ok;
}

int main(int argc, char **argv) {
  const uint8_t *pass = (const uint8_t *)kDemoPassphrase;
  const size_t pass_len = strlen(kDemoPassphrase);
  const char *sections[] = {"competences"};
  char owner_path[4096], agency_path[4096], record_path[4096], bundle_path[4096], att_path[4096];
  kartla_identity_options options;
  kartla_agency_info info;
  kartla_record_share_options share_options;
  kartla_entry_ref ref;
  kartla_identity *owner = NULL;
  kartla_identity *agency = NULL;
  kartla_record *record = NULL;
  kartla_share *share = NULL;
  kartla_buffer code = KARTLA_BUFFER_INIT;
  kartla_buffer owner_card = KARTLA_BUFFER_INIT;
  kartla_buffer agency_card = KARTLA_BUFFER_INIT;
  kartla_buffer grant_id = KARTLA_BUFFER_INIT;
  kartla_buffer record_id = KARTLA_BUFFER_INIT;
  kartla_buffer content = KARTLA_BUFFER_INIT;
  kartla_buffer entry = KARTLA_BUFFER_INIT;
  kartla_buffer attestation = KARTLA_BUFFER_INIT;
  kartla_buffer report = KARTLA_BUFFER_INIT;
  kartla_buffer provenance = KARTLA_BUFFER_INIT;
  int added = 0;
  int ok = 0;

  if (argc != 3 || strcmp(argv[1], "--demo") != 0) {
    fprintf(stderr, "usage: %s --demo DIR\n", argv[0]);
    return 2;
  }
  if (!join(owner_path, sizeof owner_path, argv[2], "owner.id") ||
      !join(agency_path, sizeof agency_path, argv[2], "agency.id") ||
      !join(record_path, sizeof record_path, argv[2], "record.kartla") ||
      !join(bundle_path, sizeof bundle_path, argv[2], "bundle.kartla") ||
      !join(att_path, sizeof att_path, argv[2], "comp-1.att"))
    return 1;

  /* The participant: an identity, a record with two competences, shared with the agency. */
  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = 64; /* the minimum, to keep the demo fast */
  if (!check(kartla_identity_new(&options, pass, pass_len, &owner, &code), "identity_new")) goto done;
  kartla_buffer_free(&code);
  if (!check(kartla_identity_save(owner, owner_path, KARTLA_SAVE_CREATE_ONLY), "identity_save")) goto done;
  if (!check(kartla_identity_card(owner, &owner_card), "identity_card")) goto done;
  kartla_agency_info_init(&info);
  info.name = "Valideringscentrum Skåne";
  info.organisation_number = "212000-1140";
  info.role = "validation_provider";
  if (!check(kartla_identity_new_agency(&info, &options, pass, pass_len, &agency, &code), "agency_new")) goto done;
  kartla_buffer_free(&code);
  if (!check(kartla_identity_save(agency, agency_path, KARTLA_SAVE_CREATE_ONLY), "identity_save")) goto done;
  if (!check(kartla_identity_card(agency, &agency_card), "identity_card")) goto done;
  if (!check(kartla_record_new(owner, &record), "record_new")) goto done;
  if (!check(kartla_record_set_section_json(record, "competences", (const uint8_t *)kCompetencesJson,
                                            strlen(kCompetencesJson)),
             "record_set_section_json"))
    goto done;
  kartla_record_share_options_init(&share_options);
  share_options.purpose = "validering av yrkeskompetens";
  if (!check(kartla_record_share(record, agency_card.data, agency_card.len, sections, 1, &share_options, &grant_id),
             "record_share"))
    goto done;
  if (!check(kartla_record_save(record, record_path), "record_save")) goto done;
  if (!check(kartla_record_export_bundle(record, (const char *)grant_id.data, bundle_path), "record_export_bundle"))
    goto done;
  printf("demo: the participant shared competences with the agency in %s\n", bundle_path);

  /* The agency: open the bundle, pin the owner, take the entry's exact bytes, attest. */
  if (!check(kartla_share_open_file(bundle_path, agency, &share), "share_open_file")) goto done;
  if (!check(kartla_share_check_owner(share, owner_card.data, owner_card.len), "share_check_owner")) goto done;
  if (!check(kartla_share_section(share, "competences", 0, &content), "share_get_section")) goto done;
  if (!check(kartla_section_entry("competences", content.data, content.len, "comp-1", &entry), "section_entry"))
    goto done;
  if (!check(kartla_record_id(record, &record_id), "record_id")) goto done; /* the record id the owner gave us */
  kartla_entry_ref_init(&ref);
  ref.owner_card = owner_card.data;
  ref.owner_card_len = owner_card.len;
  ref.record_id = (const char *)record_id.data;
  ref.section = "competences";
  ref.entry_id = "comp-1";
  ref.entry = entry.data;
  ref.entry_len = entry.len;
  if (!check(kartla_attestation_issue(agency, &ref, kClaimJson, 0, 0, &attestation), "attestation_issue")) goto done;
  if (!write_file(att_path, &attestation)) goto done;
  printf("attested comp-1 into %s (%lu bytes)\n", att_path, (unsigned long)attestation.len);
  if (!check(kartla_attestation_verify(attestation.data, attestation.len, &ref, NULL, 0, 0, KARTLA_ENCODING_JSON,
                                       &report),
             "attestation_verify"))
    goto done;
  printf("check: %s", (const char *)report.data);

  /* The participant stores it with the entry; a reader sees the entry's provenance. */
  if (!check(kartla_record_attach_attestation(record, owner, attestation.data, attestation.len, 0, &added),
             "record_attach_attestation"))
    goto done;
  if (!check(kartla_record_save(record, record_path), "record_save")) goto done;
  printf("attached: %s\n", added ? "yes" : "already there");
  if (!check(kartla_record_provenance(record, owner, "competences", NULL, 0, 0, KARTLA_ENCODING_JSON, &provenance),
             "record_provenance"))
    goto done;
  printf("provenance: %s", (const char *)provenance.data);
  ok = 1;

done:
  kartla_buffer_free(&provenance);
  kartla_buffer_free(&report);
  kartla_buffer_free(&attestation);
  kartla_buffer_free(&entry);
  kartla_buffer_free(&content); /* wipes the plaintext */
  kartla_buffer_free(&record_id);
  kartla_buffer_free(&grant_id);
  kartla_buffer_free(&agency_card);
  kartla_buffer_free(&owner_card);
  kartla_buffer_free(&code);
  kartla_share_free(share);
  kartla_record_free(record);
  kartla_identity_free(agency);
  kartla_identity_free(owner);
  return ok ? 0 : 1;
}
