//go:build !linux

package node

import "errors"

func lowerThreadPriority(int) error {
	return errors.New("thread priorities are only set on Linux")
}
