/* SPDX-License-Identifier: Apache-2.0 */
// The baseline: the same cryptographic work as a Kartla save or read, done directly with
// libsodium by a careful programmer, with ordinary (malloc) memory and no format around it.
//
// File image: signature (64) || manifest (kManifestBytes) || nonce (24) || ciphertext || tag (16).
// The manifest holds the sealed section key and the ciphertext's BLAKE2b-256 hash, like Kartla's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <sodium.h>

namespace bench {

// About the size of a Kartla manifest with one section (the signed message); Ed25519's cost
// barely depends on it.
inline constexpr size_t kManifestBytes = 256;
inline constexpr size_t kRawHeaderBytes = crypto_sign_BYTES + kManifestBytes;
inline constexpr size_t kRawOverhead =
    kRawHeaderBytes + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;

struct RawOwner {
  uint8_t sign_pk[crypto_sign_PUBLICKEYBYTES];
  uint8_t sign_sk[crypto_sign_SECRETKEYBYTES];
  uint8_t box_pk[crypto_box_PUBLICKEYBYTES];
  uint8_t box_sk[crypto_box_SECRETKEYBYTES];
};

RawOwner raw_owner_new();

// Save, crypto only: fresh section key, sealed to the owner; XChaCha20-Poly1305 encryption;
// BLAKE2b-256 of nonce || ciphertext || tag; Ed25519 signature of the manifest. Writes the file
// image into `image` (plaintext.size() + kRawOverhead bytes, caller-allocated).
void raw_seal(const RawOwner& owner, const uint8_t* plaintext, size_t len, uint8_t* image);

// Save with I/O: raw_seal into `image` (plaintext.size() + kRawOverhead bytes), or into a fresh
// malloc'd buffer when `image` is null, then writes it atomically the way Kartla does (temporary
// file, write, fsync, close, rename, fsync of the folder).
void raw_save_file(const RawOwner& owner, const std::vector<uint8_t>& plaintext, const std::string& path,
                   uint8_t* image);

// Read, crypto only: verify the signature, open the sealed key, hash and compare, decrypt into
// `plaintext` (image_len - kRawOverhead bytes, caller-allocated; may be the ciphertext itself,
// image + kRawHeaderBytes + nonce, as libsodium decrypts in place). Throws std::runtime_error on
// any failure.
void raw_open(const RawOwner& owner, const uint8_t* image, size_t image_len, uint8_t* plaintext);

// Read with I/O: open + fstat + read() of the whole file, close, then raw_open decrypting in place
// (the same memory shape as Kartla's read). The file is read into `buffer` (`capacity` bytes), or,
// when `buffer` is null, into a fresh malloc'd buffer freed before returning. Returns
// the first and last plaintext byte XOR'd, so the work cannot be optimised away; `check`
// (optional) is compared with the plaintext.
int raw_read_file(const RawOwner& owner, const std::string& path, const std::vector<uint8_t>* check,
                  uint8_t* buffer, size_t capacity);

// The file helpers both raw readers and writers use: an OS failure as an exception naming the
// call and the path, and a write of every byte (retried on EINTR).
[[noreturn]] void os_fail(const char* what, const std::string& path);
void write_all(int fd, const uint8_t* p, size_t n, const std::string& path);

}  // namespace bench
