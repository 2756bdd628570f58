// SPDX-License-Identifier: Apache-2.0
// Replays a corpus through a fuzz target without libFuzzer (the libgit2
// fuzzers/standalone_driver.c pattern), so the ordinary build and CI run every seed and every
// saved crash input through each target, under the sanitizers when those are on.
// Usage: fuzz_<target>_replay FILE_OR_DIR...; exits 1 if it found nothing to replay.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::vector<std::filesystem::path> inputs_in(const std::filesystem::path& path) {
  std::vector<std::filesystem::path> out;
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::directory_iterator(path))
      if (entry.is_regular_file()) out.push_back(entry.path());
    std::sort(out.begin(), out.end());  // a stable order makes a failure reproducible
  } else {
    out.push_back(path);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    for (const auto& file : inputs_in(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "%s: cannot read %s\n", argv[0], file.c_str());
        return 1;
      }
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      // A copy of exactly the input's size, so the sanitizers see any read past its end.
      std::vector<uint8_t> data(bytes.begin(), bytes.end());
      std::fprintf(stderr, "replaying %s (%zu bytes)\n", file.c_str(), data.size());
      LLVMFuzzerTestOneInput(data.data(), data.size());
      ++replayed;
    }
  }
  std::fprintf(stderr, "%s: replayed %zu inputs\n", argv[0], replayed);
  return replayed == 0 ? 1 : 0;
}
