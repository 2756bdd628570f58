#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Rebuilds the message template from the code and merges it into every catalogue (docs/I18N.md).
#   src/i18n/update-catalogue.sh BUILD_DIR          kartla.pot rebuilt, every LANG.po merged
#   src/i18n/update-catalogue.sh BUILD_DIR --pot F  only write the template to F (the ctest's check)
# The template is xgettext's extraction of the literals the code marks (views: tr, trc, trn; CLI:
# T, TC, TN, and N_ for a literal kept in a table and translated where it is printed) plus the
# entries the views look up by data (field labels, enum values, code-system labels), printed by
# BUILD_DIR/tests/i18n/kartla_schema_messages. New entries arrive in the .po files empty;
# translate them, and mark a machine-made or unchecked one as the note says.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "$1" && pwd)
pot_out=$here/kartla.pot
merge=yes
if [ "${2:-}" = "--pot" ]; then pot_out=$3; merge=no; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
# Sorted file list and --sort-output, so the template does not change with the file system's order.
find src/views src/cli \( -name '*.cpp' -o -name '*.h' \) | LC_ALL=C sort >"$work/files"
xgettext --from-code=UTF-8 --language=C++ --no-wrap --sort-output --add-comments=TRANSLATORS: \
  --keyword=tr:2 --keyword=trc:2c,3 --keyword=trn:2,3 --keyword=T:1 --keyword=TC:1c,2 --keyword=TN:1,2 --keyword=N_:1 \
  --package-name=kartla --msgid-bugs-address=kartla --files-from="$work/files" -o "$work/code.pot"
# The library's errors (docs/I18N.md, "The library's errors"): the message of every fail(code,
# "msgid", {args}), Error(code, "msgid"), record_failure_message(status, "msgid"), attest's
# invalid(check, finding, code, "msgid"), io's fail_os(code, errno, "msgid", path) and
# abandon_and_fail(errno, "msgid"), and KARTLA_ERROR_N_("msgid") in a table, below the CLI and
# the views, which kartla_last_error_localized translates; with them the content rules' sentences,
# report_violation(path, rule, "msgid", {values}), a message nested in another, localizable("msgid",
# {args}) and localizable_with_values, and src/codes' reasons, its own fail(rule, "msgid"), which a
# refused section shows inside its frame. -k alone drops xgettext's default keywords (gettext,
# _, ...), which the library does not use.
find src -path src/cli -prune -o -path src/views -prune -o \( -name '*.cpp' -o -name '*.h' \) -print | LC_ALL=C sort >"$work/library"
xgettext --from-code=UTF-8 --language=C++ --no-wrap --sort-output -k --keyword=fail:2 --keyword=Error:2 \
  --keyword=record_failure_message:2 --keyword=invalid:4 --keyword=fail_os:3 --keyword=abandon_and_fail:2 \
  --keyword=KARTLA_ERROR_N_:1 --keyword=localizable:1 --keyword=localizable_with_values:1 \
  --keyword=report_violation:3 \
  --package-name=kartla --msgid-bugs-address=kartla \
  --files-from="$work/library" -o "$work/library.pot"
"$build/tests/i18n/kartla_schema_messages" >"$work/schema.pot"
# The schema entries have no header; msgcat takes the code template's.
msgcat --no-wrap --sort-output --use-first "$work/code.pot" "$work/library.pot" "$work/schema.pot" -o "$work/all.pot"
# POT-Creation-Date changes on every run; a fixed value keeps the template's diff to real changes.
sed -e 's/^"POT-Creation-Date: .*\\n"$/"POT-Creation-Date: 2026-01-01 00:00+0000\\n"/' \
    -e 's/^"Content-Type: text\/plain; charset=CHARSET\\n"$/"Content-Type: text\/plain; charset=UTF-8\\n"/' \
    "$work/all.pot" >"$pot_out"
[ "$merge" = yes ] || exit 0
for lang in sv fi en ar so ti fa_AF; do
  msgmerge --quiet --no-wrap --sort-output --no-fuzzy-matching --update --backup=none "$here/$lang.po" "$pot_out"
done
