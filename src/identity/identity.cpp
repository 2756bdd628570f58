// SPDX-License-Identifier: Apache-2.0
#include "identity/identity.h"

#include <cstring>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/pwhash.h"
#include "crypto/random.h"
#include "format/fingerprint.h"
#include "format/labels.h"
#include "format/limits.h"
#include "identity/agency_details.h"
#include "identity/recovery_code.h"

namespace kartla::identity {
namespace {

constexpr size_t kSecretKeysBytes = crypto::kSignSeedBytes + crypto::kBoxSecretKeyBytes;
constexpr size_t kMaxPassphraseBytes = 4096;

// Every wrap is bound to the public card, so a card swapped into someone else's file fails.
std::string wrap_ad(const char* label, const std::string& signed_card) {
  std::string ad(label);
  ad.push_back('\0');
  return ad + signed_card;
}

void check_passphrase(ByteView passphrase) {
  if (passphrase.size == 0) fail(Code::invalid_argument, "the passphrase must not be empty");
  if (passphrase.size > kMaxPassphraseBytes) fail(Code::limit, "the passphrase is longer than 4096 bytes");
}

}  // namespace

Identity::Identity(format::IdentityFile file, format::SignedCard card, crypto::SecretBuffer dek,
                   crypto::SigningKeyPair signing, crypto::BoxKeyPair box)
    : file_(std::move(file)), card_(std::move(card)), dek_(std::move(dek)), signing_(std::move(signing)),
      box_(std::move(box)),
      seen_(std::make_shared<SeenVersions>(dek_, file_.signed_card, signing_.public_key, file_.sealed_marks)) {}

CreatedIdentity Identity::create(const NewIdentity& requested, ByteView passphrase) {
  check_passphrase(passphrase);
  NewIdentity options = requested;
  check_card_details(options);
  if (options.name.size() > format::kMaxNameBytes || options.organisation_number.size() > format::kMaxOrgNumberBytes)
    fail(Code::limit, "name or organisation number is too long");
  crypto::SecretBuffer secrets = crypto::random_secret(kSecretKeysBytes);
  crypto::SigningKeyPair signing =
      crypto::signing_keypair_from_seed(crypto::SecretBuffer::copy_of({secrets.data(), crypto::kSignSeedBytes}));
  crypto::BoxKeyPair box = crypto::box_keypair_from_secret(
      crypto::SecretBuffer::copy_of({secrets.data() + crypto::kSignSeedBytes, crypto::kBoxSecretKeyBytes}));

  format::Card card{options.kind, signing.public_key, box.public_key, options.name,
                    options.organisation_number, options.role, options.created_at};
  format::IdentityFile file;
  file.signed_card = format::sign_card(card, signing);
  format::SignedCard signed_card = format::decode_signed_card(file.signed_card);
  file.kdf = crypto::new_argon2id_params(options.kdf_opslimit ? options.kdf_opslimit : crypto::kArgonDefaultOps,
                                         options.kdf_memlimit_bytes ? options.kdf_memlimit_bytes
                                                                    : crypto::kArgonDefaultMemBytes);
  crypto::SecretBuffer dek = crypto::random_secret(crypto::kAeadKeyBytes);
  const crypto::SecretBuffer passphrase_key = crypto::derive_key_from_passphrase(passphrase, file.kdf);
  file.passphrase_wrap = crypto::aead_seal(passphrase_key, dek.view(),
                                           wrap_ad(format::label::kPassphraseWrapAd, file.signed_card));
  RecoveryCode recovery = new_recovery_code();
  file.recovery_wrap = crypto::aead_seal(recovery_wrapping_key(recovery.entropy), dek.view(),
                                         wrap_ad(format::label::kRecoveryWrapAd, file.signed_card));
  file.sealed_secret_keys = crypto::aead_seal(dek, secrets.view(),
                                              wrap_ad(format::label::kSecretKeysAd, file.signed_card));

  return {Identity(std::move(file), std::move(signed_card), std::move(dek), std::move(signing), std::move(box)),
          std::move(recovery.text)};
}

Identity Identity::unlock_with_wrapping_key(format::IdentityFile file, const crypto::SecretBuffer& wrapping_key,
                                            const char* wrap_label, bool use_recovery_wrap) {
  const std::string& wrap = use_recovery_wrap ? file.recovery_wrap : file.passphrase_wrap;
  crypto::SecretBuffer dek;
  try {
    dek = crypto::aead_open(wrapping_key, wrap, wrap_ad(wrap_label, file.signed_card));
  } catch (const Error&) {
    if (use_recovery_wrap) fail(Code::auth, "wrong recovery code");
    fail(Code::auth, "wrong passphrase");
  }
  format::SignedCard card = format::decode_signed_card(file.signed_card);
  crypto::SecretBuffer secrets =
      crypto::aead_open(dek, file.sealed_secret_keys, wrap_ad(format::label::kSecretKeysAd, file.signed_card));
  crypto::SigningKeyPair signing =
      crypto::signing_keypair_from_seed(crypto::SecretBuffer::copy_of({secrets.data(), crypto::kSignSeedBytes}));
  crypto::BoxKeyPair box = crypto::box_keypair_from_secret(
      crypto::SecretBuffer::copy_of({secrets.data() + crypto::kSignSeedBytes, crypto::kBoxSecretKeyBytes}));
  // The card is authenticated by the AEAD, but check the keys anyway: a mismatch means a bug or
  // a file assembled from parts, and either way these keys must not be used under this card.
  if (signing.public_key != card.card.signing_key || box.public_key != card.card.encryption_key)
    fail(Code::integrity, "identity file keys do not match its card");
  return Identity(std::move(file), std::move(card), std::move(dek), std::move(signing), std::move(box));
}

Identity Identity::unlock_with_passphrase(ByteView identity_file, ByteView passphrase) {
  format::IdentityFile file = format::decode_identity_file(identity_file);  // policy checked here
  check_passphrase(passphrase);
  const crypto::SecretBuffer key = crypto::derive_key_from_passphrase(passphrase, file.kdf);
  return unlock_with_wrapping_key(std::move(file), key, format::label::kPassphraseWrapAd, false);
}

Identity::UnlockedWithKey Identity::unlock_with_passphrase_insecure_export_key(ByteView identity_file,
                                                                              ByteView passphrase) {
  format::IdentityFile file = format::decode_identity_file(identity_file);
  check_passphrase(passphrase);
  crypto::SecretBuffer key = crypto::derive_key_from_passphrase(passphrase, file.kdf);
  Identity identity = unlock_with_wrapping_key(std::move(file), key, format::label::kPassphraseWrapAd, false);
  return {std::move(identity), std::move(key)};
}

Identity Identity::unlock_with_recovery_code(ByteView identity_file, ByteView recovery_code) {
  format::IdentityFile file = format::decode_identity_file(identity_file);
  const crypto::SecretBuffer entropy = parse_recovery_code(recovery_code);
  return unlock_with_wrapping_key(std::move(file), recovery_wrapping_key(entropy), format::label::kRecoveryWrapAd,
                                  true);
}

void Identity::set_passphrase(ByteView new_passphrase) {
  set_passphrase(new_passphrase, file_.kdf.opslimit, file_.kdf.memlimit_bytes);
}

void Identity::set_passphrase(ByteView new_passphrase, uint64_t kdf_opslimit, uint64_t kdf_memlimit_bytes) {
  check_passphrase(new_passphrase);
  crypto::Argon2idParams kdf =
      crypto::new_argon2id_params(kdf_opslimit ? kdf_opslimit : crypto::kArgonDefaultOps,
                                  kdf_memlimit_bytes ? kdf_memlimit_bytes : crypto::kArgonDefaultMemBytes);
  const crypto::SecretBuffer key = crypto::derive_key_from_passphrase(new_passphrase, kdf);
  file_.passphrase_wrap = crypto::aead_seal(key, dek_.view(), wrap_ad(format::label::kPassphraseWrapAd, file_.signed_card));
  file_.kdf = std::move(kdf);
}

std::string Identity::file_bytes() const {
  format::IdentityFile file = file_;
  file.sealed_marks = seen_->sealed();
  return format::encode_identity_file(file);
}

std::string Identity::card_file() const { return format::encode_card_file(file_.signed_card); }

std::string Identity::fingerprint() const {
  return format::fingerprint(card_.card.signing_key, card_.card.encryption_key);
}

}  // namespace kartla::identity
