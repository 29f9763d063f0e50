//go:build !linux

package attestation

// configfsSupported is false off Linux: configfs-tsm is a Linux interface.
func configfsSupported() bool { return false }
