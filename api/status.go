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

	Mode        string `json:"mode"`        // production or devnet
	Attestation string `json:"attestation"` // the provider kind: sev-snp or simulated
	// Epoch and set membership, from the chain (absent without one).
	Epoch       uint64 `json:"epoch"`
	EpochState  string `json:"epochState,omitempty"`
	InActiveSet bool   `json:"inActiveSet"`
	InNextSet   bool   `json:"inNextSet"`
	// EpochStatus says what the node is doing about the epoch (serving, resharing, waiting…).
	EpochStatus string `json:"epochStatus,omitempty"`
	// ChainStale is set while the chain is unreachable and membership comes from the last
	// known state; it says why.
	ChainStale string `json:"chainStale,omitempty"`
}

// Peer is one connected peer as the node sees it.
type Peer struct {
	PeerID  string `json:"peerId"`
	Trusted bool   `json:"trusted"`
	Reason  string `json:"reason,omitempty"` // why it is (not) trusted
}
