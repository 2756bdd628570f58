// SPDX-License-Identifier: Apache-2.0
#include "raw_side.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace bench {
namespace {

constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr size_t kKey = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr size_t kSealedKey = kKey + crypto_box_SEALBYTES;
// Manifest layout: sealed key | ciphertext hash | the rest (ids, keys, sequence) left as filler.
constexpr size_t kHashAt = kSealedKey;
static_assert(kHashAt + crypto_generichash_BYTES <= kManifestBytes);

// Associated data the size of Kartla's (label, format version, record id, section, generation).
constexpr uint8_t kAd[46] = {'k', 'a', 'r', 't', 'l', 'a', '/', 'v', '1', '/', 's', 'e', 'c', 't', 'i', 'o', 'n'};


void read_all(int fd, uint8_t* p, size_t n, const std::string& path) {
  while (n > 0) {
    const ssize_t r = ::read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) os_fail("read", path);
    p += r;
    n -= static_cast<size_t>(r);
  }
}

std::string folder_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

[[noreturn]] void os_fail(const char* what, const std::string& path) {
  throw std::runtime_error(std::string(what) + " " + path + ": " + std::strerror(errno));
}

void write_all(int fd, const uint8_t* p, size_t n, const std::string& path) {
  while (n > 0) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) os_fail("write", path);
    p += w;
    n -= static_cast<size_t>(w);
  }
}

RawOwner raw_owner_new() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  RawOwner o;
  crypto_sign_keypair(o.sign_pk, o.sign_sk);
  crypto_box_keypair(o.box_pk, o.box_sk);
  return o;
}

void raw_seal(const RawOwner& owner, const uint8_t* plaintext, size_t len, uint8_t* image) {
  uint8_t* signature = image;
  uint8_t* manifest = image + crypto_sign_BYTES;
  uint8_t* body = image + kRawHeaderBytes;
  std::memset(manifest, 0, kManifestBytes);

  uint8_t key[kKey];
  crypto_aead_xchacha20poly1305_ietf_keygen(key);
  if (crypto_box_seal(manifest, key, kKey, owner.box_pk) != 0) throw std::runtime_error("crypto_box_seal failed");
  randombytes_buf(body, kNonce);
  crypto_aead_xchacha20poly1305_ietf_encrypt(body + kNonce, nullptr, plaintext, len, kAd, sizeof kAd, nullptr, body,
                                             key);
  sodium_memzero(key, sizeof key);
  crypto_generichash(manifest + kHashAt, crypto_generichash_BYTES, body, kNonce + len + kTag, nullptr, 0);
  crypto_sign_detached(signature, nullptr, manifest, kManifestBytes, owner.sign_sk);
}

void raw_save_file(const RawOwner& owner, const std::vector<uint8_t>& plaintext, const std::string& path,
                   uint8_t* image) {
  const size_t image_len = plaintext.size() + kRawOverhead;
  std::unique_ptr<uint8_t[]> fresh(image == nullptr ? new uint8_t[image_len] : nullptr);
  if (image == nullptr) image = fresh.get();
  raw_seal(owner, plaintext.data(), plaintext.size(), image);

  const std::string temp = path + ".tmp";
  const int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) os_fail("create", temp);
  write_all(fd, image, image_len, temp);
  if (::fsync(fd) != 0) os_fail("fsync", temp);
  if (::close(fd) != 0) os_fail("close", temp);
  if (::rename(temp.c_str(), path.c_str()) != 0) os_fail("rename", temp);
  const int dir = ::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0 || ::fsync(dir) != 0) os_fail("fsync folder of", path);
  ::close(dir);
}

void raw_open(const RawOwner& owner, const uint8_t* image, size_t image_len, uint8_t* plaintext) {
  if (image_len < kRawOverhead) throw std::runtime_error("raw file is truncated");
  const uint8_t* signature = image;
  const uint8_t* manifest = image + crypto_sign_BYTES;
  const uint8_t* body = image + kRawHeaderBytes;
  const size_t body_len = image_len - kRawHeaderBytes;

  if (crypto_sign_verify_detached(signature, manifest, kManifestBytes, owner.sign_pk) != 0)
    throw std::runtime_error("raw signature does not verify");
  uint8_t key[kKey];
  if (crypto_box_seal_open(key, manifest, kSealedKey, owner.box_pk, owner.box_sk) != 0)
    throw std::runtime_error("raw key does not unwrap");
  uint8_t hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, body, body_len, nullptr, 0);
  if (sodium_memcmp(hash, manifest + kHashAt, sizeof hash) != 0) throw std::runtime_error("raw hash mismatch");
  const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(plaintext, nullptr, nullptr, body + kNonce,
                                                            body_len - kNonce, kAd, sizeof kAd, body, key);
  sodium_memzero(key, sizeof key);
  if (rc != 0) throw std::runtime_error("raw ciphertext does not authenticate");
}

int raw_read_file(const RawOwner& owner, const std::string& path, const std::vector<uint8_t>* check,
                  uint8_t* buffer, size_t capacity) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) os_fail("open", path);
  struct stat st {};
  if (::fstat(fd, &st) != 0) os_fail("fstat", path);
  const size_t image_len = static_cast<size_t>(st.st_size);
  if (image_len < kRawOverhead) throw std::runtime_error("raw file is truncated");
  if (buffer != nullptr && image_len > capacity) throw std::runtime_error("raw file is larger than the buffer");
  // new[] without () leaves the memory untouched, like malloc: its pages are faulted in by read().
  std::unique_ptr<uint8_t[]> fresh(buffer == nullptr ? new uint8_t[image_len] : nullptr);
  uint8_t* image = buffer != nullptr ? buffer : fresh.get();
  read_all(fd, image, image_len, path);
  ::close(fd);

  const size_t len = image_len - kRawOverhead;
  uint8_t* plaintext = image + kRawHeaderBytes + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  raw_open(owner, image, image_len, plaintext);
  if (check != nullptr && (check->size() != len || std::memcmp(check->data(), plaintext, len) != 0))
    throw std::runtime_error("raw read returned other bytes than were saved");
  return len == 0 ? 0 : plaintext[0] ^ plaintext[len - 1];
}

}  // namespace bench
