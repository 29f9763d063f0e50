package client

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/mpc/bls"
)

// How a decryption asks for shares. Every share costs a node an authentication, a read of the
// chain and a hash to G2; the client needs T of them. So it asks T nodes, and one more for each
// that fails or sends a bad share; if the T are slow to answer — hedgeFactor times the first
// answer's delay, at least hedgeMin, or hedgeNoAnswer without any answer — it asks every node
// left. Requests still out when T valid shares are in finish in the background: canceling one
// closes its connection, and the next decryption would pay a new TCP and TLS handshake to
// that node.
const (
	hedgeFactor   = 3
	hedgeMin      = 100 * time.Millisecond
	hedgeNoAnswer = time.Second
)

// decryptTurn rotates which nodes a decryption asks first, so that requests spread over the
// network; it starts at a random node, so that short-lived clients spread too.
var decryptTurn = func() *atomic.Uint32 {
	var t atomic.Uint32
	t.Store(rand.Uint32()) //nolint:gosec // load spreading, not a secret
	return &t
}()

// shareGather is one decryption attempt's requests for shares and what came of them.
type shareGather struct {
	c        *Client
	key      *NetworkKey
	id       []byte
	req      api.EncryptionSignRequest
	auth     Auth
	resource access.ResourceAbility
	progress func(NodeShare)

	// request asks node i of key.Nodes for its share (httpShare; tests replace it).
	request func(ctx context.Context, i int) (*api.EncryptionSignResponse, error)
	// hedgeMin and hedgeNoAnswer are the constants above (tests lengthen them).
	hedgeMin, hedgeNoAnswer time.Duration

	nodes   []NodeShare
	order   []int // the usable nodes, in the order they are asked
	next    int   // order[next] is the next node to ask
	out     int   // requests in flight
	answers chan shareAnswer

	// The requests' context: canceled when the caller's is while gather runs, and not after —
	// requests left when T shares are in finish in the background.
	reqCtx  context.Context
	cancel  context.CancelFunc
	unwatch func() bool
}

func (c *Client) newShareGather(ctx context.Context, key *NetworkKey, id []byte, req api.EncryptionSignRequest, auth Auth,
	resource access.ResourceAbility, progress func(NodeShare)) *shareGather {
	g := &shareGather{c: c, key: key, id: id, req: req, auth: auth, resource: resource, progress: progress,
		nodes: make([]NodeShare, len(key.Nodes))}
	var usable []int
	for i, kn := range key.Nodes {
		g.nodes[i] = NodeShare{URL: kn.Node.URL, ShareIndex: -1}
		if !kn.Usable {
			g.nodes[i].Status, g.nodes[i].Reason = ShareNotAsked, kn.Reason
			g.nodes[i].Err = errors.New(kn.Reason)
			g.report(g.nodes[i])
			continue
		}
		usable = append(usable, i)
	}
	if len(usable) > 0 {
		start := int(decryptTurn.Add(1) % uint32(len(usable)))
		g.order = append(usable[start:], usable[:start]...)
	}
	g.request, g.hedgeMin, g.hedgeNoAnswer = g.httpShare, hedgeMin, hedgeNoAnswer
	g.answers = make(chan shareAnswer, len(g.order))
	g.reqCtx, g.cancel = context.WithCancel(context.WithoutCancel(ctx))
	g.unwatch = context.AfterFunc(ctx, g.cancel)
	return g
}

func (g *shareGather) report(ns NodeShare) {
	if g.progress != nil {
		g.progress(ns)
	}
}

// ask sends the request to the next node in order.
func (g *shareGather) ask() {
	i := g.order[g.next]
	g.next++
	g.out++
	go func() {
		rctx, cancel := context.WithTimeout(g.reqCtx, signTimeout)
		defer cancel()
		resp, err := retryRateLimited(rctx, func() (*api.EncryptionSignResponse, error) { return g.request(rctx, i) })
		if err == nil && resp == nil {
			err = errors.New("no answer")
		}
		g.answers <- shareAnswer{node: i, resp: resp, err: err} // buffered for every node: never blocks
	}()
}

// httpShare is POST /web/encryption/sign to node i, with an authSig made for it.
func (g *shareGather) httpShare(ctx context.Context, i int) (*api.EncryptionSignResponse, error) {
	url := g.key.Nodes[i].Node.URL
	nreq := g.req
	var err error
	if nreq.AuthSig, err = g.c.authJSON(ctx, g.auth, url, g.resource); err != nil {
		return nil, err
	}
	var resp api.EncryptionSignResponse
	if err := g.c.postAuthed(ctx, url, "/web/encryption/sign", nreq, &resp, true); err != nil {
		return nil, err
	}
	return &resp, nil
}

// topUp asks more nodes until the shares held, the ones waiting for their check and the
// requests in flight could make the threshold, or no node is left.
func (g *shareGather) topUp(held int) {
	for held+g.out < g.key.Threshold && g.next < len(g.order) {
		g.ask()
	}
}

// askRest asks every node not asked yet.
func (g *shareGather) askRest() {
	for g.next < len(g.order) {
		g.ask()
	}
}

