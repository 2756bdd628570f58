// SPDX-License-Identifier: Apache-2.0
package kartla_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kartla.example/kartla"
	"kartla.example/kartla/experimental"
	"kartla.example/kartla/kartlav1"
)

// wantStatus checks that err is a *kartla.Error matching sentinel, with a message.
func wantStatus(t *testing.T, what string, sentinel *kartla.Error, err error) {
	t.Helper()
	var ke *kartla.Error
	if !errors.As(err, &ke) || !errors.Is(err, sentinel) || ke.Message == "" {
		t.Errorf("%s: want %v, got %v", what, sentinel, err)
	}
}

// Nil and closed handles, of every type, as receivers and as arguments: the binding's typed
// error, never a panic or a call into C with a freed pointer.
func TestNilAndClosedHandles(t *testing.T) {
	f := sharedFixture(t)
	var nilID *kartla.Identity
	var nilRecord *kartla.Record
	var nilShare *kartla.Share
	var nilVerification *kartla.Verification
	var nilDraft *experimental.TrustDraft

	closedID := f.agency(t)
	closedShare := f.share(t, closedID)
	closedVerification, err := kartla.VerifyFile(f.bundlePath)
	if err != nil {
		t.Fatal(err)
	}
	closedDraft, err := experimental.NewTrustDraft(1)
	if err != nil {
		t.Fatal(err)
	}
	owner, _, err := kartla.CreateIdentity([]byte("a passphrase"), cheap)
	if err != nil {
		t.Fatal(err)
	}
	closedRecord, err := kartla.NewRecord(owner)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []interface{ Close() error }{closedID, closedShare, closedVerification, closedDraft, owner, closedRecord} {
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
	}

	for _, c := range []struct {
		id  *kartla.Identity
		rec *kartla.Record
		sh  *kartla.Share
		v   *kartla.Verification
		d   *experimental.TrustDraft
	}{{nilID, nilRecord, nilShare, nilVerification, nilDraft}, {closedID, closedRecord, closedShare, closedVerification, closedDraft}} {
		calls := map[string]error{}
		_, calls["Identity.Card"] = c.id.Card()
		_, calls["Identity.Fingerprint"] = c.id.Fingerprint()
		calls["Identity.SetPassphrase"] = c.id.SetPassphrase([]byte("x"))
		calls["Identity.Save"] = c.id.Save(filepath.Join(t.TempDir(), "x"), 0)
		_, calls["NewRecord"] = kartla.NewRecord(c.id)
		_, calls["OpenShareFile"] = kartla.OpenShareFile(f.bundlePath, c.id)
		_, calls["OpenRecordFile"] = kartla.OpenRecordFile(f.recordPath, c.id, nil)
		_, calls["Record.Section"] = c.rec.Section("profile")
		_, calls["Record.SectionInto"] = c.rec.SectionInto("profile", make([]byte, 10))
		calls["Record.SetSectionJSON"] = c.rec.SetSectionJSON("profile", "{}")
		calls["Record.Save"] = c.rec.Save(filepath.Join(t.TempDir(), "r"))
		_, calls["Record.Share"] = c.rec.Share(f.agencyCard, []string{"profile"}, kartla.ShareOptions{Purpose: "p"})
		_, calls["Share.Section"] = c.sh.Section("profile", f.at)
		_, calls["Share.Describe"] = c.sh.Describe()
		calls["Share.CheckOwner"] = c.sh.CheckOwner(f.ownerCard)
		_, calls["Verification.Report"] = c.v.Report()
		_, calls["Verification.Sequence"] = c.v.Sequence()
		calls["TrustDraft.Add"] = c.d.Add(f.agencyCard, "municipal_labour_unit", time.Time{}, time.Time{})
		_, calls["SignTrustList"] = experimental.SignTrustList(c.id, c.d, time.Time{}, time.Now().Add(time.Hour))
		_, calls["AttachAttestation"] = experimental.AttachAttestation(c.rec, c.id, nil, time.Time{})
		_, calls["ShareProvenance"] = experimental.ShareProvenance(c.sh, "profile", nil, time.Time{})
		_, calls["RecordPlan"] = experimental.RecordPlan(c.rec, nil)
		_, calls["ShareShowText"] = experimental.ShareShowText(c.sh, "", time.Time{}, nil)
		for name, err := range calls {
			wantStatus(t, name, kartla.ErrClosed, err)
			wantStatus(t, name, kartla.ErrInvalidArgument, err)
		}
		for _, cl := range []interface{ Close() error }{c.id, c.rec, c.sh, c.v, c.d} {
			if err := cl.Close(); err != nil {
				t.Errorf("Close of a nil or closed handle: %v", err)
			}
		}
	}
}

