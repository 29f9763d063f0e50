package client

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/bls"
)

// signTimeout bounds one node's answer to a share request (its condition checks read chains).
const signTimeout = 45 * time.Second

// ShareStatus is what came of asking one node for its decryption share.
type ShareStatus string

// The outcomes of a share request.
const (
	ShareValid       ShareStatus = "valid"       // a share that verified against the public polynomial
	ShareInvalid     ShareStatus = "invalid"     // an answer whose share did not verify: skipped
	ShareRefused     ShareStatus = "refused"     // the node answered with an error (conditions not met, bad auth, no keys…)
	ShareUnreachable ShareStatus = "unreachable" // no answer: connection refused, timeout…
	ShareNotAsked    ShareStatus = "not asked"   // its handshake failed or its attestation did not verify
	ShareUnneeded    ShareStatus = "not needed"  // enough valid shares arrived before it answered
)

// NodeShare is one node's part in a decryption.
type NodeShare struct {
	URL    string      `json:"url"`
	Status ShareStatus `json:"status"`
	// ShareIndex is the share index the node's answer claimed (-1 without an answer).
	ShareIndex int `json:"shareIndex"`
	// Reason says why the node gave no valid share.
	Reason string `json:"reason,omitempty"`
	// Err is the node's error, an *api.Error when the node refused.
	Err error `json:"-"`

	epoch uint64 // the epoch the node's answer was for
}

// Decryption is the result of Decrypt.
type Decryption struct {
	Plaintext []byte
	// Threshold is how many valid shares were combined.
	Threshold int
	// Nodes is what each node of the network file gave, in the file's order.
	Nodes []NodeShare
}

// ShareError means fewer than the threshold of nodes gave a valid share. It says how many
// answered and, for every node without a valid share, why.
type ShareError struct {
	Needed, Valid, Answered int
	Nodes                   []NodeShare
}

// Error says how many nodes answered and why the others gave no valid share, naming nodes
// with the same reason together.
func (e *ShareError) Error() string {
	var reasons []string
	urls := map[string][]string{}
	for _, n := range e.Nodes {
		if n.Status == ShareValid {
			continue
		}
		if _, ok := urls[n.Reason]; !ok {
			reasons = append(reasons, n.Reason)
		}
		urls[n.Reason] = append(urls[n.Reason], n.URL)
	}
	why := make([]string, len(reasons))
	for i, r := range reasons {
		why[i] = strings.Join(urls[r], ", ") + ": " + r
	}
	return fmt.Sprintf("decrypt: %d of %d nodes answered, %d with a valid share (%d needed): %s",
		e.Answered, len(e.Nodes), e.Valid, e.Needed, strings.Join(why, "; "))
}

// Unwrap gives the nodes' errors, so errors.As finds a refusing node's *api.Error.
func (e *ShareError) Unwrap() []error {
	var errs []error
	for _, n := range e.Nodes {
		if n.Err != nil {
			errs = append(errs, n.Err)
		}
	}
	return errs
}

// DecryptOption adjusts Decrypt.
type DecryptOption func(*decryptConfig)

type decryptConfig struct {
	progress func(NodeShare)
}

// WithProgress calls fn with each node's outcome as soon as it is known (from Decrypt's own
// goroutine, one call at a time).
func WithProgress(fn func(NodeShare)) DecryptOption {
	return func(c *decryptConfig) { c.progress = fn }
}

type shareAnswer struct {
	node int
	resp *api.EncryptionSignResponse
	err  error
}

// Decrypt asks the network for the decryption key of f and decrypts it. It sends the
// conditions, data hash and auth (a session signature for each node, or a plain authSig) to
// every node whose handshake and TLS certificate verified, all at once;
// verifies the shares against the public polynomial as soon as Threshold of them arrived, in
// one batch check (a share that does not verify is skipped and reported with its node and
// index, and collecting goes on); stops as soon as it holds Threshold valid shares; combines
// them into the identity's key; decrypts and checks the data hash. With fewer valid shares than the threshold the error is a *ShareError.
//
// The verified network key is reused for a while (NetworkKey). Across an epoch change, nodes
// still answer for the epoch the client's handshake reported (they keep the previous epoch's
// shares); when too few valid shares came back and some node was unreachable, not asked or
// serves another epoch, Decrypt handshakes again and retries once.
func (c *Client) Decrypt(ctx context.Context, f *EncryptedFile, auth Auth, opts ...DecryptOption) (*Decryption, error) {
	d, err := c.decryptOnce(ctx, f, auth, opts...)
	var se *ShareError
	if errors.As(err, &se) && se.worthRetrying() {
		c.forgetNetworkKey()
		return c.decryptOnce(ctx, f, auth, opts...)
	}
	return d, err
}

