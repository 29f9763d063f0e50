package node

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/bls"
)

// encryptionService releases decryption shares (POST /web/encryption/sign and Lit's variant,
// litapi.go). It holds only what it uses: the keyring's shares, the access-condition
// evaluator, the authSig check, the per-address rate limit and the names of the chains the
// node reads. wireEncryption fills it from the node.
type encryptionService struct {
	log          *slog.Logger
	keys         epochKeySource
	conditions   conditionChecker
	authenticate func(ctx context.Context, raw json.RawMessage, req access.ResourceAbility) (*access.Auth, error)
	allowAddress func(addr fmt.Stringer) error
	chains       []string // configured chain names besides the built-in ones (configuredChains)
}

// epochKeySource gives the key shares of the serving epoch or of a named one (the keyring).
type epochKeySource interface {
	Current() (*EpochKeys, error)
	ForEpoch(e uint64) (*EpochKeys, bool)
}

// conditionChecker evaluates access conditions for a subject (access.Evaluator).
type conditionChecker interface {
	Check(ctx context.Context, c *access.Conditions, s access.Subject) error
}

// wireEncryption gives the encryption service what it uses of the node; call it after
// startAccess (the evaluator).
func wireEncryption(n *Node) *encryptionService {
	return &encryptionService{
		log: n.log, keys: n.keys, conditions: n.evaluator, authenticate: n.authenticate,
		allowAddress: n.allowAddress, chains: configuredChains(n.cfg),
	}
}

