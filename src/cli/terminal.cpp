#include "terminal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "failure.h"

namespace kartla::cli {
namespace {

constexpr size_t kMaxSecret = 4096;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// Read by the signal handler: which terminal to restore, and to what.
volatile sig_atomic_t g_tty_fd = -1;
struct termios g_saved;

// C++ linkage is fine for a handler on every platform we build for (same calling convention);
// C linkage is reserved for src/capi by the layer rules.
void restore_and_reraise(int sig) {
  if (g_tty_fd >= 0) ::tcsetattr(g_tty_fd, TCSAFLUSH, &g_saved);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// Echo off for the lifetime of the object; the destructor (and the handler above, for a signal
// that would otherwise kill us mid-prompt) puts the terminal back as it was.
class EchoOff {
 public:
  EchoOff(int fd, const struct termios& saved) {
    g_saved = saved;
    g_tty_fd = fd;
    struct sigaction action {};
    action.sa_handler = restore_and_reraise;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < kCount; ++i) ::sigaction(kSignals[i], &action, &previous_[i]);
    struct termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHOE | ECHOK);
    quiet.c_lflag |= ECHONL;  // the Enter key still moves the cursor to the next line
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  ~EchoOff() {
    ::tcsetattr(g_tty_fd, TCSAFLUSH, &g_saved);
    for (size_t i = 0; i < kCount; ++i) ::sigaction(kSignals[i], &previous_[i], nullptr);
    g_tty_fd = -1;
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  static constexpr size_t kCount = sizeof kSignals / sizeof kSignals[0];
  struct sigaction previous_[kCount];
};

void write_text(int fd, const char* text) {
  size_t len = std::strlen(text);
  while (len > 0) {
    const ssize_t n = ::write(fd, text, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the prompt is a courtesy; reading decides success
    text += n;
    len -= static_cast<size_t>(n);
  }
}

}  // namespace

std::optional<Secret> prompt_hidden(const char* prompt) {
  const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct termios saved {};
  if (::tcgetattr(fd, &saved) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  Secret line;
  bool too_long = false;
  bool ended = false;
  {
    EchoOff quiet(fd, saved);
    write_text(fd, prompt);
    char c = 0;
    for (;;) {
      const ssize_t n = ::read(fd, &c, 1);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      if (c == '\n' || c == '\r') {
        ended = true;
        break;
      }
      if (line.size() == kMaxSecret) too_long = true;
      if (!too_long) line.push_back(c);
    }
    c = 0;
    if (!ended) write_text(fd, "\n");
  }
  ::close(fd);
  if (too_long) usage_error("the input is too long (at most " + std::to_string(kMaxSecret) + " bytes)");
  return line;
}

}  // namespace kartla::cli
