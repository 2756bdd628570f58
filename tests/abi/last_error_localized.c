/* SPDX-License-Identifier: Apache-2.0 */
/* kartla_last_error_localized (kartla/experimental/errors.h): the library's own message of a
 * failure in the reader's language, with its values (a parameter's or a section's name) as they were, while
 * kartla_last_error() stays the English text. Each case fails the library in a known way and
 * compares the three languages' texts with what the catalogue says for that message, looked up
 * through kartla_message, so the test follows the catalogue's wording rather than pinning it. */
#include <stdio.h>
#include <string.h>

#include <kartla/kartla.h>

static int failures = 0;

static void expect(int ok, const char *what, const char *got) {
  if (!ok) {
    printf("FAIL: %s: got '%s'\n", what, got);
    ++failures;
  }
}

/* `pattern` (one %s) with `value` in it: the catalogue's message as the library must format it. */
static void formatted(char *out, size_t size, const char *pattern, const char *value) {
  const char *at = strstr(pattern, "%s");
  if (at == NULL) {
    snprintf(out, size, "%s", pattern);
    return;
  }
  snprintf(out, size, "%.*s%s%s", (int)(at - pattern), pattern, value, at + 2);
}

int main(void) {
  static const char kMessage[] = "%s is NULL";
  char expected[512];
  char english[512];
  int out = 0;

  expect(strcmp(kartla_last_error_localized("sv"), "") == 0, "before any failure, not \"\"", kartla_last_error_localized("sv"));

  /* A catalogue message with one argument: the parameter's name, which no language changes. */
  if (kartla_section_is_special_category(NULL, &out) != KARTLA_E_INVALID_ARGUMENT) {
    printf("FAIL: a NULL section name was accepted\n");
    return 1;
  }
  snprintf(english, sizeof english, "%s", kartla_last_error());
  formatted(expected, sizeof expected, kMessage, "section");
  expect(strcmp(english, expected) == 0, "kartla_last_error() is not the English message", english);
  formatted(expected, sizeof expected, kartla_message("sv", NULL, kMessage), "section");
  expect(strcmp(kartla_last_error_localized("sv_SE.UTF-8"), expected) == 0, "Swedish", kartla_last_error_localized("sv"));
  expect(strcmp(expected, english) != 0, "the catalogue has no Swedish for the message", expected);
  formatted(expected, sizeof expected, kartla_message("fi", NULL, kMessage), "section");
  expect(strcmp(kartla_last_error_localized("fi-FI"), expected) == 0, "Finnish", kartla_last_error_localized("fi"));
  expect(strcmp(expected, english) != 0, "the catalogue has no Finnish for the message", expected);
  expect(strcmp(kartla_last_error_localized("en"), english) == 0, "English", kartla_last_error_localized("en"));
  /* Asking for a translation leaves the English message as it was. */
  expect(strcmp(kartla_last_error(), english) == 0, "kartla_last_error() changed", kartla_last_error());

  /* A success changes neither; the next failure replaces both. */
  if (kartla_section_is_special_category("work_ability", &out) != KARTLA_OK || out != 1) ++failures;
  expect(strcmp(kartla_last_error(), english) == 0, "a success changed kartla_last_error()", kartla_last_error());
  if (kartla_section_is_special_category("no_such_section", &out) != KARTLA_E_INVALID_ARGUMENT) ++failures;
  expect(strstr(kartla_last_error_localized("fi"), "no_such_section") != NULL &&
             strcmp(kartla_last_error_localized("fi"), kartla_last_error()) != 0,
         "the next failure's Finnish names its section", kartla_last_error_localized("fi"));

  printf("%d failures\n", failures);
  return failures == 0 ? 0 : 1;
}
