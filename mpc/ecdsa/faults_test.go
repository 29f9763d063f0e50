package ecdsa_test

import (
	"crypto/sha256"
	"errors"
	"sync"
	"testing"

	"github.com/litmesh/litmesh/mpc/ecdsa"
	"github.com/litmesh/litmesh/mpc/mpctest"
)

// Offsets into presign messages, from the layout documented in messages.go.
const (
	header    = 1 + 1 + 32 + 2
	pointSize = 65
	scalarSz  = 32
	hashSize  = 32
)

// tamper returns a filter that changes the message of the given round from `from` to the
// members in `to` (nil: everyone) by adding 1 to the byte at offset(len(payload)).
func tamper(round byte, from int, to []int, offset func(n int) int) mpctest.Filter {
	return func(f, dst int, p []byte) ([]byte, bool) {
		if f != from || len(p) < header || p[1] != round {
			return p, true
		}
		if to != nil {
			hit := false
			for _, m := range to {
				hit = hit || m == dst
			}
			if !hit {
				return p, true
			}
		}
		q := append([]byte(nil), p...)
		q[offset(len(q))]++
		return q, true
	}
}

// blamed returns whom an error from Presign blames, or −2 if it blames nobody. A disputed
// fault counts as blaming the culprit if it names the culprit on either side.
func blamed(err error, culprit int) int {
	var fe *ecdsa.FaultError
	if errors.As(err, &fe) {
		if fe.Disputed && fe.Accuser == culprit {
			return culprit
		}
		return fe.Member
	}
	var ae *ecdsa.AbortError
	if errors.As(err, &ae) {
		return ae.Blamed
	}
	return -2
}

func TestAMemberSendingAWrongPresignMessageIsNamed(t *testing.T) {
	const (
		n, deg, count = 4, 1, 2
		culprit       = 1
	)
	signers := []int{0, 1, 2, 3}
	r1Broadcast := count*(3*deg+1)*pointSize + count*hashSize // points, then ρ-contribution commitments
	r2Statement := count * 2 * (deg + 1) * pointSize
	for _, tc := range []struct {
		name     string
		filter   mpctest.Filter
		detector int   // a member that can detect the fault itself
		want     error // what the detector reports
		// late: the fault is only visible after the last round, so the members that do not
		// see it finish the session; the detector drops the presignatures.
		late bool
		// disputedOK: a report naming the culprit but disputed by another member suffices —
		// members that did not receive the odd broadcast cannot be certain, and their abort
		// may reach the one member that can before it finishes its own checks.
		disputedOK bool
	}{
		{
			name: "a share of k that does not match the Feldman commitments",
			// round 1 private part: presignature 0, scalar 0 (k), last byte
			filter:   tamper(1, culprit, []int{2}, func(int) int { return header + r1Broadcast + scalarSz - 1 }),
			detector: 2, want: ecdsa.ErrBadShare,
		},
		{
			name:     "a share of a that does not match the Pedersen commitments",
			filter:   tamper(1, culprit, []int{3}, func(int) int { return header + r1Broadcast + 2*scalarSz - 1 }),
			detector: 3, want: ecdsa.ErrBadShare,
		},
		{
			name:     "a resharing share of a·x that does not match its commitments",
			filter:   tamper(2, culprit, []int{0}, func(l int) int { return l - 1 }),
			detector: 0, want: ecdsa.ErrBadShare, late: true,
		},
		{
			name: "a wrong w",
			// round 3: header, echo, then presignature 0 starts with w
			filter:   tamper(3, culprit, nil, func(int) int { return header + n*hashSize + scalarSz - 1 }),
			detector: 2, want: ecdsa.ErrBadProof,
		},
		{
			name:     "a wrong resharing proof, broadcast consistently",
			filter:   wrongResharingProof(culprit, n, r2Statement),
			detector: 3, want: ecdsa.ErrBadProof,
		},
		{
			name: "a commitment shown to one member only",
			// round 2 statement: change the x coordinate of V̂_1 of presignature 0 for member 3
			filter:   tamper(2, culprit, []int{3}, func(int) int { return header + n*hashSize + (deg+1)*pointSize + pointSize + 5 }),
			detector: 3, want: ecdsa.ErrBadMessage, // the changed x is (almost surely) off the curve
		},
		{
			name:   "a round-1 broadcast that differs between receivers",
			filter: equivocateRound1(culprit, 3, deg),
			// The victim is certain: the culprit's own echo contradicts what it sent the victim.
			// Members 0 and 2 only see the victim's echo contradict theirs: a disputed fault.
			detector: 3, want: ecdsa.ErrEquivocation, disputedOK: true,
		},
		{
			name: "a false echo of another member's broadcast",
			// round 2: the culprit's echo of member 0's round-1 broadcast
			filter:   tamper(2, culprit, nil, func(int) int { return header }),
			detector: 0, want: ecdsa.ErrEquivocation,
		},
		{
			name: "a truncated message",
			filter: func(f, dst int, p []byte) ([]byte, bool) {
				if f == culprit && p[1] == 2 {
					return p[:len(p)-1], true
				}
				return p, true
			},
			detector: 0, want: ecdsa.ErrBadMessage,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDealer(t, n, deg)
			res := runPresign(t, d, signers, count, tc.filter)
			for m, r := range res {
				if m == culprit {
					continue
				}
				if r.err == nil {
					if !tc.late {
						t.Fatalf("member %d finished despite the fault", m)
					}
					continue
				}
				if got := blamed(r.err, culprit); got != culprit {
					t.Errorf("member %d blames %d: %v", m, got, r.err)
				}
			}
			// Someone must have caught the fault itself, for certain and for the right reason.
			// Often it is tc.detector, but when several members can see the fault, whoever
			// finishes its checks first aborts the session and the others may only get its
			// abort.
			var reports []error
			for m, r := range res {
				var fe *ecdsa.FaultError
				if m == culprit || !errors.As(r.err, &fe) {
					continue
				}
				reports = append(reports, r.err)
				if fe.Member == culprit && (!fe.Disputed || tc.disputedOK) && fe.Index == signers[culprit] && errors.Is(r.err, tc.want) {
					return
				}
			}
			t.Fatalf("no member reports a fault of member %d wrapping %v; reports: %v (detector %d: %v)", culprit, tc.want, reports, tc.detector, res[tc.detector].err)
		})
	}
}

