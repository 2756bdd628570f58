/* SPDX-License-Identifier: Apache-2.0 */
// The command table (commands.cpp joins commands_*.cpp: every command's name, options, help text
// and entry point, in the order `kartla --help` lists them) and the entry points, one file per group.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "args.h"
#include "output.h"

namespace kartla::cli {

struct Command {
  std::string_view group;    // "identity", "record", or "" for a top-level command
  std::string_view name;     // "new"
  std::string_view usage;    // arguments after the command words
  std::string_view summary;  // one line: what it does
  std::string_view details;  // a paragraph for `kartla COMMAND --help`
  std::vector<Option> options;
  Exit (*run)(const Args& args);
};

const std::vector<Command>& commands();

// main.cpp: the help text, made from the table, and the other documents made from it.
std::string command_words(const Command& command);  // "identity new"
std::string main_help();                             // `kartla --help`
std::string group_help(std::string_view group);      // `kartla record --help`
std::string command_help(const Command& command);    // `kartla record set --help`
std::string version_text();
// "a participant-owned, encrypted and signed competence-mapping record" (a catalogue message):
// the first line of `kartla --help` and the NAME of the manual page.
extern const char* const kTagline;
// manual.cpp: the same help text as a manual page (`kartla help --man`, troff for man(1)) and
// shell completion (`kartla help --completion bash|zsh`); the build writes both and
// `cmake --install` installs them, so they cannot drift from the commands.
std::string man_page();
std::string completion_script(const std::string& shell);

// identity.cpp: owner, agency and trust-root identities and their cards
Exit run_identity_new(const Args& args);
Exit run_identity_card(const Args& args);
Exit run_identity_recover(const Args& args);
Exit run_identity_passwd(const Args& args);
Exit run_identity_fingerprint(const Args& args);
std::string_view agency_new_details();  // lists the roles, which the library knows
Exit run_agency_new(const Args& args);
Exit run_agency_card(const Args& args);
Exit run_agency_show(const Args& args);
Exit run_trust_root(const Args& args);
// record.cpp: the owner's record and its sharing ledger
Exit run_record_new(const Args& args);
Exit run_record_set(const Args& args);
Exit run_record_get(const Args& args);
Exit run_record_list(const Args& args);
Exit run_record_remove(const Args& args);
Exit run_record_ledger(const Args& args);
// documents.cpp: the owner's documents as files
Exit run_document_add(const Args& args);
Exit run_document_get(const Args& args);
Exit run_document_list(const Args& args);
Exit run_document_remove(const Args& args);
// share.cpp: grants, bundles, revocation, receipts
Exit run_share(const Args& args);
// `share` with several --to (case_share.cpp); run_share hands over to it.
Exit run_case_share(const Args& args);
Exit run_bundle(const Args& args);
Exit run_revoke(const Args& args);
Exit run_receipt(const Args& args);
Exit run_receipt_show(const Args& args);
// views.cpp: reading a record, as its owner or as an agency
Exit run_open(const Args& args);
Exit run_progress(const Args& args);
Exit run_plan(const Args& args);
Exit run_record_show(const Args& args);
// attest.cpp: attestations and trust lists
Exit run_attest(const Args& args);
Exit run_record_attach(const Args& args);
Exit run_record_provenance(const Args& args);
Exit run_trust_add(const Args& args);
Exit run_trust_sign(const Args& args);
Exit run_trust_show(const Args& args);
// agent.cpp: the agent that keeps passphrase keys for a run of commands (docs/AGENT.md)
Exit run_agent_start(const Args& args);
Exit run_agent_status(const Args& args);
Exit run_agent_stop(const Args& args);
Exit run_agent_forget(const Args& args);
// attest_show.cpp: a signed object inspected before anyone relies on it
Exit run_attest_show(const Args& args);
// `verify` of an attestation or trust list (and a clear refusal for other kinds): false if `path`
// is a record or bundle (or not a Kartla file), which run_verify checks itself.
bool verify_signed_object(const Args& args, const std::string& path);
// contribute.cpp: contributions written by agencies
Exit run_contribute(const Args& args);
Exit run_inbox(const Args& args);
Exit run_accept(const Args& args);
// report.cpp: a programme's follow-up figures, for its project owner
Exit run_report(const Args& args);
// verify.cpp: what needs no key
Exit run_verify(const Args& args);
Exit run_sections(const Args& args);
Exit run_validate(const Args& args);

}  // namespace kartla::cli
