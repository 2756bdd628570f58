// SPDX-License-Identifier: Apache-2.0
// The commands for contributions, and what needs no key (verify, sections): their usage, summary,
// help text and options (catalogue messages, marked N_ and printed translated) and entry points, in
// the order `kartla --help` lists them.
#include "command_table.h"
#include "messages.h"

namespace kartla::cli {

std::vector<Command> contribute_commands() {
  return {
    {"", "contribute", "--as AGENCY.id --to OWNER.card --record-id ID --section SECTION --in FILE "
                       "--out C.kartla [--claim CLAIM.json]",
     N_("write an entry for a person's record, signed and sealed to them (agency)"),
     N_("FILE holds one element of the section's `entries` as JSON, with an \"id\". The file is\n"
        "signed by the agency (with its attestation over the entry) and sealed to the owner alone;\n"
        "the owner lists it with `kartla inbox` and accepts it with `kartla accept`. An entry that\n"
        "breaks a rule of `kartla validate` is refused (exit 2, naming the field and rule)."),
     {{"--as", "AGENCY.id", N_("the agency's identity file")},
      {"--to", "OWNER.card", N_("the card of the person whose record it is")},
      {"--record-id", "ID", N_("the record's id (32 hex digits)")},
      kSection,
      {"--in", "FILE", N_("the entry as JSON ('-' for standard input)")},
      kDeprecatedJsonInput,
      {"--claim", "CLAIM.json", N_("the claim (default: {\"kind\": \"CONTRIBUTED\"})")},
      {"--out", "C.kartla", N_("where to write the contribution (refuses to overwrite)")}, kPassphraseFile},
     run_contribute},
    {"", "inbox", "DIR_OR_FILE... --owner OWNER.id [--record REC.kartla] [--json]",
     N_("list contributions waiting for the owner: who sent them and what they add"),
     N_("Opens each file (every file in a directory) as the owner and verifies it completely before\n"
        "showing anything: sender name, role and organisation number, record, section, entry id and\n"
        "the entry's fields. With --record, contributions for another record are refused. With one\n"
        "file, a refusal is the command's error; with several, each refusal is a warning on stderr\n"
        "and the rest are listed."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, {"--record", "REC.kartla", N_("only contributions for this record")},
      {"--json", "", N_("print the list as JSON")}, kPassphraseFile},
     run_inbox},
    {"", "accept", "REC.kartla CONTRIBUTION --owner OWNER.id",
     N_("accept a contribution into the record"),
     N_("Verifies the contribution (sealed to this owner, for this record, signed by its sender)\n"
        "and adds its entry to the section, keeping the agency's signature as an attestation, then\n"
        "saves the next version. The section with the entry added must pass `kartla validate`, as\n"
        "for `kartla record set`; otherwise nothing is saved (exit 2, naming the field and rule).\n"
        "Accepting the same contribution again changes nothing. To reject a contribution, do not\n"
        "accept it (delete the file)."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, kPassphraseFile},
     run_accept},
    {"", "report", "--as PROJECT.id BUNDLE... [--format FORMAT] [--at DATE] [--language LANG]",
     N_("print a programme's follow-up figures from the bundles shared for it"),
     N_("For the project owner of a programme (an ESF+ project): opens each BUNDLE as the agency\n"
        "PROJECT.id, reads the participant's programme_followup section (shared under GDPR Art.\n"
        "6(1)(c) or 6(1)(e)) and prints figures about the group only: participants, counts by gender\n"
        "and by the highest phase reached, and the shares in work or studies at exit and six months\n"
        "after. Never a line per person. A figure of fewer than 5 people, or one that would give\n"
        "such a figure away, is not shown; a group of fewer than 5 participants is refused (exit 3).\n"
        "Each participant counts once (the newest version of their bundles). Every bundle not\n"
        "counted is named with the reason: unreadable, unverifiable, expired, not-shared,\n"
        "invalid-content, wrong-basis, duplicate, other-programme. --format json prints the\n"
        "library's result; csv prints one row per figure under a header row (bundles not counted\n"
        "are then named on standard error). --at DATE judges grant expiry at DATE."),
     {{"--as", "PROJECT.id", N_("the project owner's agency identity the bundles were shared with")},
      {"--format", "FORMAT", N_("text (default), json or csv")},
      {"--at", "DATE", N_("judge grant expiry at DATE (YYYY-MM-DD or ...T...Z, UTC) instead of now")},
      kLanguage,
      kPassphraseFile},
     run_report},
    {"", "verify", "FILE [--json] [--last-seen N] [--trust TRUST.list]",
     N_("check a signed file (record, bundle, attestation, trust list) without any key"),
     N_("Checks the owner's signature over the exact manifest bytes and the hash of every section\n"
        "present, then prints the record id, owner fingerprint, sequence number, previous-manifest\n"
        "hash and sections. Anyone holding the file can run it; no passphrase is needed. With\n"
        "--last-seen N, a copy whose sequence is below N (an authentic but older copy) exits with\n"
        "code 7. --trust TRUST.list also verifies the trust list (root, sequence, expiry, agencies):\n"
        "older than --last-seen-trust, or than the newest list of its root this computer has verified,\n"
        "exits 7; expired 3, not signed by --trust-root 4. Entries are\n"
        "encrypted, so per-entry provenance needs a key: `record provenance` or `open --trust`.\n"
        "An attestation is shown as `kartla attest show` shows it (--trust judges its issuer), a\n"
        "trust list as `kartla trust show` shows it. A contribution is sealed to the person it is\n"
        "for (`kartla inbox`); any other kind of file is a usage error (exit 2)."),
     {{"--json", "", N_("print the report as JSON")},
      {"--last-seen", "N", N_("the highest sequence number seen before: an older copy is an error")},
      {"--trust", "TRUST.list", N_("also verify this trust list and report its state")},
      {"--trust-root", "ROOT.card", N_("with --trust: require the list to be signed by this root")},
      {"--last-seen-trust", "N", N_("with --trust: an older trust list than sequence N is an error")}},
     run_verify},
    {"", "sections", "[--json]",
     N_("list the section names"),
     N_("Lists every section a record can hold. Special-category sections hold health data (GDPR\n"
        "Art. 9) and are never shared by a wildcard."),
     {{"--json", "", N_("print the list as JSON")}},
     run_sections},
    {"agent", "start", "[--timeout DURATION]",
     N_("start the agent that keeps unlocked keys for a run of commands"),
     N_("Starts an agent in the background, as ssh-agent does, so that a run of commands asks for a\n"
        "passphrase once. After a command unlocks an identity with its passphrase it gives the agent\n"
        "the key derived from it (never the passphrase), and later commands take the key from the agent\n"
        "instead of asking. The agent keeps each key in locked memory, never on disk, for DURATION\n"
        "(e.g. 90s, 15m, 8h; default 15m), and answers only its own user, on a socket in\n"
        "$XDG_RUNTIME_DIR/kartla (else /tmp/kartla-UID). Any program running as you can ask it for a\n"
        "key while it runs: stop it when you are done. docs/AGENT.md says what it protects and what not."),
     {{"--timeout", "DURATION", N_("how long each key is kept after it is given (default 15m, at most 7d)")}},
     run_agent_start},
    {"agent", "status", "",
     N_("say whether the agent runs and how many keys it holds"),
     N_("Prints the agent's process, its socket, how many keys it holds and how long it keeps each.\n"
        "Exits 3 when no agent is running."),
     {},
     run_agent_status},
    {"agent", "forget", "",
     N_("make the agent wipe every key it holds"),
     N_("The agent wipes every key and keeps running; the next command asks for the passphrase."),
     {},
     run_agent_forget},
    {"agent", "stop", "",
     N_("wipe every key and end the agent"),
     N_("The agent wipes every key it holds, removes its socket and exits."),
     {},
     run_agent_stop},
  };
}

}  // namespace kartla::cli
