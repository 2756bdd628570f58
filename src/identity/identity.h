/* SPDX-License-Identifier: Apache-2.0 */
// An unlocked identity: its public card and secret keys (owner, agency or trust root). The file
// form keeps the secret keys under a random data key (DEK) that is wrapped twice, once under
// Argon2id(passphrase) and once under the recovery code, so changing the passphrase or recovering
// never re-encrypts the keys themselves (docs/SPEC.md §4.1).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/bytes.h"
#include "crypto/box.h"
#include "crypto/hash.h"
#include "crypto/secret_buffer.h"
#include "crypto/sign.h"
#include "format/card_codec.h"
#include "format/identity_codec.h"
#include "identity/seen_versions.h"

namespace kartla::identity {

struct NewIdentity {
  format::CardKind kind = format::CardKind::owner;
  std::string name;                 // agencies and trust roots
  std::string organisation_number;  // agencies
  uint32_t role = 0;                // agencies
  uint64_t kdf_opslimit = 0;        // 0: the default
  uint64_t kdf_memlimit_bytes = 0;  // 0: the default
  int64_t created_at = 0;           // Unix seconds; the caller supplies the clock
};

class Identity;

struct CreatedIdentity;

class Identity {
 public:
  static CreatedIdentity create(const NewIdentity& options, ByteView passphrase);
  // Error(auth) for a wrong passphrase or recovery code; Error(format/limit/version) for a bad file.
  static Identity unlock_with_passphrase(ByteView identity_file, ByteView passphrase);
  static Identity unlock_with_recovery_code(ByteView identity_file, ByteView recovery_code);

  // The passphrase key (Argon2id of the passphrase under this file's salt and parameters), for an
  // agent that spares later commands the Argon2id cost (docs/AGENT.md; passphrase_key.cpp).
  // INSECURE_export: the key leaves the Identity; a grep for "insecure_export" finds every use.
  struct UnlockedWithKey;
  static UnlockedWithKey unlock_with_passphrase_insecure_export_key(ByteView identity_file, ByteView passphrase);
  // Error(auth) if `passphrase_key` does not open this file's passphrase wrap.
  static Identity unlock_with_passphrase_key(ByteView identity_file, ByteView passphrase_key);
  // Names the one passphrase key that opens this file: a hash of the card, the Argon2id
  // parameters, the salt and the passphrase wrap, so it changes with every new passphrase.
  static crypto::Digest passphrase_key_tag(ByteView identity_file);

  // Re-wraps the data key under a new passphrase with a fresh salt (the recovery code stays valid),
  // at the Argon2id cost the file already has.
  void set_passphrase(ByteView new_passphrase);
  // The same at a new Argon2id cost (0 = the default, as for a new identity), so that an identity
  // recovered on a phone can get a phone's cost, or one moved to a desktop a higher one. The
  // policy's floor and ceiling hold as at creation: Error(format) / Error(limit) outside them.
  void set_passphrase(ByteView new_passphrase, uint64_t kdf_opslimit, uint64_t kdf_memlimit_bytes);

  // The locked identity file, ready to save, with the versions seen so far (SPEC §8.1).
  std::string file_bytes() const;
  std::string card_file() const;   // the public card file
  const format::SignedCard& card() const { return card_; }
  std::string fingerprint() const;

  const crypto::SigningKeyPair& signing_keys() const { return signing_; }
  const crypto::BoxKeyPair& box_keys() const { return box_; }

  // The versions of records this identity has seen. Shared: a record opened with the identity
  // keeps a reference and remembers the versions it saves, even after the identity is freed.
  const std::shared_ptr<SeenVersions>& seen_versions() const { return seen_; }

 private:
  Identity(format::IdentityFile file, format::SignedCard card, crypto::SecretBuffer dek,
           crypto::SigningKeyPair signing, crypto::BoxKeyPair box);
  static Identity unlock_with_wrapping_key(format::IdentityFile file, const crypto::SecretBuffer& wrapping_key,
                                           const char* wrap_label, bool use_recovery_wrap);

  format::IdentityFile file_;
  format::SignedCard card_;
  crypto::SecretBuffer dek_;
  crypto::SigningKeyPair signing_;
  crypto::BoxKeyPair box_;
  std::shared_ptr<SeenVersions> seen_;
};

struct Identity::UnlockedWithKey {
  Identity identity;
  crypto::SecretBuffer passphrase_key;
};

struct CreatedIdentity {
  Identity identity;
  crypto::SecretBuffer recovery_code;  // shown to the person once, never stored
};

}  // namespace kartla::identity
