package lit

import (
	"context"
	"flag"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/litmesh/litmesh/internal/cli"
	"github.com/litmesh/litmesh/testnet/devnet"
)

func devnetCmd() *cli.Command {
	return &cli.Command{
		Name:  "devnet",
		Short: "run a local network of litnode processes",
		Sub: []*cli.Command{devnetUpCmd(), devnetDownCmd(), devnetAddNodeCmd(), devnetRemoveNodeCmd(),
			devnetIDTokenCmd(), devnetServeExampleCmd()},
	}
}

func devnetUpCmd() *cli.Command {
	var o devnet.Options
	var detach bool
	return &cli.Command{
		Name:  "up",
		Short: "start a local network and wait until every node sees every other",
		Long: `Start N litnode processes on loopback (node 0 bootstraps the others), wait until every node
is connected to all the others, write DIR/network.json and print it. Each up starts a fresh
network. Without --detach it keeps running until Ctrl-C and then stops every node; with
--detach it returns once the network is up and 'lit devnet down' stops it.

Node i serves its HTTP API on 127.0.0.1:(BASE+i) and libp2p on 127.0.0.1:(BASE+100+i).`,
		Flags: func(fs *flag.FlagSet) {
			fs.IntVar(&o.Nodes, "nodes", 4, "number of nodes")
			fs.StringVar(&o.Dir, "dir", ".litdevnet", "devnet directory")
			fs.IntVar(&o.BasePort, "base-port", 7001, "first HTTP API port")
			fs.IntVar(&o.ChainPort, "chain-port", 8545, "the dev chain's JSON-RPC port")
			fs.DurationVar(&o.Timeout, "timeout", 60*time.Second, "how long to wait for the network to form")
			fs.BoolVar(&detach, "detach", false, "return once the network is up; stop it with 'lit devnet down'")
			fs.BoolVar(&o.Profiling, "pprof", false, "serve each node's Go profiles on http://127.0.0.1:BASE_PORT+300+i/debug/pprof/")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			o.Progress = os.Stderr
			start := time.Now()
			d, err := devnet.Up(ctx, o)
			if err != nil {
				return err
			}
			cli.Infof("devnet up: %d nodes meshed in %s", len(d.Network.Nodes), time.Since(start).Round(100*time.Millisecond))
			tw := tabwriter.NewWriter(os.Stderr, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NODE\tURL\tPEER ID")
			for i, n := range d.Network.Nodes {
				fmt.Fprintf(tw, "node-%d\t%s\t%s\n", i, n.URL, n.PeerID)
			}
			tw.Flush()
			cli.Infof("network file: %s/%s", d.Dir, devnet.NetworkFileName)
			if err := cli.PrintJSON(d.Network); err != nil {
				return err
			}
			if detach {
				cli.Infof("detached; stop it with: lit devnet down --dir %s", o.Dir)
				return nil
			}
			cli.Infof("running; press Ctrl-C to stop")
			for {
				select {
				case <-ctx.Done():
					cli.Infof("stopping the devnet")
					sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
					defer cancel()
					return d.Stop(sctx)
				case name := <-d.Crashed():
					cli.Infof("ERROR: %s", d.ExitReason(name))
				}
			}
		},
	}
}

func devnetDownCmd() *cli.Command {
	var dir string
	return &cli.Command{
		Name:  "down",
		Short: "stop a detached devnet",
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&dir, "dir", ".litdevnet", "devnet directory")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
			defer cancel()
			n, err := devnet.Down(sctx, dir)
			if err != nil {
				return err
			}
			if n == 0 {
				cli.Infof("no devnet running in %s", dir)
			} else {
				cli.Infof("stopped %d processes", n)
			}
			return nil
		},
	}
}

func devnetAddNodeCmd() *cli.Command {
	var dir string
	var timeout time.Duration
	return &cli.Command{
		Name:  "add-node",
		Short: "add a node to a running devnet (stake, join, reshare)",
		Long: `Add one node to a running (detached) devnet the way an operator joins a network: initialise
it, fund its operator from dev account 0, start it, run 'litnode join', lock the next validator
set as the chain admin and wait until the keys are reshared and every node serves the next
epoch. Updates network.json.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&dir, "dir", ".litdevnet", "devnet directory")
			fs.DurationVar(&timeout, "timeout", 2*time.Minute, "how long to wait for the next epoch")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			entry, err := devnet.AddNode(ctx, dir, timeout, os.Stderr)
			if err != nil {
				return err
			}
			return cli.PrintJSON(entry)
		},
	}
}

func devnetRemoveNodeCmd() *cli.Command {
	var dir string
	var index int
	var timeout time.Duration
	return &cli.Command{
		Name:  "remove-node",
		Short: "remove a node from a running devnet (leave, reshare, stop)",
		Long: `Take node N out of a running (detached) devnet the way an operator leaves: 'litnode leave',
the admin locks the next set, the remaining nodes reshare the keys (the leaving node deals its
shares), and once the next epoch is served the node's process is stopped.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&dir, "dir", ".litdevnet", "devnet directory")
			fs.IntVar(&index, "node", -1, "index of the node to remove (node-N)")
			fs.DurationVar(&timeout, "timeout", 2*time.Minute, "how long to wait for the next epoch")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return cli.Usagef("unexpected argument %q", args[0])
			}
			if index < 0 {
				return cli.Usagef("--node N is required")
			}
			return devnet.RemoveNode(ctx, dir, index, timeout, os.Stderr)
		},
	}
}
