. "$CASES/lib.sh"
# The cast: the owner and another owner, agency A (a validation provider, on the trust list),
# agency B (not on it), two trust roots, and the trust list root signed (sequence 1, vouching
# for A from 2020-01-01). trust_list.sh shows these commands' own output.
make_owner owner
make_owner other
make_agency a Valideringscentrum 212000-1140 validation_provider
make_agency b "Okänd aktör" 556036-0793 employment_service
quiet kartla trust root new --name "Regionens tillitsrot" --out root.id "${KDF[@]}"
quiet kartla identity card root.id --out root.card
name_card root root.card
quiet kartla trust root new --name "En annan rot" --out root2.id "${KDF[@]}"
quiet kartla identity card root2.id --out root2.card
name_card root2 root2.card
quiet kartla trust add trust.draft --card a.card --role validation_provider --valid-from 2020-01-01
quiet kartla trust sign --as root.id --draft trust.draft --expires 2099-12-31 --out trust.list
