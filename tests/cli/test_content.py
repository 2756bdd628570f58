"""Section content with the CLI: `validate`, `record set` refusing invalid content (record left
unchanged), and the views a person reads: `progress` (table, JSON, SVG checked against numbers
computed by hand), `plan` and `record show`."""

import copy
import json
import os
import re
import xml.etree.ElementTree as ElementTree

from cli_harness import NOT_AVAILABLE, OK, USAGE, Cli, case, check, main, loads

OWNER = ["--owner", "owner.id"]


def persona(cli, name, section):
    return os.path.join(cli.source_dir, "examples", "personas", name, section + ".json")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_json(cli, name, value):
    cli.write(name, json.dumps(value, ensure_ascii=False))
    return name


def invalid(cli, *args, stdin=None):
    """A `validate` of invalid content: exit 2, the violations on stdout, one error line."""
    r = cli.run(*args, stdin=stdin)
    check(r.rc == USAGE, "invalid content exits with 2", r)
    check(r.err.startswith("kartla: error: ") and r.err.count("\n") == 1, "one error line on stderr", r)
    return r.out


# ---- record set refuses invalid content, with a message naming the field

def refused_unchanged(cli, section, content_file, field, rule):
    """`record set` must exit 2 naming FIELD and RULE, and leave the record's bytes as they were."""
    before = cli.read_bytes("rec.kartla")
    sequence = cli.verify_json("rec.kartla")["sequence"]
    err = cli.fails(USAGE, "record", "set", "rec.kartla", *OWNER, "--section", section, "--json", content_file)
    check(("%s section refused: %s: %s: " % (section, field, rule)) in err, "the message names the field: " + err)
    check(cli.read_bytes("rec.kartla") == before, "the record file is byte for byte unchanged")
    check(cli.verify_json("rec.kartla")["sequence"] == sequence, "no new version was saved")
    return err


def record_with(cli, *sections):
    cli.new_identity()
    cli.new_record()
    for section, path in sections:
        cli.ok("record", "set", "rec.kartla", *OWNER, "--section", section, "--json", path)


@case
def an_invalid_personnummer_is_refused(cli: Cli):
    good = persona(cli, "long-term-unemployed-landskrona", "profile")
    record_with(cli, ("profile", good))
    profile = load(good)
    profile["national_id"]["se_personnummer"] = "196408233235"  # Skatteverket's example, last digit changed
    refused_unchanged(cli, "profile", write_json(cli, "p.json", profile), "national_id.se_personnummer",
                      "se-personnummer-luhn")
    check(loads(cli.ok("record", "get", "rec.kartla", *OWNER, "--section", "profile"))["national_id"] ==
          {"se_personnummer": "196408233234"}, "the stored profile is the old one")


@case
def an_impossible_date_is_refused(cli: Cli):
    good = persona(cli, "long-term-unemployed-landskrona", "profile")
    record_with(cli, ("profile", good))
    profile = load(good)
    profile["birth_date"] = {"year": 1964, "month": 2, "day": 30}
    err = refused_unchanged(cli, "profile", write_json(cli, "p.json", profile), "birth_date", "date-real")
    check("1964-02-30 is not a real date" in err, err)


@case
def an_unknown_cefr_level_is_refused(cli: Cli):
    good = persona(cli, "newly-arrived-filipstad", "languages")
    record_with(cli, ("languages", good))
    languages = load(good)
    languages["entries"][1]["reading"]["code"] = "B3"
    err = refused_unchanged(cli, "languages", write_json(cli, "l.json", languages), "entries[1].reading", "cefr-level")
    check('"B3"' in err, err)


@case
def an_sfi_course_outside_its_study_path_is_refused(cli: Cli):
    good = persona(cli, "newly-arrived-filipstad", "languages")
    record_with(cli, ("languages", good))
    languages = load(good)
    check(languages["entries"][2]["sfi"]["study_path"]["code"] == "2", "the persona studies on path 2")
    languages["entries"][2]["sfi"]["current_course"]["code"] = "A"  # path 2 runs courses B-D
    refused_unchanged(cli, "languages", write_json(cli, "l.json", languages), "entries[2].sfi.current_course",
                      "sfi-course-in-study-path")


