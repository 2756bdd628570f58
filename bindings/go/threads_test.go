// SPDX-License-Identifier: Apache-2.0
package kartla_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"kartla.example/kartla"
)

// Goroutines with handles of their own, each provoking a different error between good reads:
// every message must be its own call's (kartla_last_error is per OS thread, and the Go scheduler
// moves goroutines between threads; call() locks the thread around the call and the read).
// Run with -race too (.ci/binding-go does).
func TestGoroutinesSeparateHandles(t *testing.T) {
	f := sharedFixture(t)
	const reads = 300
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 2*len(f.notShared); g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			agency, err := kartla.OpenIdentityFile(f.agencyPath, f.agencyPass)
			if err != nil {
				errs <- err
				return
			}
			defer agency.Close()
			share, err := kartla.OpenShareFile(f.bundlePath, agency)
			if err != nil {
				errs <- err
				return
			}
			defer share.Close()
			refused := f.notShared[g%len(f.notShared)] // a different message for each goroutine
			for i := 0; i < reads; i++ {
				name := f.shared[i%len(f.shared)]
				if b, err := share.Section(name, f.at); err != nil || !bytes.Equal(b, f.content[name]) {
					errs <- fmt.Errorf("goroutine %d read %d of %s: %v", g, i, name, err)
					return
				}
				_, err := share.Section(refused, f.at)
				var ke *kartla.Error
				if !errors.As(err, &ke) || ke.Status != kartla.StatusNotShared || !strings.Contains(ke.Message, "'"+refused+"'") {
					errs <- fmt.Errorf("goroutine %d asked for %s and got %v", g, refused, err)
					return
				}
				if i%16 == 0 {
					runtime.Gosched() // invite the scheduler to move us to another thread
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// One Share read by many goroutines at once (the C header allows it), closed while they read:
// every read either succeeds or fails with ErrClosed; none touches freed memory.
func TestShareSharedAndClosedUnderReaders(t *testing.T) {
	f := sharedFixture(t)
	share := f.share(t, f.agency(t))
	var wg sync.WaitGroup
	start := make(chan struct{})
	var mu sync.Mutex
	outcomes := map[string]int{}
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := 0; i < 200; i++ {
				b, err := share.Section("languages", f.at)
				key := "ok"
				switch {
				case errors.Is(err, kartla.ErrClosed):
					key = "closed"
				case err != nil || !bytes.Equal(b, f.content["languages"]):
					key = fmt.Sprintf("wrong: %v", err)
				}
				mu.Lock()
				outcomes[key]++
				mu.Unlock()
			}
		}()
	}
	close(start)
	runtime.Gosched()
	share.Close()
	wg.Wait()
	for k, n := range outcomes {
		if k != "ok" && k != "closed" {
			t.Errorf("%d reads: %s", n, k)
		}
	}
	if _, err := share.Section("languages", f.at); !errors.Is(err, kartla.ErrClosed) {
		t.Errorf("after Close: %v", err)
	}
}

// A Record is one-thread-at-a-time in C; the binding serialises its calls, so goroutines may
// share one (with -race this also checks the binding's own state).
func TestRecordSharedByGoroutines(t *testing.T) {
	owner, _, err := kartla.CreateIdentity([]byte("passphrase for this test"), cheap)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	record, err := kartla.NewRecord(owner)
	if err != nil {
		t.Fatal(err)
	}
	defer record.Close()
	const assertion = `"assertion": {"source": "SELF_REPORTED", "asserted_at": "2024-05-02T09:00:00Z"}`
	profiles := []string{`{"given_name": "Amina", ` + assertion + `}`, `{"given_name": "Sara", ` + assertion + `}`}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if err := record.SetSectionJSON("profile", profiles[g%2]); err != nil {
					t.Error(err)
					return
				}
				if _, err := record.SectionJSON("profile"); err != nil {
					t.Error(err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}
