package node

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/attestation"
	"github.com/litmesh/litmesh/attestation/handshake"
	"github.com/litmesh/litmesh/attestation/simulated"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/keystore"
	"github.com/litmesh/litmesh/p2p"
)

// NewProvider returns the attestation provider cfg selects: the SEV-SNP hardware, or (devnet
// only) the simulated provider. Config validation already refused simulated in production.
func NewProvider(cfg Config, log *slog.Logger) (attestation.Provider, error) {
	switch cfg.Attestation {
	case "simulated":
		if !cfg.Devnet() {
			return nil, errors.New("attestation: simulated attestation is refused in production mode")
		}
		return simulated.New(attestation.ModeDevnet, cfg.Dir, simulated.WithLogger(log))
	case "sev-snp":
		if err := attestation.DetectSEVSNP(); err != nil {
			return nil, fmt.Errorf("attestation sev-snp: %w (for a local devnet use --mode devnet --attestation simulated)", err)
		}
		return attestation.NewSEVSNP()
	}
	return nil, fmt.Errorf("attestation: unknown provider %q", cfg.Attestation)
}

// verifierFor builds the verifier of the node's mode: AMD's roots in production; in devnet mode
// only the simulated roots, so a devnet never silently accepts reports it cannot judge.
func verifierFor(cfg Config) (*attestation.Verifier, error) {
	if !cfg.Devnet() {
		return attestation.NewVerifier(attestation.ModeProduction, attestation.AMDRoots())
	}
	roots, err := simulated.Roots()
	if err != nil {
		return nil, fmt.Errorf("simulated attestation roots: %w", err)
	}
	return attestation.NewVerifier(attestation.ModeDevnet, roots)
}

// startAttestation selects the provider, opens the keystore under its sealing key and prepares
// the handshake policy the gate will use.
func (n *Node) startAttestation(ctx context.Context) error {
	prov, err := NewProvider(n.cfg, n.log.With("component", "attestation"))
	if err != nil {
		return err
	}
	n.provider = prov
	sealing, err := prov.SealingKey(ctx)
	if err != nil {
		return fmt.Errorf("attestation: sealing key: %w", err)
	}
	ks, err := keystore.Open(filepath.Join(n.cfg.Dir, "keystore"), sealing[:])
	if err != nil {
		return fmt.Errorf("open keystore: %w", err)
	}
	n.keystore = ks
	if n.verifier, err = verifierFor(n.cfg); err != nil {
		return err
	}
	n.attested = &p2p.Attested{
		Provider:    queuedProvider{Provider: prov, q: n.limits.attest, peer: true}, // peers before clients
		OperatorKey: n.id.Operator,
		Expect:      n.expectations,
		Members:     memberCheck{n},
		Log:         n.log.With("component", "handshake"),
	}
	return nil
}

// expectations are what a peer's (or this node's own) report must satisfy now: verified under
// the mode's roots, a measurement on the chain's release allowlist (without a chain, on a devnet:
// this node's own measurement, i.e. the same binary).
func (n *Node) expectations(ctx context.Context) (handshake.Expectations, error) {
	exp := handshake.Expectations{Verifier: n.verifier}
	if n.chain == nil {
		m, ok := n.provider.(interface {
			Measurement() attestation.Measurement
		})
		if !ok {
			return exp, errors.New("no chain to read the release allowlist from")
		}
		exp.Policy.Measurements = []attestation.Measurement{m.Measurement()}
		return exp, nil
	}
	ms, err := n.chain.Membership(ctx)
	if err != nil {
		return exp, fmt.Errorf("release allowlist: %w", err)
	}
	exp.Policy.Measurements = releases(ms.Releases)
	return exp, nil
}

func releases(raw [][]byte) []attestation.Measurement {
	out := make([]attestation.Measurement, 0, len(raw))
	for _, r := range raw {
		var m attestation.Measurement
		if len(r) == len(m) {
			copy(m[:], r)
			out = append(out, m)
		}
	}
	return out
}

// memberCheck is the gate's Membership: the operator must be registered on chain with exactly
// this peer ID, in the active set or the locked next set (which must be able to run the
// transition's DKG or resharing before it becomes active).
type memberCheck struct{ n *Node }

func (m memberCheck) CheckMember(ctx context.Context, operator common.Address, p peer.ID) error {
	if m.n.chain == nil {
		return nil // devnet without a chain: every attested peer is a member (logged at start)
	}
	ms, err := m.n.chain.Membership(ctx)
	if err != nil {
		return fmt.Errorf("read validator set: %w", err)
	}
	return checkMember(&ms, operator, p)
}

func checkMember(ms *chain.Membership, operator common.Address, p peer.ID) error {
	v, ok := ms.ActivePeer([]byte(p))
	if !ok {
		v, ok = ms.NextPeer([]byte(p))
	}
	if !ok {
		return fmt.Errorf("not staked: peer %s is in neither the active nor the next validator set of epoch %d", p, ms.Epoch.Number)
	}
	if v.Operator != operator {
		return fmt.Errorf("peer %s is registered to operator %s, not %s", p, v.Operator.Hex(), operator.Hex())
	}
	return nil
}
