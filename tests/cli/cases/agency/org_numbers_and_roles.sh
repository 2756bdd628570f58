. "$CASES/lib.sh"
# Organisation numbers are checked (Swedish: Luhn; Finnish Y-tunnus: its check digit), roles are
# one of the documented set; each refusal is a usage error and writes no identity.
kartla agency new --name "Helsingin kaupunki" --org 0201256-6 --role education_provider --out fi.id --json "${KDF[@]}"
quiet kartla agency card fi.id --out fi.card
kartla agency show fi.card --json
quiet kartla agency new --name "Ett bolag AB" --org 5560360793 --role employer --out se.id "${KDF[@]}"
long=$(printf 'x%.0s' {1..300})
name_value "$long" X300
while read -r option value; do
  [ "$value" = '""' ] && value=
  [ "$value" = LONG ] && value=$long
  declare -A args=([--name]=X [--org]=212000-1140 [--role]=other)
  args[$option]=$value
  kartla agency new --name "${args[--name]}" --org "${args[--org]}" --role "${args[--role]}" --out bad.id "${KDF[@]}"
  exists bad.id
done <<'LIST'
--org 212000-1141
--org 0201256-5
--org 19640823-3234
--org banana
--role boss
--role Employer
--name ""
--name LONG
LIST
kartla agency new --org 212000-1140 --role other --out bad.id
kartla agency new --name X --org 212000-1140 --role other --out se.id "${KDF[@]}"
kartla agency new --name X --org 212000-1140 --role other --out bad.id --kdf-memory-mib 8
