// SPDX-License-Identifier: Apache-2.0
#include "model/validation/rules.h"

#include "codes/code_systems.h"

namespace kartla::model {
namespace {

std::vector<RuleInfo> build_catalogue() {
  std::vector<RuleInfo> r = {
      {"not-a-kartla-message", "only kartla.v1 messages are validated"},
      {"schema-parse", "content parses as the section's protobuf message (binary or JSON)"},
      {"enum-known-value", "an enum field holds a value its enum defines"},
      {"entry-id-required", "every entry has a stable id"},
      {"entry-id-shape", "ids are 1-64 letters, digits, '.', '_', ':' or '-'"},
      {"entry-id-unique", "ids are unique within the section"},
      {"assertion-required", "every entry carries its provenance"},
      {"assertion-source-required", "provenance says where a statement comes from"},
      {"assertion-time-required", "provenance says when"},
      {"assertion-org-required", "statements not by the participant name an organisation"},
      {"assertion-method-required", "instrument results and validations name the method"},
      {"assertion-evidence-required", "credential statements name their document"},
      {"coding-system-required", "a coded value names its code system"},
      {"coding-system-unknown", "the code system is registered"},
      {"coding-system-not-allowed", "the field accepts that code system"},
      {"coding-code-required", "a coded value has a code"},
      {"coding-version-required", "codes of living code lists carry the list version"},
      {"coding-version-mismatch", "a code names the edition the library knows (edition-named and pinned lists)"},
      {"date-real", "dates exist in the calendar"},
      {"period-order", "a period does not end before it starts"},
      {"timestamp-range", "times lie in 0001-9999"},
      {"se-personnummer-format", "personnummer: 12 digits, century 18-20"},
      {"se-personnummer-date", "personnummer: the birth date exists"},
      {"se-personnummer-luhn", "personnummer: Luhn check digit"},
      {"se-samordningsnummer-format", "samordningsnummer: 12 digits, century 18-20"},
      {"se-samordningsnummer-date", "samordningsnummer: day - 60 is a real date"},
      {"se-samordningsnummer-luhn", "samordningsnummer: Luhn check digit"},
      {"fi-henkilotunnus-format", "henkilötunnus: DDMMYYCZZZQ with a valid century sign"},
      {"fi-henkilotunnus-date", "henkilötunnus: the birth date exists"},
      {"fi-henkilotunnus-individual-number", "henkilötunnus: individual number 002-999"},
      {"fi-henkilotunnus-check", "henkilötunnus: mod 31 check character"},
      {"se-orgnr-format", "organisationsnummer: 10 digits"},
      {"se-orgnr-group", "organisationsnummer: third digit 2 or more"},
      {"se-orgnr-luhn", "organisationsnummer: Luhn check digit"},
      {"fi-ytunnus-format", "Y-tunnus: NNNNNNN-C"},
      {"fi-ytunnus-check", "Y-tunnus: weighted mod 11 check digit"},
      {"national-id-empty", "an identity number, when present, is filled in"},
      {"orgref-foreign-country", "a foreign organisation id names its country"},
      {"orgref-empty", "an organisation has an id or a name"},
      {"contact-email-shape", "e-mail looks like an address"},
      {"contact-phone-e164", "phone numbers in international E.164 form"},
      {"interpreter-language-required", "an interpreter need names the language"},
      {"education-highest-completed", "one highest completed education, and it is completed"},
      {"nqf-eqf-consistent", "SeQF and EQF levels agree"},
      {"competence-skill-or-text", "a competence has a concept or a description"},
      {"self-rating-range", "self-rating 1-5"},
      {"validation-assessor-required", "a validation names the assessing organisation"},
      {"validation-certificate-required", "a validation refers to its certificate"},
      {"validation-credits-range", "OCN credits 0-1000"},
      {"language-required", "a language entry names the language"},
      {"sfi-study-path-required", "SFI courses belong to a study path"},
      {"sfi-course-in-study-path", "the SFI course is part of the study path"},
      {"sfi-national-test-course", "national tests only in SFI courses B-D"},
      {"icf-qualifier-range", "ICF qualifiers 0-4, 8, 9"},
      {"icf-environment-sign", "only e-codes are barriers or facilitators"},
      {"hours-per-week-range", "hours per week 0-60"},
      {"instrument-id", "instrument ids are lower-case kebab words"},
      {"instrument-version-required", "instrument definitions carry their version"},
      {"instrument-indicators-required", "an instrument has indicators"},
      {"instrument-indicator-code", "indicator codes present and unique"},
      {"instrument-scale-range", "scales have min < max"},
      {"instrument-scale-point", "scale points lie on the scale, once each"},
      {"instrument-definition-unique", "an instrument version is pinned once per section"},
      {"score-instrument-required", "scores name their instrument"},
      {"score-instrument-unknown", "the instrument is pinned in the section"},
      {"respondent-required", "scores say who gave them"},
      {"score-indicator-unknown", "scores name an indicator of the instrument"},
      {"score-duplicate", "an indicator is scored once per assessment and target"},
      {"score-out-of-scale", "scores lie within the indicator's scale"},
      {"score-target-required", "per-target indicators name the target"},
      {"score-rater-mismatch", "the respondent may rate that indicator"},
      {"health-instrument-outside-work-ability", "health scores only in work_ability"},
      {"step-instrument-unknown", "the step model is pinned in the section"},
      {"step-out-of-scale", "the step lies on the step model's scale"},
      {"goal-parent-unknown", "a sub-goal's parent exists"},
      {"goal-parent-cycle", "goals do not form a cycle"},
      {"activity-goal-unknown", "an activity's goals exist"},
      {"activity-done-needs-end", "a done activity records its end"},
      {"gas-level-range", "GAS levels -2..+2, each once"},
      {"involved-agency-unnamed", "an involved agency is named"},
      {"involved-since-required", "an involved agency says since when"},
      {"contact-name-or-pseudonym", "a contact is a name or a pseudonym, not both"},
      {"contact-since-required", "a contact says since when"},
      {"contacts-in-order", "contacts oldest first, each from a later date"},
      {"lead-agency-once", "at most one lead agency (huvudman)"},
      {"meeting-date-required", "a meeting has a full date"},
      {"meeting-next-after", "the next meeting is after this one"},
      {"meeting-present-required", "a meeting names the agencies present"},
      {"meeting-present-twice", "an agency is present once"},
      {"meeting-agency-unknown", "meetings name involved agencies"},
      {"next-step-action-required", "a next step says what is to be done"},
      {"parallel-with-unknown", "parallel interventions exist"},
      {"service-step-required", "a service step taken part in names the step"},
      {"service-step-start-required", "a service step taken part in says from when"},
      {"document-sha256-length", "documents with content carry a 32-byte SHA-256"},
      {"document-size-matches", "size_bytes matches inline content"},
      {"document-media-type", "media type is type/subtype"},
      {"document-health-flag", "medical statements are flagged as health data"},
      {"note-text-required", "a note has text"},
      {"note-retention-order", "a note is not due for deletion before it was written"},
      {"grant-fingerprint-required", "a grant records the agency key fingerprint"},
      {"grant-sections-required", "a grant names its sections"},
      {"grant-section-name", "section names are snake_case, once each"},
      {"grant-purpose-required", "a grant states its purpose"},
      {"grant-time-required", "a grant records when it was granted"},
      {"grant-expiry-order", "a grant expires after it is granted"},
      {"grant-revocation-order", "a grant is revoked after it is granted"},
      {"grant-art9-basis", "sharing work_ability needs a GDPR Art. 9(2) basis"},
      {"access-event-grant-unknown", "access events name a grant of the ledger"},
      {"access-event-section-not-granted", "access events stay within the grant's sections"},
      {"access-event-order", "access events are timed and in time order"},
      {"access-event-hash-length", "event hashes are 32 bytes"},
      {"access-event-chain", "each event carries the previous event's hash"},
      {"followup-programme-required", "a follow-up entry names the programme"},
      {"followup-phase-required", "a phase transition names its phase scheme and a phase from 1"},
      {"followup-phase-date-required", "a phase transition says when"},
      {"followup-phase-scheme", "phase transitions use one phase scheme"},
      {"followup-phase-order", "phase transitions oldest first"},
      {"followup-exit-order", "the exit is not before the entry"},
      {"followup-outcome-needs-exit", "an outcome at or after exit needs the exit date"},
      {"participation-degree-range", "participation degree 1-100 % of full time"},
      {"participation-date-required", "a participation degree says from when"},
      {"participation-order", "participation degrees oldest first"},
      {"grant-followup-basis", "sharing programme_followup needs Art. 6(1)(c) or (e)"},
  };
  for (const codes::CodeSystem& s : codes::code_systems()) {
    bool known = false;
    for (const RuleInfo& existing : r) known = known || existing.id == s.code_rule;
    if (!known) r.push_back({s.code_rule, s.title});
  }
  return r;
}

}  // namespace

const std::vector<RuleInfo>& validation_rules() {
  static const std::vector<RuleInfo> catalogue = build_catalogue();
  return catalogue;
}

bool rule_needs_whole_section(std::string_view rule) {
  // score-instrument-unknown and step-instrument-unknown: instruments are pinned in the section's
  // own `instruments`, which a contribution does not carry; parallel-with-unknown: the other
  // interventions are the owner's. (entry-id-unique and education-highest-completed also compare
  // entries, but an entry alone can only break them by itself.)
  return rule == "score-instrument-unknown" || rule == "step-instrument-unknown" || rule == "parallel-with-unknown";
}

}  // namespace kartla::model
