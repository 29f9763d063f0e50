package p2p_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/p2p"
)

// A control session (OpenControl) and an ordinary session between the same two peers each
// deliver every message, in order, while the other is busy: the lanes are separate streams,
// and a receiver reads every stream alike. The member that receives need not have opened the
// session in the same lane.
func TestAControlSessionAndABulkSessionEachDeliverInOrder(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	hosts := meshHosts(t, ctx, 2)
	members := []peer.ID{hosts[0].ID(), hosts[1].ID()}
	s0, s1 := p2p.NewSessions(hosts[0]), p2p.NewSessions(hosts[1])
	open := func(f func(string, []peer.ID) (*p2p.SessionTransport, error), sid string) *p2p.SessionTransport {
		tr, err := f(sid, members)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(tr.Close)
		return tr
	}
	ctlOut, ctlIn := open(s0.OpenControl, "lanes/ctl"), open(s1.Open, "lanes/ctl")
	bulkOut, bulkIn := open(s0.Open, "lanes/bulk"), open(s1.Open, "lanes/bulk")

	const small, large = 200, 20
	big := bytes.Repeat([]byte{0xb}, 256<<10)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	send := func(tr *p2p.SessionTransport, count int, payload func(int) []byte) {
		wg.Go(func() {
			for k := range count {
				if err := tr.Send(ctx, 1, payload(k)); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	receive := func(tr *p2p.SessionTransport, count int, check func(int, []byte) error) {
		wg.Go(func() {
			for k := range count {
				m, err := tr.Receive(ctx)
				if err == nil {
					err = check(k, m.Payload)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	send(bulkOut, large, func(k int) []byte { b := slices.Clone(big); b[0] = byte(k); return b })
	send(ctlOut, small, func(k int) []byte { return fmt.Appendf(nil, "ctl-%03d", k) })
	receive(bulkIn, large, func(k int, p []byte) error {
		if len(p) != len(big) || p[0] != byte(k) {
			return fmt.Errorf("bulk message %d: %d bytes starting %d", k, len(p), p[0])
		}
		return nil
	})
	receive(ctlIn, small, func(k int, p []byte) error {
		if want := fmt.Sprintf("ctl-%03d", k); string(p) != want {
			return fmt.Errorf("control message %d is %q, want %q", k, p, want)
		}
		return nil
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// BenchmarkSmallMessageDuringBulkFrames: the one-way latency of a 200-byte message between two
// peers while a third session streams 256 KiB frames between them (a presigning session's
// rounds are tens of KiB per member and message), sent in the bulk lane (Open: the stream the
// large frames use) and in the control lane (OpenControl). Reports p50-µs and p90-µs.
//
//	go test ./p2p -run '^$' -bench SmallMessageDuringBulkFrames -benchtime 500x
func BenchmarkSmallMessageDuringBulkFrames(b *testing.B) {
	for _, lane := range []string{"bulk", "control"} {
		b.Run("lane="+lane, func(b *testing.B) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			hosts := meshHosts(b, ctx, 2)
			members := []peer.ID{hosts[0].ID(), hosts[1].ID()}
			s0, s1 := p2p.NewSessions(hosts[0]), p2p.NewSessions(hosts[1])
			openOut := s0.Open
			if lane == "control" {
				openOut = s0.OpenControl
			}
			out, err := openOut("bench/small", members)
			if err != nil {
				b.Fatal(err)
			}
			in, err := s1.Open("bench/small", members)
			if err != nil {
				b.Fatal(err)
			}
			bulkOut, _ := s0.Open("bench/bulk", members)
			bulkIn, _ := s1.Open("bench/bulk", members)
			defer func() {
				cancel()
				for _, tr := range []*p2p.SessionTransport{out, in, bulkOut, bulkIn} {
					tr.Close()
				}
			}()
			big := make([]byte, 256<<10)
			go func() {
				for bulkOut.Send(ctx, 1, big) == nil {
				}
			}()
			go func() {
				for {
					if _, err := bulkIn.Receive(ctx); err != nil {
						return
					}
				}
			}()
			msg := make([]byte, 200)
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for range b.N {
				t0 := time.Now()
				if err := out.Send(ctx, 1, msg); err != nil {
					b.Fatal(err)
				}
				if _, err := in.Receive(ctx); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t0))
			}
			b.StopTimer()
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[len(lat)*9/10].Microseconds()), "p90-µs")
		})
	}
}
