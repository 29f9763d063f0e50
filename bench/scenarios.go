package bench

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	decdsa "github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/litmesh/litmesh/client"
)

// Target is the network a benchmark runs against.
type Target struct {
	Network *client.NetworkFile
	Client  *client.Client
	// Key pays for and owns what scenarios create (PKPs, permissions) and authenticates their
	// requests; on a devnet a funded dev account.
	Key *ecdsa.PrivateKey
	// Scheme is the signing scheme of the sign scenario (Lit's signingScheme names; "" is
	// ECDSA).
	Scheme string
}

// URLs are the nodes' API URLs.
func (t Target) URLs() []string {
	out := make([]string, len(t.Network.Nodes))
	for i, n := range t.Network.Nodes {
		out[i] = n.URL
	}
	return out
}

// scenarios are the named scenarios `lit bench` knows; features register theirs here.
var scenarios = map[string]func(Target) Scenario{
	"baseline-http": BaselineHTTP,
	"baseline-sign": func(Target) Scenario { return BaselineSign() },
	"handshake":     Handshake,
	"idle":          func(Target) Scenario { return Idle() },
}

// Register adds a named scenario.
func Register(name string, build func(Target) Scenario) { scenarios[name] = build }

// Lookup returns the named scenario for t.
func Lookup(name string, t Target) (Scenario, error) {
	build, ok := scenarios[name]
	if !ok {
		return Scenario{}, fmt.Errorf("unknown scenario %q (known: %v)", name, Names())
	}
	return build(t), nil
}

// Names lists the known scenarios.
func Names() []string {
	var out []string
	for n := range scenarios {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// BaselineHTTP is the floor of every networked operation: one HTTP round trip to a node
// (GET /web/status), round-robin over the nodes.
func BaselineHTTP(t Target) Scenario {
	return Scenario{
		Name:        "baseline-http",
		Description: "GET /web/status round trip, round-robin over the nodes",
		Setup: func(ctx context.Context) (Op, error) {
			if len(t.Network.Nodes) == 0 {
				return nil, errors.New("no nodes")
			}
			return func(ctx context.Context, _ int, seq int64) error {
				_, err := client.Status(ctx, t.Network.Nodes[int(seq)%len(t.Network.Nodes)].URL)
				return err
			}, nil
		},
	}
}

// BaselineSign is the floor of a signature: a local secp256k1 sign and verify of a fresh
// 32-byte hash on this machine.
func BaselineSign() Scenario {
	return Scenario{
		Name:        "baseline-sign",
		Description: "local secp256k1 ECDSA sign + verify",
		Setup: func(ctx context.Context) (Op, error) {
			key, err := secp256k1.GeneratePrivateKey()
			if err != nil {
				return nil, err
			}
			pub := key.PubKey()
			return func(ctx context.Context, _ int, seq int64) error {
				h := sha256.Sum256([]byte(fmt.Sprint(seq)))
				sig := decdsa.Sign(key, h[:])
				if !sig.Verify(h[:], pub) {
					return errors.New("local signature does not verify")
				}
				return nil
			}, nil
		},
	}
}

// Idle sends nothing: each operation waits one second. Measured with Measure (`lit bench idle
// --concurrency 1 --warmup 0 --duration 60s`), its report is every node's CPU and memory while
// no request arrives — what the network costs at rest (presignature pools already full).
func Idle() Scenario {
	return Scenario{
		Name:        "idle",
		Description: "no requests: one second of waiting per operation, to read the nodes' CPU and RSS at rest",
		Setup: func(ctx context.Context) (Op, error) {
			return func(ctx context.Context, _ int, _ int64) error {
				select {
				case <-time.After(time.Second):
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			}, nil
		},
	}
}

// Handshake is a client handshake with full attestation verification, round-robin.
func Handshake(t Target) Scenario {
	return Scenario{
		Name:        "handshake",
		Description: "POST /web/handshake with a fresh challenge and full attestation verification",
		Setup: func(ctx context.Context) (Op, error) {
			var nonce [8]byte
			_, _ = rand.Read(nonce[:])
			return func(ctx context.Context, _ int, seq int64) error {
				n := t.Network.Nodes[int(seq)%len(t.Network.Nodes)]
				_, att, err := t.Client.Handshake(ctx, n)
				if err != nil {
					return err
				}
				if !att.Verified {
					return fmt.Errorf("attestation: %s", att.Reason)
				}
				return nil
			}, nil
		},
	}
}
