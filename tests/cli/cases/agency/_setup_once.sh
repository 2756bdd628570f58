. "$CASES/lib.sh"
make_owner owner
make_agency a "Landskrona stad" 212000-1140 municipal_labour_unit
