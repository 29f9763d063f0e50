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
// and an attestation bound to the challenge and to the TLS key the node serves with.
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
	serverName := ""
	if r.TLS != nil {
		serverName = r.TLS.ServerName
	}
	spki, err := n.tls.attestedSPKI(serverName)
	if err != nil {
		n.log.Error("TLS certificate for a client handshake", "error", err)
		writeError(w, api.Errorf(api.KindUnavailable, "TLS certificate unavailable"))
		return
	}
	enc, err := n.clientAttestation(r.Context(), nonce, spki)
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
		Attestation:     api.HandshakeAttestation{Kind: string(n.provider.Kind()), Response: base64.StdEncoding.EncodeToString(enc), TLSSPKISHA256: hex.EncodeToString(spki[:])},
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
