package bench

import (
	"math"
	"strings"
	"testing"
)

// Two scrapes of one node around a run: the run added 4 observations of "confirm" (two up to
// 0.1 ms, two in 0.1…0.2 ms) and none of "assign".
const phasesBefore = `# HELP litmesh_sign_phase_seconds x
# TYPE litmesh_sign_phase_seconds histogram
litmesh_sign_phase_seconds_bucket{phase="assign",le="0.0001"} 1
litmesh_sign_phase_seconds_bucket{phase="assign",le="0.0002"} 1
litmesh_sign_phase_seconds_bucket{phase="assign",le="+Inf"} 1
litmesh_sign_phase_seconds_sum{phase="assign"} 5e-05
litmesh_sign_phase_seconds_count{phase="assign"} 1
litmesh_sign_phase_seconds_bucket{phase="confirm",le="0.0001"} 3
litmesh_sign_phase_seconds_bucket{phase="confirm",le="0.0002"} 3
litmesh_sign_phase_seconds_bucket{phase="confirm",le="+Inf"} 10
litmesh_sign_phase_seconds_sum{phase="confirm"} 1
litmesh_sign_phase_seconds_count{phase="confirm"} 10
process_cpu_seconds_total 1
process_resident_memory_bytes 2
`

func TestPhasesAreTheRunsDeltaAddedOverNodesWithInterpolatedPercentiles(t *testing.T) {
	after := strings.NewReplacer(
		`{phase="confirm",le="0.0001"} 3`, `{phase="confirm",le="0.0001"} 5`,
		`{phase="confirm",le="0.0002"} 3`, `{phase="confirm",le="0.0002"} 7`,
		`{phase="confirm",le="+Inf"} 10`, `{phase="confirm",le="+Inf"} 14`,
		`_sum{phase="confirm"} 1`, `_sum{phase="confirm"} 1.0006`,
		`_count{phase="confirm"} 10`, `_count{phase="confirm"} 14`,
	).Replace(phasesBefore)
	b, err := parseProcessMetrics(strings.NewReader(phasesBefore))
	if err != nil {
		t.Fatal(err)
	}
	a, err := parseProcessMetrics(strings.NewReader(after))
	if err != nil {
		t.Fatal(err)
	}
	if b.cpu != 1 || b.rss != 2 {
		t.Fatalf("process gauges lost: %+v", b)
	}
	// Two nodes that saw the same: counts double, percentiles stay.
	got := phaseDelta([]map[string]*phaseHist{b.phases, b.phases}, []map[string]*phaseHist{a.phases, a.phases}, a.order)
	if len(got) != 1 || got[0].Name != "confirm" || got[0].Count != 8 {
		t.Fatalf("phases = %+v, want confirm alone with 8 observations", got)
	}
	// p50 is the 4th of 8: the last of the first bucket, 0.1 ms; p90 is 7.2 of 8: 0.1 + 0.1·3.2/4 ms.
	if math.Abs(got[0].P50-0.1) > 1e-9 || math.Abs(got[0].P90-0.18) > 1e-9 || math.Abs(got[0].Mean-0.15) > 1e-9 {
		t.Fatalf("confirm = %+v, want p50 0.1 ms, p90 0.18 ms, mean 0.15 ms", got[0])
	}
}
