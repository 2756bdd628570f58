# SPDX-License-Identifier: Apache-2.0
. "$CASES/lib.sh"
. "$CASES/document/_document.sh"
# An agency granted the documents section writes a shared document's exact bytes to a file; an
# agency without the grant, or an altered bundle, gets nothing and no file is written.
from_once owner.id a.id a.card b.id
new_record
binary_file rapport.pdf 200000 2
add_document rapport.pdf RAPPORT --kind ocn_certificate --media-type application/pdf
grant=$(output kartla share rec.kartla --owner owner.id --to a.card --sections documents --purpose validering --out a.bundle --json | json - grant_id)
name_value "$grant" GRANT
kartla open a.bundle --as a.id --document "$doc_id" --out got.pdf
# The agency's JSON view of the section: metadata and sizes, never base64 of the bytes.
kartla open a.bundle --as a.id --section documents --json
same "agency's copy" rapport.pdf got.pdf
mode got.pdf
kartla open a.bundle --as a.id --document "$doc_id" --section documents --out x.pdf
kartla open a.bundle --as a.id --document "$doc_id"
kartla open rec.kartla --as b.id --document "$doc_id" --out b.pdf
exists b.pdf
flip a.bundle altered.bundle n-200
kartla open altered.bundle --as a.id --document "$doc_id" --out altered.pdf
exists altered.pdf
