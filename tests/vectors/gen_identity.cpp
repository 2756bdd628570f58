// SPDX-License-Identifier: Apache-2.0
// identity.json: one owner identity file, taken apart down to its keys (docs/SPEC.md §4), with
// the passphrase and recovery code that open it.
#include <stdexcept>

#include "crypto/aead.h"
#include "crypto/pwhash.h"
#include "format/card_codec.h"
#include "format/identity_codec.h"
#include "format/labels.h"
#include "generator.h"
#include "identity/recovery_code.h"

namespace kartla::vectors {
namespace {

namespace label = format::label;

constexpr const char* kPassphrase = "correct horse battery staple";

std::string wrap_ad(const char* label_text, const std::string& signed_card) {
  return std::string(label_text) + '\0' + signed_card;
}

std::string upper(std::string text) {
  for (char& c : text)
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  return text;
}

std::string replace_all(std::string text, char from, const std::string& to) {
  std::string out;
  for (char c : text) out += c == from ? to : std::string(1, c);
  return out;
}

Json variant(const std::string& code, const char* comment) {
  Json j = Json::object();
  j.add("code", Json::string(code));
  j.add("comment", Json::string(comment));
  j.add("result", Json::string("OK"));
  return j;
}

}  // namespace

Owner make_owner() {
  identity::NewIdentity options;
  options.kind = format::CardKind::owner;
  options.kdf_opslimit = 3;
  options.kdf_memlimit_bytes = 64ull << 20;
  options.created_at = kCardCreatedAt;
  identity::CreatedIdentity created = identity::Identity::create(options, std::string(kPassphrase));
  std::string file = created.identity.file_bytes();
  std::string code = created.recovery_code.view().to_string();
  return Owner{std::move(created.identity), std::move(file), kPassphrase, std::move(code)};
}

Json identity_vectors(const Owner& owner) {
  const format::IdentityFile file = format::decode_identity_file(owner.file);
  const format::SignedCard card = format::decode_signed_card(file.signed_card);

  // Take the locks off by hand, as an independent reader would, so every intermediate key is in
  // the vector.
  const crypto::SecretBuffer passphrase_key = crypto::derive_key_from_passphrase(owner.passphrase, file.kdf);
  const std::string passphrase_ad = wrap_ad(label::kPassphraseWrapAd, file.signed_card);
  const crypto::SecretBuffer dek = crypto::aead_open(passphrase_key, file.passphrase_wrap, passphrase_ad);
  const crypto::SecretBuffer entropy = identity::parse_recovery_code(owner.recovery_code);
  const crypto::SecretBuffer recovery_key = identity::recovery_wrapping_key(entropy);
  const std::string recovery_ad = wrap_ad(label::kRecoveryWrapAd, file.signed_card);
  const crypto::SecretBuffer dek_again = crypto::aead_open(recovery_key, file.recovery_wrap, recovery_ad);
  if (!crypto::equal_constant_time(dek.view(), dek_again.view()))
    throw std::logic_error("the two wraps hold different data keys");
  const std::string secrets_ad = wrap_ad(label::kSecretKeysAd, file.signed_card);
  const crypto::SecretBuffer secrets = crypto::aead_open(dek, file.sealed_secret_keys, secrets_ad);

  Json fields = Json::object();
  fields.add("format_version", Json::number(1));
  fields.add("kind", Json::number(static_cast<uint32_t>(card.card.kind)));
  fields.add("signing_key", Json::hex(card.card.signing_key));
  fields.add("encryption_key", Json::hex(card.card.encryption_key));
  fields.add("name", Json::string(card.card.name));
  fields.add("organisation_number", Json::string(card.card.organisation_number));
  fields.add("role", Json::number(card.card.role));
  fields.add("created_at", Json::number(static_cast<uint64_t>(card.card.created_at)));

  Json kdf = Json::object();
  kdf.add("algorithm", Json::number(file.kdf.algorithm));
  kdf.add("opslimit", Json::number(file.kdf.opslimit));
  kdf.add("memlimit_bytes", Json::number(file.kdf.memlimit_bytes));
  kdf.add("salt", Json::hex(file.kdf.salt));

  // Spellings of the same code a person might type; all must unlock (SPEC §4.1.2).
  Json variants = Json::array();
  variants.push(variant(owner.recovery_code, "as printed at creation"));
  variants.push(variant(upper(owner.recovery_code), "upper-case hex digits"));
  variants.push(variant(replace_all(owner.recovery_code, '-', " "), "groups separated by spaces"));
  variants.push(variant(replace_all(owner.recovery_code, '-', ""), "no separators"));
  variants.push(variant(replace_all(owner.recovery_code, '-', " - "), "several separators between groups"));
  variants.push(variant(owner.recovery_code + std::string(4096 - owner.recovery_code.size(), ' '),
                        "spaces after the code up to 4096 bytes, the longest input a reader accepts (SPEC 4.1.2)"));

  Json doc = Json::object();
  doc.add("file", Json::string("identity.json"));
  doc.add("spec", Json::string("docs/SPEC.md section 4"));
  doc.add("notes", Json::string("An owner identity created with Argon2id at the floor (64 MiB, 3 passes). Opening "
                                "identity_file with passphrase, or with any recovery_code_variants code, MUST succeed "
                                "and yield the keys below; the card file and fingerprint MUST be as given."));
  doc.add("passphrase", Json::string(owner.passphrase));
  doc.add("recovery_code", Json::string(owner.recovery_code));
  doc.add("identity_file", Json::hex(owner.file));
  doc.add("card_file", Json::hex(owner.identity.card_file()));
  doc.add("signed_card", Json::hex(file.signed_card));
  doc.add("card", Json::hex(card.card_bytes));
  doc.add("card_signature", Json::hex(card.signature));
  doc.add("card_fields", std::move(fields));
  doc.add("fingerprint", Json::string(owner.identity.fingerprint()));
  doc.add("kdf", std::move(kdf));
  doc.add("passphrase_key", Json::hex(passphrase_key.view()));
  doc.add("passphrase_wrap_ad", Json::hex(passphrase_ad));
  doc.add("passphrase_wrap", Json::hex(file.passphrase_wrap));
  doc.add("recovery_entropy", Json::hex(entropy.view()));
  doc.add("recovery_key", Json::hex(recovery_key.view()));
  doc.add("recovery_wrap_ad", Json::hex(recovery_ad));
  doc.add("recovery_wrap", Json::hex(file.recovery_wrap));
  doc.add("data_key", Json::hex(dek.view()));
  doc.add("secret_keys_ad", Json::hex(secrets_ad));
  doc.add("sealed_secret_keys", Json::hex(file.sealed_secret_keys));
  doc.add("secret_keys", Json::hex(secrets.view()));
  doc.add("recovery_code_variants", std::move(variants));
  return doc;
}

}  // namespace kartla::vectors
