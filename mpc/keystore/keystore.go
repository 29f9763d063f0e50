// Package keystore keeps a node's key shares at rest, sealed with AES-256-GCM under a sealing
// key the caller provides (derived from SEV-SNP on real hardware, read from a key file in
// simulation). Shares are grouped by epoch, one directory per epoch, so that a resharing can
// write the new epoch next to the old one and the old epoch can be pruned once the new one
// serves.
//
// Layout under the root directory (0700):
//
//	epoch-00000000000000000007/     one directory per epoch (0700), 20-digit zero-padded
//	    bls-root.sealed             one file per key (0600)
//
// A sealed file is "LMKS" ‖ version u8 (=1) ‖ nonce[12] ‖ AES-256-GCM(secret), with
// associated data "litmesh/keystore/v1" ‖ epoch u64 ‖ len(name) u8 ‖ name: a file copied to
// another name or epoch does not open. The AES key is HKDF-SHA256 of the sealing key, so the
// sealing key itself is never used directly. Writes are atomic and durable: temp file, fsync,
// rename, fsync of the directory. Nothing is ever written in plaintext.
//
// This package must not import any other litmesh package.
package keystore

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Limits and sizes.
const (
	// SealingKeySize is the length of the caller's sealing key.
	SealingKeySize = 32
	// MaxSecretSize bounds one stored secret (a key share is well under 1 KiB).
	MaxSecretSize = 1 << 20

	magic       = "LMKS"
	fileVersion = 1
	nonceSize   = 12
	tagSize     = 16
	overhead    = len(magic) + 1 + nonceSize + tagSize
	suffix      = ".sealed"
	epochPrefix = "epoch-"
	tempPrefix  = ".tmp-"
)

var (
	// ErrNotFound means no secret is stored under that epoch and name.
	ErrNotFound = errors.New("keystore: not found")
	// ErrUnseal means a file does not open: a wrong sealing key, or a file that was modified,
	// truncated, or moved to another name or epoch.
	ErrUnseal = errors.New("keystore: cannot unseal (wrong sealing key or tampered file)")
	// ErrBadName means a key name outside [a-z0-9][a-z0-9._-]{0,63}.
	ErrBadName = errors.New("keystore: invalid key name")
	// ErrTooLarge means a secret or file over MaxSecretSize.
	ErrTooLarge = errors.New("keystore: secret too large")
)

var validName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// Keystore is a directory of sealed secrets. It is safe for concurrent use, but not for two
// processes writing the same epoch and name at once.
type Keystore struct {
	dir  string
	aead cipher.AEAD
}

// Open uses dir (created 0700 if missing, tightened to 0700 if looser) as the keystore, sealing
// with sealingKey. It removes temp files a crash may have left behind.
func Open(dir string, sealingKey []byte) (*Keystore, error) {
	if len(sealingKey) != SealingKeySize {
		return nil, fmt.Errorf("keystore: sealing key of %d bytes, want %d", len(sealingKey), SealingKeySize)
	}
	key, err := hkdf.Key(sha256.New, sealingKey, nil, "litmesh/keystore/v1 aes-256-gcm", 32)
	if err != nil {
		return nil, fmt.Errorf("keystore: derive key: %w", err)
	}
	block, err := aes.NewCipher(key)
	clear(key)
	if err != nil {
		return nil, fmt.Errorf("keystore: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("keystore: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("keystore: create %s: %w", dir, err)
	}
	if err := tighten(dir); err != nil {
		return nil, err
	}
	k := &Keystore{dir: dir, aead: aead}
	if err := k.removeTemps(); err != nil {
		return nil, err
	}
	return k, nil
}

func tighten(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("keystore: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("keystore: %s is not a directory", dir)
	}
	if info.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, 0o700); err != nil { //nolint:gosec // a directory needs its x bit; owner only
			return fmt.Errorf("keystore: restrict %s: %w", dir, err)
		}
	}
	return nil
}

func (k *Keystore) removeTemps() error {
	epochs, err := k.Epochs()
	if err != nil {
		return err
	}
	for _, e := range epochs {
		entries, err := os.ReadDir(k.epochDir(e))
		if err != nil {
			return fmt.Errorf("keystore: list epoch %d: %w", e, err)
		}
		for _, ent := range entries {
			if strings.HasPrefix(ent.Name(), tempPrefix) {
				if err := os.Remove(filepath.Join(k.epochDir(e), ent.Name())); err != nil {
					return fmt.Errorf("keystore: remove leftover %s: %w", ent.Name(), err)
				}
			}
		}
	}
	return nil
}

func (k *Keystore) epochDir(epoch uint64) string {
	return filepath.Join(k.dir, fmt.Sprintf("%s%020d", epochPrefix, epoch))
}

func (k *Keystore) path(epoch uint64, name string) string {
	return filepath.Join(k.epochDir(epoch), name+suffix)
}

func checkName(name string) error {
	if !validName.MatchString(name) {
		return fmt.Errorf("%w: %q", ErrBadName, name)
	}
	return nil
}

func additionalData(epoch uint64, name string) []byte {
	ad := []byte("litmesh/keystore/v1")
	ad = binary.BigEndian.AppendUint64(ad, epoch)
	ad = append(ad, byte(len(name)))
	return append(ad, name...)
}

