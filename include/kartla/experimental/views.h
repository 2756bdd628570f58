/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: views a person reads (progress, plan, the record as text).
 *
 * EXPERIMENTAL TIER (docs/API-STABILITY.md): these functions may change or go in any release,
 * and are exported under the version node KARTLA_EXPERIMENTAL. Define KARTLA_EXPERIMENTAL before
 * including kartla/kartla.h (or this header) to use them.
 */
#ifndef KARTLA_EXPERIMENTAL_VIEWS_H
#define KARTLA_EXPERIMENTAL_VIEWS_H

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/views.h is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include "kartla/record.h"
#include "kartla/share.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Views a person reads: progress, the action plan, the whole record as text (experimental).
 */
#define KARTLA_VIEW_OPTIONS_VERSION 1
typedef struct kartla_view_options {
  uint32_t version;              /* KARTLA_VIEW_OPTIONS_VERSION */
  uint32_t include_work_ability; /* progress: 1 = also chart work_ability scores (health data); 0 = not */
  const char *language;          /* BCP 47 tag for instrument titles and labels ("sv", "fi"); NULL = "en" */
} kartla_view_options;

/* Sets the version and the defaults (work_ability left out, language NULL). */
KARTLA_API void kartla_view_options_init(kartla_view_options *options);

/* Views: what a person reads, for the owner (kartla_record_*) and for an agency holding a share
 * (kartla_share_*), computed by the same code from the same sections. The owner's views read the
 * sections the record holds; an agency's read only the sections granted to it whose grant has not
 * expired at `at` (Unix seconds, UTC; 0 = now, as kartla_share_get_section), and never decrypt any
 * other. A view that needs a section it cannot have fails: KARTLA_E_NOT_FOUND (not in the record),
 * KARTLA_E_NOT_SHARED (not granted to this agency, or not in this file) or KARTLA_E_EXPIRED
 * (every grant covering it has expired at `at`). A section a view can do without is left out on
 * both sides alike, whether absent, not granted or expired.
 *
 * `options` may be NULL (defaults). KARTLA_E_INVALID_ARGUMENT for an options version this library
 * does not know, include_work_ability other than 0 or 1, a language tag that is empty or longer
 * than 35 bytes, or an encoding that is not a kartla_encoding. Typed results (progress, plan)
 * come back in *out encoded as asked (docs/MODEL.md, "Typed results of the views"); the others
 * are text. Thread safety: the record calls as every kartla_record call (not concurrently on one
 * record); the share calls may run on several threads at once. */

/* Each indicator's movement over time (stegförflyttning), from the progress section's dated
 * assessments (and work_ability's with include_work_ability, which is left out otherwise):
 * one series per instrument, indicator, target (the goal a GAS score rates) and respondent, with
 * the first and latest date and value, the change, its direction on the instrument's scale and
 * the number of assessments. Needs progress, or with include_work_ability progress or
 * work_ability; the action plan only names the goals GAS scores rate (left out if unreadable).
 *  kartla_record_progress: a kartla.v1.ProgressView.
 *  _text: a table per instrument.
 *  _svg:  a standalone SVG document, one small chart per series (layout in docs/MODEL.md). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_progress(const kartla_record *record,
                                                                  const kartla_view_options *options,
                                                                  kartla_encoding encoding, kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_progress_text(const kartla_record *record,
                                                                       const kartla_view_options *options,
                                                                       kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_progress_svg(const kartla_record *record,
                                                                      const kartla_view_options *options,
                                                                      kartla_buffer *out);

/* The action plan: goals with their sub-goals nested, the activities serving each goal with the
 * responsible agency, phase, status and dates. Needs action_plan; progress only labels the
 * phases (left out if unreadable). kartla_record_plan: a kartla.v1.PlanView. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_plan(const kartla_record *record,
                                                              const kartla_view_options *options,
                                                              kartla_encoding encoding, kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_plan_text(const kartla_record *record,
                                                                   const kartla_view_options *options,
                                                                   kartla_buffer *out);

/* The record as text for a person to read: coded values with the code systems' labels, dates as
 * dates, every entry's provenance marked. `section` NULL shows every section the record holds;
 * otherwise that section, which must be there (KARTLA_E_NOT_FOUND). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_show_text(const kartla_record *record, const char *section,
                                                                   const kartla_view_options *options,
                                                                   kartla_buffer *out);

/* The same views from a share, as the agency may read it at `at`. kartla_share_show_text with
 * `section` NULL shows every section this agency can read at `at`, under the record's id and
 * version; KARTLA_E_NOT_SHARED if it can read none (KARTLA_E_EXPIRED if some grant covered one
 * but has expired). work_ability (health data) is charted only when include_work_ability is set
 * and it is granted and unexpired. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_progress(const kartla_share *share, int64_t at,
                                                                 const kartla_view_options *options,
                                                                 kartla_encoding encoding, kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_progress_text(const kartla_share *share, int64_t at,
                                                                      const kartla_view_options *options,
                                                                      kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_progress_svg(const kartla_share *share, int64_t at,
                                                                     const kartla_view_options *options,
                                                                     kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_plan(const kartla_share *share, int64_t at,
                                                             const kartla_view_options *options,
                                                             kartla_encoding encoding, kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_plan_text(const kartla_share *share, int64_t at,
                                                                  const kartla_view_options *options,
                                                                  kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_show_text(const kartla_share *share, const char *section,
                                                                  int64_t at, const kartla_view_options *options,
                                                                  kartla_buffer *out);

/* ---------------------------------------------------------------------------------------------
 * The message catalogue the views speak from (gettext catalogues compiled into the library;
 * docs/I18N.md), for programs that print their own text in the same words as the views: the
 * command-line tool, the web app, a case system. `language` is a BCP 47 tag or a locale name
 * ("sv", "fi-FI", "sv_SE.UTF-8"); NULL or a language the catalogue does not hold means English.
 * `context` is the gettext msgctxt, NULL for none. The result is never NULL: a pointer into the
 * library's read-only catalogue, valid for the life of the process, or `msgid` itself when the
 * catalogue has no translation ("" when msgid is NULL). No locale, setlocale or file is used.
 * Thread safety: any thread, at any time. */

/* The translation of `msgid`. */
KARTLA_API const char *kartla_message(const char *language, const char *context, const char *msgid);
/* The plural form for `n` of the message whose English forms are `msgid` (n == 1) and
 * `msgid_plural` (otherwise); the English form when there is no translation. */
KARTLA_API const char *kartla_message_plural(const char *language, const char *context, const char *msgid,
                                             const char *msgid_plural, uint64_t n);
/* The label of `code` in the closed code system `system` ("cefr" "B1": "B1 threshold"; "gdpr-art6"
 * "6.1.e": "public task or official authority") in `language`; NULL when the system is not a
 * closed list, or the code is not in it, or an argument is NULL. Read-only, process lifetime. */
KARTLA_API const char *kartla_code_label(const char *language, const char *system, const char *code);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_EXPERIMENTAL_VIEWS_H */
