/* SPDX-License-Identifier: Apache-2.0 */
// Where text that informs (but is not what the person asked for) goes: the summary of a command
// that writes a file or changes a record ("Card written to X"), notes and progress lines. The
// requested output (a section's JSON, a view, a verdict, a --json summary, a file written to
// `--out -`) and every error and warning are never affected (docs/CLI.md, "-q and standard output").
//
// Two switches, each set once per run before the command starts:
//  - -q/--quiet (every command; main.cpp removes it from the command's words): informational text
//    is not printed at all. Never the recovery code of a new identity: identity.cpp prints it
//    whatever -q says, because that code exists nowhere else and an identity whose code nobody saw
//    is a trap for later.
//  - standard output carries a file (`--out -`, `--svg -`): the summary moves to stderr, so that
//    a pipe (`kartla share ... --out - | kartla open - ...`) receives the file's bytes and nothing else.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kartla::cli {

class Args;

// -q/--quiet: true when the words hold it (before any `--`); main.cpp then removes it.
bool quiet_requested(const std::vector<std::string>& words);
void set_quiet(bool quiet);
bool quiet();

// The options that name a file the command writes: `-` there means standard output.
inline constexpr std::string_view kOutputOptions[] = {"--out", "--svg", "--receipt"};
// Before the command runs: at most one of them may be `-` (one standard output), and not with
// --json (whose summary is printed there too); a usage Failure otherwise. If one is `-`, standard
// output carries that file from now on.
void claim_stdout_for_output(const Args& args);
bool stdout_carries_file();

// A Kartla file (binary: it starts with "KARTLA") is never written to a terminal: a usage Failure
// when standard output is one. Checked before the slow work (check_new_output) and again by the
// writer.
void refuse_binary_to_terminal();

// The summary of what a command did: on stdout, or on stderr when stdout carries a file; nothing
// with -q. Made safe for a terminal as everything the CLI prints.
void inform(std::string_view text);
// "kartla: note: MESSAGE" on stderr (something a person may want to know, nothing to change);
// nothing with -q.
void note(const std::string& message);

}  // namespace kartla::cli
