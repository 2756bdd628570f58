"""Files a dishonest owner or a forger could hand over, taken from tests/vectors/negative.json and
bundle_negative.json: the CLI refuses each with the documented exit code and prints nothing on
stdout, whoever opens it (anyone with `verify`, the agency with `open`)."""

import json
import os

from cli_harness import VERIFICATION, case, check, main


def vectors(cli, name):
    with open(os.path.join(cli.source_dir, "tests", "vectors", name)) as f:
        return {v["name"]: v for v in json.load(f)["vectors"]}


# One signed manifest, two entries for one section; an entry in another slot; a repeated slot
# commitment; a length that is not a padded one (docs/SPEC.md §5.3, §5.4, §6.3).
EQUIVOCATIONS = ["slot_tag_repeated", "entry_in_another_slot", "slot_commitment_repeated",
                 "ciphertext_length_not_padded"]


@case
def verify_refuses_a_manifest_that_could_show_two_plaintexts(cli):
    # Control: the genuine record these forgeries were made from verifies.
    with open(os.path.join(cli.source_dir, "tests", "vectors", "record.json")) as f:
        genuine = json.load(f)["versions"][0]["file"]
    cli.write("genuine.kartla", bytes.fromhex(genuine), "wb")
    check("verified:" in cli.ok("verify", "genuine.kartla"), "the genuine record verifies")
    found = vectors(cli, "negative.json")
    for name in EQUIVOCATIONS:
        v = found[name]
        verify = [c for c in v["checks"] if c["operation"] == "verify"]
        check(verify and verify[0]["result"] in ("E_FORMAT", "E_INTEGRITY"), "vector %s fails keyless verify" % name)
        cli.write(name + ".kartla", bytes.fromhex(v["input"]), "wb")
        cli.fails(VERIFICATION, "verify", name + ".kartla")
        out = cli.run("verify", name + ".kartla", "--json")
        check(out.rc == VERIFICATION and out.out == "", "verify --json refuses %s too" % name, out)


if __name__ == "__main__":
    main()
