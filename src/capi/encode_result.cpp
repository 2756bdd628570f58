// SPDX-License-Identifier: Apache-2.0
#include "capi/encode_result.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/zero_copy_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver.h>
#include <google/protobuf/util/type_resolver_util.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <string>

#include "capi/guard.h"
#include "crypto/secret_buffer.h"

namespace kartla::capi {
namespace {

constexpr const char* kTypeUrlPrefix = "type.googleapis.com";

// A ZeroCopyOutputStream over guarded memory: it grows by doubling, and each smaller buffer it
// leaves behind is a SecretBuffer, wiped as it is released.
class SecretOutput final : public google::protobuf::io::ZeroCopyOutputStream {
 public:
  bool Next(void** data, int* size) override {
    if (used_ == buffer_.size()) grow(used_ + 1);
    const size_t room = std::min<size_t>(buffer_.size() - used_, INT_MAX);
    *data = buffer_.data() + used_;
    *size = static_cast<int>(room);
    used_ += room;
    return true;
  }
  void BackUp(int count) override { used_ -= static_cast<size_t>(count); }
  int64_t ByteCount() const override { return static_cast<int64_t>(used_); }

  // The text written, NUL-terminated (the NUL not counted).
  crypto::SecretBuffer take_text() {
    if (used_ == buffer_.size()) grow(used_ + 1);
    buffer_.truncate(used_);  // wipes (zeroes) the unused tail: data[used_] is the NUL
    return std::move(buffer_);
  }

 private:
  void grow(size_t at_least) {
    crypto::SecretBuffer bigger(std::max<size_t>({at_least, 2 * buffer_.size(), 4096}));
    if (used_ != 0) std::memcpy(bigger.data(), buffer_.data(), used_);
    buffer_ = std::move(bigger);
  }
  crypto::SecretBuffer buffer_;
  size_t used_ = 0;
};

// The generated descriptors are immutable, so one resolver serves every thread.
google::protobuf::util::TypeResolver& resolver() {
  static const std::unique_ptr<google::protobuf::util::TypeResolver> instance(
      google::protobuf::util::NewTypeResolverForDescriptorPool(kTypeUrlPrefix,
                                                               google::protobuf::DescriptorPool::generated_pool()));
  return *instance;
}

crypto::SecretBuffer protobuf_bytes(const google::protobuf::Message& message) {
  const size_t size = message.ByteSizeLong();
  if (size > static_cast<size_t>(INT_MAX)) fail(Code::limit, "the result is larger than 2 GiB");
  // One byte more, zero: a result read as text by mistake still ends.
  crypto::SecretBuffer bytes(size + 1);
  if (!message.SerializeToArray(bytes.data(), static_cast<int>(size))) fail(Code::internal, "cannot serialize the result");
  bytes.truncate(size);
  return bytes;
}

}  // namespace

void require_encoding(kartla_encoding encoding) {
  const int value = static_cast<int>(encoding);
  if (value != KARTLA_ENCODING_PROTOBUF && value != KARTLA_ENCODING_JSON)
    fail(Code::invalid_argument, "encoding is not KARTLA_ENCODING_PROTOBUF or KARTLA_ENCODING_JSON");
}

void emit(const google::protobuf::Message& message, kartla_encoding encoding, kartla_buffer* out) {
  require_encoding(encoding);
  crypto::SecretBuffer bytes = protobuf_bytes(message);
  if (encoding == KARTLA_ENCODING_PROTOBUF) {
    put_secret(out, std::move(bytes));
    return;
  }
  // MessageToJsonString would serialize into a std::string first and print into another; this is
  // the same conversion (protobuf's own JSON printer) from and into guarded memory.
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  options.add_whitespace = true;  // people read it too: one member per line
  google::protobuf::io::ArrayInputStream input(bytes.data(), static_cast<int>(bytes.size()));
  SecretOutput json;
  const std::string type_url = std::string(kTypeUrlPrefix) + "/" + message.GetDescriptor()->full_name();
  const auto status = google::protobuf::util::BinaryToJsonStream(&resolver(), type_url, &input, &json, options);
  if (!status.ok()) fail(Code::internal, "cannot write the result as JSON: %s", {std::string(status.message())});
  put_secret(out, json.take_text());
}

}  // namespace kartla::capi
