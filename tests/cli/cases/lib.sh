# Sourced by every case (`. "$CASES/lib.sh"`) and by each group's _setup_once.sh
# (tests/cli/README.md). The runner (tests/cli/run_golden.py) sets KARTLA_BIN, CASES, SRC, ONCE,
# PYTHON, KARTLA_TEST_META, KARTLA_TEST_NAMES and KARTLA_STATE_DIR, and runs the case in a fresh
# scratch folder with no controlling terminal and stdin from /dev/null.
#
#   kartla ARGS...       runs kartla and writes a transcript: on stdout `$ kartla ARGS`, what it
#                        printed on stdout and, unless it exited 0, `[exit N]`; on stderr, if it
#                        printed anything there, `$ kartla ARGS` and what it printed. So the
#                        golden .stdout shows every command's output and exit code, and .stderr
#                        every line a command wrote on stderr, under the command that wrote it.
#   quiet kartla ARGS    set-up: must exit 0 with nothing on stderr; shows nothing. If it fails,
#                        `!!! expected success` and its transcript go to stderr and the case stops.
#   output kartla ARGS   as quiet, but prints kartla's stdout (for `x=$(output kartla ...)`).
#   tee_to FILE kartla ARGS  a transcript, and kartla's stdout kept in FILE too.
#
# A check below prints one line into the golden stdout (`rec.kartla: unchanged`); a check that
# fails prints a line starting `!!! `, which fails the case whatever the golden files say.
set -euo pipefail

export KARTLA_PASSPHRASE='correct horse battery staple'
KDF=(--kdf-memory-mib 64)          # the minimum Argon2id cost: keeps the suite fast
EX=$SRC/examples/sections          # example content of each section
PERSONAS=$SRC/examples/personas
VECTORS=$SRC/tests/vectors
_default_passphrase=$KARTLA_PASSPHRASE
_default_state_dir=$KARTLA_STATE_DIR
# python3 in a case is the runner's own interpreter, standard library only: no site packages to
# load at each of its hundreds of starts.
python3() { "$PYTHON" -S -B "$@"; }
_tool() { python3 "$CASES/tool.py" "$@"; }

# Arguments as a person would type them, quoted only where the shell needs it, into $_quoted
# (no subshell: a case runs hundreds of commands).
_quote() {
  local a words=()
  for a in "$@"; do
    if [[ $a =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then
      words+=("$a")
    elif [[ $a == *[[:cntrl:]]* ]]; then
      printf -v a '%q' "$a"
      words+=("$a")
    else
      words+=("'${a//\'/\'\\\'\'}'")
    fi
  done
  _quoted=${words[*]}
}

# `$ kartla ARGS`, with the KARTLA_ variables that differ from the case's defaults in front.
_header() {
  local v prefix="" unset=""
  for v in KARTLA_NOW KARTLA_RECOVERY_CODE KARTLA_NEW_PASSPHRASE KARTLA_PASSPHRASE KARTLA_STATE_DIR; do
    if [ -n "${!v+set}" ]; then
      case $v in
        KARTLA_PASSPHRASE) [ "${!v}" = "$_default_passphrase" ] && continue ;;
        KARTLA_STATE_DIR) [ "${!v}" = "$_default_state_dir" ] && continue ;;
      esac
      _quote "${!v}"
      prefix+="$v=$_quoted "
    elif [ "$v" = KARTLA_PASSPHRASE ] || [ "$v" = KARTLA_STATE_DIR ]; then
      unset+="-u $v "
    fi
  done
  # The locale variables choose the language of messages (docs/I18N.md): shown when a case sets
  # them to anything but the runner's C.UTF-8.
  for v in LANGUAGE LC_ALL LC_MESSAGES LANG; do
    if [ -n "${!v+set}" ] && [ "${!v}" != C.UTF-8 ]; then
      _quote "${!v}"
      prefix+="$v=$_quoted "
    fi
  done
  [ -z "$unset" ] || prefix+="env $unset"
  _quote "$@"
  printf '$ %skartla%s\n' "$prefix" "${_quoted:+ $_quoted}"
}

