/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The C side of the .NET binding benchmark (bindings/dotnet/bench/Bench.cs): the same agency reads
 * through the C ABI directly, timed in C, in the same process as the C# side, so both read the
 * same files with the same library under the same load. Not part of the binding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kartla/kartla.h>

/* CPU time of the calling thread (user + system): on a loaded machine steadier than wall time,
 * and the C# side reads the same clock through kbench_thread_cpu. */
static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

double kbench_thread_cpu(void) { return seconds(); }

kartla_identity *kbench_open_agency(const char *path, const uint8_t *passphrase, size_t len) {
  kartla_identity *agency = NULL;
  if (kartla_identity_open_file(path, passphrase, len, &agency) != KARTLA_OK) return NULL;
  return agency;
}

void kbench_free_agency(kartla_identity *agency) { kartla_identity_free(agency); }

/* One open share and a caller's buffer for it, kept across rounds as the C# side keeps its Share
 * and its array: the buffer is touched once, so no read pays its first page faults. */
typedef struct kbench_reader {
  kartla_share *share;
  uint8_t *buffer;
  size_t capacity;
} kbench_reader;

kbench_reader *kbench_open_reader(const kartla_identity *agency, const char *bundle, const char *section, int64_t at) {
  kbench_reader *r = calloc(1, sizeof *r);
  if (r == NULL) return NULL;
  if (kartla_share_open_file(bundle, agency, &r->share) != KARTLA_OK ||
      kartla_share_section_size(r->share, section, at, &r->capacity) != KARTLA_OK ||
      (r->buffer = malloc(r->capacity)) == NULL) {
    kartla_share_free(r->share);
    free(r);
    return NULL;
  }
  memset(r->buffer, 0, r->capacity);
  return r;
}

void kbench_free_reader(kbench_reader *r) {
  if (r == NULL) return;
  kartla_share_free(r->share);
  free(r->buffer);
  free(r);
}

/* Seconds of CPU for `reps` reads of `section` at `at`, or a negative number on any failure.
 *  mode 0: kartla_share_open_file + kartla_share_section + frees, per read (an agency opening a bundle);
 *  mode 1: kartla_share_section on the reader's open share (a new guarded buffer per read);
 *  mode 2: kartla_share_section_into on the reader's share, into its buffer. */
double kbench_read(const kartla_identity *agency, kbench_reader *r, const char *bundle, const char *section, int64_t at,
                   int mode, int reps) {
  size_t used = 0;
  double start = seconds();
  int i;
  for (i = 0; i < reps; ++i) {
    kartla_buffer out = KARTLA_BUFFER_INIT;
    kartla_status st;
    if (mode == 0) {
      kartla_share *s = NULL;
      if (kartla_share_open_file(bundle, agency, &s) != KARTLA_OK) return -1;
      st = kartla_share_section(s, section, at, &out);
      kartla_buffer_free(&out);
      kartla_share_free(s);
    } else if (mode == 1) {
      st = kartla_share_section(r->share, section, at, &out);
      kartla_buffer_free(&out);
    } else {
      st = kartla_share_section_into(r->share, section, at, r->buffer, r->capacity, &used);
    }
    if (st != KARTLA_OK) return -1;
  }
  return seconds() - start;
}