// Truncated, empty and garbage files, wrong kinds of card, bad names and buffers: each a typed
// error of the class the C ABI gives.
func TestBadInput(t *testing.T) {
	f := sharedFixture(t)
	agency := f.agency(t)
	share := f.share(t, agency)
	bundle, err := os.ReadFile(f.bundlePath)
	if err != nil {
		t.Fatal(err)
	}
	truncated := bundle[:len(bundle)/2]

	_, err = kartla.OpenShare(truncated, agency)
	wantStatus(t, "a truncated bundle", kartla.ErrFormat, err)
	_, err = kartla.Verify(truncated)
	wantStatus(t, "a truncated bundle verified", kartla.ErrFormat, err)
	_, err = kartla.Verify(nil)
	wantStatus(t, "no bytes at all", kartla.ErrFormat, err)
	_, err = kartla.OpenIdentity(bundle, []byte("x"))
	wantStatus(t, "a bundle as an identity file", kartla.ErrFormat, err)
	_, err = kartla.CardFingerprint(f.ownerCard[:len(f.ownerCard)-1])
	wantStatus(t, "a truncated card", kartla.ErrFormat, err)
	_, err = kartla.OpenShareFile(filepath.Join(t.TempDir(), "missing"), agency)
	wantStatus(t, "a missing file", kartla.ErrIO, err)

	// The wrong kind of card.
	wantStatus(t, "an agency's card as the owner's", kartla.ErrInvalidArgument, share.CheckOwner(f.agencyCard))
	_, err = experimental.DescribeReceipt(nil, f.agencyCard, nil)
	if err == nil {
		t.Error("an empty receipt described")
	}

	// Names: unknown, empty, or with a NUL byte C would cut at.
	for _, name := range []string{"no_such_section", "", "languages\x00", "languages\x00education"} {
		_, err = share.Section(name, f.at)
		wantStatus(t, "section "+name, kartla.ErrInvalidArgument, err)
	}
	_, err = kartla.OpenShareFile(f.bundlePath+"\x00.other", agency)
	wantStatus(t, "a path with a NUL byte", kartla.ErrInvalidArgument, err)

	// Buffers: too small, none; a message of the wrong type or none.
	size, err := share.SectionSize("languages", f.at)
	if err != nil {
		t.Fatal(err)
	}
	small := make([]byte, size-1)
	_, err = share.SectionInto("languages", f.at, small)
	wantStatus(t, "a buffer too small", kartla.ErrInvalidArgument, err)
	_, err = share.SectionInto("languages", f.at, nil)
	wantStatus(t, "no buffer", kartla.ErrInvalidArgument, err)
	wantStatus(t, "the wrong message type", kartla.ErrInvalidArgument, share.SectionMessage("languages", f.at, &kartlav1.Profile{}))
	wantStatus(t, "no message", kartla.ErrInvalidArgument, share.SectionMessage("languages", f.at, nil))
	_, err = kartla.ValidateSection("languages", []byte{0xff, 0xff, 0xff})
	wantStatus(t, "garbage content", kartla.ErrSchema, err)
}

// FuzzReaders feeds arbitrary bytes to every reader of untrusted files: each must return a typed
// error or a result, and never crash the process. `go test` runs the seeds (the fixture's files
// and their truncations); `go test -fuzz FuzzReaders` explores.
func FuzzReaders(f *testing.F) {
	fx := sharedFixture(f)
	for _, path := range []string{fx.bundlePath, fx.recordPath, fx.agencyPath} {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/3])
	}
	f.Add(fx.ownerCard)
	f.Add([]byte{})
	agency, err := kartla.OpenIdentityFile(fx.agencyPath, fx.agencyPass)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { agency.Close() })
	f.Fuzz(func(t *testing.T, b []byte) {
		check := func(what string, err error) {
			var ke *kartla.Error
			if err != nil && !errors.As(err, &ke) {
				t.Errorf("%s: not a *kartla.Error: %v", what, err)
			}
		}
		v, err := kartla.Verify(b)
		check("Verify", err)
		v.Close()
		s, err := kartla.OpenShare(b, agency)
		check("OpenShare", err)
		if err == nil {
			_, err = s.Section("languages", fx.at)
			check("Share.Section", err)
		}
		s.Close()
		_, err = kartla.CardFingerprint(b)
		check("CardFingerprint", err)
		_, err = kartla.DescribeCard(b)
		check("DescribeCard", err)
		_, err = experimental.DescribeReceipt(b, nil, nil)
		check("DescribeReceipt", err)
		_, err = experimental.VerifyTrustList(b, nil, 0, time.Time{})
		check("VerifyTrustList", err)
		_, err = experimental.SectionEntry("competences", b, "x")
		check("SectionEntry", err)
		_, err = kartla.ValidateSection("profile", b)
		check("ValidateSection", err)
	})
}
