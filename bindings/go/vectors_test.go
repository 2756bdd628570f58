// SPDX-License-Identifier: Apache-2.0
package kartla_test

// The reading vectors of tests/vectors (README.md there), through the Go binding: every check
// tests/vectors/check_library.cpp makes through the C ABI for identity.json, record.json,
// negative.json, bundle.json, bundle_negative.json, attest.json, attest_negative.json,
// receipt.json and content.json. A negative vector must give exactly its status class; a content
// vector exactly its violations, in order.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"kartla.example/kartla"
	"kartla.example/kartla/experimental"
	"kartla.example/kartla/kartlav1"
)

// vectors opens each identity once: Argon2id is the slow part of these tests.
type vectorIdentities struct {
	once     sync.Once
	owner    *kartla.Identity
	agencies map[string]*kartla.Identity
	err      error
}

var vectorIDs vectorIdentities

func identities(t *testing.T) *vectorIdentities {
	t.Helper()
	vectorIDs.once.Do(func() {
		id := loadJSON(t, "tests/vectors/identity.json")
		vectorIDs.owner, vectorIDs.err = kartla.OpenIdentity(hexOf(t, id, "identity_file"), []byte(text(t, id, "passphrase")))
		if vectorIDs.err != nil {
			return
		}
		vectorIDs.agencies = map[string]*kartla.Identity{}
		for _, a := range list(t, loadJSON(t, "tests/vectors/bundle.json"), "agencies") {
			opened, err := kartla.OpenIdentity(hexOf(t, a, "identity_file"), []byte(text(t, a, "passphrase")))
			if err != nil {
				vectorIDs.err = fmt.Errorf("agency %s: %w", text(t, a, "label"), err)
				return
			}
			vectorIDs.agencies[text(t, a, "label")] = opened
		}
	})
	if vectorIDs.err != nil {
		t.Fatal(vectorIDs.err)
	}
	return &vectorIDs
}

func (v *vectorIdentities) agency(t *testing.T, label string) *kartla.Identity {
	t.Helper()
	a, ok := v.agencies[label]
	if !ok {
		t.Fatalf("bundle.json has no agency %s", label)
	}
	return a
}

// openOwned opens a record file as identity.json's owner. The vectors hold two versions of one
// record and many owner-signed variants: each file is judged on its own, so an older copy or a
// fork is accepted rather than refused as a rollback.
func openOwned(t *testing.T, file []byte) (*kartla.Record, error) {
	return kartla.OpenRecord(file, identities(t).owner, &kartla.OpenOptions{AcceptOlder: true})
}

func unix(sec int64) time.Time { return time.Unix(sec, 0) }

// checkReport compares a verification report with the vector's report text (SPEC §8).
func checkReport(t *testing.T, r *kartlav1.VerificationReport, expectedJSON string) {
	t.Helper()
	var e node
	dec := json.NewDecoder(bytes.NewReader([]byte(expectedJSON)))
	dec.UseNumber()
	if err := dec.Decode(&e); err != nil {
		t.Fatal(err)
	}
	got := map[string]any{
		"record_id": r.GetRecordId(), "owner_fingerprint": r.GetOwnerFingerprint(), "sequence": int64(r.GetSequence()),
		"previous_manifest_hash": r.GetPreviousManifestHash(), "kind": r.GetKind(),
		"sections_listed": int64(r.GetSectionsListed()), "sections_present": int64(r.GetSectionsPresent()),
		"section_bytes": int64(r.GetSectionBytes()), "grants_listed": int64(r.GetGrantsListed()),
		"grants_present": int64(r.GetGrantsPresent()), "file_bytes": int64(r.GetFileBytes()),
	}
	for key, value := range got {
		var want any
		if s, ok := value.(string); ok {
			want = text(t, e, key)
			if s != want {
				t.Errorf("report %s = %q, want %q", key, s, want)
			}
		} else if want = num(t, e, key); value != want {
			t.Errorf("report %s = %v, want %v", key, value, want)
		}
	}
}