// worthRetrying reports whether fresh handshakes could change the outcome: some node was not
// asked or not reached, or declined because it serves another epoch.
func (e *ShareError) worthRetrying() bool {
	for _, n := range e.Nodes {
		var ae *api.Error
		switch {
		case n.Status == ShareUnreachable || n.Status == ShareNotAsked:
			return true
		case errors.As(n.Err, &ae) && ae.Kind == api.KindWrongEpoch:
			return true
		}
	}
	return false
}

func (c *Client) decryptOnce(ctx context.Context, f *EncryptedFile, auth Auth, opts ...DecryptOption) (*Decryption, error) {
	var cfg decryptConfig
	for _, o := range opts {
		o(&cfg)
	}
	if err := f.check(); err != nil {
		return nil, fmt.Errorf("decrypt: .lit file: %w", err)
	}
	if auth == nil {
		return nil, errors.New("decrypt: no credentials")
	}
	list, err := f.list()
	if err != nil {
		return nil, err
	}
	key, err := c.NetworkKey(ctx)
	if err != nil {
		return nil, fmt.Errorf("decrypt: %w", err)
	}
	if key.PublicKey != strings.ToLower(f.NetworkPublicKey) {
		return nil, fmt.Errorf("decrypt: the file is encrypted to network key %s, but this network's key is %s",
			shortKey(f.NetworkPublicKey), shortKey(key.PublicKey))
	}
	req := api.EncryptionSignRequest{
		DataToEncryptHash: hex.EncodeToString(f.ct.DataHash[:]),
		Chain:             f.Chain,
		Epoch:             key.Epoch,
	}
	switch f.ConditionsKind {
	case access.KindAccessControl:
		req.AccessControlConditions = list
	case access.KindEVMContract:
		req.EVMContractConditions = list
	case access.KindUnified:
		req.UnifiedAccessControlConditions = list
	}
	g := c.newShareGather(ctx, key, f.identity(), req, auth, access.DecryptionRequest(f.conds.LitHash(), f.ct.DataHash), cfg.progress)
	sig, err := g.gather(ctx)
	if err != nil {
		return nil, err
	}
	plaintext, err := bls.Decrypt(sig, f.conds.Hash(), f.ct)
	if err != nil {
		return nil, fmt.Errorf("decrypt: %w", err)
	}
	return &Decryption{Plaintext: plaintext, Threshold: key.Threshold, Nodes: g.nodes}, nil
}

// decodeShare decodes one node's answer: the share must be for this identity and claim the
// index the answer states. Whether it verifies is for the batch check.
func decodeShare(resp *api.EncryptionSignResponse, id []byte) ([]byte, int, error) {
	partial, err := hex.DecodeString(resp.SignatureShare)
	if err != nil {
		return nil, -1, errors.New("signatureShare is not hex")
	}
	index, err := bls.PartialIndex(partial)
	if err != nil {
		return nil, -1, err
	}
	if index != resp.ShareIndex {
		return nil, index, fmt.Errorf("the share claims index %d, the answer says %d", index, resp.ShareIndex)
	}
	if resp.DataSigned != "" && resp.DataSigned != string(id) {
		return nil, index, fmt.Errorf("share %d signs %q, not this file's identity", index, clip(resp.DataSigned))
	}
	return partial, index, nil
}

// shareError explains a share that did not verify, noting when the node answered for another
// epoch than the key set's.
func shareError(err error, answerEpoch, keyEpoch uint64) error {
	if answerEpoch != keyEpoch {
		return fmt.Errorf("%w (a share of epoch %d, the key set is epoch %d's)", err, answerEpoch, keyEpoch)
	}
	return err
}
