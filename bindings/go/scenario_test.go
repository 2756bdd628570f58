// SPDX-License-Identifier: Apache-2.0
package kartla_test

// The shared binding scenario (tests/bindings/README.md), run through the Go binding with the
// data of tests/bindings/scenario.json. Each step is a subtest named by its id; the reference run
// is tests/bindings/cpp/scenario_test.cpp.

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kartla.example/kartla"
	"kartla.example/kartla/experimental"
	"kartla.example/kartla/kartlav1"
)

// scenarioErrors keeps every failure the scenario provoked, by status name, for step errors.
type scenarioErrors struct {
	mu   sync.Mutex
	seen map[string]*kartla.Error
}

// expect checks that err is the binding's typed error with the status of sentinel, carrying a
// message, and remembers it.
func (s *scenarioErrors) expect(t *testing.T, sentinel *kartla.Error, err error) {
	t.Helper()
	var ke *kartla.Error
	if !errors.As(err, &ke) {
		t.Errorf("want %v, got %v", sentinel.Status, err)
		return
	}
	if !errors.Is(err, sentinel) || ke.Status.String() != sentinel.Status.String() {
		t.Errorf("want %v, got %v", sentinel.Status, err)
		return
	}
	if ke.Message == "" {
		t.Errorf("%v carries no message", err)
	}
	s.mu.Lock()
	s.seen[ke.Status.String()] = ke
	s.mu.Unlock()
}

