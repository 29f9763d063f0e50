package api

// HandshakeRequest is the body of POST /web/handshake.
type HandshakeRequest struct {
	// Challenge is the client's fresh 32-byte nonce, hex: the node's attestation is bound to it.
	Challenge string `json:"challenge"`
}

// HandshakeResponse tells a client who the node is, which epoch it serves, the network's
// public keys and threshold, and proves (attestation over the client's challenge) that it runs
// an allowed release. Key fields are empty until the network's keys exist.
type HandshakeResponse struct {
	PeerID          string `json:"peerId"`
	OperatorAddress string `json:"operatorAddress"`
	NodeVersion     string `json:"nodeVersion"`
	Network         string `json:"network"`
	Epoch           uint64 `json:"epoch"`
	// Threshold is T = ⌈2n/3⌉ of the epoch's active set: how many shares a client needs.
	Threshold int `json:"threshold,omitempty"`
	// NetworkPublicKey is the BLS12-381 root public key (G1, compressed, hex): encrypt to it.
	NetworkPublicKey string `json:"networkPublicKey,omitempty"`
	// NetworkPublicKeySet is the public polynomial of the BLS key (hex points), to check shares.
	NetworkPublicKeySet []string `json:"networkPublicKeySet,omitempty"`
	// HDRootPubkeys are the secp256k1 root public keys (compressed, hex) PKP keys derive from.
	HDRootPubkeys []string `json:"hdRootPubkeys,omitempty"`
	// ECDSAThreshold is how many signers a PKP signature needs (2t+1, see docs/ecdsa.md).
	ECDSAThreshold int `json:"ecdsaThreshold,omitempty"`
	// PKPRootKeys are the root keys of the other PKP signing schemes (docs/schemes.md), by key
	// type: "ed25519", "schnorr-k256", "bls-pkp". Absent before the network has them.
	PKPRootKeys map[string]RootKeySet `json:"pkpRootKeys,omitempty"`
	Attestation HandshakeAttestation  `json:"attestation"`
}

// RootKeySet is a root key with its public polynomial: a signature of its scheme needs
// Threshold signers (the polynomial's degree + 1), and T colluding holders learn the key.
type RootKeySet struct {
	PublicKey   string   `json:"publicKey"`   // hex, the scheme's group encoding
	Commitments []string `json:"commitments"` // hex, constant term first
	Threshold   int      `json:"threshold"`
}

// HandshakeAttestation carries the node's attestation response to the client's challenge.
type HandshakeAttestation struct {
	Kind string `json:"kind"` // "sev-snp" or "simulated"
	// Response is the encoded attestation/handshake Response, base64.
	Response string `json:"response"`
	// TLSSPKISHA256 is the SHA-256 of the SubjectPublicKeyInfo of the node's TLS certificate,
	// hex: the report's REPORT_DATA binds it, so a client that verified the attestation pins
	// the node's TLS key to it (docs/attestation.md).
	TLSSPKISHA256 string `json:"tlsSpkiSha256"`
}
