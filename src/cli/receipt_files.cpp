#include "receipt_files.h"

#include "failure.h"
#include "files.h"

namespace kartla::cli {

std::vector<std::string> receipt_paths(const std::string& file, size_t count) {
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) out.push_back(i == 0 ? file : file + "." + std::to_string(i + 1));
  return out;
}

size_t write_receipt(const kartla::record& record, const std::string& grant_id, const std::string& path,
                     const std::string& record_path) {
  const std::string again = "; the record " + record_path + " is saved: write the receipt with 'kartla receipt " +
                            record_path + " --owner OWNER.id --grant " + grant_id + " --out FILE'";
  try {
    const kartla::buffer receipt = record.receipt(grant_id);
    write_file_atomically(path, receipt.view(), /*overwrite=*/false, kPrivateFile);
    return receipt.size();
  } catch (const kartla::error& e) {
    throw kartla::error(e.status(), std::string(e.what()) + again);
  } catch (const Failure& f) {
    throw Failure(f.code(), std::string(f.what()) + again);
  }
}

}  // namespace kartla::cli
