package lit

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/internal/cli"
)

func pkpCmd() *cli.Command {
	return &cli.Command{
		Name:  "pkp",
		Short: "programmable key pairs: mint, sign, send, permissions",
		Long: `PKPs are keys held by the network and owned as NFTs (docs/pkp.md): secp256k1 ECDSA keys,
and Ed25519, Schnorr secp256k1 (BIP-340/Taproot) and BLS keys (docs/schemes.md). --pkp takes a
token id (0x-hex or decimal) or, for ECDSA PKPs, a public key (0x04… hex). --key takes a hex
private key or dev:N, the devnet's funded account N (default dev:0 where a key is optional).`,
		Sub: []*cli.Command{pkpMintCmd(), pkpSignCmd(), pkpAddressCmd(), pkpEthSendCmd(), pkpPermitActionCmd(), pkpPermissionsCmd(),
			pkpAuthMethodsCmd(), pkpAddAuthMethodCmd(), pkpRemoveAuthMethodCmd(), pkpSessionNonceCmd()},
	}
}

// pkpFlags are the flags every pkp command shares.
type pkpFlags struct {
	network string
	key     string
	pkp     string
}

func (f *pkpFlags) register(fs *flag.FlagSet, withKey, withPKP bool) {
	fs.StringVar(&f.network, "network", "", "network file (default $LIT_NETWORK, then .litdevnet/network.json)")
	if withKey {
		fs.StringVar(&f.key, "key", "", "private key (hex) or dev:N (default dev:0)")
	}
	if withPKP {
		fs.StringVar(&f.pkp, "pkp", "", "the PKP: token id or public key")
	}
}

func (f *pkpFlags) open(needPKP bool) (*client.Client, error) {
	if needPKP && f.pkp == "" {
		return nil, cli.Usagef("--pkp is required")
	}
	nf, err := client.LoadNetwork(client.ResolveNetworkPath(f.network))
	if err != nil {
		return nil, err
	}
	return newClient(nf), nil
}

// keyOrDefault parses --key, or def when the flag is empty.
func keyOrDefault(nf *client.NetworkFile, flagValue, def string) (*ecdsa.PrivateKey, error) {
	if flagValue == "" {
		flagValue = def
	}
	return parseKey(nf, flagValue)
}

func pkpMintCmd() *cli.Command {
	var f pkpFlags
	var keyType string
	var am authMethodFlags
	var selfOwned bool
	return &cli.Command{
		Name:  "mint",
		Short: "mint a PKP owned by --key's address, of any key type, optionally bound to an auth method",
		Long: `Mint a PKP: its key is derived from the network's root key of its type and the contract's
next key id, so minting is one transaction and no node takes part. --key-type is ecdsa (the
default; prints {"tokenId", "publicKey", "ethAddress"}), ed25519 (Solana), taproot (Schnorr
secp256k1: BIP-340 and RFC 9591) or bls (prints {"tokenId", "keyType", "publicKey",
"signingSchemes", "solanaAddress"/"xOnlyPublicKey"}).

With --auth-method the same transaction (PKPHelper) also permits an auth method with
--scopes (default 1, sign anything): 'oidc --id-token T' (the token's issuer, app and subject
make the id; it is checked locally for shape, claims and expiry) or 'webauthn --credential
FILE' (a passkey's registration JSON). --self-owned makes the PKP its own owner, so only its
auth methods control it. Prints the PKP with "owner" and "authMethods". --auth-method mints
ECDSA PKPs only for now (add auth methods to another key type's PKP afterwards with
'lit pkp add-auth-method').`,
		Flags: func(fs *flag.FlagSet) {
			f.register(fs, true, false)
			fs.StringVar(&keyType, "key-type", "ecdsa", "ecdsa, ed25519, taproot or bls")
			am.register(fs, false)
			fs.BoolVar(&selfOwned, "self-owned", false, "with --auth-method: the PKP owns itself (and its address is permitted)")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			if selfOwned && !am.given() {
				return cli.Usagef("--self-owned needs --auth-method: nothing could use a self-owned PKP without one")
			}
			kt, err := client.ParseKeyType(keyType)
			if err != nil {
				return cli.Usagef("--key-type: %v", err)
			}
			if am.given() && kt != chain.KeyTypeECDSA {
				return cli.Usagef("--auth-method mints ECDSA PKPs only; mint the %s PKP without it, then 'lit pkp add-auth-method'", keyType)
			}
			cl, err := f.open(false)
			if err != nil {
				return err
			}
			defer cl.Close()
			if am.given() {
				return mintWithAuthMethod(ctx, cl, f.key, &am, selfOwned)
			}
			key, err := keyOrDefault(cl.Network, f.key, "dev:0")
			if err != nil {
				return err
			}
			if kt != chain.KeyTypeECDSA {
				p, err := cl.MintPKPOfType(ctx, key, kt)
				if err != nil {
					return err
				}
				return cli.PrintJSON(p)
			}
			p, err := cl.MintPKP(ctx, key)
			if err != nil {
				return err
			}
			return cli.PrintJSON(p)
		},
	}
}

