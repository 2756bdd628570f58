#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Runs the owner_record example in a fresh directory and checks what it printed, so that a
# silently wrong example (or a library change that breaks it) fails the suite.
# Usage: check_owner_record.sh EXECUTABLE
set -u
exe=$1
name=owner_record
args=""
. "$(dirname "$0")/check_prelude.sh"
hex4='[0-9a-fA-F]{4}'
expect "version line" '^kartla [0-9]+\.[0-9]+\.[0-9]+ \(ABI [0-9]+, format [0-9]+\)$'
expect "recovery code (nine groups of four hex digits)" "^recovery code \(shown once\): ($hex4[- ]){8}$hex4\$"
expect "first save at sequence 1" '^saved record: .*/record\.kartla \(sequence 1\)$'
expect "given name read back" '"given_name": *"Amina"'
expect "family name read back" '"family_name": *"Rahimi"'
expect "e-mail read back" '"email": *"amina@example\.org"'
expect "verification at sequence 1 with a fingerprint" \
  "^verified: sequence 1, owner fingerprint ($hex4[- ]){7}$hex4\$"
expect "owner check" '^the record is signed by this owner$'
for f in owner.id record.kartla; do
  [ -s "$work/$f" ] || { echo "check_owner_record: $f was not written" >&2; failures=$((failures + 1)); }
done
[ -s "$work/stderr" ] && { echo "check_owner_record: unexpected stderr:" >&2; cat "$work/stderr" >&2; failures=$((failures + 1)); }
[ "$failures" -eq 0 ]
