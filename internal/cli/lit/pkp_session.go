package lit

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/internal/cli"
)

// PKP sessions from the command line. An ID token must carry the nonce the nodes bind it to —
// a hash of the session key and the capability — so the session exists before the token:
// `lit pkp session-nonce` makes the session key, keeps it (owner-only) under --sessions and
// prints the nonce; the app or `lit devnet id-token --nonce` gets a token with it; `lit pkp
// sign --id-token` finds the session by the token's nonce, exchanges the token for the PKP
// session (POST /web/sign_session_key) and signs.

// savedPKPSession is a session file: the pending session and, once the nodes signed it, the
// capability.
type savedPKPSession struct {
	Pending    *client.PendingPKPSession `json:"pending"`
	Capability *access.AuthSig           `json:"capability,omitempty"`
}

var nonceFile = regexp.MustCompile(`^[0-9a-f]{64}$`)

// defaultSessionsDir is where session files are kept without --sessions.
func defaultSessionsDir() string {
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "litmesh", "pkp-sessions")
	}
	return filepath.Join(".litmesh", "pkp-sessions")
}

func sessionPath(dir, nonce string) (string, error) {
	if !nonceFile.MatchString(nonce) {
		return "", fmt.Errorf("the ID token's nonce %q is not a PKP session nonce (64 hex digits): get the token with the nonce `lit pkp session-nonce` printed", clipText(nonce))
	}
	return filepath.Join(dir, nonce+".json"), nil
}

func clipText(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

func saveSession(path string, s *savedPKPSession) error {
	raw, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, raw, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func pkpSessionNonceCmd() *cli.Command {
	var f pkpFlags
	var dir string
	var ttl time.Duration
	return &cli.Command{
		Name:  "session-nonce",
		Short: "start a PKP session: make its session key and print the nonce its ID token must carry",
		Long: `Make a fresh session key and the capability it will ask the nodes for (sign with the PKP,
decrypt, run actions; expiring after --ttl), keep them owner-only in --sessions, and print the
OIDC nonce: a hash of the session key, the PKP and the capability. Get an ID token with that
nonce (the nonce parameter of the OIDC login, or lit devnet id-token --nonce), then give it to
lit pkp sign --id-token. Nodes refuse a token whose nonce is another session's, so a token
seen by anyone else is useless to them.

  NONCE=$(lit pkp session-nonce --pkp $PKP)
  lit pkp sign --pkp $PKP --hash $H --id-token $(lit devnet id-token --sub alice --aud demo --nonce $NONCE)`,
		Flags: func(fs *flag.FlagSet) {
			f.register(fs, false, true)
			fs.StringVar(&dir, "sessions", defaultSessionsDir(), "directory of PKP session files (owner-only)")
			fs.DurationVar(&ttl, "ttl", 15*time.Minute, "how long the session is valid (at most the nodes' maximum, 24h by default)")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			if ttl < time.Minute {
				return cli.Usagef("--ttl: at least a minute")
			}
			cl, err := f.open(true)
			if err != nil {
				return err
			}
			defer cl.Close()
			pub, err := cl.PKPPublicKey(ctx, f.pkp)
			if err != nil {
				return err
			}
			p, err := client.NewPendingPKPSession(pub, client.PKPSessionOptions{TTL: ttl, ChainID: cl.Network.Chain.ChainID})
			if err != nil {
				return err
			}
			path, err := sessionPath(dir, p.Nonce())
			if err != nil {
				return err
			}
			if err := saveSession(path, &savedPKPSession{Pending: p}); err != nil {
				return fmt.Errorf("keep the session: %w", err)
			}
			cli.Infof("session kept in %s until %s", path, p.Expiration().UTC().Format(time.RFC3339))
			_, err = fmt.Fprintln(os.Stdout, p.Nonce())
			return err
		},
	}
}

// pkpSessionFromIDToken is the PKP session an ID token proves: the session file its nonce
// names, with the capability the nodes signed (asked for now, or kept from an earlier run).
func pkpSessionFromIDToken(ctx context.Context, cl *client.Client, pkp, dir, token string) (*client.PKPSession, error) {
	token = strings.TrimSpace(token)
	claims, err := access.DecodeIDToken(token)
	if err != nil {
		return nil, fmt.Errorf("--id-token: %w", err)
	}
	if claims.Nonce == "" {
		return nil, errors.New("--id-token: the token has no nonce; nodes take only a token bound to a session: run lit pkp session-nonce and get the token with the nonce it prints")
	}
	path, err := sessionPath(dir, claims.Nonce)
	if err != nil {
		return nil, fmt.Errorf("--id-token: %w", err)
	}
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("--id-token: no session for its nonce in %s (lit pkp session-nonce keeps one; --sessions names the directory)", dir)
	}
	if err != nil {
		return nil, err
	}
	var saved savedPKPSession
	if err := json.Unmarshal(raw, &saved); err != nil {
		return nil, fmt.Errorf("session file %s: unreadable: %w", path, err)
	}
	if saved.Pending == nil {
		return nil, fmt.Errorf("session file %s: holds no pending session", path)
	}
	if time.Until(saved.Pending.Expiration()) <= 0 {
		_ = os.Remove(path)
		return nil, fmt.Errorf("the session of this token expired at %s: start another with lit pkp session-nonce", saved.Pending.Expiration().UTC().Format(time.RFC3339))
	}
	if pkp != "" {
		pub, err := cl.PKPPublicKey(ctx, pkp)
		if err != nil {
			return nil, err
		}
		if have := access.PKPAddress(saved.Pending.PKPPublicKey()); have != access.PKPAddress(pub) {
			return nil, fmt.Errorf("--id-token: its session is for PKP %s, not --pkp %s", have.Hex(), pkp)
		}
	}
	if saved.Capability != nil {
		return client.RestorePKPSession(saved.Pending, *saved.Capability)
	}
	s, err := cl.SignSessionKey(ctx, saved.Pending, []api.AuthMethod{client.IDTokenAuthMethod(token)})
	if err != nil {
		return nil, err
	}
	c := s.Capability()
	saved.Capability = &c
	if err := saveSession(path, &saved); err != nil {
		cli.Infof("could not keep the session's capability: %v", err)
	}
	return s, nil
}
