package keystore

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzUnseal feeds arbitrary file contents to the decoder: it must refuse them cleanly, and
// whatever it accepts must be a file this sealing key sealed for that epoch and name (fuzz
// workers each seal their own copy, with their own nonce, so only the content is compared).
func FuzzUnseal(f *testing.F) {
	k, err := Open(f.TempDir(), bytes.Repeat([]byte{9}, SealingKeySize))
	if err != nil {
		f.Fatal(err)
	}
	good, err := k.seal(1, "bls-root", []byte("share"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(magic))
	f.Add(append([]byte(magic), 1))
	f.Fuzz(func(t *testing.T, file []byte) {
		secret, err := k.unseal(1, "bls-root", file)
		if err != nil {
			if !errors.Is(err, ErrUnseal) {
				t.Fatalf("error %v does not wrap ErrUnseal", err)
			}
			return
		}
		if string(secret) != "share" || len(file) != len(good) {
			t.Fatalf("accepted a file that was never sealed: %x", file)
		}
	})
}
