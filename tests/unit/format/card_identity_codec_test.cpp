// SPDX-License-Identifier: Apache-2.0
// Public cards and identity files: strict decoding, self-signature, lengths and the Argon2id
// policy checked at parse time.
#include <catch2/catch.hpp>

#include <string>

#include "base/error.h"
#include "format/card_codec.h"
#include "format/identity_codec.h"
#include "format/labels.h"
#include "format/limits.h"
#include "format_fixtures.h"

using namespace kartla;
using namespace kartla::testing;

namespace {

template <typename F>
Code code_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return Code::ok;
}

std::string card_file_for(const TestSigner& signer, const format::Card& card) {
  return format::encode_card_file(signed_card_around(signer, format::encode_card(card)));
}

}  // namespace

TEST_CASE("a card round trips and its self-signature is checked", "[format][card]") {
  const TestSigner signer;
  const format::Card card = sample_card(signer);
  const std::string file = card_file_for(signer, card);
  const format::SignedCard back = format::decode_card_file(file);
  CHECK(back.card.kind == format::CardKind::agency);
  CHECK(back.card.signing_key == signer.keys.public_key);
  CHECK(back.card.encryption_key == card.encryption_key);
  CHECK(back.card.name == card.name);
  CHECK(back.card.organisation_number == card.organisation_number);
  CHECK(back.card.role == 3);
  CHECK(back.card.created_at == 1700000000);
  CHECK(back.card_bytes == format::encode_card(card));

  // The encryption key is bound to the signing key: swapping it breaks the self-signature.
  const std::string card_bytes = format::encode_card(card);
  const std::string sig = crypto::sign_with_label(format::label::kCardSignature, signer.keys, card_bytes);
  const std::string other_card = format::encode_card(sample_card(signer, std::string(32, 'y')));
  CHECK(code_of([&] { format::decode_signed_card(format::encode_signed_card(other_card, sig)); }) ==
        Code::signature);
  // A manifest signature over the same bytes is not a card signature (docs/THREATS.md T17).
  const std::string manifest_sig = crypto::sign_with_label(format::label::kManifestSignature, signer.keys, card_bytes);
  CHECK(code_of([&] { format::decode_signed_card(format::encode_signed_card(card_bytes, manifest_sig)); }) ==
        Code::signature);
  // Signed by someone else.
  const TestSigner other;
  CHECK(code_of([&] { format::decode_signed_card(signed_card_around(other, card_bytes)); }) == Code::signature);
}

TEST_CASE("a card signature of any length but 64 bytes is a format error, decided before verifying",
          "[format][card]") {
  const TestSigner signer;
  const std::string card_bytes = format::encode_card(sample_card(signer));
  const std::string sig = crypto::sign_with_label(format::label::kCardSignature, signer.keys, card_bytes);
  auto with_signature = [&](const std::string& signature) {
    const std::string file = format::encode_card_file(format::encode_signed_card(card_bytes, signature));
    return code_of([&] { format::decode_card_file(file); });
  };
  CHECK(with_signature(sig) == Code::ok);
  CHECK(with_signature("") == Code::format);  // absent: proto3 writes no empty field
  CHECK(with_signature(sig.substr(0, 63)) == Code::format);
  CHECK(with_signature(sig + std::string(1, '\0')) == Code::format);
  CHECK(with_signature(std::string(128, 'x')) == Code::format);
}

TEST_CASE("card fields are checked", "[format][card]") {
  const TestSigner signer;
  auto with = [&](auto change) {
    format::Card card = sample_card(signer);
    change(card);
    return code_of([&] { format::decode_card_file(card_file_for(signer, card)); });
  };
  CHECK(with([](format::Card& c) { c.kind = static_cast<format::CardKind>(4); }) == Code::format);
  CHECK(with([](format::Card& c) { c.encryption_key.pop_back(); }) == Code::format);
  CHECK(with([](format::Card& c) { c.name.assign(format::kMaxNameBytes, 'n'); }) == Code::ok);
  CHECK(with([](format::Card& c) { c.name.assign(format::kMaxNameBytes + 1, 'n'); }) == Code::limit);
  CHECK(with([](format::Card& c) { c.organisation_number.assign(format::kMaxOrgNumberBytes + 1, '1'); }) ==
        Code::limit);
  // kind 0 is proto3's default: it is not written at all, so the card is missing its kind.
  CHECK(with([](format::Card& c) { c.kind = static_cast<format::CardKind>(0); }) == Code::format);
}

TEST_CASE("an identity file round trips and its lengths are checked", "[format][identity-file]") {
  const format::IdentityFile f = sample_identity_file();
  const format::IdentityFile back = format::decode_identity_file(format::encode_identity_file(f));
  CHECK(back.signed_card == f.signed_card);
  CHECK(back.kdf.opslimit == f.kdf.opslimit);
  CHECK(back.kdf.memlimit_bytes == f.kdf.memlimit_bytes);
  CHECK(back.kdf.salt == f.kdf.salt);
  CHECK(back.passphrase_wrap == f.passphrase_wrap);
  CHECK(back.recovery_wrap == f.recovery_wrap);
  CHECK(back.sealed_secret_keys == f.sealed_secret_keys);

  auto with = [&](auto change) {
    format::IdentityFile g = sample_identity_file();
    change(g);
    return code_of([&] { format::decode_identity_file(format::encode_identity_file(g)); });
  };
  CHECK(with([](format::IdentityFile& g) { g.passphrase_wrap.pop_back(); }) == Code::format);
  CHECK(with([](format::IdentityFile& g) { g.recovery_wrap += "x"; }) == Code::format);
  CHECK(with([](format::IdentityFile& g) { g.sealed_secret_keys.clear(); }) == Code::format);
}

TEST_CASE("an identity file's Argon2id parameters are held to the policy at parse time (THREATS.md T30-T31)",
          "[format][identity-file]") {
  auto with = [&](auto change) {
    format::IdentityFile g = sample_identity_file();
    change(g.kdf);
    return code_of([&] { format::decode_identity_file(format::encode_identity_file(g)); });
  };
  CHECK(with([](crypto::Argon2idParams& p) { p.opslimit = 2; }) == Code::format);
  CHECK(with([](crypto::Argon2idParams& p) { p.memlimit_bytes = 32ull << 20; }) == Code::format);
  CHECK(with([](crypto::Argon2idParams& p) { p.algorithm = 1; }) == Code::format);
  CHECK(with([](crypto::Argon2idParams& p) { p.salt.pop_back(); }) == Code::format);
  CHECK(with([](crypto::Argon2idParams& p) { p.opslimit = 0xffffffffull; }) == Code::limit);
  CHECK(with([](crypto::Argon2idParams& p) { p.memlimit_bytes = 4ull << 30; }) == Code::limit);
}
