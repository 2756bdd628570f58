// SPDX-License-Identifier: Apache-2.0
package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"kartla.example/kartla"
)

// The participant's side, so that the example has a bundle to open: an owner shares the
// example languages section with an agency, until a day after now.
func makeBundle(dir string) (identityPath, bundlePath string, passphrase []byte) {
	cheap := &kartla.IdentityOptions{KDFOpsLimit: 3, KDFMemLimitMiB: 64} // tests only
	passphrase = []byte("byråns lösenfras")
	owner, _, err := kartla.CreateIdentity([]byte("ägarens lösenfras"), cheap)
	check(err)
	defer owner.Close()
	agency, _, err := kartla.CreateAgency(kartla.AgencyInfo{Name: "Landskrona stad", OrganisationNumber: "212000-1140",
		Role: "municipal_labour_unit"}, passphrase, cheap)
	check(err)
	defer agency.Close()
	identityPath, bundlePath = filepath.Join(dir, "agency.kartla-id"), filepath.Join(dir, "agency.bundle")
	check(agency.Save(identityPath, 0))
	card, err := agency.Card()
	check(err)
	record, err := kartla.NewRecord(owner)
	check(err)
	defer record.Close()
	js, err := os.ReadFile("../sections/languages.json")
	check(err)
	check(record.SetSectionJSON("languages", string(js)))
	grant, err := record.Share(card, []string{"languages"}, kartla.ShareOptions{Purpose: "Kartläggning",
		ExpiresAt: time.Now().Add(24 * time.Hour)})
	check(err)
	check(record.Save(filepath.Join(dir, "record.kartla")))
	check(record.ExportBundle(grant, bundlePath))
	return identityPath, bundlePath, passphrase
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func Example() {
	dir, err := os.MkdirTemp("", "kartla-example-")
	check(err)
	defer os.RemoveAll(dir)
	identityPath, bundlePath, passphrase := makeBundle(dir)
	check(readLanguages(identityPath, bundlePath, passphrase))
	// Output:
	// svenska (sv), mother tongue: true
	// engelska (en), mother tongue: false
}

// bindings/go/README.md shows readLanguages as it is here.
func TestReadmeShowsTheExample(t *testing.T) {
	src, err := os.ReadFile("agency_open_bundle.go")
	if err != nil {
		t.Fatal(err)
	}
	fn := regexp.MustCompile(`(?s)func readLanguages\(.*?\n}\n`).Find(src)
	readme, err := os.ReadFile("../../bindings/go/README.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(fn) == 0 || !bytes.Contains(readme, fn) {
		t.Errorf("bindings/go/README.md does not show readLanguages of examples/go/agency_open_bundle.go:\n%s", fn)
	}
	if strings.Count(string(src), "\n") > 50 {
		t.Error("the example has grown past an example's length")
	}
}
