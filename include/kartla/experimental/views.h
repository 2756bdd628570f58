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

/* The views below read the sections they need from the record (decrypting them) and return text
 * in *out. `options` may be NULL (defaults). KARTLA_E_INVALID_ARGUMENT for an options version
 * this library does not know, include_work_ability other than 0 or 1, or a language tag that is
 * empty or longer than 35 bytes. Thread safety: as for every kartla_record call, not
 * concurrently with another call on the same record. */

/* Each indicator's movement over time (stegförflyttning), from the progress section's dated
 * assessments (and work_ability's with include_work_ability, which is left out otherwise):
 * one series per instrument, indicator, target (the goal a GAS score rates) and respondent, with
 * the first and latest date and value, the change, its direction on the instrument's scale and
 * the number of assessments. KARTLA_E_NOT_FOUND if the record holds none of those sections.
 *  _json: {"from", "to", "indicators": [{"section", "kind", "instrument", "instrument_version",
 *          "instrument_title", "placeholder_wording", "health_data", "indicator", "label", "target",
 *          "target_label", "respondent", "scale": {"min", "max", "higher_is_better", "min_label",
 *          "max_label"} or null, "first": {"date", "value"}, "latest": {...}, "change",
 *          "direction", "assessments", "points": [{"date", "value"}, ...]}, ...]}
 *  _text: a table per instrument.
 *  _svg:  a standalone SVG document, one small chart per series (layout in docs/MODEL.md). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_progress_json(const kartla_record *record,
                                                                       const kartla_view_options *options,
                                                                       kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_progress_text(const kartla_record *record,
                                                                       const kartla_view_options *options,
                                                                       kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_progress_svg(const kartla_record *record,
                                                                      const kartla_view_options *options,
                                                                      kartla_buffer *out);

/* The action plan: goals with their sub-goals nested, the activities serving each goal with the
 * responsible agency, phase, status and dates. KARTLA_E_NOT_FOUND without an action_plan section.
 *  _json: {"revision", "agreed_at", "participant_agreed", "current_step", "co_owners",
 *          "provenance", "goals": [{"id", "text", "status", "horizon", "target_date",
 *          "target_occupation", "target_education", "gas_levels", "provenance", "activities"
 *          (ids), "sub_goals": [...]}], "activities": [{"id", "title", "description", "type",
 *          "responsible", "responsible_role", "step", "status", "planned", "actual",
 *          "intervention_id", "goals", "provenance"}], "activities_without_goal" (ids)} */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_plan_json(const kartla_record *record,
                                                                   const kartla_view_options *options,
                                                                   kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_plan_text(const kartla_record *record,
                                                                   const kartla_view_options *options,
                                                                   kartla_buffer *out);

/* The record as text for a person to read: coded values with the code systems' labels, dates as
 * dates, every entry's provenance marked. `section` NULL shows every section the record holds;
 * otherwise KARTLA_E_NOT_FOUND if the record does not hold it. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_show_text(const kartla_record *record, const char *section,
                                                                   const kartla_view_options *options,
                                                                   kartla_buffer *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_EXPERIMENTAL_VIEWS_H */
