package lit

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/bench"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/internal/cli"
	"github.com/litmesh/litmesh/testnet/devnet"
)

//nolint:funlen,gocognit // a command: flag checks, devnet set-up, the scenarios and the output in one place
func benchCmd() *cli.Command {
	var network, out, keyArg string
	var o bench.Options
	var nodes, basePort, chainPort int
	var baselineFor time.Duration
	var profiling bool
	var cpuProfile, schemes string
	return &cli.Command{
		Name:  "bench",
		Args:  "SCENARIO... | all",
		Short: "measure latency and throughput of the network's operations",
		Long: `Drive each named scenario against a network at a concurrency for a duration (or a count) and
write, per scenario, a JSON report (p50/p90/p99/max latency, throughput, errors by kind, every
node's CPU and memory from /metrics, ratios to the baselines) and an SVG chart (latency
histogram and throughput over time) to --out. A summary table goes to stderr and the reports
as a JSON array to stdout.

Without --network it starts its own devnet of --nodes nodes (and stops it afterwards). The
baselines — a bare HTTP round trip to each node (baseline-http) and a local secp256k1 sign and
verify (baseline-sign) — are measured in the same run, so the reports can state ratios that
hold on a noisy machine where absolute times do not.

Scenarios: ` + strings.Join(bench.Names(), ", ") + `, dkg (a fresh network of --nodes nodes per operation).

sign measures ECDSA (EcdsaK256Sha256) unless --scheme names other signing schemes
(docs/schemes.md): a comma-separated list, or all for every scheme litmesh signs with
(` + strings.Join(api.SigningSchemes, ", ") + `). Each is a scenario of its own,
sign-SCHEME (plain "sign" for ECDSA), with a PKP of the scheme's key type minted for it, in the
same run so that the schemes compare against each other.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&network, "network", "", "network file to measure (default: start a devnet)")
			fs.StringVar(&keyArg, "key", "dev:1", "key that owns and authenticates what the scenarios create: hex, or dev:N on a devnet")
			fs.StringVar(&out, "out", "bench-out", "directory for the reports and charts")
			fs.IntVar(&o.Concurrency, "concurrency", 4, "operations in flight at once")
			fs.DurationVar(&o.Duration, "duration", 10*time.Second, "how long to drive each scenario")
			fs.Int64Var(&o.Count, "count", 0, "run exactly this many operations instead of --duration")
			fs.Int64Var(&o.Warmup, "warmup", 10, "operations to run before measuring")
			fs.IntVar(&nodes, "nodes", 7, "nodes of the devnet the bench starts (and of each dkg network)")
			fs.IntVar(&basePort, "base-port", 7401, "first API port of the bench's devnets")
			fs.IntVar(&chainPort, "chain-port", 8645, "chain RPC port of the bench's devnets")
			fs.DurationVar(&baselineFor, "baseline-duration", 5*time.Second, "how long to measure each baseline")
			fs.StringVar(&cpuProfile, "cpuprofile", "", "write a Go CPU profile of this process (the client side) to this file")
			fs.StringVar(&schemes, "scheme", "", "signing schemes of the sign scenario: comma-separated, or all (default EcdsaK256Sha256)")
			fs.BoolVar(&profiling, "pprof", false, "serve the bench devnet's Go profiles on http://127.0.0.1:BASE_PORT+300+i/debug/pprof/ (profile a node while a scenario runs)")
		},
		Run: func(ctx context.Context, args []string) error {
			if len(args) == 0 {
				return cli.Usagef("name at least one scenario (or all)")
			}
			signSchemes, err := parseBenchSchemes(schemes)
			if err != nil {
				return err
			}
			if len(args) == 1 && args[0] == "all" {
				args = []string{}
				for _, n := range bench.Names() {
					if !strings.HasPrefix(n, "baseline") {
						args = append(args, n)
					}
				}
				args = append(args, "dkg")
			}
			if err := os.MkdirAll(out, 0o750); err != nil {
				return err
			}
			if cpuProfile != "" {
				f, err := os.Create(cpuProfile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			work, err := filepath.Abs(filepath.Join(out, "devnets"))
			if err != nil {
				return err
			}
			var nf *client.NetworkFile
			needNetwork := false
			for _, a := range args {
				needNetwork = needNetwork || a != "dkg"
			}
			if needNetwork {
				if network != "" {
					if nf, err = client.LoadNetwork(network); err != nil {
						return err
					}
				} else {
					cli.Infof("starting a %d-node devnet for the benchmark", nodes)
					d, err := devnet.Up(ctx, devnet.Options{Dir: filepath.Join(work, "main"), Nodes: nodes,
						BasePort: basePort, ChainPort: chainPort, Progress: os.Stderr, Profiling: profiling})
					if err != nil {
						return err
					}
					defer func() {
						sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
						defer cancel()
						_ = d.Stop(sctx)
					}()
					nf = d.Network
				}
			}
			o.Progress = os.Stderr
			var reports []*bench.Report
			var base map[string]*bench.Report
			if nf != nil {
				key, err := parseKey(nf, keyArg)
				if err != nil {
					return err
				}
				t := bench.Target{Network: nf, Client: newClient(nf), Key: key}
				defer t.Client.Close()
				base = map[string]*bench.Report{}
				bo := o
				bo.Count, bo.Duration = 0, baselineFor
				for _, name := range []string{"baseline-http", "baseline-sign"} {
					s, _ := bench.Lookup(name, t)
					cli.Infof("measuring %s", name)
					r, err := bench.Measure(ctx, s, bo, t.URLs())
					if err != nil {
						return err
					}
					base[name] = r
					reports = append(reports, r)
				}
				for _, name := range args {
					if name == "dkg" {
						continue
					}
					variants := []string{""}
					if name == "sign" {
						variants = signSchemes
					}
					for _, scheme := range variants {
						t.Scheme = scheme
						s, err := bench.Lookup(name, t)
						if err != nil {
							return cli.Usagef("%v", err)
						}
						cli.Infof("measuring %s", s.Name)
						r, err := bench.Measure(ctx, s, o, t.URLs())
						if err != nil {
							return err
						}
						r.Ratios = ratios(r, base)
						reports = append(reports, r)
					}
				}
			}
			for _, name := range args {
				if name != "dkg" {
					continue
				}
				dk := o
				if dk.Count == 0 {
					dk.Count = 3
				}
				dk.Concurrency, dk.Warmup = 1, 0
				cli.Infof("measuring dkg: %d fresh %d-node networks", dk.Count, nodes)
				r, err := bench.Run(ctx, bench.DKG(nodes, work, basePort+200, chainPort+1), dk)
				if err != nil {
					return err
				}
				reports = append(reports, r)
			}
			for _, r := range reports {
				if err := writeReport(out, r); err != nil {
					return err
				}
			}
			printSummary(reports)
			return cli.PrintJSON(reports)
		},
	}
}

// ratios relate a scenario to the floors measured in the same run.
// parseBenchSchemes reads --scheme: "" is ECDSA alone, all is every scheme.
func parseBenchSchemes(v string) ([]string, error) {
	if strings.TrimSpace(v) == "" {
		return []string{""}, nil
	}
	if strings.TrimSpace(v) == "all" {
		return slices.Clone(api.SigningSchemes), nil
	}
	var out []string
	for _, s := range strings.Split(v, ",") {
		s = strings.TrimSpace(s)
		if _, err := client.SchemeKeyType(s); err != nil {
			return nil, cli.Usagef("--scheme: %v", err)
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out, nil
}

func ratios(r *bench.Report, base map[string]*bench.Report) map[string]float64 {
	out := map[string]float64{}
	if b := base["baseline-http"]; b != nil && b.Latency.P50 > 0 {
		out["p50/baseline-http-p50"] = round2(r.Latency.P50 / b.Latency.P50)
	}
	if b := base["baseline-sign"]; b != nil && b.Latency.P50 > 0 {
		out["p50/baseline-sign-p50"] = round2(r.Latency.P50 / b.Latency.P50)
	}
	return out
}

func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }

func writeReport(dir string, r *bench.Report) error {
	raw, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, r.Scenario+".json"), append(raw, '\n'), 0o600); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, r.Scenario+".svg"))
	if err != nil {
		return err
	}
	defer f.Close()
	return bench.WriteSVG(f, r)
}

func printSummary(reports []*bench.Report) {
	tw := tabwriter.NewWriter(os.Stderr, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SCENARIO\tOPS\tERRORS\tOPS/S\tP50 MS\tP90 MS\tP99 MS\tMAX MS\tNODE CPU%\tNODE RSS MB")
	for _, r := range reports {
		cpu, rss := 0.0, 0.0
		for _, n := range r.Nodes {
			cpu = max(cpu, n.CPUPercent)
			rss = max(rss, n.RSSBytes/1e6)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\t%.0f\n", r.Scenario, r.Operations, r.Errors,
			r.Throughput, r.Latency.P50, r.Latency.P90, r.Latency.P99, r.Latency.Max, cpu, rss)
	}
	tw.Flush()
	bench.WritePhases(os.Stderr, reports)
}
