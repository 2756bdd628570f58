// SPDX-License-Identifier: Apache-2.0
#include "crypto/aead_stream_open.h"

#include <sodium.h>

#include <cstring>

#include "base/error.h"
#include "crypto/aead.h"

namespace kartla::crypto {
namespace {

constexpr uint8_t kZeros[16] = {};
constexpr uint64_t kBlockBytes = 64;

static_assert(sizeof(crypto_onetimeauth_poly1305_state) <= 256, "mac_state_ too small");

crypto_onetimeauth_poly1305_state* state_of(unsigned char* b) {
  return reinterpret_cast<crypto_onetimeauth_poly1305_state*>(b);
}

void put_u64le(uint8_t* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<uint8_t>(v >> (8 * i));
}

}  // namespace

StreamOpen::StreamOpen(const SecretBuffer& key, ByteView nonce, ByteView associated_data, uint64_t ciphertext_length)
    : subkey_(crypto_core_hchacha20_OUTPUTBYTES),
      ad_length_(associated_data.size),
      expected_(ciphertext_length) {
  if (key.size() != kAeadKeyBytes || nonce.size != kAeadNonceBytes)
    fail(Code::internal, "StreamOpen needs a 32-byte key and a 24-byte nonce");
  crypto_core_hchacha20(subkey_.data(), nonce.data, key.data(), nullptr);
  std::memcpy(nonce_ + 4, nonce.data + 16, 8);
  SecretBuffer block0(kBlockBytes);
  crypto_stream_chacha20_ietf(block0.data(), block0.size(), nonce_, subkey_.data());
  crypto_onetimeauth_poly1305_init(state_of(mac_state_), block0.data());
  crypto_onetimeauth_poly1305_update(state_of(mac_state_), associated_data.data, associated_data.size);
  crypto_onetimeauth_poly1305_update(state_of(mac_state_), kZeros, (0x10 - ad_length_) & 0xf);
}

StreamOpen::~StreamOpen() { sodium_memzero(mac_state_, sizeof mac_state_); }

void StreamOpen::authenticate(ByteView ciphertext) {
  if (finished_ || ciphertext.size > expected_ - seen_) fail(Code::integrity, "decryption failed");
  crypto_onetimeauth_poly1305_update(state_of(mac_state_), ciphertext.data, ciphertext.size);
  seen_ += ciphertext.size;
}

void StreamOpen::decrypt(uint64_t offset, ByteView ciphertext, uint8_t* out) const {
  if (offset % kBlockBytes != 0 || offset > expected_ || ciphertext.size > expected_ - offset)
    fail(Code::internal, "StreamOpen::decrypt outside the ciphertext or off a block boundary");
  // Block 0 keyed Poly1305; the text starts at block 1.
  crypto_stream_chacha20_ietf_xor_ic(out, ciphertext.data, ciphertext.size, nonce_,
                                     static_cast<uint32_t>(1 + offset / kBlockBytes), subkey_.data());
}

bool StreamOpen::finish(ByteView tag) {
  if (finished_) fail(Code::internal, "StreamOpen::finish called twice");
  finished_ = true;
  if (seen_ != expected_ || tag.size != kAeadTagBytes) return false;
  crypto_onetimeauth_poly1305_update(state_of(mac_state_), kZeros, (0x10 - expected_) & 0xf);
  uint8_t lengths[16];
  put_u64le(lengths, ad_length_);
  put_u64le(lengths + 8, expected_);
  crypto_onetimeauth_poly1305_update(state_of(mac_state_), lengths, sizeof lengths);
  uint8_t computed[crypto_onetimeauth_poly1305_BYTES];
  crypto_onetimeauth_poly1305_final(state_of(mac_state_), computed);
  const bool ok = crypto_verify_16(computed, tag.data) == 0;
  sodium_memzero(computed, sizeof computed);
  return ok;
}

}  // namespace kartla::crypto
