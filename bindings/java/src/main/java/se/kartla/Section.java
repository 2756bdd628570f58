// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.List;
import se.kartla.v1.ActionPlan;
import se.kartla.v1.Competences;
import se.kartla.v1.Documents;
import se.kartla.v1.Education;
import se.kartla.v1.Interventions;
import se.kartla.v1.Languages;
import se.kartla.v1.Notes;
import se.kartla.v1.Profile;
import se.kartla.v1.ProgrammeFollowup;
import se.kartla.v1.Progress;
import se.kartla.v1.SharingLedger;
import se.kartla.v1.WorkAbility;
import se.kartla.v1.WorkExperience;

/**
 * A record section with its message type (proto/kartla/v1, docs/MODEL.md), for reading and writing
 * sections as typed objects: {@code share.section(Section.LANGUAGES, at)} is a {@link Languages}.
 * The names are the library's ({@link Kartla#sectionNames()}). Immutable; thread-safe.
 *
 * @param <T> the section's message class
 */
public final class Section<T extends Message> {
  public static final Section<Profile> PROFILE = new Section<>("profile", Profile.parser());
  public static final Section<Education> EDUCATION = new Section<>("education", Education.parser());
  public static final Section<WorkExperience> WORK_EXPERIENCE =
      new Section<>("work_experience", WorkExperience.parser());
  public static final Section<Competences> COMPETENCES = new Section<>("competences", Competences.parser());
  public static final Section<Languages> LANGUAGES = new Section<>("languages", Languages.parser());
  /** Health data (GDPR Art. 9): shared only when named, with an Art. 9(2) basis. */
  public static final Section<WorkAbility> WORK_ABILITY = new Section<>("work_ability", WorkAbility.parser());
  public static final Section<ActionPlan> ACTION_PLAN = new Section<>("action_plan", ActionPlan.parser());
  public static final Section<Progress> PROGRESS = new Section<>("progress", Progress.parser());
  public static final Section<Interventions> INTERVENTIONS = new Section<>("interventions", Interventions.parser());
  public static final Section<Documents> DOCUMENTS = new Section<>("documents", Documents.parser());
  public static final Section<Notes> NOTES = new Section<>("notes", Notes.parser());
  /** Owner-only: written by sharing, revocation and expiry, never set directly. */
  public static final Section<SharingLedger> SHARING_LEDGER = new Section<>("sharing_ledger", SharingLedger.parser());
  /** Shared only for a programme's follow-up report, under GDPR Art. 6(1)(c) or 6(1)(e). */
  public static final Section<ProgrammeFollowup> PROGRAMME_FOLLOWUP =
      new Section<>("programme_followup", ProgrammeFollowup.parser());

  private static final List<Section<?>> ALL = List.of(PROFILE, EDUCATION, WORK_EXPERIENCE, COMPETENCES, LANGUAGES,
      WORK_ABILITY, ACTION_PLAN, PROGRESS, INTERVENTIONS, DOCUMENTS, NOTES, SHARING_LEDGER, PROGRAMME_FOLLOWUP);

  private final String name;
  private final Parser<T> parser;

  private Section(String name, Parser<T> parser) {
    this.name = name;
    this.parser = parser;
  }

  /** The section's snake_case name ("languages"). */
  public String name() {
    return name;
  }

  /** The parser of its message. */
  public Parser<T> parser() {
    return parser;
  }

  /** Every section this binding has a class for. */
  public static List<Section<?>> all() {
    return ALL;
  }

  /** The section of this name, or null. */
  public static Section<?> named(String name) {
    for (Section<?> s : ALL) {
      if (s.name.equals(name)) return s;
    }
    return null;
  }

  @Override
  public String toString() {
    return name;
  }
}
