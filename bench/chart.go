package bench

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// WriteSVG draws the report as an SVG chart: the latency histogram (left) and successful
// operations per second over the run (right), with the percentiles in the title.
func WriteSVG(w io.Writer, r *Report) error {
	const (
		width, height = 960, 380
		panelW        = 420
		panelH        = 260
		top           = 70
		leftA         = 60
		leftB         = 520
	)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	title := fmt.Sprintf("%s — concurrency %d, %d ops in %.1fs, %d errors", r.Scenario, r.Concurrency, r.Operations, r.Seconds, r.Errors)
	fmt.Fprintf(&b, `<text x="20" y="24" font-size="16" font-weight="bold">%s</text>`+"\n", html.EscapeString(title))
	sub := fmt.Sprintf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f   throughput %.1f/s", r.Latency.P50, r.Latency.P90, r.Latency.P99, r.Latency.Max, r.Throughput)
	fmt.Fprintf(&b, `<text x="20" y="46">%s</text>`+"\n", html.EscapeString(sub))

	// Histogram.
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-weight="bold">latency histogram (ms, log scale)</text>`+"\n", leftA, top-6)
	maxCount := 1
	for _, h := range r.Histogram {
		maxCount = max(maxCount, h.Count)
	}
	if n := len(r.Histogram); n > 0 {
		bw := float64(panelW) / float64(n)
		for i, h := range r.Histogram {
			bh := float64(panelH) * float64(h.Count) / float64(maxCount)
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#4a7bd0"><title>≤ %.3f ms: %d</title></rect>`+"\n",
				float64(leftA)+float64(i)*bw, float64(top+panelH)-bh, math.Max(bw-1, 1), bh, h.UpToMs, h.Count)
		}
		for _, i := range []int{0, n / 2, n - 1} {
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%.3g</text>`+"\n", float64(leftA)+(float64(i)+0.5)*bw, top+panelH+16, r.Histogram[i].UpToMs)
		}
	}
	axes(&b, leftA, top, panelW, panelH, fmt.Sprint(maxCount))

	// Throughput over time.
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-weight="bold">operations per second</text>`+"\n", leftB, top-6)
	maxRate := 1
	for _, v := range r.PerSecond {
		maxRate = max(maxRate, v)
	}
	if n := len(r.PerSecond); n > 0 {
		var pts []string
		for i, v := range r.PerSecond {
			x := float64(leftB) + float64(panelW)*(float64(i)+0.5)/float64(n)
			y := float64(top+panelH) - float64(panelH)*float64(v)/float64(maxRate)
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#d0584a" stroke-width="2"/>`+"\n", strings.Join(pts, " "))
		fmt.Fprintf(&b, `<text x="%d" y="%d">0 s</text><text x="%d" y="%d" text-anchor="end">%d s</text>`+"\n",
			leftB, top+panelH+16, leftB+panelW, top+panelH+16, n)
	}
	axes(&b, leftB, top, panelW, panelH, fmt.Sprint(maxRate))
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func axes(b *strings.Builder, x, y, w, h int, maxLabel string) {
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>`+"\n", x, y+h, x+w, y+h)
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>`+"\n", x, y, x, y+h)
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text><text x="%d" y="%d" text-anchor="end">0</text>`+"\n", x-4, y+10, maxLabel, x-4, y+h)
}
