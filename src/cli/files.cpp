#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "failure.h"

namespace kartla::cli {
namespace {

std::string describe_errno(int err) { return std::strerror(err); }

[[noreturn]] void io_failure(const std::string& what, const std::string& path, int err) {
  io_error("cannot " + what + " " + path + ": " + describe_errno(err));
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { int fd = fd_; fd_ = -1; return fd; }

 private:
  int fd_;
};

int open_for_reading(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) io_failure("read", path, errno);
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    usage_error(path + " is a directory, not a file");  // the library's class for it, too
  }
  return fd;
}

// One read(2), retried on EINTR; 0 at end of file.
size_t read_some(int fd, char* buf, size_t len, const std::string& path) {
  for (;;) {
    const ssize_t n = ::read(fd, buf, len);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno != EINTR) io_failure("read", path, errno);
  }
}

void write_all(int fd, std::string_view data, const std::string& what) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      io_failure("write", what, errno);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
}

std::string directory_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

Secret read_input(const std::string& path, size_t max_bytes) {
  const bool is_stdin = path == "-";
  Fd fd(is_stdin ? ::dup(0) : open_for_reading(path));
  const std::string name = is_stdin ? std::string("standard input") : path;
  if (fd.get() < 0) io_failure("read", name, errno);
  Secret out;
  char chunk[16384];
  while (out.size() <= max_bytes) {
    const size_t want = std::min(sizeof chunk, max_bytes + 1 - out.size());
    const size_t n = read_some(fd.get(), chunk, want, name);
    if (n == 0) break;
    out.append(std::string_view(chunk, n));
  }
  wipe(chunk, sizeof chunk);
  return out;
}

Secret read_first_line(const std::string& path, std::string_view what) {
  // Passphrases and recovery codes are short; a longer "line" is the wrong file.
  constexpr size_t kMaxLine = 4096;
  Fd fd(open_for_reading(path));
  Secret line;
  char c = 0;
  while (read_some(fd.get(), &c, 1, path) == 1 && c != '\n') {
    if (line.size() == kMaxLine) usage_error(path + ": the first line is too long to be a " + std::string(what));
    line.push_back(c);
  }
  c = 0;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

bool path_exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

void check_readable(const std::string& path) { Fd fd(open_for_reading(path)); }

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {};
  struct stat sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void remove_file(const std::string& path) noexcept { ::unlink(path.c_str()); }

void check_new_output(const std::string& path) {
  if (path_exists(path)) usage_error(path + " already exists; refusing to overwrite it");
  const std::string dir = directory_of(path);
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) io_failure("write", path, errno);
  if (!S_ISDIR(st.st_mode)) io_failure("write", path, ENOTDIR);
}

void write_file_atomically(const std::string& path, std::string_view data, bool overwrite, unsigned mode) {
  const std::string dir = directory_of(path);
  std::string temp = dir + "/.kartla-tmp-XXXXXX";
  Fd fd(::mkstemp(temp.data()));
  if (fd.get() < 0) io_failure("write", path, errno);
  try {
    // mkstemp makes the file 0600; give it the mode asked for, under the umask.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd.get(), static_cast<mode_t>(mode) & ~mask) != 0) io_failure("write", path, errno);
    write_all(fd.get(), data, path);
    if (::fsync(fd.get()) != 0) io_failure("write", path, errno);
    if (::close(fd.release()) != 0) io_failure("write", path, errno);
    if (overwrite) {
      if (::rename(temp.c_str(), path.c_str()) != 0) io_failure("write", path, errno);
    } else {
      if (::link(temp.c_str(), path.c_str()) != 0) {
        if (errno == EEXIST) usage_error(path + " already exists; refusing to overwrite it");
        io_failure("write", path, errno);
      }
      ::unlink(temp.c_str());
    }
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
  // The rename is durable only once the directory entry is.
  Fd dirfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dirfd.get() < 0 || ::fsync(dirfd.get()) != 0) io_failure("write", path, errno);
}

void write_stdout(std::string_view text) { write_all(1, text, "standard output"); }

}  // namespace kartla::cli
