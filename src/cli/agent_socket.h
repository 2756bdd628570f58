/* SPDX-License-Identifier: Apache-2.0 */
// Where `kartla agent` listens and how the agent and a command talk (docs/AGENT.md): the private
// directory, the socket in it, the peer checks both ends make, and the framed messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace kartla::cli::agent {

inline constexpr size_t kTagBytes = 32;
inline constexpr size_t kKeyBytes = 32;
// No message of the protocol is longer: one type byte, a tag and a key, or a status reply.
inline constexpr size_t kMaxMessageBytes = 1 + kTagBytes + kKeyBytes;

// Requests and replies: one type byte, then fixed fields (docs/AGENT.md, "Protocol").
enum Kind : uint8_t {
  get_key = 'g',     // tag -> key_found (key) | key_unknown
  add_key = 'a',     // tag, key -> done
  ask_status = 's',  // -> status (u32 keys held, u64 seconds each is kept, u64 agent pid)
  forget_all = 'f',  // -> done
  stop_agent = 'q',  // -> done, then the agent wipes its keys and exits
  key_found = 'k',
  key_unknown = 'n',
  done = 'o',
  status = 'i',
};

// The agent's directory: $XDG_RUNTIME_DIR/kartla, else /tmp/kartla-UID.
std::string directory();
std::string socket_path();

// Is the directory ours and private (a real directory, not a link, owned by this uid, no access
// for group or others)? Returns the reason it is not, or nothing if it is.
std::optional<std::string> directory_problem(const std::string& dir);

// Creates the directory 0700 if it is missing; a usage Failure if it exists and is not private.
void make_private_directory(const std::string& dir);

// Is the peer of a connected Unix socket running as this process's uid (SO_PEERCRED)?
bool peer_is_same_user(int fd);

// One message each way: a 1-byte length, then the message. Both fail (false / nothing) on a
// short read or write, a message over kMaxMessageBytes, or the socket's time limit.
bool send_message(int fd, const uint8_t* data, size_t len);
// Reads into `out` (kMaxMessageBytes long); the length read, or nothing.
std::optional<size_t> receive_message(int fd, uint8_t* out);

// Sets both time limits of a socket, so neither end can hang on a silent peer.
void set_time_limits(int fd, int seconds);

}  // namespace kartla::cli::agent
