/* SPDX-License-Identifier: Apache-2.0 */
// Secrets on the command line: memory that is wiped (Secret), where passphrases and recovery codes
// come from (an option naming a file, an environment variable, a prompt on the terminal with echo
// off), and unlocking an identity file with its passphrase, the first step of most commands.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kartla/kartla.hpp"

namespace kartla::cli {

class Args;

// Bytes the CLI must not leave behind in freed memory: passphrases, recovery codes, section
// JSON. The CLI cannot reach libsodium's guarded memory (it sees only kartla.h), so this is
// ordinary heap memory that is wiped on every reallocation and on destruction.
class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string_view text) { append(text); }
  ~Secret() { release(); }
  Secret(Secret&& other) noexcept;
  Secret& operator=(Secret&& other) noexcept;
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;

  void append(std::string_view text);
  void push_back(char c) { append(std::string_view(&c, 1)); }
  void pop_back();  // wipes the removed byte
  void clear();     // wipes, keeps the capacity

  std::string_view view() const noexcept { return {data_, size_}; }
  size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  char back() const noexcept { return data_[size_ - 1]; }
  // Room for `capacity` bytes at once (a file whose size is known), so appending up to it does
  // not grow by doubling, which would hold the old and the new copy together for a moment.
  void reserve(size_t capacity);

 private:
  void release() noexcept;

  char* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// Overwrites memory in a way the compiler may not optimise away.
void wipe(void* data, size_t len) noexcept;

// Where the CLI gets passphrases and recovery codes: an option naming a file (first line), an
// environment variable, or a prompt on the terminal, in that order. With none available it is a
// usage error that says how to supply one.

// The passphrase of an existing identity: --passphrase-file, KARTLA_PASSPHRASE, or a prompt.
Secret current_passphrase(const Args& args, const std::string& identity_path);

// The passphrase for a new identity (`identity new`): --passphrase-file, KARTLA_PASSPHRASE, or a
// prompt asked twice.
Secret first_passphrase(const Args& args);

// A replacement passphrase (`identity passwd`, `identity recover`): --new-passphrase-file,
// KARTLA_NEW_PASSPHRASE, or a prompt asked twice.
Secret replacement_passphrase(const Args& args);

// The recovery code: --recovery-code-file, KARTLA_RECOVERY_CODE, or a prompt (not echoed).
Secret recovery_code(const Args& args, const std::string& identity_path);

// While a slow step runs (Argon2id takes seconds by design), a line on the terminal saying what
// is happening, cleared when it ends; nothing when stderr is not a terminal (scripts, pipes).
class SlowStep {
 public:
  explicit SlowStep(const std::string& what);
  ~SlowStep();
  SlowStep(const SlowStep&) = delete;
  SlowStep& operator=(const SlowStep&) = delete;

 private:
  bool shown_ = false;
};

// Whether an unlock may ask a running agent for the key and offer it one (docs/AGENT.md).
enum class AgentUse {
  unless_no_agent,  // yes, unless --no-agent was given
  never,            // no: the person must type the passphrase (`identity passwd`)
};

// Reads the file first, so a missing file is reported before anyone is asked for a passphrase,
// then asks the agent (agent_client.h) and, if it has no key for this file, unlocks it with the
// passphrase from --passphrase-file, KARTLA_PASSPHRASE or a prompt.
kartla::identity unlock_identity(const std::string& path, const Args& args,
                                 AgentUse agent_use = AgentUse::unless_no_agent);

}  // namespace kartla::cli
