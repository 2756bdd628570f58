/* SPDX-License-Identifier: Apache-2.0 */
// Shared by the tests that go through the public C ABI only (capi_*): the fixed clock and the
// cheapest Argon2id cost the library accepts, so identities are quick to make.
#pragma once

#include <ftw.h>
#include <stdlib.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>

#include "kartla/kartla.h"
#include "kartla/kartla.hpp"

namespace capi_test {

inline constexpr int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z

inline kartla_identity_options cheap_kdf() {
  kartla_identity_options o;
  kartla_identity_options_init(&o);
  o.kdf_memlimit_mib = 64;
  o.created_at = kNow - 86400;
  return o;
}

// A scratch folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    const char* base = getenv("TMPDIR");
    std::string templ = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/kartla-capi-XXXXXX";
    if (mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
  }
  ~TempDir() {
    nftw(path_.c_str(), [](const char* p, const struct stat*, int, struct FTW*) { return ::remove(p); }, 16,
         FTW_DEPTH | FTW_PHYS);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Every byte value, NULs and bytes that are not UTF-8 included, in a random order: what a PDF or
// a scanned image holds and what a JSON or text path would mangle.
inline std::string binary_file(size_t size, std::mt19937& rng) {
  std::string out(size, '\0');
  for (char& c : out) c = static_cast<char>(rng() & 0xff);
  return out;
}
inline std::string binary_file(size_t size, uint32_t seed) {
  std::mt19937 rng(seed);
  return binary_file(size, rng);
}

// The status a C++ wrapper call failed with (its kartla::error), KARTLA_OK if it did not.
inline kartla_status status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const kartla::error& e) {
    return e.status();
  }
  return KARTLA_OK;
}

}  // namespace capi_test
