//go:build linux

package runtime

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

// launchPlan is how the parent starts workers: the namespaces and credentials of the child.
// The pool tries the plans of sandboxPlans from the strongest down, once, and keeps the first
// that starts a worker; what the weaker ones lack is recorded in missing.
type launchPlan struct {
	attr       *syscall.SysProcAttr
	namespaces []string
	dedicated  bool     // workers switch to the sandbox's uid/gid
	missing    []string // layers this plan lacks, and why
}

// nsFlags are the namespaces a worker gets, by name.
var nsFlags = []struct {
	name string
	flag uintptr
}{
	{"user", syscall.CLONE_NEWUSER},
	{"mount", syscall.CLONE_NEWNS},
	{"pid", syscall.CLONE_NEWPID},
	{"net", syscall.CLONE_NEWNET},
	{"ipc", syscall.CLONE_NEWIPC},
	{"uts", syscall.CLONE_NEWUTS},
}

// sandboxPlans lists the ways to start a worker, strongest first.
//
//nolint:funlen,gocognit // one case per sandbox mode and kernel capability, strongest first
func sandboxPlans(s Sandbox) []launchPlan {
	if s.Mode == SandboxOff {
		return []launchPlan{{attr: &syscall.SysProcAttr{}}}
	}
	euid, egid := os.Geteuid(), os.Getegid()
	root := euid == 0
	wantUser := s.Layers&LayerUser != 0
	wantNS := s.Layers&LayerNamespaces != 0

	var userMissing string
	switch {
	case !wantUser:
		userMissing = "dedicated uid: not requested"
	case !root:
		userMissing = fmt.Sprintf("dedicated uid: the node runs as uid %d, not root, so its workers keep that uid (run the node as root: it drops privileges for its workers)", euid)
	}
	dropCred := func() *syscall.Credential {
		if wantUser && root {
			return &syscall.Credential{Uid: s.UID, Gid: s.GID, Groups: []uint32{}}
		}
		return nil
	}
	withUser := func(p launchPlan) launchPlan {
		if p.attr.Credential != nil && wantUser && root {
			p.dedicated = true
		} else if userMissing != "" {
			p.missing = append(p.missing, userMissing)
		}
		return p
	}

	var plans []launchPlan
	if wantNS {
		all := launchPlan{attr: &syscall.SysProcAttr{}}
		for _, ns := range nsFlags {
			all.attr.Cloneflags |= ns.flag
			all.namespaces = append(all.namespaces, ns.name)
		}
		switch {
		case wantUser && root:
			// The sandbox ids map to themselves, so they read the same inside and out; the
			// child switches to them (dropping every capability in its namespace) and clears its
			// supplementary groups before exec.
			all.attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: int(s.UID), HostID: int(s.UID), Size: 1}}
			all.attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: int(s.GID), HostID: int(s.GID), Size: 1}}
			all.attr.GidMappingsEnableSetgroups = true
			all.attr.Credential = dropCred()
		case root:
			all.attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: 0, Size: 1}}
			all.attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: 0, Size: 1}}
		default:
			// An unprivileged user namespace maps only the node's own ids; switching to them
			// inside drops the capabilities the namespace's creator holds there.
			all.attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: euid, HostID: euid, Size: 1}}
			all.attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: egid, HostID: egid, Size: 1}}
			all.attr.Credential = &syscall.Credential{Uid: uint32(euid), Gid: uint32(egid), NoSetGroups: true}
		}
		plans = append(plans, withUser(all))
		if root {
			// Without user namespaces (a container's seccomp profile often refuses them) root
			// may still create the others.
			p := launchPlan{attr: &syscall.SysProcAttr{Credential: dropCred()}}
			for _, ns := range nsFlags[1:] {
				p.attr.Cloneflags |= ns.flag
				p.namespaces = append(p.namespaces, ns.name)
			}
			plans = append(plans, withUser(p))
		}
	}
	if dropCred() != nil {
		plans = append(plans, withUser(launchPlan{attr: &syscall.SysProcAttr{Credential: dropCred()}}))
	}
	last := launchPlan{attr: &syscall.SysProcAttr{}}
	if wantUser && root {
		last.missing = append(last.missing, fmt.Sprintf("dedicated uid: the node could not switch its workers to uid %d gid %d", s.UID, s.GID))
	} else if userMissing != "" {
		last.missing = append(last.missing, userMissing)
	}
	plans = append(plans, last)
	for i := range plans {
		if wantNS && len(plans[i].namespaces) < len(nsFlags) {
			have := strings.Join(plans[i].namespaces, ",")
			if have == "" {
				have = "none"
			}
			plans[i].missing = append(plans[i].missing, "namespaces: only "+have+" of user,mount,pid,net,ipc,uts")
		} else if !wantNS {
			plans[i].missing = append(plans[i].missing, "namespaces: not requested")
		}
	}
	return plans
}

