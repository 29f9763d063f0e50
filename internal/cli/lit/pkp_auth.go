package lit

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/internal/cli"
)

// authMethodFlags describe one auth method on the command line: a kind with its proof
// (oidc + an ID token, webauthn + a registration file) or a raw type and id.
type authMethodFlags struct {
	kind       string
	idToken    string
	appID      string
	credential string
	rpID       string
	typ        uint64
	id         string
	userPubkey string
	scopes     string
}

func (f *authMethodFlags) register(fs *flag.FlagSet, withRaw bool) {
	fs.StringVar(&f.kind, "auth-method", "", "oidc (with --id-token) or webauthn (with --credential)")
	fs.StringVar(&f.idToken, "id-token", "", "an OIDC ID token of the user (e.g. from lit devnet id-token); its issuer, audience and subject make the auth method id")
	fs.StringVar(&f.appID, "app-id", "", "the app (token audience) the auth method is for (default: the token's only audience)")
	fs.StringVar(&f.credential, "credential", "", "a passkey registration JSON file (what navigator.credentials.create gives; examples/passkey-wallet saves one)")
	fs.StringVar(&f.rpID, "rp-id", "", "with --credential: fail unless the passkey belongs to this rpId (the nodes' webauthn_rp_id)")
	fs.StringVar(&f.scopes, "scopes", "1", "comma-separated scopes: 1 = sign anything, 2 = personal-sign only")
	if withRaw {
		fs.Uint64Var(&f.typ, "type", 0, "instead of --auth-method: the auth method type number (1 EthWallet, 2 LitAction, 3 WebAuthn, 6 Google JWT, 8 Apple JWT, 1330201667 OIDC)")
		fs.StringVar(&f.id, "id", "", "with --type: the auth method id, hex")
		fs.StringVar(&f.userPubkey, "user-pubkey", "", "with --type: the user public key, hex (WebAuthn: the COSE key)")
	}
}

func (f *authMethodFlags) given() bool { return f.kind != "" || f.typ != 0 }

// method builds the auth method, checking its proof locally: an ID token's shape, claims and
// expiry (not its signature: the nodes verify that with the issuer's keys on every use), or a
// registration's consistency.
func (f *authMethodFlags) method() (chain.AuthMethod, error) {
	scopes, err := parseScopes(f.scopes)
	if err != nil {
		return chain.AuthMethod{}, err
	}
	switch {
	case f.kind != "" && f.typ != 0:
		return chain.AuthMethod{}, cli.Usagef("give --auth-method or --type, not both")
	case f.kind == "oidc":
		if f.idToken == "" {
			return chain.AuthMethod{}, cli.Usagef("--auth-method oidc needs --id-token")
		}
		c, err := access.DecodeIDToken(strings.TrimSpace(f.idToken))
		if err != nil {
			return chain.AuthMethod{}, fmt.Errorf("--id-token: %w", err)
		}
		if !c.Expiry.After(time.Now()) {
			return chain.AuthMethod{}, fmt.Errorf("--id-token: expired at %s; log in again", c.Expiry.UTC().Format(time.RFC3339))
		}
		app := f.appID
		switch {
		case app != "" && !slices.Contains(c.Audience, app):
			return chain.AuthMethod{}, fmt.Errorf("--app-id %q: the token is for %s", app, strings.Join(c.Audience, ", "))
		case app == "" && len(c.Audience) != 1:
			return chain.AuthMethod{}, cli.Usagef("the token has %d audiences: say which is the app with --app-id", len(c.Audience))
		case app == "":
			app = c.Audience[0]
		}
		return chain.AuthMethod{Type: chain.AuthMethodTypeOIDC, ID: access.OIDCAuthMethodID(c.Issuer, app, c.Subject), Scopes: scopes}, nil
	case f.kind == "webauthn":
		if f.credential == "" {
			return chain.AuthMethod{}, cli.Usagef("--auth-method webauthn needs --credential FILE")
		}
		raw, err := readBounded(f.credential, access.MaxWebAuthnRegistrationSize)
		if err != nil {
			return chain.AuthMethod{}, fmt.Errorf("--credential: %w", err)
		}
		reg, err := access.ParseWebAuthnRegistration(raw)
		if err != nil {
			return chain.AuthMethod{}, fmt.Errorf("--credential %s: %w", f.credential, err)
		}
		if f.rpID != "" {
			if err := reg.CheckRPID(f.rpID); err != nil {
				return chain.AuthMethod{}, fmt.Errorf("--credential %s: %w", f.credential, err)
			}
		}
		return chain.AuthMethod{Type: chain.AuthMethodTypeWebAuthn, ID: reg.AuthMethodID(), UserPubkey: reg.PublicKey, Scopes: scopes}, nil
	case f.kind != "":
		return chain.AuthMethod{}, cli.Usagef("--auth-method %q: want oidc or webauthn (or --type and --id for any other type)", f.kind)
	case f.typ != 0:
		id, err := parseHexFlag("--id", f.id)
		if err != nil || len(id) == 0 {
			return chain.AuthMethod{}, cli.Usagef("--type needs --id, hex")
		}
		pub, err := parseHexFlag("--user-pubkey", f.userPubkey)
		if err != nil {
			return chain.AuthMethod{}, err
		}
		return chain.AuthMethod{Type: f.typ, ID: id, UserPubkey: pub, Scopes: scopes}, nil
	}
	return chain.AuthMethod{}, cli.Usagef("say which auth method: --auth-method oidc|webauthn, or --type and --id")
}

