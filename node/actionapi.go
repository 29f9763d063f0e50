package node

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/ipfs"
	"github.com/litmesh/litmesh/mpc/bls"
	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/runtime"
)

// The node's side of the Lit.Actions functions that need no other node: signing shares,
// permission and chain reads, encrypt, claimKey, the action's own key, child actions. The
// cross-node ones are in actioncoord.go.

// signingRequestID names one signature of an execution identically at every node: the
// execution's id, the sigName and how often the sigName was used before (a repeated sigName
// replaces the earlier signature, as on Lit, so each use needs its own request id). It is
// hashed to fit the PKP request id's alphabet and length whatever the sigName holds.
func signingRequestID(execID, kind, sigName string, seq int) string {
	h := sha256.New()
	fmt.Fprintf(h, "litmesh/action/sign/v1\x00%s\x00%s\x00%s\x00%d", execID, kind, sigName, seq)
	return "act-" + hex.EncodeToString(h.Sum(nil)[:24])
}

// signers picks the signer set of one signature made from an action: 2t+1 of the execution's
// nodes, the same at every node, and this node's place in it. A signature needs only 2t+1
// signers (t+1 shares combine), and the sets the nodes keep presignatures ready for are the
// windows of 2t+1 consecutive members in peer ID order (docs/pkp.md); so the signers are such
// a window lying inside the node set, picked by the signature's request id to spread the work
// over the windows' coordinators. The other nodes of the execution make no share, as on Lit's
// Datil network (its DeterministicSubset). Without such a window the whole node set signs.
func (h *actionHost) signers(requestID string) (set []string, member bool, err error) {
	ex, err := h.channel()
	if err != nil {
		return nil, false, err
	}
	size := ex.keys.ECDSASigners()
	if h.litSDK {
		size = max(size, chain.Threshold(len(ex.keys.Members))) // Lit's SDK needs minNodeCount (T) shares
	}
	return h.signersOf(ex, requestID, size)
}

// signersOf picks a window of size consecutive members of the ring inside the execution's
// node set, as signers does (FROST's sets are windows of T).
func (h *actionHost) signersOf(ex *actionExec, requestID string, size int) (set []string, member bool, err error) {
	all := make([]string, len(ex.members))
	for i, p := range ex.members {
		all[i] = p.String()
	}
	ring := make([]string, 0, len(ex.keys.Members))
	for _, m := range ex.keys.Members {
		ring = append(ring, m.PeerID)
	}
	slices.Sort(ring)
	var windows [][]string
	for r := 0; r < len(ring) && size <= len(ring); r++ {
		w := make([]string, size)
		for j := range w {
			w[j] = ring[(r+j)%len(ring)]
		}
		if !slices.ContainsFunc(w, func(p string) bool { return !slices.Contains(all, p) }) {
			windows = append(windows, w)
		}
	}
	if len(windows) == 0 {
		return all, true, nil
	}
	sum := sha256.Sum256([]byte(requestID))
	w := windows[int(binary.BigEndian.Uint32(sum[:4])%uint32(len(windows)))]
	return w, slices.Contains(w, h.svc.self.String()), nil
}

