// SPDX-License-Identifier: Apache-2.0
// Secrets on the command line (secrets.h): wiped memory, the prompt with echo off (restored on
// every path out, signals included), the order in which passphrase sources are tried, unlocking.
#include "secrets.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>  // explicit_bzero (glibc)
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <utility>

#include "agent_client.h"
#include "args.h"
#include "file_kinds.h"
#include "files.h"
#include "info_text.h"
#include "messages.h"
#include "output.h"
#include "passphrase_strength.h"

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

// Prompts on /dev/tty and reads one line without echoing it. Returns nullopt when there is no
// terminal (a pipeline, CI, a daemon). The terminal's settings are restored on every path out,
// including SIGINT, SIGTERM, SIGHUP and SIGQUIT while the prompt is showing.
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
  if (too_long) usage_error(fill(T("the input is too long (at most %s bytes)"), {std::to_string(kMaxSecret)}));
  return line;
}

// How many times a new passphrase may be typed twice before the command gives up.
constexpr int kConfirmAttempts = 3;

void write_text_to_tty(const std::string& text) {
  const int fd = ::open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return;
  write_text(fd, text.c_str());
  ::close(fd);
}

// What is said about one kind of secret: whole sentences (catalogue messages, marked N_), since
// a translation of "the two %ss" or "the %s from" cannot put the noun in its right form.
struct Words {
  const char* what;      // "passphrase", in "FILE: the first line is too long to be a passphrase"
  const char* empty;     // "the passphrase from %s is empty"
  const char* none;      // "no passphrase: set %1$s, use %2$s FILE, or run kartla on a terminal"
  const char* repeat;    // "Repeat the passphrase: "
  const char* mismatch;  // "the two passphrases do not match"
  const char* retype;    // "The two passphrases do not match; type them again."
};

const Words kPassphraseWords = {
    N_("passphrase"), N_("the passphrase from %s is empty"),
    N_("no passphrase: set %1$s, use %2$s FILE, or run kartla on a terminal"), N_("Repeat the passphrase: "),
    N_("the two passphrases do not match"), N_("The two passphrases do not match; type them again.")};
const Words kNewPassphraseWords = {
    N_("new passphrase"), N_("the new passphrase from %s is empty"),
    N_("no new passphrase: set %1$s, use %2$s FILE, or run kartla on a terminal"),
    N_("Repeat the new passphrase: "), N_("the two new passphrases do not match"),
    N_("The two new passphrases do not match; type them again.")};
const Words kRecoveryCodeWords = {
    N_("recovery code"), N_("the recovery code from %s is empty"),
    N_("no recovery code: set %1$s, use %2$s FILE, or run kartla on a terminal"),
    N_("Repeat the recovery code: "), N_("the two recovery codes do not match"),
    N_("The two recovery codes do not match; type them again.")};

struct Source {
  const Words& words;
  const char* file_option;  // "--passphrase-file"
  const char* env;          // "KARTLA_PASSPHRASE"
  std::string prompt;
  bool confirm;             // ask twice on a terminal; a new passphrase, judged for weakness
};

// A question on /dev/tty answered with a visible line: true for y or yes (in the run's language:
// the catalogue gives the word). Anything else, or no terminal, is no.
bool ask_yes(const std::string& question) {
  const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return false;
  write_text(fd, question.c_str());
  std::string answer;
  char c = 0;
  for (;;) {
    const ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || c == '\n' || c == '\r' || answer.size() > 16) break;
    answer.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  ::close(fd);
  return answer == "y" || answer == "yes" || answer == TC("answer to a yes/no question", "y") ||
         answer == TC("answer to a yes/no question", "yes");
}

// A new passphrase that was not typed (a file, an environment variable: a script) is used, with a
// warning when it is weak: nobody is there to answer a question.
void warn_if_weak(const Secret& passphrase) {
  if (const std::optional<std::string> weakness = passphrase_weakness(passphrase.view()))
    warn(fill(T("the new passphrase is weak: %s (it is used, since it was not typed; change it with "
                "'kartla identity passwd')"),
              {*weakness}));
}

// A typed new passphrase that is weak: the person chooses (true: keep it).
bool keep_weak_typed(const Secret& passphrase) {
  const std::optional<std::string> weakness = passphrase_weakness(passphrase.view());
  if (!weakness) return true;
  write_text_to_tty(fill(T("This passphrase is weak: %s."), {*weakness}) + "\n");
  return ask_yes(T("Use it anyway? [y/N] "));
}

Secret non_empty(Secret secret, const Source& source, const std::string& from) {
  if (secret.empty()) usage_error(fill(T(source.words.empty), {from}));
  return secret;
}

