# Sourced by the rollback cases: three versions of rec.kartla (new, + profile, + languages), with
# old.kartla and old.id the copies of the record and the identity at version 2.
three_versions() {
  from_once owner.id
  new_record
  quiet kartla record set rec.kartla --owner owner.id --section profile --in "$EX/profile.json"
  cp rec.kartla old.kartla
  cp owner.id old.id
  quiet kartla record set rec.kartla --owner owner.id --section languages --in "$EX/languages.json"
}
