// SPDX-License-Identifier: Apache-2.0
#include "kartla_side.h"

#include <unistd.h>

#include <cstring>
#include <stdexcept>

#include "payload.h"

namespace bench {
void check(kartla_status status, const char* call) {
  if (status != KARTLA_OK)
    throw std::runtime_error(std::string(call) + ": " + kartla_status_name(status) + ": " + kartla_last_error());
}

kartla_identity_options cheapest_unlock() {
  kartla_identity_options options;
  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = 64;
  options.kdf_opslimit = 3;
  return options;
}

KartlaOwner::KartlaOwner(const std::string& dir) {
  kartla_identity_options options = cheapest_unlock();
  kartla_identity* created = nullptr;
  kartla_buffer recovery = KARTLA_BUFFER_INIT;
  check(kartla_identity_new(&options, kPassphrase, sizeof kPassphrase - 1, &created, &recovery),
        "kartla_identity_new");
  kartla_buffer_free(&recovery);
  const std::string path = dir + "/owner.id";
  ::unlink(path.c_str());
  const kartla_status saved = kartla_identity_save(created, path.c_str(), KARTLA_SAVE_CREATE_ONLY);
  kartla_identity_free(created);
  check(saved, "kartla_identity_save");
  // Unlocked from the file as a person would, so the keys come from the file format.
  check(kartla_identity_open_file(path.c_str(), kPassphrase, sizeof kPassphrase - 1, &identity_),
        "kartla_identity_open_file");
}

KartlaOwner::~KartlaOwner() { kartla_identity_free(identity_); }

void kartla_save(const KartlaOwner& owner, const std::vector<uint8_t>& section, const std::string& path) {
  kartla_record* record = nullptr;
  check(kartla_record_new(owner.get(), &record), "kartla_record_new");
  kartla_status status = kartla_record_set_section(record, kSectionName, section.data(), section.size());
  if (status == KARTLA_OK) status = kartla_record_save(record, path.c_str());
  kartla_record_free(record);
  check(status, "kartla_record_set_section/save");
}

int kartla_read(const KartlaOwner& owner, const std::string& path, const std::vector<uint8_t>* check_against) {
  kartla_record* record = nullptr;
  check(kartla_record_open_file(path.c_str(), owner.get(), &record), "kartla_record_open_file");
  kartla_buffer plaintext = KARTLA_BUFFER_INIT;
  const kartla_status status = kartla_record_section(record, kSectionName, &plaintext);
  kartla_record_free(record);
  check(status, "kartla_record_section");
  const size_t len = plaintext.len;
  const int mix = len == 0 ? 0 : plaintext.data[0] ^ plaintext.data[len - 1];
  const bool differs = check_against != nullptr && (check_against->size() != len ||
                                                    std::memcmp(check_against->data(), plaintext.data, len) != 0);
  kartla_buffer_free(&plaintext);
  if (differs) throw std::runtime_error("Kartla read returned other bytes than were saved");
  return mix;
}

size_t kartla_read_capacity(const KartlaOwner& owner, const std::string& path) {
  kartla_record* record = nullptr;
  check(kartla_record_open_file(path.c_str(), owner.get(), &record), "kartla_record_open_file");
  size_t capacity = 0;
  const kartla_status status = kartla_record_section_size(record, kSectionName, &capacity);
  kartla_record_free(record);
  check(status, "kartla_record_section_size");
  return capacity;
}

int kartla_read_into(const KartlaOwner& owner, const std::string& path, std::vector<uint8_t>& buffer,
                     const std::vector<uint8_t>* check_against) {
  kartla_record* record = nullptr;
  check(kartla_record_open_file(path.c_str(), owner.get(), &record), "kartla_record_open_file");
  size_t len = 0;
  const kartla_status status = kartla_record_section_into(record, kSectionName, buffer.data(), buffer.size(), &len);
  kartla_record_free(record);
  check(status, "kartla_record_section_into");
  const int mix = len == 0 ? 0 : buffer[0] ^ buffer[len - 1];
  if (check_against != nullptr &&
      (check_against->size() != len || std::memcmp(check_against->data(), buffer.data(), len) != 0))
    throw std::runtime_error("Kartla read into a buffer returned other bytes than were saved");
  return mix;
}

}  // namespace bench