# Copies a file (a stream kartla wrote) into the transcript, marking a last line without its line
# ending and a NUL byte. Builtins only: a case runs hundreds of commands.
_show() {
  local text
  if IFS= read -r -d '' text <"$1"; then
    printf '%s\n[a NUL byte here]\n' "$text"
  elif [ -n "$text" ]; then
    printf '%s' "$text"
    [ "${text: -1}" = $'\n' ] || printf '\n[no newline at the end]\n'
  fi
}

# _run OUT ERR ARGS...: runs the real binary, its stdout into OUT and stderr into ERR; its exit
# code in $_rc.
_run() {
  _out=$1 _err=$2 _rc=0
  shift 2
  "$KARTLA_BIN" "$@" >"$_out" 2>"$_err" || _rc=$?
}

kartla() {
  # What the last transcript command printed stays in $_kept and $_kept_err (tee_to, stderr_lacks).
  _kept=$KARTLA_TEST_META/kept _kept_err=$KARTLA_TEST_META/kept_err
  _run "$_kept" "$_kept_err" "$@"
  _header "$@"
  _show "$_kept"
  [ "$_rc" -eq 0 ] || echo "[exit $_rc]"
  if [ -s "$_kept_err" ]; then
    _header "$@" >&2
    _show "$_kept_err" >&2
  fi
}

