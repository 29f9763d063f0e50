package node

import (
	"encoding/hex"
	"strings"
)

// replayKey names one signature request for the replay guard: who asks (the authSig's address,
// or the Lit Action's CID), for which PKP, and the client's request id. Keyed on the id alone,
// anyone who saw a victim's id — a node operator, a proxy — could burn it first with a request
// of their own, and the victim's signature would be refused as a replay.
func replayKey(in signInput, tokenID [32]byte) string {
	var b strings.Builder
	b.WriteString(requesterOf(in))
	b.WriteString("/pkp:")
	b.WriteString(hex.EncodeToString(tokenID[:]))
	b.WriteString("/id:")
	b.WriteString(in.requestID)
	return b.String()
}

// requesterOf names who asks for a signature: the Lit Action (by CID) or the authSig's address.
func requesterOf(in signInput) string {
	if len(in.actionCID) > 0 {
		return "action:" + hex.EncodeToString(in.actionCID)
	}
	return "address:" + in.address.Hex()
}
