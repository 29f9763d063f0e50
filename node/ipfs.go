package node

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"path/filepath"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/ipfs"
)

func (n *Node) startIPFS() error {
	opts := []ipfs.Option{
		ipfs.WithPeerFilter(n.host.Gate.Trusted),
		ipfs.WithTimeout(n.cfg.IPFSTimeout.Duration),
		ipfs.WithLogger(n.log.With("component", "ipfs")),
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
// kubo's defaults and returns its CID; peers can then fetch it over bitswap.
func (n *Node) handleIPFSAdd(w http.ResponseWriter, r *http.Request) {
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
	c, err := n.ipfs.Add(r.Context(), bytes.NewReader(body))
	if err != nil {
		writeError(w, ipfsError(err))
		return
	}
	writeJSON(w, http.StatusOK, api.IPFSAddResponse{CID: c.String(), Size: len(body)})
}

// handleIPFSPin fetches a CID completely and keeps it.
func (n *Node) handleIPFSPin(w http.ResponseWriter, r *http.Request) {
	var req api.IPFSPinRequest
	if err := decodeJSON(w, r, 4<<10, &req); err != nil {
		writeError(w, err)
		return
	}
	c, err := ipfs.ParseCID(req.CID)
	if err != nil {
		writeError(w, api.Errorf(api.KindBadRequest, "cid: %v", err))
		return
	}
	if err := n.ipfs.Pin(r.Context(), c); err != nil {
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
	case errors.Is(err, ipfs.ErrTooLarge):
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