// Sign is every signing function of Lit.Actions. The permission rule (actionMaySign) is checked
// here, before anything else; PKPSignForAction checks the same principal again and agrees on the
// presignature with the signer set.
func (h *actionHost) Sign(ctx context.Context, req runtime.SignRequest) (runtime.SignResult, error) {
	if h.condition {
		return runtime.SignResult{}, errors.New("an access-control condition cannot sign")
	}
	if req.Scheme != runtime.SchemeEcdsaK256 {
		return h.signScheme(ctx, req) // actionsign.go
	}
	if req.Mode == runtime.SignAsAction {
		return h.signAsAction(ctx, req)
	}
	t := time.Now()
	if !h.started.IsZero() {
		t = h.started
		h.svc.phase("before_sign", &t) // the worker's time up to this call: queue, set-up, the script
	}
	var authAddr common.Address
	if h.auth != nil {
		authAddr = h.auth.Address
	}
	var perms pkpPermissions
	if h.svc.chain != nil {
		perms = h.svc.chain
	}
	who, err := actionMaySign(ctx, perms, req.PublicKey, req.Action.Stack, authAddr, req.Scope)
	if err != nil {
		return runtime.SignResult{}, h.logChainError(err)
	}
	h.svc.phase("sign_permission", &t)
	requestID := signingRequestID(h.execID, string(req.Mode), req.SigName, req.Seq)
	set, member, err := h.signers(requestID)
	if err != nil {
		return runtime.SignResult{}, err
	}
	var share *api.PKPSignShare
	if member {
		share, err = h.svc.signECDSA(ctx, PKPActionSign{
			ToSign:    req.ToSign,
			PKP:       "0x" + hex.EncodeToString(who.pkp.PublicKey),
			RequestID: requestID,
			NodeSet:   set,
			ActionCID: who.actionCID,
			Address:   who.address,
		})
		if err != nil {
			return runtime.SignResult{}, err
		}
		h.svc.phase("sign_share", &t)
	}
	if req.Mode == runtime.SignShare {
		if share == nil {
			return runtime.SignResult{}, nil
		}
		raw, err := json.Marshal(share)
		return runtime.SignResult{Share: raw}, err
	}
	combined, err := h.combineECDSA(ctx, req, who.pkp, set, share)
	return runtime.SignResult{Combined: combined}, err
}

// actionKeyID is the key id of a Lit Action's own key: keccak256("lit_action_" + CID), Lit's
// definition (lit-sdk get_lit_action_public_key). The key is derived from the network's ECDSA
// root key by this id exactly as a PKP's key is from its key id (mpc/ecdsa.DerivePublic), so
// every node derives the same public key and its share of the private key, and no chain record
// is needed; the CID is the string the action names (canonical CIDv0 "Qm…" for pinned code).
func actionKeyID(cid string) [32]byte {
	return [32]byte(crypto.Keccak256([]byte("lit_action_" + cid)))
}

// actionPublicKey derives an action's own public key from the epoch's ECDSA root.
func (s *actionService) actionPublicKey(cid string) (*secp256k1.PublicKey, error) {
	keys, err := s.keys.Current()
	if err != nil {
		return nil, err
	}
	rootRaw, err := keys.Secp.PublicKey().MarshalBinary()
	if err != nil {
		return nil, err
	}
	root, err := parsePKPKey(hex.EncodeToString(rootRaw))
	if err != nil {
		return nil, fmt.Errorf("the network's ECDSA root key: %w", err)
	}
	pub, err := ecdsa.DerivePublic(root, ecdsa.KeyID(actionKeyID(cid)))
	if err != nil {
		return nil, fmt.Errorf("derive the key of action %s: %w", clipArg(cid), err)
	}
	return pub, nil
}

// ActionKey is getActionPublicKey (the action's key, compressed, hex, as Lit returns it) and
// verifyActionSignature (whether signOutput, signAsAction's result, is that key's signature of
// toSign).
func (h *actionHost) ActionKey(_ context.Context, req runtime.ActionKeyRequest) (json.RawMessage, error) {
	if req.Scheme != runtime.SchemeEcdsaK256 {
		return nil, fmt.Errorf("signing scheme %s is not supported by this node yet: action keys are secp256k1 ECDSA keys (EcdsaK256Sha256)", req.Scheme)
	}
	pub, err := h.svc.actionPublicKey(req.IPFSID)
	if err != nil {
		return nil, err
	}
	compressed := hex.EncodeToString(pub.SerializeCompressed())
	if !req.Verify {
		return json.Marshal(compressed)
	}
	var out actionSignOutput
	if err := json.Unmarshal([]byte(req.SignOutput), &out); err != nil {
		return json.Marshal(false)
	}
	return json.Marshal(out.verifies(compressed, req.ToSign))
}

