// SPDX-License-Identifier: Apache-2.0
#include "crypto/encoding.h"

#include <sodium.h>

#include "crypto/init.h"

namespace kartla::crypto {

std::string to_hex(ByteView bytes) {
  ensure_initialized();
  std::string out(bytes.size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes.data, bytes.size);
  out.pop_back();
  return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
  ensure_initialized();
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out(hex.size() / 2, '\0');
  size_t written = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(),
                     nullptr, &written, &end) != 0 ||
      written != out.size() || end != hex.data() + hex.size())
    return std::nullopt;
  return out;
}

std::optional<SecretBuffer> secret_from_hex(ByteView hex, size_t size, const char* ignore) {
  ensure_initialized();
  SecretBuffer out(size);
  size_t written = 0;
  const char* end = nullptr;
  const char* text = reinterpret_cast<const char*>(hex.data);
  if (sodium_hex2bin(out.data(), out.size(), text, hex.size, ignore, &written, &end) != 0 ||
      written != size || end != text + hex.size)
    return std::nullopt;
  return out;
}

SecretBuffer secret_to_hex(const SecretBuffer& bytes) {
  ensure_initialized();
  SecretBuffer out(bytes.size() * 2 + 1);
  sodium_bin2hex(reinterpret_cast<char*>(out.data()), out.size(), bytes.data(), bytes.size());
  out.truncate(bytes.size() * 2);
  return out;
}

}  // namespace kartla::crypto
