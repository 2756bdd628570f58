/* SPDX-License-Identifier: Apache-2.0 */
// Every domain-separation label of the format, in one place. A label is used for exactly one
// purpose; docs/SPEC.md §2 lists the same strings. Changing one is a format break.
#pragma once

namespace kartla::format::label {

// Signatures (crypto::sign_with_label)
inline constexpr const char* kManifestSignature = "kartla/v1/manifest";
inline constexpr const char* kCardSignature = "kartla/v1/card";
inline constexpr const char* kAttestationSignature = "kartla/v1/attestation";
inline constexpr const char* kTrustListSignature = "kartla/v1/trust-list";
inline constexpr const char* kContributionSignature = "kartla/v1/contribution";
inline constexpr const char* kReceiptSignature = "kartla/v1/receipt";  // the owner's receipts (§7.6)

// Hashes (crypto::labelled_hash)
inline constexpr const char* kManifestHash = "kartla/v1/manifest-hash";
inline constexpr const char* kSectionEntry = "kartla/v1/section-entry";
inline constexpr const char* kSectionCiphertext = "kartla/v1/section-ciphertext";
inline constexpr const char* kKeyCommitment = "kartla/v1/key-commitment";
inline constexpr const char* kFingerprint = "kartla/v1/fingerprint";
inline constexpr const char* kRecoveryKey = "kartla/v1/recovery-key";
inline constexpr const char* kRecoveryCheck = "kartla/v1/recovery-check";
inline constexpr const char* kGrantDigest = "kartla/v1/grant";
inline constexpr const char* kGrantPayload = "kartla/v1/grant-payload";  // sealed-box plaintext prefix
inline constexpr const char* kAccessEvent = "kartla/v1/access-event";    // sharing-ledger event chain
inline constexpr const char* kAttestedEntry = "kartla/v1/attested-entry";  // the entry an attestation covers
inline constexpr const char* kContributionPayload = "kartla/v1/contribution-payload";  // sealed-box plaintext prefix
inline constexpr const char* kSlotCommitment = "kartla/v1/slot-commitment";  // manifest slot table (§5.3)
inline constexpr const char* kSlotTag = "kartla/v1/slot-tag";                // a section entry's blinded name
inline constexpr const char* kPassphraseKeyTag = "kartla/v1/identity/passphrase-key-tag";  // an agent's key name (§4.1.3)

// AEAD associated data prefixes
inline constexpr const char* kSectionAd = "kartla/v1/section";
inline constexpr const char* kOwnerIndexAd = "kartla/v1/owner-index";
inline constexpr const char* kPassphraseWrapAd = "kartla/v1/identity/passphrase-wrap";
inline constexpr const char* kRecoveryWrapAd = "kartla/v1/identity/recovery-wrap";
inline constexpr const char* kSecretKeysAd = "kartla/v1/identity/secret-keys";
inline constexpr const char* kSeenMarksAd = "kartla/v1/identity/seen-marks";

// crypto_kdf contexts (exactly 8 characters)
inline constexpr const char* kSectionKeyContext = "kartlaSK";
inline constexpr const char* kSlotSecretContext = "kartlaSS";
inline constexpr const char* kOwnerIndexKeyContext = "kartlaIX";
inline constexpr const char* kSeenMarksKeyContext = "kartlaSM";

}  // namespace kartla::format::label