@case
def a_refused_section_is_not_created_and_several_violations_are_counted(cli: Cli):
    record_with(cli)
    cli.write("notes.json", '{"entries": [{"text": "no id, no source"}]}')
    refused_unchanged(cli, "notes", "notes.json", "entries[0].id", "entry-id-required")
    err = cli.fails(USAGE, "record", "set", "rec.kartla", *OWNER, "--section", "notes", "--json", "notes.json")
    check("(and 1 more violation)" in err, err)
    check(cli.ok("record", "list", "rec.kartla", *OWNER) == "", "no section was added")


# ---- validate

@case
def validate_accepts_every_example_without_any_key(cli: Cli):
    folders = [os.path.join(cli.source_dir, "examples", "sections")]
    personas = os.path.join(cli.source_dir, "examples", "personas")
    folders += [os.path.join(personas, p) for p in sorted(os.listdir(personas)) if os.path.isdir(os.path.join(personas, p))]
    checked = 0
    for folder in folders:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json"):
                continue
            path = os.path.join(folder, name)
            out = cli.ok("validate", "--section", name[:-5], "--json", path, passphrase=None)
            check(out == "%s: valid %s content\n" % (path, name[:-5]), "valid: " + out)
            checked += 1
    check(checked >= 48, "every example was checked (%d)" % checked)


@case
def validate_lists_every_violation_as_field_rule_message(cli: Cli):
    languages = load(persona(cli, "newly-arrived-filipstad", "languages"))
    languages["entries"][1]["reading"]["code"] = "B3"
    languages["entries"][2]["sfi"]["current_course"]["code"] = "A"
    write_json(cli, "l.json", languages)
    out = invalid(cli, "validate", "--section", "languages", "--json", "l.json")
    check(out == 'entries[1].reading: cefr-level: "B3" is not a cefr code: expected A1 A2 B1 B2 C1 C2\n'
                 'entries[2].sfi.current_course: sfi-course-in-study-path: course "A" is not part of study path "2" '
                 '(path 1: A–D, 2: B–D, 3: C–D)\n', "one line per violation: " + out)
    report = loads(invalid(cli, "validate", "--section", "languages", "--json", "l.json", "--report", "json"))
    check(report["section"] == "languages" and report["valid"] is False, str(report))
    check([(v["field"], v["rule"]) for v in report["violations"]] ==
          [("entries[1].reading", "cefr-level"), ("entries[2].sfi.current_course", "sfi-course-in-study-path")],
          str(report))
    # Standard input, and a valid report in JSON.
    with open(persona(cli, "newly-arrived-filipstad", "languages"), encoding="utf-8") as f:
        text = f.read()
    out = cli.ok("validate", "--section", "languages", "--json", "-", "--report", "json", stdin=text, passphrase=None)
    check(loads(out) == {"section": "languages", "valid": True, "violations": []}, out)


@case
def validate_reports_json_that_does_not_match_the_schema(cli: Cli):
    out = invalid(cli, "validate", "--section", "profile", "--json", "-", stdin='{"favourite_colour": "blue"}')
    check(re.fullmatch(r"profile: schema-parse: JSON does not match the profile schema: .*favourite_colour.*\n", out)
          is not None, out)
    cli.write("garbage.bin", b"\xff\xff\xff", "wb")
    out = invalid(cli, "validate", "--section", "notes", "--protobuf", "garbage.bin")
    check(out == "notes: schema-parse: content is not a valid notes section\n", out)
    cli.write("empty.bin", b"", "wb")
    cli.ok("validate", "--section", "notes", "--protobuf", "empty.bin")  # no entries: nothing to break


@case
def validate_usage_errors(cli: Cli):
    cli.write("x.json", "{}")
    cli.fails(USAGE, "validate", "--section", "nope", "--json", "x.json", matches="unknown section 'nope'")
    cli.fails(USAGE, "validate", "--section", "notes", matches="exactly one of --json FILE and --protobuf FILE")
    cli.fails(USAGE, "validate", "--section", "notes", "--json", "x.json", "--protobuf", "x.json")
    cli.fails(USAGE, "validate", "--section", "notes", "--json", "x.json", "--report", "xml", matches="'text' or 'json'")


# ---- progress: a small fixed section and numbers computed by hand

