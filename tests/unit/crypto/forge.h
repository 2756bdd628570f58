/* SPDX-License-Identifier: Apache-2.0 */
// Hostile-input builders for the crypto tests. They need libsodium primitives the library
// deliberately does not expose (raw X25519, HSalsa20, Ed25519 scalar arithmetic), so this test
// header includes sodium.h; nothing outside tests/unit/crypto uses it.
//
// Each builder produces what an attacker (or a lax implementation) would accept, so a test that
// sees it rejected proves a check exists, not merely that random bytes fail.
#pragma once

#include <sodium.h>

#include <array>
#include <cstring>
#include <stdexcept>
#include <string>

#include "base/bytes.h"

namespace kartla::testing {

using Bytes32 = std::array<uint8_t, 32>;

inline void check(int rc, const char* what) {
  if (rc != 0) throw std::runtime_error(std::string("test setup failed: ") + what);
}

// crypto_box_seal, spelled out so the ephemeral key and the X25519 output can be chosen:
// sealed = epk || XSalsa20-Poly1305(key = HSalsa20(shared), nonce = BLAKE2b-192(epk || pk), m).
// With a low-order epk the shared secret is all zero whatever the recipient's key, so anyone can
// build a box that a reader without the low-order check would open (docs/THREATS.md T21).
inline std::string seal_with_shared_secret(ByteView ephemeral_pk, ByteView recipient_pk, const Bytes32& shared,
                                           ByteView plaintext) {
  unsigned char key[crypto_box_BEFORENMBYTES];
  static const unsigned char zero_nonce[16] = {0};
  check(crypto_core_hsalsa20(key, zero_nonce, shared.data(), nullptr), "hsalsa20");
  unsigned char nonce[crypto_box_NONCEBYTES];
  crypto_generichash_state st;
  check(crypto_generichash_init(&st, nullptr, 0, sizeof nonce), "nonce hash");
  crypto_generichash_update(&st, ephemeral_pk.data, ephemeral_pk.size);
  crypto_generichash_update(&st, recipient_pk.data, recipient_pk.size);
  crypto_generichash_final(&st, nonce, sizeof nonce);
  std::string out(ephemeral_pk.size + plaintext.size + crypto_box_MACBYTES, '\0');
  std::memcpy(out.data(), ephemeral_pk.data, ephemeral_pk.size);
  check(crypto_box_easy_afternm(reinterpret_cast<unsigned char*>(out.data()) + ephemeral_pk.size, plaintext.data,
                                plaintext.size, nonce, key),
        "box");
  sodium_memzero(key, sizeof key);
  return out;
}

// The same construction with an honest ephemeral key pair: the control that shows the spelled-out
// sealed box above is byte-compatible with crypto_box_seal_open.
inline std::string seal_honestly(ByteView recipient_pk, ByteView plaintext) {
  unsigned char epk[32], esk[32];
  crypto_box_keypair(epk, esk);
  Bytes32 shared{};
  check(crypto_scalarmult(shared.data(), esk, recipient_pk.data), "x25519");
  sodium_memzero(esk, sizeof esk);
  return seal_with_shared_secret({epk, sizeof epk}, recipient_pk, shared, plaintext);
}

// ---- Ed25519 -------------------------------------------------------------------------------

// The group order L, little-endian.
inline constexpr Bytes32 kGroupOrder = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                        0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                                        0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10};

// S + L as a 256-bit little-endian number: the same scalar mod L, so a verifier that reduces S
// instead of rejecting S >= L accepts it (signature malleability, docs/THREATS.md T16).
inline std::string add_group_order_to_s(const std::string& signature) {
  std::string out = signature;
  unsigned carry = 0;
  for (size_t i = 0; i < 32; ++i) {
    const unsigned sum = static_cast<uint8_t>(out[32 + i]) + kGroupOrder[i] + carry;
    out[32 + i] = static_cast<char>(sum & 0xff);
    carry = sum >> 8;
  }
  return out;
}

// The secret scalar a of an Ed25519 seed (RFC 8032 5.1.5), reduced mod L.
inline Bytes32 secret_scalar(ByteView seed) {
  unsigned char h[64];
  crypto_hash_sha512(h, seed.data, seed.size);
  h[0] &= 248;
  h[31] &= 127;
  h[31] |= 64;
  unsigned char wide[64] = {0};
  std::memcpy(wide, h, 32);
  Bytes32 a{};
  crypto_core_ed25519_scalar_reduce(a.data(), wide);
  sodium_memzero(h, sizeof h);
  return a;
}

// k = SHA-512(R || A || label || 0x00 || message) mod L: the challenge of Kartla's labelled signatures.
inline Bytes32 challenge(ByteView r, ByteView a, std::string_view label, ByteView message) {
  crypto_hash_sha512_state st;
  crypto_hash_sha512_init(&st);
  crypto_hash_sha512_update(&st, r.data, r.size);
  crypto_hash_sha512_update(&st, a.data, a.size);
  crypto_hash_sha512_update(&st, reinterpret_cast<const unsigned char*>(label.data()), label.size());
  const unsigned char zero = 0;
  crypto_hash_sha512_update(&st, &zero, 1);
  crypto_hash_sha512_update(&st, message.data, message.size);
  unsigned char wide[64];
  crypto_hash_sha512_final(&st, wide);
  Bytes32 k{};
  crypto_core_ed25519_scalar_reduce(k.data(), wide);
  return k;
}

// A signature built by hand: R = [r]B for the given nonce scalar r, S = r + k*a. With r random
// this is an ordinary valid signature (the control); see sign_with_small_order_r for the attack.
inline std::string sign_by_hand(ByteView seed, ByteView public_key, std::string_view label, ByteView message,
                                const Bytes32& r) {
  Bytes32 big_r{};
  check(crypto_scalarmult_ed25519_base_noclamp(big_r.data(), r.data()), "R = rB");
  const Bytes32 a = secret_scalar(seed);
  const Bytes32 k = challenge({big_r.data(), 32}, public_key, label, message);
  Bytes32 ka{}, s{};
  crypto_core_ed25519_scalar_mul(ka.data(), k.data(), a.data());
  crypto_core_ed25519_scalar_add(s.data(), r.data(), ka.data());
  return as_string(big_r.data(), 32) + as_string(s.data(), 32);
}

// R is a small-order point T and S = k*a. Then [S]B = [k]A, which differs from R + [k]A only by
// T: a cofactored verifier (which multiplies by 8) accepts every such T, and a cofactorless one
// still accepts T = identity. Strict verification must reject R of small order outright.
inline std::string sign_with_small_order_r(ByteView seed, ByteView public_key, std::string_view label,
                                           ByteView message, const std::string& small_order_r) {
  const Bytes32 a = secret_scalar(seed);
  const Bytes32 k = challenge(small_order_r, public_key, label, message);
  Bytes32 s{};
  crypto_core_ed25519_scalar_mul(s.data(), k.data(), a.data());
  return small_order_r + as_string(s.data(), 32);
}

inline Bytes32 random_scalar() {
  Bytes32 r{};
  crypto_core_ed25519_scalar_random(r.data());
  return r;
}

}  // namespace kartla::testing
