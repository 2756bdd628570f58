// SPDX-License-Identifier: Apache-2.0
// The identity and card half of negative.json: mutations of identity.json's identity file, its
// recovery code and its card file (docs/SPEC.md §4).
#include <stdexcept>

#include "base/error.h"
#include "crypto/random.h"
#include "crypto/sign.h"
#include "format/card_codec.h"
#include "format/framing.h"
#include "format/identity_codec.h"
#include "format/labels.h"
#include "format/limits.h"
#include "generator.h"
#include "identity/recovery_code.h"
#include "mutate.h"
#include "negative_set.h"
#include "wire.h"

namespace kartla::vectors {
namespace {

namespace label = format::label;

Check open_with(const std::string& passphrase, const char* result) { return {"open_identity", result, "", passphrase}; }
Check recover_with(const std::string& code, const char* result) { return {"recover_identity", result, "", code}; }

bool parses_as_recovery_code(const std::string& text) {
  try {
    identity::parse_recovery_code(text);
    return true;
  } catch (const Error&) {
    return false;
  }
}

void kdf_vectors(NegativeSet& set, const Owner& owner) {
  const format::IdentityFile base = format::decode_identity_file(owner.file);
  auto with_kdf = [&](auto change) {
    format::IdentityFile f = base;
    change(f.kdf);
    return format::encode_identity_file(f);
  };
  const std::string& pass = owner.passphrase;
  set.identity("kdf_memory_below_floor", "Argon2id memlimit 32 MiB: a downgrade, refused before hashing",
               with_kdf([](crypto::Argon2idParams& k) { k.memlimit_bytes = 32ull << 20; }),
               open_with(pass, "E_FORMAT"));
  set.identity("kdf_passes_below_floor", "Argon2id opslimit 2: a downgrade, refused before hashing",
               with_kdf([](crypto::Argon2idParams& k) { k.opslimit = 2; }), open_with(pass, "E_FORMAT"));
  set.identity("kdf_memory_above_ceiling", "Argon2id memlimit 4 GiB: refused before hashing",
               with_kdf([](crypto::Argon2idParams& k) { k.memlimit_bytes = 4ull << 30; }),
               open_with(pass, "E_LIMIT"));
  set.identity("kdf_passes_above_ceiling", "Argon2id opslimit 17: refused before hashing",
               with_kdf([](crypto::Argon2idParams& k) { k.opslimit = 17; }), open_with(pass, "E_LIMIT"));
  set.identity("kdf_not_argon2id", "algorithm 1 (Argon2i) instead of 2 (Argon2id version 0x13)",
               with_kdf([](crypto::Argon2idParams& k) { k.algorithm = 1; }), open_with(pass, "E_FORMAT"));
  set.identity("kdf_salt_8_bytes", "an 8-byte salt",
               with_kdf([](crypto::Argon2idParams& k) { k.salt.resize(8); }), open_with(pass, "E_FORMAT"));
}

void file_vectors(NegativeSet& set, const Owner& owner) {
  const std::string& file = owner.file;
  const std::string& pass = owner.passphrase;
  const std::string payload(format::unframe_small_file(file, format::FileType::identity, format::kMaxSmallFileBytes)
                                .as_string_view());
  set.identity("identity_wrong_passphrase", "the passphrase with one character appended", file,
               open_with(pass + "s", "E_AUTH"));
  set.identity("identity_truncated", "the last byte removed", file.substr(0, file.size() - 1),
               open_with(pass, "E_FORMAT"));
  set.identity("identity_trailing_byte", "one zero byte appended", file + std::string(1, '\0'),
               open_with(pass, "E_FORMAT"));
  set.identity("identity_is_a_card", "the owner's card file given as an identity file", owner.identity.card_file(),
               open_with(pass, "E_FORMAT"));
  set.identity("identity_unknown_field", "IdentityFile field 15 (varint 1) appended",
               format::frame_small_file(format::FileType::identity, payload + wire::varint_always(15, 1)),
               open_with(pass, "E_FORMAT"));
  if (payload.compare(0, 2, std::string("\x08\x01", 2)) != 0) throw std::logic_error("unexpected identity layout");
  set.identity("identity_format_version_2", "IdentityFile.format_version = 2",
               format::frame_small_file(format::FileType::identity, std::string("\x08\x02", 2) + payload.substr(2)),
               open_with(pass, "E_VERSION"));

  const format::IdentityFile base = format::decode_identity_file(file);
  format::IdentityFile f = base;
  // SignedCard ends with field 2 (tag, length 64, signature); the byte before it is the last byte
  // of the card, inside its last field, created_at.
  f.signed_card = flip_bit(f.signed_card, f.signed_card.size() - 64 - 2 - 1, 0);
  set.identity("identity_card_changed",
               "one bit of the card's created_at changed inside the identity file: every wrap's AD binds the card, "
               "so the right passphrase no longer opens it",
               format::encode_identity_file(f), open_with(pass, "E_AUTH"));
  f = base;
  f.sealed_secret_keys = flip_bit(f.sealed_secret_keys, 50, 0);
  set.identity("identity_secret_keys_corrupted",
               "one bit of sealed_secret_keys flipped: the passphrase is right, the keys fail authentication",
               format::encode_identity_file(f), open_with(pass, "E_INTEGRITY"));
  f = base;
  f.passphrase_wrap.pop_back();
  set.identity("identity_passphrase_wrap_71_bytes", "passphrase_wrap one byte short", format::encode_identity_file(f),
               open_with(pass, "E_FORMAT"));
}

void recovery_vectors(NegativeSet& set, const Owner& owner) {
  const std::string& file = owner.file;
  const std::string& code = owner.recovery_code;
  const std::string other = recovery_code_text(crypto::random_public_bytes(16));
  set.identity("recovery_code_of_another_identity", "a well-formed code (checksum correct) that is not this one's",
               file, recover_with(other, "E_AUTH"));
  std::string mistyped = code;
  mistyped[0] = mistyped[0] == '0' ? '1' : '0';
  if (parses_as_recovery_code(mistyped)) throw std::logic_error("the mistyped code still passes its checksum");
  set.identity("recovery_code_mistyped", "first digit changed: the checksum catches it before any key is tried",
               file, recover_with(mistyped, "E_AUTH"));
  set.identity("recovery_code_35_digits", "the last digit missing", file,
               recover_with(code.substr(0, code.size() - 1), "E_AUTH"));
  set.identity("recovery_code_38_digits", "two more digits appended", file, recover_with(code + "00", "E_AUTH"));
  std::string shifted = code;
  std::swap(shifted[3], shifted[4]);  // "abcd-efgh" -> "abc-defgh": a separator inside a byte
  set.identity("recovery_code_separator_inside_byte", "a separator between the two digits of one byte", file,
               recover_with(shifted, "E_AUTH"));
  std::string underscores = code;
  for (char& c : underscores)
    if (c == '-') c = '_';
  set.identity("recovery_code_underscore_separators", "'_' is not a separator", file,
               recover_with(underscores, "E_AUTH"));
  std::string nuls = code;
  for (char& c : nuls)
    if (c == '-') c = '\0';
  set.identity("recovery_code_nul_separators", "NUL bytes where the '-' separators were", file,
               recover_with(nuls, "E_AUTH"));
}

// Card bytes re-encoded with one field changed and re-signed by the owner.
struct CardForge {
  const Owner& owner;
  format::Card card;

