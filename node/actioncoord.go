package node

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/drand/kyber/share"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/runtime"
)

// The cross-node functions of Lit.Actions, over the execution's channel (actionexec.go).

func (h *actionHost) channel() (*actionExec, error) {
	if h.exec == nil {
		return nil, errors.New("this action runs as an access-control condition: it has no other nodes to work with")
	}
	return h.exec, h.exec.err
}

// Coordinate is runOnce's steps and broadcastAndCollect.
func (h *actionHost) Coordinate(ctx context.Context, req runtime.CoordinateRequest) (runtime.CoordinateResult, error) {
	ex, err := h.channel()
	if err != nil {
		return runtime.CoordinateResult{}, err
	}
	switch req.Op {
	case runtime.CoordIsLeader:
		return runtime.CoordinateResult{Leader: ex.self == ex.leader}, nil
	case runtime.CoordBroadcast:
		if ex.self != ex.leader {
			return runtime.CoordinateResult{}, errors.New("only the execution's leader hands out a runOnce result")
		}
		seq := ex.use(actKindRunOnce, req.Name)
		err := ex.send(ctx, ex.others(), actMsg{kind: actKindRunOnce, name: req.Name, seq: seq, value: []byte(req.Value)})
		if err != nil {
			// The others that got it go on; the ones that did not will say so.
			h.svc.log.Debug("runOnce result not delivered to every node", "session", ex.sid, "error", err)
		}
		return runtime.CoordinateResult{}, nil
	case runtime.CoordCollectFromLeader:
		seq := ex.use(actKindRunOnce, req.Name)
		got, err := ex.collect(ctx, actKey{actKindRunOnce, req.Name, seq}, []int{ex.leader}, nil)
		if err != nil {
			return runtime.CoordinateResult{}, err
		}
		return runtime.CoordinateResult{Value: string(got[ex.leader].value)}, nil
	case runtime.CoordBroadcastAndCollect:
		seq := ex.use(actKindBroadcast, req.Name)
		m := actMsg{kind: actKindBroadcast, name: req.Name, seq: seq, value: []byte(req.Value)}
		if err := ex.send(ctx, ex.others(), m); err != nil {
			h.svc.log.Debug("broadcastAndCollect value not delivered to every node", "session", ex.sid, "error", err)
		}
		got, err := ex.collect(ctx, actKey{actKindBroadcast, req.Name, seq}, ex.others(), nil)
		if err != nil {
			return runtime.CoordinateResult{}, err
		}
		// Every node's value, in the members' order: the same list at every node.
		values := make([]string, len(ex.members))
		for i := range ex.members {
			if i == ex.self {
				values[i] = req.Value
			} else {
				values[i] = string(got[i].value)
			}
		}
		return runtime.CoordinateResult{Values: values}, nil
	}
	return runtime.CoordinateResult{}, fmt.Errorf("unknown coordination %q", req.Op)
}

// errConditionsFailed is Lit's refusal of a decryption from an action.
const errConditionsFailed = "Access control conditions check failed.  Check that you are allowed to decrypt this item."