# stderr_lacks WORD...: the last `kartla` command's stderr holds none of the WORDs.
stderr_lacks() {
  local w found=()
  for w in "$@"; do if grep -qF -- "$w" "$_kept_err"; then found+=("$w"); fi; done
  if [ ${#found[@]} -eq 0 ]; then echo "stderr names none of: $*"; else echo "!!! stderr names: ${found[*]}"; fi
}

# tee_to FILE kartla ARGS: as kartla, and kartla's stdout is also kept in FILE (to read values from).
tee_to() {
  local file=$1
  [ "$2" = kartla ] || { echo "tee_to: say 'tee_to FILE kartla ARGS'" >&2; return 1; }
  shift 2
  kartla "$@"
  cp "$_kept" "$file"
}

_expect_success() {  # shows a failed set-up command in full; returns 1 so that the case stops
  if [ "$_rc" -eq 0 ] && [ ! -s "$_err" ]; then return 0; fi
  { echo "!!! expected success, with nothing on stderr:"; _header "$@"; _show "$_out"; echo "[exit $_rc]"; } >&2
  { _header "$@"; _show "$_err"; } >&2
  return 1
}

quiet() {
  [ "$1" = kartla ] || { echo "quiet: say 'quiet kartla ARGS'" >&2; return 1; }
  shift
  _run "$KARTLA_TEST_META/out.$BASHPID" "$KARTLA_TEST_META/err.$BASHPID" "$@"
  _expect_success "$@"
}

output() {
  [ "$1" = kartla ] || { echo "output: say 'output kartla ARGS'" >&2; return 1; }
  shift
  _run "$KARTLA_TEST_META/out.$BASHPID" "$KARTLA_TEST_META/err.$BASHPID" "$@"
  _expect_success "$@" || return 1
  cat "$_out"
}

# ---- names for values a run cannot fix (see Normaliser in run_golden.py)

# name_value VALUE LABEL: VALUE shows as <LABEL> in the golden files.
name_value() { printf '%s\t%s\n' "$2" "$1" >>"$KARTLA_TEST_NAMES"; }

# name_card LABEL CARD: the fingerprint of CARD shows as <FP:LABEL>.
name_card() { name_value "$(output kartla identity fingerprint "$2")" "FP:$1"; }

# ---- identities (each costs an Argon2id run: make them in _setup_once.sh where a group can)

# make_owner NAME: NAME.id and its card NAME.card, the fingerprint named <FP:NAME>.
make_owner() {
  quiet kartla identity new --out "$1.id" "${KDF[@]}"
  quiet kartla identity card "$1.id" --out "$1.card"
  name_card "$1" "$1.card"
}

# make_agency NAME DISPLAY-NAME ORG ROLE: NAME.id and NAME.card, named <FP:NAME>.
make_agency() {
  quiet kartla agency new --name "$2" --org "$3" --role "$4" --out "$1.id" "${KDF[@]}"
  quiet kartla agency card "$1.id" --out "$1.card"
  name_card "$1" "$1.card"
}

# from_once FILE...: copies files made by the group's _setup_once.sh into the case's folder.
from_once() {
  local f
  for f in "$@"; do cp "$ONCE/$f" .; done
}

# new_record [NAME] [OWNER.id]: an empty record (default rec.kartla of owner.id).
new_record() { quiet kartla record new --owner "${2:-owner.id}" --out "${1:-rec.kartla}"; }

# set_sections SECTION...: the example content of each section into rec.kartla.
set_sections() {
  local s
  for s in "$@"; do quiet kartla record set rec.kartla --owner owner.id --section "$s" --in "$EX/$s.json"; done
}

# ---- checks that a golden file cannot express by itself; each prints one line

# keep_copy FILE... then compare_copy FILE...: `FILE: unchanged` or `FILE: changed`, byte for byte.
keep_copy() {
  local f
  mkdir -p "$KARTLA_TEST_META/copies"
  for f in "$@"; do cp "$f" "$KARTLA_TEST_META/copies/${f//\//%}"; done
}
compare_copy() {
  local f
  for f in "$@"; do
    if cmp -s "$f" "$KARTLA_TEST_META/copies/${f//\//%}"; then echo "$f: unchanged"; else echo "$f: changed"; fi
  done
}

# exists FILE...: `FILE: exists` or `FILE: absent`.
exists() {
  local f
  for f in "$@"; do if [ -e "$f" ]; then echo "$f: exists"; else echo "$f: absent"; fi; done
}

# mode FILE...: `FILE: mode 600`.
mode() {
  local f
  for f in "$@"; do echo "$f: mode $(stat -c %a "$f")"; done
}

# same LABEL FILE1 FILE2: `same: LABEL` when equal byte for byte, else `!!! DIFFERENT: LABEL` and
# a diff. A line starting `!!! ` fails the case whatever the golden files say.
same() {
  if cmp -s "$2" "$3"; then echo "same: $1"; else echo "!!! DIFFERENT: $1"; diff -u "$2" "$3" || true; fi
}

# json FILE|- PATH...: values in a JSON document (tool.py json).
json() { _tool json "$@"; }

# flip IN OUT OFFSET [MASK]: a copy of IN with one byte changed (OFFSET may use n, IN's length).
flip() { _tool flip "$@"; }

# cut IN OUT LENGTH: the first LENGTH bytes of IN (LENGTH may use n).
cut_to() { _tool cut "$@"; }

# sequence FILE: `FILE: sequence N`, the version `kartla verify` reports (no key needed).
sequence() { echo "$1: sequence $(output kartla verify "$1" --json | json - sequence)"; }

# exit_is N kartla ARGS: for a result that cannot be the same everywhere (so not in the
# transcript): prints nothing if kartla exits N with nothing on stdout and one error line on
# stderr, else `!!! expected exit N` and the transcript.
exit_is() {
  local want=$1
  shift 2
  _run "$KARTLA_TEST_META/out.$BASHPID" "$KARTLA_TEST_META/err.$BASHPID" "$@"
  if [ "$_rc" -ne "$want" ] || [ -s "$_out" ] || [ "$(grep -c '^kartla: error: ' "$_err")" != 1 ] ||
    [ "$(wc -l <"$_err")" != 1 ]; then
    echo "!!! expected exit $want with one error line:"
    _header "$@"; _show "$_out"; echo "[exit $_rc]"; _show "$_err"
  fi
}

# no_section_named FILE WHAT: what a keyless reader was shown names no section as a word.
no_section_named() {
  output kartla sections --json | _tool no-section-names "$1" "$2"
}

# size FILE: its length in bytes.
size() { stat -c %s "$1"; }
