package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/drand/kyber"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/mpc/bls"
)

// EncryptedFileVersion is the version of the .lit format Encrypt writes.
const EncryptedFileVersion = 1

// MaxEncryptedFileSize bounds a .lit file ParseEncryptedFile reads: the base64 of the largest
// ciphertext plus room for the conditions and the other fields.
const MaxEncryptedFileSize = (bls.MaxCiphertextSize+2)/3*4 + 1<<20

// EncryptedFile is the self-describing result of Encrypt (a ".lit" file): everything a holder
// needs to ask the network for the key, except their own authSig. The condition list travels
// under its Lit field name exactly as it was given; the nodes canonicalise it themselves.
type EncryptedFile struct {
	Version int `json:"version"`
	// Network is the network file's name (informational).
	Network string `json:"network,omitempty"`
	// NetworkPublicKey is the BLS root public key the data is encrypted to (G1, compressed,
	// hex): the key id. Decrypt refuses a network whose key differs.
	NetworkPublicKey string `json:"networkPublicKey"`
	// Chain is the network's chain name, sent as the request's chain.
	Chain string `json:"chain,omitempty"`
	// ConditionsKind names the list format: the one of the three fields below that is set.
	ConditionsKind                 access.Kind     `json:"conditionsKind"`
	AccessControlConditions        json.RawMessage `json:"accessControlConditions,omitempty"`
	EVMContractConditions          json.RawMessage `json:"evmContractConditions,omitempty"`
	UnifiedAccessControlConditions json.RawMessage `json:"unifiedAccessControlConditions,omitempty"`
	// ConditionsHash is the SHA-256 of the canonical conditions, hex (part of the identity).
	ConditionsHash string `json:"conditionsHash"`
	// DataToEncryptHash is the SHA-256 of the plaintext, hex (part of the identity).
	DataToEncryptHash string `json:"dataToEncryptHash"`
	// Ciphertext is the mpc/bls version 1 ciphertext, standard base64.
	Ciphertext string `json:"ciphertext"`

	// Filled by check.
	conds *access.Conditions
	ct    *bls.Ciphertext
}

// Encrypt encrypts plaintext for whoever meets conditions: a conditions document as
// `lit encrypt --conditions` reads it (an object with one of Lit's three list fields, or a bare
// list). It takes the network key from the nodes' verified handshakes (NetworkKey) and does all
// the cryptography locally; no node sees the plaintext.
func (c *Client) Encrypt(ctx context.Context, conditions, plaintext []byte) (*EncryptedFile, error) {
	if len(plaintext) > bls.MaxPlaintextSize {
		return nil, fmt.Errorf("encrypt: %d bytes of data, over the %d-byte limit", len(plaintext), bls.MaxPlaintextSize)
	}
	kind, list, conds, err := splitConditions(conditions, c.parseOptions())
	if err != nil {
		return nil, err
	}
	key, err := c.NetworkKey(ctx)
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	return seal(c.Network, key.Poly.Commit(), kind, list, conds, plaintext)
}

// seal encrypts plaintext to the network key master under conditions already validated.
func seal(nf *NetworkFile, master kyber.Point, kind access.Kind, list json.RawMessage, conds *access.Conditions, plaintext []byte) (*EncryptedFile, error) {
	ct, err := bls.Encrypt(master, conds.Hash(), plaintext)
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	raw, err := ct.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	pub, err := master.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	f := &EncryptedFile{
		Version:           EncryptedFileVersion,
		Network:           nf.Name,
		NetworkPublicKey:  hex.EncodeToString(pub),
		Chain:             nf.Chain.Name,
		ConditionsKind:    kind,
		ConditionsHash:    conds.HashHex(),
		DataToEncryptHash: hex.EncodeToString(ct.DataHash[:]),
		Ciphertext:        base64.StdEncoding.EncodeToString(raw),
		conds:             conds,
		ct:                ct,
	}
	f.setList(list)
	return f, nil
}

// parseOptions lets conditions name the network's own chain besides the built-in names.
func (c *Client) parseOptions() []access.Option {
	if c.Network != nil && c.Network.Chain.Name != "" {
		if _, known := access.ChainID(c.Network.Chain.Name); !known {
			return []access.Option{access.WithChains(c.Network.Chain.Name)}
		}
	}
	return nil
}

// splitConditions validates a conditions document and returns its list format, the list as
// given (compacted), and the parsed conditions.
func splitConditions(doc []byte, opts []access.Option) (access.Kind, json.RawMessage, *access.Conditions, error) {
	conds, err := access.ParseDocument(doc, opts...)
	if err != nil {
		return "", nil, nil, fmt.Errorf("conditions: %w", err)
	}
	list := bytes.TrimSpace(doc)
	if len(list) > 0 && list[0] == '{' {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(list, &obj); err != nil {
			return "", nil, nil, fmt.Errorf("conditions: %w", err)
		}
		list = obj[string(conds.Kind)]
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, list); err != nil {
		return "", nil, nil, fmt.Errorf("conditions: %w", err)
	}
	return conds.Kind, compact.Bytes(), conds, nil
}