A, B, C = "2025-01-01T12:00:00Z", "2025-01-31T12:00:00Z", "2025-05-01T12:00:00Z"  # B = A + 30 days, C = A + 120 days


def assessment(ident, at, respondent, scores, step):
    return {"id": ident, "instrument": {"id": "test-scale", "version": "1"}, "assessed_at": at,
            "respondent": respondent, "scores": scores,
            "step": {"instrument_id": "test-steps", "instrument_version": "1", "step": step},
            "assertion": {"source": "ASSESSED_INSTRUMENT", "asserted_at": at,
                          "method": {"system": "kartla-instrument", "code": "test-scale", "version": "1"}}}


PROGRESS = {
    "instruments": [
        {"id": "test-scale", "version": "1", "title": [{"lang": "en", "text": "Scale <&> of 'ours'"}],
         "indicators": [
             {"code": "mood", "label": [{"lang": "en", "text": "Mood</text><script>x</script>"}],
              "scale": {"min": 1, "max": 5, "higher_is_better": True}},
             {"code": "effort", "label": [{"lang": "en", "text": "Effort"}],
              "scale": {"min": 0, "max": 10, "higher_is_better": True}}]},
        {"id": "test-steps", "version": "1", "title": [{"lang": "en", "text": "Steps"}],
         "indicators": [{"code": "step", "label": [{"lang": "en", "text": "Step"}],
                         "scale": {"min": 1, "max": 3, "higher_is_better": True}}]}],
    "entries": [
        assessment("a1", A, "RESPONDENT_PARTICIPANT", [{"indicator": "mood", "value": 2}, {"indicator": "effort", "value": 10}], 1),
        assessment("a2", B, "RESPONDENT_PARTICIPANT", [{"indicator": "mood", "value": 3}, {"indicator": "effort", "value": 5}], 2),
        assessment("a3", B, "RESPONDENT_PROFESSIONAL", [{"indicator": "mood", "value": 4}], 2),
        assessment("a4", C, "RESPONDENT_PARTICIPANT", [{"indicator": "mood", "value": 5}, {"indicator": "effort"}], 2),
    ]}


def progress_record(cli):
    record_with(cli, ("progress", write_json(cli, "progress.json", PROGRESS)))


@case
def progress_json_matches_the_hand_computed_summary(cli: Cli):
    progress_record(cli)
    summary = loads(cli.ok("progress", "rec.kartla", *OWNER, "--json"))
    check(summary["from"] == "2025-01-01" and summary["to"] == "2025-05-01", str(summary))
    # change is an int64: a string in protobuf JSON.
    got = [(s["indicator"], s["respondent"], s["first"], s["latest"], int(s["change"]), s["direction"], s["assessments"])
           for s in summary["indicators"]]
    expected = [
        ("mood", "participant", {"date": "2025-01-01", "value": 2}, {"date": "2025-05-01", "value": 5}, 3, "better", 3),
        ("mood", "professional", {"date": "2025-01-31", "value": 4}, {"date": "2025-01-31", "value": 4}, 0, "unchanged", 1),
        # The third effort score is unanswered: not a zero, and not counted.
        ("effort", "participant", {"date": "2025-01-01", "value": 10}, {"date": "2025-01-31", "value": 5}, -5, "worse", 2),
        # Step 2 recorded twice on 2025-01-31 (participant and professional) is one point.
        ("step", "mixed", {"date": "2025-01-01", "value": 1}, {"date": "2025-05-01", "value": 2}, 1, "better", 3),
    ]
    check(got == expected, "summary:\n%r\nexpected:\n%r" % (got, expected))
    check(summary["indicators"][3]["kind"] == "programme-step", "the step series is marked")
    check(summary["indicators"][0]["scale"] == {"min": 1, "max": 5, "higher_is_better": True, "min_label": "",
                                                "max_label": ""}, str(summary["indicators"][0]["scale"]))


