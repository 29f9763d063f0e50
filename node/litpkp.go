package node

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"net/http"
	"slices"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/ecdsa"
)

// PKP signing for Lit's JS SDK (docs/lit-sdk.md, "pkpSign"). The SDK sends one request to every
// node, with one X-Request-Id header and no signer set; it needs every node to answer 200,
// drops empty shares, adds up the rest and takes R from the share with the lowest index. So:
//
//   - every node derives the same signer set from the request alone (litSignerSet);
//   - its members sign exactly as on litmesh's route — the same checks, the same replay guard,
//     the same agreement, in which every member confirms the same signed assignment and ρ
//     before any share leaves it (docs/pkp.md) — and return the share in its additive form:
//     λ_i·s_i over the set, with R' (ecdsa.Additive), so the SDK's sum is the signature;
//   - the other nodes check the request as far as they can without a presignature (auth, the
//     PKP, its permission) and answer with an empty share.

// litSignerSet is the signer set of a Lit request, in canonical order: a window of
// consecutive ring members of the epoch, starting at a position hashed from the request (its
// id, the PKP's token id, the hash), so every node derives the same set and load spreads over
// the windows. It has max(2t+1, T) members: Lit's SDK refuses fewer than minNodeCount (T) shares,
// and 2t+1 < T when T is even. When 2t+1 = T the window is one of the warm sets (the first 16
// positions), whose presignatures are ready.
func (ep *pkpEpoch) litSignerSet(requestID string, tokenID, hash [32]byte) []int {
	n := len(ep.ring)
	size := max(ep.size, chain.Threshold(n))
	windows := n
	if size == ep.size {
		windows = min(n, maxWarmSets)
	}
	h := sha256.New()
	h.Write([]byte("litmesh/lit-sdk/signer-set/v1"))
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], ep.number)
	h.Write(b[:])
	h.Write([]byte{byte(len(requestID))})
	h.Write([]byte(requestID))
	h.Write(tokenID[:])
	h.Write(hash[:])
	start := int(binary.BigEndian.Uint64(h.Sum(nil)[:8]) % uint64(windows))
	win := make([]int, size)
	for j := range win {
		win[j] = ep.ring[(start+j)%n]
	}
	return ep.canonical(win)
}

// litPKPSign is POST /web/pkp/sign/v1.
func (l *litAPI) litPKPSign(w http.ResponseWriter, r *http.Request) (any, error) {
	requestID := r.Header.Get("X-Request-Id")
	if err := checkRequestID(requestID); err != nil {
		return nil, api.Errorf(api.KindBadRequest, "X-Request-Id header: %v (send one id with the request to every node: it names the signature)", err)
	}
	var req api.LitPKPSignRequest
	if err := decodeJSON(w, r, api.MaxPKPSignRequest, &req); err != nil {
		return nil, err
	}
	if len(req.ToSign) != 32 {
		return nil, api.Errorf(api.KindBadRequest, "toSign: %d bytes, want a 32-byte hash", len(req.ToSign))
	}
	hash := [32]byte(req.ToSign)
	ref, err := api.ParsePKPRef(req.PubKey)
	if err != nil {
		return nil, api.Errorf(api.KindBadRequest, "pubkey: %v", err)
	}
	tokenInt, err := pkpRefTokenID(ref)
	if err != nil {
		return nil, err
	}
	var tokenID [32]byte
	tokenInt.FillBytes(tokenID[:])
	if err := l.litEpoch(req.Epoch); err != nil {
		return nil, err
	}
	auth, err := l.authenticate(r.Context(), req.AuthSig, access.PKPSigningRequest(tokenInt))
	if err != nil {
		return nil, err
	}
	if err := l.allowAddress(auth.Address); err != nil {
		return nil, err
	}
	if l.pkp == nil {
		return nil, api.Errorf(api.KindUnavailable, "this node has no chain, so no PKPs")
	}
	ep, err := l.pkp.current()
	if err != nil {
		return nil, err
	}
	order := ep.litSignerSet(requestID, tokenID, hash)
	in := signInput{hash: hash, pkp: ref, requestID: requestID, address: auth.Address}
	if !slices.Contains(order, ep.self) {
		// Not a signer of this request: refuse what a signer would refuse, else an empty share.
		pkp, err := ep.resolvePKP(r.Context(), ref)
		if err != nil {
			return nil, err
		}
		if err := l.pkp.checkPermission(r.Context(), pkp, in); err != nil {
			return nil, err
		}
		return &api.LitPKPSignResponse{Success: true, SignedData: hash[:]}, nil
	}
	for _, idx := range order {
		in.nodeSet = append(in.nodeSet, ep.peers[idx].String())
	}
	s, err := l.pkp.signShare(r.Context(), in)
	if err != nil {
		return nil, err
	}
	add, err := ecdsa.Additive(s.pub, s.pkp.pub, s.req, s.share)
	if err != nil {
		l.log.Error("additive form of a signature share", "request_id", requestID, "error", err)
		return nil, api.Errorf(api.KindInternal, "could not shape the signature share")
	}
	return &api.LitPKPSignResponse{
		Success:    true,
		SignedData: hash[:],
		SignatureShare: api.LitECDSAShare{
			Digest:         hex.EncodeToString(hash[:]),
			Result:         "success",
			ShareIndex:     add.Index,
			SignatureShare: hex.EncodeToString(add.S[:]),
			BigR:           hex.EncodeToString(add.R.SerializeCompressed()),
			PublicKey:      hex.EncodeToString(s.pkp.pub.SerializeUncompressed()),
			SigType:        api.LitSigTypeK256,
		},
	}, nil
}
