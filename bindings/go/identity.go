// SPDX-License-Identifier: Apache-2.0
package kartla

/*
#include <stdlib.h>
#include <kartla/kartla.h>

static void kartla_go_identity_free(void *p) { kartla_identity_free((kartla_identity *)p); }
*/
import "C"

import (
	"runtime"
	"time"
	"unsafe"

	"google.golang.org/protobuf/proto"

	"kartla.example/kartla/internal/handle"
	"kartla.example/kartla/kartlav1"
)

// Identity is an owner's, an agency's or a trust root's keys (kartla_identity), unlocked.
//
// Close wipes the keys; call it when done (a finalizer frees a forgotten Identity, but only when
// the garbage collector gets to it). An Identity may be used by several goroutines at once;
// SetPassphrase and UseStateFolder wait for the other calls on it (the C header allows them
// exclusive use only).
type Identity struct{ h handle.Handle }

type cIdentity = C.kartla_identity

// IdentityOptions are the Argon2id cost and the creation time written into the card. The zero
// value is the library's default: 3 passes, 256 MiB, now.
type IdentityOptions struct {
	KDFOpsLimit    uint32    // Argon2id passes, 3..16; 0 = default
	KDFMemLimitMiB uint32    // Argon2id memory in MiB, 64..1024; 0 = default
	CreatedAt      time.Time // zero = now
}

func (o *IdentityOptions) c() *C.kartla_identity_options {
	if o == nil {
		return nil
	}
	var c C.kartla_identity_options
	C.kartla_identity_options_init(&c)
	c.kdf_opslimit = C.uint32_t(o.KDFOpsLimit)
	c.kdf_memlimit_mib = C.uint32_t(o.KDFMemLimitMiB)
	c.created_at = unixTime(o.CreatedAt)
	return &c
}

// AgencyInfo is what an agency's card says about it.
type AgencyInfo struct {
	Name               string // at most 256 bytes
	OrganisationNumber string // Swedish NNNNNN-NNNN or Finnish Y-tunnus NNNNNNN-N
	Role               string // one of AgencyRoles()
}

func wrapIdentity(p *C.kartla_identity) *Identity {
	id := &Identity{}
	id.h.Set(unsafe.Pointer(p), func(p unsafe.Pointer) { C.kartla_go_identity_free(p) })
	runtime.SetFinalizer(id, (*Identity).Close)
	return id
}

func (id *Identity) handle() *handle.Handle {
	if id == nil {
		return nil
	}
	return &id.h
}

// acquire is the C pointer under the read lock; pair a non-nil result with id.h.Release().
func (id *Identity) acquire() *C.kartla_identity {
	return (*C.kartla_identity)(id.handle().Acquire())
}

// Close wipes the keys and frees the identity. Closing twice is fine; any other call after Close
// fails with ErrClosed.
func (id *Identity) Close() error {
	if id != nil && id.h.Close() {
		runtime.SetFinalizer(id, nil)
	}
	return nil
}

// CreateIdentity creates an owner identity, unlocked. The recovery code (nine groups of four hex
// digits) is returned once, as bytes the caller can wipe: show it to the person; it is never
// stored and cannot be shown again. opts may be nil. Argon2id runs for as long as its cost says
// and cannot be interrupted: see the README on contexts.
func CreateIdentity(passphrase []byte, opts *IdentityOptions) (*Identity, []byte, error) {
	var out *C.kartla_identity
	var code C.kartla_buffer
	err := call("CreateIdentity", func() C.kartla_status {
		return C.kartla_identity_new(opts.c(), bytesIn(passphrase), C.size_t(len(passphrase)), &out, &code)
	})
	if err != nil {
		return nil, nil, err
	}
	return wrapIdentity(out), takeBytes(&code), nil
}

