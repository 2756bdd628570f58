# SPDX-License-Identifier: Apache-2.0
. "$CASES/lib.sh"
# The owner and two agencies: A (granted the documents), B (granted nothing).
make_owner owner
make_agency a "Landskrona stad" 212000-1140 municipal_labour_unit
make_agency b "Arbetsförmedlingen" 556036-0793 employment_service
