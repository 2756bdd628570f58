. "$CASES/lib.sh"
# A STEGA project owner and a dozen participants, each with their own identity and record holding
# only programme_followup, shared with the project owner for its report (Art. 6(1)(e)). The dozen
# are those of tests/unit/capi_share/capi_followup_test.cpp, whose figures are worked out there:
# 5 women and 7 men; highest phase 1: 2, 2: 5, 3: 5; all left, 5 in work at exit (41.7 %), 7 job
# seeking; six months after, 6 in work and 6 in studies.
make_agency project "Landskrona stad, STEGA" 212000-1140 municipal_labour_unit
followup() {  # GENDER HIGHEST-PHASE AT-EXIT SIX-MONTHS
  local phases="" step
  for step in $(seq 1 "$2"); do
    phases+="${phases:+,}{\"phase\": {\"instrument_id\": \"stega-phase\", \"step\": $step}, \"entered_on\": {\"year\": 2025, \"month\": $((step * 3))}}"
  done
  cat <<JSON
{"id": "followup-stega", "programme_name": "STEGA", "funding_ref": "23-073-S02",
 "gender": {"system": "kartla-gender", "code": "$1"},
 "status_at_entry": {"system": "kartla-labour-market-status", "code": "long-term-unemployed"},
 "entered_on": {"year": 2025, "month": 2}, "phases": [$phases],
 "exited_on": {"year": 2025, "month": 11},
 "status_at_exit": {"system": "kartla-followup-outcome", "code": "$3"},
 "status_six_months_after_exit": {"system": "kartla-followup-outcome", "code": "$4"},
 "participation": [{"from": {"year": 2025, "month": 2}, "percent_of_full_time": 50}],
 "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-11-30T00:00:00Z"}}
JSON
}
i=0
while read -r gender phase at_exit six_months; do
  i=$((i + 1))
  p=p$(printf '%02d' "$i")
  quiet kartla identity new --out "$p.id" "${KDF[@]}"
  followup "$gender" "$phase" "$at_exit" "$six_months" >"$p.json"
  quiet kartla record new --owner "$p.id" --out "$p.kartla"
  quiet kartla record set "$p.kartla" --owner "$p.id" --section programme_followup --in "$p.json"
  quiet kartla share "$p.kartla" --owner "$p.id" --to project.card --sections programme_followup \
    --purpose "STEGA: uppföljning till ESF-rådet" --art6-basis 6.1.e --expires 2099-12-31 --out "$p.bundle"
done <<'DOZEN'
woman 3 employed employed
woman 3 employed employed
woman 2 job-seeking studies
woman 2 job-seeking studies
woman 1 job-seeking studies
man 3 employed employed
man 3 employed employed
man 3 employed employed
man 2 job-seeking employed
man 2 job-seeking studies
man 2 job-seeking studies
man 1 job-seeking studies
DOZEN
