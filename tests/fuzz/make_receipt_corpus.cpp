// SPDX-License-Identifier: Apache-2.0
// Writes the seed corpus of the receipt fuzzer under tests/fuzz/corpus/receipt/: receipts made
// with the fixed keys of fuzz_receipt.h (so they pass every check in the fuzzer), the inner
// Receipt bytes of each (for the half of the fuzzer that signs its input), and a few malformed
// copies. Run once and commit the output:
//   fuzz_make_receipt_corpus tests/fuzz/corpus
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "fuzz_receipt.h"
#include "share/receipt.h"

namespace fs = std::filesystem;
using namespace kartla;

namespace {

void put(const fs::path& dir, const std::string& name, const std::string& bytes) {
  fs::create_directories(dir);
  std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + (dir / name).string());
}

void receipts(const fs::path& dir) {
  const std::string owner = fuzzing::owner_card_file_for_receipts();
  const std::string agency = fuzzing::agency_card_file();
  const struct {
    const char* name;
    format::ReceiptKind kind;
    format::ReceiptEnd end;
  } kinds[] = {{"grant", format::ReceiptKind::grant, format::ReceiptEnd::none},
               {"revoked", format::ReceiptKind::termination, format::ReceiptEnd::revoked},
               {"expired", format::ReceiptKind::termination, format::ReceiptEnd::expired}};
  for (const auto& k : kinds) {
    const std::string bytes = format::encode_receipt(fuzzing::fixed_receipt(k.kind, k.end));
    const std::string file = format::encode_receipt_file(fuzzing::signed_receipt_over(bytes));
    // The seeds that should pass must pass, or the fuzzer never gets past the first checks.
    (void)share::verify_receipt(file, owner, agency);
    put(dir, k.name, file);
    put(dir, std::string(k.name) + "_receipt_bytes", bytes);
  }
  const std::string file = format::encode_receipt_file(fuzzing::signed_receipt_over(
      format::encode_receipt(fuzzing::fixed_receipt(format::ReceiptKind::grant, format::ReceiptEnd::none))));
  put(dir, "truncated", file.substr(0, file.size() / 2));
  put(dir, "trailing_garbage", file + "garbage");
  std::string version = file;
  version[7] = 2;
  put(dir, "version_2", version);
  std::string flipped = file;
  flipped[flipped.size() - 70] = static_cast<char>(flipped[flipped.size() - 70] ^ 1);
  put(dir, "bad_signature", flipped);
  put(dir, "not_kartla", "hello");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
    return 2;
  }
  try {
    receipts(fs::path(argv[1]) / "receipt");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", argv[0], e.what());
    return 1;
  }
  return 0;
}