func TestScenario(t *testing.T) {
	s := loadJSON(t, "tests/bindings/scenario.json")
	now := time.Unix(num(t, at(t, s, "clock"), "now"), 0)
	after := func(spec node, key string) time.Time { return now.Add(time.Duration(num(t, spec, key)) * time.Second) }
	shareSpec, agencySpec := at(t, s, "share"), at(t, s, "agency")
	dir := t.TempDir()
	errs := &scenarioErrors{seen: map[string]*kartla.Error{}}
	kdf := &kartla.IdentityOptions{
		KDFMemLimitMiB: uint32(num(t, at(t, s, "kdf"), "memlimit_mib")),
		KDFOpsLimit:    uint32(num(t, at(t, s, "kdf"), "opslimit")),
		CreatedAt:      now.Add(-86400 * time.Second),
	}
	passphrase := []byte(text(t, at(t, s, "owner"), "passphrase"))
	step := func(id string, f func(t *testing.T)) {
		if !t.Run(id, f) {
			t.FailNow() // each step builds on the ones before it
		}
	}

	var (
		owner                 *kartla.Identity
		recoveryCode          []byte
		ownerCard, agencyCard []byte
		ownerFingerprint      string
		identityPath          = filepath.Join(dir, "owner.kartla-id")
		agencyPath            = filepath.Join(dir, "agency.kartla-id")
		recordPath            = filepath.Join(dir, "record.kartla")
		bundlePath            = filepath.Join(dir, "bundle.kartla")
		record                *kartla.Record
		recordID              string
		content               = map[string][]byte{} // section -> protobuf bytes (test data)
		agency                *kartla.Identity
		examples              = filepath.Join(repoRoot, text(t, at(t, s, "sections"), "examples_dir"))
		shared                = strs(t, shareSpec, "sections")
		notShared             = text(t, shareSpec, "not_shared_section")
		readAt                = after(shareSpec, "read_after")
		opened                []*kartla.Share
	)
	t.Cleanup(func() {
		for _, c := range opened {
			c.Close()
		}
		for _, c := range []interface{ Close() error }{owner, record, agency} {
			if c != nil {
				c.Close()
			}
		}
	})

	// scenario:identity.create
	step("scenario:identity.create", func(t *testing.T) {
		var err error
		owner, recoveryCode, err = kartla.CreateIdentity(passphrase, kdf)
		if err != nil {
			t.Fatal(err)
		}
		if len(recoveryCode) == 0 {
			t.Fatal("no recovery code")
		}
		ownerCard = must[[]byte](t)(owner.Card())
		ownerFingerprint = must[string](t)(owner.Fingerprint())
		if fp := must[string](t)(kartla.CardFingerprint(ownerCard)); fp != ownerFingerprint {
			t.Errorf("card fingerprint %q, identity %q", fp, ownerFingerprint)
		}
	})

	// scenario:identity.reopen
	step("scenario:identity.reopen", func(t *testing.T) {
		if err := owner.Save(identityPath, kartla.SaveCreateOnly); err != nil {
			t.Fatal(err)
		}
		file := must[[]byte](t)(os.ReadFile(identityPath))
		opens := map[string]func() (*kartla.Identity, error){
			"open file":    func() (*kartla.Identity, error) { return kartla.OpenIdentityFile(identityPath, passphrase) },
			"open bytes":   func() (*kartla.Identity, error) { return kartla.OpenIdentity(file, passphrase) },
			"recover file": func() (*kartla.Identity, error) { return kartla.RecoverIdentityFile(identityPath, recoveryCode) },
			"recover bytes": func() (*kartla.Identity, error) {
				return kartla.RecoverIdentity(file, recoveryCode)
			},
		}
		for name, open := range opens {
			id, err := open()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if fp := must[string](t)(id.Fingerprint()); fp != ownerFingerprint {
				t.Errorf("%s: fingerprint %q, want %q", name, fp, ownerFingerprint)
			}
			closeAll(t, id)
		}
		_, err := kartla.OpenIdentityFile(identityPath, []byte(text(t, at(t, s, "owner"), "wrong_passphrase")))
		errs.expect(t, kartla.ErrAuth, err)
	})

	// scenario:record.sections
	step("scenario:record.sections", func(t *testing.T) {
		ownerOnly := strs(t, at(t, s, "sections"), "owner_only")
		record = must[*kartla.Record](t)(kartla.NewRecord(owner))
		if err := record.SetClock(now); err != nil {
			t.Fatal(err)
		}
		names, _ := filepath.Glob(filepath.Join(examples, "*.json"))
		sort.Strings(names)
		for _, path := range names {
			name := strings.TrimSuffix(filepath.Base(path), ".json")
			js := string(must[[]byte](t)(os.ReadFile(path)))
			if slices.Contains(ownerOnly, name) {
				errs.expect(t, kartla.ErrInvalidArgument, record.SetSectionJSON(name, js))
				continue
			}
			if err := record.SetSectionJSON(name, js); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			b := must[[]byte](t)(record.Section(name))
			if err := record.SetSection(name, b); err != nil { // the protobuf path
				t.Fatalf("%s: %v", name, err)
			}
			if again := must[[]byte](t)(record.Section(name)); !bytes.Equal(again, b) {
				t.Errorf("%s: the bytes read after setting them differ", name)
			}
			var example, readBack map[string]json.RawMessage
			if err := json.Unmarshal([]byte(js), &example); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(must[string](t)(record.SectionJSON(name))), &readBack); err != nil {
				t.Fatalf("%s: the JSON read back does not parse: %v", name, err)
			}
			for member := range example {
				if _, ok := readBack[member]; !ok {
					t.Errorf("%s: the JSON read back has no %q", name, member)
				}
			}
			// The typed path: the section as its kartlav1 message, and back, bytes unchanged.
			m := kartla.NewSectionMessage(name)
			if err := record.SectionMessage(name, m); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if err := record.SetSectionMessage(m); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if again := must[[]byte](t)(record.Section(name)); !bytes.Equal(again, b) {
				t.Errorf("%s: the bytes changed through the typed message", name)
			}
			content[name] = b
		}
		if len(content) < 10 {
			t.Fatalf("only %d example sections", len(content))
		}
		listed := must[*kartlav1.SectionList](t)(record.Sections())
		if len(listed.GetSections()) != len(content) {
			t.Errorf("sections() lists %d, %d were set", len(listed.GetSections()), len(content))
		}
		for _, l := range listed.GetSections() {
			if _, ok := content[l.GetName()]; !ok {
				t.Errorf("sections() lists %q, which was not set", l.GetName())
			}
		}
		if err := record.RemoveSection("education"); err != nil {
			t.Fatal(err)
		}
		_, err := record.Section("education")
		errs.expect(t, kartla.ErrNotFound, err)
		if err := record.SetSection("education", content["education"]); err != nil {
			t.Fatal(err)
		}
		errs.expect(t, kartla.ErrSchema, record.SetSectionJSON("profile", `{"no_such_field": 1}`))
		if b := must[[]byte](t)(record.Section("profile")); !bytes.Equal(b, content["profile"]) {
			t.Error("a refused set changed the section")
		}
		recordID = must[string](t)(record.ID())
	})

	// scenario:record.save
	step("scenario:record.save", func(t *testing.T) {
		if err := record.Save(recordPath); err != nil {
			t.Fatal(err)
		}
		reopened := must[*kartla.Record](t)(kartla.OpenRecordFile(recordPath, owner, nil))
		defer closeAll(t, reopened)
		if seq := must[uint64](t)(reopened.Sequence()); seq != 1 {
			t.Errorf("sequence %d", seq)
		}
		for name, b := range content {
			if got := must[[]byte](t)(reopened.Section(name)); !bytes.Equal(got, b) {
				t.Errorf("%s differs after the save", name)
			}
		}
	})

	// scenario:record.verify
	step("scenario:record.verify", func(t *testing.T) {
		v := must[*kartla.Verification](t)(kartla.VerifyFile(recordPath))
		defer closeAll(t, v)
		if seq := must[uint64](t)(v.Sequence()); seq != 1 {
			t.Errorf("sequence %d", seq)
		}
		if id := must[string](t)(v.RecordID()); id != recordID {
			t.Errorf("record id %q, want %q", id, recordID)
		}
		if fp := must[string](t)(v.OwnerFingerprint()); fp != ownerFingerprint {
			t.Errorf("owner fingerprint %q", fp)
		}
		report := must[*kartlav1.VerificationReport](t)(v.Report())
		if report.GetKind() != "record" || int(report.GetSectionsListed()) != len(content) {
			t.Errorf("report kind %q, sections_listed %d", report.GetKind(), report.GetSectionsListed())
		}
		file := must[[]byte](t)(os.ReadFile(recordPath))
		half := file[:len(file)/2]
		_, err := kartla.Verify(half)
		errs.expect(t, kartla.ErrFormat, err)
		_, err = kartla.OpenRecord(half, owner, nil)
		errs.expect(t, kartla.ErrFormat, err)
	})

	// scenario:agency.create
	step("scenario:agency.create", func(t *testing.T) {
		var err error
		agency, _, err = kartla.CreateAgency(kartla.AgencyInfo{
			Name:               text(t, agencySpec, "name"),
			OrganisationNumber: text(t, agencySpec, "organisation_number"),
			Role:               text(t, agencySpec, "role"),
		}, []byte(text(t, agencySpec, "passphrase")), kdf)
		if err != nil {
			t.Fatal(err)
		}
		agencyCard = must[[]byte](t)(agency.Card())
		card := must[*kartlav1.CardDescription](t)(kartla.DescribeCard(agencyCard))
		if card.GetKind() != "agency" || card.GetName() != text(t, agencySpec, "name") {
			t.Errorf("card describes as %q named %q", card.GetKind(), card.GetName())
		}
		if err := agency.Save(agencyPath, 0); err != nil {
			t.Fatal(err)
		}
	})

	// scenario:share.grant
	step("scenario:share.grant", func(t *testing.T) {
		opts := kartla.ShareOptions{
			Purpose:       text(t, shareSpec, "purpose"),
			ExpiresAt:     after(shareSpec, "expires_after"),
			Now:           now,
			GDPRArt6Basis: text(t, shareSpec, "gdpr_art6_basis"),
		}
		grantID := must[string](t)(record.Share(agencyCard, shared, opts))
		if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(grantID) {
			t.Errorf("grant id %q", grantID)
		}
		_, err := record.Share(ownerCard, shared, opts)
		errs.expect(t, kartla.ErrInvalidArgument, err)
		if err := record.Save(recordPath); err != nil {
			t.Fatal(err)
		}
		if err := record.ExportBundle(grantID, bundlePath); err != nil {
			t.Fatal(err)
		}
	})

	// scenario:share.read
	step("scenario:share.read", func(t *testing.T) {
		for _, path := range []string{bundlePath, recordPath} {
			opened = append(opened, must[*kartla.Share](t)(kartla.OpenShareFile(path, agency)))
			opened = append(opened, must[*kartla.Share](t)(kartla.OpenShare(must[[]byte](t)(os.ReadFile(path)), agency)))
		}
		purpose := text(t, shareSpec, "purpose")
		for i, share := range opened {
			for _, name := range shared {
				if got := must[[]byte](t)(share.Section(name, readAt)); !bytes.Equal(got, content[name]) {
					t.Errorf("share %d: %s differs from the owner's", i, name)
				}
				var fields map[string]json.RawMessage
				if err := json.Unmarshal([]byte(must[string](t)(share.SectionJSON(name, readAt))), &fields); err != nil || len(fields) == 0 {
					t.Errorf("share %d: %s as JSON: %v", i, name, err)
				}
				mine := make([]byte, must[int](t)(share.SectionSize(name, readAt)))
				n := must[int](t)(share.SectionInto(name, readAt, mine))
				if !bytes.Equal(mine[:n], content[name]) {
					t.Errorf("share %d: %s read into a caller's buffer differs", i, name)
				}
				clear(mine)
				typed := kartla.NewSectionMessage(name)
				if err := share.SectionMessage(name, readAt, typed); err != nil {
					t.Errorf("share %d: %s as a message: %v", i, name, err)
				}
			}
			described := must[*kartlav1.ShareDescription](t)(share.Describe())
			var sections []string
			for _, g := range described.GetGrants() {
				sections = append(sections, g.GetSection())
				if g.GetPurpose() != purpose {
					t.Errorf("share %d: purpose %q", i, g.GetPurpose())
				}
			}
			if !slices.Equal(sections, shared) {
				t.Errorf("share %d describes %v, want %v", i, sections, shared)
			}
			if err := share.CheckOwner(ownerCard); err != nil {
				t.Errorf("share %d: %v", i, err)
			}
			errs.expect(t, kartla.ErrInvalidArgument, share.CheckOwner(agencyCard))
		}
	})

	// scenario:share.not_shared
	step("scenario:share.not_shared", func(t *testing.T) {
		for _, share := range opened { // the bundle and the record file, from a path and from bytes
			_, err := share.Section(notShared, readAt)
			errs.expect(t, kartla.ErrNotShared, err)
		}
	})

	// scenario:share.expired
	step("scenario:share.expired", func(t *testing.T) {
		late := after(shareSpec, "expired_read_after")
		for _, share := range opened {
			_, err := share.Section(shared[0], late)
			errs.expect(t, kartla.ErrExpired, err)
		}
	})

	// scenario:share.revoke
	step("scenario:share.revoke", func(t *testing.T) {
		revokeSpec := at(t, s, "revoke")
		section := text(t, revokeSpec, "rewrite_section")
		var rewritten map[string]any
		if err := json.Unmarshal(must[[]byte](t)(os.ReadFile(filepath.Join(examples, section+".json"))), &rewritten); err != nil {
			t.Fatal(err)
		}
		for k, v := range at(t, revokeSpec, "rewrite_merge") {
			rewritten[k] = v
		}
		if _, err := record.Revoke(agencyCard, after(revokeSpec, "after")); err != nil {
			t.Fatal(err)
		}
		if err := record.SetSectionJSON(section, string(must[[]byte](t)(json.Marshal(rewritten)))); err != nil {
			t.Fatal(err)
		}
		if err := record.Save(recordPath); err != nil {
			t.Fatal(err)
		}
		later := must[*kartla.Share](t)(kartla.OpenShareFile(recordPath, agency))
		earlier := must[*kartla.Share](t)(kartla.OpenShareFile(bundlePath, agency))
		defer closeAll(t, later, earlier)
		_, err := later.Section(section, readAt)
		errs.expect(t, kartla.ErrNotShared, err)
		if got := must[[]byte](t)(earlier.Section(section, readAt)); !bytes.Equal(got, content[section]) {
			t.Error("the bundle taken before the revocation no longer reads the old content")
		}
		if err := later.CheckLastSeen(must[uint64](t)(earlier.Sequence()) + 1); err != nil {
			t.Error(err)
		}
		errs.expect(t, kartla.ErrRollback, earlier.CheckLastSeen(must[uint64](t)(later.Sequence())))
	})

	// scenario:attest
	step("scenario:attest", func(t *testing.T) {
		spec := at(t, s, "attest")
		section := text(t, spec, "section")
		ref := experimental.EntryRef{OwnerCard: ownerCard, RecordID: recordID, Section: section, EntryID: text(t, spec, "entry_id")}
		ref.Entry = must[[]byte](t)(experimental.SectionEntry(section, must[[]byte](t)(record.Section(section)), ref.EntryID))
		attestation := must[[]byte](t)(experimental.IssueAttestation(agency, ref, text(t, spec, "claim_json"), now, time.Time{}))
		root, _, err := experimental.CreateTrustRoot(text(t, spec, "trust_root_name"), passphrase, kdf)
		if err != nil {
			t.Fatal(err)
		}
		defer closeAll(t, root)
		draft := must[*experimental.TrustDraft](t)(experimental.NewTrustDraft(1))
		defer closeAll(t, draft)
		validFrom := now.Add(-time.Duration(num(t, spec, "agency_valid_from_before")) * time.Second)
		if err := draft.Add(agencyCard, text(t, agencySpec, "role"), validFrom, time.Time{}); err != nil {
			t.Fatal(err)
		}
		trustList := must[[]byte](t)(experimental.SignTrustList(root, draft, now, after(spec, "trust_list_expires_after")))
		without := must[*kartlav1.AttestationReport](t)(experimental.VerifyAttestation(attestation, ref, nil, now))
		if without.GetVerdict() != text(t, spec, "expected_verdict_without_list") {
			t.Errorf("verdict without a list %q", without.GetVerdict())
		}
		with := must[*kartlav1.AttestationReport](t)(experimental.VerifyAttestation(attestation, ref, trustList, now))
		if with.GetVerdict() != text(t, spec, "expected_verdict") {
			t.Errorf("verdict with the list %q", with.GetVerdict())
		}
		if added := must[bool](t)(experimental.AttachAttestation(record, owner, attestation, now)); !added {
			t.Error("the first attach added nothing")
		}
		if added := must[bool](t)(experimental.AttachAttestation(record, owner, attestation, now)); added {
			t.Error("the second attach changed the record")
		}
		provenance := must[*kartlav1.ProvenanceReport](t)(experimental.RecordProvenance(record, owner, section, trustList, now))
		found := false
		for _, e := range provenance.GetEntries() {
			if e.GetEntryId() == ref.EntryID {
				found = true
				if e.GetProvenance() != text(t, spec, "expected_verdict") {
					t.Errorf("provenance %q", e.GetProvenance())
				}
			}
		}
		if !found {
			t.Errorf("no provenance for %s", ref.EntryID)
		}
	})

	// scenario:contribution
	step("scenario:contribution", func(t *testing.T) {
		spec := at(t, s, "contribution")
		section, entryJSON := text(t, spec, "section"), text(t, spec, "entry_json")
		var entry struct{ ID string }
		if err := json.Unmarshal([]byte(entryJSON), &entry); err != nil {
			t.Fatal(err)
		}
		c := must[[]byte](t)(experimental.CreateContribution(agency, ownerCard, recordID, section, entryJSON, "", now))
		d := must[*kartlav1.ContributionDescription](t)(experimental.DescribeContribution(owner, c, recordID, now))
		if d.GetSender().GetName() != text(t, agencySpec, "name") || d.GetSection() != section || d.GetEntryId() != entry.ID {
			t.Errorf("described as from %q, section %q, entry %q", d.GetSender().GetName(), d.GetSection(), d.GetEntryId())
		}
		if added := must[bool](t)(experimental.AcceptContribution(record, owner, c, now)); !added {
			t.Error("the first accept added nothing")
		}
		if added := must[bool](t)(experimental.AcceptContribution(record, owner, c, now)); added {
			t.Error("accepting again changed the record")
		}
		if e := must[[]byte](t)(experimental.SectionEntry(section, must[[]byte](t)(record.Section(section)), entry.ID)); len(e) == 0 {
			t.Error("the contributed entry is empty")
		}
		_, err := experimental.DescribeContribution(agency, c, recordID, now)
		errs.expect(t, kartla.ErrAuth, err)
	})

	// scenario:errors
	step("scenario:errors", func(t *testing.T) {
		for _, name := range []string{"E_AUTH", "E_SCHEMA", "E_NOT_FOUND", "E_INVALID_ARGUMENT", "E_FORMAT", "E_NOT_SHARED", "E_EXPIRED", "E_ROLLBACK"} {
			e, ok := errs.seen[name]
			if !ok {
				t.Errorf("the scenario provoked no %s", name)
				continue
			}
			if e.Status.String() != name || e.Message == "" || !strings.Contains(e.Error(), name) {
				t.Errorf("%s arrived as %#v", name, e)
			}
		}
		// A closed handle, passed to a function and used itself: the binding's own typed error.
		closed := must[*kartla.Identity](t)(kartla.OpenIdentityFile(agencyPath, []byte(text(t, agencySpec, "passphrase"))))
		share := must[*kartla.Share](t)(kartla.OpenShareFile(bundlePath, closed))
		closeAll(t, closed, share, closed, share) // twice: a second Close is fine
		_, err := kartla.OpenShareFile(bundlePath, closed)
		_, err2 := share.Section(shared[0], readAt)
		_, err3 := closed.Card()
		for _, err := range []error{err, err2, err3} {
			var ke *kartla.Error
			if !errors.Is(err, kartla.ErrClosed) || !errors.Is(err, kartla.ErrInvalidArgument) || !errors.As(err, &ke) || ke.Message == "" {
				t.Errorf("a closed handle gave %v", err)
			}
		}
	})

	// scenario:threads
	step("scenario:threads", func(t *testing.T) {
		spec := at(t, s, "threads")
		count, reads := int(num(t, spec, "count")), int(num(t, spec, "reads_each"))
		var good atomic.Int64
		var wg sync.WaitGroup
		failures := make(chan error, count)
		for g := 0; g < count; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				runtime.LockOSThread() // one OS thread each, as the step asks for threads
				defer runtime.UnlockOSThread()
				mine, err := kartla.OpenIdentityFile(agencyPath, []byte(text(t, agencySpec, "passphrase")))
				if err != nil {
					failures <- err
					return
				}
				defer mine.Close()
				share, err := kartla.OpenShareFile(bundlePath, mine)
				if err != nil {
					failures <- err
					return
				}
				defer share.Close()
				for i := 0; i < reads; i++ {
					name := shared[i%len(shared)]
					b, err := share.Section(name, readAt)
					ok := err == nil && bytes.Equal(b, content[name])
					_, refused := share.Section(notShared, readAt)
					var ke *kartla.Error
					ok = ok && errors.As(refused, &ke) && ke.Status == kartla.StatusNotShared && strings.Contains(ke.Message, notShared)
					if ok {
						good.Add(1)
					}
				}
			}()
		}
		wg.Wait()
		close(failures)
		for err := range failures {
			t.Error(err)
		}
		if int(good.Load()) != count*reads {
			t.Errorf("%d of %d reads gave what they should", good.Load(), count*reads)
		}
	})
}
