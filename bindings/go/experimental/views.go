// SPDX-License-Identifier: Apache-2.0
package experimental

/*
#define KARTLA_EXPERIMENTAL
#include <stdlib.h>
#include <kartla/kartla.h>
*/
import "C"

import (
	"time"
	"unsafe"

	"google.golang.org/protobuf/proto"

	"kartla.example/kartla"
	"kartla.example/kartla/kartlav1"
)

// ViewOptions are the views' options (kartla_view_options); nil means the defaults.
type ViewOptions struct {
	IncludeWorkAbility bool   // progress: also chart work_ability scores (health data)
	Language           string // BCP 47 tag for titles and labels ("sv", "fi"); "" = "en"
}

// view runs one view function on a record (exclusive) or a share, with the options in C form.
func view(op string, v any, opts *ViewOptions, f func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status) (C.kartla_buffer, error) {
	var buf C.kartla_buffer
	var c *C.kartla_view_options
	if opts != nil {
		c = new(C.kartla_view_options)
		C.kartla_view_options_init(c)
		if opts.IncludeWorkAbility {
			c.include_work_ability = 1
		}
		if opts.Language != "" {
			lang, err := cString(op, "language", opts.Language)
			if err != nil {
				return buf, err
			}
			defer freeAll([]*C.char{lang})
			c.language = lang
		}
	}
	p, release, err := acquire(op, v)
	if err != nil {
		return buf, err
	}
	defer release()
	return buf, call(op, func() C.kartla_status { return f(p, c, &buf) })
}

func typedView(op string, v any, opts *ViewOptions, m proto.Message, f func(unsafe.Pointer, *C.kartla_view_options, *C.kartla_buffer) C.kartla_status) error {
	buf, err := view(op, v, opts, f)
	if err != nil {
		return err
	}
	return takeResult(op, &buf, m)
}

func textView(op string, v any, opts *ViewOptions, f func(unsafe.Pointer, *C.kartla_view_options, *C.kartla_buffer) C.kartla_status) (string, error) {
	buf, err := view(op, v, opts, f)
	if err != nil {
		return "", err
	}
	return takeString(&buf), nil
}

func rec(p unsafe.Pointer) *C.kartla_record { return (*C.kartla_record)(p) }
func shr(p unsafe.Pointer) *C.kartla_share  { return (*C.kartla_share)(p) }

// RecordProgress is each indicator's movement over time (stegförflyttning) from the record's
// progress section.
func RecordProgress(r *kartla.Record, opts *ViewOptions) (*kartlav1.ProgressView, error) {
	out := new(kartlav1.ProgressView)
	return out, typedView("RecordProgress", r, opts, out, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_record_progress(rec(p), o, C.KARTLA_ENCODING_PROTOBUF, b)
	})
}

// RecordProgressText is RecordProgress as a table per instrument.
func RecordProgressText(r *kartla.Record, opts *ViewOptions) (string, error) {
	return textView("RecordProgressText", r, opts, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_record_progress_text(rec(p), o, b)
	})
}

// RecordProgressSVG is RecordProgress as a standalone SVG document.
func RecordProgressSVG(r *kartla.Record, opts *ViewOptions) (string, error) {
	return textView("RecordProgressSVG", r, opts, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_record_progress_svg(rec(p), o, b)
	})
}

// RecordPlan is the action plan: goals, sub-goals, activities.
func RecordPlan(r *kartla.Record, opts *ViewOptions) (*kartlav1.PlanView, error) {
	out := new(kartlav1.PlanView)
	return out, typedView("RecordPlan", r, opts, out, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_record_plan(rec(p), o, C.KARTLA_ENCODING_PROTOBUF, b)
	})
}

// RecordPlanText is RecordPlan as text.
func RecordPlanText(r *kartla.Record, opts *ViewOptions) (string, error) {
	return textView("RecordPlanText", r, opts, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_record_plan_text(rec(p), o, b)
	})
}

// RecordShowText is the record as text for a person to read; section "" shows every section.
func RecordShowText(r *kartla.Record, section string, opts *ViewOptions) (string, error) {
	const op = "RecordShowText"
	name, err := optionalSection(op, section)
	if err != nil {
		return "", err
	}
	defer freeAll([]*C.char{name})
	return textView(op, r, opts, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_record_show_text(rec(p), name, o, b)
	})
}

// ShareProgress is RecordProgress from a share, as the agency may read it at at (zero = now).
func ShareProgress(s *kartla.Share, at time.Time, opts *ViewOptions) (*kartlav1.ProgressView, error) {
	out := new(kartlav1.ProgressView)
	return out, typedView("ShareProgress", s, opts, out, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_share_progress(shr(p), unixTime(at), o, C.KARTLA_ENCODING_PROTOBUF, b)
	})
}

// ShareProgressText is ShareProgress as text.
func ShareProgressText(s *kartla.Share, at time.Time, opts *ViewOptions) (string, error) {
	return textView("ShareProgressText", s, opts, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_share_progress_text(shr(p), unixTime(at), o, b)
	})
}

// ShareProgressSVG is ShareProgress as SVG.
func ShareProgressSVG(s *kartla.Share, at time.Time, opts *ViewOptions) (string, error) {
	return textView("ShareProgressSVG", s, opts, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_share_progress_svg(shr(p), unixTime(at), o, b)
	})
}

// SharePlan is RecordPlan from a share.
func SharePlan(s *kartla.Share, at time.Time, opts *ViewOptions) (*kartlav1.PlanView, error) {
	out := new(kartlav1.PlanView)
	return out, typedView("SharePlan", s, opts, out, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_share_plan(shr(p), unixTime(at), o, C.KARTLA_ENCODING_PROTOBUF, b)
	})
}

// SharePlanText is SharePlan as text.
func SharePlanText(s *kartla.Share, at time.Time, opts *ViewOptions) (string, error) {
	return textView("SharePlanText", s, opts, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_share_plan_text(shr(p), unixTime(at), o, b)
	})
}

// ShareShowText is RecordShowText from a share; section "" shows every section readable at at.
func ShareShowText(s *kartla.Share, section string, at time.Time, opts *ViewOptions) (string, error) {
	const op = "ShareShowText"
	name, err := optionalSection(op, section)
	if err != nil {
		return "", err
	}
	defer freeAll([]*C.char{name})
	return textView(op, s, opts, func(p unsafe.Pointer, o *C.kartla_view_options, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_share_show_text(shr(p), name, unixTime(at), o, b)
	})
}

// optionalSection is a section name for C, or NULL for "".
func optionalSection(op, section string) (*C.char, error) {
	if section == "" {
		return nil, nil
	}
	return cString(op, "section", section)
}