// Decrypt is decryptAndCombine and decryptToSingleNode. Each node checks the conditions itself
// for the authSig the action passed (or the request's); only if they hold does it make its
// decryption share and send it to the other nodes of the execution (all of them, or the leader
// only for decryptToSingleNode) — shares never leave the nodes. A node combines a threshold of
// shares it verified against the network key and decrypts.
//
//nolint:funlen,gocognit // the cross-node decryption's steps in order (node/action*.go is being reworked)
func (h *actionHost) Decrypt(ctx context.Context, req runtime.DecryptRequest) (string, error) {
	ex, err := h.channel()
	if err != nil {
		return "", err
	}
	conds, err := access.ParseDocument(req.Conditions, access.WithChains(h.svc.cfg.chainNames...))
	if err != nil {
		return "", err
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(req.Ciphertext))
	if err != nil {
		return "", fmt.Errorf("ciphertext: not base64: %w", err)
	}
	ct, err := bls.ParseCiphertext(raw)
	if err != nil {
		return "", fmt.Errorf("ciphertext: %w", err)
	}
	dataHash, err := parseDataHash(req.DataToEncryptHash)
	if err != nil {
		return "", err
	}
	if dataHash != ct.DataHash {
		return "", errors.New("dataToEncryptHash is not the hash the ciphertext was made for")
	}
	keys := ex.keys
	sum := sha256.Sum256(raw)
	name := hex.EncodeToString(sum[:16])
	seq := ex.use(actKindDecrypt, name)
	to := ex.others()
	if req.Single && ex.self != ex.leader {
		to = []int{ex.leader}
	}

	subject, err := h.conditionSubject(ctx, req.AuthSig, req.Action.IPFSID)
	if err == nil {
		err = h.svc.conditions.Check(ctx, conds, subject)
	}
	var notMet *access.NotMetError
	if err != nil {
		// Tell the others, so they need not wait for this node's share.
		reason := errConditionsFailed
		if !errors.As(err, &notMet) {
			reason = "this node could not check the conditions: " + err.Error()
		}
		_ = ex.send(ctx, to, actMsg{kind: actKindDecrypt, name: name, seq: seq, refused: true, value: []byte(reason)})
		if errors.As(err, &notMet) {
			return "", errors.New(errConditionsFailed) //nolint:staticcheck // Lit's text, which clients match
		}
		return "", err
	}
	id := bls.Identity(conds.Hash(), ct.DataHash)
	partial, err := bls.PartialSign(keys.BLS.Share, id)
	if err != nil {
		return "", fmt.Errorf("make this node's decryption share: %w", err)
	}
	if err := ex.send(ctx, to, actMsg{kind: actKindDecrypt, name: name, seq: seq, value: partial}); err != nil {
		h.svc.log.Debug("decryption share not delivered to every node", "session", ex.sid, "error", err)
	}
	if req.Single && ex.self != ex.leader {
		return "", nil // as Lit: only the leader decrypts
	}

	threshold := keys.BLS.Threshold()
	sk := bls.NewShareKeys(share.NewPubPoly(bls.KeyGroup(), nil, keys.BLS.Commits))
	var (
		key    []byte
		tried  int
		reason string
	)
	enough := func(got map[int]actMsg) bool {
		partials := [][]byte{partial}
		refused := 0
		for _, m := range got {
			if m.refused {
				refused++
				reason = string(m.value)
				continue
			}
			partials = append(partials, m.value)
		}
		if len(ex.members)-refused < threshold {
			return true // not enough nodes will ever send shares
		}
		if len(partials) < threshold || len(partials) == tried {
			return false
		}
		tried = len(partials)
		if sig, _, err := sk.Combine(id, partials, threshold); err == nil {
			key = sig
			return true
		}
		return false
	}
	got, err := ex.collect(ctx, actKey{actKindDecrypt, name, seq}, ex.others(), enough)
	if key == nil {
		enough(got) // every member answered: one last try with all of them
	}
	if key == nil {
		switch {
		case reason == errConditionsFailed:
			return "", errors.New(errConditionsFailed) //nolint:staticcheck // Lit's text, which clients match
		case err != nil:
			return "", fmt.Errorf("not enough decryption shares (need %d): %w", threshold, err)
		case reason != "":
			return "", fmt.Errorf("not enough decryption shares (need %d): %s", threshold, reason)
		}
		return "", fmt.Errorf("not enough valid decryption shares (need %d)", threshold)
	}
	plain, err := bls.Decrypt(key, conds.Hash(), ct)
	if err != nil {
		return "", fmt.Errorf("Failed to decrypt and combine: %w", err) //nolint:staticcheck // Lit's text
	}
	if !utf8.Valid(plain) {
		return "", errors.New("Failed to convert decrypted bytes to string.") //nolint:staticcheck // Lit's text
	}
	return string(plain), nil
}

