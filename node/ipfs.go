package node

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/ipfs"
)

func (n *Node) startIPFS() error {
	opts := []ipfs.Option{
		ipfs.WithPeerFilter(n.host.Gate.Trusted),
		ipfs.WithTimeout(n.cfg.IPFSTimeout.Duration),
		ipfs.WithLogger(n.log.With("component", "ipfs")),
		ipfs.WithQuotas(int64(n.cfg.IPFSQuotaMB)<<20, int64(n.cfg.IPFSStoreMB)<<20),
	}
	if len(n.cfg.IPFSPeers) > 0 {
		opts = append(opts, ipfs.WithIPFSPeers(n.cfg.IPFSPeers...))
	}
	if len(n.cfg.IPFSGateways) > 0 {
		opts = append(opts, ipfs.WithGateways(n.cfg.IPFSGateways...))
	}
	svc, err := ipfs.New(n.host, filepath.Join(n.cfg.Dir, "ipfs"), opts...)
	if err != nil {
		return err
	}
	n.ipfs = svc
	n.stops = append(n.stops, func(context.Context) error { return svc.Close() })
	return nil
}

// handleIPFSAdd stores the request body (a file of at most MaxActionCode bytes) as UnixFS with
// kubo's defaults, pinned for the authSig's address (Authorization header) within its quota,
// and returns its CID; peers can then fetch it over bitswap. The authSig is checked before the
// body is read.
func (n *Node) handleIPFSAdd(w http.ResponseWriter, r *http.Request) {
	auth, err := n.ipfsAuth(r, nil)
	if err != nil {
		writeError(w, err)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, api.MaxActionCode))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, api.Errorf(api.KindTooLarge, "file over %d bytes", api.MaxActionCode))
			return
		}
		writeError(w, api.Errorf(api.KindBadRequest, "read body: %v", err))
		return
	}
	c, err := n.ipfs.AddFor(r.Context(), bytes.NewReader(body), int64(len(body)), auth.Address.Hex())
	if err != nil {
		writeError(w, ipfsError(err))
		return
	}
	writeJSON(w, http.StatusOK, api.IPFSAddResponse{CID: c.String(), Size: len(body)})
}

// handleIPFSPin fetches a CID completely and keeps it for the authSig's address, within its
// quota (the fetch stops there).
func (n *Node) handleIPFSPin(w http.ResponseWriter, r *http.Request) {
	var req api.IPFSPinRequest
	if err := decodeJSON(w, r, 32<<10, &req); err != nil {
		writeError(w, err)
		return
	}
	auth, err := n.ipfsAuth(r, req.AuthSig)
	if err != nil {
		writeError(w, err)
		return
	}
	c, err := ipfs.ParseCID(req.CID)
	if err != nil {
		writeError(w, api.Errorf(api.KindBadRequest, "cid: %v", err))
		return
	}
	if err := n.ipfs.PinFor(r.Context(), c, auth.Address.Hex()); err != nil {
		writeError(w, ipfsError(err))
		return
	}
	writeJSON(w, http.StatusOK, api.IPFSPinResponse{CID: c.String(), PeerID: n.host.ID().String()})
}

// ipfsError maps the ipfs package's errors to API errors.
func ipfsError(err error) error {
	switch {
	case errors.Is(err, ipfs.ErrInvalidCID):
		return api.Errorf(api.KindBadRequest, "%v", err)
	case errors.Is(err, ipfs.ErrHashMismatch):
		return api.Errorf(api.KindBadGateway, "%v", err)
	case errors.Is(err, ipfs.ErrTooLarge), errors.Is(err, ipfs.ErrQuota):
		return api.Errorf(api.KindTooLarge, "%v", err)
	case errors.Is(err, ipfs.ErrNotFile):
		return api.Errorf(api.KindBadRequest, "%v", err)
	case errors.Is(err, ipfs.ErrNotFound):
		return api.Errorf(api.KindTimeout, "%v", err)
	}
	return err
}

// IPFS is the node's IPFS service.
func (n *Node) IPFS() *ipfs.Service { return n.ipfs }

// maxAuthHeader bounds the Authorization header's authSig (base64).
const maxAuthHeader = 16 << 10

// ipfsAuth verifies who stores content: the authSig in the Authorization header ("AuthSig
// <base64 of the authSig JSON>") or, for JSON bodies, fromBody; and takes one request from
// that address's budget.
func (n *Node) ipfsAuth(r *http.Request, fromBody json.RawMessage) (*access.Auth, error) {
	raw := fromBody
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, val, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, api.AuthSigScheme) || len(val) > maxAuthHeader {
			return nil, api.Errorf(api.KindUnauthorized, "Authorization: want %q followed by the standard base64 of the authSig JSON", api.AuthSigScheme)
		}
		dec, err := base64.StdEncoding.DecodeString(strings.TrimSpace(val))
		if err != nil {
			return nil, api.Errorf(api.KindUnauthorized, "Authorization: the authSig is not standard base64: %v", err)
		}
		raw = dec
	}
	// Storage is no Lit ability (no ReCap resource names it): the requester proves its
	// address with a wallet authSig, which must expire within the node's maximum lifetime.
	// A replayed one can spend only that address's storage quota.
	sig, err := parseAuth(raw)
	if err != nil {
		return nil, err
	}
	if sig.DerivedVia == access.DerivedViaSession {
		return nil, api.Errorf(api.KindUnauthorized, "authSig: IPFS add and pin take a wallet authSig (SIWE), not a session signature")
	}
	auth, err := n.authenticatePlain(r.Context(), sig)
	if err != nil {
		return nil, err
	}
	if err := n.allowAddress(auth.Address); err != nil {
		return nil, err
	}
	return auth, nil
}
