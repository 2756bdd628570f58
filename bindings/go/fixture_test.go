// SPDX-License-Identifier: Apache-2.0
package kartla_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"kartla.example/kartla"
)

// fixture is one participant's record shared with one agency, made once per test binary for the
// tests that need a bundle but are not the scenario (threads, bad input, benchmarks).
type fixture struct {
	dir, bundlePath, recordPath, agencyPath string
	agencyPass                              []byte
	ownerCard, agencyCard                   []byte
	content                                 map[string][]byte // what the agency may read
	shared                                  []string
	notShared                               []string // held by the record, not granted
	at                                      time.Time
}

var (
	fixtureOnce sync.Once
	theFixture  *fixture
	fixtureErr  error
	fixtureDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

// cheap is the lowest Argon2id cost the library accepts: for tests only.
var cheap = &kartla.IdentityOptions{KDFOpsLimit: 3, KDFMemLimitMiB: 64}

func sharedFixture(t testing.TB) *fixture {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtureDir, fixtureErr = os.MkdirTemp("", "kartla-go-")
		if fixtureErr == nil {
			theFixture, fixtureErr = makeFixture(fixtureDir, nil)
		}
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return theFixture
}

// makeFixture writes owner, agency, record and bundle files to dir. extra sets more sections
// (protobuf bytes) and shares them too.
func makeFixture(dir string, extra map[string][]byte) (*fixture, error) {
	f := &fixture{
		dir: dir, bundlePath: filepath.Join(dir, "bundle.kartla"), recordPath: filepath.Join(dir, "record.kartla"),
		agencyPath: filepath.Join(dir, "agency.kartla-id"), agencyPass: []byte("byråns lösenfras"),
		content: map[string][]byte{}, shared: []string{"profile", "languages"},
		notShared: []string{"education", "notes", "competences"}, at: time.Unix(1767225600, 0),
	}
	owner, _, err := kartla.CreateIdentity([]byte("ägarens lösenfras"), cheap)
	if err != nil {
		return nil, err
	}
	defer owner.Close()
	agency, _, err := kartla.CreateAgency(kartla.AgencyInfo{Name: "Landskrona stad", OrganisationNumber: "212000-1140",
		Role: "municipal_labour_unit"}, f.agencyPass, cheap)
	if err != nil {
		return nil, err
	}
	defer agency.Close()
	if err := agency.Save(f.agencyPath, 0); err != nil {
		return nil, err
	}
	if f.ownerCard, err = owner.Card(); err != nil {
		return nil, err
	}
	if f.agencyCard, err = agency.Card(); err != nil {
		return nil, err
	}
	record, err := kartla.NewRecord(owner)
	if err != nil {
		return nil, err
	}
	defer record.Close()
	if err := record.SetClock(f.at); err != nil {
		return nil, err
	}
	for _, name := range append(append([]string{}, f.shared...), f.notShared...) {
		js, err := os.ReadFile(filepath.Join(repoRoot, "examples", "sections", name+".json"))
		if err != nil {
			return nil, err
		}
		if err := record.SetSectionJSON(name, string(js)); err != nil {
			return nil, err
		}
	}
	for name, b := range extra {
		if err := record.SetSection(name, b); err != nil {
			return nil, err
		}
		f.shared = append(f.shared, name)
	}
	for _, name := range f.shared {
		if f.content[name], err = record.Section(name); err != nil {
			return nil, err
		}
	}
	grant, err := record.Share(f.agencyCard, f.shared, kartla.ShareOptions{Purpose: "Kartläggning", Now: f.at,
		ExpiresAt: f.at.Add(30 * 24 * time.Hour)})
	if err != nil {
		return nil, err
	}
	if err := record.Save(f.recordPath); err != nil {
		return nil, err
	}
	if err := record.ExportBundle(grant, f.bundlePath); err != nil {
		return nil, err
	}
	f.at = f.at.Add(time.Hour)
	return f, nil
}

func (f *fixture) agency(t testing.TB) *kartla.Identity {
	t.Helper()
	id, err := kartla.OpenIdentityFile(f.agencyPath, f.agencyPass)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { id.Close() })
	return id
}

func (f *fixture) share(t testing.TB, agency *kartla.Identity) *kartla.Share {
	t.Helper()
	s, err := kartla.OpenShareFile(f.bundlePath, agency)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