func TestVectorIdentity(t *testing.T) {
	v := loadJSON(t, "tests/vectors/identity.json")
	owner := identities(t).owner
	if card := must[[]byte](t)(owner.Card()); !bytes.Equal(card, hexOf(t, v, "card_file")) {
		t.Error("card differs")
	}
	if fp := must[string](t)(owner.Fingerprint()); fp != text(t, v, "fingerprint") {
		t.Errorf("fingerprint %q", fp)
	}
	// Opening and re-encoding must not change a single byte of the file.
	if file := must[[]byte](t)(owner.FileBytes()); !bytes.Equal(file, hexOf(t, v, "identity_file")) {
		t.Error("file bytes differ")
	}
	if fp := must[string](t)(kartla.CardFingerprint(hexOf(t, v, "card_file"))); fp != text(t, v, "fingerprint") {
		t.Errorf("card fingerprint %q", fp)
	}
	// Every listed spelling of the recovery code unlocks the same identity.
	for _, variant := range list(t, v, "recovery_code_variants") {
		code := text(t, variant, "code")
		id, err := kartla.RecoverIdentity(hexOf(t, v, "identity_file"), []byte(code))
		if statusName(err) != text(t, variant, "result") {
			t.Errorf("%s %q: %v", text(t, variant, "comment"), code, err)
			continue
		}
		if card := must[[]byte](t)(id.Card()); !bytes.Equal(card, hexOf(t, v, "card_file")) {
			t.Errorf("%q recovers another identity", code)
		}
		id.Close()
	}
}

func TestVectorRecord(t *testing.T) {
	doc := loadJSON(t, "tests/vectors/record.json")
	for _, version := range list(t, doc, "versions") {
		t.Run(text(t, version, "comment"), func(t *testing.T) {
			file := hexOf(t, version, "file")
			// Verified without a key, reporting what the vector says.
			v := must[*kartla.Verification](t)(kartla.Verify(file))
			defer v.Close()
			if seq := must[uint64](t)(v.Sequence()); int64(seq) != num(t, version, "sequence") {
				t.Errorf("sequence %d", seq)
			}
			if id := must[string](t)(v.RecordID()); id != text(t, version, "record_id") {
				t.Errorf("record id %q", id)
			}
			if fp := must[string](t)(v.OwnerFingerprint()); fp != text(t, at(t, doc, "owner"), "fingerprint") {
				t.Errorf("owner fingerprint %q", fp)
			}
			if h := must[string](t)(v.PreviousHash()); h != text(t, version, "previous_manifest_hash") {
				t.Errorf("previous hash %q", h)
			}
			checkReport(t, must[*kartlav1.VerificationReport](t)(v.Report()), text(t, version, "verification_json"))
			for _, check := range list(t, version, "last_seen_checks") {
				if got := statusName(v.CheckLastSeen(uint64(num(t, check, "last_seen")))); got != text(t, check, "result") {
					t.Errorf("last seen %d: %s", num(t, check, "last_seen"), got)
				}
			}
			// The owner reads back exactly the plaintext of every section.
			r := must[*kartla.Record](t)(openOwned(t, file))
			defer r.Close()
			if id := must[string](t)(r.ID()); id != text(t, version, "record_id") {
				t.Errorf("record id %q", id)
			}
			if seq := must[uint64](t)(r.Sequence()); int64(seq) != num(t, version, "sequence") {
				t.Errorf("sequence %d", seq)
			}
			held := 0
			for _, name := range kartla.SectionNames() {
				if must[bool](t)(r.HasSection(name)) {
					held++
				}
			}
			sections := list(t, version, "sections")
			if held != len(sections) {
				t.Errorf("holds %d sections, the vector %d", held, len(sections))
			}
			for _, section := range sections {
				name := text(t, section, "name")
				if got := must[[]byte](t)(r.Section(name)); !bytes.Equal(got, hexOf(t, section, "content")) {
					t.Errorf("%s differs", name)
				}
				if size := must[int](t)(r.SectionSize(name)); int64(size) != num(t, section, "ciphertext_length")-40 {
					t.Errorf("%s: size %d", name, size) // the padded length (SPEC 5.4)
				}
			}
		})
	}
}

