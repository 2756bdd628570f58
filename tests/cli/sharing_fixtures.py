"""Fixtures shared by the sharing tests (test_sharing.py, test_share_rules.py): an owner and two
agencies, made once per script and copied into each case's directory, and records holding the
example content of some sections."""

import atexit
import re
import json
import os
import shutil
import tempfile

from cli_harness import check, loads

OWNER = ["--owner", "owner.id"]
# 2099-06-30 as an expiry means "valid through that day": until 2099-07-01T00:00:00Z.
EXPIRES_DAY = "2099-06-30"
EXPIRES_AT = 4086547200  # 2099-07-01T00:00:00Z in Unix seconds

# Identities cost an Argon2id run to create and another to export their card: made once, then
# copied into each case's directory (every case still gets a record of its own).
_identities = {"dir": None, "fingerprints": None}
IDENTITY_FILES = ["owner.id", "owner.card", "a.id", "a.card", "b.id", "b.card"]


def identities(cli):
    if _identities["dir"] is None:
        owner, _ = cli.new_identity()
        cli.ok("identity", "card", "owner.id", "--out", "owner.card")
        a, _ = cli.new_agency("a.id", org="212000-1140", role="municipal_labour_unit",
                              display_name="Landskrona stad")
        b, _ = cli.new_agency("b.id", org="556036-0793", role="employment_service",
                              display_name="Arbetsförmedlingen")
        _identities["dir"] = tempfile.mkdtemp(prefix="kartla-cli-ids-")
        atexit.register(shutil.rmtree, _identities["dir"], True)
        for name in IDENTITY_FILES:
            shutil.copy(cli.path(name), _identities["dir"])
        _identities["fingerprints"] = {"owner": owner, "a": a, "b": b}
        return dict(_identities["fingerprints"])
    for name in IDENTITY_FILES:
        shutil.copy(os.path.join(_identities["dir"], name), cli.dir)
    return dict(_identities["fingerprints"])


def record_with(cli, *sections):
    """Owner identity and card, agencies A (a.id, a.card) and B (b.id, b.card), and a record
    holding the example content of `sections`; returns the fingerprints."""
    fingerprints = identities(cli)
    cli.new_record()
    for s in sections:
        cli.ok("record", "set", "rec.kartla", *OWNER, "--section", s, "--json", cli.example(s))
    return fingerprints


def share_json(cli, *args):
    return loads(cli.ok("share", "rec.kartla", *OWNER, *args, "--json"))


def owner_get(cli, section, name="rec.kartla"):
    return cli.ok("record", "get", name, *OWNER, "--section", section)


def edited_profile(cli, given_name):
    with open(cli.example("profile")) as f:
        profile = json.load(f)
    profile["given_name"] = given_name
    cli.write("profile-%s.json" % given_name, json.dumps(profile))
    return "profile-%s.json" % given_name


def section_names(cli):
    return [s["name"] for s in loads(cli.ok("sections", "--json", passphrase=None))]


def check_no_section_named(cli, text, what):
    """No section name appears in `text` (what a keyless reader was shown) as a word."""

    for name in section_names(cli):
        check(re.search(r"(?<![A-Za-z0-9_])%s(?![A-Za-z0-9_])" % re.escape(name), text) is None,
              "%s names section %r:\n%s" % (what, name, text))
