package testnet_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/testnet"
	"github.com/litmesh/litmesh/testnet/pkptest"
)

// BenchmarkDecrypt measures client.Decrypt of a small file gated on native balance on an
// in-process network with its dev chain (every node, the chain and the client share this
// machine's cores): each node verifies the authSig, reads the balance from the chain and signs
// its share; the client verifies the shares, combines a threshold of them and decrypts.
//
//	latency: one decryption at a time; reports p50-ms and p90-ms.
//	throughput: 8 concurrent decryptions; reports decrypts/s.
//
// Run for example: go test ./testnet -run '^$' -bench Decrypt -benchtime 200x
func BenchmarkDecrypt(b *testing.B) {
	for _, nodes := range []int{4, 7} {
		b.Run(fmt.Sprintf("nodes=%d", nodes), func(b *testing.B) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			c := testnet.Start(ctx, b, nodes, testnet.WithChain())
			c.WaitMesh(ctx)
			c.WaitEpoch(ctx, 1)
			cl := testnet.NewClient(c.NetworkFile())
			defer cl.Close()
			file, err := cl.Encrypt(ctx, pkptest.NativeBalance, []byte("a small secret for the benchmark"))
			if err != nil {
				b.Fatal(err)
			}
			dev1, err := devchain.AccountByIndex(1)
			if err != nil {
				b.Fatal(err)
			}
			auth, err := client.NewSession(dev1.Key, client.SessionOptions{})
			if err != nil {
				b.Fatal(err)
			}
			decrypt := func() time.Duration {
				t0 := time.Now()
				if _, err := cl.Decrypt(ctx, file, auth); err != nil {
					b.Error(err)
				}
				return time.Since(t0)
			}
			for range 5 { // warm: handshakes, connections
				decrypt()
			}
			b.Run("latency", func(b *testing.B) {
				lat := make([]time.Duration, 0, b.N)
				for range b.N {
					lat = append(lat, decrypt())
				}
				slices.Sort(lat)
				b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
				b.ReportMetric(ms(lat[len(lat)*9/10]), "p90-ms")
			})
			b.Run("throughput", func(b *testing.B) {
				const workers = 8
				var next atomic.Int64
				var wg sync.WaitGroup
				t0 := time.Now()
				for range workers {
					wg.Go(func() {
						for next.Add(1) <= int64(b.N) {
							decrypt()
						}
					})
				}
				wg.Wait()
				b.ReportMetric(float64(b.N)/time.Since(t0).Seconds(), "decrypts/s")
			})
		})
	}
}
