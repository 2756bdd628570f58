. "$CASES/lib.sh"
# The owner, a stranger (another owner), and two agencies: A and B.
make_owner owner
make_owner stranger
make_agency a "Landskrona stad" 212000-1140 municipal_labour_unit
make_agency b "Arbetsförmedlingen" 556036-0793 employment_service
