// SPDX-License-Identifier: Apache-2.0
// Command bench times an agency reading a 1 KiB and a 64 MiB section through the Go binding and
// through the C ABI directly, in one run, and prints the ratios (the binding benchmark of issues
// 13 and 14: goal within 1.3x of C at 1 KiB and 1.05x at 64 MiB). It is a measurement, not a
// test: it asserts nothing about time.
//
//	go run ./bench                      # from bindings/go, with PKG_CONFIG_PATH and the library path set
//	go run ./bench -sizes 1K,1M,64M -samples 21
//
// The C side (internal/cbench) loops inside one cgo call, so no Go runs between its iterations.
// Each sample runs both sides, in alternating order; the table shows medians of wall-clock and
// of process CPU time (user + system: on a loaded machine the steadier number).
package main

import (
	"crypto/rand"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	"kartla.example/kartla"
	"kartla.example/kartla/internal/cbench"
	"kartla.example/kartla/kartlav1"
)

func main() {
	sizes := flag.String("sizes", "1K,64M", "section sizes (K, M suffixes)")
	samples := flag.Int("samples", 15, "samples per operation and size")
	minSample := flag.Duration("min-sample", 20*time.Millisecond, "a sample repeats the operation until it lasts this long")
	flag.Parse()
	if err := run(*sizes, *samples, *minSample); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func parseSize(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	}
	n, err := strconv.Atoi(s)
	return n * mult, err
}