@case
def progress_table_shows_first_latest_change_and_count(cli: Cli):
    progress_record(cli)
    out = cli.ok("progress", "rec.kartla", *OWNER)
    check(out.startswith("Progress (stegförflyttning): 4 indicators, 2025-01-01 to 2025-05-01\n"), out)
    rows = [re.sub(r"\s+", " ", line.strip()) for line in out.splitlines()]
    for row in ["Mood</text><script>x</script> participant 1..5 2025-01-01 2 2025-05-01 5 +3 better 3",
                "Mood</text><script>x</script> professional 1..5 2025-01-31 4 2025-01-31 4 0 unchanged 1",
                "Effort participant 0..10 2025-01-01 10 2025-01-31 5 -5 worse 2",
                "Step phase 1..3 2025-01-01 1 2025-05-01 2 +1 better 3"]:
        check(row in rows, "row %r in:\n%s" % (row, out))


@case
def progress_svg_draws_the_hand_computed_points_and_escapes_record_text(cli: Cli):
    progress_record(cli)
    out = cli.ok("progress", "rec.kartla", *OWNER, "--svg", "chart.svg")
    check(out.endswith("\nChart written to chart.svg (not encrypted).\n"), out)
    svg = cli.read_bytes("chart.svg").decode("utf-8")
    # Well-formed XML whatever the labels hold: the script tag in a label stays text.
    root = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    check(root.tag == ns + "svg" and root.get("width") == "780" and root.get("height") == "580",
          "two rows of panels: 100 + 2 * 240 high")
    check(root.find(".//" + ns + "script") is None and "<script>" not in svg, "record text is escaped")
    check("Mood&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;" in svg, "the label is shown, escaped")
    # Layout (src/views/progress_svg.cpp): x = 56 + 284 * (t - A) / 120 days, so A = 56.0,
    # B = 56 + 71 = 127.0, C = 340.0; y = 184 - 120 * (v - min) / (max - min).
    panels = {g.get("transform"): g for g in root.iter(ns + "g")}
    lines = {t: [p.get("points") for p in g.iter(ns + "polyline")] for t, g in panels.items()}
    expected = {
        "translate(20,100)": ["56.0,154.0 127.0,124.0 340.0,64.0"],   # mood 2, 3, 5 on 1..5
        "translate(400,100)": ["127.0,94.0"],                          # mood (professional) 4
        "translate(20,340)": ["56.0,64.0 127.0,124.0"],                # effort 10, 5 on 0..10
        "translate(400,340)": ["56.0,184.0 127.0,124.0 340.0,124.0"],  # steps 1, 2, 2 on 1..3
    }
    check(lines == expected, "polylines %r" % lines)
    texts = [t.text for t in panels["translate(20,100)"].iter(ns + "text")]
    for label in ["2025-01-01", "2025-05-01", "1", "5", "first 2, latest 5: +3 (better) over 3 assessments"]:
        check(label in texts, "panel text %r in %r" % (label, texts))
    # Written again, the chart is replaced (it is output, not a record).
    cli.ok("progress", "rec.kartla", *OWNER, "--svg", "chart.svg", "--json")


@case
def progress_needs_a_progress_section(cli: Cli):
    record_with(cli)
    cli.fails(NOT_AVAILABLE, "progress", "rec.kartla", *OWNER, "--svg", "chart.svg", matches="progress")
    check(not os.path.exists(cli.path("chart.svg")), "no chart was written")
    cli.fails(USAGE, "progress", "rec.kartla", *OWNER, "--language", "s v", matches="--language")


@case
def progress_of_a_persona_includes_work_ability_only_when_asked(cli: Cli):
    folder = "low-threshold-vaasa"
    record_with(cli, ("progress", persona(cli, folder, "progress")), ("work_ability", persona(cli, folder, "work_ability")))
    without = loads(cli.ok("progress", "rec.kartla", *OWNER, "--json"))
    check(all(s["section"] == "progress" for s in without["indicators"]), "work_ability left out by default")
    with_wa = loads(cli.ok("progress", "rec.kartla", *OWNER, "--json", "--with-work-ability"))
    wa = [s for s in with_wa["indicators"] if s["section"] == "work_ability"]
    check(len(wa) > 0 and all(s["health_data"] for s in wa), "work_ability scores are there, marked as health data")


# ---- plan and record show

