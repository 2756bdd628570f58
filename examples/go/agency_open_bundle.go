// SPDX-License-Identifier: Apache-2.0
// An agency's case system opens a participant's share bundle and reads one section as a typed
// message. Usage: KARTLA_PASSPHRASE=... go run . AGENCY_ID BUNDLE
package main

import (
	"fmt"
	"os"
	"time"

	"kartla.example/kartla"
	"kartla.example/kartla/kartlav1"
)

func readLanguages(identityPath, bundlePath string, passphrase []byte) error {
	agency, err := kartla.OpenIdentityFile(identityPath, passphrase)
	if err != nil {
		return err
	}
	defer agency.Close()
	bundle, err := kartla.OpenShareFile(bundlePath, agency) // the owner's signature is checked here
	if err != nil {
		return err
	}
	defer bundle.Close()
	var languages kartlav1.Languages
	if err := bundle.SectionMessage("languages", time.Now(), &languages); err != nil {
		return err // errors.Is(err, kartla.ErrNotShared), kartla.ErrExpired, ...
	}
	for _, l := range languages.GetEntries() {
		fmt.Printf("%s (%s), mother tongue: %v\n", l.GetLanguage().GetDisplay(), l.GetLanguage().GetCode(), l.GetMotherTongue())
	}
	return nil
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: KARTLA_PASSPHRASE=... agency_open_bundle AGENCY_ID BUNDLE")
		os.Exit(2)
	}
	if err := readLanguages(os.Args[1], os.Args[2], []byte(os.Getenv("KARTLA_PASSPHRASE"))); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
