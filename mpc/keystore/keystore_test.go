package keystore_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/litmesh/litmesh/mpc/keystore"
)

func sealingKey(b byte) []byte { return bytes.Repeat([]byte{b}, keystore.SealingKeySize) }

func open(t *testing.T, dir string, key []byte) *keystore.Keystore {
	t.Helper()
	k, err := keystore.Open(dir, key)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// A recognisable secret, so a test can look for it on disk.
var secret = []byte("SHARE-PLAINTEXT-MARKER-0123456789")

func epochFile(dir string, epoch uint64, name string) string {
	return filepath.Join(dir, fmt.Sprintf("epoch-%020d", epoch), name+".sealed")
}

func TestSecretsSurviveARestart(t *testing.T) {
	dir := t.TempDir()
	k := open(t, dir, sealingKey(1))
	if err := k.Put(7, "bls-root", secret); err != nil {
		t.Fatal(err)
	}
	if err := k.Put(7, "ecdsa-root", []byte("other")); err != nil {
		t.Fatal(err)
	}
	// A new process: a new Keystore over the same directory and sealing key.
	again := open(t, dir, sealingKey(1))
	got, err := again.Get(7, "bls-root")
	if err != nil || !bytes.Equal(got, secret) {
		t.Fatalf("after restart: %q, %v", got, err)
	}
	names, err := again.Names(7)
	if err != nil || strings.Join(names, ",") != "bls-root,ecdsa-root" {
		t.Fatalf("names %v, %v", names, err)
	}
}

func TestPutReplacesTheValue(t *testing.T) {
	k := open(t, t.TempDir(), sealingKey(1))
	for _, v := range []string{"first", "second"} {
		if err := k.Put(1, "k", []byte(v)); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := k.Get(1, "k"); err != nil || string(got) != "second" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestNothingIsWrittenInPlaintextAndFilesArePrivate(t *testing.T) {
	dir := t.TempDir()
	k := open(t, dir, sealingKey(1))
	if err := k.Put(3, "bls-root", secret); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			if perm := info.Mode().Perm(); perm != 0o700 {
				t.Errorf("directory %s has mode %o", path, perm)
			}
			return nil
		}
		if perm := info.Mode().Perm(); perm != 0o600 {
			t.Errorf("file %s has mode %o", path, perm)
		}
		if strings.HasPrefix(d.Name(), ".tmp-") {
			t.Errorf("temp file %s left behind", path)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(b, secret) {
			t.Errorf("plaintext found in %s", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTamperingOrTheWrongKeyIsAClearError(t *testing.T) {
	dir := t.TempDir()
	k := open(t, dir, sealingKey(1))
	for _, name := range []string{"a", "b"} {
		if err := k.Put(5, name, secret); err != nil {
			t.Fatal(err)
		}
	}
	if err := k.Put(6, "a", []byte("x")); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(epochFile(dir, 5, "a"))
	if err != nil {
		t.Fatal(err)
	}
	rewrite := func(t *testing.T, epoch uint64, name string, content []byte) {
		t.Helper()
		if err := os.WriteFile(epochFile(dir, epoch, name), content, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	flip := func(i int) []byte {
		b := append([]byte(nil), good...)
		b[i] ^= 1
		return b
	}
	cases := []struct {
		name   string
		setup  func(t *testing.T)
		epoch  uint64
		key    string
		opener []byte
	}{
		{"a flipped ciphertext byte", func(t *testing.T) { rewrite(t, 5, "a", flip(len(good)-20)) }, 5, "a", sealingKey(1)},
		{"a flipped tag byte", func(t *testing.T) { rewrite(t, 5, "a", flip(len(good)-1)) }, 5, "a", sealingKey(1)},
		{"a flipped nonce byte", func(t *testing.T) { rewrite(t, 5, "a", flip(6)) }, 5, "a", sealingKey(1)},
		{"a truncated file", func(t *testing.T) { rewrite(t, 5, "a", good[:len(good)-1]) }, 5, "a", sealingKey(1)},
		{"an empty file", func(t *testing.T) { rewrite(t, 5, "a", nil) }, 5, "a", sealingKey(1)},
		{"another magic", func(t *testing.T) { rewrite(t, 5, "a", flip(0)) }, 5, "a", sealingKey(1)},
		{"another version", func(t *testing.T) { rewrite(t, 5, "a", flip(4)) }, 5, "a", sealingKey(1)},
		{"a file copied to another name", func(t *testing.T) { rewrite(t, 5, "b", good) }, 5, "b", sealingKey(1)},
		{"a file copied to another epoch", func(t *testing.T) { rewrite(t, 6, "a", good) }, 6, "a", sealingKey(1)},
		{"the wrong sealing key", func(t *testing.T) { rewrite(t, 5, "a", good) }, 5, "a", sealingKey(2)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.setup(t)
			got, err := open(t, dir, c.opener).Get(c.epoch, c.key)
			if !errors.Is(err, keystore.ErrUnseal) || got != nil {
				t.Fatalf("got %q, %v; want ErrUnseal", got, err)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("%s in epoch %d", c.key, c.epoch)) {
				t.Fatalf("error %q does not say which secret", err)
			}
		})
	}
}

func TestOversizedFilesAreNotRead(t *testing.T) {
	dir := t.TempDir()
	k := open(t, dir, sealingKey(1))
	if err := k.Put(1, "big", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(epochFile(dir, 1, "big"), make([]byte, keystore.MaxSecretSize+100), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Get(1, "big"); !errors.Is(err, keystore.ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	if err := k.Put(1, "big", make([]byte, keystore.MaxSecretSize+1)); !errors.Is(err, keystore.ErrTooLarge) {
		t.Fatalf("put: got %v, want ErrTooLarge", err)
	}
}

func TestEpochsAreListedAndOldOnesPruned(t *testing.T) {
	dir := t.TempDir()
	k := open(t, dir, sealingKey(1))
	for _, e := range []uint64{10, 2, 3, 1 << 40} {
		if err := k.Put(e, "bls-root", secret); err != nil {
			t.Fatal(err)
		}
	}
	// Not epochs: ignored.
	if err := os.Mkdir(filepath.Join(dir, "epoch-12"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	epochs, err := k.Epochs()
	if err != nil || fmt.Sprint(epochs) != fmt.Sprint([]uint64{2, 3, 10, 1 << 40}) {
		t.Fatalf("epochs %v, %v", epochs, err)
	}
	if err := k.Prune(10); err != nil {
		t.Fatal(err)
	}
	epochs, _ = k.Epochs()
	if fmt.Sprint(epochs) != fmt.Sprint([]uint64{10, 1 << 40}) {
		t.Fatalf("after pruning below 10: %v", epochs)
	}
	if _, err := k.Get(3, "bls-root"); !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("pruned epoch still readable: %v", err)
	}
	if got, err := k.Get(10, "bls-root"); err != nil || !bytes.Equal(got, secret) {
		t.Fatalf("kept epoch: %q, %v", got, err)
	}
	if names, err := k.Names(3); err != nil || len(names) != 0 {
		t.Fatalf("names of a pruned epoch: %v, %v", names, err)
	}
}

func TestBadNamesAndKeysAreRefused(t *testing.T) {
	k := open(t, t.TempDir(), sealingKey(1))
	for _, name := range []string{"", "../escape", "a/b", ".hidden", "UPPER", "sp ace", strings.Repeat("a", 65)} {
		if err := k.Put(1, name, secret); !errors.Is(err, keystore.ErrBadName) {
			t.Errorf("put %q: got %v, want ErrBadName", name, err)
		}
		if _, err := k.Get(1, name); !errors.Is(err, keystore.ErrBadName) {
			t.Errorf("get %q: got %v, want ErrBadName", name, err)
		}
	}
	for _, n := range []int{0, 16, 31, 33} {
		if _, err := keystore.Open(t.TempDir(), make([]byte, n)); err == nil {
			t.Errorf("a %d-byte sealing key was accepted", n)
		}
	}
	if _, err := k.Get(1, "missing"); !errors.Is(err, keystore.ErrNotFound) {
		t.Errorf("missing key: got %v, want ErrNotFound", err)
	}
}

func TestOpenTightensPermissionsAndClearsCrashLeftovers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ks")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	k := open(t, dir, sealingKey(1))
	if err := k.Put(1, "a", secret); err != nil {
		t.Fatal(err)
	}
	leftover := filepath.Join(dir, "epoch-00000000000000000001", ".tmp-123")
	if err := os.WriteFile(leftover, []byte("partial"), 0o600); err != nil {
		t.Fatal(err)
	}
	open(t, dir, sealingKey(1))
	info, err := os.Stat(dir)
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("root mode %v, %v", info.Mode().Perm(), err)
	}
	if _, err := os.Stat(leftover); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("leftover temp file still there: %v", err)
	}
}

func TestDroppingAnEpochErasesOnlyThatEpoch(t *testing.T) {
	dir := t.TempDir()
	ks, err := keystore.Open(dir, make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []uint64{0, 1, 2} {
		if err := ks.Put(e, "share", []byte{byte(e)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := ks.DropEpoch(1); err != nil {
		t.Fatal(err)
	}
	if _, err := ks.Get(1, "share"); !errors.Is(err, keystore.ErrNotFound) {
		t.Fatalf("epoch 1 still readable: %v", err)
	}
	for _, e := range []uint64{0, 2} {
		if _, err := ks.Get(e, "share"); err != nil {
			t.Fatalf("epoch %d lost: %v", e, err)
		}
	}
	if err := ks.DropEpoch(7); err != nil {
		t.Fatalf("dropping a missing epoch: %v", err)
	}
}
