// SPDX-License-Identifier: Apache-2.0
// The agent's loop and the keys it keeps (agent_server.h).
#include "agent_server.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <vector>

#include "agent_socket.h"
#include "kartla/kartla.hpp"
#include "secrets.h"

namespace kartla::cli::agent {
namespace {

// A person has a few identity files (their own; a caseworker an agency's too). The bound keeps a
// flood of additions from growing the agent's locked memory without limit.
constexpr size_t kMaxKeys = 64;
// How long one command may take to send its request: a silent peer cannot hold the agent.
constexpr int kRequestSeconds = 2;

volatile sig_atomic_t g_stop_signal = 0;
void note_stop(int) { g_stop_signal = 1; }

int64_t now_seconds() {
  struct timespec ts {};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);  // not the wall clock: changing the date extends nothing
  return ts.tv_sec;
}

struct HeldKey {
  std::array<uint8_t, kTagBytes> tag{};
  kartla::buffer key;  // guarded memory, wiped when the buffer goes
  int64_t forget_at = 0;
};

class Keys {
 public:
  explicit Keys(uint64_t lifetime) : lifetime_(static_cast<int64_t>(lifetime)) {}

  const HeldKey* find(const uint8_t* tag) const {
    for (const HeldKey& held : keys_)
      if (std::memcmp(held.tag.data(), tag, kTagBytes) == 0) return &held;
    return nullptr;
  }

  bool add(const uint8_t* tag, const uint8_t* key) {
    forget_expired();
    HeldKey held;
    std::memcpy(held.tag.data(), tag, kTagBytes);
    if (kartla_buffer_copy(key, kKeyBytes, held.key.out()) != KARTLA_OK) return false;
    held.forget_at = now_seconds() + lifetime_;
    for (HeldKey& existing : keys_)
      if (existing.tag == held.tag) {
        existing = std::move(held);  // the old buffer is wiped as it is replaced
        return true;
      }
    if (keys_.size() == kMaxKeys) return false;
    keys_.push_back(std::move(held));
    return true;
  }

  void forget_expired() {
    const int64_t now = now_seconds();
    std::vector<HeldKey> kept;
    for (HeldKey& held : keys_)
      if (held.forget_at > now) kept.push_back(std::move(held));
    keys_ = std::move(kept);  // the expired buffers are wiped as the old vector goes
  }

  void forget_all() { keys_.clear(); }

  // Milliseconds until the next key is due to be forgotten, or -1 (wait for ever).
  int wait_ms() const {
    if (keys_.empty()) return -1;
    int64_t soonest = keys_.front().forget_at;
    for (const HeldKey& held : keys_) soonest = std::min(soonest, held.forget_at);
    const int64_t ms = (soonest - now_seconds()) * 1000;
    return ms <= 0 ? 0 : ms > 3600000 ? 3600000 : static_cast<int>(ms) + 1;
  }

  size_t count() const { return keys_.size(); }
  uint64_t lifetime() const { return static_cast<uint64_t>(lifetime_); }

 private:
  int64_t lifetime_;
  std::vector<HeldKey> keys_;
};

void put_u64(uint8_t* out, uint64_t value) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<uint8_t>(value >> (8 * i));
}

// One request from one connection. Returns false when the request was to stop.
bool answer(int fd, Keys& keys) {
  uint8_t request[kMaxMessageBytes] = {};
  uint8_t reply[kMaxMessageBytes] = {};
  size_t reply_len = 1;
  bool keep_running = true;
  const std::optional<size_t> len = receive_message(fd, request);
  if (!len) return true;
  keys.forget_expired();  // a key past its time is never handed out, even if the timer is late
  switch (request[0]) {
    case get_key:
      if (*len != 1 + kTagBytes) return true;
      if (const HeldKey* held = keys.find(request + 1)) {
        reply[0] = key_found;
        std::memcpy(reply + 1, held->key.data(), kKeyBytes);
        reply_len = 1 + kKeyBytes;
      } else {
        reply[0] = key_unknown;
      }
      break;
    case add_key:
      if (*len != 1 + kTagBytes + kKeyBytes || !keys.add(request + 1, request + 1 + kTagBytes)) {
        wipe(request, sizeof request);
        return true;  // no reply: the command warns that the key was not taken
      }
      reply[0] = done;
      break;
    case ask_status:
      reply[0] = status;
      put_u64(reply + 1, keys.count());
      put_u64(reply + 9, keys.lifetime());
      put_u64(reply + 17, static_cast<uint64_t>(::getpid()));
      reply_len = 25;
      break;
    case forget_all:
      keys.forget_all();
      reply[0] = done;
      break;
    case stop_agent:
      keys.forget_all();  // wiped before the reply, so `stop` returning means they are gone
      reply[0] = done;
      keep_running = false;
      break;
    default:
      return true;
  }
  send_message(fd, reply, reply_len);
  wipe(request, sizeof request);
  wipe(reply, sizeof reply);
  return keep_running;
}

}  // namespace

void serve(int listening_fd, const std::string& socket_path, uint64_t key_lifetime_seconds) {
  // The signals that end the agent are blocked except while it waits in ppoll, so one cannot
  // slip in between the check of g_stop_signal and the wait.
  sigset_t ending;
  sigemptyset(&ending);
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&ending, sig);
  sigset_t while_waiting;
  ::sigprocmask(SIG_BLOCK, &ending, &while_waiting);
  struct sigaction action {};
  action.sa_handler = note_stop;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) ::sigaction(sig, &action, nullptr);

  Keys keys(key_lifetime_seconds);
  bool running = true;
  while (running && g_stop_signal == 0) {
    struct pollfd waiting {listening_fd, POLLIN, 0};
    const int wait_ms = keys.wait_ms();
    struct timespec limit {wait_ms / 1000, (wait_ms % 1000) * 1000000L};
    const int ready = ::ppoll(&waiting, 1, wait_ms < 0 ? nullptr : &limit, &while_waiting);
    keys.forget_expired();
    if (ready <= 0) continue;  // a timeout (keys forgotten above) or a signal (checked above)
    const int fd = ::accept4(listening_fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    // The directory is 0700 and the socket 0600, but the kernel's word on who connected is the
    // check that holds even if someone loosens them: another user gets no answer at all.
    if (peer_is_same_user(fd)) {
      set_time_limits(fd, kRequestSeconds);
      running = answer(fd, keys);
    }
    ::close(fd);
  }
  keys.forget_all();
  ::unlink(socket_path.c_str());
  ::close(listening_fd);
}

}  // namespace kartla::cli::agent