// actionSignOutput is signAsAction's result, Lit's SignedDataOutput: the signature r ‖ s, the
// verifying key (compressed), the signed data and the recovery id, hex without 0x.
type actionSignOutput struct {
	Signature    string `json:"signature"`
	VerifyingKey string `json:"verifying_key"`
	SignedData   string `json:"signed_data"`
	RecoveryID   *int   `json:"recovery_id"`
}

// verifies reports whether the output is key's signature of toSign (not only of some data:
// the signed data must be toSign).
func (o actionSignOutput) verifies(key string, toSign []byte) bool {
	if !strings.EqualFold(strings.TrimPrefix(o.VerifyingKey, "0x"), key) {
		return false
	}
	data, err := hex.DecodeString(strings.TrimPrefix(o.SignedData, "0x"))
	if err != nil || len(data) != 32 || string(data) != string(toSign) {
		return false
	}
	sig, err := hex.DecodeString(strings.TrimPrefix(o.Signature, "0x"))
	if err != nil || len(sig) != 64 {
		return false
	}
	pub, err := hex.DecodeString(key)
	if err != nil {
		return false
	}
	return crypto.VerifySignature(pub, data, sig)
}

// Permissions reads a PKP's permissions from the PKPPermissions contract, in the shapes Lit's
// functions return.
//
//nolint:funlen,gocognit // one case per permission kind Lit's functions return (node/action*.go is being reworked for performance)
func (h *actionHost) Permissions(ctx context.Context, req runtime.PermissionsRequest) (json.RawMessage, error) {
	if h.svc.chain == nil {
		return nil, errNoChain
	}
	id, err := parseTokenID(req.TokenID)
	if err != nil {
		return nil, err
	}
	c := h.svc.chain
	read := func(what string, f func() (any, error)) (json.RawMessage, error) {
		v, err := f()
		if err != nil {
			return nil, h.logChainError(&chainReadError{what: fmt.Sprintf("read %s of PKP %s", what, id), cause: err})
		}
		return json.Marshal(v)
	}
	switch req.Method {
	case "isPermittedAction":
		key, err := canonicalCID(req.Arg)
		if err != nil {
			return nil, err
		}
		return read("the permitted actions", func() (any, error) {
			ok, err := c.IsPermittedAction(ctx, id, key)
			if err == nil && !ok && c.Refresh(ctx) == nil {
				ok, err = c.IsPermittedAction(ctx, id, key) // granted a moment ago?
			}
			return ok, err
		})
	case "isPermittedAddress":
		if !common.IsHexAddress(req.Arg) {
			return nil, fmt.Errorf("address %q: want a 0x-prefixed 20-byte hex address", clipArg(req.Arg))
		}
		return read("the permitted addresses", func() (any, error) { return c.IsPermittedAddress(ctx, id, common.HexToAddress(req.Arg)) })
	case "isPermittedAuthMethod":
		typ, err := parseTokenID(req.AuthMethodType)
		if err != nil || !typ.IsUint64() {
			return nil, fmt.Errorf("authMethodType %q: want a small integer", clipArg(req.AuthMethodType))
		}
		return read("the permitted auth methods", func() (any, error) { return c.IsPermittedAuthMethod(ctx, id, typ.Uint64(), req.UserID) })
	}
	perms, err := c.Permissions(ctx, id)
	if err != nil {
		return nil, h.logChainError(&chainReadError{what: fmt.Sprintf("read the permissions of PKP %s", id), cause: err})
	}
	switch req.Method {
	case "getPermittedActions":
		out := []string{}
		for _, a := range perms.Actions {
			s, err := chain.CIDString(a)
			if err != nil {
				s = "0x" + hex.EncodeToString(a)
			}
			out = append(out, s)
		}
		return json.Marshal(out)
	case "getPermittedAddresses":
		out := []string{}
		for _, a := range perms.Addresses {
			out = append(out, "0x"+hex.EncodeToString(a[:]))
		}
		return json.Marshal(out)
	case "getPermittedAuthMethods":
		type authMethod struct {
			Type       string `json:"auth_method_type"`
			ID         string `json:"id"`
			UserPubkey string `json:"user_pubkey"`
		}
		out := []authMethod{}
		for _, m := range perms.AuthMethods {
			out = append(out, authMethod{Type: fmt.Sprintf("0x%x", m.Type), ID: "0x" + hex.EncodeToString(m.ID), UserPubkey: "0x"})
		}
		return json.Marshal(out)
	case "getPermittedAuthMethodScopes":
		typ, err := parseTokenID(req.AuthMethodType)
		if err != nil || !typ.IsUint64() {
			return nil, fmt.Errorf("authMethodType %q: want a small integer", clipArg(req.AuthMethodType))
		}
		scopes := make([]bool, req.MaxScopeID)
		for _, m := range perms.AuthMethods {
			if m.Type != typ.Uint64() || string(m.ID) != string(req.UserID) {
				continue
			}
			for _, s := range m.Scopes {
				if s < uint64(len(scopes)) {
					scopes[s] = true
				}
			}
		}
		return json.Marshal(scopes)
	}
	return nil, fmt.Errorf("unknown permissions method %q", req.Method)
}

