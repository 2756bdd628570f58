. "$CASES/lib.sh"
# The participant and the three agencies of a coordination meeting in Landskrona.
make_owner owner
make_agency kommun "Landskrona stad" 212000-1140 municipal_labour_unit
make_agency af "Arbetsförmedlingen" 202100-2114 employment_service
make_agency fk "Försäkringskassan" 202100-5521 social_insurance
