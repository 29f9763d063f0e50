package node

import (
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/attestation/handshake"
)

// handleHandshake answers a client's challenge with the node's identity, epoch, network keys
// and an attestation bound to the challenge.
func (n *Node) handleHandshake(w http.ResponseWriter, r *http.Request) {
	var req api.HandshakeRequest
	if err := decodeJSON(w, r, 4<<10, &req); err != nil {
		writeError(w, err)
		return
	}
	raw, err := hex.DecodeString(strings.TrimPrefix(req.Challenge, "0x"))
	if err != nil || len(raw) != handshake.NonceSize {
		writeError(w, api.Errorf(api.KindBadRequest, "challenge: want %d bytes of hex", handshake.NonceSize))
		return
	}
	var nonce [handshake.NonceSize]byte
	copy(nonce[:], raw)
	enc, err := n.clientAttestation(r.Context(), nonce)
	if err != nil {
		if api.KindOf(err) == api.KindInternal {
			n.log.Error("attest for a client handshake", "error", err)
			err = api.Errorf(api.KindUnavailable, "attestation unavailable")
		}
		writeError(w, err)
		return
	}
	out := api.HandshakeResponse{
		PeerID:          n.host.ID().String(),
		OperatorAddress: n.id.OperatorAddress(),
		NodeVersion:     Version,
		Network:         n.cfg.Network,
		Attestation:     api.HandshakeAttestation{Kind: string(n.provider.Kind()), Response: base64.StdEncoding.EncodeToString(enc)},
	}
	if ms, ok := n.epochs.snapshot(); ok {
		out.Epoch = ms.Epoch.Number
		out.Threshold = ms.ActiveThreshold()
	}
	for _, fill := range n.handshakeFields {
		fill(&out)
	}
	writeJSON(w, http.StatusOK, out)
}
