package lit

import (
	"crypto/ecdsa"
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
	"github.com/litmesh/litmesh/internal/cli"
)

// authSigTTL is how long an authSig made from --key stays valid: long enough for one command.
const authSigTTL = 15 * time.Minute

// parseKey reads --key: a hex secp256k1 private key (with or without 0x) or dev:N, the
// network file's dev account N.
func parseKey(nf *client.NetworkFile, s string) (*ecdsa.PrivateKey, error) {
	if rest, ok := strings.CutPrefix(s, "dev:"); ok {
		i, err := strconv.Atoi(rest)
		if err != nil || i < 0 {
			return nil, fmt.Errorf("--key %s: want dev:N with N a dev account number", s)
		}
		if i >= len(nf.DevAccounts) {
			return nil, fmt.Errorf("--key %s: the network file lists %d dev accounts", s, len(nf.DevAccounts))
		}
		s = nf.DevAccounts[i].PrivateKey
	}
	k, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(s), "0x"))
	if err != nil {
		return nil, errors.New("--key: want a hex secp256k1 private key or dev:N")
	}
	return k, nil
}

// authSigFromFlags builds the authSig of a request: a fresh SIWE authSig signed with --key, or
// the one in the --authsig file. Exactly one of the two must be given.
func authSigFromFlags(nf *client.NetworkFile, key, authSigPath string) (*access.AuthSig, error) {
	switch {
	case key != "" && authSigPath != "":
		return nil, cli.Usagef("give --key or --authsig, not both")
	case key != "":
		k, err := parseKey(nf, key)
		if err != nil {
			return nil, err
		}
		return access.CreateAuthSig(k, access.AuthSigOptions{ChainID: nf.Chain.ChainID, TTL: authSigTTL})
	case authSigPath != "":
		f, err := os.Open(authSigPath)
		if err != nil {
			return nil, fmt.Errorf("--authsig: %w", err)
		}
		defer func() { _ = f.Close() }() // read-only: nothing to lose on close
		raw, err := io.ReadAll(io.LimitReader(f, access.MaxAuthSigSize+1))
		if err != nil {
			return nil, fmt.Errorf("--authsig: %w", err)
		}
		a, err := access.ParseAuthSig(raw)
		if err != nil {
			return nil, fmt.Errorf("--authsig %s: %w", authSigPath, err)
		}
		return a, nil
	}
	return nil, cli.Usagef("give --key KEY (hex or dev:N) or --authsig FILE to prove who you are")
}
