#include "commands.h"

namespace kartla::cli {
namespace {

const Option kPassphraseFile{"--passphrase-file", "FILE", "the passphrase is FILE's first line (else KARTLA_PASSPHRASE)"};
const Option kNewPassphraseFile{"--new-passphrase-file", "FILE",
                                "the new passphrase is FILE's first line (else KARTLA_NEW_PASSPHRASE)"};
const Option kOwner{"--owner", "OWNER.id", "the owner's identity file (unlocked with its passphrase)"};
const Option kSection{"--section", "SECTION", "the section's name (see `kartla sections`)"};
const Option kJsonSummary{"--json", "", "print the summary as JSON"};

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"identity", "new", "--out OWNER.id [--kdf-memory-mib N] [--kdf-passes N]",
       "create an owner identity and print its recovery code once",
       "Creates a new owner identity (Ed25519 signing and X25519 encryption keys) and writes it to\n"
       "OWNER.id, which must not exist yet. The secret keys are encrypted under Argon2id of the\n"
       "passphrase. A recovery code is printed ONCE on standard output: write it down and keep it\n"
       "apart from the identity file. It unlocks the identity on its own (`kartla identity recover`)\n"
       "and can never be shown again. The passphrase comes from --passphrase-file, KARTLA_PASSPHRASE,\n"
       "or is asked twice on the terminal.",
       {{"--out", "OWNER.id", "where to write the identity (refuses to overwrite)"},
        {"--kdf-memory-mib", "N", "Argon2id memory in MiB (64..1024; default 256)"},
        {"--kdf-passes", "N", "Argon2id passes (3..16; default 3)"},
        kPassphraseFile,
        kJsonSummary},
       run_identity_new},
      {"identity", "card", "OWNER.id --out OWNER.card [--force]",
       "export the identity's public card",
       "Writes the public card of an identity (its public keys, self-signed) to OWNER.card. The card\n"
       "holds nothing secret: give it to anyone who needs to verify you or share with you.",
       {{"--out", "OWNER.card", "where to write the card"},
        {"--force", "", "replace OWNER.card if it exists"},
        kPassphraseFile},
       run_identity_card},
      {"identity", "recover", "OWNER.id",
       "set a new passphrase using the recovery code",
       "Unlocks OWNER.id with its recovery code instead of the passphrase and sets a new passphrase,\n"
       "rewriting the file atomically. The recovery code stays valid. The code comes from\n"
       "--recovery-code-file, KARTLA_RECOVERY_CODE, or a prompt (not echoed); the new passphrase from\n"
       "--new-passphrase-file, KARTLA_NEW_PASSPHRASE, or a prompt asked twice.",
       {{"--recovery-code-file", "FILE", "the recovery code is FILE's first line (else KARTLA_RECOVERY_CODE)"}, kNewPassphraseFile},
       run_identity_recover},
      {"identity", "passwd", "OWNER.id",
       "change the identity's passphrase",
       "Unlocks OWNER.id with its current passphrase and sets a new one, rewriting the file\n"
       "atomically. The recovery code stays valid.",
       {kPassphraseFile, kNewPassphraseFile},
       run_identity_passwd},
      {"identity", "fingerprint", "OWNER.id|OWNER.card",
       "print an identity's or a card's fingerprint",
       "Prints the fingerprint (eight groups of four hex digits) to compare aloud with someone\n"
       "holding the card. A card is checked against its self-signature and needs no passphrase; an\n"
       "identity file is unlocked with its passphrase.",
       {kPassphraseFile},
       run_identity_fingerprint},
      {"record", "new", "--owner OWNER.id --out REC.kartla",
       "create an empty record, signed by its owner",
       "Creates a new, empty record owned by OWNER.id and saves its first signed version (sequence 1)\n"
       "to REC.kartla, which must not exist yet.",
       {kOwner, {"--out", "REC.kartla", "where to write the record (refuses to overwrite)"}, kPassphraseFile,
        kJsonSummary},
       run_record_new},
      {"record", "set", "REC.kartla --owner OWNER.id --section SECTION --json FILE",
       "replace a section's content from protobuf JSON",
       "Replaces SECTION with the protobuf JSON in FILE ('-' reads standard input) and saves the next\n"
       "signed version of the record atomically. JSON that does not match the section's schema is a\n"
       "usage error naming what is wrong; the record is then left unchanged.",
       {kOwner, kSection, {"--json", "FILE", "the section's content as protobuf JSON ('-' for standard input)"},
        kPassphraseFile},
       run_record_set},
      {"record", "get", "REC.kartla --owner OWNER.id --section SECTION",
       "print a section as protobuf JSON",
       "Decrypts SECTION and prints it as protobuf JSON on standard output. A section the record does\n"
       "not hold exits with code 3.",
       {kOwner, kSection, kPassphraseFile},
       run_record_get},
      {"record", "list", "REC.kartla --owner OWNER.id [--json]",
       "list the sections the record holds",
       "Prints the names of the sections present in the record, one per line.",
       {kOwner, kPassphraseFile, {"--json", "", "print the record id, sequence and sections as JSON"}},
       run_record_list},
      {"record", "remove", "REC.kartla --owner OWNER.id --section SECTION",
       "remove a section from the record",
       "Removes SECTION and saves the next signed version of the record atomically. Copies of the\n"
       "record made before remain as they were.",
       {kOwner, kSection, kPassphraseFile},
       run_record_remove},
      // --- sharing commands (agency, share, open, revoke, record ledger) ---
      // --- content commands (validate, progress, plan, record show) ---
      {"", "verify", "FILE [--json] [--last-seen N]",
       "check a record's signature and integrity, without any key",
       "Checks the owner's signature over the exact manifest bytes and the hash of every section\n"
       "present, then prints the record id, owner fingerprint, sequence number, previous-manifest\n"
       "hash and sections. Anyone holding the file can run it; no passphrase is needed. With\n"
       "--last-seen N, a copy whose sequence is below N (an authentic but older copy) exits with\n"
       "code 7.",
       {{"--json", "", "print the report as JSON"},
        {"--last-seen", "N", "the highest sequence number seen before: an older copy is an error"}},
       run_verify},
      {"", "sections", "[--json]",
       "list the section names",
       "Lists every section a record can hold. Special-category sections hold health data (GDPR\n"
       "Art. 9) and are never shared by a wildcard.",
       {{"--json", "", "print the list as JSON"}},
       run_sections},
  };
  return table;
}

}  // namespace kartla::cli