func (k *Keystore) seal(epoch uint64, name string, secret []byte) ([]byte, error) {
	out := make([]byte, len(magic)+1+nonceSize, overhead+len(secret))
	copy(out, magic)
	out[len(magic)] = fileVersion
	nonce := out[len(magic)+1:]
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("keystore: draw nonce: %w", err)
	}
	return k.aead.Seal(out, nonce, secret, additionalData(epoch, name)), nil
}

func (k *Keystore) unseal(epoch uint64, name string, file []byte) ([]byte, error) {
	if len(file) < overhead || string(file[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: not a keystore file", ErrUnseal)
	}
	if file[len(magic)] != fileVersion {
		return nil, fmt.Errorf("%w: unknown version %d", ErrUnseal, file[len(magic)])
	}
	nonce := file[len(magic)+1 : len(magic)+1+nonceSize]
	secret, err := k.aead.Open(nil, nonce, file[len(magic)+1+nonceSize:], additionalData(epoch, name))
	if err != nil {
		return nil, ErrUnseal
	}
	return secret, nil
}

// Put seals secret under (epoch, name), replacing any previous value atomically: a crash leaves
// either the old or the new file, never a partial one.
func (k *Keystore) Put(epoch uint64, name string, secret []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	if len(secret) > MaxSecretSize {
		return fmt.Errorf("%w: %d bytes", ErrTooLarge, len(secret))
	}
	sealed, err := k.seal(epoch, name, secret)
	if err != nil {
		return err
	}
	dir := k.epochDir(epoch)
	if err := k.ensureEpochDir(dir); err != nil {
		return err
	}
	if err := writeAtomic(dir, name+suffix, sealed); err != nil {
		return fmt.Errorf("keystore: store %s in epoch %d: %w", name, epoch, err)
	}
	return nil
}

// ensureEpochDir creates the epoch directory and makes its entry in the root durable.
func (k *Keystore) ensureEpochDir(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("keystore: create epoch directory: %w", err)
	}
	return syncDir(k.dir)
}

func writeAtomic(dir, name string, data []byte) (err error) {
	f, err := os.CreateTemp(dir, tempPrefix+"*") // mode 0600
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("keystore: sync %s: %w", dir, err)
	}
	return nil
}

// Get unseals the secret stored under (epoch, name). The caller owns the returned buffer and
// should clear it when done.
func (k *Keystore) Get(epoch uint64, name string) ([]byte, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	f, err := os.Open(k.path(epoch, name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s in epoch %d", ErrNotFound, name, epoch)
	}
	if err != nil {
		return nil, fmt.Errorf("keystore: %w", err)
	}
	defer f.Close()
	file, err := io.ReadAll(io.LimitReader(f, int64(overhead+MaxSecretSize+1)))
	if err != nil {
		return nil, fmt.Errorf("keystore: read %s in epoch %d: %w", name, epoch, err)
	}
	if len(file) > overhead+MaxSecretSize {
		return nil, fmt.Errorf("%w: %s in epoch %d", ErrTooLarge, name, epoch)
	}
	secret, err := k.unseal(epoch, name, file)
	if err != nil {
		return nil, fmt.Errorf("open %s in epoch %d: %w", name, epoch, err)
	}
	return secret, nil
}

// Names lists the keys stored in an epoch, sorted.
func (k *Keystore) Names(epoch uint64) ([]string, error) {
	entries, err := os.ReadDir(k.epochDir(epoch))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("keystore: list epoch %d: %w", epoch, err)
	}
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), suffix); ok && e.Type().IsRegular() && checkName(n) == nil {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names, nil
}

// Epochs lists the epochs that have a directory, ascending.
func (k *Keystore) Epochs() ([]uint64, error) {
	entries, err := os.ReadDir(k.dir)
	if err != nil {
		return nil, fmt.Errorf("keystore: list %s: %w", k.dir, err)
	}
	var epochs []uint64
	for _, e := range entries {
		digits, ok := strings.CutPrefix(e.Name(), epochPrefix)
		if !ok || !e.IsDir() || len(digits) != 20 {
			continue
		}
		n, err := strconv.ParseUint(digits, 10, 64)
		if err != nil {
			continue
		}
		epochs = append(epochs, n)
	}
	sort.Slice(epochs, func(i, j int) bool { return epochs[i] < epochs[j] })
	return epochs, nil
}

// Prune deletes every epoch older than `before` (the shares of epochs a resharing has replaced:
// kept, they would still combine with each other to the key).
func (k *Keystore) Prune(before uint64) error {
	epochs, err := k.Epochs()
	if err != nil {
		return err
	}
	removed := false
	for _, e := range epochs {
		if e >= before {
			continue
		}
		if err := os.RemoveAll(k.epochDir(e)); err != nil {
			return fmt.Errorf("keystore: prune epoch %d: %w", e, err)
		}
		removed = true
	}
	if removed {
		return syncDir(k.dir)
	}
	return nil
}

// DropEpoch erases one epoch's secrets. Dropping an epoch that does not exist is not an error.
func (k *Keystore) DropEpoch(e uint64) error {
	if err := os.RemoveAll(k.epochDir(e)); err != nil {
		return fmt.Errorf("keystore: drop epoch %d: %w", e, err)
	}
	return syncDir(k.dir)
}

// Delete erases one secret. Deleting one that does not exist is not an error.
func (k *Keystore) Delete(epoch uint64, name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	err := os.Remove(k.path(epoch, name))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("keystore: delete %s in epoch %d: %w", name, epoch, err)
	}
	return syncDir(k.epochDir(epoch))
}
