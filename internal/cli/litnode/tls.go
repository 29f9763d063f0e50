package litnode

import (
	"context"
	"flag"
	"log/slog"
	"os"

	"github.com/litmesh/litmesh/internal/cli"
	"github.com/litmesh/litmesh/node"
)

func tlsCmd() *cli.Command {
	return &cli.Command{
		Name:  "tls",
		Short: "the node's TLS key and certificate",
		Long: `The node serves its API over HTTPS with a key it generated itself and keeps sealed in its
keystore; clients verify the certificate by the node's attestation, which binds the key.

  litnode tls csr --dir D [--host NAME]...   print a certificate signing request for the key`,
		Sub: []*cli.Command{tlsCSRCmd()},
	}
}

// hostList collects repeated --host flags.
type hostList []string

func (h *hostList) String() string     { return "" }
func (h *hostList) Set(v string) error { *h = append(*h, v); return nil }

func tlsCSRCmd() *cli.Command {
	var dir string
	var hosts hostList
	var fs *flag.FlagSet
	return &cli.Command{
		Name:  "csr",
		Short: "print a certificate signing request for the node's TLS key",
		Long: `Print (PEM) a certificate signing request for the node's TLS key, generating and sealing the
key first if the node has none yet. Have a CA sign it, save the certificate chain (leaf first)
as a PEM file and set tls_mode = "files" and tls_cert_file to it: the node refuses a certificate
for any other key. The names default to the host of public_url (or api_addr); --host, repeated,
sets them (DNS names or IP addresses).`,
		Flags: func(f *flag.FlagSet) {
			fs = f
			f.StringVar(&dir, "dir", defaultDir(), "node directory ($LITMESH_DIR)")
			f.Var(&hosts, "host", "a DNS name or IP address the certificate is for (repeatable)")
			node.RegisterFlags(f)
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			cfg, err := node.LoadConfig(dir, fs, os.Getenv)
			if err != nil {
				return err
			}
			csr, err := node.TLSCertificateRequest(ctx, cfg, hosts, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
			if err != nil {
				return err
			}
			_, err = os.Stdout.Write(csr)
			return err
		},
	}
}