// finish ends the attempt: after a success the requests still out finish in the background;
// otherwise they are canceled.
func (g *shareGather) finish(ok bool) {
	g.unwatch()
	if !ok || g.out == 0 {
		g.cancel()
		return
	}
	go func(out int) {
		defer g.cancel()
		for range out {
			<-g.answers
		}
	}(g.out)
}

// pendingShare is a decoded share waiting for its check.
type pendingShare struct {
	node    int
	partial []byte
}

// gather collects shares until T of them verify and returns the identity's key combined from
// them. Answers are decoded as they arrive; once the shares held and those waiting reach the
// threshold, the waiting ones are checked: the first T at once by combining them and
// verifying the result (ShareKeys.CombineIfValid), and if that fails, or some are already
// held, in one batch check that names the bad ones (a bad share is skipped and reported with
// its node and index, and another node is asked). With fewer valid shares than the threshold
// the error is a *ShareError.
//
//nolint:funlen,gocognit // one loop over answers, checks and timers; its decisions need the whole state
func (g *shareGather) gather(ctx context.Context) (sig []byte, err error) {
	defer func() { g.finish(err == nil) }()
	th := g.key.Threshold
	var partials []bls.Verified
	var pending []pendingShare
	seen := map[int]string{}
	reject := func(ns *NodeShare, err error) {
		ns.Err, ns.Reason, ns.Status = err, err.Error(), ShareInvalid
		g.report(*ns)
	}
	start := time.Now()
	timer := time.NewTimer(g.hedgeNoAnswer)
	defer timer.Stop()
	hedge, answered := timer.C, false
	g.topUp(0)
	for len(partials) < th && sig == nil {
		if len(pending) > 0 && (len(partials)+len(pending) >= th || (g.out == 0 && g.next == len(g.order))) {
			batch := make([][]byte, len(pending))
			for j, p := range pending {
				batch[j] = p.partial
			}
			if len(partials) == 0 && len(pending) == th {
				if s, ok := g.key.shares.CombineIfValid(g.id, batch, th); ok {
					for _, p := range pending {
						g.nodes[p.node].Status = ShareValid
						g.report(g.nodes[p.node])
					}
					sig = s
					break
				}
			}
			verified, errs := g.key.shares.VerifyPartials(g.id, batch)
			for j, err := range errs {
				ns := &g.nodes[pending[j].node]
				if err != nil {
					reject(ns, shareError(err, ns.epoch, g.key.Epoch))
					continue
				}
				if other, dup := seen[ns.ShareIndex]; dup {
					reject(ns, fmt.Errorf("share index %d was already given by %s", ns.ShareIndex, other))
					continue
				}
				seen[ns.ShareIndex] = ns.URL
				ns.Status = ShareValid
				partials = append(partials, verified[j])
				g.report(*ns)
			}
			pending = pending[:0]
			g.topUp(len(partials))
			continue
		}
		if g.out == 0 {
			break // every node was asked and has answered
		}
		var a shareAnswer
		select {
		case a = <-g.answers:
		case <-hedge:
			hedge = nil
			g.askRest()
			continue
		case <-ctx.Done():
			return nil, fmt.Errorf("decrypt: %w", ctx.Err())
		}
		g.out--
		if !answered && a.err == nil && hedge != nil {
			answered = true
			first := time.Since(start)
			timer.Reset(max(g.hedgeMin, hedgeFactor*first) - first)
		}
		ns := &g.nodes[a.node]
		if a.err != nil {
			ns.Err, ns.Reason, ns.Status = a.err, a.err.Error(), ShareUnreachable
			var ae *api.Error
			if errors.As(a.err, &ae) {
				ns.Status = ShareRefused
			}
			g.report(*ns)
			g.topUp(len(partials) + len(pending))
			continue
		}
		partial, index, err := decodeShare(a.resp, g.id)
		ns.ShareIndex, ns.epoch = index, a.resp.Epoch
		if err == nil {
			if other, dup := seen[index]; dup {
				err = fmt.Errorf("share index %d was already given by %s", index, other)
			}
		}
		if err != nil {
			reject(ns, err)
			g.topUp(len(partials) + len(pending))
			continue
		}
		pending = append(pending, pendingShare{node: a.node, partial: partial})
	}
	for i := range g.nodes {
		if g.nodes[i].Status == "" {
			g.nodes[i].Status, g.nodes[i].Reason = ShareUnneeded, "enough valid shares arrived first"
		}
	}
	if sig != nil {
		return sig, nil
	}
	if len(partials) < th {
		answered := 0
		for _, n := range g.nodes {
			if n.Status == ShareValid || n.Status == ShareInvalid || n.Status == ShareRefused {
				answered++
			}
		}
		return nil, &ShareError{Needed: th, Valid: len(partials), Answered: answered, Nodes: g.nodes}
	}
	sig, err = g.key.shares.Interpolate(partials, th)
	if err != nil {
		return nil, fmt.Errorf("decrypt: combine shares: %w", err)
	}
	return sig, nil
}
