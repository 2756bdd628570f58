// SPDX-License-Identifier: Apache-2.0
// The command table: every command of `kartla`, in the order `kartla --help` lists them, with its
// usage, summary, help text and options; main.cpp dispatches on it and prints help from it, so the
// help cannot drift from what a command accepts.
#include "commands.h"

namespace kartla::cli {
namespace {

const Option kPassphraseFile{"--passphrase-file", "FILE", "the passphrase is FILE's first line (else KARTLA_PASSPHRASE)"};
const Option kNewPassphraseFile{"--new-passphrase-file", "FILE",
                                "the new passphrase is FILE's first line (else KARTLA_NEW_PASSPHRASE)"};
const Option kOwner{"--owner", "OWNER.id", "the owner's identity file (unlocked with its passphrase)"};
const Option kSection{"--section", "SECTION", "the section's name (see `kartla sections`)"};
// The old spelling of --in, from before --json meant only "print JSON".
const Option kDeprecatedJsonInput{"--json", "FILE", "deprecated spelling of --in"};
const Option kJsonSummary{"--json", "", "print the summary as JSON"};
const Option kTrustForProvenance{"--trust", "TRUST.list", "judge attesting agencies by this trust list"};
const Option kTrustRoot{"--trust-root", "ROOT.card", "with --trust: require the list to be signed by this root"};
const Option kLastSeenTrust{"--last-seen-trust", "N",
                            "with --trust: also refuse a list older than sequence N (one older than the newest "
                            "verified on this computer is always refused)"};
// Every command that opens the owner's record: the owner remembers the versions it has seen
// (in OWNER.id and in a state folder on this computer), and an older copy is refused (exit 7).
const Option kOwnerLastSeen{"--last-seen", "N", "also refuse a copy older than sequence N (exit 7)"};
// The agency's side of the view commands (progress, plan, record show), as `kartla open`.
const Option kAsAgency{"--as", "AGENCY.id", "instead of --owner: what this agency may read of FILE (a share bundle)"};
const Option kAtForAgency{"--at", "DATE", "with --as: check grant expiry at DATE (YYYY-MM-DD or ...T...Z, UTC)"};
const Option kOwnerCardForAgency{"--owner-card", "OWNER.card", "with --as: the owner whose record this must be"};
const Option kAcceptOlder{"--accept-older", "",
                          "open an older copy anyway; a save continues above the newest version seen"};

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
        {"--force", "", "replace OWNER.card if it exists (never a Kartla file)"},
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
      {"record", "set", "REC.kartla --owner OWNER.id --section SECTION --in FILE",
       "replace a section's content from protobuf JSON",
       "Replaces SECTION with the protobuf JSON in FILE ('-' reads standard input) and saves the next\n"
       "signed version of the record atomically. JSON that does not match the section's schema is a\n"
       "usage error naming what is wrong; the record is then left unchanged.",
       {kOwner, kOwnerLastSeen, kAcceptOlder, kSection, {"--in", "FILE", "the section's content as protobuf JSON ('-' for standard input)"},
        kDeprecatedJsonInput,
        kPassphraseFile},
       run_record_set},
      {"record", "get", "REC.kartla --owner OWNER.id --section SECTION [--provenance [--trust TRUST.list]]",
       "print a section as protobuf JSON",
       "Decrypts SECTION and prints it as protobuf JSON on standard output. A section the record does\n"
       "not hold exits with code 3. With --provenance (or --trust), prints {\"content\": the section,\n"
       "\"provenance\": each entry's provenance}: self_declared, trusted (attested by a trusted\n"
       "agency), untrusted (by one not on the trust list), or invalid and why (as `kartla record\n"
       "provenance --json`).",
       {kOwner, kOwnerLastSeen, kAcceptOlder, kSection, {"--provenance", "", "also report each entry's provenance (JSON)"}, kTrustForProvenance,
        kTrustRoot, kLastSeenTrust, kPassphraseFile},
       run_record_get},
      {"record", "list", "REC.kartla --owner OWNER.id [--json]",
       "list the sections the record holds",
       "Prints the names of the sections present in the record, one per line.",
       {kOwner, kOwnerLastSeen, kAcceptOlder, kPassphraseFile, {"--json", "", "print the record id, sequence and sections as JSON"}},
       run_record_list},
      {"record", "remove", "REC.kartla --owner OWNER.id --section SECTION",
       "remove a section from the record",
       "Removes SECTION and saves the next signed version of the record atomically. Copies of the\n"
       "record made before remain as they were.",
       {kOwner, kOwnerLastSeen, kAcceptOlder, kSection, kPassphraseFile},
       run_record_remove},
      // --- sharing commands (agency, share, open, revoke, record ledger) ---
      {"agency", "new", "--name NAME --org ORGNR --role ROLE --out AGENCY.id [--kdf-memory-mib N] [--kdf-passes N]",
       "create an agency identity and print its recovery code once",
       agency_new_details(),
       {{"--name", "NAME", "the agency's name as people know it (on its card)"},
        {"--org", "ORGNR", "organisation number: Swedish NNNNNN-NNNN or Finnish Y-tunnus NNNNNNN-N"},
        {"--role", "ROLE", "the agency's role, one of those listed above"},
        {"--out", "AGENCY.id", "where to write the identity (refuses to overwrite)"},
        {"--kdf-memory-mib", "N", "Argon2id memory in MiB (64..1024; default 256)"},
        {"--kdf-passes", "N", "Argon2id passes (3..16; default 3)"},
        kPassphraseFile,
        kJsonSummary},
       run_agency_new},
      {"agency", "card", "AGENCY.id --out AGENCY.card [--force]",
       "export the agency's public card",
       "Writes the agency's public card (name, organisation number, role, public keys, self-signed)\n"
       "to AGENCY.card. Owners share sections with this card (`kartla share --to AGENCY.card`). It\n"
       "holds nothing secret. An owner identity is refused (use `kartla identity card`).",
       {{"--out", "AGENCY.card", "where to write the card"},
        {"--force", "", "replace AGENCY.card if it exists (never a Kartla file)"},
        kPassphraseFile},
       run_agency_card},
      {"agency", "show", "CARD [--json]",
       "describe a card: kind, name, organisation, role, fingerprint",
       "Checks a card's self-signature and prints what it says: kind (agency, owner, trust_root),\n"
       "name, organisation number, role, creation time and fingerprint. No passphrase is needed.",
       {{"--json", "", "print the description as JSON"}},
       run_agency_show},
      {"", "share", "REC.kartla --owner OWNER.id --to AGENCY.card --sections S1,S2 --purpose TEXT "
                    "[--expires DATE] [--art9-basis CODE] [--art6-basis CODE] --out BUNDLE.kartla [--receipt FILE]",
       "share sections with an agency and write its share bundle",
       "Grants the agency whose card is AGENCY.card the current keys of the named sections, for\n"
       "PURPOSE and until DATE, saves the next signed version of the record (the grant is kept in it,\n"
       "so the agency can also open the record file itself, and in the owner-only sharing ledger),\n"
       "then writes BUNDLE.kartla: the signed manifest, the granted sections' ciphertexts and this\n"
       "grant only. Hand the bundle to the agency; it opens it with `kartla open`. With --receipt, also\n"
       "writes the grant receipt: your signed statement of the grant (see `kartla receipt`).\n"
       "\n"
       "--sections all (or '*') shares every section the record holds EXCEPT those holding health\n"
       "data (GDPR Art. 9: work_ability, and notes or documents with an entry flagged as health data)\n"
       "and the sharing ledger; it says on standard error what it left out. Health data is shared\n"
       "only when named AND given an Art. 9(2) basis with --art9-basis: 9.2.a explicit consent,\n"
       "9.2.b employment, social security and social protection law, 9.2.h health or social care\n"
       "(including assessment of working capacity), or another of 9.2.a to 9.2.j.\n"
       "--art6-basis: the GDPR Art. 6(1) basis, 6.1.a to 6.1.f; default 6.1.a (consent: sharing is\n"
       "the person's own decision). Both bases are bound into the grant and shown to the agency.\n"
       "--expires DATE: YYYY-MM-DD means valid through that whole day (UTC), i.e. until 00:00:00 UTC\n"
       "of the next day; YYYY-MM-DDTHH:MM:SSZ is the exact instant. Without it the grant lasts until\n"
       "revoked.\n"
       "\n"
       "WHAT EXPIRY MEANS: the first time the record is saved after the expiry (by any command that\n"
       "changes it), the grant is removed and the sections it covered get new keys, exactly as on\n"
       "`kartla revoke`: the agency cannot read anything written from then on, from this file or any\n"
       "later bundle. A copy the agency already took keeps opening with the keys it had; an agency\n"
       "that honours the expiry stops reading it (`kartla open` refuses it after the expiry), but no\n"
       "file can force a copy that was already handed over to forget.\n"
       "\n"
       "WHAT WAS SHARED CANNOT BE UNSHARED: `kartla revoke` protects only what is written afterwards.\n"
       "\n"
       "CASE CONFERENCE: give --to once per agency (--to kommun.card --to af.card --to fk.card) and\n"
       "either one --sections S1,S2 for all or one --sections NAME=S1,S2 per agency, NAME being the\n"
       "card file's name without its extension (--sections kommun=profile,action_plan). Each agency\n"
       "gets its own grant (one ledger entry each) with the one --purpose and --expires, and\n"
       "BUNDLE.kartla is one file for all of them: each opens it with its own identity and reads only\n"
       "its own sections. With --receipt FILE the receipts are FILE, FILE.2, ... in --to order.",
       {kOwner, kOwnerLastSeen, kAcceptOlder,
        {"--to", "AGENCY.card", "the agency's public card; repeat it for a case conference", true},
        {"--sections", "S1,S2", "section names separated by commas, or 'all'; NAME=S1,S2 per agency", true},
        {"--purpose", "TEXT", "what the agency may use the sections for (shown to it, bound to the grant)"},
        {"--expires", "DATE", "YYYY-MM-DD (valid through that day, UTC) or YYYY-MM-DDTHH:MM:SSZ"},
        {"--art9-basis", "CODE", "GDPR Art. 9(2) basis, required for health data: 9.2.a to 9.2.j"},
        {"--art6-basis", "CODE", "GDPR Art. 6(1) basis: 6.1.a to 6.1.f (default 6.1.a)"},
        {"--out", "BUNDLE.kartla", "where to write the share bundle (refuses to overwrite)"},
        {"--receipt", "FILE", "also write the grant receipt to FILE (refuses to overwrite)"},
        kPassphraseFile,
        kJsonSummary},
       run_share},
      {"", "bundle", "REC.kartla --owner OWNER.id --grant GRANT_ID --out BUNDLE.kartla",
       "write a new share bundle for an existing grant",
       "Writes the share bundle of an active grant (its id is shown by `kartla share` and `kartla\n"
       "record ledger`) from the record as it is now: for instance after new content was written, or\n"
       "after a revocation of another agency gave this one the sections' new keys.",
       {kOwner, kOwnerLastSeen, kAcceptOlder,
        {"--grant", "GRANT_ID", "the grant's id (32 hex digits)"},
        {"--out", "BUNDLE.kartla", "where to write the share bundle (refuses to overwrite)"},
        kPassphraseFile,
        kJsonSummary},
       run_bundle},
      {"", "open", "FILE --as AGENCY.id [--section SECTION] [--json] [--at DATE] [--last-seen N] "
                   "[--owner-card OWNER.card] [--trust TRUST.list]",
       "read what was shared with an agency, from a bundle or the record file",
       "Opens FILE (a share bundle or the whole record file) as the agency whose identity is\n"
       "AGENCY.id. With --section, checks the section against the owner's signature over the exact\n"
       "manifest bytes, its ciphertext hash, the key commitment, its binding to this record, section\n"
       "and key generation, and the grant's expiry, then prints its JSON. A section not shared with\n"
       "this agency exits with code 3 and names the sections that are; so does an expired grant,\n"
       "with its own message. Without --section, lists what this agency may read (purpose, grant\n"
       "time, expiry) with the record id, sequence, previous-manifest hash and owner fingerprint,\n"
       "then shows every readable section as text, as `kartla record show` shows it to the owner;\n"
       "a file that shares nothing with this agency exits with code 3. --json prints JSON alone.\n"
       "--at DATE checks expiry at DATE instead of now (YYYY-MM-DD is 00:00:00 UTC of that day). It\n"
       "is an audit aid (what could this agency read on that day?), not access control: what protects\n"
       "the person after an expiry is that the owner's next save moves the sections to new keys.\n"
       "--last-seen N: a copy whose sequence is below N (authentic, but older) exits with code 7.\n"
       "--owner-card: a file signed by any other owner exits with code 5.\n"
       "--trust TRUST.list: also report each entry's provenance (self_declared, trusted, untrusted,\n"
       "invalid) with the issuer's name, role and organisation number; with --json the output is\n"
       "{\"content\" or \"share\": ..., \"provenance\": ...}; without --json, with --section, the section\n"
       "is shown as text. An older (exit 7), expired (exit 3) or\n"
       "foreign-root (exit 4) trust list is an error before anything is printed.",
       {{"--as", "AGENCY.id", "the agency's identity file (unlocked with its passphrase)"},
        kSection,
        {"--json", "", "without --section: print the listing as JSON (and nothing else)"},
        {"--language", "LANG", "language of labels and messages: sv, fi or en (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)"},
        {"--at", "DATE", "check expiry at DATE: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)"},
        {"--last-seen", "N", "the highest sequence number seen before: an older copy is an error"},
        {"--owner-card", "OWNER.card", "the owner whose record this must be"},
        {"--trust", "TRUST.list", "also report each entry's provenance, judging issuers by this trust list"},
        {"--trust-root", "ROOT.card", "with --trust: require the list to be signed by this root"},
        {"--last-seen-trust", "N", "with --trust: an older trust list than sequence N is an error"},
        kPassphraseFile},
       run_open},
      {"", "revoke", "REC.kartla --owner OWNER.id --from AGENCY.card [--receipt FILE]",
       "take back every grant to an agency (what was shared stays shared)",
       "Revokes every grant to the agency whose card is AGENCY.card: the sections it could read get\n"
       "new keys (a new key generation, re-encrypted), agencies that keep their grants get the new\n"
       "keys, the revoked agency's grants are removed from the record, the sharing ledger records\n"
       "the revocation, and the next signed version is saved. Content written afterwards cannot be\n"
       "read by the revoked agency, from the record file or from any later bundle.\n"
       "\n"
       "--receipt FILE also writes the termination receipt of each grant that ended: your signed\n"
       "statement of which grant ended, when and why, for the agency to keep as proof that it must\n"
       "stop processing (it reads it with `kartla receipt show`). One file per grant: FILE for the\n"
       "first, FILE.2, FILE.3, ... for the others, in the order of the sharing ledger; none may exist.\n"
       "\n"
       "WHAT WAS SHARED CANNOT BE UNSHARED: whatever the agency has already read or copied, including\n"
       "bundles it holds, stays readable to it.",
       {kOwner, kOwnerLastSeen, kAcceptOlder, {"--from", "AGENCY.card", "the agency's public card"},
        {"--receipt", "FILE", "also write a termination receipt per grant ended: FILE, FILE.2, ..."},
        kPassphraseFile, kJsonSummary},
       run_revoke},
      {"", "receipt", "REC.kartla --owner OWNER.id --grant GRANT_ID --out FILE",
       "write the signed receipt of a grant: made, or ended (revoked or expired)",
       "Writes the receipt of a grant (its id is shown by `kartla share` and `kartla record ledger`),\n"
       "signed with your key, to FILE (readable by you only; refuses to overwrite). While the grant\n"
       "is in force it is a grant receipt: who got which sections, for what purpose, on which legal\n"
       "basis, until when. Once it has ended it is a termination receipt: also when it ended, and\n"
       "whether you revoked it or it expired. Either names the saved version of the record it was\n"
       "made from. Give it to the agency: it checks it without any key (`kartla receipt show`) and\n"
       "can keep it as your statement that it must stop processing those sections.\n"
       "\n"
       "An expired grant ends at the first save of the record after its expiry (any command that\n"
       "changes the record); before that this command exits with code 3 and says so. A receipt is\n"
       "your statement: it does not prove that the agency received it.",
       {kOwner, kOwnerLastSeen, kAcceptOlder,
        {"--grant", "GRANT_ID", "the grant's id (32 hex digits)"},
        {"--out", "FILE", "where to write the receipt (refuses to overwrite)"},
        kPassphraseFile,
        {"--json", "", "print the file name, its size and the receipt's content as JSON"}},
       run_receipt},
      {"receipt", "show", "FILE [--owner-card OWNER.card] [--agency-card AGENCY.card] [--json]",
       "check a receipt and say what the participant stated (agency)",
       "Checks the receipt's signature by the participant and prints, in plain words, what they\n"
       "stated: that a grant was made, or that it ended (when, and whether revoked or expired), with\n"
       "the agency, the sections, the purpose and the legal basis. For a termination receipt: stop\n"
       "processing these sections. No key or passphrase is needed.\n"
       "--owner-card: a receipt signed by any other participant exits with code 5; without it,\n"
       "compare the printed fingerprint with the participant's card yourself.\n"
       "--agency-card: your own card; a receipt about another agency's grant exits with code 4.\n"
       "A damaged or altered receipt exits with code 4. The receipt is the participant's statement:\n"
       "it does not show that you received it, or when.",
       {{"--owner-card", "OWNER.card", "the participant whose receipt this must be"},
        {"--agency-card", "AGENCY.card", "your agency's card: the receipt must be about a grant to it"},
        {"--json", "", "print the receipt's content as JSON"}},
       run_receipt_show},
      {"record", "ledger", "REC.kartla --owner OWNER.id [--json]",
       "show the sharing ledger: grants and revocations",
       "Prints the owner-only sharing ledger: for each grant the agency's name and fingerprint, the\n"
       "sections, the purpose, when it was granted, when it expires and when it was revoked; then\n"
       "the events (GRANT, REVOKE) in time order. Times are UTC. A record never shared has an empty\n"
       "ledger.",
       {kOwner, kOwnerLastSeen, kAcceptOlder, kPassphraseFile, {"--json", "", "print the ledger section's protobuf JSON"}},
       run_record_ledger},
      // --- content commands (validate, progress, plan, record show) ---
      {"", "validate", "--section SECTION --in FILE [--report json]",
       "check section content against its schema and rules, listing every violation",
       "Checks FILE ('-' reads standard input), protobuf JSON of SECTION (or, with --protobuf,\n"
       "its binary protobuf form), against the section's schema and every offline rule of\n"
       "docs/MODEL.md: identity and organisation numbers, dates, code systems, CEFR levels, SFI\n"
       "courses, instrument scales and more. Prints one line per violation, FIELD: RULE: MESSAGE,\n"
       "and exits with code 2 if there is any (0 if the content is valid). No record or key is\n"
       "needed. `kartla record set` refuses invalid content with the same messages.",
       {kSection,
        {"--in", "FILE", "the content as protobuf JSON ('-' for standard input)"},
        kDeprecatedJsonInput,
        {"--protobuf", "FILE", "the content as binary protobuf instead ('-' for standard input)"},
        {"--report", "FORMAT", "text (default) or json: the library's report with every violation"}},
       run_validate},
      {"", "progress", "REC.kartla (--owner OWNER.id | --as AGENCY.id [--at DATE]) [--json] [--svg FILE] [--with-work-ability]",
       "show each indicator's movement over time (stegförflyttning)",
       "Reads the progress section's dated assessments and shows, for each instrument indicator and\n"
       "who gave the score (participant, professional, jointly), the first and the latest date and\n"
       "score, the change, whether it is better or worse on the instrument's scale, and the number\n"
       "of assessments. GAS scores are shown per goal, programme phases as their own line.\n"
       "--svg FILE also draws one small chart per indicator, with dates and the instrument's scale,\n"
       "for a participant and a coach to look at together; the file is NOT encrypted.\n"
       "Scores in work_ability (health data) are included only with --with-work-ability.\n"
       "With --as instead of --owner, REC.kartla is a share bundle (or the record file) read as\n"
       "that agency, as `kartla open` does: only granted sections whose grant has not expired;\n"
       "progress not shared (or expired) exits with code 3, an action plan not shared leaves the\n"
       "goals' texts out, and work_ability is charted only if it is shared too.",
       {kOwner, kAsAgency, kAtForAgency, kOwnerCardForAgency, kOwnerLastSeen, kAcceptOlder,
        {"--json", "", "print the summary as JSON"},
        {"--svg", "FILE", "also write the chart as an SVG file, readable by you only"},
        {"--force", "", "replace FILE if it exists (never a Kartla file)"},
        {"--with-work-ability", "", "include work_ability scores (special-category health data)"},
        {"--language", "LANG", "language of labels and messages: sv, fi or en (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)"},
        kPassphraseFile},
       run_progress},
      {"", "plan", "REC.kartla (--owner OWNER.id | --as AGENCY.id [--at DATE]) [--json]",
       "show the action plan: goals, sub-goals and activities",
       "Shows the action plan readably: each goal with its sub-goals, goal attainment levels and\n"
       "the activities serving it, with the responsible agency, phase, status and planned and\n"
       "actual dates, and where each statement comes from. A record without an action plan exits\n"
       "with code 3; so does, with --as (an agency reading a share bundle, as `kartla open`), an\n"
       "action plan not shared with that agency or whose grant has expired.",
       {kOwner, kAsAgency, kAtForAgency, kOwnerCardForAgency, kOwnerLastSeen, kAcceptOlder,
        {"--json", "", "print the plan as JSON"},
        {"--language", "LANG", "language of labels and messages: sv, fi or en (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)"}, kPassphraseFile},
       run_plan},
      {"record", "show", "REC.kartla (--owner OWNER.id | --as AGENCY.id [--at DATE]) [--section SECTION]",
       "print the record (or one section) for a person to read",
       "Prints the record's sections as text for a person to read, not as protobuf JSON: coded\n"
       "values with their labels from the code systems, dates as dates, and after every entry its\n"
       "source (self-reported, observed by a professional, validated, from a register...), by whom\n"
       "and when. With --section, only that section (exit code 3 if the record does not hold it).\n"
       "Then the provenance of every entry that agencies have attested: trusted (with the agency's\n"
       "name, role and organisation number), not on the trust list, or invalid and why; --trust\n"
       "names the trust list (without it no agency counts as trusted).\n"
       "With --as, an agency reads a share bundle (as `kartla open`): every section shared with it\n"
       "and not expired, or --section, which must be (exit code 3 otherwise).",
       {kOwner, kAsAgency, kAtForAgency, kOwnerCardForAgency, kOwnerLastSeen, kAcceptOlder, {"--section", "SECTION", "show only this section (see `kartla sections`)"},
        {"--language", "LANG", "language of labels and messages: sv, fi or en (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)"}, kTrustForProvenance,
        kTrustRoot, kLastSeenTrust, kPassphraseFile},
       run_record_show},
      {"", "attest", "--as AGENCY.id --bundle FILE --owner-card OWNER.card [--record-id ID] --section SECTION "
                     "--entry ENTRY_ID --claim CLAIM.json --out A.att [--expires DATE]",
       "sign an attestation about one entry of a person's record (agency)",
       "The agency vouches for one entry: the attestation binds the owner's keys, the record id,\n"
       "the section, the entry's id and a hash of the entry's exact bytes, so it is invalid in any\n"
       "other record, for any other entry, or once the entry is edited. The entry is read from\n"
       "FILE, a share bundle (or record) the agency can open with --as; --owner-card must be the\n"
       "card of the person whose record it is, and --record-id, if given, must match it. CLAIM.json\n"
       "is the claim, e.g. {\"kind\": \"VALIDATED\", \"level_system\": \"seqf\", \"level_code\": \"3\",\n"
       "\"method\": \"ocn\", \"date\": \"2025-11-20\", \"credits_hundredths\": 750}. A claim whose level,\n"
       "method or date its code system does not know is refused (exit 2, naming the field and rule).\n"
       "The owner stores it with `kartla record attach`.",
       {{"--as", "AGENCY.id", "the agency's identity file (unlocked with its passphrase)"},
        {"--bundle", "FILE", "the share bundle or record holding the entry, opened as the agency"},
        {"--from", "FILE", "deprecated spelling of --bundle"},
        {"--owner-card", "OWNER.card", "the card of the person whose record it is"},
        {"--record-id", "ID", "the record's id (32 hex digits); must match FILE's"},
        kSection,
        {"--entry", "ENTRY_ID", "the entry's id"},
        {"--claim", "CLAIM.json", "the claim as JSON (docs/SPEC.md §13.2)"},
        {"--out", "A.att", "where to write the attestation (refuses to overwrite)"},
        {"--expires", "DATE", "the attestation's expiry (default: none)"},
        kPassphraseFile},
       run_attest},
      {"attest", "show", "A.att [--trust TRUST.list [--trust-root ROOT.card]] [--json]",
       "inspect an attestation before relying on it: who signed it, what it claims",
       "Checks the issuer's card and signature and shows who signed it (name, organisation, role\n"
       "and fingerprint, as the issuer's own card says), whose record, which section and entry it is\n"
       "about, what it claims (kind, level, method, date, credits, assessor), when it was issued and\n"
       "expires, and with --trust whether a trust list vouches for the issuer (a root not pinned with\n"
       "--trust-root is warned about). Whether it holds for the entry needs the entry: `record\n"
       "attach` and `record provenance` check that. `kartla verify A.att` does the same. A bad\n"
       "signature exits 4, an expired attestation 3, a claim breaking a rule 2, after the report.",
       {{"--trust", "TRUST.list", "judge the issuer by this trust list"},
        {"--trust-root", "ROOT.card", "with --trust: require the list to be signed by this root"},
        {"--last-seen-trust", "N", "with --trust: an older trust list than sequence N is an error"},
        {"--json", "", "print the description as JSON"}},
       run_attest_show},
      {"record", "attach", "REC.kartla --owner OWNER.id --attestation A.att",
       "store an agency's attestation with the entry it is about",
       "Checks the attestation against the entry it names (this person, this record, the entry's\n"
       "exact content) and stores it in the section; the next version of the record is saved.\n"
       "An attestation made for another person, record or entry, or for content since edited, is\n"
       "refused (exit 4). Whether its issuer is trusted is the reader's question (--trust).",
       {kOwner, kOwnerLastSeen, kAcceptOlder, {"--attestation", "A.att", "the attestation file"}, kPassphraseFile},
       run_record_attach},
      {"record", "provenance", "REC.kartla --owner OWNER.id --section SECTION [--trust TRUST.list] [--json]",
       "show each entry's provenance: self_declared, trusted, untrusted or invalid",
       "For every entry of the section: self_declared (no attestation), trusted (an attestation\n"
       "holds and its issuer was on the trust list, within its period, when it signed), untrusted\n"
       "(it holds, but nobody on the list vouches for the issuer) or invalid (and why). Without\n"
       "--trust no issuer is trusted. A trust list that is older than --last-seen-trust (exit 7),\n"
       "expired (exit 3) or not signed by --trust-root (exit 4) is an error.",
       {kOwner, kOwnerLastSeen, kAcceptOlder, kSection,
        {"--trust", "TRUST.list", "the trust list to judge issuers by"},
        {"--trust-root", "ROOT.card", "require the trust list to be signed by this root"},
        {"--last-seen-trust", "N", "the highest trust-list sequence seen before: an older list is an error"},
        {"--json", "", "print the provenance as JSON"}, kPassphraseFile},
       run_record_provenance},
      {"trust", "root", "new --name NAME --out ROOT.id [--kdf-memory-mib N] [--kdf-passes N]",
       "create a trust root identity (it signs trust lists)",
       "Creates the identity of a trust root: whoever readers rely on to say which agencies are\n"
       "who they claim to be. Its public card (`kartla identity card ROOT.id --out ROOT.card`) is\n"
       "what readers pass as --trust-root.",
       {{"--name", "NAME", "the trust root's name (on its card)"},
        {"--out", "ROOT.id", "where to write the identity (refuses to overwrite)"},
        {"--kdf-memory-mib", "N", "Argon2id memory in MiB (64..1024; default 256)"},
        {"--kdf-passes", "N", "Argon2id passes (3..16; default 3)"},
        kPassphraseFile,
        kJsonSummary},
       run_trust_root},
      {"trust", "add", "DRAFT --card AGENCY.card --role ROLE [--valid-from DATE] [--until DATE] [--sequence N]",
       "add an agency to a trust-list draft (created if missing)",
       "A draft is an unsigned JSON file listing agency cards with the role vouched for and the\n"
       "period (--valid-from, default now; --until, default until the list expires). A new draft has\n"
       "sequence 1 unless --sequence N says otherwise: a list that replaces another needs a higher\n"
       "sequence. Each card is checked by the library (an agency's, self-signature, not twice).",
       {{"--card", "AGENCY.card", "the agency's public card"},
        {"--role", "ROLE", "the role vouched for (see `kartla agency new --help`)"},
        {"--valid-from", "DATE", "start of the agency's validity (default: now)"},
        {"--from", "DATE", "deprecated spelling of --valid-from"},
        {"--until", "DATE", "end of its validity, through that day (default: the list's expiry)"},
        {"--sequence", "N", "the sequence number of a new draft (default 1)"},
        {"--json", "", "print the draft"}},
       run_trust_add},
      {"trust", "sign", "--as ROOT.id --draft DRAFT --expires DATE [--issued DATE] --out TRUST.list",
       "sign a trust-list draft as the trust root",
       "Signs the draft's agencies, sequence and an expiry with the trust root's key.",
       {{"--as", "ROOT.id", "the trust root's identity file"},
        {"--draft", "DRAFT", "the draft (see `kartla trust add`)"},
        {"--expires", "DATE", "the list's expiry (valid through that day)"},
        {"--issued", "DATE", "the list's issue time (default: now)"},
        {"--out", "TRUST.list", "where to write the list (refuses to overwrite)"},
        {"--json", "", "print the signed list's description as JSON"}, kPassphraseFile},
       run_trust_sign},
      {"trust", "show", "TRUST.list [--trust-root ROOT.card] [--last-seen-trust N] [--json]",
       "verify a trust list and show who it vouches for",
       "Verifies the root's signature, that the root is --trust-root (if given), that the list is\n"
       "not older than --last-seen-trust (exit 7) and not expired (exit 3).",
       {{"--trust-root", "ROOT.card", "require this trust root"},
        {"--last-seen-trust", "N", "the highest trust-list sequence seen before"},
        {"--json", "", "print the description as JSON"}},
       run_trust_show},
      {"", "contribute", "--as AGENCY.id --to OWNER.card --record-id ID --section SECTION --in FILE "
                         "--out C.kartla [--claim CLAIM.json]",
       "write an entry for a person's record, signed and sealed to them (agency)",
       "FILE holds one element of the section's `entries` as JSON, with an \"id\". The file is\n"
       "signed by the agency (with its attestation over the entry) and sealed to the owner alone;\n"
       "the owner lists it with `kartla inbox` and accepts it with `kartla accept`. An entry that\n"
       "breaks a rule of `kartla validate` is refused (exit 2, naming the field and rule).",
       {{"--as", "AGENCY.id", "the agency's identity file"},
        {"--to", "OWNER.card", "the card of the person whose record it is"},
        {"--record-id", "ID", "the record's id (32 hex digits)"},
        kSection,
        {"--in", "FILE", "the entry as JSON ('-' for standard input)"},
        kDeprecatedJsonInput,
        {"--claim", "CLAIM.json", "the claim (default: {\"kind\": \"CONTRIBUTED\"})"},
        {"--out", "C.kartla", "where to write the contribution (refuses to overwrite)"}, kPassphraseFile},
       run_contribute},
      {"", "inbox", "DIR_OR_FILE... --owner OWNER.id [--record REC.kartla] [--json]",
       "list contributions waiting for the owner: who sent them and what they add",
       "Opens each file (every file in a directory) as the owner and verifies it completely before\n"
       "showing anything: sender name, role and organisation number, record, section, entry id and\n"
       "the entry's fields. With --record, contributions for another record are refused. With one\n"
       "file, a refusal is the command's error; with several, each refusal is a warning on stderr\n"
       "and the rest are listed.",
       {kOwner, kOwnerLastSeen, kAcceptOlder, {"--record", "REC.kartla", "only contributions for this record"},
        {"--json", "", "print the list as JSON"}, kPassphraseFile},
       run_inbox},
      {"", "accept", "REC.kartla CONTRIBUTION --owner OWNER.id",
       "accept a contribution into the record",
       "Verifies the contribution (sealed to this owner, for this record, signed by its sender)\n"
       "and adds its entry to the section, keeping the agency's signature as an attestation, then\n"
       "saves the next version. The section with the entry added must pass `kartla validate`, as\n"
       "for `kartla record set`; otherwise nothing is saved (exit 2, naming the field and rule).\n"
       "Accepting the same contribution again changes nothing. To reject a contribution, do not\n"
       "accept it (delete the file).",
       {kOwner, kOwnerLastSeen, kAcceptOlder, kPassphraseFile},
       run_accept},
      {"", "verify", "FILE [--json] [--last-seen N] [--trust TRUST.list]",
       "check a signed file (record, bundle, attestation, trust list) without any key",
       "Checks the owner's signature over the exact manifest bytes and the hash of every section\n"
       "present, then prints the record id, owner fingerprint, sequence number, previous-manifest\n"
       "hash and sections. Anyone holding the file can run it; no passphrase is needed. With\n"
       "--last-seen N, a copy whose sequence is below N (an authentic but older copy) exits with\n"
       "code 7. --trust TRUST.list also verifies the trust list (root, sequence, expiry, agencies):\n"
       "older than --last-seen-trust, or than the newest list of its root this computer has verified,\n"
       "exits 7; expired 3, not signed by --trust-root 4. Entries are\n"
       "encrypted, so per-entry provenance needs a key: `record provenance` or `open --trust`.\n"
       "An attestation is shown as `kartla attest show` shows it (--trust judges its issuer), a\n"
       "trust list as `kartla trust show` shows it. A contribution is sealed to the person it is\n"
       "for (`kartla inbox`); any other kind of file is a usage error (exit 2).",
       {{"--json", "", "print the report as JSON"},
        {"--last-seen", "N", "the highest sequence number seen before: an older copy is an error"},
        {"--trust", "TRUST.list", "also verify this trust list and report its state"},
        {"--trust-root", "ROOT.card", "with --trust: require the list to be signed by this root"},
        {"--last-seen-trust", "N", "with --trust: an older trust list than sequence N is an error"}},
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
