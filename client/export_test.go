package client

import "github.com/drand/kyber"

// SealForTest encrypts like Client.Encrypt, but to a key the test holds, without any node.
func SealForTest(nf *NetworkFile, master kyber.Point, conditions, plaintext []byte) (*EncryptedFile, error) {
	kind, list, conds, err := splitConditions(conditions, nil)
	if err != nil {
		return nil, err
	}
	return seal(nf, master, kind, list, conds, plaintext)
}
