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
	if len(in.actionCID) > 0 {
		b.WriteString("action:")
		b.WriteString(hex.EncodeToString(in.actionCID))
	} else {
		b.WriteString("address:")
		b.WriteString(in.address.Hex())
	}
	b.WriteString("/pkp:")
	b.WriteString(hex.EncodeToString(tokenID[:]))
	b.WriteString("/id:")
	b.WriteString(in.requestID)
	return b.String()
}

