// SPDX-License-Identifier: Apache-2.0
#include "crypto/hash.h"

#include <sodium.h>

#include "base/error.h"
#include "crypto/init.h"

namespace kartla::crypto {

static_assert(sizeof(crypto_generichash_state) <= 384, "state buffer too small");

namespace {

crypto_generichash_state* as_state(unsigned char* raw) {
  return reinterpret_cast<crypto_generichash_state*>(raw);
}

void absorb_label(crypto_generichash_state* st, std::string_view label) {
  static const unsigned char kSeparator = 0;
  crypto_generichash_update(st, reinterpret_cast<const unsigned char*>(label.data()), label.size());
  crypto_generichash_update(st, &kSeparator, 1);
}

}  // namespace

LabelledHasher::LabelledHasher(std::string_view label) {
  ensure_initialized();
  crypto_generichash_init(as_state(state_), nullptr, 0, kHashBytes);
  absorb_label(as_state(state_), label);
}

LabelledHasher::LabelledHasher(std::string_view label, const SecretBuffer& key) {
  ensure_initialized();
  if (key.size() < crypto_generichash_KEYBYTES_MIN || key.size() > crypto_generichash_KEYBYTES_MAX)
    fail(Code::internal, "hash key has an invalid length");
  crypto_generichash_init(as_state(state_), key.data(), key.size(), kHashBytes);
  absorb_label(as_state(state_), label);
}

LabelledHasher::~LabelledHasher() { sodium_memzero(state_, sizeof state_); }

LabelledHasher& LabelledHasher::update(ByteView data) {
  if (data.size != 0) crypto_generichash_update(as_state(state_), data.data, data.size);
  return *this;
}

LabelledHasher& LabelledHasher::update_u32(uint32_t value) {
  uint8_t le[4];
  for (int i = 0; i < 4; ++i) le[i] = static_cast<uint8_t>(value >> (8 * i));
  return update({le, sizeof le});
}

LabelledHasher& LabelledHasher::update_u64(uint64_t value) {
  uint8_t le[8];
  for (int i = 0; i < 8; ++i) le[i] = static_cast<uint8_t>(value >> (8 * i));
  return update({le, sizeof le});
}

Digest LabelledHasher::finish() {
  if (finished_) fail(Code::internal, "hash finished twice");
  finished_ = true;
  Digest out{};
  crypto_generichash_final(as_state(state_), out.data(), out.size());
  return out;
}

SecretBuffer LabelledHasher::finish_secret() {
  if (finished_) fail(Code::internal, "hash finished twice");
  finished_ = true;
  SecretBuffer out(kHashBytes);
  crypto_generichash_final(as_state(state_), out.data(), out.size());
  return out;
}

Digest labelled_hash(std::string_view label, ByteView data) {
  return LabelledHasher(label).update(data).finish();
}

}  // namespace kartla::crypto
