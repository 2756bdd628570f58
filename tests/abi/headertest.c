/* SPDX-License-Identifier: Apache-2.0 */
/* kartla.h must compile on its own as strict C99 (libgit2 tests/headertest): included first, twice,
 * with every warning an error. Built by CTest with -std=c99 -Wall -Wextra -pedantic -Werror. */
#include <kartla/kartla.h>
#include <kartla/kartla.h>

int headertest(void);

int headertest(void) {
  kartla_buffer buffer = KARTLA_BUFFER_INIT;
  kartla_identity_options options;
  kartla_status status = KARTLA_OK;
  options.version = KARTLA_IDENTITY_OPTIONS_VERSION;
  (void)buffer;
  (void)options;
  return (int)status + KARTLA_VERSION_NUMBER - KARTLA_VERSION_NUMBER;
}