// combineECDSA is the exchange and combination of signAndCombineEcdsa and signAndCombine: this
// node's share (already made, through PKPSignForAction like a signEcdsa) goes to the other
// nodes of the execution, theirs come here, and this node combines t+1 of them that agree on
// the presignature, checking each, into the PKP's signature. It returns Lit's JSON
// {r, s, v} string: r the signature's R point, compressed, hex (as Lit's Datil network gives
// it; guides take r.substring(2)), s hex, v the recovery id 0 or 1.
func (h *actionHost) combineECDSA(ctx context.Context, req runtime.SignRequest, pkp chain.PKP, signers []string, mine *api.PKPSignShare) (string, error) {
	ex, err := h.channel()
	if err != nil {
		return "", err
	}
	pub, err := parsePKPKey(hex.EncodeToString(pkp.PublicKey))
	if err != nil {
		return "", err
	}
	sig, err := h.exchangeAndCombine(ctx, ex, actKindSign, req.SigName, uint32(req.Seq), pub, ecdsa.KeyID(pkp.KeyID), req.ToSign, signers, mine)
	if err != nil {
		return "", err
	}
	rPoint := fmt.Sprintf("%02x%x", 2+sig.V&1, sig.R)
	out, err := json.Marshal(struct {
		R string `json:"r"`
		S string `json:"s"`
		V int    `json:"v"`
	}{rPoint, hex.EncodeToString(sig.S[:]), int(sig.V & 1)})
	return string(out), err
}

// signAsAction signs with the action's own key (actionKeyID of the running action's CID):
// every node makes its share through PKPSignForAction with the derived key, the nodes exchange
// and combine them, and the action gets Lit's SignedDataOutput JSON.
func (h *actionHost) signAsAction(ctx context.Context, req runtime.SignRequest) (runtime.SignResult, error) {
	ex, err := h.channel()
	if err != nil {
		return runtime.SignResult{}, err
	}
	if len(req.ToSign) != 32 {
		return runtime.SignResult{}, errors.New("Message length to be signed is not 32 bytes.  Please hash it before sending it to the node to sign.  You can use SHA256 or Keccak256 for example") //nolint:staticcheck // Lit's text
	}
	pub, err := h.svc.actionPublicKey(req.Action.IPFSID)
	if err != nil {
		return runtime.SignResult{}, err
	}
	keyID := actionKeyID(req.Action.IPFSID)
	requestID := signingRequestID(h.execID, "asAction/"+req.Action.IPFSID, req.SigName, req.Seq)
	set, member, err := h.signers(requestID)
	if err != nil {
		return runtime.SignResult{}, err
	}
	var share *api.PKPSignShare
	if member {
		share, err = h.svc.signECDSA(ctx, PKPActionSign{
			ToSign:    req.ToSign,
			PKP:       "0x" + hex.EncodeToString(pub.SerializeUncompressed()),
			RequestID: requestID,
			NodeSet:   set,
			KeyID:     &keyID,
		})
		if err != nil {
			return runtime.SignResult{}, err
		}
	}
	sig, err := h.exchangeAndCombine(ctx, ex, actKindActionSig, req.Action.IPFSID+"/"+req.SigName, uint32(req.Seq), pub, ecdsa.KeyID(keyID), req.ToSign, set, share)
	if err != nil {
		return runtime.SignResult{}, err
	}
	rec := int(sig.V & 1)
	out, err := json.Marshal(actionSignOutput{
		Signature:    hex.EncodeToString(sig.R[:]) + hex.EncodeToString(sig.S[:]),
		VerifyingKey: hex.EncodeToString(pub.SerializeCompressed()),
		SignedData:   hex.EncodeToString(req.ToSign),
		RecoveryID:   &rec,
	})
	return runtime.SignResult{Combined: string(out)}, err
}

// maxShareJSON bounds a signature share another node sends.
const maxShareJSON = 64 << 10