// CreateAgency creates an agency's identity, as CreateIdentity.
func CreateAgency(info AgencyInfo, passphrase []byte, opts *IdentityOptions) (*Identity, []byte, error) {
	const op = "CreateAgency"
	var cinfo C.kartla_agency_info
	C.kartla_agency_info_init(&cinfo)
	fields := []struct {
		dst  **C.char
		name string
		val  string
	}{{&cinfo.name, "name", info.Name}, {&cinfo.organisation_number, "organisation number", info.OrganisationNumber},
		{&cinfo.role, "role", info.Role}}
	for _, f := range fields {
		p, err := cString(op, f.name, f.val)
		if err != nil {
			return nil, nil, err
		}
		defer free(p)
		*f.dst = p
	}
	var out *C.kartla_identity
	var code C.kartla_buffer
	err := call(op, func() C.kartla_status {
		return C.kartla_identity_new_agency(&cinfo, opts.c(), bytesIn(passphrase), C.size_t(len(passphrase)), &out, &code)
	})
	if err != nil {
		return nil, nil, err
	}
	return wrapIdentity(out), takeBytes(&code), nil
}

// OpenIdentity unlocks an identity file's bytes with its passphrase (ErrAuth if wrong).
func OpenIdentity(file, passphrase []byte) (*Identity, error) {
	var out *C.kartla_identity
	err := call("OpenIdentity", func() C.kartla_status {
		return C.kartla_identity_open(bytesIn(file), C.size_t(len(file)), bytesIn(passphrase), C.size_t(len(passphrase)), &out)
	})
	if err != nil {
		return nil, err
	}
	return wrapIdentity(out), nil
}

// OpenIdentityFile is OpenIdentity from a path.
func OpenIdentityFile(path string, passphrase []byte) (*Identity, error) {
	const op = "OpenIdentityFile"
	cpath, err := cString(op, "path", path)
	if err != nil {
		return nil, err
	}
	defer free(cpath)
	var out *C.kartla_identity
	err = call(op, func() C.kartla_status {
		return C.kartla_identity_open_file(cpath, bytesIn(passphrase), C.size_t(len(passphrase)), &out)
	})
	if err != nil {
		return nil, err
	}
	return wrapIdentity(out), nil
}

// RecoverIdentity unlocks an identity file's bytes with its recovery code (any case; '-' and ' '
// ignored). A mistyped and a wrong code are both ErrAuth.
func RecoverIdentity(file, recoveryCode []byte) (*Identity, error) {
	var out *C.kartla_identity
	err := call("RecoverIdentity", func() C.kartla_status {
		return C.kartla_identity_recover(bytesIn(file), C.size_t(len(file)), bytesIn(recoveryCode), C.size_t(len(recoveryCode)), &out)
	})
	if err != nil {
		return nil, err
	}
	return wrapIdentity(out), nil
}

// RecoverIdentityFile is RecoverIdentity from a path.
func RecoverIdentityFile(path string, recoveryCode []byte) (*Identity, error) {
	const op = "RecoverIdentityFile"
	cpath, err := cString(op, "path", path)
	if err != nil {
		return nil, err
	}
	defer free(cpath)
	var out *C.kartla_identity
	err = call(op, func() C.kartla_status {
		return C.kartla_identity_recover_file(cpath, bytesIn(recoveryCode), C.size_t(len(recoveryCode)), &out)
	})
	if err != nil {
		return nil, err
	}
	return wrapIdentity(out), nil
}

// SetPassphrase locks the identity under a new passphrase; it reaches the disk with Save.
func (id *Identity) SetPassphrase(passphrase []byte) error {
	const op = "Identity.SetPassphrase"
	p := (*C.kartla_identity)(id.handle().AcquireExclusive())
	if p == nil {
		return closedError(op, "Identity")
	}
	defer id.h.ReleaseExclusive()
	return call(op, func() C.kartla_status {
		return C.kartla_identity_set_passphrase(p, bytesIn(passphrase), C.size_t(len(passphrase)))
	})
}

// UseStateFolder keeps the identity's record of versions seen also in folder, a folder of this
// computer that does not travel with the record (kartla_identity_use_state_folder).
func (id *Identity) UseStateFolder(folder string) error {
	const op = "Identity.UseStateFolder"
	cfolder, err := cString(op, "folder", folder)
	if err != nil {
		return err
	}
	defer free(cfolder)
	p := (*C.kartla_identity)(id.handle().AcquireExclusive())
	if p == nil {
		return closedError(op, "Identity")
	}
	defer id.h.ReleaseExclusive()
	return call(op, func() C.kartla_status { return C.kartla_identity_use_state_folder(p, cfolder) })
}

