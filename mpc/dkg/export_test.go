package dkg

import (
	"github.com/drand/kyber"
	"github.com/drand/kyber/encrypt/ecies"
	"github.com/drand/kyber/sign/schnorr"
)

// TamperAsDealer rewrites an original (not relayed) deal or justification bundle as a cheating
// dealer would, and re-signs it with the dealer's own long-term key so that it still
// authenticates: in a deal, holder victim's share becomes the encryption of a random scalar; in a
// justification, every revealed share becomes random. Other messages come back unchanged.
func TamperAsDealer(s Suite, msg []byte, dealerKey kyber.Scalar, victim uint32) []byte {
	p, err := decode(s, msg)
	if err != nil || p.relay {
		return msg
	}
	auth := schnorr.NewScheme(s)
	switch p.kind {
	case kindDeal:
		for i, d := range p.deal.Deals {
			if d.ShareIndex != victim {
				continue
			}
			garbage, _ := s.Scalar().Pick(s.RandomStream()).MarshalBinary()
			// Encrypted to a random key: well-formed on the wire, useless to the victim.
			other := s.Point().Pick(s.RandomStream())
			ct, err := ecies.Encrypt(s, other, garbage, nil)
			if err != nil {
				return msg
			}
			p.deal.Deals[i].EncryptedShare = ct
		}
		p.deal.Signature, _ = auth.Sign(dealerKey, p.deal.Hash())
		out, err := encodeDeal(s, p.deal)
		if err != nil {
			return msg
		}
		return out
	case kindJustification:
		for i := range p.just.Justifications {
			p.just.Justifications[i].Share = s.Scalar().Pick(s.RandomStream())
		}
		p.just.Signature, _ = auth.Sign(dealerKey, p.just.Hash())
		out, err := encodeJustification(s, p.just)
		if err != nil {
			return msg
		}
		return out
	}
	return msg
}

// IsDeal reports whether msg is a deal bundle (original or relayed).
func IsDeal(msg []byte) bool { return len(msg) > 1 && msg[1] == kindDeal }