  std::string file(uint32_t format_version = 1, const char* sign_label = label::kCardSignature) const {
    const std::string bytes = wire::varint_field(1, format_version) +
                              wire::varint_field(2, static_cast<uint32_t>(card.kind)) +
                              wire::bytes_field(3, card.signing_key) + wire::bytes_field(4, card.encryption_key) +
                              wire::bytes_field(5, card.name) + wire::bytes_field(6, card.organisation_number) +
                              wire::varint_field(7, card.role) +
                              wire::varint_field(8, static_cast<uint64_t>(card.created_at));
    const std::string signature = crypto::sign_with_label(sign_label, owner.identity.signing_keys(), bytes);
    return format::encode_card_file(format::encode_signed_card(bytes, signature));
  }
};

void card_vectors(NegativeSet& set, const Owner& owner) {
  const std::string card_file = owner.identity.card_file();
  const format::SignedCard signed_card = format::decode_card_file(card_file);
  set.card("card_signature_bit_flipped", "bit 0 of the signature's last byte flipped",
           flip_bit(card_file, card_file.size() - 1, 0), "E_SIGNATURE");
  CardForge forge{owner, signed_card.card};
  if (forge.file() != card_file) throw std::logic_error("card forge does not reproduce the card");
  set.card("card_signed_with_manifest_label", "the card signed under label kartla/v1/manifest (domain separation)",
           forge.file(1, label::kManifestSignature), "E_SIGNATURE");
  set.card("card_format_version_2", "Card.format_version = 2, re-signed", forge.file(2), "E_VERSION");
  set.card("card_trailing_byte", "one zero byte appended", card_file + std::string(1, '\0'), "E_FORMAT");
  set.card("card_is_an_identity_file", "the identity file given as a card", owner.file, "E_FORMAT");
  CardForge kind4 = forge;
  kind4.card.kind = static_cast<format::CardKind>(4);
  set.card("card_kind_4", "Card.kind = 4 (unknown), re-signed", kind4.file(), "E_FORMAT");
  CardForge long_name = forge;
  long_name.card.name = std::string(257, 'a');
  set.card("card_name_257_bytes", "a 257-byte name, re-signed", long_name.file(), "E_LIMIT");
  CardForge bad_utf8 = forge;
  bad_utf8.card.name = "\xc3\x28";
  set.card("card_name_invalid_utf8", "name bytes c3 28 (not UTF-8), re-signed", bad_utf8.file(), "E_FORMAT");
  // A signature of the wrong length is a format error (SPEC 4.2, 9), decided before verification.
  auto with_signature = [&](const std::string& signature) {
    return format::encode_card_file(format::encode_signed_card(signed_card.card_bytes, signature));
  };
  const std::string& sig = signed_card.signature;
  set.card("card_signature_absent", "SignedCard.signature absent (0 bytes)", with_signature(""), "E_FORMAT");
  set.card("card_signature_63_bytes", "the signature's last byte removed", with_signature(sig.substr(0, 63)),
           "E_FORMAT");
  set.card("card_signature_65_bytes", "one zero byte appended to the signature", with_signature(sig + '\0'),
           "E_FORMAT");
}

// Code input is counted in bytes and limited to 4096 (SPEC 4.1.2, 9). Kept after the card vectors
// so that adding it moved no earlier tc_id.
void recovery_limit_vectors(NegativeSet& set, const Owner& owner) {
  const std::string& code = owner.recovery_code;
  set.identity("recovery_code_4097_bytes", "the code followed by spaces to 4097 bytes: refused before parsing",
               owner.file, recover_with(code + std::string(4097 - code.size(), ' '), "E_LIMIT"));
}

}  // namespace

void identity_negative_vectors(NegativeSet& set, const Owner& owner) {
  kdf_vectors(set, owner);
  file_vectors(set, owner);
  recovery_vectors(set, owner);
  card_vectors(set, owner);
  recovery_limit_vectors(set, owner);
}

}  // namespace kartla::vectors
