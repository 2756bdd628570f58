. "$CASES/lib.sh"
# JSON that does not match the schema, and protobuf bytes that are not a section, are reported as
# schema-parse violations; empty protobuf is a valid (empty) section.
kartla validate --section profile --in - <<<'{"favourite_colour": "blue"}'
printf '\377\377\377' >garbage.bin
kartla validate --section notes --protobuf garbage.bin
: >empty.bin
kartla validate --section notes --protobuf empty.bin
