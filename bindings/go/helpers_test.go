// SPDX-License-Identifier: Apache-2.0
package kartla_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"kartla.example/kartla"
)

// repoRoot is the repository root: this package is bindings/go.
var repoRoot = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}()

// node is one JSON value of a vector or scenario file, read with numbers kept exact.
type node = map[string]any

func loadJSON(t testing.TB, rel string) node {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot, rel))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var out node
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return out
}

func at(t testing.TB, n node, key string) node {
	t.Helper()
	v, ok := n[key].(map[string]any)
	if !ok {
		t.Fatalf("no object %q", key)
	}
	return v
}

func has(n node, key string) bool { _, ok := n[key]; return ok }

func text(t testing.TB, n node, key string) string {
	t.Helper()
	v, ok := n[key].(string)
	if !ok {
		t.Fatalf("no text %q", key)
	}
	return v
}

func hexOf(t testing.TB, n node, key string) []byte {
	t.Helper()
	b, err := hex.DecodeString(text(t, n, key))
	if err != nil {
		t.Fatalf("%q: %v", key, err)
	}
	return b
}

func num(t testing.TB, n node, key string) int64 {
	t.Helper()
	v, ok := n[key].(json.Number)
	if !ok {
		t.Fatalf("no number %q", key)
	}
	i, err := v.Int64()
	if err != nil {
		t.Fatalf("%q: %v", key, err)
	}
	return i
}

func list(t testing.TB, n node, key string) []node {
	t.Helper()
	raw, ok := n[key].([]any)
	if !ok {
		t.Fatalf("no list %q", key)
	}
	out := make([]node, 0, len(raw))
	for _, v := range raw {
		out = append(out, v.(map[string]any))
	}
	return out
}

func strs(t testing.TB, n node, key string) []string {
	t.Helper()
	raw, ok := n[key].([]any)
	if !ok {
		t.Fatalf("no list %q", key)
	}
	out := make([]string, 0, len(raw))
	for _, v := range raw {
		out = append(out, v.(string))
	}
	return out
}

// statusName is the status an error carries, by name ("OK" for nil), as the vectors write it.
func statusName(err error) string {
	if err == nil {
		return "OK"
	}
	var ke *kartla.Error
	if !errors.As(err, &ke) {
		return "not a *kartla.Error: " + err.Error()
	}
	return ke.Status.String()
}

func must[T any](t testing.TB) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func closeAll(t testing.TB, cs ...interface{ Close() error }) {
	t.Helper()
	for _, c := range cs {
		if err := c.Close(); err != nil {
			t.Error(err)
		}
	}
}
