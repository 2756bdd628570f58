// SPDX-License-Identifier: Apache-2.0
#include "agency_side.h"

#include <unistd.h>

#include <cstring>
#include <stdexcept>

#include "payload.h"

namespace bench {

KartlaAgency::KartlaAgency() {
  kartla_agency_info info;
  kartla_agency_info_init(&info);
  info.name = "Benchmark agency";
  info.organisation_number = "212000-1140";
  info.role = kartla_agency_role_name(0);
  const kartla_identity_options options = cheapest_unlock();
  kartla_buffer recovery = KARTLA_BUFFER_INIT;
  check(kartla_identity_new_agency(&info, &options, kPassphrase, sizeof kPassphrase - 1, &identity_, &recovery),
        "kartla_identity_new_agency");
  kartla_buffer_free(&recovery);
  kartla_buffer card = KARTLA_BUFFER_INIT;
  const kartla_status status = kartla_identity_card(identity_, &card);
  if (status == KARTLA_OK) card_.assign(card.data, card.data + card.len);
  kartla_buffer_free(&card);
  if (status != KARTLA_OK) kartla_identity_free(identity_);
  check(status, "kartla_identity_card");
}

KartlaAgency::~KartlaAgency() { kartla_identity_free(identity_); }

void kartla_share_setup(const KartlaOwner& owner, const KartlaAgency& agency, const std::vector<uint8_t>& section,
                        const std::string& record_path, const std::string& bundle_path) {
  ::unlink(record_path.c_str());
  ::unlink(bundle_path.c_str());
  kartla_save(owner, section, record_path);
  kartla_record* record = nullptr;
  check(kartla_record_open_file(record_path.c_str(), owner.get(), &record), "kartla_record_open_file");
  kartla_record_share_options options;
  kartla_record_share_options_init(&options);
  options.purpose = "benchmark";
  const char* sections[] = {kSectionName};
  kartla_buffer grant_id = KARTLA_BUFFER_INIT;
  kartla_status status = kartla_record_share(record, agency.card().data(), agency.card().size(), sections, 1,
                                             &options, &grant_id);
  if (status == KARTLA_OK) status = kartla_record_save(record, record_path.c_str());
  if (status == KARTLA_OK) {
    const std::string id(reinterpret_cast<const char*>(grant_id.data), grant_id.len);
    status = kartla_record_export_bundle(record, id.c_str(), bundle_path.c_str());
  }
  kartla_buffer_free(&grant_id);
  kartla_record_free(record);
  check(status, "kartla_record_share/save/export_bundle");
}

size_t agency_read_capacity(const KartlaAgency& agency, const std::string& bundle_path) {
  kartla_share* share = nullptr;
  check(kartla_share_open_file(bundle_path.c_str(), agency.get(), &share), "kartla_share_open_file");
  size_t capacity = 0;
  const kartla_status status = kartla_share_section_size(share, kSectionName, 0, &capacity);
  kartla_share_free(share);
  check(status, "kartla_share_section_size");
  return capacity;
}

int agency_read_into(const KartlaAgency& agency, const std::string& bundle_path, std::vector<uint8_t>& buffer,
                     const std::vector<uint8_t>* check_against) {
  kartla_share* share = nullptr;
  check(kartla_share_open_file(bundle_path.c_str(), agency.get(), &share), "kartla_share_open_file");
  size_t len = 0;
  const kartla_status status =
      kartla_share_section_into(share, kSectionName, 0, buffer.data(), buffer.size(), &len);
  kartla_share_free(share);
  check(status, "kartla_share_section_into");
  const int mix = len == 0 ? 0 : buffer[0] ^ buffer[len - 1];
  if (check_against != nullptr &&
      (check_against->size() != len || std::memcmp(check_against->data(), buffer.data(), len) != 0))
    throw std::runtime_error("the agency read other bytes than the owner saved");
  return mix;
}

void agency_open_only(const KartlaAgency& agency, const std::string& bundle_path) {
  kartla_share* share = nullptr;
  check(kartla_share_open_file(bundle_path.c_str(), agency.get(), &share), "kartla_share_open_file");
  uint64_t sequence = 0;
  const kartla_status status = kartla_share_sequence(share, &sequence);
  kartla_share_free(share);
  check(status, "kartla_share_sequence");
  if (sequence == 0) throw std::runtime_error("the bundle has no sequence");
}

}  // namespace bench
