package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/litmesh/litmesh/client"
)

// NodeResources is one node's CPU and memory over a run, from its /metrics.
type NodeResources struct {
	URL        string  `json:"url"`
	CPUSeconds float64 `json:"cpuSeconds"` // CPU time the node's process used during the run
	CPUPercent float64 `json:"cpuPercent"` // of one core, averaged over the run
	RSSBytes   float64 `json:"rssBytes"`   // resident memory at the end of the run
	Error      string  `json:"error,omitempty"`
}

// processSample is what one scrape says about a node's process.
type processSample struct {
	cpu, rss float64
	at       time.Time
	phases   map[string]*phaseHist // litmesh_sign_phase_seconds by phase; empty on older nodes
	order    []string              // phases in the order the node exports them
}

// Measure runs s with o and adds the resources every node in urls used during the run.
func Measure(ctx context.Context, s Scenario, o Options, urls []string) (*Report, error) {
	before := scrapeAll(ctx, urls)
	r, err := Run(ctx, s, o)
	if err != nil {
		return nil, err
	}
	after := scrapeAll(ctx, urls)
	for i, u := range urls {
		nr := NodeResources{URL: u}
		switch {
		case before[i].err != nil:
			nr.Error = before[i].err.Error()
		case after[i].err != nil:
			nr.Error = after[i].err.Error()
		default:
			nr.CPUSeconds = after[i].s.cpu - before[i].s.cpu
			if d := after[i].s.at.Sub(before[i].s.at).Seconds(); d > 0 {
				nr.CPUPercent = 100 * nr.CPUSeconds / d
			}
			nr.RSSBytes = after[i].s.rss
		}
		r.Nodes = append(r.Nodes, nr)
	}
	var pb, pa []map[string]*phaseHist
	var order []string
	for i := range urls {
		if before[i].err == nil && after[i].err == nil {
			pb, pa = append(pb, before[i].s.phases), append(pa, after[i].s.phases)
			for _, p := range after[i].s.order {
				if !slices.Contains(order, p) {
					order = append(order, p)
				}
			}
		}
	}
	r.Phases = phaseDelta(pb, pa, order)
	return r, nil
}

type scrape struct {
	s   processSample
	err error
}

func scrapeAll(ctx context.Context, urls []string) []scrape {
	out := make([]scrape, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i].s, out[i].err = ScrapeProcess(ctx, u)
		}()
	}
	wg.Wait()
	return out
}

// ScrapeProcess reads process_cpu_seconds_total and process_resident_memory_bytes from a
// node's GET /metrics.
func ScrapeProcess(ctx context.Context, nodeURL string) (processSample, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(nodeURL, "/")+"/metrics", nil)
	if err != nil {
		return processSample{}, err
	}
	resp, err := client.UnverifiedHTTPClient().Do(req)
	if err != nil {
		return processSample{}, fmt.Errorf("scrape %s: %w", nodeURL, err)
	}
	defer resp.Body.Close()
	s, err := parseProcessMetrics(io.LimitReader(resp.Body, 8<<20))
	s.at = time.Now()
	return s, err
}

// parseProcessMetrics picks the two process gauges out of the Prometheus text format.
func parseProcessMetrics(r io.Reader) (processSample, error) {
	s := processSample{phases: map[string]*phaseHist{}}
	found := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		name, value, ok := strings.Cut(line, " ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		metric, labels, _ := strings.Cut(name, "{")
		if ok, err := phaseLine(s.phases, metric, labels, strings.Fields(value)[0]); err != nil {
			return s, err
		} else if ok {
			if p := labelValue(labels, "phase"); !slices.Contains(s.order, p) {
				s.order = append(s.order, p)
			}
			continue
		}
		var dst *float64
		switch name {
		case "process_cpu_seconds_total":
			dst = &s.cpu
		case "process_resident_memory_bytes":
			dst = &s.rss
		default:
			continue
		}
		v, err := strconv.ParseFloat(strings.Fields(value)[0], 64)
		if err != nil {
			return s, fmt.Errorf("metric %s: %w", name, err)
		}
		*dst = v
		found++
	}
	if err := sc.Err(); err != nil {
		return s, err
	}
	if found < 2 {
		return s, fmt.Errorf("process metrics not exported")
	}
	return s, nil
}