Secret obtain(const Args& args, const Source& source) {
  if (auto file = args.value(source.file_option)) {
    Secret given = non_empty(read_first_line(*file, T(source.words.what)), source, *file);
    if (source.confirm) warn_if_weak(given);
    return given;
  }
  if (const char* env = std::getenv(source.env)) {
    Secret given = non_empty(Secret(env), source, source.env);
    if (source.confirm) warn_if_weak(given);
    return given;
  }

  std::optional<Secret> typed = prompt_hidden(source.prompt.c_str());
  if (!typed)
    usage_error(fill(T(source.words.none), {source.env, source.file_option}));
  Secret first = non_empty(std::move(*typed), source, T("the terminal"));
  // A weak one is said before it is repeated; choosing another costs one question.
  for (int attempt = 1; source.confirm && !keep_weak_typed(first); ++attempt) {
    if (attempt == kConfirmAttempts) usage_error(T("no passphrase chosen; run the command again"));
    std::optional<Secret> other = prompt_hidden(source.prompt.c_str());
    if (!other) usage_error(fill(T(source.words.none), {source.env, source.file_option}));
    first = non_empty(std::move(*other), source, T("the terminal"));
  }
  // A mistyped repetition costs the person a retry, not the whole command (as passwd(1) does);
  // after a few mismatches something else is wrong, and the command stops.
  for (int attempt = 1; source.confirm; ++attempt) {
    std::optional<Secret> again = prompt_hidden(T(source.words.repeat));
    if (again && again->view() == first.view()) break;
    if (!again || attempt == kConfirmAttempts)
      usage_error(T(source.words.mismatch));
    write_text_to_tty(std::string(T(source.words.retype)) + "\n");
    std::optional<Secret> retyped = prompt_hidden(source.prompt.c_str());
    if (!retyped) usage_error(T(source.words.mismatch));
    first = non_empty(std::move(*retyped), source, T("the terminal"));
  }
  return first;
}

}  // namespace

void wipe(void* data, size_t len) noexcept {
  if (data != nullptr && len != 0) explicit_bzero(data, len);
}

Secret::Secret(Secret&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

Secret& Secret::operator=(Secret&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

void Secret::append(std::string_view text) {
  if (text.empty()) return;
  if (text.size() > capacity_ - size_) {
    size_t wanted = capacity_ < 64 ? 64 : capacity_;
    while (wanted - size_ < text.size()) wanted *= 2;
    reserve(wanted);
  }
  std::memcpy(data_ + size_, text.data(), text.size());
  size_ += text.size();
}

void Secret::pop_back() {
  if (size_ == 0) return;
  --size_;
  wipe(data_ + size_, 1);
}

void Secret::clear() {
  wipe(data_, size_);
  size_ = 0;
}

// Growth copies into a fresh block and wipes the old one, so no stale copy survives a realloc.
void Secret::reserve(size_t capacity) {
  char* grown = new char[capacity];
  if (size_ != 0) std::memcpy(grown, data_, size_);
  char* old = data_;
  const size_t old_capacity = capacity_;
  data_ = grown;
  capacity_ = capacity;
  wipe(old, old_capacity);
  delete[] old;
}

void Secret::release() noexcept {
  wipe(data_, capacity_);
  delete[] data_;
  data_ = nullptr;
  size_ = 0;
  capacity_ = 0;
}

SlowStep::SlowStep(const std::string& what) {
  if (quiet() || ::isatty(2) != 1) return;
  write_text(2, terminal_safe(what).c_str());
  shown_ = true;
}

SlowStep::~SlowStep() {
  // Back to the start of the line and clear it: what follows starts on a clean line.
  if (shown_) write_text(2, "\r\033[K");
}

Secret current_passphrase(const Args& args, const std::string& identity_path) {
  return obtain(args, {kPassphraseWords, "--passphrase-file", "KARTLA_PASSPHRASE",
                       fill(T("Passphrase for %s: "), {terminal_safe(identity_path)}), false});
}

Secret first_passphrase(const Args& args) {
  return obtain(args, {kPassphraseWords, "--passphrase-file", "KARTLA_PASSPHRASE", T("New passphrase: "), true});
}

Secret replacement_passphrase(const Args& args) {
  return obtain(args,
                {kNewPassphraseWords, "--new-passphrase-file", "KARTLA_NEW_PASSPHRASE", T("New passphrase: "), true});
}

Secret recovery_code(const Args& args, const std::string& identity_path) {
  return obtain(args, {kRecoveryCodeWords, "--recovery-code-file", "KARTLA_RECOVERY_CODE",
                       fill(T("Recovery code for %s: "), {terminal_safe(identity_path)}), false});
}

kartla::identity unlock_identity(const std::string& path, const Args& args, AgentUse agent_use) {
  const Secret file = read_kartla_file(path, FileKind::identity, kSmallFileReadLimit);
  const bool use_agent = agent_use == AgentUse::unless_no_agent && !args.flag("--no-agent");
  // A running agent that holds this file's key spares the person the prompt and Argon2id.
  if (use_agent)
    if (std::optional<kartla::identity> unlocked = agent::unlock_with_agent(file.view())) return std::move(*unlocked);
  const Secret passphrase = current_passphrase(args, path);
  const SlowStep deriving(fill(T("Unlocking %s (Argon2id: a few seconds)..."), {path}));
  try {
    if (use_agent) return agent::unlock_and_offer_to_agent(file.view(), passphrase.view());
    return kartla::identity::open(file.view(), passphrase.view());
  } catch (const kartla::error& e) {
    // The one failure a person can do something about on their own.
    if (e.status() != KARTLA_E_AUTH) throw;
    throw kartla::error(e.status(), fill(T("%1$s (forgot it? 'kartla identity recover %2$s')"), {library_error_text(e), path}));
  }
}

}  // namespace kartla::cli
