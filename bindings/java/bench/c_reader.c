/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The C side of bindings/java's benchmark (BindingBenchmark.java compiles and runs it): the same
 * agency work the Java binding does, called on the C ABI directly, timed in C.
 *
 *   c_reader AGENCY_ID PASSPHRASE BUNDLE SECTION AT SAMPLES BATCH MODE
 *
 * The agency identity is unlocked once, untimed (Argon2id is paid when a person unlocks it). MODE:
 *   open_read  kartla_share_open_file, kartla_share_section, kartla_buffer_free, kartla_share_free
 *   read       kartla_share_section + kartla_buffer_free on a share opened once
 *   into       kartla_share_section_into a buffer of kartla_share_section_size bytes, reused
 * Each of SAMPLES samples times BATCH repetitions, in the calling thread's CPU time and in wall
 * time. Prints one line: MODE, then the median over the samples of one repetition's nanoseconds,
 * CPU and wall.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kartla/kartla.h>

static int check(kartla_status s, const char *what) {
  if (s == KARTLA_OK) return 1;
  fprintf(stderr, "c_reader: %s: %s: %s\n", what, kartla_status_name(s), kartla_last_error());
  exit(1);
}

static long long ns(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc != 9) {
    fprintf(stderr, "usage: c_reader AGENCY_ID PASSPHRASE BUNDLE SECTION AT SAMPLES BATCH MODE\n");
    return 2;
  }
  const char *bundle = argv[3], *section = argv[4], *mode = argv[8];
  const int64_t at = strtoll(argv[5], NULL, 10);
  const int reps = atoi(argv[6]), batch = atoi(argv[7]);
  kartla_identity *agency = NULL;
  check(kartla_identity_open_file(argv[1], (const uint8_t *)argv[2], strlen(argv[2]), &agency), "identity");
  long long *samples = calloc((size_t)reps, sizeof *samples);
  long long *walls = calloc((size_t)reps, sizeof *walls);
  kartla_share *share = NULL;
  uint8_t *into = NULL;
  size_t capacity = 0;
  if (strcmp(mode, "open_read") != 0) {
    check(kartla_share_open_file(bundle, agency, &share), "open");
    check(kartla_share_section_size(share, section, at, &capacity), "size");
    into = malloc(capacity);
    memset(into, 0, capacity); /* touched before timing, as the Java side's reused buffer */
  }
  for (int i = 0; i < reps; i++) {
    const long long start = ns(CLOCK_THREAD_CPUTIME_ID), wall = ns(CLOCK_MONOTONIC);
    for (int b = 0; b < batch; b++) {
    if (strcmp(mode, "open_read") == 0) {
      kartla_share *s = NULL;
      kartla_buffer out = KARTLA_BUFFER_INIT;
      check(kartla_share_open_file(bundle, agency, &s), "open");
      check(kartla_share_section(s, section, at, &out), "section");
      kartla_buffer_free(&out);
      kartla_share_free(s);
    } else if (strcmp(mode, "read") == 0) {
      kartla_buffer out = KARTLA_BUFFER_INIT;
      check(kartla_share_section(share, section, at, &out), "section");
      kartla_buffer_free(&out);
    } else {
      size_t used = 0;
      check(kartla_share_section_into(share, section, at, into, capacity, &used), "into");
    }
    }
    samples[i] = (ns(CLOCK_THREAD_CPUTIME_ID) - start) / batch;
    walls[i] = (ns(CLOCK_MONOTONIC) - wall) / batch;
  }
  qsort(samples, (size_t)reps, sizeof *samples, by_value);
  qsort(walls, (size_t)reps, sizeof *walls, by_value);
  printf("%s %lld %lld\n", mode, samples[reps / 2], walls[reps / 2]);
  free(into);
  free(samples);
  free(walls);
  kartla_share_free(share);
  kartla_identity_free(agency);
  return 0;
}
