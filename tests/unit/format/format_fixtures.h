/* SPDX-License-Identifier: Apache-2.0 */
// Valid structures to start hostile variations from, built with the library's own encoders, plus
// hand-built wire equivalents so a test can show its variation differs from canonical bytes by
// exactly one thing.
#pragma once

#include <string>

#include "crypto/hash.h"
#include "crypto/random.h"
#include "crypto/sign.h"
#include "format/card_codec.h"
#include "format/identity_codec.h"
#include "format/labels.h"
#include "format/record_codec.h"
#include "protowire.h"

namespace kartla::testing {

inline std::string filled(size_t n, char c) { return std::string(n, c); }

// A padded body of the smallest bucket: 1024 bytes of padded content, nonce and tag (SPEC §5.4).
inline constexpr uint64_t kSampleBodyBytes = 1024 + 40;

inline format::SectionEntry sample_entry() {
  return {filled(32, 't'), kSampleBodyBytes, filled(32, 'h'), filled(32, 'c')};
}

// The wire form of sample_entry(), written out field by field in field-number order.
inline std::string sample_entry_wire() {
  using namespace wire;
  return bytes_field(1, filled(32, 't')) + uint_field(2, kSampleBodyBytes) + bytes_field(3, filled(32, 'h')) +
         bytes_field(4, filled(32, 'c'));
}

// 64 distinct 32-byte commitments, as a slot table (SPEC §5.3).
inline std::string sample_slot_table() {
  std::string table;
  for (int i = 0; i < 64; ++i) {
    std::string c(32, 'k');
    c[0] = static_cast<char>(i);
    table += c;
  }
  return table;
}

inline format::Manifest sample_manifest(uint64_t sequence = 2) {
  format::Manifest m;
  m.record_id = filled(16, 'r');
  m.owner_signing_key = filled(32, 's');
  m.owner_encryption_key = filled(32, 'e');
  m.sequence = sequence;
  m.previous_manifest_hash = sequence == 1 ? std::string() : filled(32, 'p');
  m.owner_key_wrap = filled(80, 'w');
  m.sections = {{filled(32, '\x01'), filled(32, 'd')}, {filled(32, '\x02'), filled(32, 'D')}};
  m.slot_commitments = sample_slot_table();
  m.sealed_index = filled(format::kSealedIndexBytes, 'i');
  return m;
}

inline crypto::Argon2idParams floor_kdf() {
  crypto::Argon2idParams p;
  p.opslimit = crypto::kArgonMinOps;
  p.memlimit_bytes = crypto::kArgonMinMemBytes;
  p.salt = filled(16, 'S');
  return p;
}

// An identity file's structure with placeholder key material: the codec checks lengths and the
// Argon2id policy, not the cryptography, so this is enough to exercise it.
inline format::IdentityFile sample_identity_file() {
  format::IdentityFile f;
  f.signed_card = "card bytes";
  f.kdf = floor_kdf();
  f.passphrase_wrap = filled(72, 'P');
  f.recovery_wrap = filled(72, 'R');
  f.sealed_secret_keys = filled(104, 'K');
  return f;
}

inline std::string kdf_wire(const crypto::Argon2idParams& p) {
  using namespace wire;
  return uint_field(1, p.algorithm) + uint_field(2, p.opslimit) + uint_field(3, p.memlimit_bytes) +
         bytes_field(4, p.salt);
}

inline std::string identity_payload_wire(const format::IdentityFile& f, const std::string& kdf_bytes) {
  using namespace wire;
  return uint_field(1, 1) + bytes_field(2, f.signed_card) + bytes_field(3, kdf_bytes) +
         bytes_field(4, f.passphrase_wrap) + bytes_field(5, f.recovery_wrap) + bytes_field(6, f.sealed_secret_keys);
}

struct TestSigner {
  crypto::SigningKeyPair keys = crypto::signing_keypair_from_seed(crypto::random_secret(32));
};

// A self-signed card around arbitrary Card bytes (so the Card may be hand-built and hostile).
inline std::string signed_card_around(const TestSigner& signer, const std::string& card_bytes) {
  const std::string sig = crypto::sign_with_label(format::label::kCardSignature, signer.keys, card_bytes);
  return format::encode_signed_card(card_bytes, sig);
}

inline format::Card sample_card(const TestSigner& signer, const std::string& enc_key = filled(32, 'x')) {
  return {format::CardKind::agency, signer.keys.public_key, enc_key, "Arbetsförmedlingen Malmö", "202100-2114", 3,
          1700000000};
}

}  // namespace kartla::testing
