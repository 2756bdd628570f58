// SPDX-License-Identifier: Apache-2.0
#include "crypto/sha256_background.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <system_error>
#include <thread>

#include "crypto/secret_buffer.h"

// WebAssembly built without threads has std::thread, but every start fails: do not try.
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
#define KARTLA_SHA256_NO_THREADS 1
#endif

namespace kartla::crypto {
namespace {

// Three slots: one being filled, one being hashed, one spare so neither side waits on the other
// at each hand-over. 768 KiB in all, within the streamed read's memory bound (SPEC §5.6).
constexpr size_t kSlotBytes = size_t{256} << 10;
constexpr size_t kSlots = 3;

}  // namespace

struct Sha256InBackground::Shared {
  // The hasher belongs to the thread while it runs, and to the caller before it starts and after
  // it is joined: never to both at once.
  Sha256Hasher hasher;
  std::array<SecretBuffer, kSlots> slot;

  std::mutex mutex;
  std::condition_variable changed;
  std::array<size_t, kSlots> ready{};  // bytes waiting to be hashed in each slot; 0: free
  bool no_more = false;                // the caller sent its last slot (or gave up)
  bool abandoned = false;              // the caller gave up: hash nothing more

  size_t filling = 0;  // the slot the caller copies into, and how far it got
  size_t filled = 0;
  bool threaded = false;
  bool thread_was_used = false;
  bool inline_only = false;  // a thread could not be started: hash on the caller's thread
  std::thread thread;

  uint64_t hashed_here = 0;  // bytes hashed on the caller's thread before the thread started

  void run() {
    size_t next = 0;
    for (;;) {
      size_t n;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return ready[next] != 0 || no_more || abandoned; });
        if (abandoned || ready[next] == 0) return;  // no_more and nothing left
        n = ready[next];
      }
      hasher.update({slot[next].data(), n});
      {
        std::lock_guard<std::mutex> lock(mutex);
        ready[next] = 0;
      }
      changed.notify_all();
      next = (next + 1) % kSlots;
    }
  }

  bool start_thread() {
#ifdef KARTLA_SHA256_NO_THREADS
    return false;
#else
    try {
      thread = std::thread([this] { run(); });
      return true;
    } catch (const std::system_error&) {
      return false;
    }
#endif
  }

  // The slot being filled is full (or the last): the thread takes it, and the caller moves on to
  // the next slot once the thread has emptied it.
  void hand_over() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      ready[filling] = filled;
    }
    changed.notify_all();
    filling = (filling + 1) % kSlots;
    filled = 0;
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return ready[filling] == 0; });
  }

  void stop(bool give_up) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      no_more = true;
      abandoned = give_up;
    }
    changed.notify_all();
    thread.join();
    threaded = false;
  }
};

Sha256InBackground::Sha256InBackground() : shared_(std::make_unique<Shared>()) {}

Sha256InBackground::~Sha256InBackground() {
  if (shared_ && shared_->threaded) shared_->stop(/*give_up=*/true);
}

void Sha256InBackground::update(ByteView data) {
  Shared& s = *shared_;
  if (!s.threaded) {
    // A small document, or no thread to be had: hash here, with no copy. The first 256 KiB are
    // always hashed here; the thread then takes the state over with everything after them.
    if (s.inline_only || s.hashed_here + data.size < kSlotBytes) {
      s.hasher.update(data);
      s.hashed_here += data.size;
      return;
    }
    s.threaded = s.thread_was_used = s.start_thread();
    if (!s.threaded) {
      s.inline_only = true;
      s.hasher.update(data);
      return;
    }
  }
  while (data.size > 0) {
    SecretBuffer& slot = s.slot[s.filling];
    if (slot.empty()) slot = SecretBuffer(kSlotBytes, SecretBuffer::Uninitialized{});  // first use
    const size_t take = std::min(data.size, kSlotBytes - s.filled);
    std::memcpy(slot.data() + s.filled, data.data, take);
    s.filled += take;
    data = {data.data + take, data.size - take};
    if (s.filled == kSlotBytes) s.hand_over();
  }
}

Sha256 Sha256InBackground::finish() {
  Shared& s = *shared_;
  if (s.threaded) {
    if (s.filled > 0) s.hand_over();
    s.stop(/*give_up=*/false);
  }
  return s.hasher.finish();
}

bool Sha256InBackground::used_a_thread() const { return shared_->thread_was_used; }

}  // namespace kartla::crypto
