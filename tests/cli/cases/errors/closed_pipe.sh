. "$CASES/lib.sh"
# SIGPIPE is ignored, so a closed standard output is an error the command sees (as in
# `kartla identity new | head -c 0`): identity new then removes the identity whose recovery code
# nobody saw, says so and exits 6; it never leaves an identity without its code behind. The pipe's
# reading end is closed before kartla starts, so the write always fails.
python3 - "$KARTLA_BIN" "${KDF[@]}" <<'PY'
import os, subprocess, sys
read_end, write_end = os.pipe()
os.close(read_end)
proc = subprocess.run([sys.argv[1], "identity", "new", "--out", "owner.id", *sys.argv[2:]],
                      stdout=write_end, stderr=subprocess.PIPE, text=True)
print("exit %d" % proc.returncode)
print(proc.stderr, end="")
PY
exists owner.id
