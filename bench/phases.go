package bench

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// phaseMetric is the nodes' histogram of the phases of a signature request
// (litmesh_sign_phase_seconds; node/metrics.go names the phases).
const phaseMetric = "litmesh_sign_phase_seconds"

// Phase is one phase of the nodes' side of a signature request over a run: every node's
// observations during the run added together, from the nodes' /metrics histograms.
type Phase struct {
	Name  string  `json:"name"`
	Count uint64  `json:"count"`  // observations during the run, all nodes
	Mean  float64 `json:"meanMs"` // from the histogram's sum
	// P50 and P90 are interpolated within the histogram's buckets (as Prometheus'
	// histogram_quantile does), so they are as fine as the buckets: 50–250 µs below 3 ms.
	P50 float64 `json:"p50Ms"`
	P90 float64 `json:"p90Ms"`
}

// phaseHist is one phase's histogram as scraped: cumulative counts by upper bound.
type phaseHist struct {
	bounds []float64 // seconds, ascending, +Inf last
	counts []float64 // cumulative
	sum    float64
	count  float64
}

// phaseLine adds one line of the Prometheus text format to hists if it belongs to the phase
// histogram; it reports whether it did.
func phaseLine(hists map[string]*phaseHist, name, labels, value string) (bool, error) {
	if !strings.HasPrefix(name, phaseMetric+"_") {
		return false, nil
	}
	v, err := strconv.ParseFloat(value, 64)
	if err != nil {
		return false, fmt.Errorf("metric %s: %w", name, err)
	}
	phase, le := labelValue(labels, "phase"), labelValue(labels, "le")
	if phase == "" {
		return false, nil
	}
	h := hists[phase]
	if h == nil {
		h = &phaseHist{}
		hists[phase] = h
	}
	switch strings.TrimPrefix(name, phaseMetric+"_") {
	case "bucket":
		b, err := strconv.ParseFloat(le, 64)
		if err != nil {
			return false, fmt.Errorf("metric %s: le %q: %w", name, le, err)
		}
		h.bounds = append(h.bounds, b)
		h.counts = append(h.counts, v)
	case "sum":
		h.sum = v
	case "count":
		h.count = v
	}
	return true, nil
}

// labelValue is the value of label key in a Prometheus label set `{a="x",b="y"}`.
func labelValue(labels, key string) string {
	for _, kv := range strings.Split(strings.Trim(labels, "{}"), ",") {
		k, v, ok := strings.Cut(kv, "=")
		if ok && k == key {
			return strings.Trim(v, `"`)
		}
	}
	return ""
}

// phaseDelta adds, over every node, what each phase histogram gained between two scrapes, and
// summarises it. Phases are returned in the order the nodes first export them.
func phaseDelta(before, after []map[string]*phaseHist, order []string) []Phase {
	total := map[string]*phaseHist{}
	for i := range after {
		if i >= len(before) {
			break
		}
		for name, a := range after[i] {
			b := before[i][name]
			t := total[name]
			if t == nil {
				t = &phaseHist{bounds: slices.Clone(a.bounds), counts: make([]float64, len(a.counts))}
				total[name] = t
			}
			if !slices.Equal(t.bounds, a.bounds) || (b != nil && !slices.Equal(b.bounds, a.bounds)) {
				continue // another node version's buckets: cannot be added
			}
			for j := range a.counts {
				t.counts[j] += a.counts[j]
				if b != nil {
					t.counts[j] -= b.counts[j]
				}
			}
			t.sum += a.sum
			t.count += a.count
			if b != nil {
				t.sum -= b.sum
				t.count -= b.count
			}
		}
	}
	var out []Phase
	for _, name := range order {
		t := total[name]
		if t == nil || t.count <= 0 {
			continue
		}
		out = append(out, Phase{Name: name, Count: uint64(t.count), Mean: 1000 * t.sum / t.count,
			P50: 1000 * t.quantile(0.5), P90: 1000 * t.quantile(0.9)})
	}
	return out
}

// quantile interpolates linearly within the bucket the q-th observation falls in.
func (h *phaseHist) quantile(q float64) float64 {
	n := len(h.counts)
	if n == 0 || h.counts[n-1] <= 0 {
		return math.NaN()
	}
	rank := q * h.counts[n-1]
	for i, c := range h.counts {
		if c < rank {
			continue
		}
		lo, below := 0.0, 0.0
		if i > 0 {
			lo, below = h.bounds[i-1], h.counts[i-1]
		}
		hi := h.bounds[i]
		if math.IsInf(hi, 1) {
			return lo // beyond the last finite bound: say no more than that
		}
		if c == below {
			return hi
		}
		return lo + (hi-lo)*(rank-below)/(c-below)
	}
	return h.bounds[n-1]
}

// WritePhases prints the nodes' per-phase times of each report that has them.
func WritePhases(w io.Writer, reports []*Report) {
	for _, r := range reports {
		if len(r.Phases) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s, nodes' side (%s, all nodes):\n", r.Scenario, phaseMetric)
		fmt.Fprintf(w, "  %-8s %8s %9s %9s %9s\n", "PHASE", "COUNT", "P50 MS", "P90 MS", "MEAN MS")
		for _, p := range r.Phases {
			fmt.Fprintf(w, "  %-8s %8d %9.3f %9.3f %9.3f\n", p.Name, p.Count, p.P50, p.P90, p.Mean)
		}
	}
}
