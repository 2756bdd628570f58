// SPDX-License-Identifier: Apache-2.0
// `kartla agent start|status|stop|forget` (docs/AGENT.md): the person's own agent, which keeps
// the passphrase keys of the identities they unlock so a run of commands asks once.
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "agent_client.h"
#include "agent_server.h"
#include "agent_socket.h"
#include "commands.h"
#include "files.h"
#include "info_text.h"
#include "messages.h"
#include "output.h"

namespace kartla::cli {
namespace {

constexpr uint64_t kDefaultLifetimeSeconds = 15 * 60;
constexpr uint64_t kMaxLifetimeSeconds = 7 * 24 * 3600;

// "90", "90s", "15m", "8h", "1d": how long the agent keeps each key.
uint64_t parse_lifetime(const std::string& text) {
  uint64_t unit = 1;
  std::string digits = text;
  if (!digits.empty()) {
    switch (digits.back()) {
      case 's': unit = 1; digits.pop_back(); break;
      case 'm': unit = 60; digits.pop_back(); break;
      case 'h': unit = 3600; digits.pop_back(); break;
      case 'd': unit = 86400; digits.pop_back(); break;
      default: break;
    }
  }
  const uint64_t seconds = parse_unsigned(digits, "--timeout", kMaxLifetimeSeconds) * unit;
  if (seconds == 0 || seconds > kMaxLifetimeSeconds)
    usage_error(fill(T("--timeout must be between 1 second and 7 days, not '%s'"), {text}));
  return seconds;
}

std::string lifetime_text(uint64_t seconds) {
  if (seconds % 3600 == 0) return std::to_string(seconds / 3600) + "h";
  if (seconds % 60 == 0) return std::to_string(seconds / 60) + "m";
  return std::to_string(seconds) + "s";
}

// The agent's process: no core file, no ptrace, no terminal, no files of the command's left open.
void become_agent() {
  ::setsid();
  const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  // stdout and stderr may be the pipe of whoever ran `agent start` (a script, a test): holding
  // them open would keep that reader waiting for as long as the agent lives.
  if (null >= 0) {
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    if (null > 2) ::close(null);
  }
  if (::chdir("/") != 0) _exit(1);
  // main() did both already; the agent holds keys for hours, so it says so itself.
  const struct rlimit no_core = {0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

// A listening socket at `path`, 0600 from the start (umask), in the private directory.
int listen_at(const std::string& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) usage_error(fill(T("the agent's socket path is too long: %s"), {path}));
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) io_error(fill(T("cannot create the agent's socket: %s"), {std::strerror(errno)}));
  const mode_t previous = ::umask(077);
  const int bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
  const int bind_error = errno;
  ::umask(previous);
  if (bound != 0 || ::chmod(path.c_str(), 0600) != 0 || ::listen(fd, 16) != 0) {
    ::close(fd);
    io_error(fill(T("cannot listen at %s: %s"), {path, std::strerror(bound != 0 ? bind_error : errno)}));
  }
  return fd;
}

struct AgentStatus {
  uint64_t keys = 0;
  uint64_t lifetime = 0;
  uint64_t pid = 0;
};

uint64_t get_u64(const uint8_t* in) {
  uint64_t value = 0;
  for (int i = 7; i >= 0; --i) value = (value << 8) | in[i];
  return value;
}

std::optional<AgentStatus> ask_status(const agent::Connection& connection) {
  const uint8_t request[1] = {agent::ask_status};
  uint8_t reply[agent::kMaxMessageBytes] = {};
  const std::optional<size_t> len = connection.exchange(request, 1, reply);
  if (!len || *len != 25 || reply[0] != agent::status) return std::nullopt;
  return AgentStatus{get_u64(reply + 1), get_u64(reply + 9), get_u64(reply + 17)};
}

// Sends a request whose answer is `done`; a Failure if no agent runs or it did not answer.
void ask(uint8_t what) {
  std::optional<agent::Connection> connection = agent::connect_to_agent();
  if (!connection) throw Failure(Exit::not_available, T("no agent is running"));
  const uint8_t request[1] = {what};
  uint8_t reply[agent::kMaxMessageBytes] = {};
  const std::optional<size_t> len = connection->exchange(request, 1, reply);
  if (!len || reply[0] != agent::done) throw Failure(Exit::io, T("the agent did not answer"));
}

}  // namespace

Exit run_agent_start(const Args& args) {
  args.expect_positionals({});
  const uint64_t lifetime = parse_lifetime(args.value("--timeout").value_or("15m"));
  agent::make_private_directory(agent::directory());
  const std::string path = agent::socket_path();
  if (std::optional<agent::Connection> running = agent::connect_to_agent()) {
    if (std::optional<AgentStatus> status = ask_status(*running))
      usage_error(fill(T("an agent is already running (process %s); 'kartla agent stop' ends it"),
                       {std::to_string(status->pid)}));
  }
  ::unlink(path.c_str());  // a socket left by an agent that was killed: nobody listens on it
  const int fd = listen_at(path);
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fd);
    ::unlink(path.c_str());
    io_error(fill(T("cannot start the agent: %s"), {std::strerror(errno)}));
  }
  if (child == 0) {
    become_agent();
    agent::serve(fd, path, lifetime);
    _exit(0);
  }
  ::close(fd);
  // The socket listened before the fork, so the agent answers from this moment on.
  inform(fill(T("Agent started (process %1$s), listening at %2$s.\n"
                      "It keeps each passphrase key %3$s after a command gives it; 'kartla agent stop' ends it.\n"),
                    {std::to_string(child), path, lifetime_text(lifetime)}));
  return Exit::ok;
}

Exit run_agent_status(const Args& args) {
  args.expect_positionals({});
  std::optional<agent::Connection> connection = agent::connect_to_agent();
  std::optional<AgentStatus> status;
  if (connection) status = ask_status(*connection);
  if (!status) throw Failure(Exit::not_available, T("no agent is running"));
  write_stdout(fill(TN("Agent running (process %1$s) at %2$s: %3$s key held, each for %4$s.\n",
                       "Agent running (process %1$s) at %2$s: %3$s keys held, each for %4$s.\n", status->keys),
                    {std::to_string(status->pid), agent::socket_path(), std::to_string(status->keys),
                     lifetime_text(status->lifetime)}));
  return Exit::ok;
}

Exit run_agent_stop(const Args& args) {
  args.expect_positionals({});
  ask(agent::stop_agent);
  inform(T("Agent stopped; every key it held is wiped.\n"));
  return Exit::ok;
}

Exit run_agent_forget(const Args& args) {
  args.expect_positionals({});
  ask(agent::forget_all);
  inform(T("The agent has wiped every key it held; the next command asks for the passphrase.\n"));
  return Exit::ok;
}

}  // namespace kartla::cli
