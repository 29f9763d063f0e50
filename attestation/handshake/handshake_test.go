package handshake_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"io"
	"log/slog"
	"math/big"
	"sync"
	"testing"

	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	sevtest "github.com/google/go-sev-guest/testing"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/attestation/handshake"
	"github.com/litmesh/litmesh/attestation/simulated"
)

var release = attestation.Measurement{0x11, 0x22, 0x33}

// node is one side of a handshake: a libp2p identity, an operator key and a provider.
type node struct {
	priv     crypto.PrivKey
	pub      crypto.PubKey
	id       peer.ID
	operator *ecdsa.PrivateKey
	provider attestation.Provider
}

func newNode(t testing.TB, opts ...simulated.Option) *node {
	t.Helper()
	priv, pub, err := crypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		t.Fatalf("libp2p key: %v", err)
	}
	id, err := peer.IDFromPublicKey(pub)
	if err != nil {
		t.Fatalf("peer ID: %v", err)
	}
	op, err := ethcrypto.GenerateKey()
	if err != nil {
		t.Fatalf("operator key: %v", err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	opts = append([]simulated.Option{simulated.WithMeasurement(release), simulated.WithLogger(quiet)}, opts...)
	p, err := simulated.New(attestation.ModeDevnet, t.TempDir(), opts...)
	if err != nil {
		t.Fatalf("simulated provider: %v", err)
	}
	return &node{priv: priv, pub: pub, id: id, operator: op, provider: p}
}

// withIdentityOf gives n the libp2p identity and operator of id, keeping n's platform.
func withIdentityOf(n, id *node) *node {
	n.priv, n.pub, n.id, n.operator = id.priv, id.pub, id.id, id.operator
	return n
}

func (n *node) answer(t testing.TB, c handshake.Challenge) *handshake.Response {
	t.Helper()
	r, err := handshake.BuildResponse(context.Background(), n.provider, n.operator, n.pub, c.Nonce)
	if err != nil {
		t.Fatalf("build response: %v", err)
	}
	return r
}

func challenge(t testing.TB) handshake.Challenge {
	t.Helper()
	c, err := handshake.NewChallenge()
	if err != nil {
		t.Fatalf("new challenge: %v", err)
	}
	return c
}

func expectations(t testing.TB) handshake.Expectations {
	t.Helper()
	roots, err := simulated.Roots()
	if err != nil {
		t.Fatalf("simulated roots: %v", err)
	}
	v, err := attestation.NewVerifier(attestation.ModeDevnet, roots)
	if err != nil {
		t.Fatalf("verifier: %v", err)
	}
	return handshake.Expectations{Verifier: v, Policy: attestation.Policy{Measurements: []attestation.Measurement{release}}}
}

// overTheWire encodes and decodes, as the stream between the two nodes would.
func overTheWire(t testing.TB, r *handshake.Response) *handshake.Response {
	t.Helper()
	b, err := r.Marshal()
	if err != nil {
		t.Fatalf("marshal response: %v", err)
	}
	got, err := handshake.DecodeResponse(b)
	if err != nil {
		t.Fatalf("decode response: %v", err)
	}
	return got
}

func TestTwoNodesAttestToEachOther(t *testing.T) {
	a, b := newNode(t), newNode(t)
	exp := expectations(t)
	for _, pair := range []struct{ verifier, prover *node }{{a, b}, {b, a}} {
		c, err := handshake.DecodeChallenge(challenge(t).Marshal())
		if err != nil {
			t.Fatalf("decode challenge: %v", err)
		}
		resp := overTheWire(t, pair.prover.answer(t, c))
		res, err := handshake.VerifyResponse(resp, pair.prover.pub, c.Nonce, exp)
		if err != nil {
			t.Fatalf("verify response: %v", err)
		}
		if want := ethcrypto.PubkeyToAddress(pair.prover.operator.PublicKey); res.Operator != want {
			t.Errorf("operator %s, want %s", res.Operator, want)
		}
		if res.PeerID != pair.prover.id || res.Kind != attestation.KindSimulated || res.Report.Measurement != release {
			t.Errorf("result %+v", res)
		}
	}
}

func TestAClientVerifiesANodeFromItsPeerID(t *testing.T) {
	n := newNode(t)
	c := challenge(t)
	tlsKey := [32]byte{0x71, 0x5}
	resp, err := handshake.BuildClientResponse(context.Background(), n.provider, n.operator, n.pub, c.Nonce, tlsKey)
	if err != nil {
		t.Fatalf("build client response: %v", err)
	}
	// The client knows the node only by the peer ID in network.json.
	pub, err := n.id.ExtractPublicKey()
	if err != nil {
		t.Fatalf("extract public key: %v", err)
	}
	res, err := handshake.VerifyClientResponse(overTheWire(t, resp), pub, c.Nonce, tlsKey, expectations(t))
	if err != nil {
		t.Fatalf("verify client response: %v", err)
	}
	if res.Operator != ethcrypto.PubkeyToAddress(n.operator.PublicKey) {
		t.Errorf("operator %s", res.Operator)
	}
	// A man in the middle serving its own TLS key cannot pass the node's report off as
	// vouching for it.
	_, err = handshake.VerifyClientResponse(overTheWire(t, resp), pub, c.Nonce, [32]byte{0x66}, expectations(t))
	if !errors.Is(err, attestation.ErrReportDataMismatch) {
		t.Fatalf("a report for another TLS key: %v", err)
	}
}

func TestVerifyResponseRefusesEachBadAnswerWithItsOwnReason(t *testing.T) {
	honest, other := newNode(t), newNode(t)
	exp := expectations(t)
	c := challenge(t)

	tests := []struct {
		name   string
		resp   func(t *testing.T) *handshake.Response
		want   error
		reason string
	}{
		{
			name: "a report signed by a key chain the verifier does not trust",
			resp: func(t *testing.T) *handshake.Response {
				return withIdentityOf(newNode(t, simulated.WithChainKeys(rogueChainKeys(t))), honest).answer(t, c)
			},
			want: attestation.ErrUntrustedChain, reason: "untrusted_chain",
		},
		{
			name: "a whole response replayed from an earlier challenge",
			resp: func(t *testing.T) *handshake.Response { return honest.answer(t, challenge(t)) },
			want: attestation.ErrReportDataMismatch, reason: "report_data_mismatch",
		},
		{
			name: "an old report with a fresh operator signature",
			resp: func(t *testing.T) *handshake.Response {
				old := honest.answer(t, challenge(t))
				fresh := honest.answer(t, c)
				fresh.Evidence = old.Evidence
				return fresh
			},
			want: attestation.ErrReportDataMismatch, reason: "report_data_mismatch",
		},
		{
			name: "a response bound to another peer ID",
			resp: func(t *testing.T) *handshake.Response { return other.answer(t, c) },
			want: attestation.ErrReportDataMismatch, reason: "report_data_mismatch",
		},
		{
			name: "a measurement not on the allowlist",
			resp: func(t *testing.T) *handshake.Response {
				return withIdentityOf(newNode(t, simulated.WithMeasurement(attestation.Measurement{0xee})), honest).answer(t, c)
			},
			want: attestation.ErrUnknownMeasurement, reason: "unknown_measurement",
		},
		{
			name: "a debuggable guest",
			resp: func(t *testing.T) *handshake.Response {
				return withIdentityOf(newNode(t, simulated.WithDebugPolicy()), honest).answer(t, c)
			},
			want: attestation.ErrDebugPolicy, reason: "debug_policy",
		},
		{
			name: "an operator signature made by another key",
			resp: func(t *testing.T) *handshake.Response {
				r := honest.answer(t, c)
				forged := other.answer(t, c) // other's operator key, same nonce
				r.OperatorSig = forged.OperatorSig
				return r
			},
			want: handshake.ErrBadOperatorSignature, reason: "bad_operator_signature",
		},
		{
			name: "an operator signature with a bad recovery byte",
			resp: func(t *testing.T) *handshake.Response {
				r := honest.answer(t, c)
				r.OperatorSig[64] = 1
				return r
			},
			want: handshake.ErrBadOperatorSignature, reason: "bad_operator_signature",
		},
		{
			name: "an operator signature with a high s",
			resp: func(t *testing.T) *handshake.Response {
				r := honest.answer(t, c)
				n := ethcrypto.S256().Params().N
				s := new(big.Int).SetBytes(r.OperatorSig[32:64])
				new(big.Int).Sub(n, s).FillBytes(r.OperatorSig[32:64])
				r.OperatorSig[64] ^= 1 // 27 <-> 28: the same signature, malleated
				return r
			},
			want: handshake.ErrBadOperatorSignature, reason: "bad_operator_signature",
		},
		{
			name: "a response made for a client",
			resp: func(t *testing.T) *handshake.Response {
				r, err := handshake.BuildClientResponse(context.Background(), honest.provider, honest.operator, honest.pub, c.Nonce, [32]byte{})
				if err != nil {
					t.Fatal(err)
				}
				return r
			},
			want: handshake.ErrWrongPurpose, reason: "wrong_purpose",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp := overTheWire(t, tc.resp(t))
			_, err := handshake.VerifyResponse(resp, honest.pub, c.Nonce, exp)
			if !errors.Is(err, tc.want) {
				t.Fatalf("verify: got %v, want %v", err, tc.want)
			}
			if got := handshake.Reason(err); got != tc.reason {
				t.Errorf("reason %q, want %q (err: %v)", got, tc.reason, err)
			}
		})
	}
}

