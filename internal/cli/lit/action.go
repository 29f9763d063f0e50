package lit

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/internal/cli"
)

//nolint:gocognit // a command: flag checks, the request and the output in one place
func actionRunCmd() *cli.Command {
	var network, cid, file, params, key, authSig string
	return &cli.Command{
		Name:  "run",
		Short: "run a Lit Action on every node and print the agreed result",
		Long: `Run a Lit Action on every node of the network: by CID (pinned with 'lit action pin') or
from a local file, sent inline. --params is the jsParams object; each key is also a global of
the action. Authenticate with --key (hex or dev:N): it signs a capability for this action's CID
for a fresh session key, which signs a session signature for each node (running an action takes
session signatures; a plain --authsig is refused by the nodes). Prints {"response", "logs",
"signatures", "claims", "decryptedData"}: the most common response among the nodes, that
node's logs, the signatures by sigName (the nodes' shares combined and checked: r, s, v,
signature, publicKey), the keys the action claimed (claimKey: the derived key id and every
node's signature of it) and what decryptToSingleNode decrypted. Exits non-zero with the error
if the action failed on most nodes; its logs then go to stderr.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&network, "network", "", "network file (default $LIT_NETWORK, then .litdevnet/network.json)")
			fs.StringVar(&cid, "cid", "", "CID of a pinned action")
			fs.StringVar(&file, "file", "", "JavaScript file to run inline")
			fs.StringVar(&params, "params", "", "jsParams, a JSON object")
			fs.StringVar(&key, "key", "", "wallet key that authorises the session: hex, or dev:N for devnet account N")
			fs.StringVar(&authSig, "authsig", "", "file holding a Lit-format authSig (JSON); nodes refuse plain authSigs for execution")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			if (cid == "") == (file == "") {
				return cli.Usagef("give exactly one of --cid and --file")
			}
			req := client.ExecuteRequest{CID: cid}
			if file != "" {
				code, err := os.ReadFile(file)
				if err != nil {
					return err
				}
				if len(code) > api.MaxActionCode {
					return fmt.Errorf("%s is %d bytes, over the %d-byte action limit", file, len(code), api.MaxActionCode)
				}
				req.Code = code
			}
			if params != "" {
				p := json.RawMessage(strings.TrimSpace(params))
				if !json.Valid(p) || p[0] != '{' {
					return cli.Usagef("--params: want a JSON object")
				}
				req.JSParams = p
			}
			nf, err := client.LoadNetwork(client.ResolveNetworkPath(network))
			if err != nil {
				return err
			}
			if req.Auth, err = authFromFlags(nf, key, authSig); err != nil {
				return err
			}
			cl := newClient(nf)
			defer cl.Close()
			res, err := cl.Execute(ctx, req)
			var failed *client.ActionFailedError
			if errors.As(err, &failed) && res.Logs != "" {
				cli.Infof("logs:\n%s", strings.TrimRight(res.Logs, "\n"))
			}
			if err != nil {
				return err
			}
			if res.Agreed < len(res.Nodes) {
				cli.Infof("%d of %d nodes gave this response", res.Agreed, len(res.Nodes))
			}
			// ECDSA signatures and those of the other schemes (signingScheme, signature and
			// publicKey in the scheme's standard encoding) by sigName.
			sigs := map[string]any{}
			for name, s := range res.Signatures {
				sigs[name] = s
			}
			for name, s := range res.SchemeSignatures {
				sigs[name] = s
			}
			out := map[string]any{"response": res.Response, "logs": res.Logs, "signatures": sigs}
			if len(res.SignatureErrors) > 0 {
				out["signatureErrors"] = res.SignatureErrors
			}
			if len(res.Claims) > 0 {
				out["claims"] = res.Claims
			}
			if len(res.DecryptedData) > 0 {
				out["decryptedData"] = res.DecryptedData
			}
			if err := cli.PrintJSON(out); err != nil {
				return err
			}
			if len(res.SignatureErrors) > 0 {
				return fmt.Errorf("%d signature(s) did not combine", len(res.SignatureErrors))
			}
			return nil
		},
	}
}
