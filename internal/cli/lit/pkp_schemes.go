package lit

import (
	"context"
	"encoding/hex"
	"flag"
	"strings"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/internal/cli"
)

// schemeSignFlags are `lit pkp sign`'s flags for the schemes other than ECDSA.
type schemeSignFlags struct {
	scheme     string
	message    string
	text       string
	taproot    bool
	merkleRoot string
}

func (s *schemeSignFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.scheme, "scheme", "", "signing scheme: "+strings.Join(api.SigningSchemes, ", ")+" (default EcdsaK256Sha256)")
	fs.StringVar(&s.message, "message", "", "--scheme: the message to sign, hex (up to 4 KiB; BIP-340 with btcec wants 32 bytes)")
	fs.StringVar(&s.text, "text", "", "--scheme: the message to sign, as text")
	fs.BoolVar(&s.taproot, "taproot-output", false, "SchnorrK256Taproot: sign for the PKP's BIP-86 output key (its P2TR address, lit pkp address --chain bitcoin)")
	fs.StringVar(&s.merkleRoot, "merkle-root", "", "SchnorrK256Taproot: sign for the output key committing to this script tree root (hex, 32 bytes)")
}

func runSchemeSign(ctx context.Context, f *pkpFlags, s *schemeSignFlags, hash, authFile string) error {
	var msg []byte
	given := 0
	for _, v := range []string{s.message, s.text, hash} {
		if v != "" {
			given++
		}
	}
	if given != 1 {
		return cli.Usagef("--scheme %s: give exactly one of --message (hex), --text, --hash", s.scheme)
	}
	switch {
	case s.text != "":
		msg = []byte(s.text)
	default:
		raw, err := hex.DecodeString(strings.TrimPrefix(s.message+hash, "0x"))
		if err != nil || len(raw) == 0 || len(raw) > api.MaxSchemeMessage {
			return cli.Usagef("--message: want 1…%d bytes of hex", api.MaxSchemeMessage)
		}
		msg = raw
	}
	opts := &client.SchemeSignOptions{}
	if s.taproot || s.merkleRoot != "" {
		if s.scheme != api.SchemeSchnorrK256Taproot {
			return cli.Usagef("--taproot-output and --merkle-root are for --scheme %s", api.SchemeSchnorrK256Taproot)
		}
		if mr, err := hex.DecodeString(strings.TrimPrefix(s.merkleRoot, "0x")); err != nil || (len(mr) != 0 && len(mr) != 32) {
			return cli.Usagef("--merkle-root: want 32 bytes of hex")
		}
		opts.Taproot = &api.TaprootSpend{MerkleRoot: s.merkleRoot}
	}
	cl, err := f.open(true)
	if err != nil {
		return err
	}
	defer cl.Close()
	auth, err := authFromFlags(cl.Network, f.key, authFile)
	if err != nil {
		return err
	}
	sig, err := cl.PKPSignScheme(ctx, f.pkp, s.scheme, msg, auth, opts)
	if err != nil {
		return err
	}
	for _, r := range sig.Rejected {
		cli.Infof("left out node %s: %s", r.PeerID, r.Reason)
	}
	return cli.PrintJSON(sig)
}

func pkpAddressCmd() *cli.Command {
	var f pkpFlags
	var chainName, btcNet string
	return &cli.Command{
		Name:  "address",
		Short: "a PKP's address on another chain (ethereum, solana, bitcoin)",
		Long: `Print a PKP's address: --chain ethereum (ECDSA PKPs: the Ethereum address), solana (Ed25519
PKPs: the base58 public key, which is a Solana account address) or bitcoin (Schnorr secp256k1
PKPs, lit pkp mint --key-type taproot: the BIP-86 P2TR address of the PKP's output key, bech32m;
--btc-network mainnet, testnet, signet or regtest). The key is checked against the network's
root key of its type first. Prints {"tokenId", "chain", "address"}.`,
		Flags: func(fs *flag.FlagSet) {
			f.register(fs, false, true)
			fs.StringVar(&chainName, "chain", "", "ethereum, solana or bitcoin")
			fs.StringVar(&btcNet, "btc-network", "mainnet", "bitcoin: mainnet, testnet, signet or regtest")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			if chainName == "" {
				return cli.Usagef("--chain is required: ethereum, solana or bitcoin")
			}
			cl, err := f.open(true)
			if err != nil {
				return err
			}
			defer cl.Close()
			addr, err := cl.PKPAddress(ctx, f.pkp, chainName, btcNet)
			if err != nil {
				return err
			}
			id, err := client.PKPTokenID(f.pkp)
			if err != nil {
				return err
			}
			return cli.PrintJSON(map[string]string{"tokenId": hexToken(id), "chain": strings.ToLower(chainName), "address": addr})
		},
	}
}