// runCheck is one check of negative.json or bundle_negative.json; nothing may be handed out on
// failure.
func runCheck(t *testing.T, input []byte, check node) error {
	t.Helper()
	ids := identities(t)
	switch op := text(t, check, "operation"); op {
	case "verify":
		v, err := kartla.Verify(input)
		if (err == nil) != (v != nil) {
			t.Error("a handle and an error at once")
		}
		v.Close()
		return err
	case "open_record", "read_section":
		r, err := openOwned(t, input)
		if (err == nil) != (r != nil) {
			t.Error("a handle and an error at once")
		}
		if op == "open_record" || err != nil {
			if op == "read_section" {
				t.Errorf("the record must open before its section is read: %v", err)
			}
			r.Close()
			return err
		}
		defer r.Close()
		b, err := r.Section(text(t, check, "section"))
		if err != nil && b != nil {
			t.Error("plaintext handed out with an error")
		}
		return err
	case "open_identity", "recover_identity":
		var id *kartla.Identity
		var err error
		if op == "open_identity" {
			id, err = kartla.OpenIdentity(input, []byte(text(t, check, "passphrase")))
		} else {
			id, err = kartla.RecoverIdentity(input, []byte(text(t, check, "recovery_code")))
		}
		if (err == nil) != (id != nil) {
			t.Error("a handle and an error at once")
		}
		id.Close()
		return err
	case "open_share", "read_share_section":
		s, err := kartla.OpenShare(input, ids.agency(t, text(t, check, "agency")))
		if (err == nil) != (s != nil) {
			t.Error("a handle and an error at once")
		}
		if op == "open_share" || err != nil {
			if op == "read_share_section" {
				t.Errorf("the share must open before its section is read: %v", err)
			}
			s.Close()
			return err
		}
		defer s.Close()
		b, err := s.Section(text(t, check, "section"), unix(num(t, check, "at")))
		if err != nil && b != nil {
			t.Error("plaintext handed out with an error")
		}
		return err
	case "card_fingerprint":
		fp, err := kartla.CardFingerprint(input)
		if err != nil && fp != "" {
			t.Error("a fingerprint with an error")
		}
		return err
	default:
		t.Fatalf("unknown operation %s", op)
		return nil
	}
}

func runNegativeFile(t *testing.T, name string) {
	doc := loadJSON(t, "tests/vectors/"+name)
	vectors := list(t, doc, "vectors")
	if len(vectors) == 0 {
		t.Fatal("no vectors")
	}
	checks := 0
	for _, vector := range vectors {
		input := hexOf(t, vector, "input")
		for _, check := range list(t, vector, "checks") {
			checks++
			if got := statusName(runCheck(t, input, check)); got != text(t, check, "result") {
				t.Errorf("tc %d %s (%s) %s: gave %s, want %s", num(t, vector, "tc_id"), text(t, vector, "name"),
					text(t, vector, "comment"), text(t, check, "operation"), got, text(t, check, "result"))
			}
		}
	}
	t.Logf("%d vectors, %d checks", len(vectors), checks)
}

func TestVectorNegative(t *testing.T)       { runNegativeFile(t, "negative.json") }
func TestVectorBundleNegative(t *testing.T) { runNegativeFile(t, "bundle_negative.json") }

