# SPDX-License-Identifier: Apache-2.0
# binary_file NAME SIZE SEED: SIZE bytes of every value, NULs and non-UTF-8 included, as a PDF or
# a scanned image holds them.
binary_file() {
  python3 -c 'import random, sys; r = random.Random(int(sys.argv[3])); open(sys.argv[1], "wb").write(bytes(r.getrandbits(8) for _ in range(int(sys.argv[2]))))' "$1" "$2" "$3"
}
# add_document FILE LABEL [OPTIONS...]: adds FILE to rec.kartla; its id shows as <LABEL>.
add_document() {
  local file=$1 label=$2 line
  shift 2
  line=$(output kartla document add rec.kartla --owner owner.id --file "$file" "$@")
  doc_id=${line#*document }
  doc_id=${doc_id%% *}
  name_value "$doc_id" "$label"
  echo "$line"
}
