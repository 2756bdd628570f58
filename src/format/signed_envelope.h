/* SPDX-License-Identifier: Apache-2.0 */
// The one signed envelope of the format (docs/SPEC.md §4.2, §7.6, §13.2-§13.4): a message of two
// bytes fields, 1 = the exact bytes signed, 2 = the Ed25519 signature over them under the type's
// label. Cards, attestations, trust lists, contributions and receipts all use it; this file is
// the one place that makes, encodes, decodes and checks those signatures, and its table
// (signed_envelope.cpp) names each type's label, message, size limit and error texts.
#pragma once

#include <string>

#include "base/bytes.h"
#include "crypto/sign.h"

namespace kartla::format {

enum class SignedType { card, attestation, trust_list, contribution, receipt };

struct Envelope {
  std::string body;  // exactly the bytes signed
  std::string signature;
};

// The signature label of a type (labels.h).
const char* signature_label(SignedType type);

// The envelope bytes (SignedCard, SignedAttestation, ...) of a body and a signature made elsewhere
// (test forgeries, a card re-embedded from its parts).
std::string encode_envelope(SignedType type, ByteView body, ByteView signature);
// Signs the exact body bytes with `signer` under the type's label; returns the envelope bytes.
std::string sign_envelope(SignedType type, const crypto::SigningKeyPair& signer, ByteView body);

// Strict decoding (strict_parse.h) of the envelope within the type's size limit: Error(limit,
// format). Checks nothing about the signature: each type's decoder says when, below.
Envelope decode_envelope(SignedType type, ByteView envelope_bytes);
// A signature is 64 bytes: a format rule (SPEC §9), decided before any verification, so a wrong
// length is Error(format) like every other, never Error(signature).
void check_signature_length(SignedType type, const Envelope& envelope);
// Error(signature) unless the signature is `signing_key`'s over the body under the type's label.
void verify_envelope(SignedType type, ByteView signing_key, const Envelope& envelope);

}  // namespace kartla::format
