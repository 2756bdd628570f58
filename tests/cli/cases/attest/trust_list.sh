. "$CASES/lib.sh"
# A trust root signs a list of the agencies it vouches for: trust root new names its file, trust
# add reports the agency and the draft's sequence, trust sign and trust show the list.
from_once a.card
kartla trust root new --name "Regionens tillitsrot" --out root.id "${KDF[@]}"
quiet kartla identity card root.id --out root.card
kartla trust add trust.draft --card a.card --role validation_provider --valid-from 2020-01-01
kartla trust sign --as root.id --draft trust.draft --expires 2099-12-31 --out trust.list
kartla trust show trust.list
kartla trust show trust.list --json
kartla trust root --help