// exchangeAndCombine sends this node's signature share to the other nodes of the execution and
// combines what arrives: the shares are grouped by the presignature and ρ they used, and as soon
// as a group has t+1 members the combination is tried (ecdsa.Combine checks every share and
// leaves out bad ones); the signature must recover the key.
//
//nolint:funlen,gocognit // exchanges shares and combines as soon as t+1 agree; the loop's state is the groups (node/action*.go is being reworked)
func (h *actionHost) exchangeAndCombine(ctx context.Context, ex *actionExec, kind byte, name string, seq uint32, pub *secp256k1.PublicKey, keyID ecdsa.KeyID, hash []byte, signers []string, mine *api.PKPSignShare) (*ecdsa.Signature, error) {
	var from []int
	for i, p := range ex.members {
		if i != ex.self && slices.Contains(signers, p.String()) {
			from = append(from, i)
		}
	}
	// This node's share, if it is one of the signers, goes to every other node of the
	// execution; a node that is not a signer sends nothing and combines the signers' shares.
	if mine != nil {
		raw, err := json.Marshal(mine)
		if err != nil {
			return nil, err
		}
		if err := ex.send(ctx, ex.others(), actMsg{kind: kind, name: name, seq: seq, value: raw}); err != nil {
			h.svc.log.Debug("signature share not delivered to every node", "session", ex.sid, "error", err)
		}
	}
	tweak, err := ecdsa.Epsilon(keyID)
	if err != nil {
		return nil, err
	}
	if len(hash) != 32 {
		return nil, errors.New("the signed hash is not 32 bytes")
	}
	dataSigned := "0x" + hex.EncodeToString(hash)
	pubHex := "0x" + hex.EncodeToString(pub.SerializeUncompressed())
	t := ECDSADegree(len(ex.keys.Members))
	var (
		sig   *ecdsa.Signature
		tried = map[string]int{}
		last  error
	)
	attempt := func(got map[int]actMsg) bool {
		var shares []*api.PKPSignShare
		if mine != nil {
			shares = append(shares, mine)
		}
		for _, m := range got {
			var s api.PKPSignShare
			if m.refused || len(m.value) > maxShareJSON || json.Unmarshal(m.value, &s) != nil {
				continue
			}
			if !strings.EqualFold(s.DataSigned, dataSigned) || !strings.EqualFold(s.PublicKey, pubHex) {
				continue
			}
			shares = append(shares, &s)
		}
		groups := map[string][]*api.PKPSignShare{}
		for _, s := range shares {
			k := s.PresignatureID + "/" + s.Rho
			groups[k] = append(groups[k], s)
		}
		for k, g := range groups {
			if len(g) < t+1 || tried[k] == len(g) {
				continue
			}
			tried[k] = len(g)
			if sig, last = combineShares(g, pub, tweak, [32]byte(hash)); last == nil {
				return true
			}
		}
		return false
	}
	got, err := ex.collect(ctx, actKey{kind, name, seq}, from, attempt)
	if sig == nil {
		attempt(got)
	}
	if sig != nil {
		return sig, nil
	}
	if last == nil {
		last = fmt.Errorf("fewer than %d shares agree on a presignature", t+1)
	}
	if err != nil {
		return nil, fmt.Errorf("combine the signature: %w (%w)", last, err)
	}
	return nil, fmt.Errorf("combine the signature: %w", last)
}

// combineShares combines one group of shares (same presignature and ρ) with each signer's
// public presignature in turn until one is consistent, and checks the signature recovers the
// key.
func combineShares(group []*api.PKPSignShare, pub *secp256k1.PublicKey, tweak *secp256k1.ModNScalar, hash [32]byte) (*ecdsa.Signature, error) {
	rho, err := hex.DecodeString(group[0].Rho)
	if err != nil || len(rho) != 32 {
		return nil, errors.New("bad ρ")
	}
	var shares []*ecdsa.SignatureShare
	for _, s := range group {
		b, err := hex.DecodeString(s.SignatureShare)
		if err != nil {
			continue
		}
		if sh, err := ecdsa.UnmarshalSignatureShare(b); err == nil {
			shares = append(shares, sh)
		}
	}
	var presigs []string
	for _, s := range group {
		if !slices.Contains(presigs, s.Presignature) {
			presigs = append(presigs, s.Presignature)
		}
	}
	last := ecdsa.ErrNotEnoughShares
	for _, enc := range presigs {
		b, err := hex.DecodeString(enc)
		if err != nil {
			continue
		}
		pp, err := ecdsa.UnmarshalPublicPresignature(b)
		if err != nil || pp.ID().String() != group[0].PresignatureID {
			continue
		}
		sig, err := ecdsa.Combine(pp, pub, ecdsa.SignRequest{Tweak: tweak, Hash: hash, Rho: [32]byte(rho)}, shares)
		if err != nil {
			last = err
			continue
		}
		full := sig.Bytes()
		rec, err := crypto.Ecrecover(hash[:], full[:])
		if err != nil || !bytes.Equal(rec, pub.SerializeUncompressed()) {
			last = errors.New("the combined signature does not recover the key")
			continue
		}
		return sig, nil
	}
	return nil, last
}
