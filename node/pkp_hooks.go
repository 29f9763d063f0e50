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
}

// PKPAssignment is a coordinator's assignment of a presignature to a request.
type PKPAssignment struct {
	RequestID    string
	Digest       [32]byte
	Presignature ecdsa.ID
}

// PKPCoordination is one request at a coordinator whose Coordinate hook is set.
type PKPCoordination struct {
	Members      []peer.ID     // the set, canonical order; Members[0] is this node
	Assignment   PKPAssignment // what an honest coordinator confirms to every member
	Presignature *ecdsa.Presignature
	// Confirm sends member m (1…) a confirmation of a, signed with this node's key, carrying
	// the given ρ contribution.
	Confirm func(ctx context.Context, m int, a PKPAssignment, contribution [32]byte) error
	// Reserve takes another presignature of the set out of this node's pool.
	Reserve func() (*ecdsa.Presignature, error)
	// Digest is the request digest of another request id and hash for the same PKP and set.
	Digest func(requestID string, hash [32]byte) [32]byte
}

func (ss *signerSet) coordination(a *assignment, ps *ecdsa.Presignature, digestFor func(string, [32]byte) [32]byte) *PKPCoordination {
	return &PKPCoordination{
		Members:      ss.peers,
		Assignment:   PKPAssignment{RequestID: a.RequestID, Digest: a.Digest, Presignature: a.Presig},
		Presignature: ps,
		Confirm: func(ctx context.Context, m int, pa PKPAssignment, contribution [32]byte) error {
			x := &assignment{Epoch: ss.ep.number, RequestID: pa.RequestID, Digest: pa.Digest, Presig: pa.Presignature}
			if err := ss.sign(x); err != nil {
				return err
			}
			return ss.ctl.Send(ctx, m, (&confirmMsg{Assign: *x, Contribution: contribution}).encode())
		},
		Reserve: func() (*ecdsa.Presignature, error) {
			if ps := ss.takeOldest(); ps != nil {
				return ps, nil
			}
			return nil, errors.New("no other presignature in the pool")
		},
		Digest: digestFor,
	}
}
