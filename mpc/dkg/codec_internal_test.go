package dkg

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	kdkg "github.com/drand/kyber/share/dkg"
	"github.com/drand/kyber/sign/schnorr"
)

// sampleMessages returns a real deal, response and justification bundle of a 3-member DKG in s,
// encoded.
func sampleMessages(tb testing.TB, s Suite) [3][]byte {
	tb.Helper()
	auth := schnorr.NewScheme(s)
	var nodes []kdkg.Node
	var privs []*KeyPair
	for i := 0; i < 3; i++ {
		k := GenerateKeyPair(s)
		privs = append(privs, k)
		nodes = append(nodes, kdkg.Node{Index: uint32(i), Public: k.Public})
	}
	nonce := bytes.Repeat([]byte{7}, nonceLen)
	gens := make([]*kdkg.DistKeyGenerator, 3)
	var deals []*kdkg.DealBundle
	for i := range gens {
		var err error
		gens[i], err = kdkg.NewDistKeyHandler(&kdkg.Config{
			Suite: s, Longterm: privs[i].Private, NewNodes: nodes, Threshold: 2,
			FastSync: true, Nonce: nonce, Auth: auth,
		})
		if err != nil {
			tb.Fatal(err)
		}
		d, err := gens[i].Deals()
		if err != nil {
			tb.Fatal(err)
		}
		deals = append(deals, d)
	}
	resp, err := gens[0].ProcessDeals(deals)
	if err != nil || resp == nil {
		tb.Fatalf("process deals: %v", err)
	}
	just := &kdkg.JustificationBundle{
		DealerIndex: 1,
		Justifications: []kdkg.Justification{
			{ShareIndex: 0, Share: s.Scalar().Pick(s.RandomStream())},
			{ShareIndex: 2, Share: s.Scalar().Pick(s.RandomStream())},
		},
		SessionID: nonce,
	}
	just.Signature, _ = auth.Sign(privs[1].Private, just.Hash())
	dm, err := encodeDeal(s, deals[1])
	if err != nil {
		tb.Fatal(err)
	}
	rm, err := encodeResponse(s, resp)
	if err != nil {
		tb.Fatal(err)
	}
	jm, err := encodeJustification(s, just)
	if err != nil {
		tb.Fatal(err)
	}
	return [3][]byte{dm, rm, jm}
}

func TestEncodedBundlesDecodeToTheSameSignedContent(t *testing.T) {
	for _, s := range []Suite{BLS12381(), Secp256k1()} {
		t.Run(s.String(), func(t *testing.T) {
			msgs := sampleMessages(t, s)
			for _, m := range msgs {
				p, err := decode(s, m)
				if err != nil {
					t.Fatal(err)
				}
				// Same bytes signed: the decoded bundle's hash is what its author signed.
				pk := p.kyberPacket()
				if len(pk.Sig()) != sigLen(s) {
					t.Fatalf("signature of %d bytes", len(pk.Sig()))
				}
				var again []byte
				switch p.kind {
				case kindDeal:
					again, err = encodeDeal(s, p.deal)
				case kindResponse:
					again, err = encodeResponse(s, p.resp)
				case kindJustification:
					again, err = encodeJustification(s, p.just)
				}
				if err != nil || !bytes.Equal(again, m) {
					t.Fatalf("kind %d does not re-encode to the same bytes: %v", p.kind, err)
				}
				r, err := decode(s, asRelay(m))
				if err != nil || !r.relay || r.kind != p.kind {
					t.Fatalf("relayed copy: %+v, %v", r, err)
				}
			}
		})
	}
}

