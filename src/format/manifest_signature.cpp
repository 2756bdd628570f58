// SPDX-License-Identifier: Apache-2.0
#include "format/manifest_signature.h"

#include "base/error.h"
#include "format/labels.h"

namespace kartla::format {

SignedManifest sign_manifest(Manifest manifest, const ContainerContents& contents, const crypto::SigningKeyPair& owner) {
  manifest.sections.clear();
  for (const OutgoingSection& s : contents.sections)
    manifest.sections.push_back(
        {s.placed.entry.slot_tag, crypto::digest_bytes(section_entry_digest(s.placed.entry_bytes))});
  manifest.grant_digests.clear();
  for (const auto& g : contents.grants) manifest.grant_digests.push_back(crypto::digest_bytes(grant_digest(g)));
  sort_section_refs(manifest.sections);
  sort_digests(manifest.grant_digests);

  SignedManifest out;
  out.bytes = encode_manifest(manifest);
  out.signature = crypto::sign_with_label(label::kManifestSignature, owner, out.bytes);
  out.manifest = std::move(manifest);
  return out;
}

Manifest verify_manifest(ByteView manifest_bytes, ByteView signature) {
  Manifest manifest = decode_manifest(manifest_bytes);
  if (!crypto::verify_with_label(label::kManifestSignature, manifest.owner_signing_key, manifest_bytes, signature))
    fail(Code::signature, "the owner's signature over the manifest does not verify");
  return manifest;
}

}  // namespace kartla::format
