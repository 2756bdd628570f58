/* SPDX-License-Identifier: Apache-2.0 */
/* kartla_last_error() is per thread (kartla.h: "no process-wide mutable state"). Two threads
 * fail with different messages in lock step and each must read back its own message, many
 * times over; a thread that has not failed yet must see "". A process-wide message would be
 * overwritten by the other thread between the barrier waits. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <kartla/kartla.h>

#define ROUNDS 200

static pthread_barrier_t barrier;

struct worker {
  const char *section; /* an unknown section name: its failure message names it */
  int failures;
};

static void *run(void *arg) {
  struct worker *w = arg;
  int round;
  int out = 0;
  if (kartla_last_error()[0] != '\0') {
    printf("FAIL %s: a new thread sees a message before any failure: %s\n", w->section, kartla_last_error());
    ++w->failures;
  }
  for (round = 0; round < ROUNDS; ++round) {
    if (kartla_section_is_special_category(w->section, &out) != KARTLA_E_INVALID_ARGUMENT) ++w->failures;
    pthread_barrier_wait(&barrier); /* both have failed */
    if (strstr(kartla_last_error(), w->section) == NULL) {
      if (w->failures < 5) printf("FAIL %s round %d: read '%s'\n", w->section, round, kartla_last_error());
      ++w->failures;
    }
    pthread_barrier_wait(&barrier); /* both have read before either fails again */
  }
  return NULL;
}

int main(void) {
  struct worker workers[2] = {{"thread-one-section", 0}, {"thread-two-section", 0}};
  pthread_t threads[2];
  int i;
  int out = 0;

  if (kartla_section_is_special_category("main-thread-section", &out) != KARTLA_E_INVALID_ARGUMENT) return 1;
  pthread_barrier_init(&barrier, NULL, 2);
  for (i = 0; i < 2; ++i)
    if (pthread_create(&threads[i], NULL, run, &workers[i]) != 0) return 1;
  for (i = 0; i < 2; ++i) pthread_join(threads[i], NULL);
  pthread_barrier_destroy(&barrier);

  if (strstr(kartla_last_error(), "main-thread-section") == NULL) {
    printf("FAIL main: its message was replaced by another thread's: %s\n", kartla_last_error());
    return 1;
  }
  for (i = 0; i < 2; ++i) printf("%s: %d failures in %d rounds\n", workers[i].section, workers[i].failures, ROUNDS);
  return workers[0].failures + workers[1].failures == 0 ? 0 : 1;
}
