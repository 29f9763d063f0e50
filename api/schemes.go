package api

// Signing schemes of POST /web/pkp/sign's signingScheme (docs/schemes.md). The names are
// Lit's, except Bls12381G1MessageAugmentation, which is litmesh's: BLS PKPs sign with the
// message-augmentation ciphersuite, not Lit's proof-of-possession one (why: docs/schemes.md).
const (
	SchemeEcdsaK256Sha256      = "EcdsaK256Sha256"
	SchemeSchnorrEd25519Sha512 = "SchnorrEd25519Sha512"
	SchemeSchnorrK256Taproot   = "SchnorrK256Taproot"
	SchemeSchnorrK256Sha256    = "SchnorrK256Sha256"
	SchemeBLSAugmentation      = "Bls12381G1MessageAugmentation"
	// SchemeBLSProofOfPossession is Lit's name for BLS signing with the proof-of-possession
	// ciphersuite, which BLS PKPs refuse.
	SchemeBLSProofOfPossession = "Bls12381G1ProofOfPossession"
)

// SigningSchemes lists the schemes litmesh signs with.
var SigningSchemes = []string{SchemeEcdsaK256Sha256, SchemeSchnorrEd25519Sha512, SchemeSchnorrK256Taproot, SchemeSchnorrK256Sha256, SchemeBLSAugmentation}

// MaxSchemeMessage bounds the message a Schnorr or BLS signature request signs (they sign
// messages, not 32-byte hashes; a Solana transaction is at most 1,232 bytes).
const MaxSchemeMessage = 4 << 10

// PKPSchemeShare is one node's answer to a signature request of a scheme other than ECDSA:
// its signature share and what the client needs to check it and combine it with the other
// signers' (docs/schemes.md).
type PKPSchemeShare struct {
	PeerID        string `json:"peerId"`
	ShareIndex    int    `json:"shareIndex"`
	Epoch         uint64 `json:"epoch"`
	SigningScheme string `json:"signingScheme"`
	// TokenID (0x-hex) and PublicKey (0x-hex, as the PKPNFT contract stores it: 32 bytes
	// Ed25519, 33 bytes compressed secp256k1, 48 bytes compressed G1) of the PKP.
	TokenID   string `json:"tokenId"`
	PublicKey string `json:"publicKey"`
	// DataSigned is the message, hex.
	DataSigned string `json:"dataSigned"`
	// SlotID names the nonce-commitment slot the signer set agreed on (FROST), and
	// SigningPackage is the package every signer confirmed before releasing its share (hex,
	// the mpc/frost encoding). Empty for BLS.
	SlotID         string `json:"slotId,omitempty"`
	SigningPackage string `json:"signingPackage,omitempty"`
	// SignatureShare is the share (hex): a FROST signature share (mpc/frost encoding) or a
	// BLS partial signature (u16 share index ‖ 96-byte G2 point).
	SignatureShare string `json:"signatureShare"`
}

// TaprootSpend asks a SchnorrK256Taproot signature for the PKP's BIP-341 output key instead of
// its internal (x-only) key: MerkleRoot is the script tree's root (hex, 32 bytes), or empty for
// a key-path-only output (BIP-86, what `lit pkp address --chain bitcoin` shows).
type TaprootSpend struct {
	MerkleRoot string `json:"merkleRoot,omitempty"`
}
