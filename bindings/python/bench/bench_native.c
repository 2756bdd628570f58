/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The C side of the Python binding's benchmark (bench.py): the same agency reads through the C
 * ABI directly, timed in C, in the same process as the Python side, on the same files with the
 * same libkartla.so.1 (this object names it by soname, so the loader hands it the copy the binding
 * already loaded). Not part of the binding.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kartla/kartla.h>

/* CPU time of the calling thread; the Python side reads the same clock (time.thread_time). */
static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Seconds of CPU for `reps` reads of `section` at `at`, or a negative number on any failure.
 *  mode 0: kartla_share_open_file + kartla_share_section + kartla_buffer_free + kartla_share_free
 *          per read: an agency opening the bundle and reading one section;
 *  mode 1: kartla_share_section + kartla_buffer_free on `share`, open already;
 *  mode 2: kartla_share_section_into on `share`, into `buffer` (the caller's, touched). */
double kbench_read(const kartla_identity *agency, const kartla_share *share, const char *bundle,
                   const char *section, int64_t at, int mode, int reps, uint8_t *buffer, size_t capacity) {
  double start = cpu_seconds();
  for (int i = 0; i < reps; ++i) {
    kartla_buffer out = KARTLA_BUFFER_INIT;
    kartla_status st;
    size_t used = 0;
    if (mode == 0) {
      kartla_share *s = NULL;
      st = kartla_share_open_file(bundle, agency, &s);
      if (st == KARTLA_OK) st = kartla_share_section(s, section, at, &out);
      kartla_buffer_free(&out);
      kartla_share_free(s);
    } else if (mode == 1) {
      st = kartla_share_section(share, section, at, &out);
      kartla_buffer_free(&out);
    } else {
      st = kartla_share_section_into(share, section, at, buffer, capacity, &used);
    }
    if (st != KARTLA_OK) return -1.0;
  }
  return cpu_seconds() - start;
}
