// SPDX-License-Identifier: Apache-2.0
#include "format/identity_codec.h"

#include "base/error.h"
#include "format/framing.h"
#include "format/limits.h"
#include "format/seen_marks_codec.h"
#include "format/strict_parse.h"
#include "kartla/v1/container.pb.h"

namespace kartla::format {

namespace pb = kartla::v1::container;

std::string encode_identity_file(const IdentityFile& identity) {
  pb::IdentityFile msg;
  msg.set_format_version(kFormatVersion);
  msg.set_signed_card(identity.signed_card);
  auto* kdf = msg.mutable_kdf();
  kdf->set_algorithm(identity.kdf.algorithm);
  kdf->set_opslimit(identity.kdf.opslimit);
  kdf->set_memlimit_bytes(identity.kdf.memlimit_bytes);
  kdf->set_salt(identity.kdf.salt);
  msg.set_passphrase_wrap(identity.passphrase_wrap);
  msg.set_recovery_wrap(identity.recovery_wrap);
  msg.set_sealed_secret_keys(identity.sealed_secret_keys);
  msg.set_sealed_marks(identity.sealed_marks);
  return frame_small_file(FileType::identity, msg.SerializeAsString());
}

IdentityFile decode_identity_file(ByteView file) {
  pb::IdentityFile msg;
  parse_strict(unframe_small_file(file, FileType::identity, kMaxSmallFileBytes), msg, "identity file",
               kMaxSmallFileBytes);
  if (msg.format_version() != kFormatVersion) fail(Code::version, "identity format version is not supported");
  IdentityFile out;
  out.signed_card = msg.signed_card();
  out.kdf.algorithm = msg.kdf().algorithm();
  out.kdf.opslimit = msg.kdf().opslimit();
  out.kdf.memlimit_bytes = msg.kdf().memlimit_bytes();
  out.kdf.salt = msg.kdf().salt();
  crypto::check_argon2id_policy(out.kdf);
  out.passphrase_wrap = msg.passphrase_wrap();
  out.recovery_wrap = msg.recovery_wrap();
  out.sealed_secret_keys = msg.sealed_secret_keys();
  out.sealed_marks = msg.sealed_marks();
  if (out.passphrase_wrap.size() != 72 || out.recovery_wrap.size() != 72 || out.sealed_secret_keys.size() != 104)
    fail(Code::format, "identity file key material has an invalid length");
  if (!out.sealed_marks.empty()) check_sealed_marks_length(out.sealed_marks);
  return out;
}

}  // namespace kartla::format
