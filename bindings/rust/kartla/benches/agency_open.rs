// SPDX-License-Identifier: Apache-2.0
//! The binding's benchmark (not a test): an agency reads a 1 KiB and a 64 MiB section through
//! the binding and through the C ABI directly, in one process, in the same run, and the ratio
//! binding / C is printed (goal: 1.3x at 1 KiB, 1.05x at 64 MiB; printed, not judged).
//!
//!     cargo bench -p kartla --bench agency_open   # KARTLA_BENCH_SAMPLES=N (default 9; 21+ at 1 KiB)
//!
//! The C side calls the kartla-sys declarations in a loop: a Rust call of an `extern "C"`
//! function is the same machine call C makes, so that side is the C ABI with no binding code
//! around it (no CString, no Result, no Zeroizing). Both sides read the same bundle with the same
//! agency identity, alternating sample by sample, timed by the calling thread's CPU time
//! (steadier than wall time on a shared machine); each line gives medians per read.
//!
//!   read        Share::section (a new Zeroizing<Vec>: size, then decrypt into it)
//!               vs kartla_share_section + kartla_buffer_free
//!   read_into   Share::section_into a reused buffer  vs  kartla_share_section_into the same way
//!   open+read   Share::open_file + section + drop  vs  kartla_share_open_file + kartla_share_section
//!               + kartla_buffer_free + kartla_share_free

use std::ffi::CString;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use kartla::{v1, AgencyInfo, Identity, IdentityOptions, Record, Share, ShareOptions};
use kartla_sys as sys;
use prost::Message;

const SECTION: &str = "documents";

/// A documents section whose protobuf encoding is exactly `size` bytes: one entry with inline
/// content, valid under the section's rules (as bench/payload.cpp makes it).
fn documents(size: usize) -> Vec<u8> {
    let build = |n: usize, title: &str| v1::Documents {
        entries: vec![v1::DocumentEntry {
            id: "bench-document".into(),
            kind: v1::document_entry::Kind::Other as i32,
            title: title.into(),
            media_type: "application/octet-stream".into(),
            size_bytes: n as u64,
            sha256: vec![0x5a; 32], // the rules check its length; the benchmark needs no digest
            content: Some(v1::document_entry::Content::InlineContent(vec![0x5a; n])),
            assertion: Some(v1::Assertion {
                source: v1::assertion::Source::SelfReported as i32,
                asserted_at: Some(prost_types::Timestamp { seconds: 1_700_000_000, nanos: 0 }),
                ..Default::default()
            }),
            ..Default::default()
        }],
        ..Default::default()
    };
    let mut n = size - 200;
    let mut title = String::from("benchmark payload");
    while build(n, &title).encoded_len() > size {
        n -= 1;
    }
    while build(n, &title).encoded_len() < size {
        title.push('.');
    }
    let out = build(n, &title).encode_to_vec();
    assert_eq!(out.len(), size);
    out
}

fn prepare(dir: &Path, size: usize) -> PathBuf {
    let cheap = IdentityOptions { kdf_opslimit: 3, kdf_memlimit_mib: 64, created_at: None };
    let (owner, _) = Identity::create(b"benchmark owner", &cheap).unwrap();
    let mut record = Record::new(&owner).unwrap();
    record.set_section(SECTION, &documents(size)).unwrap();
    let agency = Identity::open_file(dir.join("agency.id"), b"benchmark agency").unwrap();
    let grant = record.share(&agency.card().unwrap(), &[SECTION], &ShareOptions::new("benchmark")).unwrap();
    record.save(dir.join(format!("record-{size}.kartla"))).unwrap();
    let bundle = dir.join(format!("bundle-{size}.kartla"));
    record.export_bundle(&grant, &bundle).unwrap();
    bundle
}

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}
extern "C" {
    fn clock_gettime(clock: i32, out: *mut Timespec) -> i32;
}
const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

fn cpu_now() -> Duration {
    let mut t = Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a valid out pointer; Linux's clock id for this thread's CPU time.
    assert_eq!(unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) }, 0);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// CPU time per call of `f` run `reps` times.
