package node

import "syscall"

// lowerThreadPriority sets the calling thread's nice value (Linux schedules threads, so
// PRIO_PROCESS with a thread ID applies to that thread alone).
func lowerThreadPriority(nice int) error {
	return syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), nice)
}
