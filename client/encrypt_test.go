package client_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/drand/kyber"

	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/internal/testutil"
	"github.com/litmesh/litmesh/mpc/bls"
)

const balanceConditions = `{"accessControlConditions": [
  {"contractAddress": "", "standardContractType": "", "chain": "litdevnet", "method": "eth_getBalance",
   "parameters": [":userAddress", "latest"], "returnValueTest": {"comparator": ">=", "value": "0x0de0b6b3a7640000"}}
]}`

// goldenConditionsHash is the SHA-256 of balanceConditions' canonical form.
const goldenConditionsHash = "9093686e06169805bf3acbd868e0c4dacbfeb9390ad57e311304ba613aae66b1"

var testNetwork = &client.NetworkFile{Name: "testnet", Chain: client.Chain{Name: "litdevnet", ChainID: 1337}}

// testKey is a fixed root key (the tests play the whole network).
func testKey() (kyber.Scalar, kyber.Point) {
	s := bls.KeyGroup().Scalar().SetInt64(0x6c69746d657368)
	return s, bls.KeyGroup().Point().Mul(s, nil)
}

// openWithRootKey decrypts a file with the identity's key signed by the root secret directly:
// what T combined shares amount to.
func openWithRootKey(t *testing.T, f *client.EncryptedFile, secret kyber.Scalar) []byte {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(f.Ciphertext)
	if err != nil {
		t.Fatal(err)
	}
	ct, err := bls.ParseCiphertext(raw)
	if err != nil {
		t.Fatal(err)
	}
	// The identity's key is secret·H(identity) on G2, H the suite's hash to G2.
	h := bls.Suite().G2().Point().(kyber.HashablePoint).Hash(bls.Identity(f.Conditions().Hash(), ct.DataHash))
	key, err := bls.Suite().G2().Point().Mul(secret, h).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	pt, err := bls.Decrypt(key, f.Conditions().Hash(), ct)
	if err != nil {
		t.Fatal(err)
	}
	return pt
}

func sealed(t testing.TB, conditions, plaintext []byte) []byte {
	t.Helper()
	_, pub := testKey()
	f, err := client.SealForTest(testNetwork, pub, conditions, plaintext)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestEncryptedFileRoundTrips(t *testing.T) {
	secret, _ := testKey()
	plaintext := []byte("the treasure is under the old oak")
	raw := sealed(t, []byte(balanceConditions), plaintext)
	f, err := client.ParseEncryptedFile(raw)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, raw)
	}
	if f.ConditionsKind != "accessControlConditions" || f.Chain != "litdevnet" || f.Version != 1 {
		t.Errorf("file fields: %+v", f)
	}
	// The conditions travel as given (compacted), not in their normal form: the hex value stays.
	if !bytes.Contains(f.AccessControlConditions, []byte(`"0x0de0b6b3a7640000"`)) {
		t.Errorf("conditions not kept as given: %s", f.AccessControlConditions)
	}
	if got := openWithRootKey(t, f, secret); !bytes.Equal(got, plaintext) {
		t.Fatalf("decrypted %q", got)
	}
}

// A version 1 file written once stays readable and decryptable: the format is a promise.
func TestEncryptedFileGolden(t *testing.T) {
	secret, _ := testKey()
	path := filepath.Join("testdata", "v1.lit")
	plaintext := []byte("golden plaintext\n")
	if testutil.Update() {
		testutil.WriteGolden(t, path, sealed(t, []byte(balanceConditions), plaintext))
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./client -run TestEncryptedFileGolden -update to create it)", err)
	}
	f, err := client.ParseEncryptedFile(raw)
	if err != nil {
		t.Fatal(err)
	}
	if f.ConditionsHash != goldenConditionsHash {
		t.Fatalf("conditions hash %s, want %s", f.ConditionsHash, goldenConditionsHash)
	}
	if got := openWithRootKey(t, f, secret); !bytes.Equal(got, plaintext) {
		t.Fatalf("decrypted %q", got)
	}
}

func TestParseEncryptedFileRefusesInconsistentFiles(t *testing.T) {
	valid := sealed(t, []byte(balanceConditions), []byte("data"))
	other := sealed(t, []byte(balanceConditions), []byte("other data"))
	field := func(raw []byte, key string) json.RawMessage {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		return m[key]
	}
	edit := func(fn func(m map[string]json.RawMessage)) []byte {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(valid, &m); err != nil {
			t.Fatal(err)
		}
		fn(m)
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	set := func(key, value string) []byte {
		return edit(func(m map[string]json.RawMessage) { m[key] = json.RawMessage(value) })
	}
	for _, tc := range []struct {
		name string
		file []byte
		want string
	}{
		{"a newer version", set("version", "2"), "version: 2"},
		{"an unknown field", set("dataType", `"string"`), `unknown field "dataType"`},
		{"no conditions", edit(func(m map[string]json.RawMessage) { delete(m, "accessControlConditions") }), "no condition list"},
		{"two condition lists", set("evmContractConditions", string(field(valid, "accessControlConditions"))), "more than one condition list"},
		{"a kind that is not the list carried", set("conditionsKind", `"unifiedAccessControlConditions"`), `conditionsKind is "unifiedAccessControlConditions"`},
		{"edited conditions", set("accessControlConditions", strings.Replace(string(field(valid, "accessControlConditions")), ">=", "<", 1)), "conditionsHash: "},
		{"conditions that do not parse", set("accessControlConditions", `[{"chain":"litdevnet"}]`), "accessControlConditions[0]"},
		{"a ciphertext that is not base64", set("ciphertext", `"%%%"`), "ciphertext: not standard base64"},
		{"a truncated ciphertext", set("ciphertext", `"AQE="`), "ciphertext: bls: malformed ciphertext"},
		{"another file's ciphertext", set("ciphertext", string(field(other, "ciphertext"))), "dataToEncryptHash: "},
		{"a network key that is not hex", set("networkPublicKey", `"zz"`), "networkPublicKey: not hex"},
		{"a network key that is not a point", set("networkPublicKey", `"`+strings.Repeat("00", 48)+`"`), "networkPublicKey: "},
		{"trailing data", append(append([]byte(nil), valid...), []byte(`{}`)...), "trailing data"},
		{"not JSON", []byte("hello"), ".lit file: "},
		{"too large", bytes.Repeat([]byte(" "), client.MaxEncryptedFileSize+1), "over the"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := client.ParseEncryptedFile(tc.file)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error saying %q", err, tc.want)
			}
		})
	}
}

func FuzzParseEncryptedFile(f *testing.F) {
	valid := sealed(f, []byte(balanceConditions), []byte("fuzz"))
	f.Add(valid)
	f.Add([]byte(`{"version":1}`))
	f.Add([]byte(`{"version":1,"conditionsKind":"evmContractConditions","evmContractConditions":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := client.ParseEncryptedFile(data)
		if err != nil {
			return
		}
		// What parses must encode and parse back to the same identity.
		raw, err := file.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		again, err := client.ParseEncryptedFile(raw)
		if err != nil {
			t.Fatalf("re-parse: %v", err)
		}
		if again.Conditions().HashHex() != file.Conditions().HashHex() || again.DataToEncryptHash != file.DataToEncryptHash {
			t.Fatal("round trip changed the file")
		}
	})
}
