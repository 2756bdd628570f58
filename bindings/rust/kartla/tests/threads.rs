// SPDX-License-Identifier: Apache-2.0
//! Threads: separate handles on separate threads at once, each seeing its own errors and
//! messages (the last error is per OS thread, common.h); one Share and one Identity shared by
//! many threads (their headers allow it); and the compile-time side: which handles are Send and
//! Sync (a Record is not Sync: see the compile_fail test in src/lib.rs).

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};

use kartla::{ErrorKind, Identity, Record, Share, Verification};
use support::*;

fn assert_send_sync<T: Send + Sync>() {}
fn assert_send<T: Send>() {}

#[test]
fn handles_are_send_and_sync_as_the_header_says() {
    assert_send_sync::<Identity>();
    assert_send_sync::<Share>();
    assert_send_sync::<Verification>();
    assert_send_sync::<kartla::Error>();
    assert_send::<Record>();
    assert_send::<kartla::experimental::TrustDraft>();
}

#[test]
fn two_threads_with_separate_handles_get_their_own_errors() {
    let f = Fixture::new();
    const ROUNDS: usize = 150;
    let good = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        // One thread is refused sections that are not shared, the other reads after expiry, at
        // the same time: each message must be its own call's.
        scope.spawn(|| {
            let agency = f.agency();
            let share = Share::open_file(&f.bundle_path, &agency).unwrap();
            for _ in 0..ROUNDS {
                let e = share.section(&f.not_shared, f.read_at()).unwrap_err();
                let ok = e.kind() == ErrorKind::NotShared && e.message().contains(&f.not_shared);
                let ok = ok && *share.section("languages", f.read_at()).unwrap() == f.shared["languages"];
                good.fetch_add(usize::from(ok), Ordering::Relaxed);
            }
        });
        scope.spawn(|| {
            let agency = f.agency();
            let share = Share::open(&std::fs::read(&f.bundle_path).unwrap(), &agency).unwrap();
            for _ in 0..ROUNDS {
                let e = share.section("profile", f.late()).unwrap_err();
                let ok = e.kind() == ErrorKind::Expired && !e.message().contains(&f.not_shared);
                let ok = ok && *share.section("profile", f.read_at()).unwrap() == f.shared["profile"];
                good.fetch_add(usize::from(ok), Ordering::Relaxed);
            }
        });
    });
    assert_eq!(good.load(Ordering::Relaxed), 2 * ROUNDS);
}

#[test]
fn one_share_and_one_identity_read_by_many_threads() {
    let f = Fixture::new();
    let agency = f.agency();
    let share = Share::open_file(&f.bundle_path, &agency).unwrap();
    let good = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for t in 0..4 {
            let (share, agency, f, good) = (&share, &agency, &f, &good);
            scope.spawn(move || {
                for i in 0..50 {
                    let name = if (t + i) % 2 == 0 { "profile" } else { "languages" };
                    let ok = *share.section(name, f.read_at()).unwrap() == f.shared[name]
                        && agency.card().unwrap() == f.agency_card;
                    good.fetch_add(usize::from(ok), Ordering::Relaxed);
                }
            });
        }
    });
    assert_eq!(good.load(Ordering::Relaxed), 4 * 50);
}

#[test]
fn records_on_separate_threads() {
    let s = load("tests/bindings/scenario.json");
    let kdf = test_kdf(&s, num(&s["clock"], "now"));
    // Each thread its own owner and record: Record is Send, so it may also be handed over.
    let handed: Vec<Record> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|i| {
                let kdf = &kdf;
                scope.spawn(move || {
                    let (owner, _) = Identity::create(b"thread owner", kdf).unwrap();
                    let mut record = Record::new(&owner).unwrap();
                    let mut profile = load("examples/sections/profile.json");
                    profile["given_name"] = format!("Thread {i}").into();
                    record.set_section_json("profile", &profile.to_string()).unwrap();
                    assert_eq!(record.section("education").unwrap_err().kind(), ErrorKind::NotFound);
                    record
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    for (i, record) in handed.iter().enumerate() {
        assert!(record.section_json("profile").unwrap().contains(&format!("Thread {i}")));
    }
}