func pkpSignCmd() *cli.Command {
	var f pkpFlags
	var hash, authFile, idToken, sessions string
	var sf schemeSignFlags
	return &cli.Command{
		Name:  "sign",
		Short: "sign a 32-byte hash (ECDSA) or a message (--scheme) with a PKP",
		Long: `Sign a 32-byte hash with a PKP on the network: the owner (or a permitted address) proves
itself with --key, which signs a capability for this PKP for a fresh session key; the session
key signs a session signature for each node. Signing takes session signatures: nodes refuse a
plain --authsig. Prints {"r", "s", "v", "recid", "signature", "publicKey", …}: v is 27 or 28,
recid 0 or 1 (crypto.Ecrecover wants r ‖ s ‖ recid), signature is r ‖ s ‖ v.

Without a wallet, --id-token proves one of the PKP's auth methods (an OIDC login): the token's
nonce names the session lit pkp session-nonce started, every node checks the token and that
the login may sign with the PKP (scope 1), and their BLS shares make the PKP session that
signs (docs/auth-methods.md). The session is kept for its lifetime, so the same token signs
again without asking the nodes for a new capability.

With --scheme (SchnorrEd25519Sha512, SchnorrK256Taproot, SchnorrK256Sha256,
Bls12381G1MessageAugmentation) it signs --message (or --hash) with a PKP of the scheme's key
type and prints {"signingScheme", "signature", "publicKey", "message", …}: the signature in the
scheme's standard encoding and the key it verifies under, hex (docs/schemes.md says how to
verify each with standard tools). Lit's Bls12381G1ProofOfPossession is refused for PKPs: with
keys derived from one root, a proof-of-possession signature of one PKP converts into another's;
BLS PKPs sign with Bls12381G1MessageAugmentation instead (docs/schemes.md).`,
		Flags: func(fs *flag.FlagSet) {
			f.register(fs, true, true)
			fs.StringVar(&hash, "hash", "", "the 32-byte hash to sign, hex")
			fs.StringVar(&authFile, "authsig", "", "authSig JSON file (instead of --key); nodes refuse plain authSigs for signing")
			fs.StringVar(&idToken, "id-token", "", "an OIDC ID token of one of the PKP's auth methods, with the nonce of lit pkp session-nonce (instead of --key)")
			fs.StringVar(&sessions, "sessions", defaultSessionsDir(), "directory of PKP session files (with --id-token)")
			sf.register(fs)
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			if sf.scheme != "" && sf.scheme != "EcdsaK256Sha256" {
				if idToken != "" {
					return cli.Usagef("--id-token signs with ECDSA PKPs only for now; sign with --scheme %s using --key or --authsig", sf.scheme)
				}
				return runSchemeSign(ctx, &f, &sf, hash, authFile)
			}
			h, err := hex.DecodeString(strings.TrimPrefix(hash, "0x"))
			if err != nil || len(h) != 32 {
				return cli.Usagef("--hash: want 32 bytes of hex")
			}
			if idToken != "" && (f.key != "" || authFile != "") {
				return cli.Usagef("give --id-token, --key or --authsig, not several")
			}
			cl, err := f.open(true)
			if err != nil {
				return err
			}
			defer cl.Close()
			var auth client.Auth
			if idToken != "" {
				auth, err = pkpSessionFromIDToken(ctx, cl, f.pkp, sessions, idToken)
			} else {
				auth, err = authFromFlags(cl.Network, f.key, authFile)
			}
			if err != nil {
				return err
			}
			sig, err := cl.PKPSign(ctx, f.pkp, [32]byte(h), auth)
			if err != nil {
				return err
			}
			for _, r := range sig.Rejected {
				cli.Infof("left out node %s: %s", r.PeerID, r.Reason)
			}
			return cli.PrintJSON(sig)
		},
	}
}