// handleSign releases this node's share of the decryption key of one identity: its BLS
// signature share over lit-accesscontrolcondition://<conditions hash>/<data hash>. It signs
// only after the requester's authSig verifies and the conditions hold for the address the
// authSig proves; every refusal says why and carries no share.
func (n *encryptionService) handleSign(w http.ResponseWriter, r *http.Request) {
	resp, err := n.sign(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func (n *encryptionService) sign(w http.ResponseWriter, r *http.Request) (*api.EncryptionSignResponse, error) {
	var body api.EncryptionSignRequest
	if err := decodeJSON(w, r, api.MaxEncryptionSignRequest, &body); err != nil {
		return nil, err
	}
	req, err := parseSignRequest(&body, n.chains)
	if err != nil {
		return nil, err
	}
	dataHash, conds := req.dataHash, req.conds
	auth, err := n.authenticate(r.Context(), body.AuthSig, access.DecryptionRequest(conds.LitHash(), dataHash))
	if err != nil {
		return nil, err
	}
	if err := n.allowAddress(auth.Address); err != nil {
		return nil, err
	}
	keys, err := keysForEpoch(n.keys, body.Epoch)
	if err != nil {
		return nil, err
	}
	if err := n.checkConditions(r.Context(), conds, auth); err != nil {
		return nil, err
	}
	id := bls.Identity(conds.Hash(), dataHash)
	partial, err := bls.PartialSign(keys.BLS.Share, id)
	if err != nil {
		n.log.Error("sign a decryption share", "epoch", keys.Epoch, "error", err)
		return nil, api.Errorf(api.KindInternal, "could not sign with this node's share")
	}
	root, err := keys.BLS.PublicKey().MarshalBinary()
	if err != nil {
		return nil, err
	}
	n.log.Debug("released a decryption share", "address", auth.Address.Hex(), "conditions_hash", conds.HashHex(),
		"data_hash", hex.EncodeToString(dataHash[:]), "epoch", keys.Epoch)
	return &api.EncryptionSignResponse{
		Result:         "success",
		SignatureShare: hex.EncodeToString(partial),
		ShareIndex:     keys.BLS.Share.I,
		CurveType:      "BLS",
		DataSigned:     string(id),
		BLSRootPubkey:  hex.EncodeToString(root),
		Epoch:          keys.Epoch,
	}, nil
}

// checkConditions evaluates a decryption request's conditions for the authenticated requester;
// the error says why they do not hold (or could not be read).
func (n *encryptionService) checkConditions(ctx context.Context, conds *access.Conditions, auth *access.Auth) error {
	err := n.conditions.Check(ctx, conds, auth.Subject())
	if err == nil {
		return nil
	}
	var notMet *access.NotMetError
	switch {
	case errors.As(err, &notMet):
		n.log.Debug("refused a decryption share: conditions not met", "address", auth.Address.Hex(),
			"conditions_hash", conds.HashHex(), "reason", notMet.Error())
	case errors.Is(ctx.Err(), context.Canceled):
		// The client had its threshold of shares from faster nodes and hung up: normal.
		n.log.Debug("the client went away while the conditions were read", "address", auth.Address.Hex(),
			"conditions_hash", conds.HashHex())
	case api.KindOf(err) != api.KindBadRequest:
		n.log.Warn("could not evaluate access conditions", "address", auth.Address.Hex(),
			"conditions_hash", conds.HashHex(), "error", err)
	}
	return err
}

// parseDataHash reads dataToEncryptHash: 32 bytes of hex, with or without 0x.
func parseDataHash(s string) ([32]byte, error) {
	var h [32]byte
	if s == "" {
		return h, api.Errorf(api.KindBadRequest, "dataToEncryptHash: missing")
	}
	raw, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil || len(raw) != len(h) {
		return h, api.Errorf(api.KindBadRequest, "dataToEncryptHash: want the SHA-256 of the data as 64 hex digits, got %q", clip(s))
	}
	copy(h[:], raw)
	return h, nil
}

// signRequest is a share request whose fields are well-formed; the authSig is not verified yet.
type signRequest struct {
	dataHash [32]byte
	conds    *access.Conditions
}

// parseSignRequest checks everything about a share request that needs no keys and no chain:
// the data hash, the request's chain (one of the built-in names or chains), the conditions,
// and the authSig's shape. A malformed authSig (not an object, unknown or missing fields) is
// a 400; whether it verifies (401) is for authenticate. opts add to how the conditions parse.
func parseSignRequest(req *api.EncryptionSignRequest, chains []string, opts ...access.Option) (*signRequest, error) {
	dataHash, err := parseDataHash(req.DataToEncryptHash)
	if err != nil {
		return nil, err
	}
	if req.Chain != "" && !knownChain(req.Chain, chains) {
		return nil, api.Errorf(api.KindBadRequest, "chain: unknown chain %q", clip(req.Chain))
	}
	conds, err := access.ParseRequest(req.AccessControlConditions, req.EVMContractConditions, req.UnifiedAccessControlConditions,
		append([]access.Option{access.WithChains(chains...)}, opts...)...)
	if err != nil {
		return nil, err
	}
	if len(req.AuthSig) > 0 && string(req.AuthSig) != "null" {
		if _, err := access.ParseAuthSig(req.AuthSig); err != nil {
			var e *api.Error
			if errors.As(err, &e) && e.Kind == api.KindUnauthorized {
				return nil, &api.Error{Kind: api.KindBadRequest, Message: e.Message}
			}
			return nil, err
		}
	}
	return &signRequest{dataHash: dataHash, conds: conds}, nil
}

// keysForEpoch returns the shares to sign with: those of the epoch the client asked for (the
// one its handshake reported), or of the current epoch.
func keysForEpoch(keys epochKeySource, epoch uint64) (*EpochKeys, error) {
	if epoch == 0 {
		return keys.Current()
	}
	if k, ok := keys.ForEpoch(epoch); ok {
		return k, nil
	}
	if cur, err := keys.Current(); err == nil {
		return nil, api.WrongEpoch(cur.Epoch, "epoch: this node holds no key shares for epoch %d (it serves epoch %d)", epoch, cur.Epoch)
	}
	return nil, api.WrongEpoch(0, "epoch: this node holds no key shares for epoch %d", epoch)
}

// configuredChains are the chain names this node reads besides the built-in ones: its own
// network's chain and the chains setting.
func configuredChains(cfg Config) []string {
	var names []string
	if cfg.ChainName != "" {
		names = append(names, cfg.ChainName)
	}
	if chains, err := ParseChains(cfg.Chains); err == nil {
		for name := range chains {
			names = append(names, name)
		}
	}
	return names
}

// knownChain reports whether conditions may name chain on this node: a built-in name or one
// of the node's configured chains.
func knownChain(name string, configured []string) bool {
	if _, ok := access.ChainID(name); ok {
		return true
	}
	return slices.Contains(configured, name)
}

// clip shortens user input quoted back in an error.
func clip(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	return s[:max] + "…"
}