func TestTruncatedAndOversizedReportsAreRefusedOnTheWire(t *testing.T) {
	n := newNode(t)
	c := challenge(t)
	for _, tc := range []struct {
		name   string
		resize func([]byte) []byte
		want   error
		reason string
	}{
		{"a truncated report", func(r []byte) []byte { return r[:attestation.ReportSize-16] }, attestation.ErrReportTruncated, "report_truncated"},
		{"an oversized report", func(r []byte) []byte { return append(r, make([]byte, 16)...) }, attestation.ErrReportOversized, "report_oversized"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := n.answer(t, c).Marshal()
			if err != nil {
				t.Fatal(err)
			}
			b = rewriteReport(b, tc.resize)
			_, err = handshake.DecodeResponse(b)
			if !errors.Is(err, tc.want) {
				t.Fatalf("decode: got %v, want %v", err, tc.want)
			}
			if got := handshake.Reason(err); got != tc.reason {
				t.Errorf("reason %q, want %q", got, tc.reason)
			}
		})
	}
}

func TestProductionModeRefusesASimulatedNode(t *testing.T) {
	n := newNode(t)
	c := challenge(t)
	v, err := attestation.NewVerifier(attestation.ModeProduction, attestation.AMDRoots())
	if err != nil {
		t.Fatal(err)
	}
	exp := handshake.Expectations{Verifier: v, Policy: attestation.Policy{Measurements: []attestation.Measurement{release}}}
	_, err = handshake.VerifyResponse(overTheWire(t, n.answer(t, c)), n.pub, c.Nonce, exp)
	if !errors.Is(err, attestation.ErrUntrustedChain) {
		t.Fatalf("verify in production mode: got %v, want %v", err, attestation.ErrUntrustedChain)
	}
}

