// SPDX-License-Identifier: Apache-2.0
// The two-pass read of a section (format/section_stream.h stream_section_checked; docs/SPEC.md
// §5.6 "Streamed reading into a callback"): what the second pass releases is exactly what the
// first pass authenticated, whatever happens to the bytes between or during the passes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <utility>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/random.h"
#include "format/byte_source.h"
#include "format/section_crypto.h"
#include "format/section_stream.h"

using namespace kartla;
using namespace kartla::format;

namespace {

const std::string kTag(32, 'T');  // any 32 bytes: the section layer only copies it into the entry
const SectionSlot kSlot{std::string(16, 'r'), 10, 1};
constexpr size_t kPiece = kStreamPieceBytes;

std::string random_bytes(size_t n, std::mt19937& rng) {
  std::string out(n, '\0');
  for (char& c : out) c = static_cast<char>(rng() & 0xff);
  return out;
}

// Serves `first` for the first `switch_after` reads, then `second`: a file changed (or swapped for
// another) before, between or during the passes, at a read boundary the test picks.
class SwitchingSource final : public ByteSource {
 public:
  SwitchingSource(std::string first, std::string second, size_t switch_after)
      : first_(std::move(first)), second_(std::move(second)), switch_after_(switch_after) {}
  uint64_t size() const override { return current().size(); }
  void read_exact(uint64_t offset, uint8_t* out, size_t n) const override {
    const std::string& bytes = current();
    ++reads_;
    MemorySource(ByteView(bytes)).read_exact(offset, out, n);
  }
  size_t reads() const { return reads_; }

 private:
  const std::string& current() const { return reads_ < switch_after_ ? first_ : second_; }
  std::string first_, second_;
  size_t switch_after_;
  mutable size_t reads_ = 0;
};

// Pass 1's judge: keeps what it was shown (a test may hold the content) and names a range.
class RangeCheck final : public ContentCheck {
 public:
  RangeCheck(double from, double to) : from_(from), to_(to) {}
  void write(ByteView piece) override { seen_.append(reinterpret_cast<const char*>(piece.data), piece.size); }
  void finish() override { finished_ = true; }
  ContentRange released_range() const override {
    const auto n = static_cast<double>(seen_.size());
    return {static_cast<uint64_t>(n * from_), static_cast<uint64_t>(n * to_)};
  }
  bool finished() const { return finished_; }

 private:
  double from_, to_;
  std::string seen_;
  bool finished_ = false;
};

class Collect final : public ContentSink {
 public:
  void write(ByteView piece) override { got.append(reinterpret_cast<const char*>(piece.data), piece.size); }
  std::string got;
};

ContainerSection at_zero(const SealedSection& s) { return ContainerSection{s.entry, "", 0}; }

}  // namespace

TEST_CASE("a two-pass read releases exactly the range named, for any size and range", "[format][stream]") {
  std::mt19937 rng(17);
  const crypto::SecretBuffer key = crypto::random_secret(crypto::kAeadKeyBytes);
  // Sizes around the piece boundaries and the padding floor, then random ones.
  std::vector<size_t> sizes = {0, 1, 1023, 1024, kPiece - 1, kPiece, kPiece + 1, 2 * kPiece, 3 * kPiece + 7};
  for (int i = 0; i < 12; ++i) sizes.push_back(rng() % (5 * kPiece));
  for (const size_t size : sizes) {
    const std::string content = random_bytes(size, rng);
    const SealedSection sealed = seal_section(key, kSlot, kTag, content);
    const MemorySource source{ByteView(sealed.body)};
    for (int r = 0; r < 4; ++r) {
      double a = std::uniform_real_distribution<double>(0, 1)(rng), b = std::uniform_real_distribution<double>(0, 1)(rng);
      if (r == 0) a = 0, b = 1;
      RangeCheck check(std::min(a, b), std::max(a, b));
      Collect out;
      stream_section_checked(source, at_zero(sealed), key, kSlot, check, out);
      const ContentRange range = check.released_range();
      INFO("size " << size << " range " << range.begin << ".." << range.end);
      CHECK(check.finished());
      CHECK(out.got == content.substr(range.begin, range.end - range.begin));
    }
  }
}

