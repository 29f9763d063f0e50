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

// sessionTTL is how long the session a command makes from --key is valid: long enough for
// one command.
const sessionTTL = 15 * time.Minute

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

// authFromFlags is how a request proves who asks: from --key, a session (an ed25519 session
// key for this run, a capability the key signs for exactly the resource the command needs, and
// a session signature per node); from --authsig, the Lit-format authSig in the file as it is
// (nodes take a plain authSig for decryption only). Exactly one of the two must be given.
func authFromFlags(nf *client.NetworkFile, key, authSigPath string) (client.Auth, error) {
	switch {
	case key != "" && authSigPath != "":
		return nil, cli.Usagef("give --key or --authsig, not both")
	case key != "":
		k, err := parseKey(nf, key)
		if err != nil {
			return nil, err
		}
		return client.NewSession(k, client.SessionOptions{TTL: sessionTTL})
	case authSigPath != "":
		a, err := readAuthSigFile(authSigPath)
		if err != nil {
			return nil, err
		}
		return client.PlainAuthSig(a), nil
	}
	return nil, cli.Usagef("give --key KEY (hex or dev:N) or --authsig FILE to prove who you are")
}

// authSigFromFlags is a plain wallet authSig, for what is no Lit ability and so takes no session
// (storing files on the nodes): made from --key for this run, or read from --authsig.
func authSigFromFlags(nf *client.NetworkFile, key, authSigPath string) (*access.AuthSig, error) {
	switch {
	case key != "" && authSigPath != "":
		return nil, cli.Usagef("give --key or --authsig, not both")
	case key != "":
		k, err := parseKey(nf, key)
		if err != nil {
			return nil, err
		}
		return access.CreateAuthSig(k, access.AuthSigOptions{ChainID: nf.Chain.ChainID, TTL: sessionTTL})
	case authSigPath != "":
		return readAuthSigFile(authSigPath)
	}
	return nil, cli.Usagef("give --key KEY (hex or dev:N) or --authsig FILE to prove who you are")
}

// readAuthSigFile reads a Lit-format authSig JSON file.
func readAuthSigFile(path string) (*access.AuthSig, error) {
	f, err := os.Open(path)
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
		return nil, fmt.Errorf("--authsig %s: %w", path, err)
	}
	return a, nil
}
