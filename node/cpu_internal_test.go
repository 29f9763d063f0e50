package node

import (
	"context"
	"errors"
	"log/slog"
	"os"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestCPUPoolRunsWorkOnLowPriorityThreads(t *testing.T) {
	p := newCPUPool(1, presignNice, slog.New(slog.DiscardHandler))
	defer p.Close()
	var nice int
	var statErr error
	if err := p.Run(context.Background(), func() { nice, statErr = threadNice() }); err != nil {
		t.Fatal(err)
	}
	if goruntime.GOOS != "linux" {
		t.Skip("thread priorities are only set on Linux")
	}
	if statErr != nil {
		t.Fatal(statErr)
	}
	if nice != presignNice {
		t.Fatalf("presigning ran at nice %d, want %d", nice, presignNice)
	}
	// The caller's own thread keeps its priority.
	goruntime.LockOSThread()
	defer goruntime.UnlockOSThread()
	if own, err := threadNice(); err != nil || own == presignNice {
		t.Fatalf("the caller's thread is at nice %d (%v)", own, err)
	}
}

// threadNice reads the calling thread's nice value (field 19 of /proc/thread-self/stat).
func threadNice() (int, error) {
	b, err := os.ReadFile("/proc/thread-self/stat")
	if err != nil {
		return 0, err
	}
	s := string(b)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+2:]) // fields from 3 on
	return strconv.Atoi(fields[19-3])
}

func TestCPUPoolGivesUpWhenNoWorkerIsFreeInTime(t *testing.T) {
	p := newCPUPool(1, 0, slog.New(slog.DiscardHandler))
	defer p.Close()
	release := make(chan struct{})
	started := make(chan struct{})
	go func() {
		_ = p.Run(context.Background(), func() { close(started); <-release })
	}()
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	var ran atomic.Bool
	if err := p.Run(ctx, func() { ran.Store(true) }); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Run with the only worker busy: %v, want the deadline", err)
	}
	close(release)
	if ran.Load() {
		t.Fatal("work that was refused ran anyway")
	}
}

func TestCPUPoolReRaisesAPanicInTheCaller(t *testing.T) {
	p := newCPUPool(1, 0, slog.New(slog.DiscardHandler))
	defer p.Close()
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "boom") {
			t.Fatalf("recovered %v, want the step's panic", r)
		}
		// The worker survived and still takes work.
		if err := p.Run(context.Background(), func() {}); err != nil {
			t.Fatal(err)
		}
	}()
	_ = p.Run(context.Background(), func() { panic("boom") })
}

func TestCPUPoolRefusesWorkOnceClosed(t *testing.T) {
	p := newCPUPool(2, 0, slog.New(slog.DiscardHandler))
	p.Close()
	if err := p.Run(context.Background(), func() {}); !errors.Is(err, errCPUPoolClosed) {
		t.Fatalf("Run after Close: %v", err)
	}
}

func TestNodesOfOneProcessShareOnePresigningPool(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	a, releaseA := acquireCPUPool(log)
	b, releaseB := acquireCPUPool(log)
	if a != b {
		t.Fatal("two nodes got two pools: the process would presign on twice its budget")
	}
	releaseA()
	releaseA() // idempotent
	if err := b.Run(context.Background(), func() {}); err != nil {
		t.Fatalf("the pool stopped while a node still uses it: %v", err)
	}
	releaseB()
	if err := b.Run(context.Background(), func() {}); !errors.Is(err, errCPUPoolClosed) {
		t.Fatalf("the pool still runs after the last node released it: %v", err)
	}
	c, releaseC := acquireCPUPool(log)
	defer releaseC()
	if err := c.Run(context.Background(), func() {}); err != nil {
		t.Fatalf("a pool started again after the last release: %v", err)
	}
}