TEST_CASE("a body changed before, between or during the passes releases nothing unauthenticated",
          "[format][stream][property]") {
  std::mt19937 rng(1717);
  const crypto::SecretBuffer key = crypto::random_secret(crypto::kAeadKeyBytes);
  int failed_in_pass_two = 0;
  int failed_before_release = 0;
  for (int round = 0; round < 300; ++round) {
    const size_t size = 1 + rng() % (6 * kPiece);
    const std::string content = random_bytes(size, rng);
    const SealedSection sealed = seal_section(key, kSlot, kTag, content);
    std::string changed = sealed.body;
    const size_t text = changed.size() - crypto::kAeadOverhead;
    const size_t pieces = (text + kPiece - 1) / kPiece;
    const int kind = static_cast<int>(rng() % 5);
    switch (kind) {
      case 0: {  // one bit flipped anywhere in the body
        const size_t at = rng() % changed.size();
        changed[at] = static_cast<char>(changed[at] ^ (1 << (rng() % 8)));
        break;
      }
      case 1:  // cut short
        changed.resize(rng() % changed.size());
        break;
      case 2: {  // two pieces of ciphertext swapped (or one copied over another if there is one)
        const size_t i = rng() % pieces, j = rng() % pieces;
        const size_t base = crypto::kAeadNonceBytes;
        if (i == j || std::max(i, j) == pieces - 1) {
          changed[base + i * kPiece] = static_cast<char>(changed[base + i * kPiece] ^ 0x80);
        } else {
          std::swap_ranges(changed.begin() + static_cast<long>(base + i * kPiece),
                           changed.begin() + static_cast<long>(base + (i + 1) * kPiece),
                           changed.begin() + static_cast<long>(base + j * kPiece));
        }
        break;
      }
      case 3: {  // the whole file swapped for another valid body of the same length and key
        std::string other = content;
        const size_t at = rng() % other.size();
        other[at] = static_cast<char>(other[at] ^ 0x01);
        changed = seal_section(key, kSlot, kTag, other).body;
        break;
      }
      default: {  // one byte of one piece changed, the rest intact
        const size_t at = crypto::kAeadNonceBytes + rng() % text;
        changed[at] = static_cast<char>(changed[at] + 1);
      }
    }
    REQUIRE(changed != sealed.body);
    // Reads: nonce, each piece, tag in pass 1; then the pieces of the range in pass 2.
    const size_t pass_one_reads = pieces + 2;
    // A third of the rounds change the body from the start; the rest at a random read.
    const size_t switch_after = rng() % 3 == 0 ? 0 : rng() % (pass_one_reads + pieces + 1);
    SwitchingSource source(sealed.body, changed, switch_after);
    const double a = std::uniform_real_distribution<double>(0, 1)(rng), b = std::uniform_real_distribution<double>(0, 1)(rng);
    RangeCheck check(std::min(a, b), std::max(a, b));
    Collect out;
    INFO("round " << round << " kind " << kind << " size " << size << " switch after read " << switch_after);
    try {
      stream_section_checked(source, at_zero(sealed), key, kSlot, check, out);
      // Success is possible only when the change touched nothing either pass read after it.
      const ContentRange range = check.released_range();
      CHECK(out.got == content.substr(range.begin, range.end - range.begin));
    } catch (const Error& e) {
      const ContentRange range = check.released_range();
      // What was released is a prefix of the authentic range: never a changed byte.
      CHECK(out.got == content.substr(range.begin, out.got.size()));
      CHECK((e.code() == Code::integrity || e.code() == Code::format));
      // Pass 1 reads every byte of the body: a body changed from the start never gets past it,
      // and whenever pass 1 failed, nothing at all was released.
      if (switch_after == 0) CHECK_FALSE(check.finished());
      if (!check.finished()) {
        CHECK(out.got.empty());
        ++failed_before_release;
      } else {
        ++failed_in_pass_two;
      }
    }
  }
  // The rounds must have exercised both: a change pass 1 caught and one only pass 2 could.
  CHECK(failed_before_release > 20);
  CHECK(failed_in_pass_two > 20);
}

TEST_CASE("a body changed after pass 1 is refused by pass 2 with Error(integrity)", "[format][stream]") {
  std::mt19937 rng(3);
  const crypto::SecretBuffer key = crypto::random_secret(crypto::kAeadKeyBytes);
  const std::string content = random_bytes(3 * kPiece, rng);
  const SealedSection sealed = seal_section(key, kSlot, kTag, content);
  std::string changed = sealed.body;
  changed[crypto::kAeadNonceBytes + 2 * kPiece + 5] =
      static_cast<char>(changed[crypto::kAeadNonceBytes + 2 * kPiece + 5] ^ 0x01);  // the third piece
  const size_t pass_one_reads = 4 + 2;                         // nonce, 4 pieces (padding), tag
  SwitchingSource source(sealed.body, changed, pass_one_reads);
  RangeCheck check(0, 1);
  Collect out;
  try {
    stream_section_checked(source, at_zero(sealed), key, kSlot, check, out);
    FAIL("a changed piece was released");
  } catch (const Error& e) {
    CHECK(e.code() == Code::integrity);
    CHECK(std::string(e.what()).find("changed while it was being read") != std::string::npos);
  }
  CHECK(check.finished());
  CHECK(out.got == content.substr(0, 2 * kPiece));  // the two intact pieces before it, no more
}

TEST_CASE("pass 2 reads only the pieces that hold the range", "[format][stream]") {
  std::mt19937 rng(4);
  const crypto::SecretBuffer key = crypto::random_secret(crypto::kAeadKeyBytes);
  const std::string content = random_bytes(8 * kPiece, rng);
  const SealedSection sealed = seal_section(key, kSlot, kTag, content);
  SwitchingSource source(sealed.body, sealed.body, 0);
  // Content bytes [3.5 pieces, 4.5 pieces): pieces 3 and 4.
  RangeCheck check(3.5 / 8, 4.5 / 8);
  Collect out;
  stream_section_checked(source, at_zero(sealed), key, kSlot, check, out);
  const size_t pieces = (sealed.body.size() - crypto::kAeadOverhead + kPiece - 1) / kPiece;
  CHECK(source.reads() == pieces + 2 + 2);
  CHECK(out.got == content.substr(kPiece * 7 / 2, kPiece));
}
