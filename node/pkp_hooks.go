package node

import (
	"context"
	"errors"

	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/mpc"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// PKPHooks are test seams that make one node behave like an attacker in PKP signing
// (testnet's TestMaliciousCoordinator and TestMaliciousMember). The attacking code lives in
// the tests; a node only calls a hook that is set, and no binary sets one (Config.PKPHooks has
// no file key, variable or flag).
type PKPHooks struct {
	// Coordinate, if set, is called by this node as a signer set's coordinator instead of
	// sending the members its confirmation of a request (the signed assignment and its ρ
	// contribution). The node then waits for the members' confirmations as usual.
	Coordinate func(ctx context.Context, c *PKPCoordination)
	// PresignTransport, if set, wraps the transport of every presigning session this node
	// runs; members lists the session's peers in order.
	PresignTransport func(members []peer.ID, tr mpc.Transport) mpc.Transport
	// SkipSchemeRoots, if set and true when a key round attempt starts, makes the attempt
	// leave out the scheme root keys (keys_schemes.go), as a node from before them did: tests
	// make a network of such nodes and then let its next key round add them.
	SkipSchemeRoots func() bool
	// DropKeyRoundDone, if set and true when a key round's done reaches this node, makes the
	// node ignore it, as if it were lost: tests make members miss the coordinator's done.
	DropKeyRoundDone func() bool
	// SchemeShare, if set, replaces the signature share (FROST share or BLS partial, encoded)
	// this node returns for a request of a scheme other than ECDSA: a malicious signer.
	SchemeShare func(scheme string, share []byte) []byte
}

// PKPAssignment is a coordinator's assignment of a presignature to a request.
type PKPAssignment struct {
	Requester    [32]byte // who asked, hashed: agreements are per requester and request id
	RequestID    string
	Digest       [32]byte
	Presignature ecdsa.ID
}

// PKPCoordination is one request at a coordinator whose Coordinate hook is set.
type PKPCoordination struct {
	// Scheme is "" for ECDSA, or the FROST scheme's session name ("frost-ed25519", …).
	Scheme     string
	Members    []peer.ID     // the set, canonical order; Members[0] is this node
	Assignment PKPAssignment // what an honest coordinator confirms to every member
	// Contribution is what an honest coordinator confirms with: its ρ contribution (ECDSA)
	// or the digest of the signing package (FROST).
	Contribution [32]byte
	Presignature *ecdsa.Presignature // ECDSA only
	// Confirm sends member m (1…) a confirmation of a, signed with this node's key, carrying
	// the given contribution.
	Confirm func(ctx context.Context, m int, a PKPAssignment, contribution [32]byte) error
	// Reserve takes another presignature of the set out of this node's pool (ECDSA).
	Reserve func() (*ecdsa.Presignature, error)
	// ReserveID takes other material of the set out of this node's pool, any scheme, and
	// returns its ID (its nonces are zeroed).
	ReserveID func() (ecdsa.ID, error)
	// Digest is the request digest of another request id and hash for the same PKP and set.
	Digest func(requestID string, hash [32]byte) [32]byte
}

func (ss *signerSet) coordination(a *assignment, ps held, digestFor func(string, [32]byte) [32]byte) *PKPCoordination {
	c := &PKPCoordination{
		Scheme:       ss.ep.scheme.Name(),
		Members:      ss.peers,
		Assignment:   PKPAssignment{Requester: a.Requester, RequestID: a.RequestID, Digest: a.Digest, Presignature: a.Presig},
		Contribution: ps.Contribution(),
		Confirm: func(ctx context.Context, m int, pa PKPAssignment, contribution [32]byte) error {
			x := &assignment{Epoch: ss.ep.number, Requester: pa.Requester, RequestID: pa.RequestID, Digest: pa.Digest, Presig: pa.Presignature}
			if err := ss.sign(x); err != nil {
				return err
			}
			return ss.ctl.Send(ctx, m, (&confirmMsg{Assign: *x, Contribution: contribution}).encode())
		},
		Reserve: func() (*ecdsa.Presignature, error) {
			if m := ss.takeOldest(); m != nil {
				if e, ok := m.(ecdsaHeld); ok {
					return e.Presignature, nil
				}
				m.Discard()
				return nil, errors.New("not an ECDSA signer set")
			}
			return nil, errors.New("no other presignature in the pool")
		},
		ReserveID: func() (ecdsa.ID, error) {
			if m := ss.takeOldest(); m != nil {
				m.Discard()
				return m.ID(), nil
			}
			return ecdsa.ID{}, errors.New("no other material in the pool")
		},
		Digest: digestFor,
	}
	if e, ok := ps.(ecdsaHeld); ok {
		c.Presignature = e.Presignature
	}
	return c
}
