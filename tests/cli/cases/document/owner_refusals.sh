# SPDX-License-Identifier: Apache-2.0
. "$CASES/lib.sh"
. "$CASES/document/_document.sh"
# An existing output is replaced only with --force, a Kartla file never; an unknown id or kind
# and a removed document are errors that leave the record and the output as they were.
from_once owner.id
new_record
printf 'betyg' >betyg.txt
add_document betyg.txt BETYG --kind grade
printf 'older' >out.txt
keep_copy out.txt rec.kartla
kartla document get rec.kartla --owner owner.id "$doc_id" --out out.txt
compare_copy out.txt
kartla document get rec.kartla --owner owner.id "$doc_id" --out rec.kartla --force
compare_copy rec.kartla
kartla document get rec.kartla --owner owner.id "$doc_id" --out out.txt --force
same "replaced with --force" betyg.txt out.txt
kartla document get rec.kartla --owner owner.id doc-0000000000000000 --out missing.txt
exists missing.txt
kartla document add rec.kartla --owner owner.id --file betyg.txt --kind no_such_kind
kartla document add rec.kartla --owner owner.id --file betyg.txt --kind medical_statement
kartla document add rec.kartla --owner owner.id --file nowhere.pdf
compare_copy rec.kartla
# The section's JSON view (a listing, without the bytes) set back would drop every document's
# bytes: refused, and the record is unchanged.
output kartla record get rec.kartla --owner owner.id --section documents >listing.json
kartla record set rec.kartla --owner owner.id --section documents --in listing.json
compare_copy rec.kartla
kartla document remove rec.kartla --owner owner.id "$doc_id"
kartla document remove rec.kartla --owner owner.id "$doc_id"
kartla document list rec.kartla --owner owner.id
