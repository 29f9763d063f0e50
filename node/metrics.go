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
	reg.MustRegister(m.requests, m.latency, m.keyRound,
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