func TestMalformedMessagesAreRejected(t *testing.T) {
	s := BLS12381()
	msgs := sampleMessages(t, s)
	deal, resp, just := msgs[0], msgs[1], msgs[2]
	edit := func(m []byte, f func(b []byte) []byte) []byte { return f(append([]byte(nil), m...)) }
	pl := s.PointLen()
	// Offsets inside a deal: header 3, dealer 4, count 2, then the first coefficient.
	firstPoint := headerLen + 4 + 2
	cases := []struct {
		name string
		msg  []byte
	}{
		{"an empty message", nil},
		{"a bare header", deal[:headerLen]},
		{"an unknown version", edit(deal, func(b []byte) []byte { b[0] = 2; return b })},
		{"an unknown kind", edit(deal, func(b []byte) []byte { b[1] = 9; return b })},
		{"unknown flags", edit(deal, func(b []byte) []byte { b[2] = 0x80; return b })},
		{"a truncated deal", deal[:len(deal)-1]},
		{"trailing bytes", append(append([]byte(nil), deal...), 0)},
		{"an oversized message", make([]byte, MaxMessageSize+1)},
		{"a dealer index over the limit", edit(deal, func(b []byte) []byte {
			binary.BigEndian.PutUint32(b[headerLen:], MaxIndex+1)
			return b
		})},
		{"zero coefficients", edit(deal, func(b []byte) []byte {
			binary.BigEndian.PutUint16(b[headerLen+4:], 0)
			return b
		})},
		{"more coefficients than nodes allowed", edit(deal, func(b []byte) []byte {
			binary.BigEndian.PutUint16(b[headerLen+4:], MaxNodes+1)
			return b
		})},
		{"the identity as a coefficient", edit(deal, func(b []byte) []byte {
			id, _ := s.Point().Null().MarshalBinary()
			copy(b[firstPoint:], id)
			return b
		})},
		{"a coefficient off the curve", edit(deal, func(b []byte) []byte {
			b[firstPoint+pl-1] ^= 1
			return b
		})},
		{"a response status of 2", edit(resp, func(b []byte) []byte {
			b[headerLen+4+2+4] = 2
			return b
		})},
		{"responses out of order", edit(resp, func(b []byte) []byte {
			// Swap the dealer index of the first two entries.
			e := headerLen + 4 + 2
			first := append([]byte(nil), b[e:e+4]...)
			copy(b[e:e+4], b[e+5:e+9])
			copy(b[e+5:e+9], first)
			return b
		})},
		{"a repeated justification index", edit(just, func(b []byte) []byte {
			e := headerLen + 4 + 2
			copy(b[e+4+s.ScalarLen():], b[e:e+4])
			return b
		})},
		{"a revealed share not below the group order", edit(just, func(b []byte) []byte {
			e := headerLen + 4 + 2 + 4
			for i := 0; i < s.ScalarLen(); i++ {
				b[e+i] = 0xff
			}
			return b
		})},
		{"no justifications", edit(just, func(b []byte) []byte {
			binary.BigEndian.PutUint16(b[headerLen+4:], 0)
			return b
		})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := decode(s, c.msg); !errors.Is(err, ErrMalformed) {
				t.Fatalf("got %v, want ErrMalformed", err)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	bls, k1 := BLS12381(), Secp256k1()
	for _, s := range []Suite{bls, k1} {
		for _, m := range sampleMessages(f, s) {
			f.Add(m)
			f.Add(asRelay(m))
		}
	}
	f.Add([]byte{1, 1, 0})
	f.Fuzz(func(t *testing.T, msg []byte) {
		for _, s := range []Suite{bls, k1} {
			p, err := decode(s, msg)
			if err != nil {
				if !errors.Is(err, ErrMalformed) {
					t.Fatalf("error %v does not wrap ErrMalformed", err)
				}
				continue
			}
			// What decodes is canonical: encoding it again gives the same bytes.
			var again []byte
			switch p.kind {
			case kindDeal:
				again, err = encodeDeal(s, p.deal)
			case kindResponse:
				again, err = encodeResponse(s, p.resp)
			case kindJustification:
				again, err = encodeJustification(s, p.just)
			}
			if p.relay {
				again = asRelay(again)
			}
			if err != nil || !bytes.Equal(again, msg) {
				t.Fatalf("accepted a non-canonical message (%v)", err)
			}
		}
	})
}