func TestVectorBundle(t *testing.T) {
	doc := loadJSON(t, "tests/vectors/bundle.json")
	ids := identities(t)
	t.Run("agencies", func(t *testing.T) {
		for _, a := range list(t, doc, "agencies") {
			id := ids.agency(t, text(t, a, "label"))
			if card := must[[]byte](t)(id.Card()); !bytes.Equal(card, hexOf(t, a, "card_file")) {
				t.Errorf("%s: card differs", text(t, a, "label"))
			}
			if fp := must[string](t)(id.Fingerprint()); fp != text(t, a, "fingerprint") {
				t.Errorf("%s: fingerprint %q", text(t, a, "label"), fp)
			}
		}
	})
	t.Run("verify", func(t *testing.T) {
		for _, input := range []string{"record", "bundle", "revoked", "expired"} {
			f := at(t, doc, input)
			v := must[*kartla.Verification](t)(kartla.Verify(hexOf(t, f, "file")))
			checkReport(t, must[*kartlav1.VerificationReport](t)(v.Report()), text(t, f, "verification_json"))
			if seq := must[uint64](t)(v.Sequence()); int64(seq) != num(t, f, "sequence") {
				t.Errorf("%s: sequence %d", input, seq)
			}
			v.Close()
		}
	})
	t.Run("describe", func(t *testing.T) {
		file := hexOf(t, at(t, doc, "record"), "file")
		for _, g := range list(t, at(t, doc, "record"), "grants") {
			label := text(t, g, "recipient")
			s := must[*kartla.Share](t)(kartla.OpenShare(file, ids.agency(t, label)))
			d := must[*kartlav1.ShareDescription](t)(s.Describe())
			s.Close()
			terms := at(t, g, "terms_fields")
			sections := list(t, terms, "sections")
			if len(d.GetGrants()) != len(sections) {
				t.Fatalf("%s: %d sections described, %d granted", label, len(d.GetGrants()), len(sections))
			}
			for i, got := range d.GetGrants() {
				if got.GetSection() != text(t, sections[i], "name") || got.GetPurpose() != text(t, terms, "purpose") ||
					got.GetGdprArt6Basis() != text(t, terms, "gdpr_art6_basis") || got.GetGdprArt9Basis() != text(t, terms, "gdpr_art9_basis") ||
					got.GetGrantedAt() != num(t, terms, "granted_at") || got.GetExpiresAt() != num(t, terms, "expires_at") ||
					!got.GetPresent() || !got.GetCurrent() {
					t.Errorf("%s: grant %d described as %v", label, i, got)
				}
			}
		}
	})
	t.Run("owner pinned", func(t *testing.T) {
		s := must[*kartla.Share](t)(kartla.OpenShare(hexOf(t, at(t, doc, "bundle"), "file"), ids.agency(t, "agency_a")))
		defer s.Close()
		if err := s.CheckOwner(must[[]byte](t)(ids.owner.Card())); err != nil {
			t.Error(err)
		}
		if got := statusName(s.CheckOwner(must[[]byte](t)(ids.agency(t, "agency_b").Card()))); got != "E_INVALID_ARGUMENT" {
			t.Errorf("an agency's card as the owner's: %s", got)
		}
	})
	t.Run("reads", func(t *testing.T) {
		reads := list(t, doc, "reads")
		if len(reads) == 0 {
			t.Fatal("no reads")
		}
		for _, r := range reads {
			input := text(t, r, "input")
			s, err := kartla.OpenShare(hexOf(t, at(t, doc, input), "file"), ids.agency(t, text(t, r, "agency")))
			if err != nil {
				t.Errorf("%s as %s: %v", input, text(t, r, "agency"), err)
				continue
			}
			b, err := s.Section(text(t, r, "section"), unix(num(t, r, "at")))
			s.Close()
			if statusName(err) != text(t, r, "result") {
				t.Errorf("%s: %s reads %s at %d (%s): %v", input, text(t, r, "agency"), text(t, r, "section"), num(t, r, "at"), text(t, r, "comment"), err)
			} else if err == nil && !bytes.Equal(b, hexOf(t, r, "content")) {
				t.Errorf("%s: %s content differs", input, text(t, r, "section"))
			}
		}
	})
}

// attest.json and attest_negative.json (SPEC §13).

func labelled(t *testing.T, doc node, key, label string) node {
	t.Helper()
	for _, n := range list(t, doc, key) {
		if text(t, n, "label") == label {
			return n
		}
	}
	t.Fatalf("no %s labelled %s", key, label)
	return nil
}

