package p2p

import (
	"context"
	"time"

	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	drouting "github.com/libp2p/go-libp2p/p2p/discovery/routing"
	dutil "github.com/libp2p/go-libp2p/p2p/discovery/util"
	"github.com/libp2p/go-libp2p/p2p/net/swarm"
)

// rendezvous is the DHT key under which the members of one network advertise themselves.
func (h *Host) rendezvous() string { return "litmesh/" + h.cfg.Network }

// discover connects to the bootstrap peers, advertises this node under the network's rendezvous
// key and keeps looking for the other members there. It searches every second while it keeps
// finding new peers and backs off to the configured interval once the mesh is stable.
func (h *Host) discover(ctx context.Context) {
	h.dialBootstrap(ctx)
	if err := h.DHT.Bootstrap(ctx); err != nil && ctx.Err() == nil {
		h.log.Warn("DHT bootstrap failed", "error", err)
	}
	rd := drouting.NewRoutingDiscovery(h.DHT)
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		dutil.Advertise(ctx, rd, h.rendezvous())
	}()

	const fastest = time.Second
	interval := fastest
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		}
		if h.findPeers(ctx, rd) > 0 || h.TrustedConnected() == 0 {
			interval = fastest
		} else if interval *= 2; interval > h.cfg.DiscoveryInterval {
			interval = h.cfg.DiscoveryInterval
		}
		timer.Reset(interval)
	}
}

// findPeers runs one rendezvous search and dials every new peer it finds. It returns how many
// new connections it made.
func (h *Host) findPeers(ctx context.Context, rd *drouting.RoutingDiscovery) int {
	fctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	found, err := rd.FindPeers(fctx, h.rendezvous())
	if err != nil {
		h.log.Debug("peer search failed", "error", err)
		return 0
	}
	dialled := 0
	for ai := range found {
		if ai.ID == h.ID() || len(ai.Addrs) == 0 || h.Network().Connectedness(ai.ID) == network.Connected {
			continue
		}
		if _, refused := h.Gate.Rejection(ai.ID); refused {
			continue
		}
		dctx, dcancel := context.WithTimeout(ctx, 5*time.Second)
		err := h.Connect(dctx, ai)
		dcancel()
		if err != nil {
			h.log.Debug("dial discovered peer failed", "peer", ai.ID, "error", err)
			continue
		}
		h.log.Debug("connected to discovered peer", "peer", ai.ID)
		dialled++
	}
	return dialled
}

// dialBootstrap connects to the configured bootstrap peers, retrying until at least one answers
// (or there are none, or ctx ends).
func (h *Host) dialBootstrap(ctx context.Context) {
	if len(h.cfg.Bootstrap) == 0 {
		return
	}
	backoff := 100 * time.Millisecond
	attempts := 0
	for {
		ok := 0
		for _, ai := range h.cfg.Bootstrap {
			if ai.ID == h.ID() {
				ok++
				continue
			}
			// The swarm refuses to redial a peer for a while after a failed dial; a bootstrap
			// node that was simply not up yet must not cost us that wait.
			h.clearDialBackoff(ai.ID)
			dctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			err := h.Connect(dctx, ai)
			cancel()
			if err != nil {
				h.log.Debug("bootstrap dial failed", "peer", ai.ID, "error", err)
				continue
			}
			ok++
		}
		if ok > 0 {
			return
		}
		attempts++
		if attempts == 5 {
			h.log.Warn("no bootstrap peer reachable yet; still retrying", "bootstrap", len(h.cfg.Bootstrap))
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		if backoff *= 2; backoff > 2*time.Second {
			backoff = 2 * time.Second
		}
	}
}

// reconnect redials bootstrap peers and former members that dropped, so a node that restarts
// (same peer ID) or a network blip heals without waiting for the next discovery round.
func (h *Host) reconnect(ctx context.Context) {
	ticker := time.NewTicker(h.cfg.ReconnectInterval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		targets := map[peer.ID]struct{}{}
		for _, ai := range h.cfg.Bootstrap {
			h.Peerstore().AddAddrs(ai.ID, ai.Addrs, time.Hour)
			targets[ai.ID] = struct{}{}
		}
		h.mu.Lock()
		for p := range h.members {
			targets[p] = struct{}{}
		}
		h.mu.Unlock()
		for p := range targets {
			if p == h.ID() || h.Network().Connectedness(p) == network.Connected {
				continue
			}
			if _, refused := h.Gate.Rejection(p); refused {
				continue
			}
			h.clearDialBackoff(p)
			dctx, cancel := context.WithTimeout(ctx, 3*time.Second)
			err := h.Connect(dctx, peer.AddrInfo{ID: p, Addrs: h.Peerstore().Addrs(p)})
			cancel()
			if err == nil {
				h.log.Info("reconnected to peer", "peer", p)
			}
		}
	}
}

// clearDialBackoff forgets failed dials to p, so the next dial is really attempted.
func (h *Host) clearDialBackoff(p peer.ID) {
	if sw, ok := h.Network().(*swarm.Swarm); ok {
		sw.Backoff().Clear(p)
	}
}
