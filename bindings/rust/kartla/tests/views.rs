// SPDX-License-Identifier: Apache-2.0
//! The experimental views: the owner's and an agency's, typed and as text, and their refusals
//! (a section not held, not shared, or past the grant; bad options).

mod support;

use kartla::experimental::{self as x, ViewOptions};
use kartla::{ErrorKind, Identity, Record, Share, ShareOptions};
use support::*;

#[test]
fn owner_and_agency_views() {
    let s = load("tests/bindings/scenario.json");
    let now = num(&s["clock"], "now");
    let kdf = test_kdf(&s, now - 86400);
    let (owner, _) = Identity::create(b"owner passphrase", &kdf).unwrap();
    let info = kartla::AgencyInfo {
        name: "Valideringscentrum Skåne",
        organisation_number: "212000-1140",
        role: "validation_provider",
    };
    let (agency, _) = Identity::create_agency(&info, b"agency passphrase", &kdf).unwrap();
    let mut record = Record::new(&owner).unwrap();
    record.set_clock(when(now)).unwrap();
    let examples = repo().join("examples/sections");
    for name in ["profile", "action_plan", "progress"] {
        record
            .set_section_json(name, &std::fs::read_to_string(examples.join(format!("{name}.json"))).unwrap())
            .unwrap();
    }
    let options = ViewOptions::default();

    let plan = x::record_plan(&record, &options).unwrap();
    assert!(!plan.goals.is_empty(), "{plan:?}");
    assert!(!x::record_plan_text(&record, &options).unwrap().is_empty());
    let progress = x::record_progress(&record, &options).unwrap();
    assert!(!progress.indicators.is_empty(), "{progress:?}");
    assert!(!x::record_progress_text(&record, &options).unwrap().is_empty());
    assert!(x::record_progress_svg(&record, &options).unwrap().contains("<svg"));
    let swedish = ViewOptions { language: Some("sv"), ..options };
    assert!(!x::record_show_text(&record, None, &swedish).unwrap().is_empty());
    assert!(!x::record_show_text(&record, Some("profile"), &options).unwrap().is_empty());
    let absent = x::record_show_text(&record, Some("education"), &options).unwrap_err();
    assert_eq!(absent.kind(), ErrorKind::NotFound);
    let bad = x::record_plan(&record, &ViewOptions { language: Some(""), ..options }).unwrap_err();
    assert_eq!(bad.kind(), ErrorKind::InvalidArgument, "an empty language tag");

    // The agency is granted progress only, for 30 days.
    let terms =
        ShareOptions { expires_at: when(now + 30 * 86400), granted_at: when(now), ..ShareOptions::new("views") };
    let grant = record.share(&agency.card().unwrap(), &["progress"], &terms).unwrap();
    let dir = TempDir::new();
    record.save(dir.file("record.kartla")).unwrap();
    record.export_bundle(&grant, dir.file("bundle.kartla")).unwrap();
    let share = Share::open_file(dir.file("bundle.kartla"), &agency).unwrap();
    let (during, after) = (when(now + 86400), when(now + 31 * 86400));
    let seen = x::share_progress(&share, during, &options).unwrap();
    assert_eq!(seen.indicators.len(), progress.indicators.len(), "the same view from the same section");
    assert!(!x::share_progress_text(&share, during, &options).unwrap().is_empty());
    assert!(x::share_progress_svg(&share, during, &options).unwrap().contains("<svg"));
    assert!(!x::share_show_text(&share, None, during, &options).unwrap().is_empty());
    assert_eq!(x::share_plan(&share, during, &options).unwrap_err().kind(), ErrorKind::NotShared);
    assert_eq!(x::share_plan_text(&share, during, &options).unwrap_err().kind(), ErrorKind::NotShared);
    assert_eq!(x::share_show_text(&share, None, after, &options).unwrap_err().kind(), ErrorKind::Expired);
}
