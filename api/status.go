package api

// Status is the body of GET /web/status: what an operator or `lit status` wants to know about a
// node at a glance. Fields are added as features land; clients ignore what they do not know.
type Status struct {
	PeerID          string   `json:"peerId"`
	Addrs           []string `json:"multiaddrs"`
	URL             string   `json:"url"`
	Network         string   `json:"network"`
	OperatorAddress string   `json:"operatorAddress"`
	Version         string   `json:"version"`
	StartedAt       string   `json:"startedAt"` // RFC 3339
	UptimeSeconds   float64  `json:"uptimeSeconds"`
	ConnectedPeers  int      `json:"connectedPeers"` // trusted peers with a live connection
	Peers           []Peer   `json:"peers"`
}

// Peer is one connected peer as the node sees it.
type Peer struct {
	PeerID  string `json:"peerId"`
	Trusted bool   `json:"trusted"`
	Reason  string `json:"reason,omitempty"` // why it is (not) trusted
}
