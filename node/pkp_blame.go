package node

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/litmesh/litmesh/api"
)

// Blame: a node leaves a peer out of its signer sets only for a fault it verified itself —
// two conflicting assignments the peer signed (until the epoch ends), a ρ contribution that
// does not open the peer's own commitment, a forged assignment the peer relayed, or a
// presigning fault mpc/ecdsa found certain (*ecdsa.FaultError, not Disputed) — never on
// another node's word (an *ecdsa.AbortError's Blamed, a refusal, a veto). Faults other than
// equivocation exclude the peer for a backoff that doubles with each fault, from 30 s up to
// 30 min; a new epoch forgets everything.
const (
	exclusionBase = 30 * time.Second
	exclusionMax  = 30 * time.Minute
)

// Kinds of verified fault, as counted in litmesh_pkp_faults_total.
const (
	faultEquivocation = "equivocation"
	faultContribution = "false_contribution"
	faultForgery      = "forged_assignment"
	faultPresign      = "presign"
)

type exclusion struct {
	forEpoch bool      // until the epoch ends
	until    time.Time // otherwise: until then
	reason   string
	faults   int
	evidence *api.Evidence // proof anyone can check (equivocation), returned to clients
}

func (e *exclusion) active(now time.Time) bool { return e.forEpoch || now.Before(e.until) }

// exclusions is one epoch's list of peers this node leaves out of its signer sets.
type exclusions struct {
	mu sync.Mutex
	m  map[peer.ID]*exclusion
}

func newExclusions() *exclusions { return &exclusions{m: map[peer.ID]*exclusion{}} }

// add excludes p: for the rest of the epoch if forEpoch, else for the backoff.
func (x *exclusions) add(p peer.ID, reason string, forEpoch bool, now time.Time) {
	x.mu.Lock()
	defer x.mu.Unlock()
	e := x.m[p]
	if e == nil {
		e = &exclusion{}
		x.m[p] = e
	}
	e.faults++
	if forEpoch || !e.forEpoch {
		e.reason = reason
	}
	if forEpoch {
		e.forEpoch = true
		return
	}
	if until := now.Add(min(exclusionBase<<min(e.faults-1, 6), exclusionMax)); until.After(e.until) {
		e.until = until
	}
}

// addProof excludes p until the epoch ends for a fault the evidence proves to anyone.
func (x *exclusions) addProof(p peer.ID, reason string, ev *api.Evidence, now time.Time) {
	x.add(p, reason, true, now)
	x.mu.Lock()
	defer x.mu.Unlock()
	if e := x.m[p]; e.evidence == nil {
		e.evidence = ev
	}
}

// evidenceOf returns the proof of p's fault, if this node holds one.
func (x *exclusions) evidenceOf(p peer.ID) *api.Evidence {
	x.mu.Lock()
	defer x.mu.Unlock()
	if e := x.m[p]; e != nil {
		return e.evidence
	}
	return nil
}

// check reports whether p is excluded now, why, and until when (zero: the epoch's end).
func (x *exclusions) check(p peer.ID, now time.Time) (string, time.Time, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	e := x.m[p]
	if e == nil || !e.active(now) {
		return "", time.Time{}, false
	}
	if e.forEpoch {
		return e.reason, time.Time{}, true
	}
	return e.reason, e.until, true
}

// anyOf returns the first of peers (other than self) that is excluded now.
func (x *exclusions) anyOf(peers []peer.ID, self peer.ID, now time.Time) (peer.ID, string, time.Time, bool) {
	for _, p := range peers {
		if p == self {
			continue
		}
		if why, until, ok := x.check(p, now); ok {
			return p, why, until, true
		}
	}
	return "", "", time.Time{}, false
}

// PKPExclusion is a peer this node leaves out of its signer sets, and why.
type PKPExclusion struct {
	Peer   string    `json:"peer"`
	Reason string    `json:"reason"`
	Until  time.Time `json:"until,omitzero"` // zero: until the epoch ends
}

func (x *exclusions) list(now time.Time) []PKPExclusion {
	x.mu.Lock()
	defer x.mu.Unlock()
	var out []PKPExclusion
	for p, e := range x.m {
		if !e.active(now) {
			continue
		}
		ex := PKPExclusion{Peer: p.String(), Reason: e.reason}
		if !e.forEpoch {
			ex.Until = e.until
		}
		out = append(out, ex)
	}
	slices.SortFunc(out, func(a, b PKPExclusion) int { return strings.Compare(a.Peer, b.Peer) })
	return out
}

func (x *exclusions) count(now time.Time) int { return len(x.list(now)) }

// pkpMetrics are the PKP signing path's Prometheus series.
type pkpMetrics struct {
	equivocations prometheus.Counter
	faults        *prometheus.CounterVec
	agreements    *prometheus.CounterVec
	agreeTime     prometheus.Histogram
	batches       *prometheus.CounterVec
}

func newPKPMetrics(reg *prometheus.Registry, s *pkpService) *pkpMetrics {
	m := &pkpMetrics{
		equivocations: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: "litmesh", Name: "pkp_equivocations_total",
			Help: "Coordinator equivocations this node proved (two conflicting signed assignments).",
		}),
		faults: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "litmesh", Name: "pkp_faults_total",
			Help: "Faults of other signers this node verified itself, by kind.",
		}, []string{"kind"}),
		agreements: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "litmesh", Name: "pkp_agreements_total",
			Help: "Signer-set agreements on a request, by outcome (agreed: a share was released).",
		}, []string{"outcome"}),
		agreeTime: prometheus.NewHistogram(prometheus.HistogramOpts{
			Namespace: "litmesh", Name: "pkp_agreement_seconds",
			Help:    "From this node's confirmation of a request to the last of the set's confirmations.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .1, 1},
		}),
		batches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "litmesh", Name: "pkp_presign_batches_total",
			Help: "Presigning sessions by outcome: pooled (every member agreed), vetoed, mismatch, timeout, failed.",
		}, []string{"outcome"}),
	}
	excluded := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: "litmesh", Name: "pkp_excluded_peers",
		Help: "Peers this node currently leaves out of its signer sets for a fault it verified.",
	}, func() float64 {
		s.mu.Lock()
		ep := s.ep
		s.mu.Unlock()
		if ep == nil {
			return 0
		}
		return float64(ep.excl.count(time.Now()))
	})
	reg.MustRegister(m.equivocations, m.faults, m.agreements, m.agreeTime, m.batches, excluded)
	return m
}