func checkAttestation(t *testing.T, attestDoc, doc node, file []byte, check node) {
	t.Helper()
	ref := experimental.EntryRef{
		OwnerCard: hexOf(t, labelled(t, attestDoc, "owners", text(t, check, "owner")), "card_file"),
		RecordID:  text(t, check, "record_id"),
		Section:   text(t, check, "section"),
		EntryID:   text(t, check, "entry_id"),
		Entry:     hexOf(t, check, "entry"),
	}
	var trustList []byte
	switch label := text(t, check, "trust_list"); label {
	case "":
	case "input_list":
		trustList = hexOf(t, doc, "foreign_trust_list")
	default:
		trustList = hexOf(t, labelled(t, attestDoc, "trust_lists", label), "file")
	}
	report, err := experimental.VerifyAttestation(file, ref, trustList, unix(num(t, check, "now")))
	what := text(t, check, "comment")
	if statusName(err) != text(t, check, "result") {
		t.Errorf("%s: %v, want %s", what, err, text(t, check, "result"))
	}
	if text(t, check, "verdict") == "" {
		if report != nil {
			t.Errorf("%s: a report where none is made", what)
		}
		return
	}
	if report == nil {
		t.Errorf("%s: no report", what)
		return
	}
	if report.GetVerdict() != text(t, check, "verdict") || report.GetFinding() != text(t, check, "finding") {
		t.Errorf("%s: verdict %q finding %q", what, report.GetVerdict(), report.GetFinding())
	}
	if text(t, check, "verdict") != "invalid" && report.GetEntryId() != ref.EntryID {
		t.Errorf("%s: the report names entry %q", what, report.GetEntryId())
	}
}

func verifyList(t *testing.T, attestDoc node, file []byte, check node) error {
	var root []byte
	if label := text(t, check, "expected_root"); label != "" {
		root = hexOf(t, labelled(t, attestDoc, "roots", label), "card_file")
	}
	d, err := experimental.VerifyTrustList(file, root, uint64(num(t, check, "last_seen")), unix(num(t, check, "now")))
	if err != nil && d != nil {
		t.Error("a description with an error")
	}
	return err
}

func TestVectorAttest(t *testing.T) {
	doc := loadJSON(t, "tests/vectors/attest.json")
	owner := identities(t).owner
	t.Run("attestation", func(t *testing.T) {
		file := hexOf(t, at(t, doc, "attestation"), "file")
		for _, check := range list(t, doc, "attestation_checks") {
			checkAttestation(t, doc, doc, file, check)
		}
	})
	t.Run("trust lists", func(t *testing.T) {
		checks := list(t, doc, "trust_list_checks")
		for _, check := range checks {
			file := hexOf(t, labelled(t, doc, "trust_lists", text(t, check, "input")), "file")
			if got := statusName(verifyList(t, doc, file, check)); got != text(t, check, "result") {
				t.Errorf("%s: %s", text(t, check, "comment"), got)
			}
		}
		current := labelled(t, doc, "trust_lists", "current")
		d := must[*kartlav1.TrustListDescription](t)(experimental.VerifyTrustList(hexOf(t, current, "file"), nil, 0, unix(num(t, checks[0], "now"))))
		if len(d.GetAgencies()) == 0 {
			t.Fatal("no agencies listed")
		}
		listed, fields := d.GetAgencies()[0], list(t, at(t, current, "fields"), "agencies")[0]
		if listed.GetFingerprint() != text(t, at(t, doc, "agency"), "fingerprint") ||
			listed.GetValidFrom() != num(t, fields, "valid_from") || listed.GetValidUntil() != num(t, fields, "valid_until") {
			t.Errorf("listed as %v", listed)
		}
		if d.GetRoot().GetFingerprint() != text(t, labelled(t, doc, "roots", "root"), "fingerprint") {
			t.Errorf("root %q", d.GetRoot().GetFingerprint())
		}
	})
	t.Run("contribution", func(t *testing.T) {
		c := at(t, doc, "contribution")
		file := hexOf(t, c, "file")
		for _, check := range list(t, doc, "contribution_checks") {
			what := text(t, check, "comment")
			if text(t, check, "operation") == "describe_contribution" {
				d, err := experimental.DescribeContribution(owner, file, text(t, check, "record_id"), unix(num(t, check, "now")))
				if statusName(err) != text(t, check, "result") {
					t.Errorf("%s: %v", what, err)
				}
				if err != nil {
					continue
				}
				if d.GetEntryId() != text(t, c, "entry_id") || d.GetRecordId() != text(t, at(t, doc, "record"), "record_id") ||
					d.GetSender().GetFingerprint() != text(t, at(t, doc, "agency"), "fingerprint") {
					t.Errorf("%s: described as %v", what, d)
				}
				continue
			}
			if op := text(t, check, "operation"); op != "accept_contribution" {
				t.Fatalf("unknown operation %s", op)
			}
			r := must[*kartla.Record](t)(openOwned(t, hexOf(t, at(t, doc, "record"), "file")))
			added, err := experimental.AcceptContribution(r, owner, file, unix(num(t, check, "now")))
			if statusName(err) != text(t, check, "result") || boolNum(added) != num(t, check, "added") {
				t.Errorf("%s: added %v, %v", what, added, err)
			}
			entry := must[[]byte](t)(experimental.SectionEntry("competences", must[[]byte](t)(r.Section("competences")), text(t, c, "entry_id")))
			if !bytes.Equal(entry, hexOf(t, at(t, c, "fields"), "entry")) {
				t.Errorf("%s: the accepted entry differs", what)
			}
			if again := must[bool](t)(experimental.AcceptContribution(r, owner, file, unix(num(t, check, "now")))); again {
				t.Errorf("%s: accepting twice changed the record", what) // SPEC §13.5 step 1
			}
			r.Close()
		}
	})
	t.Run("entries", func(t *testing.T) {
		record := at(t, doc, "record")
		for _, e := range list(t, record, "entries") {
			got := must[[]byte](t)(experimental.SectionEntry("competences", hexOf(t, record, "content"), text(t, e, "entry_id")))
			if !bytes.Equal(got, hexOf(t, e, "entry")) {
				t.Errorf("entry %s differs", text(t, e, "entry_id"))
			}
		}
	})
}

