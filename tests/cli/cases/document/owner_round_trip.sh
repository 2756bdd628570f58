# SPDX-License-Identifier: Apache-2.0
. "$CASES/lib.sh"
. "$CASES/document/_document.sh"
# A 5 MiB binary file goes into the record and comes back byte for byte, to a file readable by
# its owner only and to standard output; the listing shows metadata and sizes, never the bytes.
from_once owner.id
new_record
binary_file cv.pdf 5242880 1
printf 'intyg' >intyg.txt
add_document cv.pdf CV --title "CV 2026" --kind europass_cv --media-type application/pdf
cv=$doc_id
add_document intyg.txt INTYG --kind employment_certificate --media-type text/plain
intyg=$doc_id
kartla document list rec.kartla --owner owner.id
kartla document list rec.kartla --owner owner.id --json
# The section's JSON view is that listing too: metadata and sizes, never base64 of the bytes.
kartla record get rec.kartla --owner owner.id --section documents
kartla document get rec.kartla --owner owner.id "$cv" --out back.pdf
same "5 MiB round trip" cv.pdf back.pdf
mode back.pdf
output kartla document get rec.kartla --owner owner.id "$intyg" --out - >back.txt
same "standard output" intyg.txt back.txt
