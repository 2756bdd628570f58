#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Runs the agency_open_bundle example in its --demo mode in a fresh directory, then once more the
# way an agency system would (bundle, identity, section, last seen), and checks what it printed:
# the granted section is read, the ungranted one is refused as not shared, and an older copy
# than one already seen is refused.
# Usage: check_agency_open_bundle.sh EXECUTABLE
set -u
exe=$1
name=agency_open_bundle
args="--demo"
. "$(dirname "$0")/check_prelude.sh"
hex4='[0-9a-fA-F]{4}'
expect "the demo bundle" '^demo: the participant shared profile with Landskrona kommun in .*/bundle\.kartla$'
expect "opened at sequence 1" '^opened .*/bundle\.kartla: sequence 1$'
expect "rollback check passed" '^not older than sequence 1$'
expect "owner fingerprint" "\"owner_fingerprint\": \"($hex4[- ]){7}$hex4\""
# The description is kartla.v1.ShareDescription as JSON, one member per line: the grant's members
# are matched in the text with its line breaks taken out.
flat=$(printf '%s' "$out" | tr -d '\n')
expect_flat() {  # expect_flat DESCRIPTION EXTENDED-REGEX: the output as one line must match
  if ! printf '%s\n' "$flat" | grep -Eq -- "$2"; then
    echo "check_$name: missing $1 (the output does not match /$2/)" >&2
    failures=$((failures + 1))
  fi
}
expect_flat "the grant's purpose" '"section": "profile", .*"purpose": "kartläggning inför praktik"'
expect_flat "the grant's GDPR bases" '"section": "profile", .*"gdpr_art6_basis": "6\.1\.a", *"gdpr_art9_basis": ""'
expect "profile printed" '^profile: \{$'
expect "given name read" '"given_name": *"Amina"'
expect "family name read" '"family_name": *"Rahimi"'
expect "notes refused as not shared" '^notes: E_NOT_SHARED \(.*profile.*\)$'
if printf '%s\n' "$out" | grep -q 'private note'; then
  echo "check_agency_open_bundle: the ungranted notes section was printed" >&2
  failures=$((failures + 1))
fi
[ -s "$work/stderr" ] && { echo "check_agency_open_bundle: unexpected stderr:" >&2; cat "$work/stderr" >&2; failures=$((failures + 1)); }

# The agency-system form: passphrase from the environment; an older copy than one seen is refused.
status=0
KARTLA_PASSPHRASE="correct horse battery staple" "$exe" "$work/bundle.kartla" "$work/agency.id" profile 1 \
  >"$work/out2" 2>"$work/stderr2" || status=$?
if [ "$status" -ne 0 ] || ! grep -q '"Amina"' "$work/out2"; then
  echo "check_agency_open_bundle: reading with LAST_SEEN 1 failed (status $status)" >&2
  cat "$work/stderr2" >&2
  failures=$((failures + 1))
fi
status=0
KARTLA_PASSPHRASE="correct horse battery staple" "$exe" "$work/bundle.kartla" "$work/agency.id" profile 2 \
  >"$work/out3" 2>"$work/stderr3" || status=$?
if [ "$status" -eq 0 ] || ! grep -q 'refusing an older copy' "$work/stderr3" || grep -q 'Amina' "$work/out3"; then
  echo "check_agency_open_bundle: an older copy (sequence 1 after 2) was not refused (status $status)" >&2
  failures=$((failures + 1))
fi
status=0
KARTLA_PASSPHRASE="wrong" "$exe" "$work/bundle.kartla" "$work/agency.id" profile >"$work/out4" 2>"$work/stderr4" ||
  status=$?
if [ "$status" -eq 0 ] || ! grep -q 'E_AUTH' "$work/stderr4"; then
  echo "check_agency_open_bundle: a wrong passphrase was not refused with E_AUTH (status $status)" >&2
  failures=$((failures + 1))
fi
[ "$failures" -eq 0 ]
