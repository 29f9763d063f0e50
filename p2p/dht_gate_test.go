package p2p_test

import (
	"context"
	"encoding/binary"
	"io"
	"testing"
	"time"

	dhtpb "github.com/libp2p/go-libp2p-kad-dht/pb"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/peer"
	"google.golang.org/protobuf/proto"

	"github.com/litmesh/litmesh/p2p"
)

// pendingPolicy never decides: a connected peer stays unadmitted (not trusted) until the
// admission times out.
type pendingPolicy struct{}

func (pendingPolicy) Admit(ctx context.Context, _ host.Host, _ peer.ID) (string, error) {
	<-ctx.Done()
	return "", ctx.Err()
}

// A peer that is connected but not admitted (its attestation is pending, or it is nobody)
// gets nothing from the DHT: before, it could query it and store records in it.
func TestTheDHTServesAdmittedPeersOnly(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	a := newHost(t, ctx, pendingPolicy{}, key(t), nil)
	stranger := newHost(t, ctx, pendingPolicy{}, key(t), nil)
	if err := stranger.Connect(ctx, peer.AddrInfo{ID: a.ID(), Addrs: a.Addrs()}); err != nil {
		t.Fatal(err)
	}
	s, err := stranger.NewStream(ctx, a.ID(), p2p.DHTPrefix+"/kad/1.0.0")
	if err != nil {
		return // refused outright: nothing served
	}
	defer s.Close()
	msg, err := proto.Marshal(&dhtpb.Message{Type: dhtpb.Message_PING})
	if err != nil {
		t.Fatal(err)
	}
	frame := binary.AppendUvarint(nil, uint64(len(msg)))
	if _, err := s.Write(append(frame, msg...)); err != nil {
		return
	}
	_ = s.SetReadDeadline(time.Now().Add(5 * time.Second))
	if n, err := io.ReadFull(s, make([]byte, 1)); err == nil && n == 1 {
		t.Fatal("the DHT answered a peer that is not admitted")
	}
}
