package lit

import (
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/client"
)

// parseKey reads a --key value: a hex private key (0x optional) or dev:N, the network file's
// funded devnet account N.
func parseKey(nf *client.NetworkFile, s string) (*ecdsa.PrivateKey, error) {
	if rest, ok := strings.CutPrefix(s, "dev:"); ok {
		i, err := strconv.Atoi(rest)
		if err != nil || i < 0 {
			return nil, fmt.Errorf("--key %s: want dev:N with N a devnet account number", s)
		}
		if i >= len(nf.DevAccounts) {
			return nil, fmt.Errorf("--key %s: the network file lists %d devnet accounts", s, len(nf.DevAccounts))
		}
		s = nf.DevAccounts[i].PrivateKey
	}
	key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(s), "0x"))
	if err != nil {
		return nil, errors.New("--key: want a hex secp256k1 private key or dev:N")
	}
	return key, nil
}

// authSigFor is the authSig a command sends: a fresh one signed with --key, or the one in the
// --authsig file. Exactly one of the two must be given.
func authSigFor(nf *client.NetworkFile, key, authSigFile string) (json.RawMessage, error) {
	switch {
	case key != "" && authSigFile != "":
		return nil, errors.New("give --key or --authsig, not both")
	case key != "":
		k, err := parseKey(nf, key)
		if err != nil {
			return nil, err
		}
		chainID := nf.Chain.ChainID
		if chainID == 0 {
			chainID = 1
		}
		sig, err := access.CreateAuthSig(k, access.AuthSigOptions{ChainID: chainID, TTL: time.Hour})
		if err != nil {
			return nil, err
		}
		return json.Marshal(sig)
	case authSigFile != "":
		f, err := os.Open(authSigFile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		raw, err := io.ReadAll(io.LimitReader(f, access.MaxAuthSigSize+1))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", authSigFile, err)
		}
		if _, err := access.ParseAuthSig(raw); err != nil {
			return nil, fmt.Errorf("--authsig %s: %w", authSigFile, err)
		}
		return raw, nil
	}
	return nil, errors.New("give --key KEY (hex or dev:N) or --authsig FILE to authenticate")
}
