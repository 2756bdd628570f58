/* SPDX-License-Identifier: Apache-2.0 */
// The ABI boundary: every exported function runs its body through guarded(), which turns any
// exception into a status and a thread-local message. No exception crosses the ABI.
#pragma once

#include <new>
#include <string>

#include "base/bytes.h"
#include "base/error.h"
#include "crypto/secret_buffer.h"
#include "kartla/kartla.h"

namespace kartla::capi {

// The thread's last error: text without a msgid (the guard's own fallbacks), or a catalogue
// message whose msgid and arguments let kartla_last_error_localized say it in another language.
kartla_status record_failure(kartla_status status, const char* message) noexcept;
kartla_status record_failure(kartla_status status, const Error& error) noexcept;
// A catalogue message without arguments, recorded without building an Error (out of memory).
kartla_status record_failure_message(kartla_status status, const char* msgid) noexcept;
const char* last_error_text() noexcept;
const char* last_error_localized(const char* language) noexcept;

template <typename Body>
kartla_status guarded(Body&& body) noexcept {
  try {
    body();
    return KARTLA_OK;
  } catch (const Error& e) {
    return record_failure(static_cast<kartla_status>(e.code()), e);
  } catch (const std::bad_alloc&) {
    return record_failure_message(KARTLA_E_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return record_failure(KARTLA_E_INTERNAL, e.what());
  } catch (...) {
    return record_failure_message(KARTLA_E_INTERNAL, "unknown internal error");
  }
}

// Argument checks: each throws Error(invalid_argument) naming the parameter.
ByteView input_bytes(const uint8_t* data, size_t len, const char* name);
std::string input_text(const char* text, const char* name);
// Caller-owned output memory of `capacity` bytes: `out` itself, or (NULL with capacity 0) a
// place that is never written, so a zero-length result still has somewhere to point.
uint8_t* output_bytes(uint8_t* out, size_t capacity, const char* name);
void require_output(const void* out, const char* name);
void require_empty(const kartla_buffer* out, const char* name);

// Hands memory to the caller. put_text adds the NUL terminator the header promises.
void put_secret(kartla_buffer* out, crypto::SecretBuffer&& bytes);
void put_text(kartla_buffer* out, ByteView text);

}  // namespace kartla::capi
