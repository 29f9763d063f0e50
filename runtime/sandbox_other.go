//go:build !linux

package runtime

import (
	"errors"
	"os/exec"
)

// launchPlan is how the parent starts workers; outside Linux there is only the plain one.
type launchPlan struct {
	namespaces []string
	dedicated  bool
	missing    []string
}

func sandboxPlans(s Sandbox) []launchPlan {
	if s.Mode == SandboxOff {
		return []launchPlan{{}}
	}
	return []launchPlan{{missing: []string{"sandbox: worker confinement (namespaces, seccomp, Landlock, a dedicated uid) exists only on Linux"}}}
}

func planRefused(error) bool { return false }

func hostIDs(int) (int, int) { return -1, -1 }

func confine(*sandboxSpec) workerSandbox { return workerSandbox{} }

func exitIfExecProbe() {}

var errNoSandbox = errors.New("no sandbox on this platform")

func setLaunchPlan(*exec.Cmd, launchPlan) {}

func sharedNamespaces(int, []string) []string { return nil }
