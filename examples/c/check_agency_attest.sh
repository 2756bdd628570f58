#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Runs the agency_attest example in its --demo mode in a fresh directory and checks what it
# printed: the attestation was issued and written, it holds for the entry (untrusted: no trust
# list was given), the owner attached it, and the provenance names the attested entry and leaves
# the other self-declared.
# Usage: check_agency_attest.sh EXECUTABLE
set -u
exe=$1
name=agency_attest
args="--demo"
. "$(dirname "$0")/check_prelude.sh"
expect "the demo bundle" '^demo: the participant shared competences with the agency in .*/bundle\.kartla$'
expect "the attestation written" '^attested comp-1 into .*/comp-1\.att \([0-9]+ bytes\)$'
expect "a valid attestation" '"verdict": "untrusted"'
expect "the issuer named" '"name": "Valideringscentrum Skåne"'
expect "the claim" '"kind": "VALIDATED"'
expect "attached" '^attached: yes$'
expect "comp-2 self-declared" '"provenance": "self_declared"'
if ! head -c 8 "$work/comp-1.att" | grep -q '^KARTLAA'; then
  echo "check_agency_attest: comp-1.att is not an attestation file" >&2
  failures=$((failures + 1))
fi
[ "$failures" -eq 0 ] || exit 1
echo "check_agency_attest: ok"
