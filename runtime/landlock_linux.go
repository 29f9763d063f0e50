//go:build linux && cgo

package runtime

// Landlock is applied by a C constructor, before the Go runtime or V8 start a single thread.
//
// A Landlock domain belongs to a thread and is inherited by the threads it creates. By the time
// Go code runs, the Go runtime and V8's platform (which v8go starts in a package init) already
// have threads, and this kernel generation (Landlock ABI < 8) cannot restrict a whole process at
// once: go-landlock falls back to libpsx, which enumerates /proc/<getpid()>/task — the wrong
// process inside a PID namespace, where getpid() is 1 but /proc is the host's. Restricting the
// one thread that exists before main() sidesteps both: every later thread inherits the domain.
//
// The constructor acts only in a worker the pool started with landlockEnv=1; in the node, and in
// any other program that links this package, it returns at once.

/*
#cgo CFLAGS: -O2 -D_GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef __NR_landlock_create_ruleset
#define __NR_landlock_create_ruleset 444
#define __NR_landlock_add_rule 445
#define __NR_landlock_restrict_self 446
#endif

struct litmesh_ll_ruleset_attr {
	uint64_t handled_access_fs;
	uint64_t handled_access_net;
	uint64_t scoped;
};

struct litmesh_ll_path_beneath {
	uint64_t allowed_access;
	int32_t parent_fd;
} __attribute__((packed));

#define LL_CREATE_RULESET_VERSION (1U << 0)
#define LL_RULE_PATH_BENEATH 1

#define LL_FS_EXECUTE (1ULL << 0)
#define LL_FS_READ_FILE (1ULL << 2)
#define LL_FS_READ_DIR (1ULL << 3)

// What the worker may still open once restricted: the few files glibc, the Go runtime and V8
// read while they run (V8 seeds each context's Math.random from /dev/urandom; glibc reads the
// main thread's stack bounds from /proc/self/maps and the CPU count from sysfs). Read only;
// nothing may be written, executed, created, renamed or linked anywhere.
static const char *const litmesh_ll_readable[] = {
	"/dev/urandom",
	"/proc/self/maps",
	"/sys/devices/system/cpu/online",
};

int litmesh_landlock_abi;   // the ABI the applied ruleset was built for; 0 if none was applied
int litmesh_landlock_errno; // why it was not, if it was asked for
const char *litmesh_landlock_step = "";

__attribute__((constructor)) static void litmesh_landlock_apply(void) {
	const char *want = getenv("LITMESH_RUNTIME_LANDLOCK");
	if (want == NULL || strcmp(want, "1") != 0) {
		return;
	}
	int abi = (int)syscall(__NR_landlock_create_ruleset, NULL, 0, LL_CREATE_RULESET_VERSION);
	if (abi < 0) {
		litmesh_landlock_errno = errno;
		litmesh_landlock_step = "landlock_create_ruleset(version)";
		return;
	}
	struct litmesh_ll_ruleset_attr attr;
	memset(&attr, 0, sizeof attr);
	// Every filesystem right this ABI knows: 13 in v1, REFER in v2, TRUNCATE in v3, IOCTL_DEV in v5.
	int fs_bits = abi >= 5 ? 16 : abi >= 3 ? 15 : abi >= 2 ? 14 : 13;
	attr.handled_access_fs = (1ULL << fs_bits) - 1;
	if (abi >= 4) {
		attr.handled_access_net = 3; // BIND_TCP | CONNECT_TCP, with no port allowed
	}
	if (abi >= 6) {
		attr.scoped = 3; // no abstract unix sockets or signals outside the domain
	}
	// Older kernels take a shorter struct; they accept a longer one whose tail is zero.
	int fd = (int)syscall(__NR_landlock_create_ruleset, &attr, sizeof attr, 0);
	if (fd < 0) {
		litmesh_landlock_errno = errno;
		litmesh_landlock_step = "landlock_create_ruleset";
		return;
	}
	for (size_t i = 0; i < sizeof litmesh_ll_readable / sizeof litmesh_ll_readable[0]; i++) {
		int pfd = open(litmesh_ll_readable[i], O_PATH | O_CLOEXEC);
		if (pfd < 0) {
			continue; // absent here: nothing to allow
		}
		struct litmesh_ll_path_beneath pb = {.allowed_access = LL_FS_READ_FILE, .parent_fd = pfd};
		if (syscall(__NR_landlock_add_rule, fd, LL_RULE_PATH_BENEATH, &pb, 0) != 0) {
			litmesh_landlock_errno = errno;
			litmesh_landlock_step = "landlock_add_rule";
			close(pfd);
			close(fd);
			return;
		}
		close(pfd);
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		litmesh_landlock_errno = errno;
		litmesh_landlock_step = "prctl(PR_SET_NO_NEW_PRIVS)";
		close(fd);
		return;
	}
	if (syscall(__NR_landlock_restrict_self, fd, 0) != 0) {
		litmesh_landlock_errno = errno;
		litmesh_landlock_step = "landlock_restrict_self";
		close(fd);
		return;
	}
	close(fd);
	litmesh_landlock_abi = abi;
}
*/
import "C"

import (
	"fmt"
	"syscall"
)

// landlockEnv tells a worker's constructor to apply Landlock before anything else runs.
const landlockEnv = "LITMESH_RUNTIME_LANDLOCK"

// landlockStatus reports what the constructor did in this process: the ABI of the ruleset it
// applied, or why it applied none (nil error and 0: it was not asked to).
func landlockStatus() (abi int, err error) {
	if a := int(C.litmesh_landlock_abi); a > 0 {
		return a, nil
	}
	if e := syscall.Errno(C.litmesh_landlock_errno); e != 0 {
		return 0, fmt.Errorf("%s: %w", C.GoString(C.litmesh_landlock_step), e)
	}
	return 0, nil
}
