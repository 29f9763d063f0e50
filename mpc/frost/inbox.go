package frost

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/litmesh/litmesh/mpc"
)

var errInternal = errors.New("frost: internal error")

// inbox sorts incoming preprocessing messages into rounds. Members move through the rounds in
// lockstep — no one can send round r+1 before it has every round-r message — so a message is
// either for the round being collected, or for the next one (a faster member), or a protocol
// violation.
type inbox struct {
	tr       mpc.Transport
	shape    shape
	next     map[int][]byte
	nextKind byte
}

func newInbox(tr mpc.Transport, sh shape) *inbox {
	return &inbox{tr: tr, shape: sh, next: map[int][]byte{}, nextKind: kindCommit}
}

// collect returns one message of kind from every other member.
func (ib *inbox) collect(ctx context.Context, kind byte) (map[int][]byte, error) {
	n, self := ib.tr.Members(), ib.tr.Self()
	round := int(kind)
	out := map[int][]byte{}
	if ib.nextKind == kind {
		out = ib.next
	}
	ib.next, ib.nextKind = map[int][]byte{}, kind+1
	for len(out) < n-1 {
		msg, err := ib.tr.Receive(ctx)
		if err != nil {
			var missing []int
			for m := range n {
				if _, ok := out[m]; !ok && m != self {
					missing = append(missing, m)
				}
			}
			slices.Sort(missing)
			return nil, fmt.Errorf("preprocess round %d: waiting for members %v: %w", round, missing, err)
		}
		from := msg.From
		if from < 0 || from >= n || from == self {
			return nil, fmt.Errorf("preprocess round %d: transport delivered a message from member %d of %d: %w", round, from, n, errInternal)
		}
		k, err := ib.shape.peekKind(msg.Payload)
		if err != nil {
			return nil, &FaultError{Member: from, Round: round, Err: err}
		}
		switch {
		case k == kindAbort:
			a, err := ib.shape.decodeAbort(msg.Payload)
			if err != nil {
				return nil, &FaultError{Member: from, Round: round, Err: err}
			}
			return nil, &AbortError{Member: from, Blamed: a.blamed, Reason: reasonText(a.reason)}
		case k == kind:
			if _, dup := out[from]; dup {
				return nil, &FaultError{Member: from, Round: round, Err: fmt.Errorf("second round-%d message: %w", round, ErrUnexpected)}
			}
			out[from] = msg.Payload
		case k == kind+1 && kind == kindCommit:
			_, sentThis := out[from]
			_, dup := ib.next[from]
			if !sentThis || dup {
				return nil, &FaultError{Member: from, Round: round, Err: fmt.Errorf("round-%d message out of order: %w", k, ErrUnexpected)}
			}
			ib.next[from] = msg.Payload
		default:
			return nil, &FaultError{Member: from, Round: round, Err: fmt.Errorf("round-%d message during round %d: %w", k, round, ErrUnexpected)}
		}
	}
	return out, nil
}
