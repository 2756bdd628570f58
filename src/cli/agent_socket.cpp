// SPDX-License-Identifier: Apache-2.0
// The agent's directory, socket and messages (agent_socket.h, docs/AGENT.md).
#include "agent_socket.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdlib>

#include "messages.h"
#include "output.h"

namespace kartla::cli::agent {

std::string directory() {
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  // XDG_RUNTIME_DIR is the user's own 0700 directory on a tmpfs (systemd's pam_systemd): the
  // key never reaches a disk even as a socket name. Without one, /tmp, checked the same way.
  if (runtime != nullptr && runtime[0] == '/') return std::string(runtime) + "/kartla";
  return "/tmp/kartla-" + std::to_string(::getuid());
}

std::string socket_path() { return directory() + "/agent.sock"; }

std::optional<std::string> directory_problem(const std::string& dir) {
  struct stat st {};
  // lstat: a symbolic link planted in /tmp by someone else must not lead us to their directory.
  if (::lstat(dir.c_str(), &st) != 0) return fill(T("%s cannot be examined: %s"), {dir, std::strerror(errno)});
  if (!S_ISDIR(st.st_mode)) return fill(T("%s is not a directory"), {dir});
  if (st.st_uid != ::getuid()) return fill(T("%s belongs to another user"), {dir});
  if ((st.st_mode & 077) != 0) return fill(T("%s can be reached by other users (it must be 0700)"), {dir});
  return std::nullopt;
}

void make_private_directory(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    io_error(fill(T("cannot create %s: %s"), {dir, std::strerror(errno)}));
  if (auto problem = directory_problem(dir)) usage_error(fill(T("refusing to use the agent's directory: %s"), {*problem}));
}

bool peer_is_same_user(int fd) {
  struct ucred cred {};
  socklen_t len = sizeof cred;
  if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || len != sizeof cred) return false;
  return cred.uid == ::getuid();
}

namespace {

bool write_all(int fd, const uint8_t* data, size_t len) {
  while (len > 0) {
    const ssize_t n = ::send(fd, data, len, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    len -= static_cast<size_t>(n);
  }
  return true;
}

bool read_all(int fd, uint8_t* data, size_t len) {
  while (len > 0) {
    const ssize_t n = ::recv(fd, data, len, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    len -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool send_message(int fd, const uint8_t* data, size_t len) {
  if (len == 0 || len > kMaxMessageBytes) return false;
  const uint8_t length = static_cast<uint8_t>(len);
  return write_all(fd, &length, 1) && write_all(fd, data, len);
}

std::optional<size_t> receive_message(int fd, uint8_t* out) {
  uint8_t length = 0;
  // The length is checked before anything is read into `out`.
  if (!read_all(fd, &length, 1) || length == 0 || length > kMaxMessageBytes) return std::nullopt;
  if (!read_all(fd, out, length)) return std::nullopt;
  return length;
}

void set_time_limits(int fd, int seconds) {
  struct timeval limit {};
  limit.tv_sec = seconds;
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
}

}  // namespace kartla::cli::agent
