// Package cli is the small command framework behind the lit and litnode binaries: nested
// subcommands, per-command flags, --help that lists both, one-line errors and exit codes.
// JSON results go to stdout; human text goes to stderr.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Command is one node of a command tree. A command either has subcommands or a Run function.
type Command struct {
	Name  string
	Args  string // argument synopsis after the flags, e.g. "FILE"
	Short string // one line for the parent's command list
	Long  string // shown by --help
	Flags func(fs *flag.FlagSet)
	Run   func(ctx context.Context, args []string) error
	Sub   []*Command
}

// UsageError is a mistake in how a command was called; it exits with status 2 and the usage.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Usagef returns a UsageError.
func Usagef(format string, args ...any) error { return &UsageError{Msg: fmt.Sprintf(format, args...)} }

// Main runs the command tree on args (without the program name) and returns the exit status.
// SIGINT and SIGTERM cancel the context passed to Run.
func Main(root *Command, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, root, root.Name, args, os.Stderr)
}

func run(ctx context.Context, cmd *Command, path string, args []string, stderr io.Writer) int {
	if len(cmd.Sub) > 0 {
		if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
			printUsage(stderr, cmd, path, nil)
			if len(args) == 0 {
				return 2
			}
			return 0
		}
		for _, sub := range cmd.Sub {
			if sub.Name == args[0] {
				return run(ctx, sub, path+" "+sub.Name, args[1:], stderr)
			}
		}
		fmt.Fprintf(stderr, "%s: unknown command %q (see %s --help)\n", path, args[0], path)
		return 2
	}
	fs := flag.NewFlagSet(path, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if cmd.Flags != nil {
		cmd.Flags(fs)
	}
	// Flags may come before, between or after the arguments; "--" ends the flags.
	var positional []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printUsage(stderr, cmd, path, fs)
				return 0
			}
			fmt.Fprintf(stderr, "%s: %v (see %s --help)\n", path, err, path)
			return 2
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional, rest = append(positional, rest[0]), rest[1:]
	}
	err := cmd.Run(ctx, positional)
	if err == nil {
		return 0
	}
	var ue *UsageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "%s: %s (see %s --help)\n", path, ue.Msg, path)
		return 2
	}
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "%s: interrupted\n", path)
		return 130
	}
	fmt.Fprintf(stderr, "%s: %s\n", path, oneLine(err.Error()))
	return 1
}

func printUsage(w io.Writer, cmd *Command, path string, fs *flag.FlagSet) {
	if len(cmd.Sub) > 0 {
		fmt.Fprintf(w, "Usage: %s <command> [flags]\n", path)
	} else {
		synopsis := path
		if fs != nil && hasFlags(fs) {
			synopsis += " [flags]"
		}
		if cmd.Args != "" {
			synopsis += " " + cmd.Args
		}
		fmt.Fprintf(w, "Usage: %s\n", synopsis)
	}
	if cmd.Long != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(cmd.Long))
	} else if cmd.Short != "" {
		fmt.Fprintf(w, "\n%s\n", cmd.Short)
	}
	if len(cmd.Sub) > 0 {
		fmt.Fprintf(w, "\nCommands:\n")
		width := 0
		for _, s := range cmd.Sub {
			width = max(width, len(s.Name))
		}
		for _, s := range cmd.Sub {
			fmt.Fprintf(w, "  %-*s  %s\n", width, s.Name, s.Short)
		}
		fmt.Fprintf(w, "\nRun '%s <command> --help' for a command's flags.\n", path)
	}
	if fs != nil && hasFlags(fs) {
		fmt.Fprintf(w, "\nFlags:\n")
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		sort.Strings(names)
		for _, name := range names {
			f := fs.Lookup(name)
			kind, usage := flag.UnquoteUsage(f)
			line := "  --" + name
			if kind != "" {
				line += " " + kind
			}
			fmt.Fprintf(w, "%s\n      %s", line, usage)
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				fmt.Fprintf(w, " (default %s)", f.DefValue)
			}
			fmt.Fprintln(w)
		}
	}
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}

// PrintJSON writes v to stdout as indented JSON: the machine-readable result of a command.
func PrintJSON(v any) error {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Infof writes human progress text to stderr.
func Infof(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
}
