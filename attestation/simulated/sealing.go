package simulated

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/litmesh/litmesh/attestation"
)

// SealingKeyFile is the name of the simulated sealing key in the node directory.
const SealingKeyFile = "sealing.key"

// SealingKey returns the node's simulated sealing key, creating it (random, mode 0600) on
// first use. It protects nothing against whoever can read the node directory.
func (p *Provider) SealingKey(ctx context.Context) ([attestation.SealingKeySize]byte, error) {
	if err := ctx.Err(); err != nil {
		return [attestation.SealingKeySize]byte{}, err
	}
	p.sealOnce.Do(func() {
		p.sealKey, p.sealErr = loadOrCreateKey(filepath.Join(p.dir, SealingKeyFile))
	})
	return p.sealKey, p.sealErr
}

// loadOrCreateKey reads a hex key file, or creates one without ever overwriting an existing
// file (a second process racing to create it reads the winner's key).
func loadOrCreateKey(path string) ([attestation.SealingKeySize]byte, error) {
	key, err := readKey(path)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return key, err
	}
	if _, err := rand.Read(key[:]); err != nil {
		return key, fmt.Errorf("create sealing key: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".sealing-*.tmp")
	if err != nil {
		return key, fmt.Errorf("create sealing key: %w", err)
	}
	defer os.Remove(tmp.Name())
	text := append([]byte(hex.EncodeToString(key[:])), '\n')
	if err := writeSynced(tmp, text); err != nil {
		return key, fmt.Errorf("create sealing key: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return readKey(path)
		}
		return key, fmt.Errorf("create sealing key: %w", err)
	}
	return key, nil
}

func writeSynced(f *os.File, b []byte) error {
	defer f.Close()
	if err := f.Chmod(0o600); err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		return err
	}
	return f.Sync()
}

func readKey(path string) ([attestation.SealingKeySize]byte, error) {
	var key [attestation.SealingKeySize]byte
	f, err := os.Open(path)
	if err != nil {
		return key, fmt.Errorf("read sealing key: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return key, fmt.Errorf("read sealing key: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return key, fmt.Errorf("read sealing key %s: mode %v lets others read it, want 0600", path, st.Mode().Perm())
	}
	b, err := io.ReadAll(io.LimitReader(f, 2*attestation.SealingKeySize+3))
	if err != nil {
		return key, fmt.Errorf("read sealing key: %w", err)
	}
	b = bytes.TrimSpace(b)
	if len(b) != 2*attestation.SealingKeySize {
		return key, fmt.Errorf("read sealing key %s: want %d hex digits", path, 2*attestation.SealingKeySize)
	}
	if _, err := hex.Decode(key[:], b); err != nil {
		return key, fmt.Errorf("read sealing key %s: not hex", path)
	}
	return key, nil
}