func pkpEthSendCmd() *cli.Command {
	var f pkpFlags
	var to, value, authFile string
	return &cli.Command{
		Name:  "eth-send",
		Short: "send native currency from a PKP's address",
		Long: `Build a transfer of --value wei from the PKP's address to --to, have the network sign it
with the PKP, submit it to the network's chain and wait for it to be mined. The PKP's address
must hold the value and the gas. Prints {"txHash", "from", "to", "value", "blockNumber",
"status", "gasUsed"}.`,
		Flags: func(fs *flag.FlagSet) {
			f.register(fs, true, true)
			fs.StringVar(&to, "to", "", "recipient address")
			fs.StringVar(&value, "value", "", "amount in wei (decimal)")
			fs.StringVar(&authFile, "authsig", "", "authSig JSON file (instead of --key)")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			if !common.IsHexAddress(to) {
				return cli.Usagef("--to: want a 0x-prefixed 20-byte address")
			}
			v, ok := new(big.Int).SetString(value, 10)
			if !ok || v.Sign() < 0 {
				return cli.Usagef("--value: want a non-negative decimal amount of wei")
			}
			cl, err := f.open(true)
			if err != nil {
				return err
			}
			defer cl.Close()
			if f.key == "" && authFile == "" {
				f.key = "dev:0"
			}
			auth, err := authFromFlags(cl.Network, f.key, authFile)
			if err != nil {
				return err
			}
			tx, err := cl.PKPSendTransaction(ctx, f.pkp, common.HexToAddress(to), v, auth)
			if err != nil {
				return err
			}
			return cli.PrintJSON(tx)
		},
	}
}

func pkpPermitActionCmd() *cli.Command {
	var f pkpFlags
	var cid string
	return &cli.Command{
		Name:  "permit-action",
		Short: "let a Lit Action (by IPFS CID) sign with a PKP",
		Long: `Add the Lit Action with --cid to the PKP's permitted actions (a transaction by the PKP's
owner, --key). Prints {"tokenId", "cid", "permitted"}.`,
		Flags: func(fs *flag.FlagSet) {
			f.register(fs, true, true)
			fs.StringVar(&cid, "cid", "", "the action's IPFS CID (see lit ipfs cid / lit action pin)")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			bin, err := chain.CanonicalCID(cid)
			if err != nil {
				return cli.Usagef("--cid: %v", err)
			}
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
			if err := cc.PermitAction(ctx, key, id, bin); err != nil {
				return err
			}
			ok, err := cc.IsPermittedAction(ctx, id, bin)
			if err != nil {
				return err
			}
			canon, _ := chain.CIDString(bin)
			return cli.PrintJSON(map[string]any{"tokenId": hexToken(id), "cid": canon, "permitted": ok})
		},
	}
}

