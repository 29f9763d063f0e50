package testnet_test

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// BenchmarkPKPSign measures client.PKPSign on an in-process network (every node, the chain and
// the client share this machine's cores) with warm presignature pools:
//
//	latency: one signature at a time; reports p50-ms and p99-ms.
//	throughput: 8 concurrent signers; reports sigs/s. With b.N below the pools' total
//	  (sets × pool) it is a burst from warm pools; above, presigning bounds it.
//
// Run for example: go test ./testnet -run '^$' -bench PKPSign -benchtime 300x
func BenchmarkPKPSign(b *testing.B) {
	for _, tc := range []struct{ nodes, pool int }{{4, 256}, {7, 256}} {
		b.Run(fmt.Sprintf("nodes=%d", tc.nodes), func(b *testing.B) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
			defer cancel()
			start := time.Now()
			c := pkptest.Cluster(ctx, b, tc.nodes, tc.pool, tc.pool)
			b.Logf("%d nodes up with %d presignatures per warm set in %s", tc.nodes, tc.pool, time.Since(start).Round(time.Second))
			cl := testnet.NewClient(c.NetworkFile())
			defer cl.Close()
			owner := pkptest.DevKey(b, 6)
			pkp, err := cl.MintPKP(ctx, owner)
			if err != nil {
				b.Fatal(err)
			}
			auth := pkptest.Session(b, owner)
			var counter atomic.Uint64
			sign := func() time.Duration {
				var h [32]byte
				binary.BigEndian.PutUint64(h[:], counter.Add(1))
				h = sha256.Sum256(h[:])
				t0 := time.Now()
				if _, err := cl.PKPSign(ctx, pkp.TokenID, h, auth); err != nil {
					b.Error(err)
				}
				return time.Since(t0)
			}
			sign() // the handshakes and PKP lookup, cached afterwards

			b.Run("latency", func(b *testing.B) {
				c.WaitPools(ctx, tc.pool/2)
				lat := make([]time.Duration, 0, b.N)
				b.ResetTimer()
				for range b.N {
					lat = append(lat, sign())
				}
				b.StopTimer()
				slices.Sort(lat)
				b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
				b.ReportMetric(ms(lat[min(len(lat)-1, len(lat)*99/100)]), "p99-ms")
			})
			b.Run("throughput", func(b *testing.B) {
				c.WaitPools(ctx, tc.pool/2)
				const workers = 8
				var next atomic.Int64
				var wg sync.WaitGroup
				b.ResetTimer()
				t0 := time.Now()
				for range workers {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for next.Add(1) <= int64(b.N) {
							sign()
						}
					}()
				}
				wg.Wait()
				b.StopTimer()
				b.ReportMetric(float64(b.N)/time.Since(t0).Seconds(), "sigs/s")
			})
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
