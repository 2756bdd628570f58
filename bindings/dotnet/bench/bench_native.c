/*
 * The C side of the .NET binding benchmark (bindings/dotnet/bench/Bench.cs): the same agency reads
 * through the C ABI directly, timed in C, in the same process as the C# side, so both read the
 * same files with the same library under the same load. Not part of the binding.
 */
#include <stdint.h>
#include <stdlib.h>
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

/* Seconds for `reps` reads of `section` at `at`, or a negative number on any failure.
 *  mode 0: kartla_share_open_file + kartla_share_section + frees, per read (an agency opening a bundle);
 *  mode 1: kartla_share_section on one open share (a new guarded buffer per read);
 *  mode 2: kartla_share_section_into on one open share, into one malloc'd buffer reused. */
double kbench_read(const kartla_identity *agency, const char *bundle, const char *section, int64_t at, int mode,
                   int reps) {
  kartla_share *share = NULL;
  uint8_t *mine = NULL;
  size_t capacity = 0, used = 0;
  double start, elapsed = -1;
  int i;
  if (mode != 0) {
    if (kartla_share_open_file(bundle, agency, &share) != KARTLA_OK) return -1;
    if (kartla_share_section_size(share, section, at, &capacity) != KARTLA_OK) goto done;
    mine = malloc(capacity);
    if (mine == NULL) goto done;
  }
  start = seconds();
  for (i = 0; i < reps; ++i) {
    kartla_buffer out = KARTLA_BUFFER_INIT;
    if (mode == 0) {
      kartla_share *s = NULL;
      if (kartla_share_open_file(bundle, agency, &s) != KARTLA_OK) goto done;
      kartla_status st = kartla_share_section(s, section, at, &out);
      kartla_buffer_free(&out);
      kartla_share_free(s);
      if (st != KARTLA_OK) goto done;
    } else if (mode == 1) {
      kartla_status st = kartla_share_section(share, section, at, &out);
      kartla_buffer_free(&out);
      if (st != KARTLA_OK) goto done;
    } else {
      if (kartla_share_section_into(share, section, at, mine, capacity, &used) != KARTLA_OK) goto done;
    }
  }
  elapsed = seconds() - start;
done:
  free(mine);
  kartla_share_free(share);
  return elapsed;
}