// Chain is callContract (an eth_call of the unsigned transaction, Lit's way: a gas limit of 10
// million when the transaction gives none) and getLatestNonce, on the node's RPC client for
// the chain.
func (h *actionHost) Chain(ctx context.Context, req runtime.ChainRequest) (string, error) {
	ec, ok := h.svc.chains[req.Chain]
	if !ok {
		return "", fmt.Errorf("this node has no RPC client for chain %q (it has: %s)", clipArg(req.Chain), strings.Join(h.svc.actionChainNames(), ", "))
	}
	if req.Txn == nil {
		n, err := ec.NonceAt(ctx, common.HexToAddress(req.Address), nil)
		if err != nil {
			return "", h.logChainError(&chainReadError{what: "read the nonce of " + req.Address + " on " + req.Chain, cause: err})
		}
		return fmt.Sprintf("0x%x", n), nil
	}
	msg, err := decodeUnsignedTx(req.Txn)
	if err != nil {
		return "", err
	}
	out, err := ec.CallContract(ctx, msg, nil)
	if err != nil {
		var de rpcDataError
		if errors.As(err, &de) {
			return "", fmt.Errorf("the call reverted: %w", err)
		}
		return "", h.logChainError(&chainReadError{what: "call a contract on " + req.Chain, cause: err})
	}
	return "0x" + hex.EncodeToString(out), nil
}

// rpcDataError is what go-ethereum's RPC errors carrying revert data implement.
type rpcDataError interface {
	ErrorData() any
}

// decodeUnsignedTx reads an RLP-encoded unsigned transaction, as ethers'
// serializeTransaction writes it: legacy [nonce, gasPrice, gas, to, value, data, …] or typed
// (0x01, 0x02: chainId first, then the type's fields).
func decodeUnsignedTx(raw []byte) (ethereum.CallMsg, error) {
	var msg ethereum.CallMsg
	if len(raw) == 0 {
		return msg, errors.New("txn is empty")
	}
	var fields []rlp.RawValue
	to, value, data, gas := 3, 4, 5, 2
	switch {
	case raw[0] >= 0xc0:
		if err := rlp.DecodeBytes(raw, &fields); err != nil {
			return msg, fmt.Errorf("txn: not an RLP transaction: %w", err)
		}
	case raw[0] == 1 || raw[0] == 2:
		if err := rlp.DecodeBytes(raw[1:], &fields); err != nil {
			return msg, fmt.Errorf("txn: not an RLP transaction: %w", err)
		}
		to, value, data, gas = 4, 5, 6, 3
		if raw[0] == 2 {
			to, value, data, gas = 5, 6, 7, 4
		}
	default:
		return msg, fmt.Errorf("txn: unknown transaction type %d", raw[0])
	}
	if len(fields) <= data {
		return msg, fmt.Errorf("txn: %d fields, want at least %d", len(fields), data+1)
	}
	var toBytes, dataBytes []byte
	var v, g big.Int
	if err := rlp.DecodeBytes(fields[to], &toBytes); err != nil || (len(toBytes) != 0 && len(toBytes) != 20) {
		return msg, errors.New("txn: bad to address")
	}
	if err := rlp.DecodeBytes(fields[value], &v); err != nil {
		return msg, errors.New("txn: bad value")
	}
	if err := rlp.DecodeBytes(fields[data], &dataBytes); err != nil {
		return msg, errors.New("txn: bad data")
	}
	if err := rlp.DecodeBytes(fields[gas], &g); err != nil || !g.IsUint64() {
		return msg, errors.New("txn: bad gas limit")
	}
	if len(toBytes) == 20 {
		a := common.BytesToAddress(toBytes)
		msg.To = &a
	}
	msg.Value, msg.Data, msg.Gas = &v, dataBytes, g.Uint64()
	if msg.Gas == 0 {
		msg.Gas = 10_000_000
	}
	return msg, nil
}

