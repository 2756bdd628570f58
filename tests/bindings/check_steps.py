# SPDX-License-Identifier: Apache-2.0
"""Every binding's run of the shared scenario names every step of tests/bindings/README.md.

The steps are the `scenario:<id>` marks of the README; each test file listed below must hold each
mark (as a comment or in a test's name). A binding that has not been written yet is not listed:
add its scenario test here in the change that adds the binding.
"""

import pathlib
import re
import sys

SCENARIO_TESTS = [
    "tests/bindings/cpp/scenario_test.cpp",
    "bindings/dotnet/tests/ScenarioTest.cs",
    "bindings/python/tests/test_scenario.py",
    "bindings/java/src/test/java/se/kartla/ScenarioTest.java",
    "bindings/go/scenario_test.go",
    "bindings/node/test/scenario.test.js",
    "bindings/rust/kartla/tests/scenario.rs",
]


def main(root):
    root = pathlib.Path(root)
    readme = (root / "tests/bindings/README.md").read_text(encoding="utf-8")
    steps = re.findall(r"\*\*`(scenario:[a-z_.]+)`\*\*", readme)
    if len(steps) < 10 or len(set(steps)) != len(steps):
        print("README.md: expected at least ten distinct scenario steps, found %r" % steps)
        return 1
    failures = 0
    for test in SCENARIO_TESTS:
        text = (root / test).read_text(encoding="utf-8")
        missing = [s for s in steps if not re.search(re.escape(s) + r"(?![a-z_.])", text)]
        if missing:
            print("%s: missing steps %s" % (test, ", ".join(missing)))
            failures += 1
    print("%d scenario tests, %d steps each" % (len(SCENARIO_TESTS), len(steps)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
