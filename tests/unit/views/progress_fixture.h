/* SPDX-License-Identifier: Apache-2.0 */
// A small fixed progress section whose summary and chart the report tests compute by hand.
//
// Dates (all 12:00 UTC): A = 2025-01-01, B = 2025-01-31 (A + 30 days), C = 2025-05-01 (A + 120
// days, since 31 + 28 + 31 + 30 = 120).
//   test-scale "mood" (1..5): participant A 2, B 3, C 5; professional B 4
//   test-scale "effort" (0..10): participant A 10, B 5, C not answered
//   test-steps step (1..3): A 1, B 2 (participant and professional: one point), C 2
#pragma once

namespace kartla::views::test {

inline constexpr const char* kProgressJson = R"JSON({
  "instruments": [
    {"id": "test-scale", "version": "1", "title": [{"lang": "en", "text": "Test <scale> & 'friends'"}, {"lang": "sv", "text": "Testskala"}],
     "publisher": "Kartla tests", "licence": "CC0",
     "indicators": [
       {"code": "mood", "label": [{"lang": "en", "text": "Mood <b>\"good\"</b>"}, {"lang": "sv", "text": "Humör"}],
        "scale": {"min": 1, "max": 5, "higher_is_better": true,
                  "points": [{"value": 1, "label": [{"lang": "en", "text": "Low"}]}, {"value": 5, "label": [{"lang": "en", "text": "High"}]}]}},
       {"code": "effort", "label": [{"lang": "en", "text": "Effort"}], "scale": {"min": 0, "max": 10, "higher_is_better": true}}
     ]},
    {"id": "test-steps", "version": "1", "title": [{"lang": "en", "text": "Test steps"}], "publisher": "Kartla tests", "licence": "CC0",
     "placeholder_wording": true, "wording_note": "test",
     "indicators": [{"code": "step", "label": [{"lang": "en", "text": "Step"}], "rater": "PROFESSIONAL",
        "scale": {"min": 1, "max": 3, "higher_is_better": true, "points": [{"value": 2, "label": [{"lang": "en", "text": "Step two"}]}]}}]}
  ],
  "entries": [
    {"id": "a1", "instrument": {"id": "test-scale", "version": "1"}, "assessed_at": "2025-01-01T12:00:00Z", "respondent": "RESPONDENT_PARTICIPANT",
     "scores": [{"indicator": "mood", "value": 2}, {"indicator": "effort", "value": 10}],
     "step": {"instrument_id": "test-steps", "instrument_version": "1", "step": 1},
     "assertion": {"source": "ASSESSED_INSTRUMENT", "asserted_at": "2025-01-01T12:00:00Z", "method": {"system": "kartla-instrument", "code": "test-scale", "version": "1"}}},
    {"id": "a2", "instrument": {"id": "test-scale", "version": "1"}, "assessed_at": "2025-01-31T12:00:00Z", "respondent": "RESPONDENT_PARTICIPANT",
     "scores": [{"indicator": "mood", "value": 3}, {"indicator": "effort", "value": 5}],
     "step": {"instrument_id": "test-steps", "instrument_version": "1", "step": 2},
     "assertion": {"source": "ASSESSED_INSTRUMENT", "asserted_at": "2025-01-31T12:00:00Z", "method": {"system": "kartla-instrument", "code": "test-scale", "version": "1"}}},
    {"id": "a3", "instrument": {"id": "test-scale", "version": "1"}, "assessed_at": "2025-01-31T12:00:00Z", "respondent": "RESPONDENT_PROFESSIONAL",
     "scores": [{"indicator": "mood", "value": 4}],
     "step": {"instrument_id": "test-steps", "instrument_version": "1", "step": 2},
     "assertion": {"source": "ASSESSED_INSTRUMENT", "asserted_at": "2025-01-31T12:00:00Z", "asserted_by_org": {"name": "Coach & Co"}, "method": {"system": "kartla-instrument", "code": "test-scale", "version": "1"}}},
    {"id": "a4", "instrument": {"id": "test-scale", "version": "1"}, "assessed_at": "2025-05-01T12:00:00Z", "respondent": "RESPONDENT_PARTICIPANT",
     "scores": [{"indicator": "mood", "value": 5}, {"indicator": "effort"}],
     "step": {"instrument_id": "test-steps", "instrument_version": "1", "step": 2},
     "assertion": {"source": "ASSESSED_INSTRUMENT", "asserted_at": "2025-05-01T12:00:00Z", "method": {"system": "kartla-instrument", "code": "test-scale", "version": "1"}}}
  ]
})JSON";

}  // namespace kartla::views::test
