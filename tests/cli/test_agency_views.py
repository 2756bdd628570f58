"""The views for agencies (issue 12): `kartla progress`, `plan` and `record show` read a share
bundle with --as AGENCY.id, as `kartla open` does. The same library code computes them from the
sections granted, so where everything a view reads is shared the agency sees what the owner
sees; a view that needs a section not shared or past its expiry exits 3 and names it."""

import json
import os

from cli_harness import NOT_AVAILABLE, USAGE, Cli, case, check, main
from sharing_fixtures import EXPIRES_DAY, OWNER, record_with

VIEW_SECTIONS = ("profile", "action_plan", "progress")


def shared(cli, sections, out, agency="a", expires=None):
    extra = ["--expires", expires] if expires else []
    cli.ok("share", "rec.kartla", *OWNER, "--to", agency + ".card", "--sections", ",".join(sections),
           "--purpose", "Uppföljning", *extra, "--out", out)


@case
def an_agency_sees_what_the_owner_sees_of_what_is_shared(cli: Cli):
    record_with(cli, *VIEW_SECTIONS)
    shared(cli, VIEW_SECTIONS, "a.bundle")
    agency = ["a.bundle", "--as", "a.id"]
    owner = ["rec.kartla", *OWNER]
    for command in (["progress"], ["progress", "--json"], ["plan"], ["plan", "--json"],
                    ["record", "show", "--section", "progress"], ["progress", "--language", "sv"]):
        check(cli.ok(*command, *agency) == cli.ok(*command, *owner), "%s: the agency's view is the owner's" % command)
    summary = json.loads(cli.ok("progress", *agency, "--json"))
    check(len(summary["indicators"]) > 0 and all(s["section"] == "progress" for s in summary["indicators"]),
          str(summary)[:300])
    # The whole record: the sections shared, under the record's id and version, as the owner's
    # view of a record holding just those.
    whole = cli.ok("record", "show", *agency)
    check(whole.startswith("Record ") and "== Profile ==" in whole and "== Action plan ==" in whole and
          "== Progress ==" in whole, whole[:300])
    cli.ok("progress", *agency, "--svg", "chart.svg")
    with open(cli.path("chart.svg")) as f:
        check("<svg" in f.read(), "the chart is written")


@case
def a_view_of_a_section_not_shared_exits_3_and_never_shows_it(cli: Cli):
    record_with(cli, *VIEW_SECTIONS)
    shared(cli, ["profile"], "b.bundle", agency="b")
    agency = ["b.bundle", "--as", "b.id"]
    cli.fails(NOT_AVAILABLE, "progress", *agency, matches="progress")
    cli.fails(NOT_AVAILABLE, "progress", *agency, "--json", matches="progress")
    cli.fails(NOT_AVAILABLE, "progress", *agency, "--svg", "x.svg", matches="progress")
    check(not os.path.exists(cli.path("x.svg")), "no chart of a section not shared")
    cli.fails(NOT_AVAILABLE, "plan", *agency, matches="action_plan")
    cli.fails(NOT_AVAILABLE, "record", "show", *agency, "--section", "action_plan", matches="action_plan")
    whole = cli.ok("record", "show", *agency)
    check("== Profile ==" in whole, whole[:300])
    check("== Progress ==" not in whole and "== Action plan ==" not in whole, "only what is shared:\n" + whole)


@case
def progress_shared_without_the_plan_leaves_the_goal_texts_out(cli: Cli):
    record_with(cli, *VIEW_SECTIONS)
    shared(cli, ["progress"], "a.bundle")
    summary = json.loads(cli.ok("progress", "a.bundle", "--as", "a.id", "--json"))
    owners = json.loads(cli.ok("progress", "rec.kartla", *OWNER, "--json"))
    strip = lambda s: [{k: v for k, v in i.items() if k != "target_label"} for i in s["indicators"]]
    check(strip(summary) == strip(owners), "the same series, numbers and labels")
    check(all(i["target_label"] == "" for i in summary["indicators"]), "no goal text without the plan")


@case
def an_expired_grant_is_a_view_of_nothing(cli: Cli):
    record_with(cli, *VIEW_SECTIONS)
    shared(cli, VIEW_SECTIONS, "a.bundle", expires=EXPIRES_DAY)
    agency = ["a.bundle", "--as", "a.id"]
    cli.ok("progress", *agency, "--at", "2099-06-30")
    cli.ok("plan", *agency, "--at", "2099-06-30T23:59:59Z")
    for command in (["progress"], ["plan"], ["record", "show"], ["record", "show", "--section", "profile"]):
        cli.fails(NOT_AVAILABLE, *command, *agency, "--at", "2099-07-01", matches="expired")


@case
def owner_or_agency_not_both(cli: Cli):
    record_with(cli, "progress")
    shared(cli, ["progress"], "a.bundle")
    cli.fails(USAGE, "progress", "a.bundle", "--as", "a.id", *OWNER, matches="not both")
    cli.fails(USAGE, "record", "show", "a.bundle", "--as", "a.id", "--trust", "t.list", matches="--trust")
    cli.fails(USAGE, "plan", "a.bundle", "--as", "a.id", "--at", "tomorrow", matches="--at")


if __name__ == "__main__":
    main()
