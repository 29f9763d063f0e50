package attestation

import "github.com/google/go-sev-guest/client"

// configfsSupported reports whether the kernel's configfs-tsm report interface is backed by the
// SEV-SNP guest driver.
func configfsSupported() bool { return (&client.LinuxConfigFsQuoteProvider{}).IsSupported() }