func parseScopes(s string) ([]uint64, error) {
	var out []uint64
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		n, err := strconv.ParseUint(p, 10, 64)
		if err != nil || n > 255 {
			return nil, cli.Usagef("--scopes %q: want scope numbers 0…255 (1 sign anything, 2 personal-sign)", s)
		}
		out = append(out, n)
	}
	return out, nil
}

func parseHexFlag(name, s string) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimPrefix(strings.TrimSpace(s), "0x"))
	if err != nil {
		return nil, cli.Usagef("%s: want hex", name)
	}
	return b, nil
}

func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	return b, nil
}

// authMethodOut is how the CLI prints an auth method.
type authMethodOut struct {
	Type       uint64   `json:"type"`
	TypeName   string   `json:"typeName,omitempty"`
	ID         string   `json:"id"`
	UserPubkey string   `json:"userPubkey,omitempty"`
	Scopes     []uint64 `json:"scopes"`
}

func authMethodJSON(m chain.AuthMethod) authMethodOut {
	out := authMethodOut{Type: m.Type, TypeName: chain.AuthMethodTypeName(m.Type), ID: "0x" + hex.EncodeToString(m.ID), Scopes: append([]uint64{}, m.Scopes...)}
	if len(m.UserPubkey) > 0 {
		out.UserPubkey = "0x" + hex.EncodeToString(m.UserPubkey)
	}
	return out
}

// mintWithAuthMethod is `lit pkp mint --auth-method …`: one PKPHelper transaction mints the
// PKP and permits the auth method.
func mintWithAuthMethod(ctx context.Context, cl *client.Client, keyFlag string, am *authMethodFlags, selfOwned bool) error {
	m, err := am.method()
	if err != nil {
		return err
	}
	key, err := keyOrDefault(cl.Network, keyFlag, "dev:0")
	if err != nil {
		return err
	}
	cc, err := cl.Chain(ctx)
	if err != nil {
		return err
	}
	p, err := cc.MintPKPWithAuthMethods(ctx, key, []chain.AuthMethod{m}, chain.MintOptions{SendToItself: selfOwned, AddPKPAddress: selfOwned})
	if errors.Is(err, chain.ErrNoHelper) {
		return fmt.Errorf("%w: its network file predates auth methods (contracts.pkpHelper); redeploy or mint without --auth-method", err)
	}
	if err != nil {
		return err
	}
	return cli.PrintJSON(map[string]any{
		"tokenId": hexToken(p.TokenID), "publicKey": "0x" + hex.EncodeToString(p.PublicKey), "ethAddress": p.EthAddress.Hex(),
		"owner": p.Owner.Hex(), "authMethods": []authMethodOut{authMethodJSON(m)},
	})
}

