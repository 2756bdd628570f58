// SPDX-License-Identifier: Apache-2.0
#include <cstring>

#include "capi/guard.h"

namespace kartla::capi {

ByteView input_bytes(const uint8_t* data, size_t len, const char* name) {
  if (len == 0) return {};
  if (data == nullptr) fail(Code::invalid_argument, "%s is NULL but its length is not 0", {std::string(name)});
  return {data, len};
}

std::string input_text(const char* text, const char* name) {
  if (text == nullptr) fail(Code::invalid_argument, "%s is NULL", {std::string(name)});
  return text;
}

uint8_t* output_bytes(uint8_t* out, size_t capacity, const char* name) {
  static uint8_t nowhere[1];
  if (out != nullptr) return out;
  if (capacity != 0) fail(Code::invalid_argument, "%s is NULL but its capacity is not 0", {std::string(name)});
  return nowhere;
}

void require_output(const void* out, const char* name) {
  if (out == nullptr) fail(Code::invalid_argument, "%s is NULL", {std::string(name)});
}

void require_empty(const kartla_buffer* out, const char* name) {
  require_output(out, name);
  // A non-empty buffer would leak (and leave unwiped) what it holds if we overwrote it.
  if (out->data != nullptr || out->len != 0 || out->internal != nullptr)
    fail(Code::invalid_argument, "%s is not empty (initialise it with KARTLA_BUFFER_INIT)", {std::string(name)});
}

void put_secret(kartla_buffer* out, crypto::SecretBuffer&& bytes) {
  auto* owned = new crypto::SecretBuffer(std::move(bytes));
  out->data = owned->data();
  out->len = owned->size();
  out->internal = owned;
}

void put_text(kartla_buffer* out, ByteView text) {
  crypto::SecretBuffer copy(text.size + 1);
  if (text.size != 0) std::memcpy(copy.data(), text.data, text.size);
  copy.data()[text.size] = 0;
  copy.truncate(text.size);  // len excludes the NUL, which stays in the allocation
  put_secret(out, std::move(copy));
}

}  // namespace kartla::capi

extern "C" {

void kartla_buffer_init(kartla_buffer* buffer) {
  if (buffer == nullptr) return;
  buffer->data = nullptr;
  buffer->len = 0;
  buffer->internal = nullptr;
}

void kartla_buffer_free(kartla_buffer* buffer) {
  if (buffer == nullptr) return;
  delete static_cast<kartla::crypto::SecretBuffer*>(buffer->internal);  // wipes
  kartla_buffer_init(buffer);
}

}  // extern "C"
