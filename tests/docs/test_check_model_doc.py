#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Self-test of check_model_doc.py: the real MODEL.md and schemas agree, and a copy of either
doctored in one way fails with that difference named. Without this a checker that read no
table at all would pass forever.

    test_check_model_doc.py PROTOC REPO_ROOT
"""

import contextlib
import io
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_model_doc  # noqa: E402

PROTOC = ROOT = None


class CheckModelDocTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="kartla_model_doc_")
        self.proto = os.path.join(self.tmp, "proto")
        shutil.copytree(os.path.join(ROOT, "proto"), self.proto, ignore=shutil.ignore_patterns("CMakeLists.txt"))
        self.doc = os.path.join(self.tmp, "MODEL.md")
        shutil.copy(os.path.join(ROOT, "docs", "MODEL.md"), self.doc)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def run_check(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = check_model_doc.main(["check_model_doc.py", "--protoc", PROTOC, "--proto-root", self.proto,
                                           "--doc", self.doc])
        return status, out.getvalue()

    def doctor(self, path, old, new):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertEqual(text.count(old), 1, f"the self-test expects exactly one {old!r} in {path}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))

    def assert_fails_with(self, *phrases):
        status, out = self.run_check()
        self.assertEqual(status, 1, f"expected a failure, got:\n{out}")
        for phrase in phrases:
            self.assertIn(phrase, out)

    def test_the_real_files_agree(self):
        status, out = self.run_check()
        self.assertEqual(status, 0, out)

    def test_missing_field(self):
        self.doctor(self.doc, '| 5 | `unit` | string |  | department, office or team, e.g. "Arbetsmarknadsenheten" |\n', "")
        self.assert_fails_with("OrgRef: missing field 5 `unit`")

    def test_missing_required_assertion(self):
        self.doctor(self.doc, "| 14 | `assertion` | Assertion |  | provenance: who says so, how and when (required) |\n"
                              "\n`Kind`: `ELM_CREDENTIAL`", "\n`Kind`: `ELM_CREDENTIAL`")
        self.assert_fails_with("DocumentEntry: missing field 14 `assertion`")

    def test_extra_field_row(self):
        self.doctor(self.doc, "| 3 | `supervisor_role` | string |  | a role, not a name |\n",
                    "| 3 | `supervisor_role` | string |  | a role, not a name |\n| 4 | `supervisor_name` | string |  |  |\n")
        self.assert_fails_with("WorkPlacement: extra field 4 `supervisor_name`")

    def test_wrong_type(self):
        self.doctor(self.doc, "| 7 | `size_bytes` | uint64 |  |  |", "| 7 | `size_bytes` | int64 |  |  |")
        self.assert_fails_with("DocumentEntry.size_bytes: type is 'uint64', documented as 'int64'")

    def test_repeated_label_dropped(self):
        self.doctor(self.doc, "| 4 | `co_owners` | repeated OrgRef |", "| 4 | `co_owners` | OrgRef |")
        self.assert_fails_with("ActionPlan.co_owners: type is 'repeated OrgRef', documented as 'OrgRef'")

    def test_optional_label_dropped(self):
        self.doctor(self.doc, "| 1 | `hours_per_week` | optional double |", "| 1 | `hours_per_week` | double |")
        self.assert_fails_with("Capacity.hours_per_week: type is 'optional double'")

    def test_wrong_number(self):
        self.doctor(self.doc, "| 3 | `supervisor_role` |", "| 4 | `supervisor_role` |")
        self.assert_fails_with("WorkPlacement: missing field 3 `supervisor_role`", "WorkPlacement: extra field 4")

    def test_wrong_name(self):
        self.doctor(self.doc, "| 3 | `supervisor_role` |", "| 3 | `supervisor` |")
        self.assert_fails_with("WorkPlacement: field 3 is `supervisor_role`, documented as `supervisor`")

    def test_wrong_code_systems(self):
        self.doctor(self.doc, "| 2 | `grade` | Coding | `se-betyg` |", "| 2 | `grade` | Coding | `cefr` |")
        self.assert_fails_with("SfiCourseResult.grade: code systems are ['se-betyg'], documented as ['cefr']")

    def test_missing_message(self):
        self.doctor(self.doc, "#### `GasLevel`\n", "#### `GasLevels`\n")
        self.assert_fails_with("missing: message GasLevel", "extra: `GasLevels` is documented")

    def test_missing_enum_value(self):
        self.doctor(self.doc, "`Effect`: `HELPS`, `HINDERS`.", "`Effect`: `HELPS`.")
        self.assert_fails_with("Factor.Effect: values missing HINDERS")

    def test_missing_enum_line(self):
        self.doctor(self.doc, "`Environment`: `BARRIER`, `FACILITATOR`.\n", "")
        self.assert_fails_with("IcfObservation: missing: enum Environment")

    def test_missing_top_level_enum(self):
        self.doctor(self.doc, "#### `Respondent`\n", "#### Respondent\n")
        self.assert_fails_with("missing: enum Respondent")

    def test_field_added_to_a_schema(self):
        self.doctor(os.path.join(self.proto, "kartla", "v1", "types.proto"), "  int32 step = 3;",
                    "  int32 step = 3;\n  string label = 4;")
        self.assert_fails_with("ProgrammeStep: missing field 4 `label` (string)")

    def test_message_added_to_a_schema(self):
        with open(os.path.join(self.proto, "kartla", "v1", "notes.proto"), "a", encoding="utf-8") as f:
            f.write("\nmessage NoteTag {\n  string tag = 1;\n}\n")
        self.assert_fails_with("missing: message NoteTag")

    def test_container_schemas_are_not_documented_here(self):
        with open(os.path.join(self.proto, "kartla", "v1", "container.proto"), "a", encoding="utf-8") as f:
            f.write("\nmessage PrivateThing {\n  string x = 1;\n}\n")
        status, out = self.run_check()
        self.assertEqual(status, 0, out)


if __name__ == "__main__":
    PROTOC, ROOT = sys.argv[1], sys.argv[2]
    unittest.main(argv=sys.argv[:1], verbosity=1)
