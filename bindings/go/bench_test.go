// SPDX-License-Identifier: Apache-2.0
package kartla_test

import (
	"testing"

	"kartla.example/kartla/internal/cbench"
)

// Benchmarks for `go test -bench .` (and benchstat): the fixture's 1 KiB-class languages section
// read through the binding and through the C ABI directly. `go run ./bench` is the fuller
// comparison (1 KiB and 64 MiB, ratios printed); the README records its numbers.
func BenchmarkShareSection(b *testing.B) {
	f := sharedFixture(b)
	share := f.share(b, f.agency(b))
	b.Run("go", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := share.Section("languages", f.at); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("c", func(b *testing.B) {
		if err := cbench.Section(share, "languages", f.at, b.N); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkShareSectionInto(b *testing.B) {
	f := sharedFixture(b)
	share := f.share(b, f.agency(b))
	size, err := share.SectionSize("languages", f.at)
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, size)
	b.Run("go", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := share.SectionInto("languages", f.at, buf); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("c", func(b *testing.B) {
		if err := cbench.SectionInto(share, "languages", f.at, buf, b.N); err != nil {
			b.Fatal(err)
		}
	})
}