fn per_call(reps: usize, mut f: impl FnMut()) -> f64 {
    let start = cpu_now();
    for _ in 0..reps {
        f();
    }
    (cpu_now() - start).as_secs_f64() / reps as f64
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn c_section(share: *const sys::kartla_share, name: &CString) {
    let mut buf = sys::KARTLA_BUFFER_INIT;
    // SAFETY: a live share, a name, an empty buffer.
    let status = unsafe { sys::kartla_share_section(share, name.as_ptr(), 0, &mut buf) };
    assert_eq!(status, sys::KARTLA_OK);
    std::hint::black_box(buf.len);
    // SAFETY: the buffer the call filled.
    unsafe { sys::kartla_buffer_free(&mut buf) };
}

fn main() {
    let samples: usize = std::env::var("KARTLA_BENCH_SAMPLES").ok().and_then(|s| s.parse().ok()).unwrap_or(9);
    let dir = std::env::temp_dir().join(format!(
        "kartla-rust-bench-{}-{}",
        std::process::id(),
        SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos()
    ));
    std::fs::create_dir(&dir).unwrap();
    let cheap = IdentityOptions { kdf_opslimit: 3, kdf_memlimit_mib: 64, created_at: None };
    let info =
        AgencyInfo { name: "Landskrona stad", organisation_number: "212000-1140", role: "municipal_labour_unit" };
    let (agency, _) = Identity::create_agency(&info, b"benchmark agency", &cheap).unwrap();
    agency.save(dir.join("agency.id")).unwrap();
    // The C side gets the same identity handle, by a second open (the handle is opaque).
    let c_agency = {
        let path = CString::new(dir.join("agency.id").to_str().unwrap()).unwrap();
        let mut raw = std::ptr::null_mut();
        let pass = b"benchmark agency";
        // SAFETY: valid inputs and output.
        assert_eq!(unsafe { sys::kartla_identity_open_file(path.as_ptr(), pass.as_ptr(), pass.len(), &mut raw) }, 0);
        raw
    };
    let name = CString::new(SECTION).unwrap();
    println!(
        "kartla {} (Rust binding vs the C ABI), CPU time per read, medians of {samples} samples (at least 21 at 1 KiB)",
        kartla::version()
    );
    println!("{:<12} {:>8} {:>14} {:>14} {:>8}", "operation", "size", "Rust", "C", "ratio");
    for (label, size) in [("1 KiB", 1024usize), ("64 MiB", 64 << 20)] {
        let bundle = prepare(&dir, size);
        let share = Share::open_file(&bundle, &agency).unwrap();
        let c_bundle = CString::new(bundle.to_str().unwrap()).unwrap();
        let mut c_share = std::ptr::null_mut();
        // SAFETY: valid inputs and output.
        assert_eq!(unsafe { sys::kartla_share_open_file(c_bundle.as_ptr(), c_agency, &mut c_share) }, 0);
        let capacity = share.section_size(SECTION, None).unwrap();
        let (mut rust_buf, mut c_buf) = (vec![0u8; capacity], vec![0u8; capacity]);
        // Reps per sample: about 20 ms of work at 1 KiB, one read at 64 MiB; the cheap size gets
        // more samples, as a single sample there is most exposed to the machine's other load.
        let (reps, samples) = if size <= 1 << 20 { (2000, samples.max(21)) } else { (1, samples) };
        let mut rows: Vec<(&str, Vec<f64>, Vec<f64>)> =
            vec![("read", vec![], vec![]), ("read_into", vec![], vec![]), ("open+read", vec![], vec![])];
        for sample in 0..samples {
            let mut run = |row: usize, rust_first: bool| {
                let rust = |buf: &mut Vec<u8>| match row {
                    0 => per_call(reps, || {
                        std::hint::black_box(share.section(SECTION, None).unwrap());
                    }),
                    1 => per_call(reps, || {
                        std::hint::black_box(share.section_into(SECTION, None, buf).unwrap());
                    }),
                    _ => per_call(reps, || {
                        let s = Share::open_file(&bundle, &agency).unwrap();
                        std::hint::black_box(s.section(SECTION, None).unwrap());
                    }),
                };
                let c = |buf: &mut Vec<u8>| match row {
                    0 => per_call(reps, || c_section(c_share, &name)),
                    1 => per_call(reps, || {
                        let mut used = 0;
                        // SAFETY: a live share and a buffer of `capacity` bytes.
                        let status = unsafe {
                            sys::kartla_share_section_into(
                                c_share,
                                name.as_ptr(),
                                0,
                                buf.as_mut_ptr(),
                                buf.len(),
                                &mut used,
                            )
                        };
                        assert_eq!(status, sys::KARTLA_OK);
                        std::hint::black_box(used);
                    }),
                    _ => per_call(reps, || {
                        let mut s = std::ptr::null_mut();
                        // SAFETY: valid inputs and output; freed below.
                        assert_eq!(unsafe { sys::kartla_share_open_file(c_bundle.as_ptr(), c_agency, &mut s) }, 0);
                        c_section(s, &name);
                        // SAFETY: the share opened above.
                        unsafe { sys::kartla_share_free(s) };
                    }),
                };
                let (r, c) = if rust_first {
                    let r = rust(&mut rust_buf);
                    (r, c(&mut c_buf))
                } else {
                    let c = c(&mut c_buf);
                    (rust(&mut rust_buf), c)
                };
                rows[row].1.push(r);
                rows[row].2.push(c);
            };
            for row in 0..3 {
                run(row, sample % 2 == 0);
            }
        }
        for (op, rust, c) in rows {
            let (r, c) = (median(rust), median(c));
            println!("{op:<12} {label:>8} {:>12.1}us {:>12.1}us {:>7.2}x", r * 1e6, c * 1e6, r / c);
        }
        // SAFETY: opened above, freed once.
        unsafe { sys::kartla_share_free(c_share) };
    }
    // SAFETY: opened above, freed once.
    unsafe { sys::kartla_identity_free(c_agency) };
    let _ = std::fs::remove_dir_all(&dir);
}
