/* SPDX-License-Identifier: Apache-2.0 */
// The command table's parts (commands_*.cpp, one per group of commands, in the order `kartla
// --help` lists them; commands.cpp joins them) and the options several commands share.
#pragma once

#include <vector>

#include "commands.h"
#include "messages.h"

namespace kartla::cli {

inline const Option kPassphraseFile{"--passphrase-file", "FILE", N_("the passphrase is FILE's first line (else KARTLA_PASSPHRASE)")};
inline const Option kNewPassphraseFile{"--new-passphrase-file", "FILE",
                                       N_("the new passphrase is FILE's first line (else KARTLA_NEW_PASSPHRASE)")};
// The Argon2id cost of a new passphrase (identity recover, identity passwd); either one given
// sets a new cost, with the library's default for the other.
inline const Option kNewKdfMemory{"--kdf-memory-mib", "N",
                                  N_("Argon2id memory in MiB for the new passphrase (64..1024; default 256)")};
inline const Option kNewKdfPasses{"--kdf-passes", "N", N_("Argon2id passes for the new passphrase (3..16; default 3)")};
inline const Option kOwner{"--owner", "OWNER.id", N_("the owner's identity file (unlocked with its passphrase)")};
inline const Option kSection{"--section", "SECTION", N_("the section's name (see `kartla sections`)")};
// The old spelling of --in, from before --json meant only "print JSON".
inline const Option kDeprecatedJsonInput{"--json", "FILE", N_("deprecated spelling of --in")};
inline const Option kJsonSummary{"--json", "", N_("print the summary as JSON")};
inline const Option kTrustForProvenance{"--trust", "TRUST.list", N_("judge attesting agencies by this trust list")};
inline const Option kTrustRoot{"--trust-root", "ROOT.card", N_("with --trust: require the list to be signed by this root")};
inline const Option kLastSeenTrust{"--last-seen-trust", "N",
                                   N_("with --trust: also refuse a list older than sequence N (one older than the newest "
                                      "verified on this computer is always refused)")};
// Every command that opens the owner's record: the owner remembers the versions it has seen
// (in OWNER.id and in a state folder on this computer), and an older copy is refused (exit 7).
inline const Option kOwnerLastSeen{"--last-seen", "N", N_("also refuse a copy older than sequence N (exit 7)")};
// The agency's side of the view commands (progress, plan, record show), as `kartla open`.
inline const Option kAsAgency{"--as", "AGENCY.id", N_("instead of --owner: what this agency may read of FILE (a share bundle)")};
inline const Option kAtForAgency{"--at", "DATE", N_("with --as: check grant expiry at DATE (YYYY-MM-DD or ...T...Z, UTC)")};
inline const Option kOwnerCardForAgency{"--owner-card", "OWNER.card", N_("with --as: the owner whose record this must be")};
// The views' --language, passed on to the library (every other command takes --language too, and
// main.cpp removes it from their words: the language is chosen once per run).
inline const Option kLanguage{"--language", "LANG",
                              N_("language of labels and messages: sv, fi or en (default: from LANGUAGE, LC_ALL, "
                                 "LC_MESSAGES or LANG)")};
// Every command that unlocks an identity asks a running agent first (docs/AGENT.md); this opts out.
inline const Option kNoAgent{"--no-agent", "", N_("do not ask the agent for the key, nor offer it one (`kartla agent`)")};
inline const Option kAcceptOlder{"--accept-older", "",
                                 N_("open an older copy anyway; a save continues above the newest version seen")};

std::vector<Command> identity_commands();    // identity, record new/set/get/list/remove, document
std::vector<Command> sharing_commands();     // agency, share, bundle, open, revoke, receipt, record ledger
std::vector<Command> content_commands();     // validate, progress, plan, record show
std::vector<Command> attest_commands();      // attest, record attach/provenance, trust
std::vector<Command> contribute_commands();  // contribute, inbox, accept, verify, sections, agent

}  // namespace kartla::cli
