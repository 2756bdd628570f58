// SPDX-License-Identifier: Apache-2.0
// A command asking the agent first, and offering it the key after (agent_client.h).
#include "agent_client.h"

#include <errno.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <utility>

#include "agent_socket.h"
#include "messages.h"
#include "output.h"
#include "secrets.h"

namespace kartla::cli::agent {
namespace {

// How long a command waits for the agent before it asks for the passphrase instead.
constexpr int kAnswerSeconds = 5;

// The name the agent keeps this file's key under; nothing if it is not a valid identity file
// (the ordinary unlock then reports why).
std::optional<kartla::buffer> tag_of(std::string_view identity_file) {
  kartla::buffer tag;
  if (kartla_identity_passphrase_key_tag(reinterpret_cast<const uint8_t*>(identity_file.data()), identity_file.size(),
                                         tag.out()) != KARTLA_OK)
    return std::nullopt;
  return tag;
}

}  // namespace

Connection::~Connection() {
  if (fd_ >= 0) ::close(fd_);
}

Connection::Connection(Connection&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

std::optional<size_t> Connection::exchange(const uint8_t* request, size_t len, uint8_t* reply) const {
  if (!send_message(fd_, request, len)) return std::nullopt;
  return receive_message(fd_, reply);
}

std::optional<Connection> connect_to_agent() {
  const std::string dir = directory();
  const std::string path = socket_path();
  if (::access(path.c_str(), F_OK) != 0) return std::nullopt;  // no agent: the usual case
  if (auto problem = directory_problem(dir)) {
    warn(fill(T("not using the agent: %s"), {*problem}));
    return std::nullopt;
  }
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) return std::nullopt;
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return std::nullopt;
  Connection owned(fd);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) return std::nullopt;  // stale
  // The agent must be this user's: a key offered to a socket someone else listens on is given away.
  if (!peer_is_same_user(fd)) {
    warn(fill(T("not using the agent: %s is served by another user"), {path}));
    return std::nullopt;
  }
  set_time_limits(fd, kAnswerSeconds);
  return owned;
}

std::optional<kartla::identity> unlock_with_agent(std::string_view identity_file) {
  std::optional<Connection> agent = connect_to_agent();
  if (!agent) return std::nullopt;
  const std::optional<kartla::buffer> tag = tag_of(identity_file);
  if (!tag || tag->size() != kTagBytes) return std::nullopt;
  uint8_t request[1 + kTagBytes] = {get_key};
  std::memcpy(request + 1, tag->data(), kTagBytes);
  uint8_t reply[kMaxMessageBytes] = {};
  const std::optional<size_t> len = agent->exchange(request, sizeof request, reply);
  std::optional<kartla::identity> unlocked;
  if (len == 1 + kKeyBytes && reply[0] == key_found) {
    kartla_identity* raw = nullptr;
    // A key that no longer opens the file (E_AUTH) means the passphrase changed: ask instead.
    if (kartla_identity_open_with_passphrase_key(reinterpret_cast<const uint8_t*>(identity_file.data()),
                                                 identity_file.size(), reply + 1, kKeyBytes, &raw) == KARTLA_OK)
      unlocked.emplace(raw);
  }
  wipe(reply, sizeof reply);
  return unlocked;
}

kartla::identity unlock_and_offer_to_agent(std::string_view identity_file, std::string_view passphrase) {
  // No socket, no agent: the key is not even exported.
  if (::access(socket_path().c_str(), F_OK) != 0) return kartla::identity::open(identity_file, passphrase);
  kartla_identity* raw = nullptr;
  kartla::buffer key;
  kartla::check(kartla_identity_open_insecure_export_key(
      reinterpret_cast<const uint8_t*>(identity_file.data()), identity_file.size(),
      reinterpret_cast<const uint8_t*>(passphrase.data()), passphrase.size(), &raw, key.out()));
  kartla::identity unlocked(raw);
  // Connected only now, after Argon2id: the agent serves one connection at a time and gives each
  // a few seconds, so a connection held open through the derivation would block it and be dropped.
  std::optional<Connection> agent = connect_to_agent();
  const std::optional<kartla::buffer> tag = tag_of(identity_file);
  if (agent && tag && tag->size() == kTagBytes && key.size() == kKeyBytes) {
    uint8_t request[1 + kTagBytes + kKeyBytes] = {add_key};
    std::memcpy(request + 1, tag->data(), kTagBytes);
    std::memcpy(request + 1 + kTagBytes, key.data(), kKeyBytes);
    uint8_t reply[kMaxMessageBytes] = {};
    const std::optional<size_t> len = agent->exchange(request, sizeof request, reply);
    wipe(request, sizeof request);
    // The unlock succeeded either way; an agent that did not take the key only costs a prompt later.
    if (!len || reply[0] != done) warn(T("the agent did not take the key; the next command will ask again"));
  }
  return unlocked;
}

}  // namespace kartla::cli::agent