func pkpAuthMethodsCmd() *cli.Command {
	var f pkpFlags
	return &cli.Command{
		Name:  "auth-methods",
		Short: "list a PKP's auth methods with their scopes",
		Long: `Print every auth method permitted to use the PKP, permitted actions (type 2) and addresses
(type 1) included: [{"type", "typeName", "id", "userPubkey", "scopes"}]. Scope 1 lets the
method sign anything, 2 personal messages only (docs/auth-methods.md).`,
		Flags: func(fs *flag.FlagSet) { f.register(fs, false, true) },
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			cl, err := f.open(true)
			if err != nil {
				return err
			}
			defer cl.Close()
			id, err := client.PKPTokenID(f.pkp)
			if err != nil {
				return err
			}
			cc, err := cl.Chain(ctx)
			if err != nil {
				return err
			}
			if _, err := cc.KeyIDOf(ctx, id); err != nil {
				return err
			}
			all, err := cc.AuthMethods(ctx, id)
			if err != nil {
				return err
			}
			out := []authMethodOut{}
			for _, m := range all {
				out = append(out, authMethodJSON(m))
			}
			return cli.PrintJSON(out)
		},
	}
}

func pkpAddAuthMethodCmd() *cli.Command {
	var f pkpFlags
	var am authMethodFlags
	return &cli.Command{
		Name:  "add-auth-method",
		Short: "permit an auth method (OIDC login, passkey, any type) to use a PKP",
		Long: `Permit an auth method for the PKP (a transaction by its owner, --key): --auth-method oidc
--id-token T, --auth-method webauthn --credential FILE, or --type N --id HEX [--user-pubkey
HEX]; --scopes as in 'lit pkp mint'. Prints the PKP's auth methods afterwards.`,
		Flags: func(fs *flag.FlagSet) {
			f.register(fs, true, true)
			am.register(fs, true)
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			m, err := am.method()
			if err != nil {
				return err
			}
			return changeAuthMethods(ctx, &f, func(cc *chain.Client, key keyArg) error { return cc.PermitAuthMethod(ctx, key.k, key.id, m) })
		},
	}
}

func pkpRemoveAuthMethodCmd() *cli.Command {
	var f pkpFlags
	var typ uint64
	var idHex string
	return &cli.Command{
		Name:  "remove-auth-method",
		Short: "take an auth method's permission away",
		Flags: func(fs *flag.FlagSet) {
			f.register(fs, true, true)
			fs.Uint64Var(&typ, "type", 0, "the auth method type (see lit pkp auth-methods)")
			fs.StringVar(&idHex, "id", "", "the auth method id, hex")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			id, err := parseHexFlag("--id", idHex)
			if err != nil || typ == 0 || len(id) == 0 {
				return cli.Usagef("--type and --id (hex) are required")
			}
			return changeAuthMethods(ctx, &f, func(cc *chain.Client, key keyArg) error { return cc.RevokeAuthMethod(ctx, key.k, key.id, typ, id) })
		},
	}
}

type keyArg struct {
	k  *ecdsa.PrivateKey
	id *big.Int
}

// changeAuthMethods runs one owner transaction on the PKP's auth methods and prints them.
func changeAuthMethods(ctx context.Context, f *pkpFlags, change func(*chain.Client, keyArg) error) error {
	cl, err := f.open(true)
	if err != nil {
		return err
	}
	defer cl.Close()
	key, err := keyOrDefault(cl.Network, f.key, "dev:0")
	if err != nil {
		return err
	}
	id, err := client.PKPTokenID(f.pkp)
	if err != nil {
		return err
	}
	cc, err := cl.Chain(ctx)
	if err != nil {
		return err
	}
	if err := change(cc, keyArg{k: key, id: id}); err != nil {
		return err
	}
	all, err := cc.AuthMethods(ctx, id)
	if err != nil {
		return err
	}
	out := []authMethodOut{}
	for _, m := range all {
		out = append(out, authMethodJSON(m))
	}
	return cli.PrintJSON(map[string]any{"tokenId": hexToken(id), "authMethods": out})
}
