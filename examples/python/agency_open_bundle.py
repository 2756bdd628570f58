# SPDX-License-Identifier: Apache-2.0
"""An agency system opening a share bundle through the Python binding: unlock the agency's
identity, open the bundle (the owner's signature and the grant are checked here), refuse an older
copy than one already seen, list what the participant shared, and read one section as a typed
message (its hash, key commitment, binding and the grant's expiry are checked on that call).

    python agency_open_bundle.py BUNDLE AGENCY_ID [LAST_SEEN]   # passphrase: $KARTLA_PASSPHRASE
    python agency_open_bundle.py --demo DIR   # plays the participant first, in DIR, then reads

bindings/python/README.md shows the function below; bindings/python/tests/test_example.py runs
this file and checks that the README shows it as it is here.
"""

from __future__ import annotations

import datetime
import os
import sys

# --- example: an agency reads one shared section ---
import kartla
from kartla import v1


def agency_reads(bundle: str, agency_id: str, passphrase: bytearray, last_seen: int = 0) -> v1.Languages:
    try:
        agency = kartla.Identity.open_file(agency_id, passphrase)   # kartla.Auth: wrong passphrase
    finally:
        kartla.wipe(passphrase)                  # unlocked or not, the passphrase can go
    with agency, kartla.Share.open_file(bundle, agency) as share:
        share.check_last_seen(last_seen)         # kartla.Rollback: an older copy than one seen
        for grant in share.describe().grants:    # what was shared with us, why, until when
            print(grant.section, grant.purpose, grant.gdpr_art6_basis, grant.expires_at)
        try:
            return share.read(v1.Languages)      # or kartla.Expired, kartla.Integrity, ...
        except kartla.NotShared as e:            # every failure is a kartla.Error with .status
            raise SystemExit(f"not shared with us: {e.message}")
# --- end of example ---


LANGUAGES_JSON = """{"entries": [{"id": "lang-sv", "language": {"system": "iso-639-1", "code": "sv"},
  "listening": {"system": "cefr", "code": "B1"}, "reading": {"system": "cefr", "code": "B1"},
  "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-05-02T09:00:00Z"}}]}"""
PROFILE_JSON = """{"given_name": "Amina", "family_name": "Rahimi",
  "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-05-02T09:00:00Z"}}"""


def demo(folder: str) -> v1.Languages:
    """The participant's side, so that the example runs on its own (cheapest Argon2id: a demo)."""
    owner = kartla.Identity.create(b"participant's passphrase", kdf_memlimit_mib=64, kdf_opslimit=3)
    agency = kartla.Identity.create_agency("Landskrona stad", "212000-1140", "municipal_labour_unit",
                                           b"agency passphrase", kdf_memlimit_mib=64, kdf_opslimit=3)
    kartla.wipe(owner.recovery_code)
    kartla.wipe(agency.recovery_code)
    with owner.identity, agency.identity, kartla.Record.create(owner.identity) as record:
        agency.identity.save(os.path.join(folder, "agency.id"))
        record.set_section_json("languages", LANGUAGES_JSON)
        record.set_section_json("profile", PROFILE_JSON)
        expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=30)
        grant = record.share(agency.identity.card, ["languages"], purpose="Kartläggning", expires_at=expires)
        record.save(os.path.join(folder, "record.kartla"))
        record.export_bundle(grant, os.path.join(folder, "bundle.kartla"))
    return agency_reads(os.path.join(folder, "bundle.kartla"), os.path.join(folder, "agency.id"),
                        bytearray(b"agency passphrase"))


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--demo":
        languages = demo(argv[2])
    elif len(argv) in (3, 4):
        passphrase = bytearray(os.environ.get("KARTLA_PASSPHRASE", "").encode())
        languages = agency_reads(argv[1], argv[2], passphrase, int(argv[3]) if len(argv) == 4 else 0)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for entry in languages.entries:
        print(entry.id, entry.language.code, entry.listening.code)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except kartla.Error as e:
        print(f"agency_open_bundle: {e.status_name}: {e.message}", file=sys.stderr)
        sys.exit(1)
