/* SPDX-License-Identifier: Apache-2.0 */
/* Checks shared by the misuse cases (libsodium test/default/misuse.c pattern): each case calls
 * one exported function wrongly and asserts the house rules of kartla.h for a failure. */
#ifndef KARTLA_TESTS_ABI_MISUSE_SUPPORT_H
#define KARTLA_TESTS_ABI_MISUSE_SUPPORT_H

#include <stdio.h>
#include <string.h>

#include <kartla/kartla.h>

static int misuse_failures = 0;
static int misuse_cases = 0;
static char misuse_sentinel[512];

/* A handle output starts out pointing here, so "set to NULL on failure" is observable. */
static int misuse_poison_target;
#define POISON ((void *)&misuse_poison_target)

static void misuse_fail(int line, const char *call, const char *problem) {
  ++misuse_failures;
  printf("FAIL line %d: %s: %s\n", line, call, problem);
}

/* Leaves a known message behind, so a failure that does not set its own message is caught. */
static void misuse_plant_sentinel(void) {
  int out = 0;
  if (kartla_section_is_special_category("misuse-sentinel-section", &out) == KARTLA_OK || kartla_last_error()[0] == '\0') {
    printf("FAIL: the sentinel call did not fail with a message\n");
    ++misuse_failures;
  }
  snprintf(misuse_sentinel, sizeof misuse_sentinel, "%s", kartla_last_error());
}

static void misuse_check_status(int line, const char *call, kartla_status got, kartla_status expected) {
  const char *message = kartla_last_error();
  char problem[1024];
  ++misuse_cases;
  if (got != expected) {
    snprintf(problem, sizeof problem, "returned %s (%s), expected %s", kartla_status_name(got), message,
             kartla_status_name(expected));
    misuse_fail(line, call, problem);
  } else if (message == NULL || message[0] == '\0') {
    misuse_fail(line, call, "kartla_last_error() is empty");
  } else if (strcmp(message, misuse_sentinel) == 0) {
    misuse_fail(line, call, "kartla_last_error() still holds the previous failure's message");
  } else {
    printf("ok   line %d: %s -> %s: %s\n", line, call, kartla_status_name(got), message);
  }
}

/* EXPECT_STATUS(KARTLA_E_..., call): the call fails with that status and its own message. */
#define EXPECT_STATUS(expected, call)                                      \
  do {                                                                     \
    kartla_status misuse_got_;                                             \
    misuse_plant_sentinel();                                               \
    misuse_got_ = (call);                                                  \
    misuse_check_status(__LINE__, #call, misuse_got_, (expected));         \
  } while (0)
#define EXPECT_MISUSE(call) EXPECT_STATUS(KARTLA_E_INVALID_ARGUMENT, call)

static void misuse_check_refused(int line, const char *call, kartla_status got) {
  if (got == KARTLA_OK || got == KARTLA_E_INTERNAL || got == KARTLA_E_NO_MEMORY) {
    ++misuse_cases;
    misuse_fail(line, call, kartla_status_name(got));
  } else {
    misuse_check_status(line, call, got, got);
  }
}
/* EXPECT_REFUSED(call): refused as the caller's fault, where kartla.h does not pin the class. */
#define EXPECT_REFUSED(call)                                               \
  do {                                                                     \
    kartla_status misuse_got_;                                             \
    misuse_plant_sentinel();                                               \
    misuse_got_ = (call);                                                  \
    misuse_check_refused(__LINE__, #call, misuse_got_);                    \
  } while (0)

#define EXPECT_NULL(handle)                                                           \
  do {                                                                                \
    if ((handle) != NULL) misuse_fail(__LINE__, #handle, "output handle not set to NULL"); \
  } while (0)
#define EXPECT_ZERO(value)                                                           \
  do {                                                                               \
    if ((value) != 0) misuse_fail(__LINE__, #value, "output value not set to 0");    \
  } while (0)
#define EXPECT_EMPTY(buffer)                                                                          \
  do {                                                                                                \
    if ((buffer).data != NULL || (buffer).len != 0 || (buffer).internal != NULL)                      \
      misuse_fail(__LINE__, #buffer, "output buffer not left empty");                                 \
  } while (0)
/* A caller's non-empty buffer is theirs: a refused call must neither free nor overwrite it. */
#define EXPECT_UNTOUCHED(buffer, copy)                                                               \
  do {                                                                                               \
    if ((buffer).data != (copy).data || (buffer).len != (copy).len || (buffer).internal != (copy).internal) \
      misuse_fail(__LINE__, #buffer, "a non-empty output buffer was modified");                      \
  } while (0)

#endif
