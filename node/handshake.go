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
	out, err := n.handshake(r, req.Challenge)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// handshake is the answer to a client's challenge (hex, 32 bytes), on litmesh's route and on
// Lit's (litapi.go).
func (n *Node) handshake(r *http.Request, challenge string) (*api.HandshakeResponse, error) {
	raw, err := hex.DecodeString(strings.TrimPrefix(challenge, "0x"))
	if err != nil || len(raw) != handshake.NonceSize {
		return nil, api.Errorf(api.KindBadRequest, "challenge: want %d bytes of hex", handshake.NonceSize)
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
		return nil, api.Errorf(api.KindUnavailable, "TLS certificate unavailable")
	}
	enc, err := n.clientAttestation(r.Context(), nonce, spki)
	if err != nil {
		if api.KindOf(err) == api.KindInternal {
			n.log.Error("attest for a client handshake", "error", err)
			err = api.Errorf(api.KindUnavailable, "attestation unavailable")
		}
		return nil, err
	}
	out := &api.HandshakeResponse{
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
		fill(out)
	}
	return out, nil
}
