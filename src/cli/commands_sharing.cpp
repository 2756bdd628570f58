// SPDX-License-Identifier: Apache-2.0
// The commands for agency cards, sharing, opening, revoking, receipts and the ledger: their usage,
// summary, help text and options (catalogue messages, marked N_ and printed translated) and entry
// points, in the order `kartla --help` lists them.
#include "command_table.h"
#include "messages.h"

namespace kartla::cli {

std::vector<Command> sharing_commands() {
  return {
    {"agency", "new", "--name NAME --org ORGNR --role ROLE --out AGENCY.id [--kdf-memory-mib N] [--kdf-passes N]",
     N_("create an agency identity and print its recovery code once"),
     agency_new_details(),
     {{"--name", "NAME", N_("the agency's name as people know it (on its card)")},
      {"--org", "ORGNR", N_("organisation number: Swedish NNNNNN-NNNN or Finnish Y-tunnus NNNNNNN-N")},
      {"--role", "ROLE", N_("the agency's role, one of those listed above")},
      {"--out", "AGENCY.id", N_("where to write the identity (refuses to overwrite)")},
      {"--kdf-memory-mib", "N", N_("Argon2id memory in MiB (64..1024; default 256)")},
      {"--kdf-passes", "N", N_("Argon2id passes (3..16; default 3)")},
      kPassphraseFile,
      kJsonSummary},
     run_agency_new},
    {"agency", "card", "AGENCY.id --out AGENCY.card [--force]",
     N_("export the agency's public card"),
     N_("Writes the agency's public card (name, organisation number, role, public keys, self-signed)\n"
        "to AGENCY.card. Owners share sections with this card (`kartla share --to AGENCY.card`). It\n"
        "holds nothing secret. An owner identity is refused (use `kartla identity card`)."),
     {{"--out", "AGENCY.card", N_("where to write the card")},
      {"--force", "", N_("replace AGENCY.card if it exists (never a Kartla file)")},
      kPassphraseFile},
     run_agency_card},
    {"agency", "show", "CARD [--json]",
     N_("describe a card: kind, name, organisation, role, fingerprint"),
     N_("Checks a card's self-signature and prints what it says: kind (agency, owner, trust_root),\n"
        "name, organisation number, role, creation time and fingerprint. No passphrase is needed."),
     {{"--json", "", N_("print the description as JSON")}},
     run_agency_show},
    {"", "share", "REC.kartla --owner OWNER.id --to AGENCY.card --sections S1,S2 --purpose TEXT "
                  "[--expires DATE] [--art9-basis CODE] [--art6-basis CODE] --out BUNDLE.kartla [--receipt FILE]",
     N_("share sections with an agency and write its share bundle"),
     N_("Grants the agency whose card is AGENCY.card the current keys of the named sections, for\n"
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
        "its own sections. With --receipt FILE the receipts are FILE, FILE.2, ... in --to order.\n"
        "\n"
        "WHO IS INVOLVED: with --tell-involved (only with the person's consent) each grant also carries,\n"
        "signed, the action plan's list of the agencies involved: name, role, organisation number,\n"
        "since when, the contact now and which one leads. Nothing of what any agency knows is in it;\n"
        "an agency not given action_plan still learns who else works with the person."),
     {kOwner, kOwnerLastSeen, kAcceptOlder,
      {"--to", "AGENCY.card", N_("the agency's public card; repeat it for a case conference"), true},
      {"--sections", "S1,S2", N_("section names separated by commas, or 'all'; NAME=S1,S2 per agency"), true},
      {"--purpose", "TEXT", N_("what the agency may use the sections for (shown to it, bound to the grant)")},
      {"--expires", "DATE", N_("YYYY-MM-DD (valid through that day, UTC) or YYYY-MM-DDTHH:MM:SSZ")},
      {"--art9-basis", "CODE", N_("GDPR Art. 9(2) basis, required for health data: 9.2.a to 9.2.j")},
      {"--art6-basis", "CODE", N_("GDPR Art. 6(1) basis: 6.1.a to 6.1.f (default 6.1.a)")},
      {"--tell-involved", "", N_("with the person's consent, tell each agency who else works with them")},
      {"--out", "BUNDLE.kartla", N_("where to write the share bundle (refuses to overwrite)")},
      {"--receipt", "FILE", N_("also write the grant receipt to FILE (refuses to overwrite)")},
      kPassphraseFile,
      kJsonSummary},
     run_share},
    {"", "bundle", "REC.kartla --owner OWNER.id --grant GRANT_ID --out BUNDLE.kartla",
     N_("write a new share bundle for an existing grant"),
     N_("Writes the share bundle of an active grant (its id is shown by `kartla share` and `kartla\n"
        "record ledger`) from the record as it is now: for instance after new content was written, or\n"
        "after a revocation of another agency gave this one the sections' new keys."),
     {kOwner, kOwnerLastSeen, kAcceptOlder,
      {"--grant", "GRANT_ID", N_("the grant's id (32 hex digits)")},
      {"--out", "BUNDLE.kartla", N_("where to write the share bundle (refuses to overwrite)")},
      kPassphraseFile,
      kJsonSummary},
     run_bundle},
    {"", "open", "FILE --as AGENCY.id [--section SECTION | --document ID --out FILE|-] [--json] [--at DATE] [--last-seen N] "
                 "[--owner-card OWNER.card] [--trust TRUST.list]",
     N_("read what was shared with an agency, from a bundle or the record file"),
     N_("Opens FILE (a share bundle or the whole record file) as the agency whose identity is\n"
        "AGENCY.id. With --section, checks the section against the owner's signature over the exact\n"
        "manifest bytes, its ciphertext hash, the key commitment, its binding to this record, section\n"
        "and key generation, and the grant's expiry, then shows it as text, as `kartla record show`\n"
        "shows it to the owner (with --json: its protobuf JSON alone). A section not shared with\n"
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
        "--document ID --out FILE: writes the shared document's exact bytes to FILE (readable by you\n"
        "only, whole or not at all; '-' is standard output; an existing FILE needs --force), after the\n"
        "checks of the documents section and of the document's size and SHA-256.\n"
        "--trust TRUST.list: also report each entry's provenance (self_declared, trusted, untrusted,\n"
        "invalid) with the issuer's name, role and organisation number; with --json the output is\n"
        "{\"content\" or \"share\": ..., \"provenance\": ...}; without --json, with --section, the section\n"
        "is shown as text. An older (exit 7), expired (exit 3) or\n"
        "foreign-root (exit 4) trust list is an error before anything is printed."),
     {{"--as", "AGENCY.id", N_("the agency's identity file (unlocked with its passphrase)")},
      kSection,
      {"--document", "ID", N_("write this shared document's bytes to --out")},
      {"--out", "FILE", N_("with --document: where to write it ('-' for standard output)")},
      {"--force", "", N_("with --document: replace FILE if it exists")},
      {"--json", "", N_("print JSON and nothing else: the listing, or with --section the section's JSON")},
      kLanguage,
      {"--at", "DATE", N_("check expiry at DATE: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)")},
      {"--last-seen", "N", N_("the highest sequence number seen before: an older copy is an error")},
      {"--owner-card", "OWNER.card", N_("the owner whose record this must be")},
      {"--trust", "TRUST.list", N_("also report each entry's provenance, judging issuers by this trust list")},
      {"--trust-root", "ROOT.card", N_("with --trust: require the list to be signed by this root")},
      {"--last-seen-trust", "N", N_("with --trust: an older trust list than sequence N is an error")},
      kPassphraseFile},
     run_open},
    {"", "revoke", "REC.kartla --owner OWNER.id --from AGENCY.card [--receipt FILE]",
     N_("take back every grant to an agency (what was shared stays shared)"),
     N_("Revokes every grant to the agency whose card is AGENCY.card: the sections it could read get\n"
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
        "bundles it holds, stays readable to it."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, {"--from", "AGENCY.card", N_("the agency's public card")},
      {"--receipt", "FILE", N_("also write a termination receipt per grant ended: FILE, FILE.2, ...")},
      kPassphraseFile, kJsonSummary},
     run_revoke},
    {"", "receipt", "REC.kartla --owner OWNER.id --grant GRANT_ID --out FILE",
     N_("write the signed receipt of a grant: made, or ended (revoked or expired)"),
     N_("Writes the receipt of a grant (its id is shown by `kartla share` and `kartla record ledger`),\n"
        "signed with your key, to FILE (readable by you only; refuses to overwrite). While the grant\n"
        "is in force it is a grant receipt: who got which sections, for what purpose, on which legal\n"
        "basis, until when. Once it has ended it is a termination receipt: also when it ended, and\n"
        "whether you revoked it or it expired. Either names the saved version of the record it was\n"
        "made from. Give it to the agency: it checks it without any key (`kartla receipt show`) and\n"
        "can keep it as your statement that it must stop processing those sections.\n"
        "\n"
        "An expired grant ends at the first save of the record after its expiry (any command that\n"
        "changes the record); before that this command exits with code 3 and says so. A receipt is\n"
        "your statement: it does not prove that the agency received it."),
     {kOwner, kOwnerLastSeen, kAcceptOlder,
      {"--grant", "GRANT_ID", N_("the grant's id (32 hex digits)")},
      {"--out", "FILE", N_("where to write the receipt (refuses to overwrite)")},
      kPassphraseFile,
      {"--json", "", N_("print the file name, its size and the receipt's content as JSON")}},
     run_receipt},
    {"receipt", "show", "FILE [--owner-card OWNER.card] [--agency-card AGENCY.card] [--json]",
     N_("check a receipt and say what the participant stated (agency)"),
     N_("Checks the receipt's signature by the participant and prints, in plain words, what they\n"
        "stated: that a grant was made, or that it ended (when, and whether revoked or expired), with\n"
        "the agency, the sections, the purpose and the legal basis. For a termination receipt: stop\n"
        "processing these sections. No key or passphrase is needed.\n"
        "--owner-card: a receipt signed by any other participant exits with code 5; without it,\n"
        "compare the printed fingerprint with the participant's card yourself.\n"
        "--agency-card: your own card; a receipt about another agency's grant exits with code 4.\n"
        "A damaged or altered receipt exits with code 4. The receipt is the participant's statement:\n"
        "it does not show that you received it, or when."),
     {{"--owner-card", "OWNER.card", N_("the participant whose receipt this must be")},
      {"--agency-card", "AGENCY.card", N_("your agency's card: the receipt must be about a grant to it")},
      {"--json", "", N_("print the receipt's content as JSON")}},
     run_receipt_show},
    {"record", "ledger", "REC.kartla --owner OWNER.id [--json]",
     N_("show the sharing ledger: grants and revocations"),
     N_("Prints the owner-only sharing ledger: for each grant the agency's name and fingerprint, the\n"
        "sections, the purpose, when it was granted, when it expires and when it was revoked; then\n"
        "the events (GRANT, REVOKE) in time order. Times are UTC. A record never shared has an empty\n"
        "ledger."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, kPassphraseFile, {"--json", "", N_("print the ledger section's protobuf JSON")}},
     run_record_ledger},
  };
}

}  // namespace kartla::cli