// pkpPermissionsOut is what `lit pkp permissions` prints.
type pkpPermissionsOut struct {
	TokenID     string          `json:"tokenId"`
	PublicKey   string          `json:"publicKey"`
	EthAddress  string          `json:"ethAddress"`
	Owner       string          `json:"owner,omitempty"`
	Burned      bool            `json:"burned"`
	Actions     []string        `json:"actions"`
	Addresses   []string        `json:"addresses"`
	AuthMethods []authMethodOut `json:"authMethods"`
}

func pkpPermissionsCmd() *cli.Command {
	var f pkpFlags
	return &cli.Command{
		Name:  "permissions",
		Short: "show a PKP's owner and everything permitted to use it",
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
			p, err := cc.PKP(ctx, id)
			if err != nil {
				return err
			}
			perms, err := cc.Permissions(ctx, id)
			if err != nil {
				return err
			}
			out := pkpPermissionsOut{
				TokenID: hexToken(id), PublicKey: "0x" + hex.EncodeToString(p.PublicKey), EthAddress: p.EthAddress.Hex(),
				Burned: p.Burned, Actions: []string{}, Addresses: []string{}, AuthMethods: []authMethodOut{},
			}
			if !p.Burned {
				out.Owner = p.Owner.Hex()
			}
			for _, a := range perms.Actions {
				s, err := chain.CIDString(a)
				if err != nil {
					s = "0x" + hex.EncodeToString(a)
				}
				out.Actions = append(out.Actions, s)
			}
			for _, a := range perms.Addresses {
				out.Addresses = append(out.Addresses, a.Hex())
			}
			for _, m := range perms.AuthMethods {
				out.AuthMethods = append(out.AuthMethods, authMethodJSON(m))
			}
			return cli.PrintJSON(out)
		},
	}
}

func hexToken(id *big.Int) string {
	var b [32]byte
	id.FillBytes(b[:])
	return "0x" + hex.EncodeToString(b[:])
}

func chainCmd() *cli.Command {
	var network string
	return &cli.Command{
		Name:  "chain",
		Short: "the network's chain: dev accounts",
		Sub: []*cli.Command{{
			Name:  "accounts",
			Short: "list the funded dev accounts of the network file, with balances",
			Long: `Print the network file's dev accounts (the devnet's funded accounts; --key dev:N is account
N) with their balances in wei: [{"index", "key", "address", "privateKey", "balance"}]. These
keys are public test keys: never use them on a real network.`,
			Flags: func(fs *flag.FlagSet) {
				fs.StringVar(&network, "network", "", "network file (default $LIT_NETWORK, then .litdevnet/network.json)")
			},
			Run: func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return cli.Usagef("unexpected argument %q", args[0])
				}
				nf, err := client.LoadNetwork(client.ResolveNetworkPath(network))
				if err != nil {
					return err
				}
				if len(nf.DevAccounts) == 0 {
					return errors.New("the network file lists no dev accounts (only a devnet has them)")
				}
				cl := newClient(nf)
				defer cl.Close()
				cc, err := cl.Chain(ctx)
				if err != nil {
					return err
				}
				type account struct {
					Index      int    `json:"index"`
					Key        string `json:"key"`
					Address    string `json:"address"`
					PrivateKey string `json:"privateKey"`
					Balance    string `json:"balance"`
				}
				out := make([]account, 0, len(nf.DevAccounts))
				for i, a := range nf.DevAccounts {
					if !common.IsHexAddress(a.Address) {
						return fmt.Errorf("network file devAccounts[%d]: address %q", i, a.Address)
					}
					bal, err := cc.Balance(ctx, common.HexToAddress(a.Address))
					if err != nil {
						return err
					}
					out = append(out, account{Index: i, Key: fmt.Sprintf("dev:%d", i), Address: common.HexToAddress(a.Address).Hex(), PrivateKey: a.PrivateKey, Balance: bal.String()})
				}
				return cli.PrintJSON(out)
			},
		}},
	}
}
