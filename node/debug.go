package node

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// startDebug serves Go's profiling endpoints (/debug/pprof/) on debug_addr, a listener of its
// own so the client API never exposes them. Off unless debug_addr is set. Profiles show code
// paths and timings, not key material, but a CPU profile costs the node CPU while it runs and
// anyone who reaches the port can start one: keep it on loopback.
func (n *Node) startDebug() error {
	if n.cfg.DebugAddr == "" {
		return nil
	}
	ln, err := net.Listen("tcp", n.cfg.DebugAddr)
	if err != nil {
		return fmt.Errorf("listen on debug_addr %s: %w", n.cfg.DebugAddr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	if host, _, err := net.SplitHostPort(n.cfg.DebugAddr); err == nil {
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			n.log.Warn("profiling endpoints listen beyond loopback: anyone reaching them can profile this node", "debug_addr", n.cfg.DebugAddr)
		}
	}
	n.log.Info("profiling endpoints on", "url", "http://"+ln.Addr().String()+"/debug/pprof/")
	n.stops = append(n.stops, func(ctx context.Context) error {
		err := srv.Shutdown(ctx)
		if serveErr := <-done; !errors.Is(serveErr, http.ErrServerClosed) && err == nil {
			err = serveErr
		}
		return err
	})
	return nil
}