PLAN = {
    "revision": 1, "participant_agreed": True,
    "goals": [
        {"id": "g-main", "text": "Work in a kitchen", "status": "PLAN_STATUS_ONGOING", "horizon": "LONG",
         "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"}},
        {"id": "g-sub", "parent_goal_id": "g-main", "text": "Hygiene certificate", "status": "PLAN_STATUS_PLANNED",
         "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"}}],
    "activities": [
        {"id": "a-course", "title": "Hygiene course", "goal_ids": ["g-sub"], "status": "PLAN_STATUS_ONGOING",
         "responsible": {"se_orgnr": "2120001140", "name": "Landskrona stad"}, "responsible_role": "coach",
         "planned": {"start": {"year": 2025, "month": 2}, "end": {"year": 2025, "month": 3}},
         "assertion": {"source": "PROFESSIONAL_OBSERVED", "asserted_at": "2025-01-01T00:00:00Z",
                       "asserted_by_org": {"se_orgnr": "2120001140", "name": "Landskrona stad"}}}],
    "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"}}


@case
def plan_shows_goals_sub_goals_and_activities(cli: Cli):
    record_with(cli, ("action_plan", write_json(cli, "plan.json", PLAN)))
    out = cli.ok("plan", "rec.kartla", *OWNER)
    expected = ("Action plan, revision 1 (the participant agreed)\n"
                "Stated: [self-reported, 2025-01-01]\n"
                "\n"
                "Goal: Work in a kitchen\n"
                "  ongoing, long term (a year or more)  (id g-main)\n"
                "  Stated: [self-reported, 2025-01-01]\n"
                "  Sub-goal: Hygiene certificate\n"
                "    planned  (id g-sub)\n"
                "    Stated: [self-reported, 2025-01-01]\n"
                "    Activity: Hygiene course  [ongoing]\n"
                "      Responsible: Landskrona stad (org. nr 2120001140) (coach)\n"
                "      Planned: 2025-02 – 2025-03\n")
    check(out == expected, "plan text:\n" + out)
    plan = loads(cli.ok("plan", "rec.kartla", *OWNER, "--json"))
    check([g["id"] for g in plan["goals"]] == ["g-main"], str(plan["goals"]))
    check(plan["goals"][0]["sub_goals"][0]["activities"] == ["a-course"], str(plan["goals"]))
    check(plan["activities"][0]["responsible"] == "Landskrona stad (org. nr 2120001140)", str(plan["activities"]))
    check(plan["activities_without_goal"] == [], str(plan))
    # A record without a plan.
    cli.ok("record", "remove", "rec.kartla", *OWNER, "--section", "action_plan")
    cli.fails(NOT_AVAILABLE, "plan", "rec.kartla", *OWNER, matches="action_plan")


@case
def record_show_reads_like_a_document_with_labels_and_sources(cli: Cli):
    record_with(cli, ("languages", persona(cli, "newly-arrived-filipstad", "languages")),
                ("competences", persona(cli, "newly-arrived-filipstad", "competences")))
    out = cli.ok("record", "show", "rec.kartla", *OWNER)
    check(re.match(r"Record [0-9a-f]{32}, version 3\n", out) is not None, out[:200])
    check("== Competences ==\n" in out and "== Languages ==\n" in out, "both sections shown")
    check(out.index("== Competences ==") < out.index("== Languages =="), "in the order of `kartla sections`")
    check("    Reading: B1 threshold (cefr B1)\n" in out, "CEFR label from the code system")
    check("      Study path: studieväg 2: courses B–D (sfi-studievag 2)\n" in out, "SFI study path label")
    check("    Source: [observed by a professional by Filipstads kommun, SFI (SFI-lärare), 2022-06-10]\n" in out,
          "provenance marked")
    check("Source: [validated by Filipstads kommun, Vuxenutbildningen (OCN-bedömare), OCN validation "
          "(kartla-method ocn), 2022-05-20, evidence: doc-ocn-cold-kitchen]" in out, "a validated entry says so")
    check('"system"' not in out and "{" not in out, "not protobuf JSON")
    only = cli.ok("record", "show", "rec.kartla", *OWNER, "--section", "languages")
    check(only.startswith("== Languages ==\n") and "Competences" not in only, only[:200])
    cli.fails(NOT_AVAILABLE, "record", "show", "rec.kartla", *OWNER, "--section", "profile", matches="profile")
    cli.fails(USAGE, "record", "show", "rec.kartla", *OWNER, "--section", "nope", matches="unknown section")


if __name__ == "__main__":
    main()