func boolNum(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func TestVectorAttestNegative(t *testing.T) {
	attestDoc := loadJSON(t, "tests/vectors/attest.json")
	doc := loadJSON(t, "tests/vectors/attest_negative.json")
	owner := identities(t).owner
	checks := 0
	for _, v := range list(t, doc, "vectors") {
		input := hexOf(t, v, "input")
		for _, check := range list(t, v, "checks") {
			checks++
			what := text(t, v, "name") + " / " + text(t, check, "comment")
			var now time.Time
			if has(check, "now") {
				now = unix(num(t, check, "now"))
			}
			switch op := text(t, check, "operation"); op {
			case "verify_attestation":
				checkAttestation(t, attestDoc, doc, input, check)
			case "verify_trust_list":
				if got := statusName(verifyList(t, attestDoc, input, check)); got != text(t, check, "result") {
					t.Errorf("%s: %s", what, got)
				}
			case "describe_contribution":
				d, err := experimental.DescribeContribution(owner, input, text(t, check, "record_id"), now)
				if statusName(err) != text(t, check, "result") || (err != nil && d != nil) {
					t.Errorf("%s: %v", what, err)
				}
			case "accept_contribution":
				// Into attest.json's record, as its owner; a refused contribution leaves the
				// section as it was (SPEC §13.5).
				r := must[*kartla.Record](t)(kartla.OpenRecord(hexOf(t, at(t, attestDoc, "record"), "file"), owner, nil))
				added, err := experimental.AcceptContribution(r, owner, input, now)
				if statusName(err) != text(t, check, "result") || boolNum(added) != num(t, check, "added") {
					t.Errorf("%s: added %v, %v", what, added, err)
				}
				if err != nil {
					if got := must[[]byte](t)(r.Section("competences")); !bytes.Equal(got, hexOf(t, at(t, attestDoc, "record"), "content")) {
						t.Errorf("%s: a refused contribution changed the section", what)
					}
				}
				r.Close()
			case "verify_record":
				v, err := kartla.Verify(input)
				v.Close()
				if statusName(err) != text(t, check, "result") {
					t.Errorf("%s: %v", what, err)
				}
			default:
				t.Fatalf("unknown operation %s", op)
			}
		}
	}
	t.Logf("%d checks", checks)
}

// receipt.json (SPEC §7.6): each receipt verifies pinned and describes the vector's fields; every
// negative gives its status.
func TestVectorReceipt(t *testing.T) {
	doc := loadJSON(t, "tests/vectors/receipt.json")
	ownerCard := hexOf(t, at(t, doc, "owner"), "card_file")
	for _, r := range list(t, doc, "receipts") {
		name := text(t, r, "name")
		d, err := experimental.DescribeReceipt(hexOf(t, r, "file"), ownerCard, hexOf(t, at(t, doc, "agency_cards"), text(t, r, "agency")))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		f := at(t, r, "fields")
		kind := map[int64]string{1: "grant", 2: "termination"}[num(t, f, "kind")]
		reason := map[int64]string{0: "", 1: "revoked", 2: "expired"}[num(t, f, "end_reason")]
		ok := d.GetKind() == kind && d.GetRecordId() == text(t, f, "record_id") && d.GetGrantId() == text(t, f, "grant_id") &&
			d.GetOwnerFingerprint() == text(t, r, "owner_fingerprint") && d.GetAgencyFingerprint() == text(t, r, "agency_fingerprint") &&
			d.GetAgencyName() == text(t, f, "agency_name") && fmt.Sprint(d.GetSections()) == fmt.Sprint(strs(t, f, "sections")) &&
			d.GetPurpose() == text(t, f, "purpose") && d.GetGdprArt6Basis() == text(t, f, "gdpr_art6_basis") &&
			d.GetGdprArt9Basis() == text(t, f, "gdpr_art9_basis") && d.GetGrantedAt() == num(t, f, "granted_at") &&
			d.GetExpiresAt() == num(t, f, "expires_at") && d.GetEndedAt() == num(t, f, "ended_at") &&
			d.GetEndReason() == reason && int64(d.GetSequence()) == num(t, f, "sequence") && d.GetManifestHash() == text(t, f, "manifest_hash")
		if !ok {
			t.Errorf("%s: described as %v", name, d)
		}
	}
	for _, v := range list(t, doc, "negative") {
		d, err := experimental.DescribeReceipt(hexOf(t, v, "input"), hexOf(t, v, "owner_card"), hexOf(t, v, "agency_card"))
		if statusName(err) != text(t, v, "result") || (err == nil) != (d != nil) {
			t.Errorf("%s (%s): %v", text(t, v, "name"), text(t, v, "comment"), err)
		}
	}
}

// TestVectorContent validates every content.json vector through ValidateSection, one subtest per
// vector (named "NofM_tcID_name"): the violations, field path and rule id, must be exactly the
// vector's, in order, and a vector is valid exactly when it has none.
func TestVectorContent(t *testing.T) {
	vectors := list(t, loadJSON(t, "tests/vectors/content.json"), "vectors")
	if len(vectors) == 0 {
		t.Fatal("content.json holds no vectors")
	}
	for i, vector := range vectors {
		name := fmt.Sprintf("%dof%d_tc%d_%s", i+1, len(vectors), num(t, vector, "tc_id"), text(t, vector, "name"))
		t.Run(name, func(t *testing.T) {
			report, err := kartla.ValidateSection(text(t, vector, "section"), hexOf(t, vector, "content"))
			if report == nil {
				t.Fatalf("no report: %v", err)
			}
			var want, got []string
			for _, v := range list(t, vector, "violations") {
				want = append(want, text(t, v, "field")+" "+text(t, v, "rule"))
			}
			for _, v := range report.GetViolations() {
				got = append(got, v.GetField()+" "+v.GetRule())
			}
			valid, isBool := vector["valid"].(bool)
			if !isBool {
				t.Fatal("no boolean \"valid\"")
			}
			// The binding's error says the same as the report: ErrSchema exactly when something is broken.
			if report.GetValid() != valid || report.GetValid() != (len(got) == 0) ||
				errors.Is(err, kartla.ErrSchema) == valid || (err != nil && !errors.Is(err, kartla.ErrSchema)) {
				t.Errorf("%s: valid %v, error %v, violations %q", text(t, vector, "comment"), report.GetValid(), err, got)
			}
			if report.GetSection() != text(t, vector, "section") || fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
				t.Errorf("%s: section %q, violations %q, want %q", text(t, vector, "comment"), report.GetSection(), got, want)
			}
		})
	}
	t.Logf("%d content vectors", len(vectors))
}