// Encrypt is Lit.Actions.encrypt: the same encryption as the client's (mpc/bls, the .lit
// ciphertext), to the network's BLS key under the conditions' identity. The ciphertext is
// base64, the data hash hex, as Lit returns them; decryptAndCombine and `lit decrypt` (with
// the same conditions) open it.
func (h *actionHost) Encrypt(_ context.Context, req runtime.EncryptRequest) (runtime.EncryptResult, error) {
	conds, err := access.ParseDocument(req.Conditions, access.WithChains(h.svc.cfg.chainNames...))
	if err != nil {
		return runtime.EncryptResult{}, err
	}
	keys, err := h.svc.keys.Current()
	if err != nil {
		return runtime.EncryptResult{}, err
	}
	ct, err := bls.Encrypt(keys.BLS.PublicKey(), conds.Hash(), req.Data)
	if err != nil {
		return runtime.EncryptResult{}, err
	}
	raw, err := ct.MarshalBinary()
	if err != nil {
		return runtime.EncryptResult{}, err
	}
	return runtime.EncryptResult{Ciphertext: base64.StdEncoding.EncodeToString(raw), DataToEncryptHash: hex.EncodeToString(ct.DataHash[:])}, nil
}

// ClaimKey is Lit.Actions.claimKey: the derived key id keccak256("<action CID>_<keyId>"), as Lit
// computes it, signed (EIP-191 personal message of the 32 bytes) with this node's operator
// key. The client collects one claim per node; a contract or relayer that trusts the network's
// operators can then register the key for the user.
func (h *actionHost) ClaimKey(_ context.Context, req runtime.ClaimRequest) (json.RawMessage, error) {
	if h.condition {
		return nil, errors.New("an access-control condition cannot claim keys")
	}
	id := crypto.Keccak256([]byte(req.Action.IPFSID + "_" + req.KeyID))
	sig, err := crypto.Sign(accounts.TextHash(id), h.svc.operator)
	if err != nil {
		return nil, fmt.Errorf("sign the claim: %w", err)
	}
	sig[64] += 27
	return json.Marshal(api.ClaimShare{
		Signature:    hex.EncodeToString(sig),
		DerivedKeyID: hex.EncodeToString(id),
		Signer:       h.svc.operatorAddress,
		PeerID:       h.svc.self.String(),
	})
}

// ChildCode fetches a child action's code for Lit.Actions.call through IPFS (the node's store,
// then its peers, then its gateways, every block re-hashed).
func (h *actionHost) ChildCode(ctx context.Context, ipfsID string, maxCode int) (string, error) {
	c, err := ipfs.ParseCID(ipfsID)
	if err != nil {
		return "", fmt.Errorf("ipfsId: %w", err)
	}
	code, err := h.svc.code.Cat(ctx, c, int64(maxCode))
	if err != nil {
		return "", actionCodeError(c, err)
	}
	return string(code), nil
}

// addActionChain keeps an RPC client per chain the node reads (its own and the chains
// setting) for callContract and getLatestNonce.
func (n *Node) addActionChain(name string, ec *ethclient.Client) {
	if n.actionChains == nil {
		n.actionChains = map[string]*ethclient.Client{}
	}
	n.actionChains[name] = ec
}
