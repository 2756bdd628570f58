/* SPDX-License-Identifier: Apache-2.0 */
// The owner's signature over the manifest (docs/SPEC.md §6.1, §6.3 step 4), made and checked here
// only: over the exact manifest bytes, under the manifest label, by the key the manifest names.
#pragma once

#include <string>

#include "base/bytes.h"
#include "crypto/sign.h"
#include "format/container_writer.h"
#include "format/record_codec.h"

namespace kartla::format {

struct SignedManifest {
  Manifest manifest;      // as signed: every section and grant of the contents listed
  std::string bytes;      // exactly the bytes signed
  std::string signature;
};

// Lists every section of `contents` (slot tag and entry digest, ascending by slot tag) and every
// grant (digest, ascending) in `manifest`, replacing any earlier listing, encodes it and signs the
// bytes with `owner`.
SignedManifest sign_manifest(Manifest manifest, const ContainerContents& contents, const crypto::SigningKeyPair& owner);

// Strict decoding (decode_manifest), then the signature by the manifest's own owner signing key:
// Error(signature) if it fails. Nothing else in the header is trusted before this returns.
Manifest verify_manifest(ByteView manifest_bytes, ByteView signature);

}  // namespace kartla::format
