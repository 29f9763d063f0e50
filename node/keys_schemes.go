package node

import (
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/drand/kyber"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/node/keyround"
)

// Root keys of the PKP signing schemes besides ECDSA (docs/schemes.md): an Ed25519 root (FROST
// Ed25519), a secp256k1 Schnorr root (FROST BIP-340 and RFC 9591 secp256k1, apart from the
// ECDSA root) and a BLS12-381 root for BLS PKPs (apart from the encryption root). Each is a
// sharing of degree T−1 made by the key round's DKG, reshared at every epoch like the others,
// stored sealed, voted on chain and published in the handshake.
//
// A network whose epoch keys predate them gets them at its next key round: the round reshares
// the roots the current set holds and generates the missing ones afresh among the next set
// (see keyRound.attempt), then the next set votes them on chain.

// schemeRoot describes one scheme root key.
type schemeRoot struct {
	kt    chain.KeyType // its name (kt.String()) names its DKG session and handshake entry
	store string        // keystore name of this node's share
	suite func() dkg.Suite
	share func(*EpochKeys) **dkg.KeyShare
}

var schemeRoots = []schemeRoot{
	{chain.KeyTypeEd25519, "ed25519-root-share", dkg.Ed25519, func(k *EpochKeys) **dkg.KeyShare { return &k.Ed25519 }},
	{chain.KeyTypeSchnorrK256, "schnorr-k256-root-share", dkg.Secp256k1, func(k *EpochKeys) **dkg.KeyShare { return &k.Schnorr }},
	{chain.KeyTypeBLSPKP, "bls-pkp-root-share", dkg.BLS12381, func(k *EpochKeys) **dkg.KeyShare { return &k.BLSPKP }},
}

func (s schemeRoot) name() string { return s.kt.String() }

// longterm is the node's long-term DKG key for the root's group.
func (s schemeRoot) longterm(k DKGKeys) *dkg.KeyPair {
	switch s.kt {
	case chain.KeyTypeEd25519:
		return k.Ed
	case chain.KeyTypeSchnorrK256:
		return k.Secp
	default:
		return k.BLS
	}
}

// SchemeRootKey returns this epoch's share of a scheme root key (nil before the network has
// it).
func (k *EpochKeys) SchemeRootKey(kt chain.KeyType) *dkg.KeyShare {
	for _, s := range schemeRoots {
		if s.kt == kt {
			return *s.share(k)
		}
	}
	return nil
}

// The edwards25519 long-term DKG keys are not registered on chain (the Staking contract knows
// BLS12-381 and secp256k1 ones only): each member publishes its key in the key round, signed
// with its libp2p identity key, whose peer ID the chain does register. A member accepts a key
// only with a valid signature by the peer ID the chain lists for that member.

func edKeyMessage(network string, key []byte) []byte {
	msg := []byte("litmesh/dkg/ed25519-key/v1")
	msg = append(msg, byte(len(network)))
	msg = append(msg, network...)
	return append(msg, key...)
}

// verifyEdKey checks a member's signed edwards25519 DKG key against its peer ID.
func verifyEdKey(network string, p peer.ID, sk *keyround.SignedKey) (kyber.Point, error) {
	if sk == nil || len(sk.Key) > keyround.MaxKey || len(sk.Sig) > keyround.MaxSig {
		return nil, errors.New("missing or oversized")
	}
	key, sig := sk.Key, sk.Sig
	pub, err := p.ExtractPublicKey()
	if err != nil {
		return nil, fmt.Errorf("peer ID %s holds no public key: %w", p, err)
	}
	if ok, err := pub.Verify(edKeyMessage(network, key), sig); err != nil || !ok {
		return nil, fmt.Errorf("not signed by %s", p)
	}
	pt, err := dkg.ParsePublicKey(dkg.Ed25519(), key)
	if err != nil {
		return nil, err
	}
	return pt, nil
}

// unknownMember is the public key given to a member of the current set whose edwards25519 DKG
// key this round does not know (it said no hello): nobody knows its discrete logarithm, so no
// bundle in that member's name is ever accepted, and the resharing goes on without it.
func unknownMember(p peer.ID) kyber.Point {
	g := dkg.Ed25519()
	return g.Point().Pick(g.XOF([]byte("litmesh/dkg/ed25519-key/unknown/v1/" + p.String())))
}

// schemeHandshake adds the scheme root keys of the epoch to a handshake.
func schemeHandshake(k *EpochKeys, out *api.HandshakeResponse) {
	for _, s := range schemeRoots {
		ks := *s.share(k)
		if ks == nil {
			continue
		}
		set := api.RootKeySet{Threshold: len(ks.Commits)}
		for i, c := range ks.Commits {
			raw, err := c.MarshalBinary()
			if err != nil {
				return
			}
			if i == 0 {
				set.PublicKey = hex.EncodeToString(raw)
			}
			set.Commitments = append(set.Commitments, hex.EncodeToString(raw))
		}
		if out.PKPRootKeys == nil {
			out.PKPRootKeys = map[string]api.RootKeySet{}
		}
		out.PKPRootKeys[s.name()] = set
	}
}
