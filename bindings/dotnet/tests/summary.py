# SPDX-License-Identifier: Apache-2.0
"""Prints NUnit 2.6's TestResult.xml as one line, 'dotnet: N passed, N failed, N skipped', and
fails when no test ran or any failed (NUnit's own summary line is not one CI tools read)."""
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
total = int(root.get("total", "0"))
failed = int(root.get("failures", "0")) + int(root.get("errors", "0"))
skipped = int(root.get("not-run", "0")) + int(root.get("inconclusive", "0"))
passed = sum(1 for case in root.iter("test-case") if case.get("executed") == "True" and case.get("success") == "True")
print("dotnet: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
sys.exit(0 if passed > 0 and failed == 0 and passed == total - skipped else 1)
