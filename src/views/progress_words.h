/* SPDX-License-Identifier: Apache-2.0 */
// The words the progress table and chart share for a series' fixed tokens (who answered, which
// way it moved), from the catalogue in the reader's language: one list, so the chart and the
// table never call one thing by two names.
#pragma once

#include <string>

#include "views/progress.h"
#include "views/words.h"

namespace kartla::views {

// "participant (self-rating)", "professional", "together", ...; "programme step" for a step model.
std::string respondent_heading(const ProgressSeries& s, Language l);
// "better", "worse", "unchanged".
std::string direction_text(const ProgressSeries& s, Language l);

}  // namespace kartla::views
