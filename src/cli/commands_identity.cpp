// SPDX-License-Identifier: Apache-2.0
// The commands for owner and agency identities, and the owner's record: their usage, summary, help
// text and options (catalogue messages, marked N_ and printed translated) and entry points, in the
// order `kartla --help` lists them.
#include "command_table.h"
#include "messages.h"

namespace kartla::cli {

std::vector<Command> identity_commands() {
  return {
    {"identity", "new", "--out OWNER.id [--kdf-memory-mib N] [--kdf-passes N]",
     N_("create an owner identity and print its recovery code once"),
     N_("Creates a new owner identity (Ed25519 signing and X25519 encryption keys) and writes it to\n"
        "OWNER.id, which must not exist yet. The secret keys are encrypted under Argon2id of the\n"
        "passphrase. A recovery code is printed ONCE on standard output: write it down and keep it\n"
        "apart from the identity file. It unlocks the identity on its own (`kartla identity recover`)\n"
        "and can never be shown again. The passphrase comes from --passphrase-file, KARTLA_PASSPHRASE,\n"
        "or is asked twice on the terminal."),
     {{"--out", "OWNER.id", N_("where to write the identity (refuses to overwrite)")},
      {"--kdf-memory-mib", "N", N_("Argon2id memory in MiB (64..1024; default 256)")},
      {"--kdf-passes", "N", N_("Argon2id passes (3..16; default 3)")},
      kPassphraseFile,
      kJsonSummary},
     run_identity_new},
    {"identity", "card", "OWNER.id --out OWNER.card [--force]",
     N_("export the identity's public card"),
     N_("Writes the public card of an identity (its public keys, self-signed) to OWNER.card. The card\n"
        "holds nothing secret: give it to anyone who needs to verify you or share with you."),
     {{"--out", "OWNER.card", N_("where to write the card")},
      {"--force", "", N_("replace OWNER.card if it exists (never a Kartla file)")},
      kPassphraseFile},
     run_identity_card},
    {"identity", "recover", "OWNER.id [--kdf-memory-mib N] [--kdf-passes N]",
     N_("set a new passphrase using the recovery code"),
     N_("Unlocks OWNER.id with its recovery code instead of the passphrase and sets a new passphrase,\n"
        "rewriting the file atomically. The recovery code stays valid. The code comes from\n"
        "--recovery-code-file, KARTLA_RECOVERY_CODE, or a prompt (not echoed); the new passphrase from\n"
        "--new-passphrase-file, KARTLA_NEW_PASSPHRASE, or a prompt asked twice. The new passphrase\n"
        "keeps the file's Argon2id cost unless --kdf-memory-mib or --kdf-passes set a new one."),
     {{"--recovery-code-file", "FILE", N_("the recovery code is FILE's first line (else KARTLA_RECOVERY_CODE)")},
      kNewPassphraseFile, kNewKdfMemory, kNewKdfPasses},
     run_identity_recover},
    {"identity", "passwd", "OWNER.id [--kdf-memory-mib N] [--kdf-passes N]",
     N_("change the identity's passphrase"),
     N_("Unlocks OWNER.id with its current passphrase and sets a new one, rewriting the file\n"
        "atomically. The recovery code stays valid. The new passphrase keeps the file's Argon2id\n"
        "cost unless --kdf-memory-mib or --kdf-passes set a new one."),
     {kPassphraseFile, kNewPassphraseFile, kNewKdfMemory, kNewKdfPasses},
     run_identity_passwd},
    {"identity", "fingerprint", "OWNER.id|OWNER.card",
     N_("print an identity's or a card's fingerprint"),
     N_("Prints the fingerprint (eight groups of four hex digits) to compare aloud with someone\n"
        "holding the card. A card is checked against its self-signature and needs no passphrase; an\n"
        "identity file is unlocked with its passphrase."),
     {kPassphraseFile},
     run_identity_fingerprint},
    {"record", "new", "--owner OWNER.id --out REC.kartla",
     N_("create an empty record, signed by its owner"),
     N_("Creates a new, empty record owned by OWNER.id and saves its first signed version (sequence 1)\n"
        "to REC.kartla, which must not exist yet."),
     {kOwner, {"--out", "REC.kartla", N_("where to write the record (refuses to overwrite)")}, kPassphraseFile,
      kJsonSummary},
     run_record_new},
    {"record", "set", "REC.kartla --owner OWNER.id --section SECTION --in FILE",
     N_("replace a section's content from protobuf JSON"),
     N_("Replaces SECTION with the protobuf JSON in FILE ('-' reads standard input) and saves the next\n"
        "signed version of the record atomically. JSON that does not match the section's schema is a\n"
        "usage error naming what is wrong; the record is then left unchanged."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, kSection, {"--in", "FILE", N_("the section's content as protobuf JSON ('-' for standard input)")},
      kDeprecatedJsonInput,
      kPassphraseFile},
     run_record_set},
    {"record", "get", "REC.kartla --owner OWNER.id --section SECTION [--provenance [--trust TRUST.list]]",
     N_("print a section as protobuf JSON"),
     N_("Decrypts SECTION and prints it as protobuf JSON on standard output. A section the record does\n"
        "not hold exits with code 3. With --provenance (or --trust), prints {\"content\": the section,\n"
        "\"provenance\": each entry's provenance}: self_declared, trusted (attested by a trusted\n"
        "agency), untrusted (by one not on the trust list), or invalid and why (as `kartla record\n"
        "provenance --json`)."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, kSection, {"--provenance", "", N_("also report each entry's provenance (JSON)")}, kTrustForProvenance,
      kTrustRoot, kLastSeenTrust, kPassphraseFile},
     run_record_get},
    {"record", "list", "REC.kartla --owner OWNER.id [--json]",
     N_("list the sections the record holds"),
     N_("Prints the names of the sections present in the record, one per line."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, kPassphraseFile, {"--json", "", N_("print the record id, sequence and sections as JSON")}},
     run_record_list},
    {"record", "remove", "REC.kartla --owner OWNER.id --section SECTION",
     N_("remove a section from the record"),
     N_("Removes SECTION and saves the next signed version of the record atomically. Copies of the\n"
        "record made before remain as they were."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, kSection, kPassphraseFile},
     run_record_remove},
    {"document", "add", "REC.kartla --owner OWNER.id --file FILE [--title TITLE] [--kind KIND] [--media-type TYPE]",
     N_("add a file (a certificate, a report, a CV) to the record's documents"),
     N_("Adds FILE ('-' reads standard input) as a new document of REC.kartla, byte for byte, with its\n"
        "size and SHA-256, and saves the next signed version atomically. The document is encrypted with\n"
        "the documents section and shared with it. Prints the document's id. KIND is a document kind\n"
        "of the schema (diploma, grade, ocn_certificate, employment_certificate, medical_statement,\n"
        "other, ...; default other); a medical statement needs --health-data."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, {"--file", "FILE", N_("the document's bytes ('-' for standard input)")},
      {"--title", "TITLE", N_("what the document is (default: the file's name)")},
      {"--kind", "KIND", N_("the document's kind (default: other)")},
      {"--media-type", "TYPE", N_("its media type, e.g. application/pdf (default: application/octet-stream)")},
      {"--health-data", "", N_("the document is health data (GDPR Art. 9)")}, kPassphraseFile},
     run_document_add},
    {"document", "get", "REC.kartla --owner OWNER.id ID --out FILE|- [--force]",
     N_("write a document's bytes to a file or standard output"),
     N_("Decrypts document ID and writes its exact bytes to FILE, readable by you only, whole or not\n"
        "at all; '-' writes them to standard output. The bytes are checked against the document's\n"
        "recorded size and SHA-256 first. An existing FILE is replaced only with --force."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, {"--out", "FILE", N_("where to write the document ('-' for standard output)")},
      {"--force", "", N_("replace FILE if it exists")}, kPassphraseFile},
     run_document_get},
    {"document", "list", "REC.kartla --owner OWNER.id [--json]",
     N_("list the record's documents: id, kind, media type, size and title"),
     N_("Lists the documents the record holds, one per line, without their content. --json prints the\n"
        "documents section as protobuf JSON without the content (size_bytes and sha256 say what it is)."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, {"--json", "", N_("print the list as JSON")}, kPassphraseFile},
     run_document_list},
    {"document", "remove", "REC.kartla --owner OWNER.id ID",
     N_("remove a document from the record"),
     N_("Removes document ID and saves the next signed version of the record atomically. Copies of the\n"
        "record made or shared before keep it."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, kPassphraseFile},
     run_document_remove},
  };
}

}  // namespace kartla::cli
