//go:build linux

package runtime

import (
	"fmt"
	"os"
	goruntime "runtime"

	seccomp "github.com/elastic/go-seccomp-bpf"
	"golang.org/x/sys/unix"
)

// The seccomp allowlist of a warm worker, built from what its process was seen to call (strace
// of the runtime tests: V8's heap and JIT, the Go runtime's scheduler, the pipes to the parent)
// and nothing else. Everything not listed fails with EPERM: sockets of every family, process
// creation and exec, ptrace and process_vm_*, mount and namespace calls, bpf, perf, keyrings,
// io_uring, userfaultfd, module loading. It is installed after the isolate is warm, so only
// what executions need is allowed, and with TSYNC, so every thread — V8's platform threads
// included — gets it at once.

// seccompAllowed are allowed with any arguments.
var seccompAllowed = []string{
	// memory: V8's heap, code space (W^X flips, memory protection keys) and the Go heap
	"mmap", "munmap", "mprotect", "madvise", "mremap", "brk", "membarrier",
	"pkey_alloc", "pkey_free", "pkey_mprotect",
	// threads that already exist, and synchronisation
	"futex", "set_robust_list", "rseq", "set_tid_address", "exit", "exit_group",
	"gettid", "getpid", "sched_yield", "sched_getaffinity", "sched_getparam", "sched_getscheduler",
	"getcpu", "restart_syscall",
	// signals: the Go runtime's preemption, V8's and Go's handlers
	"rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sigaltstack",
	// time
	"nanosleep", "clock_nanosleep", "clock_gettime", "clock_getres", "gettimeofday",
	"getrusage", "times",
	// the pipes to the parent and the files Landlock lets it read (/dev/urandom for V8's seeds)
	"read", "write", "readv", "writev", "pread64", "close", "openat", "lseek", "fcntl",
	"fstat", "newfstatat", "epoll_create1", "epoll_ctl", "epoll_pwait", "eventfd2", "pipe2",
	// harmless reads about itself
	"getrandom", "uname", "getuid", "geteuid", "getgid", "getegid", "sysinfo",
}

// seccompAllowedArch are the calls that exist on one architecture only.
var seccompAllowedArch = map[string][]string{
	"amd64": {"arch_prctl", "epoll_wait"},
	"arm64": {},
}

const cloneNamespaces = unix.CLONE_NEWUSER | unix.CLONE_NEWNS | unix.CLONE_NEWPID | unix.CLONE_NEWNET |
	unix.CLONE_NEWIPC | unix.CLONE_NEWUTS | unix.CLONE_NEWCGROUP | unix.CLONE_NEWTIME

// seccompPolicy is the worker's filter for the process pid (as the worker sees its own pid).
func seccompPolicy(pid int) (seccomp.Policy, error) {
	extra, ok := seccompAllowedArch[goruntime.GOARCH]
	if !ok {
		return seccomp.Policy{}, fmt.Errorf("no seccomp allowlist for %s", goruntime.GOARCH)
	}
	allow := append(append([]string{}, seccompAllowed...), extra...)
	eq := func(arg uint32, v uint64) seccomp.Condition {
		return seccomp.Condition{Argument: arg, Operation: seccomp.Equal, Value: v}
	}
	return seccomp.Policy{
		DefaultAction: seccomp.ActionErrno, // EPERM
		Syscalls: []seccomp.SyscallGroup{
			{Action: seccomp.ActionAllow, Names: allow},
			{Action: seccomp.ActionAllow, NamesWithCondtions: []seccomp.NameWithConditions{
				// New threads, never new processes (CLONE_THREAD, which the kernel accepts only
				// with a shared address space) and never new namespaces.
				{Name: "clone", Conditions: seccomp.ArgumentConditions{
					{Argument: 0, Operation: seccomp.BitsSet, Value: unix.CLONE_THREAD},
					{Argument: 0, Operation: seccomp.BitsNotSet, Value: cloneNamespaces},
				}},
				// Signals to its own threads only (the Go runtime preempts with tgkill).
				{Name: "tgkill", Conditions: seccomp.ArgumentConditions{eq(0, uint64(pid))}},
				{Name: "kill", Conditions: seccomp.ArgumentConditions{eq(0, uint64(pid))}},
				// isatty (stdio on /dev/urandom), nothing else.
				{Name: "ioctl", Conditions: seccomp.ArgumentConditions{eq(1, unix.TCGETS)}},
				// The Go runtime names its anonymous mappings.
				{Name: "prctl", Conditions: seccomp.ArgumentConditions{eq(0, unix.PR_SET_VMA)}},
				// Reading its own limits; setting none.
				{Name: "prlimit64", Conditions: seccomp.ArgumentConditions{eq(0, 0), eq(2, 0)}},
			}},
			// glibc tries clone3 first and falls back to clone on ENOSYS; clone3 passes its
			// flags in memory, where a filter cannot check them.
			{Action: seccomp.ActionErrno | seccomp.Action(unix.ENOSYS), Names: []string{"clone3"}},
		},
	}, nil
}

// loadSeccomp installs the allowlist on every thread of this process.
func loadSeccomp() error {
	if !seccomp.Supported() {
		return fmt.Errorf("the kernel has no seccomp filter support")
	}
	policy, err := seccompPolicy(os.Getpid())
	if err != nil {
		return err
	}
	return seccomp.LoadFilter(seccomp.Filter{NoNewPrivs: true, Flag: seccomp.FilterFlagTSync, Policy: policy})
}
