package frost_test

import (
	"encoding/csv"
	"encoding/hex"
	"os"
	"testing"

	"github.com/litmesh/litmesh/mpc/frost"
)

// The Taproot suite's verifier passes BIP-340's reference vectors, valid and invalid.
func TestBIP340VerificationVectors(t *testing.T) {
	f, err := os.Open("testdata/bip340-test-vectors.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 16 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows[1:] {
		pub, _ := hex.DecodeString(r[2])
		msg, _ := hex.DecodeString(r[4])
		sig, _ := hex.DecodeString(r[5])
		want := r[6] == "TRUE"
		got := frost.Verify(frost.Taproot, pub, msg, sig) == nil
		if got != want {
			t.Errorf("vector %s (%s): verify = %v, want %v", r[0], r[7], got, want)
		}
	}
}
