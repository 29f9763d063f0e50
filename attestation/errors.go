package attestation

import "errors"

// Why a report is refused. Each refusal wraps exactly one of these (plus detail), so callers
// branch with errors.Is and logs and `lit status --verify` show Reason(err).
var (
	// ErrReportTruncated: fewer than ReportSize bytes.
	ErrReportTruncated = errors.New("attestation report truncated")
	// ErrReportOversized: more than ReportSize bytes.
	ErrReportOversized = errors.New("attestation report oversized")
	// ErrMalformedReport: the right size but not a well-formed report (unknown version,
	// reserved bits set, unsupported signature algorithm, …).
	ErrMalformedReport = errors.New("malformed attestation report")
	// ErrUntrustedChain: the endorsement certificate is missing or does not chain up to a
	// root this verifier trusts (for example a simulated report in production mode).
	ErrUntrustedChain = errors.New("report signer not trusted")
	// ErrBadSignature: the certificate chain is trusted but the report's signature is wrong
	// (the report was altered).
	ErrBadSignature = errors.New("bad report signature")
	// ErrReportDataMismatch: REPORT_DATA is not the expected binding: a report for another
	// peer or operator, another purpose, or an old nonce (a replay).
	ErrReportDataMismatch = errors.New("report data mismatch")
	// ErrUnknownMeasurement: the launch measurement is not on the allowlist.
	ErrUnknownMeasurement = errors.New("measurement not on the allowlist")
	// ErrDebugPolicy: the guest policy lets the host debug (decrypt) the VM.
	ErrDebugPolicy = errors.New("guest policy allows debugging")
	// ErrTCBTooLow: the reported TCB is below the configured minimum in some component.
	ErrTCBTooLow = errors.New("TCB below the minimum")
	// ErrVMPL: the report was made at another VM privilege level than required.
	ErrVMPL = errors.New("unexpected VMPL")
	// ErrPolicy: any other guest-policy or platform check of go-sev-guest's validate failed
	// (migration agent allowed, committed firmware not current, CHIP_ID not the VCEK's, …).
	ErrPolicy = errors.New("report rejected by policy")
)

var reasons = []struct {
	err    error
	reason string
}{
	{ErrReportTruncated, "report_truncated"},
	{ErrReportOversized, "report_oversized"},
	{ErrMalformedReport, "malformed_report"},
	{ErrUntrustedChain, "untrusted_chain"},
	{ErrBadSignature, "bad_signature"},
	{ErrReportDataMismatch, "report_data_mismatch"},
	{ErrUnknownMeasurement, "unknown_measurement"},
	{ErrDebugPolicy, "debug_policy"},
	{ErrTCBTooLow, "tcb_too_low"},
	{ErrVMPL, "vmpl_mismatch"},
	{ErrPolicy, "policy_rejected"},
}

// Reason returns a short, stable snake_case name for why err refused a report ("" for nil,
// "error" for an error that is none of this package's refusals).
func Reason(err error) string {
	if err == nil {
		return ""
	}
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.reason
		}
	}
	return "error"
}