func TestConcurrentHandshakes(t *testing.T) {
	n := newNode(t)
	exp := expectations(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < cap(errs); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := handshake.NewChallenge()
			if err != nil {
				errs <- err
				return
			}
			r, err := handshake.BuildResponse(context.Background(), n.provider, n.operator, n.pub, c.Nonce)
			if err == nil {
				_, err = handshake.VerifyResponse(r, n.pub, c.Nonce, exp)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent handshake: %v", err)
		}
	}
}

var (
	rogueOnce sync.Once
	rogueKeys *sevtest.AmdKeys
)

// rogueChainKeys is a second AMD-style test key chain that no verifier trusts.
func rogueChainKeys(t *testing.T) *sevtest.AmdKeys {
	t.Helper()
	rogueOnce.Do(func() {
		ark, err1 := rsa.GenerateKey(rand.Reader, 2048)
		ask, err2 := rsa.GenerateKey(rand.Reader, 2048)
		vcek, err3 := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
		if errors.Join(err1, err2, err3) == nil {
			rogueKeys = &sevtest.AmdKeys{Ark: ark, Ask: ask, Asvk: ask, Vcek: vcek}
		}
	})
	if rogueKeys == nil {
		t.Fatal("rogue keys unavailable")
	}
	return rogueKeys
}

func BenchmarkBuildResponse(b *testing.B) {
	n := newNode(b)
	var nonce [handshake.NonceSize]byte
	for b.Loop() {
		if _, err := handshake.BuildResponse(context.Background(), n.provider, n.operator, n.pub, nonce); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyResponse(b *testing.B) {
	n := newNode(b)
	exp := expectations(b)
	var nonce [handshake.NonceSize]byte
	wire, err := n.answer(b, handshake.Challenge{Nonce: nonce}).Marshal()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r, err := handshake.DecodeResponse(wire)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := handshake.VerifyResponse(r, n.pub, nonce, exp); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTheResultKindComesFromTheRootsNotTheClaim(t *testing.T) {
	n := newNode(t)
	c := challenge(t)
	resp := n.answer(t, c)
	resp.Kind = attestation.KindSEVSNP // a simulated node claiming real hardware
	res, err := handshake.VerifyResponse(overTheWire(t, resp), n.pub, c.Nonce, expectations(t))
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if res.Kind != attestation.KindSimulated {
		t.Errorf("kind %q, want %q: devnet roots only ever verify simulated evidence", res.Kind, attestation.KindSimulated)
	}
}