// equivocateRound1 shows member `victim` a different round-1 broadcast from the culprit than
// everyone else sees: presignatures 0 and 1 swapped, commitments and the victim's shares
// alike, so that the victim's view is consistent in itself and only the echo can reveal it.
func equivocateRound1(culprit, victim, deg int) mpctest.Filter {
	return func(f, dst int, p []byte) ([]byte, bool) {
		if f != culprit || dst != victim || p[1] != 1 {
			return p, true
		}
		q := append([]byte(nil), p...)
		per := (3*deg + 1) * pointSize
		swap(q[header:header+per], q[header+per:header+2*per])
		commits := header + 2*per // count = 2: two ρ-contribution commitments follow
		swap(q[commits:commits+hashSize], q[commits+hashSize:commits+2*hashSize])
		priv := commits + 2*hashSize
		swap(q[priv:priv+5*scalarSz], q[priv+5*scalarSz:priv+10*scalarSz])
		return q, true
	}
}

func swap(a, b []byte) {
	tmp := append([]byte(nil), a...)
	copy(a, b)
	copy(b, tmp)
}

// wrongResharingProof makes the culprit send everyone the same round-2 broadcast with a wrong
// resharing proof (its z_u changed), and makes its round-3 echo of its own broadcast match, as
// a consistently lying member would.
func wrongResharingProof(culprit, n, statementLen int) mpctest.Filter {
	var mu sync.Mutex
	var forged [32]byte
	echo := header + n*hashSize
	return func(f, dst int, p []byte) ([]byte, bool) {
		if f != culprit {
			return p, true
		}
		q := append([]byte(nil), p...)
		switch q[1] {
		case 2:
			end := echo + statementLen + 2*pointSize + 2*scalarSz
			q[end-1]++
			mu.Lock()
			forged = sha256.Sum256(q[echo:end])
			mu.Unlock()
		case 3:
			mu.Lock()
			copy(q[header+culprit*hashSize:], forged[:])
			mu.Unlock()
		}
		return q, true
	}
}
