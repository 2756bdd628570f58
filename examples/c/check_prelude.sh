# SPDX-License-Identifier: Apache-2.0
# Sourced by every examples/c/check_NAME.sh after it sets `name` (for messages), `exe` (the
# example) and `args` (its arguments, before the work directory): runs the example once in a
# fresh directory, prints its output, stops if it failed, and defines `expect`.
work=$(mktemp -d "${TMPDIR:-/tmp}/kartla-example.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM

status=0
# shellcheck disable=SC2086 # args is a word list on purpose (empty or --demo)
out=$("$exe" $args "$work" 2>"$work/stderr") || status=$?
printf '%s\n' "$out"
if [ "$status" -ne 0 ]; then
  echo "check_$name: the example exited with status $status; its stderr:" >&2
  cat "$work/stderr" >&2
  exit 1
fi

failures=0
expect() {  # expect DESCRIPTION EXTENDED-REGEX: some output line must match
  if ! printf '%s\n' "$out" | grep -Eq -- "$2"; then
    echo "check_$name: missing $1 (no line matches /$2/)" >&2
    failures=$((failures + 1))
  fi
}
