// SPDX-License-Identifier: Apache-2.0
// The commands for attestations and trust lists: their usage, summary, help text and options
// (catalogue messages, marked N_ and printed translated) and entry points, in the order `kartla
// --help` lists them.
#include "command_table.h"
#include "messages.h"

namespace kartla::cli {

std::vector<Command> attest_commands() {
  return {
    {"", "attest", "--as AGENCY.id --bundle FILE --owner-card OWNER.card [--record-id ID] --section SECTION "
                   "--entry ENTRY_ID --claim CLAIM.json --out A.att [--expires DATE]",
     N_("sign an attestation about one entry of a person's record (agency)"),
     N_("The agency vouches for one entry: the attestation binds the owner's keys, the record id,\n"
        "the section, the entry's id and a hash of the entry's exact bytes, so it is invalid in any\n"
        "other record, for any other entry, or once the entry is edited. The entry is read from\n"
        "FILE, a share bundle (or record) the agency can open with --as; --owner-card must be the\n"
        "card of the person whose record it is, and --record-id, if given, must match it. CLAIM.json\n"
        "is the claim, e.g. {\"kind\": \"VALIDATED\", \"level_system\": \"seqf\", \"level_code\": \"3\",\n"
        "\"method\": \"ocn\", \"date\": \"2025-11-20\", \"credits_hundredths\": 750}. A claim whose level,\n"
        "method or date its code system does not know is refused (exit 2, naming the field and rule).\n"
        "The owner stores it with `kartla record attach`."),
     {{"--as", "AGENCY.id", N_("the agency's identity file (unlocked with its passphrase)")},
      {"--bundle", "FILE", N_("the share bundle or record holding the entry, opened as the agency")},
      {"--from", "FILE", N_("deprecated spelling of --bundle")},
      {"--owner-card", "OWNER.card", N_("the card of the person whose record it is")},
      {"--record-id", "ID", N_("the record's id (32 hex digits); must match FILE's")},
      kSection,
      {"--entry", "ENTRY_ID", N_("the entry's id")},
      {"--claim", "CLAIM.json", N_("the claim as JSON (docs/SPEC.md §13.2)")},
      {"--out", "A.att", N_("where to write the attestation (refuses to overwrite)")},
      {"--expires", "DATE", N_("the attestation's expiry (default: none)")},
      kPassphraseFile},
     run_attest},
    {"attest", "show", "A.att [--trust TRUST.list [--trust-root ROOT.card]] [--json]",
     N_("inspect an attestation before relying on it: who signed it, what it claims"),
     N_("Checks the issuer's card and signature and shows who signed it (name, organisation, role\n"
        "and fingerprint, as the issuer's own card says), whose record, which section and entry it is\n"
        "about, what it claims (kind, level, method, date, credits, assessor), when it was issued and\n"
        "expires, and with --trust whether a trust list vouches for the issuer (a root not pinned with\n"
        "--trust-root is warned about). Whether it holds for the entry needs the entry: `record\n"
        "attach` and `record provenance` check that. `kartla verify A.att` does the same. A bad\n"
        "signature exits 4, an expired attestation 3, a claim breaking a rule 2, after the report."),
     {{"--trust", "TRUST.list", N_("judge the issuer by this trust list")},
      kTrustRoot,
      {"--last-seen-trust", "N", N_("with --trust: an older trust list than sequence N is an error")},
      {"--json", "", N_("print the description as JSON")}},
     run_attest_show},
    {"record", "attach", "REC.kartla --owner OWNER.id --attestation A.att",
     N_("store an agency's attestation with the entry it is about"),
     N_("Checks the attestation against the entry it names (this person, this record, the entry's\n"
        "exact content) and stores it in the section; the next version of the record is saved.\n"
        "An attestation made for another person, record or entry, or for content since edited, is\n"
        "refused (exit 4). Whether its issuer is trusted is the reader's question (--trust)."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, {"--attestation", "A.att", N_("the attestation file")}, kPassphraseFile},
     run_record_attach},
    {"record", "provenance", "REC.kartla --owner OWNER.id --section SECTION [--trust TRUST.list] [--json]",
     N_("show each entry's provenance: self_declared, trusted, untrusted or invalid"),
     N_("For every entry of the section: self_declared (no attestation), trusted (an attestation\n"
        "holds and its issuer was on the trust list, within its period, when it signed), untrusted\n"
        "(it holds, but nobody on the list vouches for the issuer) or invalid (and why). Without\n"
        "--trust no issuer is trusted. A trust list that is older than --last-seen-trust (exit 7),\n"
        "expired (exit 3) or not signed by --trust-root (exit 4) is an error."),
     {kOwner, kOwnerLastSeen, kAcceptOlder, kSection,
      {"--trust", "TRUST.list", N_("the trust list to judge issuers by")},
      {"--trust-root", "ROOT.card", N_("require the trust list to be signed by this root")},
      {"--last-seen-trust", "N", N_("the highest trust-list sequence seen before: an older list is an error")},
      {"--json", "", N_("print the provenance as JSON")}, kPassphraseFile},
     run_record_provenance},
    {"trust", "root", "new --name NAME --out ROOT.id [--kdf-memory-mib N] [--kdf-passes N]",
     N_("create a trust root identity (it signs trust lists)"),
     N_("Creates the identity of a trust root: whoever readers rely on to say which agencies are\n"
        "who they claim to be. Its public card (`kartla identity card ROOT.id --out ROOT.card`) is\n"
        "what readers pass as --trust-root."),
     {{"--name", "NAME", N_("the trust root's name (on its card)")},
      {"--out", "ROOT.id", N_("where to write the identity (refuses to overwrite)")},
      {"--kdf-memory-mib", "N", N_("Argon2id memory in MiB (64..1024; default 256)")},
      {"--kdf-passes", "N", N_("Argon2id passes (3..16; default 3)")},
      kPassphraseFile,
      kJsonSummary},
     run_trust_root},
    {"trust", "add", "DRAFT --card AGENCY.card --role ROLE [--valid-from DATE] [--until DATE] [--sequence N]",
     N_("add an agency to a trust-list draft (created if missing)"),
     N_("A draft is an unsigned JSON file listing agency cards with the role vouched for and the\n"
        "period (--valid-from, default now; --until, default until the list expires). A new draft has\n"
        "sequence 1 unless --sequence N says otherwise: a list that replaces another needs a higher\n"
        "sequence. Each card is checked by the library (an agency's, self-signature, not twice)."),
     {{"--card", "AGENCY.card", N_("the agency's public card")},
      {"--role", "ROLE", N_("the role vouched for (see `kartla agency new --help`)")},
      {"--valid-from", "DATE", N_("start of the agency's validity (default: now)")},
      {"--from", "DATE", N_("deprecated spelling of --valid-from")},
      {"--until", "DATE", N_("end of its validity, through that day (default: the list's expiry)")},
      {"--sequence", "N", N_("the sequence number of a new draft (default 1)")},
      {"--json", "", N_("print the draft")}},
     run_trust_add},
    {"trust", "sign", "--as ROOT.id --draft DRAFT --expires DATE [--issued DATE] --out TRUST.list",
     N_("sign a trust-list draft as the trust root"),
     N_("Signs the draft's agencies, sequence and an expiry with the trust root's key."),
     {{"--as", "ROOT.id", N_("the trust root's identity file")},
      {"--draft", "DRAFT", N_("the draft (see `kartla trust add`)")},
      {"--expires", "DATE", N_("the list's expiry (valid through that day)")},
      {"--issued", "DATE", N_("the list's issue time (default: now)")},
      {"--out", "TRUST.list", N_("where to write the list (refuses to overwrite)")},
      {"--json", "", N_("print the signed list's description as JSON")}, kPassphraseFile},
     run_trust_sign},
    {"trust", "show", "TRUST.list [--trust-root ROOT.card] [--last-seen-trust N] [--json]",
     N_("verify a trust list and show who it vouches for"),
     N_("Verifies the root's signature, that the root is --trust-root (if given), that the list is\n"
        "not older than --last-seen-trust (exit 7) and not expired (exit 3)."),
     {{"--trust-root", "ROOT.card", N_("require this trust root")},
      {"--last-seen-trust", "N", N_("the highest trust-list sequence seen before")},
      {"--json", "", N_("print the description as JSON")}},
     run_trust_show},
  };
}

}  // namespace kartla::cli
