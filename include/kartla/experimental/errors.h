/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: the last error in the reader's language.
 *
 * EXPERIMENTAL TIER (docs/API-STABILITY.md): these functions may change or go in any release,
 * and are exported under the version node KARTLA_EXPERIMENTAL. Define KARTLA_EXPERIMENTAL before
 * including kartla/kartla.h (or this header) to use them.
 */
#ifndef KARTLA_EXPERIMENTAL_ERRORS_H
#define KARTLA_EXPERIMENTAL_ERRORS_H

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/errors.h is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include "kartla/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Every message the library records for kartla_last_error() is a message of its catalogue (the
 * gettext catalogue compiled into the library, docs/I18N.md) with its arguments: section names,
 * sizes, paths and the operating system's own words, which are values and stay as they are.
 * kartla_last_error() is that message in English, unchanged (stable for logs and scripts);
 * this function gives the same message in `language`, for a person to read.
 *
 * `language` is a BCP 47 tag or a locale name ("sv", "fi-FI", "sv_SE.UTF-8"); NULL or a language
 * the catalogue does not hold means English, as does a message without a translation. The
 * result describes the most recent failure on the calling thread, exactly as kartla_last_error()
 * does: never NULL ("" before any failure), owned by the library, kept per operating-system
 * thread and valid until the next Kartla call on this thread (a further call of this function
 * included). It does not change what kartla_last_error() returns. "Errors and threads" in
 * kartla/common.h applies as written: read it on the thread that made the failing call.
 * Thread safety: any thread; each thread reads its own last error. */
KARTLA_API const char *kartla_last_error_localized(const char *language);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_EXPERIMENTAL_ERRORS_H */
