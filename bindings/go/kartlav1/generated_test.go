// SPDX-License-Identifier: Apache-2.0
package kartlav1_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// The committed *.pb.go files are what ../gen-proto.sh makes from proto/kartla/v1 now. The
// protoc version line is left out of the comparison: it names the compiler, not the schema.
func TestGeneratedUpToDate(t *testing.T) {
	if _, err := exec.LookPath("protoc"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("protoc is not installed (Debian: protobuf-compiler)")
		}
		t.Skip("protoc is not installed: cannot check the generated code")
	}
	out := t.TempDir()
	cmd := exec.Command("bash", "../gen-proto.sh", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen-proto.sh: %v\n%s", err, msg)
	}
	protocLine := regexp.MustCompile(`(?m)^// \tprotoc +v.*\n`)
	fresh, _ := filepath.Glob(filepath.Join(out, "*.pb.go"))
	committed, _ := filepath.Glob("*.pb.go")
	if len(fresh) != len(committed) {
		t.Fatalf("%d generated files, %d committed: run go generate ./... in bindings/go", len(fresh), len(committed))
	}
	for _, path := range fresh {
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Base(path))
		if err != nil {
			t.Fatalf("%s is not committed: run go generate ./... in bindings/go", filepath.Base(path))
		}
		if !bytes.Equal(protocLine.ReplaceAll(got, nil), protocLine.ReplaceAll(want, nil)) {
			t.Errorf("%s is out of date: run go generate ./... in bindings/go", filepath.Base(path))
		}
	}
}