func label(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// documents is a documents section of exactly total bytes: one entry whose inline content fills
// it, with the size and sha256 the content rules ask for (as bench/payload.cpp builds it).
func documents(total int) ([]byte, error) {
	build := func(content []byte, title string) *kartlav1.Documents {
		sum := sha256.Sum256(content)
		return &kartlav1.Documents{Entries: []*kartlav1.DocumentEntry{{
			Id: "bench-document", Kind: kartlav1.DocumentEntry_OTHER, Title: title,
			MediaType: "application/octet-stream", SizeBytes: uint64(len(content)), Sha256: sum[:],
			Content:   &kartlav1.DocumentEntry_InlineContent{InlineContent: content},
			Assertion: &kartlav1.Assertion{Source: kartlav1.Assertion_SELF_REPORTED, AssertedAt: timestamppb.New(time.Unix(1700000000, 0))},
		}}}
	}
	content := make([]byte, total)
	title := "benchmark payload"
	for n := total - 200; n > 0; n-- { // shrink the content until it fits, then pad the title
		if size := proto.Size(build(content[:n], title)); size <= total {
			for proto.Size(build(content[:n], title)) < total {
				title += "."
			}
			content = content[:n]
			break
		}
	}
	if _, err := rand.Read(content); err != nil {
		return nil, err
	}
	out, err := proto.Marshal(build(content, title))
	if err != nil || len(out) != total {
		return nil, fmt.Errorf("payload of %d bytes, want %d (%v)", len(out), total, err)
	}
	return out, nil
}

type setup struct {
	bundle string
	agency *kartla.Identity
	share  *kartla.Share
	at     time.Time
}

func prepare(dir string, size int) (*setup, error) {
	cheap := &kartla.IdentityOptions{KDFOpsLimit: 3, KDFMemLimitMiB: 64}
	owner, _, err := kartla.CreateIdentity([]byte("benchmark owner"), cheap)
	if err != nil {
		return nil, err
	}
	defer owner.Close()
	agency, _, err := kartla.CreateAgency(kartla.AgencyInfo{Name: "Landskrona stad", OrganisationNumber: "212000-1140",
		Role: "municipal_labour_unit"}, []byte("benchmark agency"), cheap)
	if err != nil {
		return nil, err
	}
	card, err := agency.Card()
	if err != nil {
		return nil, err
	}
	record, err := kartla.NewRecord(owner)
	if err != nil {
		return nil, err
	}
	defer record.Close()
	payload, err := documents(size)
	if err != nil {
		return nil, err
	}
	if err := record.SetSection("documents", payload); err != nil {
		return nil, err
	}
	grant, err := record.Share(card, []string{"documents"}, kartla.ShareOptions{Purpose: "benchmark"})
	if err != nil {
		return nil, err
	}
	s := &setup{bundle: filepath.Join(dir, fmt.Sprintf("bundle-%d.kartla", size)), agency: agency}
	if err := record.Save(filepath.Join(dir, fmt.Sprintf("record-%d.kartla", size))); err != nil {
		return nil, err
	}
	if err := record.ExportBundle(grant, s.bundle); err != nil {
		return nil, err
	}
	if s.share, err = kartla.OpenShareFile(s.bundle, agency); err != nil {
		return nil, err
	}
	got, err := s.share.Section("documents", s.at)
	if err != nil || string(got) != string(payload) {
		return nil, fmt.Errorf("the bundle does not read back its payload (%v)", err)
	}
	return s, nil
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// op is one operation, done reps times by each side.
type op struct {
	name   string
	goSide func(reps int) error
	cSide  func(reps int) error
}

type timing struct{ wall, cpu time.Duration }

func timed(f func(int) error, reps int) (timing, error) {
	w, c := time.Now(), cpuTime()
	err := f(reps)
	return timing{time.Since(w) / time.Duration(reps), (cpuTime() - c) / time.Duration(reps)}, err
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func measure(o op, samples int, minSample time.Duration) (goT, cT timing, reps int, err error) {
	// Calibrate on the C side: enough repetitions for a sample to last minSample.
	reps = 1
	for {
		t, err := timed(o.cSide, reps)
		if err != nil {
			return goT, cT, 0, err
		}
		if t.wall*time.Duration(reps) >= minSample || reps >= 1<<20 {
			break
		}
		reps *= 2
	}
	if err := o.goSide(reps); err != nil { // warm up the Go side the same way
		return goT, cT, 0, err
	}
	var gw, gc, cw, cc []time.Duration
	for i := 0; i < samples; i++ {
		first, second := o.goSide, o.cSide
		if i%2 == 1 {
			first, second = second, first
		}
		a, err := timed(first, reps)
		if err != nil {
			return goT, cT, 0, err
		}
		b, err := timed(second, reps)
		if err != nil {
			return goT, cT, 0, err
		}
		if i%2 == 1 {
			a, b = b, a
		}
		gw, gc, cw, cc = append(gw, a.wall), append(gc, a.cpu), append(cw, b.wall), append(cc, b.cpu)
	}
	return timing{median(gw), median(gc)}, timing{median(cw), median(cc)}, reps, nil
}

func run(sizeList string, samples int, minSample time.Duration) error {
	dir, err := os.MkdirTemp("", "kartla-go-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	host, _ := os.Hostname()
	fmt.Printf("kartla Go binding vs C ABI, %s, %s, %s/%s, %d CPUs, host %s, library %s\n",
		time.Now().UTC().Format("2006-01-02"), runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), host, kartla.Version())
	fmt.Printf("medians of %d samples; ratio = Go / C (goal: <= 1.30x at 1 KiB, <= 1.05x at 64 MiB)\n\n", samples)
	fmt.Printf("%-52s %8s %6s %11s %11s %7s %11s %11s %7s\n", "operation (Go vs C)", "size", "reps", "Go wall", "C wall", "ratio", "Go CPU", "C CPU", "ratio")
	for _, item := range strings.Split(sizeList, ",") {
		size, err := parseSize(strings.TrimSpace(item))
		if err != nil {
			return err
		}
		s, err := prepare(dir, size)
		if err != nil {
			return fmt.Errorf("%s: %w", label(size), err)
		}
		capacity, err := s.share.SectionSize("documents", s.at)
		if err != nil {
			return err
		}
		goBuf, cBuf := make([]byte, capacity), make([]byte, capacity)
		ops := []op{
			{"Share.Section vs kartla_share_section+buffer_free", func(reps int) error {
				for i := 0; i < reps; i++ {
					if _, err := s.share.Section("documents", s.at); err != nil {
						return err
					}
				}
				return nil
			}, func(reps int) error { return cbench.Section(s.share, "documents", s.at, reps) }},
			{"Share.SectionInto vs kartla_share_section_into", func(reps int) error {
				for i := 0; i < reps; i++ {
					if _, err := s.share.SectionInto("documents", s.at, goBuf); err != nil {
						return err
					}
				}
				return nil
			}, func(reps int) error { return cbench.SectionInto(s.share, "documents", s.at, cBuf, reps) }},
			// The floor under any cgo binding: the C read called once per read from a Go loop,
			// with no binding code around it, against the same reads looped inside C.
			{"control: one bare cgo call per read vs a C loop", func(reps int) error {
				for i := 0; i < reps; i++ {
					if err := cbench.SectionInto(s.share, "documents", s.at, goBuf, 1); err != nil {
						return err
					}
				}
				return nil
			}, func(reps int) error { return cbench.SectionInto(s.share, "documents", s.at, cBuf, reps) }},
			{"OpenShareFile+Section+Close vs open+section+free", func(reps int) error {
				for i := 0; i < reps; i++ {
					sh, err := kartla.OpenShareFile(s.bundle, s.agency)
					if err != nil {
						return err
					}
					_, err = sh.Section("documents", s.at)
					sh.Close()
					if err != nil {
						return err
					}
				}
				return nil
			}, func(reps int) error { return cbench.OpenRead(s.bundle, s.agency, "documents", s.at, reps) }},
		}
		for _, o := range ops {
			g, c, reps, err := measure(o, samples, minSample)
			if err != nil {
				return fmt.Errorf("%s, %s: %w", o.name, label(size), err)
			}
			fmt.Printf("%-52s %8s %6d %11s %11s %6.2fx %11s %11s %6.2fx\n", o.name, label(size), reps,
				g.wall.Round(100*time.Nanosecond), c.wall.Round(100*time.Nanosecond), float64(g.wall)/float64(c.wall),
				g.cpu.Round(100*time.Nanosecond), c.cpu.Round(100*time.Nanosecond), float64(g.cpu)/float64(c.cpu))
		}
		s.share.Close()
		s.agency.Close()
	}
	return nil
}
