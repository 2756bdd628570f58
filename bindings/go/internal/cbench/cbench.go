// SPDX-License-Identifier: Apache-2.0
// Package cbench is the C side of the binding benchmark: the same reads as the Go binding makes,
// written in C against the raw ABI and looped inside one cgo call, so that no Go code runs
// between the iterations it times. It is a measurement aid, not part of the binding's API.
package cbench

/*
#cgo pkg-config: kartla
#include <stdlib.h>
#include <kartla/kartla.h>

// kartla_share_section into a new guarded buffer, freed (wiped) each time: what a C agency
// system does to get a section's bytes.
static kartla_status cbench_section(const kartla_share *share, const char *section, int64_t at, long reps) {
  for (long i = 0; i < reps; i++) {
    kartla_buffer out = KARTLA_BUFFER_INIT;
    kartla_status s = kartla_share_section(share, section, at, &out);
    kartla_buffer_free(&out);
    if (s != KARTLA_OK) return s;
  }
  return KARTLA_OK;
}

// kartla_share_section_into a caller's buffer, reused.
static kartla_status cbench_section_into(const kartla_share *share, const char *section, int64_t at, uint8_t *buf,
                                         size_t capacity, long reps) {
  for (long i = 0; i < reps; i++) {
    size_t n = 0;
    kartla_status s = kartla_share_section_into(share, section, at, buf, capacity, &n);
    if (s != KARTLA_OK) return s;
  }
  return KARTLA_OK;
}

// An agency opening the bundle and reading one section: open, read, free.
static kartla_status cbench_open_read(const char *path, const kartla_identity *agency, const char *section, int64_t at,
                                      long reps) {
  for (long i = 0; i < reps; i++) {
    kartla_share *share = NULL;
    kartla_status s = kartla_share_open_file(path, agency, &share);
    if (s == KARTLA_OK) {
      kartla_buffer out = KARTLA_BUFFER_INIT;
      s = kartla_share_section(share, section, at, &out);
      kartla_buffer_free(&out);
    }
    kartla_share_free(share);
    if (s != KARTLA_OK) return s;
  }
  return KARTLA_OK;
}
*/
import "C"

import (
	"fmt"
	"time"
	"unsafe"

	"kartla.example/kartla"
	"kartla.example/kartla/internal/handle"
)

func status(op string, s C.kartla_status) error {
	if s == C.KARTLA_OK {
		return nil
	}
	return fmt.Errorf("%s: %s", op, kartla.Status(s))
}

func ptr(v any) (unsafe.Pointer, func(), error) {
	h, kind := handle.Of(v)
	p := h.Acquire()
	if p == nil {
		return nil, nil, fmt.Errorf("%s is closed", kind)
	}
	return p, h.Release, nil
}

// Section reads section reps times with kartla_share_section (+ kartla_buffer_free).
func Section(share *kartla.Share, section string, at time.Time, reps int) error {
	p, release, err := ptr(share)
	if err != nil {
		return err
	}
	defer release()
	name := C.CString(section)
	defer C.free(unsafe.Pointer(name))
	return status("kartla_share_section", C.cbench_section((*C.kartla_share)(p), name, C.int64_t(at.Unix()), C.long(reps)))
}

// SectionInto reads section reps times with kartla_share_section_into into buf.
func SectionInto(share *kartla.Share, section string, at time.Time, buf []byte, reps int) error {
	p, release, err := ptr(share)
	if err != nil {
		return err
	}
	defer release()
	name := C.CString(section)
	defer C.free(unsafe.Pointer(name))
	return status("kartla_share_section_into", C.cbench_section_into((*C.kartla_share)(p), name, C.int64_t(at.Unix()),
		(*C.uint8_t)(unsafe.Pointer(unsafe.SliceData(buf))), C.size_t(len(buf)), C.long(reps)))
}

// OpenRead opens the bundle at path as agency and reads section, reps times.
func OpenRead(path string, agency *kartla.Identity, section string, at time.Time, reps int) error {
	p, release, err := ptr(agency)
	if err != nil {
		return err
	}
	defer release()
	name := C.CString(section)
	defer C.free(unsafe.Pointer(name))
	cpath := C.CString(path)
	defer C.free(unsafe.Pointer(cpath))
	return status("open and read", C.cbench_open_read(cpath, (*C.kartla_identity)(p), name, C.int64_t(at.Unix()), C.long(reps)))
}
