package dkg

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	kdkg "github.com/drand/kyber/share/dkg"
	"github.com/drand/kyber/sign/schnorr"

	"github.com/litmesh/litmesh/mpc"
)

// Result is one member's outcome of a successful run.
type Result struct {
	// Key is this member's new key share; nil for a member that only dealt (left the group).
	Key *KeyShare
	// Qualified lists share indices: in a fresh DKG the dealers whose secrets make up the key,
	// in a resharing the new nodes that completed the run.
	Qualified []uint32
	// Faults names every member seen misbehaving or missing, even though the run succeeded.
	Faults []*Fault
}

// Run executes one DKG or resharing session over tr (whose members are addressed by Node.Member)
// and returns this member's result. It returns when this member is done: as soon as every
// expected bundle arrived, or after at most three phase timeouts. Cancelling ctx aborts the run.
// A failure is a *RunError naming the members at fault.
func Run(ctx context.Context, tr mpc.Transport, cfg Config, opts ...Option) (*Result, error) {
	o, err := buildOptions(ctx, opts)
	if err != nil {
		return nil, err
	}
	r, err := checkConfig(&cfg, tr.Self(), tr.Members())
	if err != nil {
		return nil, err
	}
	auth := schnorr.NewScheme(cfg.Suite)
	s := newSession(&cfg, r, tr, auth, o)
	kc := kyberConfig(&cfg, r, auth, kyberLog{s.log})
	if !r.receives {
		return s.dealOnly(ctx, kc)
	}

	sendCtx, cancelSend := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelSend()
	var senders sync.WaitGroup
	for _, ob := range s.outs {
		senders.Add(1)
		go func() {
			defer senders.Done()
			ob.run(sendCtx, tr, s.log)
		}()
	}

	recvCtx, cancelRecv := context.WithCancel(ctx)
	stopPump := make(chan struct{})
	var workers sync.WaitGroup
	workers.Add(2)
	go func() {
		defer workers.Done()
		s.receive(recvCtx)
	}()
	go func() {
		defer workers.Done()
		s.pump(ctx, stopPump)
	}()

	// kyber starts its own goroutine here. It ends by sending exactly one result: the pump
	// ticks every phase in order (all at once if ctx ends), and each tick sequence leads kyber
	// to a result (checked against kyber v1.3.2's startFast).
	proto, perr := kdkg.NewProtocol(kc, s, s, false)
	var out kdkg.OptionResult
	if perr != nil {
		out.Error = perr
	} else {
		out = <-proto.WaitEnd()
	}
	cancelRecv()
	close(stopPump)
	workers.Wait()
	s.flush(ctx, &senders, cancelSend)

	if ctx.Err() != nil {
		return nil, &RunError{Err: fmt.Errorf("%w: %w", ErrAborted, ctx.Err()), Faults: s.faultList()}
	}
	if out.Error != nil || out.Result == nil {
		cause := out.Error
		if cause == nil {
			cause = errors.New("no result")
		}
		s.mu.Lock()
		if s.recvErr != nil {
			cause = fmt.Errorf("%w (transport: %w)", cause, s.recvErr)
		}
		s.mu.Unlock()
		return nil, &RunError{Err: fmt.Errorf("%w: %w", ErrAborted, cause), Faults: s.faultList()}
	}
	return s.result(out.Result), nil
}

// flush gives our queued bundles (our response above all: others evict a member whose response
// never arrives) up to one phase timeout to leave before the senders are stopped.
func (s *session) flush(ctx context.Context, senders *sync.WaitGroup, cancel context.CancelFunc) {
	for _, o := range s.outs {
		o.close()
	}
	done := make(chan struct{})
	go func() {
		senders.Wait()
		close(done)
	}()
	t := time.NewTimer(s.opts.phaseTimeout)
	defer t.Stop()
	select {
	case <-done:
		return
	case <-t.C:
	case <-ctx.Done():
	}
	cancel()
	<-done
}

// dealOnly is the run of a member that leaves the group: it deals its share to the new nodes
// and is done. (kyber has no further role for it: it cannot process responses, so complaints
// against its deal go unanswered and only cost that one deal.)
func (s *session) dealOnly(ctx context.Context, kc *kdkg.Config) (*Result, error) {
	gen, err := kdkg.NewDistKeyHandler(kc)
	if err != nil {
		return nil, &RunError{Err: fmt.Errorf("%w: %w", ErrAborted, err)}
	}
	bundle, err := gen.Deals()
	if err != nil {
		return nil, &RunError{Err: fmt.Errorf("%w: deal: %w", ErrAborted, err)}
	}
	msg, err := encodeDeal(s.r.suite, bundle)
	if err != nil {
		return nil, &RunError{Err: fmt.Errorf("%w: %w", ErrAborted, err)}
	}
	sendCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	var senders sync.WaitGroup
	for _, o := range s.outs {
		o.push(msg)
		senders.Add(1)
		go func() {
			defer senders.Done()
			o.run(sendCtx, s.tr, s.log)
		}()
	}
	s.flush(ctx, &senders, cancel)
	if ctx.Err() != nil {
		return nil, &RunError{Err: fmt.Errorf("%w: %w", ErrAborted, ctx.Err())}
	}
	reached := 0
	for m, o := range s.outs {
		if o.delivered() > 0 {
			reached++
		} else {
			s.fault(m, errors.New("dkg: deal bundle could not be sent"))
		}
	}
	if reached == 0 && len(s.outs) > 0 {
		return nil, &RunError{Err: fmt.Errorf("%w: deal bundle reached no new node", ErrAborted), Faults: s.faultList()}
	}
	return &Result{Faults: s.faultList()}, nil
}

func (s *session) result(res *kdkg.Result) *Result {
	out := &Result{Key: &KeyShare{Share: res.Key.Share, Commits: res.Key.Commits}}
	inQual := make(map[uint32]bool)
	for _, n := range res.QUAL {
		out.Qualified = append(out.Qualified, n.Index)
		inQual[n.Index] = true
	}
	sort.Slice(out.Qualified, func(i, j int) bool { return out.Qualified[i] < out.Qualified[j] })
	// In a fresh DKG QUAL lists dealers, in a resharing new nodes: either way, name the ones
	// left out, next to whatever more specific fault explains why.
	list := s.r.holders
	if !s.r.reshare {
		list = s.r.dealers
	}
	for _, n := range list {
		if !inQual[n.Index] {
			s.fault(n.Member, ErrExcluded)
		}
	}
	out.Faults = s.faultList()
	return out
}

// kyberLog routes kyber's free-form protocol log to debug level: it is for developers, and the
// operator-relevant part reaches the caller as Faults.
type kyberLog struct{ l *slog.Logger }

func (k kyberLog) Info(kv ...any)  { k.l.Debug("kyber dkg", "detail", fmt.Sprint(kv...)) }
func (k kyberLog) Error(kv ...any) { k.l.Debug("kyber dkg problem", "detail", fmt.Sprint(kv...)) }
