// SPDX-License-Identifier: Apache-2.0
//! The views a person reads (kartla/experimental/views.h): progress, the action plan and the
//! record as text, for the owner (`record_*`) and for an agency (`share_*`, only what is shared
//! and unexpired at `at`). Experimental: re-exported from [`crate::experimental`].

use std::ptr;
use std::time::SystemTime;

use kartla_sys as sys;
use zeroize::Zeroizing;

use crate::error::{check, Result};
use crate::raw::{c_text, unix, Buffer};
use crate::record::Record;
use crate::share::Share;
use crate::v1;

/// How a view is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewOptions<'a> {
    /// Progress: also chart work_ability scores (health data).
    pub include_work_ability: bool,
    /// BCP 47 tag for titles and labels ("sv", "fi"); `None` = "en".
    pub language: Option<&'a str>,
}

/// The C options and the language string they point into.
struct RawOptions {
    raw: sys::kartla_view_options,
    _language: Option<std::ffi::CString>,
}

impl ViewOptions<'_> {
    fn raw(&self, op: &'static str) -> Result<RawOptions> {
        let language = self.language.map(|l| c_text(op, l)).transpose()?;
        let mut raw = sys::kartla_view_options { version: 0, include_work_ability: 0, language: ptr::null() };
        // SAFETY: fills a caller-owned struct.
        unsafe { sys::kartla_view_options_init(&mut raw) };
        raw.include_work_ability = u32::from(self.include_work_ability);
        raw.language = language.as_ref().map_or(ptr::null(), |l| l.as_ptr());
        Ok(RawOptions { raw, _language: language })
    }
}

type RecordView = unsafe extern "C" fn(
    *const sys::kartla_record,
    *const sys::kartla_view_options,
    *mut sys::kartla_buffer,
) -> sys::kartla_status;
type RecordTypedView = unsafe extern "C" fn(
    *const sys::kartla_record,
    *const sys::kartla_view_options,
    sys::kartla_encoding,
    *mut sys::kartla_buffer,
) -> sys::kartla_status;
type ShareView = unsafe extern "C" fn(
    *const sys::kartla_share,
    i64,
    *const sys::kartla_view_options,
    *mut sys::kartla_buffer,
) -> sys::kartla_status;
type ShareTypedView = unsafe extern "C" fn(
    *const sys::kartla_share,
    i64,
    *const sys::kartla_view_options,
    sys::kartla_encoding,
    *mut sys::kartla_buffer,
) -> sys::kartla_status;

fn record_text(
    op: &'static str,
    record: &Record,
    options: &ViewOptions<'_>,
    view: RecordView,
) -> Result<Zeroizing<String>> {
    let options = options.raw(op)?;
    let mut out = Buffer::new();
    // SAFETY: a live record, options that outlive the call, an empty buffer.
    check(op, unsafe { view(record.raw, &options.raw, out.out()) })?;
    out.secret_text(op)
}

fn record_typed<M: prost::Message + Default>(
    op: &'static str,
    record: &Record,
    options: &ViewOptions<'_>,
    view: RecordTypedView,
) -> Result<M> {
    let options = options.raw(op)?;
    let mut out = Buffer::new();
    // SAFETY: a live record, options that outlive the call, an empty buffer.
    check(op, unsafe { view(record.raw, &options.raw, sys::KARTLA_ENCODING_PROTOBUF, out.out()) })?;
    out.message(op)
}

fn share_text(
    op: &'static str,
    share: &Share,
    at: Option<SystemTime>,
    options: &ViewOptions<'_>,
    view: ShareView,
) -> Result<Zeroizing<String>> {
    let options = options.raw(op)?;
    let mut out = Buffer::new();
    // SAFETY: a live share, options that outlive the call, an empty buffer.
    check(op, unsafe { view(share.raw, unix(at), &options.raw, out.out()) })?;
    out.secret_text(op)
}

fn share_typed<M: prost::Message + Default>(
    op: &'static str,
    share: &Share,
    at: Option<SystemTime>,
    options: &ViewOptions<'_>,
    view: ShareTypedView,
) -> Result<M> {
    let options = options.raw(op)?;
    let mut out = Buffer::new();
    // SAFETY: a live share, options that outlive the call, an empty buffer.
    check(op, unsafe { view(share.raw, unix(at), &options.raw, sys::KARTLA_ENCODING_PROTOBUF, out.out()) })?;
    out.message(op)
}

