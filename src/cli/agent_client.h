/* SPDX-License-Identifier: Apache-2.0 */
// A command's side of `kartla agent` (docs/AGENT.md): ask the agent for an identity file's
// passphrase key before asking the person for the passphrase, and offer it the key after a
// passphrase unlock. With no agent running, each is a no-op and the command asks as it always did.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "kartla/kartla.hpp"

namespace kartla::cli::agent {

// A connected socket to the agent, closed when it goes.
class Connection {
 public:
  explicit Connection(int fd) : fd_(fd) {}
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&&) = delete;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Sends one request and reads the reply into `reply` (kMaxMessageBytes); the reply's length,
  // or nothing if the agent did not answer.
  std::optional<size_t> exchange(const uint8_t* request, size_t len, uint8_t* reply) const;

 private:
  int fd_;
};

// The running agent, or nothing: quietly when none runs; with a warning on stderr when its
// directory is not private or the socket's owner is another user (then it is not used at all).
std::optional<Connection> connect_to_agent();

// The identity unlocked with the key the agent holds for this file, or nothing (no agent, no
// key for this file, or a key that no longer opens it).
std::optional<kartla::identity> unlock_with_agent(std::string_view identity_file);

// Unlocks with the passphrase (Argon2id) and, if an agent runs, gives it the passphrase key so
// the next command need not ask.
kartla::identity unlock_and_offer_to_agent(std::string_view identity_file, std::string_view passphrase);

}  // namespace kartla::cli::agent