// planRefused reports whether a start failed because of the plan (a namespace or credential
// the kernel or the node's privileges refuse), so a weaker plan may work.
func planRefused(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch errno {
	case syscall.EPERM, syscall.EINVAL, syscall.ENOSPC, syscall.EUSERS, syscall.EACCES, syscall.ENOSYS:
		return true
	}
	return false
}

// hostIDs reads the host uid and gid of a process.
func hostIDs(pid int) (uid, gid int) {
	uid, gid = -1, -1
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		for _, f := range []struct {
			prefix string
			dst    *int
		}{{"Uid:", &uid}, {"Gid:", &gid}} {
			if rest, ok := strings.CutPrefix(line, f.prefix); ok {
				if fs := strings.Fields(rest); len(fs) > 1 {
					*f.dst, _ = strconv.Atoi(fs[1]) // the effective id
				}
			}
		}
	}
	return
}

// sharedNamespaces lists the namespaces among names that the process pid shares with this one.
func sharedNamespaces(pid int, names []string) []string {
	var shared []string
	for _, ns := range names {
		theirs, err1 := os.Readlink(fmt.Sprintf("/proc/%d/ns/%s", pid, nsFile(ns)))
		ours, err2 := os.Readlink("/proc/self/ns/" + nsFile(ns))
		if err1 != nil || err2 != nil || theirs == ours {
			shared = append(shared, ns)
		}
	}
	return shared
}

func nsFile(name string) string {
	if name == "mount" {
		return "mnt"
	}
	return name
}

// probeExecEnv marks a process started by a worker's exec probe: if that exec ever succeeds,
// the new image says so and exits instead of serving.
const probeExecEnv = "LITMESH_RUNTIME_PROBE_EXEC"

// confine applies the layers a worker applies to itself once its isolate is warm, then tries
// what the sandbox must deny.
func confine(spec *sandboxSpec) workerSandbox {
	var ws workerSandbox
	abi, err := landlockStatus()
	ws.Landlock = abi
	switch {
	case err != nil:
		ws.LandlockErr = err.Error()
	case spec.Landlock && abi == 0:
		ws.LandlockErr = "this worker was built without cgo, so nothing applied it"
	}
	if spec.Seccomp {
		if err := loadSeccomp(); err != nil {
			ws.SeccompError = err.Error()
		} else {
			ws.Seccomp = true
		}
	}
	ws.PID = os.Getpid()
	ws.Probes = probe(spec.DenyPaths, ws.Seccomp || ws.Landlock > 0)
	return ws
}

// probe tries, from inside the confined worker, what a V8 escape would try first: read the
// node's files, open a socket, start a program.
func probe(denyPaths []string, execBlocked bool) map[string]string {
	out := map[string]string{}
	outcome := func(err error) string {
		if err == nil {
			return "ALLOWED"
		}
		var errno syscall.Errno
		if errors.As(err, &errno) && errno == syscall.ENOENT {
			return "absent"
		}
		return "denied: " + err.Error()
	}
	for _, p := range denyPaths {
		fd, err := syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == nil {
			syscall.Close(fd)
		}
		out["open "+p] = outcome(err)
	}
	for _, s := range []struct {
		name   string
		family int
	}{{"socket inet", syscall.AF_INET}, {"socket inet6", syscall.AF_INET6}, {"socket unix", syscall.AF_UNIX}, {"socket netlink", syscall.AF_NETLINK}} {
		typ := syscall.SOCK_STREAM
		if s.family == syscall.AF_NETLINK {
			typ = syscall.SOCK_RAW
		}
		fd, err := syscall.Socket(s.family, typ|syscall.SOCK_CLOEXEC, 0)
		if err == nil {
			syscall.Close(fd)
		}
		out[s.name] = outcome(err)
	}
	self := "/proc/self/exe"
	pid, err := syscall.ForkExec(self, []string{"litmesh-sandbox-probe"}, &syscall.ProcAttr{Env: []string{probeExecEnv + "=1"}})
	if err == nil {
		var ws syscall.WaitStatus
		_, _ = syscall.Wait4(pid, &ws, 0, nil)
	}
	out["fork and exec"] = outcome(err)
	if execBlocked {
		// Replacing this process: if the sandbox failed to deny it, the new image reports that
		// on its way out and the parent refuses the worker.
		err := syscall.Exec(self, []string{"litmesh-sandbox-probe"}, []string{probeExecEnv + "=1"})
		out["exec"] = outcome(err)
	} else {
		out["exec"] = "ALLOWED (neither seccomp nor Landlock is in place to deny it)"
	}
	return out
}

// exitIfExecProbe ends a process that a worker's exec probe started: it exists only because
// the sandbox failed.
func exitIfExecProbe() {
	if os.Getenv(probeExecEnv) != "" {
		fmt.Fprintln(os.Stderr, "runtime worker: sandbox probe: a sandboxed worker could exec a program")
		os.Exit(3)
	}
}

func setLaunchPlan(cmd *exec.Cmd, plan launchPlan) {
	attr := *plan.attr // each start its own copy: exec keeps a pointer
	cmd.SysProcAttr = &attr
}