func (f *EncryptedFile) setList(list json.RawMessage) {
	switch f.ConditionsKind {
	case access.KindAccessControl:
		f.AccessControlConditions = list
	case access.KindEVMContract:
		f.EVMContractConditions = list
	case access.KindUnified:
		f.UnifiedAccessControlConditions = list
	}
}

// list returns the one condition list the file carries.
func (f *EncryptedFile) list() (json.RawMessage, error) {
	var found []access.Kind
	var list json.RawMessage
	for _, l := range []struct {
		kind access.Kind
		raw  json.RawMessage
	}{
		{access.KindAccessControl, f.AccessControlConditions},
		{access.KindEVMContract, f.EVMContractConditions},
		{access.KindUnified, f.UnifiedAccessControlConditions},
	} {
		if len(l.raw) > 0 && string(l.raw) != "null" {
			found = append(found, l.kind)
			list = l.raw
		}
	}
	switch {
	case len(found) == 0:
		return nil, fmt.Errorf("no condition list (want one of %s, %s, %s)", access.KindAccessControl, access.KindEVMContract, access.KindUnified)
	case len(found) > 1:
		return nil, fmt.Errorf("more than one condition list (%v)", found)
	case found[0] != f.ConditionsKind:
		return nil, fmt.Errorf("conditionsKind is %q but the file carries %s", f.ConditionsKind, found[0])
	}
	return list, nil
}

// Conditions returns the file's parsed conditions (after ParseEncryptedFile or Encrypt).
func (f *EncryptedFile) Conditions() *access.Conditions { return f.conds }

// check validates every field against the others and fills the parsed parts. Errors name the
// field.
func (f *EncryptedFile) check() error {
	if f.conds != nil && f.ct != nil {
		return nil
	}
	if f.Version != EncryptedFileVersion {
		return fmt.Errorf("version: %d is not a version this client reads (want %d)", f.Version, EncryptedFileVersion)
	}
	pub, err := hex.DecodeString(f.NetworkPublicKey)
	if err != nil {
		return errors.New("networkPublicKey: not hex")
	}
	if _, err := bls.ParsePublicKey(pub); err != nil {
		return fmt.Errorf("networkPublicKey: %w", err)
	}
	list, err := f.list()
	if err != nil {
		return err
	}
	var opts []access.Option
	if _, known := access.ChainID(f.Chain); f.Chain != "" && !known {
		opts = append(opts, access.WithChains(f.Chain))
	}
	conds, err := access.Parse(f.ConditionsKind, list, opts...)
	if err != nil {
		return err
	}
	if conds.HashHex() != strings.ToLower(f.ConditionsHash) {
		return fmt.Errorf("conditionsHash: %s is not the hash of the file's conditions (%s): were they edited?", clip(f.ConditionsHash), conds.HashHex())
	}
	raw, err := base64.StdEncoding.DecodeString(f.Ciphertext)
	if err != nil {
		return fmt.Errorf("ciphertext: not standard base64: %w", err)
	}
	ct, err := bls.ParseCiphertext(raw)
	if err != nil {
		return fmt.Errorf("ciphertext: %w", err)
	}
	if dh := hex.EncodeToString(ct.DataHash[:]); dh != strings.ToLower(f.DataToEncryptHash) {
		return fmt.Errorf("dataToEncryptHash: %s is not the data hash inside the ciphertext (%s)", clip(f.DataToEncryptHash), dh)
	}
	f.conds, f.ct = conds, ct
	return nil
}

// ParseEncryptedFile reads a .lit file strictly: at most MaxEncryptedFileSize bytes, no unknown
// fields, a known version, a well-formed ciphertext whose data hash, conditions and conditions
// hash agree with the other fields.
func ParseEncryptedFile(data []byte) (*EncryptedFile, error) {
	if len(data) > MaxEncryptedFileSize {
		return nil, fmt.Errorf(".lit file: %d bytes, over the %d-byte limit", len(data), MaxEncryptedFileSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f EncryptedFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf(".lit file: %w", err)
	}
	if dec.More() {
		return nil, errors.New(".lit file: trailing data after the JSON object")
	}
	if err := f.check(); err != nil {
		return nil, fmt.Errorf(".lit file: %w", err)
	}
	return &f, nil
}

// Marshal encodes the file as indented JSON (conditions readable: no HTML escaping of < > &).
func (f *EncryptedFile) Marshal() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// DataHash is the SHA-256 of the plaintext, which the decryption identity and a session's
// decryption resource name.
func (f *EncryptedFile) DataHash() [32]byte { return f.ct.DataHash }

// identity is what the nodes sign for this file.
func (f *EncryptedFile) identity() []byte { return bls.Identity(f.conds.Hash(), f.ct.DataHash) }

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