// SaveCreateOnly makes Save fail (ErrInvalidArgument) if the path exists.
const SaveCreateOnly uint32 = C.KARTLA_SAVE_CREATE_ONLY

// Save writes the locked identity file atomically. flags: 0 or SaveCreateOnly.
func (id *Identity) Save(path string, flags uint32) error {
	const op = "Identity.Save"
	cpath, err := cString(op, "path", path)
	if err != nil {
		return err
	}
	defer free(cpath)
	p := id.acquire()
	if p == nil {
		return closedError(op, "Identity")
	}
	defer id.h.Release()
	return call(op, func() C.kartla_status { return C.kartla_identity_save(p, cpath, C.uint32_t(flags)) })
}

// identityBuffer runs one of the functions that write a buffer from a const identity.
func (id *Identity) identityBuffer(op string, f func(*C.kartla_identity, *C.kartla_buffer) C.kartla_status) (C.kartla_buffer, error) {
	var buf C.kartla_buffer
	p := id.acquire()
	if p == nil {
		return buf, closedError(op, "Identity")
	}
	defer id.h.Release()
	return buf, call(op, func() C.kartla_status { return f(p, &buf) })
}

// FileBytes is the locked identity file.
func (id *Identity) FileBytes() ([]byte, error) {
	buf, err := id.identityBuffer("Identity.FileBytes", func(p *C.kartla_identity, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_identity_file_bytes(p, b)
	})
	if err != nil {
		return nil, err
	}
	return takeBytes(&buf), nil
}

// Card is the public card file, safe to give to anyone.
func (id *Identity) Card() ([]byte, error) {
	buf, err := id.identityBuffer("Identity.Card", func(p *C.kartla_identity, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_identity_card(p, b)
	})
	if err != nil {
		return nil, err
	}
	return takeBytes(&buf), nil
}

// Fingerprint is eight groups of four hex digits, to compare aloud.
func (id *Identity) Fingerprint() (string, error) {
	buf, err := id.identityBuffer("Identity.Fingerprint", func(p *C.kartla_identity, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_identity_fingerprint(p, b)
	})
	if err != nil {
		return "", err
	}
	return takeString(&buf), nil
}

// CardFingerprint is the fingerprint of a card file, after checking its self-signature
// (ErrSignature).
func CardFingerprint(card []byte) (string, error) {
	var buf C.kartla_buffer
	err := call("CardFingerprint", func() C.kartla_status {
		return C.kartla_card_fingerprint(bytesIn(card), C.size_t(len(card)), &buf)
	})
	if err != nil {
		return "", err
	}
	return takeString(&buf), nil
}

// DescribeCard describes a card file (ErrSignature if its self-signature fails).
func DescribeCard(card []byte) (*kartlav1.CardDescription, error) {
	const op = "DescribeCard"
	var buf C.kartla_buffer
	err := call(op, func() C.kartla_status {
		return C.kartla_card_describe(bytesIn(card), C.size_t(len(card)), C.KARTLA_ENCODING_PROTOBUF, &buf)
	})
	if err != nil {
		return nil, err
	}
	out := new(kartlav1.CardDescription)
	return out, takeResult(op, &buf, out)
}

// AgencyRoles lists the documented agency roles.
func AgencyRoles() []string {
	n := C.kartla_agency_role_count()
	out := make([]string, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		out = append(out, C.GoString(C.kartla_agency_role_name(i)))
	}
	return out
}

// takeResult parses a structured result (asked for as KARTLA_ENCODING_PROTOBUF) into m and frees
// the buffer.
func takeResult(op string, b *C.kartla_buffer, m proto.Message) error {
	defer C.kartla_buffer_free(b)
	if err := proto.Unmarshal(unsafe.Slice((*byte)(unsafe.Pointer(b.data)), int(b.len)), m); err != nil {
		return &Error{Op: op, Status: StatusInternal, Message: "the library's result does not parse: " + err.Error()}
	}
	return nil
}
