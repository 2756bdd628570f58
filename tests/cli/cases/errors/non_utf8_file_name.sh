. "$CASES/lib.sh"
# A file name that is not UTF-8 (from another system, or a Latin-1 locale) is shown with U+FFFD
# in place of each invalid byte, so --json output stays JSON that any parser reads.
from_once owner.id
python3 - "$KARTLA_BIN" <<'PY'
import json, os, subprocess, sys
name = b"caf\xe9.kartla"
proc = subprocess.run([os.fsencode(sys.argv[1]), b"record", b"new", b"--owner", b"owner.id", b"--out", name, b"--json"],
                      capture_output=True)
print("exit %d, stderr %r" % (proc.returncode, proc.stderr))
summary = json.loads(proc.stdout.decode("utf-8"))
print("valid JSON; the record is %s" % summary["record"])
print("written as named: %s" % os.path.exists(name))
PY
