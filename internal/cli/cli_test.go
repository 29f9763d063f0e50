package cli

import (
	"bytes"
	"context"
	"flag"
	"strings"
	"testing"
)

func TestFlagsMayFollowArgumentsAndDoubleDashEndsThem(t *testing.T) {
	var n int
	var got []string
	cmd := &Command{Name: "x", Flags: func(fs *flag.FlagSet) { fs.IntVar(&n, "n", 0, "") },
		Run: func(_ context.Context, args []string) error { got = args; return nil }}
	var errOut bytes.Buffer
	if code := run(context.Background(), cmd, "x", []string{"a", "-n", "3", "b", "--", "-n", "c"}, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if n != 3 || strings.Join(got, " ") != "a b -n c" {
		t.Fatalf("n=%d args=%q", n, got)
	}
}

func TestAnUnknownFlagIsAUsageError(t *testing.T) {
	cmd := &Command{Name: "x", Run: func(context.Context, []string) error { return nil }}
	var errOut bytes.Buffer
	if code := run(context.Background(), cmd, "x", []string{"--nope"}, &errOut); code != 2 || !strings.Contains(errOut.String(), "--help") {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
}