/// Each indicator's movement over time (stegförflyttning), as a typed view.
pub fn record_progress(record: &Record, options: &ViewOptions<'_>) -> Result<v1::ProgressView> {
    record_typed("record_progress", record, options, sys::kartla_record_progress)
}
/// The progress view as a table per instrument.
pub fn record_progress_text(record: &Record, options: &ViewOptions<'_>) -> Result<Zeroizing<String>> {
    record_text("record_progress_text", record, options, sys::kartla_record_progress_text)
}
/// The progress view as a standalone SVG document.
pub fn record_progress_svg(record: &Record, options: &ViewOptions<'_>) -> Result<Zeroizing<String>> {
    record_text("record_progress_svg", record, options, sys::kartla_record_progress_svg)
}
/// The action plan, as a typed view.
pub fn record_plan(record: &Record, options: &ViewOptions<'_>) -> Result<v1::PlanView> {
    record_typed("record_plan", record, options, sys::kartla_record_plan)
}
/// The action plan as text.
pub fn record_plan_text(record: &Record, options: &ViewOptions<'_>) -> Result<Zeroizing<String>> {
    record_text("record_plan_text", record, options, sys::kartla_record_plan_text)
}
/// The record (or one section, which must be there) as text for a person to read.
pub fn record_show_text(
    record: &Record,
    section: Option<&str>,
    options: &ViewOptions<'_>,
) -> Result<Zeroizing<String>> {
    const OP: &str = "record_show_text";
    let section = section.map(|s| c_text(OP, s)).transpose()?;
    let options = options.raw(OP)?;
    let mut out = Buffer::new();
    // SAFETY: a live record, a section name or NULL (documented), options, an empty buffer.
    check(OP, unsafe {
        sys::kartla_record_show_text(
            record.raw,
            section.as_ref().map_or(ptr::null(), |s| s.as_ptr()),
            &options.raw,
            out.out(),
        )
    })?;
    out.secret_text(OP)
}

/// As [`record_progress`], for an agency at `at` (`None` = now).
pub fn share_progress(share: &Share, at: Option<SystemTime>, options: &ViewOptions<'_>) -> Result<v1::ProgressView> {
    share_typed("share_progress", share, at, options, sys::kartla_share_progress)
}
/// As [`record_progress_text`], for an agency.
pub fn share_progress_text(
    share: &Share,
    at: Option<SystemTime>,
    options: &ViewOptions<'_>,
) -> Result<Zeroizing<String>> {
    share_text("share_progress_text", share, at, options, sys::kartla_share_progress_text)
}
/// As [`record_progress_svg`], for an agency.
pub fn share_progress_svg(
    share: &Share,
    at: Option<SystemTime>,
    options: &ViewOptions<'_>,
) -> Result<Zeroizing<String>> {
    share_text("share_progress_svg", share, at, options, sys::kartla_share_progress_svg)
}
/// As [`record_plan`], for an agency.
pub fn share_plan(share: &Share, at: Option<SystemTime>, options: &ViewOptions<'_>) -> Result<v1::PlanView> {
    share_typed("share_plan", share, at, options, sys::kartla_share_plan)
}
/// As [`record_plan_text`], for an agency.
pub fn share_plan_text(share: &Share, at: Option<SystemTime>, options: &ViewOptions<'_>) -> Result<Zeroizing<String>> {
    share_text("share_plan_text", share, at, options, sys::kartla_share_plan_text)
}
/// As [`record_show_text`], for an agency: `None` shows every section it can read at `at`.
pub fn share_show_text(
    share: &Share,
    section: Option<&str>,
    at: Option<SystemTime>,
    options: &ViewOptions<'_>,
) -> Result<Zeroizing<String>> {
    const OP: &str = "share_show_text";
    let section = section.map(|s| c_text(OP, s)).transpose()?;
    let options = options.raw(OP)?;
    let mut out = Buffer::new();
    // SAFETY: a live share, a section name or NULL (documented), options, an empty buffer.
    check(OP, unsafe {
        sys::kartla_share_show_text(
            share.raw,
            section.as_ref().map_or(ptr::null(), |s| s.as_ptr()),
            unix(at),
            &options.raw,
            out.out(),
        )
    })?;
    out.secret_text(OP)
}
