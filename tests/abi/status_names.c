/* SPDX-License-Identifier: Apache-2.0 */
/* Prints "VALUE NAME" for kartla_status_name over every known code and a range of values no
 * version defines; check_status_names.py compares the list with the enum in kartla.h. */
#include <limits.h>
#include <stdio.h>

#include <kartla/kartla.h>

/* Above every code kartla.h defines (the checker fails if the enum outgrows it). */
#define KARTLA_TEST_STATUS_LIMIT 64

static void show(int value) {
  const char *name = kartla_status_name((kartla_status)value);
  printf("%d %s\n", value, name != NULL ? name : "(null)");
}

int main(void) {
  int value;
  printf("limit %d\n", KARTLA_TEST_STATUS_LIMIT);
  for (value = 0; value < KARTLA_TEST_STATUS_LIMIT; ++value) show(value);
  show(-1);
  show(INT_MAX);
  show(INT_MIN);
  return 0;
}
