package node

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/litmesh/litmesh/p2p"
)

// metrics are the node's Prometheus series. Each node has its own registry, so several nodes
// can run in one process (the in-process test cluster) without colliding.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	keyRound *prometheus.GaugeVec
	// signPhase times the parts of a node-side ECDSA signature request (signPhases).
	signPhase *prometheus.HistogramVec
}

// signPhases are the phases of one ECDSA signature request at a node, in order, as
// litmesh_sign_phase_seconds labels them:
//
//   - decode: reading and parsing the request body;
//   - auth: verifying the session signature (or authSig) for the PKP;
//   - check: epoch, signer set, PKP and permission reads, rate limits, replay;
//   - assign: until this node holds the presignature assigned to the request (the coordinator:
//     taking, signing and sending the assignment; a member: waiting for it and reserving it);
//   - confirm: from this node's confirmation to the last of the set's confirmations, the
//     agreement hop (docs/ecdsa.md, "Signer agreement");
//   - share: ρ, the signature share and the answer.
var signPhases = []string{"decode", "auth", "check", "assign", "confirm", "share"}

// signPhaseBuckets resolve the sub-millisecond range, where the agreement hop on a quiet
// machine lies, and still reach a loaded machine's tens of milliseconds.
var signPhaseBuckets = []float64{
	.00005, .0001, .0002, .0003, .0004, .0005, .00075, .001, .00125, .0015, .00175, .002, .0025,
	.003, .004, .005, .0075, .01, .015, .02, .03, .05, .075, .1, .25, 1, 10,
}

func newMetrics(reg *prometheus.Registry) *metrics {
	m := &metrics{
		reg: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "litmesh", Name: "http_requests_total",
			Help: "Client API requests by route and HTTP status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "litmesh", Name: "http_request_duration_seconds",
			Help:    "Client API request latency by route.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
	}
	m.keyRound = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Namespace: "litmesh", Name: "key_round_seconds",
		Help: "Duration of the last successful key generation or resharing attempt, by kind.",
	}, []string{"kind"})
	m.signPhase = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: "litmesh", Name: "sign_phase_seconds",
		Help:    "Time spent in each phase of an ECDSA signature request at this node: decode, auth, check, assign, confirm (the agreement hop), share.",
		Buckets: signPhaseBuckets,
	}, []string{"phase"})
	for _, p := range signPhases {
		m.signPhase.WithLabelValues(p) // export every phase from the start, at zero
	}
	reg.MustRegister(m.requests, m.latency, m.keyRound, m.signPhase,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// watchHost adds gauges read from the libp2p host at scrape time.
func (m *metrics) watchHost(reg *prometheus.Registry, h *p2p.Host) {
	reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: "litmesh", Name: "peers_connected",
			Help: "Peers with at least one live connection.",
		}, func() float64 { return float64(len(h.Network().Peers())) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: "litmesh", Name: "peers_trusted",
			Help: "Connected peers the gate trusts.",
		}, func() float64 { return float64(h.TrustedConnected()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: "litmesh", Name: "streams_open",
			Help: "Open libp2p streams over all connections.",
		}, func() float64 {
			n := 0
			for _, c := range h.Network().Conns() {
				n += len(c.GetStreams())
			}
			return float64(n)
		}),
	)
}

// phase records that a phase of a signature request took from start until now, and returns
// now, the start of the next phase.
func (m *metrics) phase(name string, start time.Time) time.Time {
	now := time.Now()
	m.signPhase.WithLabelValues(name).Observe(now.Sub(start).Seconds())
	return now
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// instrument counts and times requests to one route.
func (m *metrics) instrument(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(rec, r)
		m.requests.WithLabelValues(route, strconv.Itoa(rec.code)).Inc()
		m.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}

type statusRecorder struct {
	http.ResponseWriter
	code  int
	cause error // why the request failed with an internal error (writeError), for the log
}

func (s *statusRecorder) WriteHeader(code int) {
	s.code = code
	s.ResponseWriter.WriteHeader(code)
}
