package node

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/drand/kyber"
	"github.com/libp2p/go-libp2p/core/peer"
	"golang.org/x/sync/errgroup"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/mpc/dkg"
	"github.com/litmesh/litmesh/node/keyround"
)

// oldPolys are the current public polynomials, as this node holds them (nil when fresh).
// scheme holds those of the scheme roots the current set holds, by key type: a scheme root
// absent from it is generated afresh.
type oldPolys struct {
	bls, secp []kyber.Point
	scheme    map[chain.KeyType][]kyber.Point
}

func (r *keyRound) oldCommits() *oldPolys {
	if r.fresh || r.oldKeys == nil {
		return nil
	}
	out := &oldPolys{bls: r.oldKeys.BLS.Commits, secp: r.oldKeys.Secp.Commits, scheme: map[chain.KeyType][]kyber.Point{}}
	for _, sr := range schemeRoots {
		if ks := *sr.share(r.oldKeys); ks != nil {
			out.scheme[sr.kt] = ks.Commits
		}
	}
	return out
}

// checkEdKeys keeps the members' edwards25519 DKG keys that carry a valid signature of the
// member's peer ID (the coordinator relays them: it cannot forge one).
func (r *keyRound) checkEdKeys(in []*keyround.SignedKey) []kyber.Point {
	out := make([]kyber.Point, len(r.peers))
	for i := range r.peers {
		if i >= len(in) || in[i] == nil {
			continue
		}
		pt, err := verifyEdKey(r.rk.network, r.peers[i], in[i])
		if err != nil {
			r.rk.log.Warn("ignoring a member's Ed25519 DKG key", "peer", r.peers[i], "error", err)
			continue
		}
		out[i] = pt
	}
	return out
}

// checkCommits decodes the coordinator's current public polynomials (for a member without
// shares) and checks them: the right degrees for the current set, and constant terms equal to
// the root keys recorded on chain.
func (r *keyRound) checkCommits(msg *keyround.Msg) (*oldPolys, error) {
	if r.fresh {
		return nil, nil
	}
	theirs := map[string][][]byte{}
	for _, sp := range msg.Schemes {
		theirs[sp.Name] = sp.Points
	}
	if r.oldKeys != nil {
		old := r.oldCommits()
		// The coordinator must reshare exactly the scheme roots this node holds.
		for _, sr := range schemeRoots {
			_, mine := old.scheme[sr.kt]
			if _, ok := theirs[sr.name()]; mine != ok {
				return nil, fmt.Errorf("the coordinator and this node disagree on whether the current set holds the %s root", sr.name())
			}
		}
		return old, nil
	}
	n := len(r.oldSet)
	bls, err := parsePoints(dkg.BLS12381(), msg.BLS, chain.Threshold(n))
	if err != nil {
		return nil, fmt.Errorf("BLS: %w", err)
	}
	secp, err := parsePoints(dkg.Secp256k1(), msg.Secp, ECDSADegree(n)+1)
	if err != nil {
		return nil, fmt.Errorf("secp256k1: %w", err)
	}
	if err := checkChainRoot(r.ms, chain.KeyTypeBLS, bls[0]); err != nil {
		return nil, err
	}
	if err := checkChainRoot(r.ms, chain.KeyTypeECDSA, secp[0]); err != nil {
		return nil, err
	}
	old := &oldPolys{bls: bls, secp: secp, scheme: map[chain.KeyType][]kyber.Point{}}
	for _, sr := range schemeRoots {
		raw, ok := theirs[sr.name()]
		if !ok {
			if len(chainRoot(r.ms, sr.kt)) > 0 {
				return nil, fmt.Errorf("the chain has a %s root key, which the coordinator does not reshare", sr.name())
			}
			continue // generated afresh
		}
		pts, err := parsePoints(sr.suite(), raw, chain.Threshold(n))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", sr.name(), err)
		}
		// A root not voted yet cannot be checked against the chain here; a false polynomial
		// would make the deals of the honest holders fail and the members' agreement on the
		// result fail.
		if err := checkChainRoot(r.ms, sr.kt, pts[0]); err != nil {
			return nil, err
		}
		old.scheme[sr.kt] = pts
	}
	return old, nil
}

// chainRoot is the root key of type kt the chain records (empty if none).
func chainRoot(ms *chain.Membership, kt chain.KeyType) []byte {
	switch kt {
	case chain.KeyTypeBLS:
		return ms.BLSRootKey
	case chain.KeyTypeECDSA:
		return ms.ECDSARootKey
	}
	return ms.SchemeRootKeys[kt]
}

// checkChainRoot is the one check that a key is the chain's root key of its type: the
// coordinator's current polynomials, a resharing's result and a vote are all held to it. The
// BLS and ECDSA roots must be on chain; a scheme root the chain does not hold yet (not voted)
// passes.
func checkChainRoot(ms *chain.Membership, kt chain.KeyType, p kyber.Point) error {
	return sameAsChain(kt, chainRoot(ms, kt), kt != chain.KeyTypeBLS && kt != chain.KeyTypeECDSA, p)
}

func sameAsChain(kt chain.KeyType, onChain []byte, optional bool, p kyber.Point) error {
	if optional && len(onChain) == 0 {
		return nil
	}
	raw, err := p.MarshalBinary()
	if err != nil || !bytes.Equal(raw, onChain) {
		return fmt.Errorf("the %s key %x is not the chain's root key %x", kt, raw, onChain)
	}
	return nil
}

// rootJob is one root key's protocol in an attempt: a resharing of the current key, or a
// fresh generation (the first key round of a network, or a scheme root the current set does
// not hold yet).
type rootJob struct {
	name         string
	suite        dkg.Suite
	kp           *dkg.KeyPair // this node's long-term key in the group
	threshold    int          // shares a signature needs in the next set (degree + 1)
	oldThreshold int
	pubOf        func(v chain.Validator) (kyber.Point, error)
	fresh        bool
	share        *dkg.KeyShare // this node's current share (resharing; nil if it holds none)
	coeffs       []kyber.Point // the current public polynomial (resharing)
	dst          **dkg.KeyShare
}

// attempt runs every key protocol of one attempt and, for members of the next set, the
// agreement check. A leaving member returns nil keys.
//
//nolint:funlen,gocognit // one attempt runs the key protocols in parallel and the agreement check; the round's state machine is node/keyround
func (r *keyRound) attempt(ctx context.Context, attempt uint32, old *oldPolys) (*EpochKeys, error) {
	sid := fmt.Sprintf("%s/a%d", r.sid, attempt)
	n := len(r.newSet)
	log := r.rk.log
	what := "key generation"
	if !r.fresh {
		what = "resharing"
	}
	log.Info(what+" attempt", "epoch", r.epoch, "attempt", attempt, "members", n,
		"bls_threshold", chain.Threshold(n), "ecdsa_degree", ECDSADegree(n))
	start := time.Now()
	unionIndex := func(v chain.Validator) int {
		return slices.IndexFunc(r.union, func(w chain.Validator) bool { return w.Operator == v.Operator })
	}
	registered := func(suite dkg.Suite, name string, raw func(chain.Validator) []byte) func(chain.Validator) (kyber.Point, error) {
		return func(v chain.Validator) (kyber.Point, error) {
			pub, err := dkg.ParsePublicKey(suite, raw(v))
			if err != nil {
				return nil, fmt.Errorf("validator %s registered a bad %s DKG key: %w", v.Operator.Hex(), name, err)
			}
			return pub, nil
		}
	}
	edPub := func(v chain.Validator) (kyber.Point, error) {
		i := unionIndex(v)
		if i >= 0 && i < len(r.edKeys) && r.edKeys[i] != nil {
			return r.edKeys[i], nil
		}
		if i >= 0 && i < len(r.newSet) {
			return nil, fmt.Errorf("no signed Ed25519 DKG key from member %s", r.peers[i])
		}
		return unknownMember(peer.ID(v.PeerID)), nil // a leaving member that said no hello: it cannot deal
	}
	nodesOf := func(set []chain.Validator, pubOf func(chain.Validator) (kyber.Point, error)) ([]dkg.Node, error) {
		nodes := make([]dkg.Node, len(set))
		for i, v := range set {
			pub, err := pubOf(v)
			if err != nil {
				return nil, err
			}
			nodes[i] = dkg.Node{Index: uint32(i), Public: pub, Member: unionIndex(v)}
		}
		return nodes, nil
	}
	runOne := func(ctx context.Context, j *rootJob) (*dkg.KeyShare, error) {
		newNodes, err := nodesOf(r.newSet, j.pubOf)
		if err != nil {
			return nil, err
		}
		cfg := dkg.Config{Suite: j.suite, Longterm: j.kp.Private, SessionID: []byte(sid + "/" + j.name), NewNodes: newNodes, Threshold: j.threshold}
		peers := r.peers
		if j.fresh {
			// Only the next set generates: the session is theirs (union order starts with it).
			peers = r.peers[:len(r.newSet)]
		} else {
			if cfg.OldNodes, err = nodesOf(r.oldSet, j.pubOf); err != nil {
				return nil, err
			}
			cfg.OldThreshold = j.oldThreshold
			if j.share != nil {
				cfg.Share = j.share
			} else {
				cfg.PublicCoeffs = j.coeffs
			}
		}
		tr, err := r.rk.sessions.Open(sid+"/"+j.name, peers)
		if err != nil {
			return nil, err
		}
		defer tr.Close()
		res, err := dkg.Run(ctx, tr, cfg, dkg.WithPhaseTimeout(r.rk.roundCfg.Phase(n)), dkg.WithLogger(log.With("component", "dkg", "key", j.name)))
		if err != nil {
			kind := what
			if j.fresh {
				kind = "key generation"
			}
			return nil, fmt.Errorf("%s %s: %w", j.name, kind, err)
		}
		if res.Key == nil && r.newIndex >= 0 {
			return nil, fmt.Errorf("%s %s finished without a share for this node", j.name, what)
		}
		if !j.fresh && res.Key != nil && len(j.coeffs) > 0 {
			if !res.Key.PublicKey().Equal(j.coeffs[0]) {
				return nil, fmt.Errorf("resharing changed the %s root key", j.name)
			}
		}
		return res.Key, nil
	}

	oldN := len(r.oldSet)
	k := &EpochKeys{Epoch: r.epoch, Self: r.newIndex, Members: r.members}
	jobs := []*rootJob{
		{name: "bls", suite: dkg.BLS12381(), kp: r.longterm.BLS, threshold: chain.Threshold(n), oldThreshold: chain.Threshold(oldN),
			pubOf: registered(dkg.BLS12381(), "BLS", func(v chain.Validator) []byte { return v.BLSDKGKey }), dst: &k.BLS},
		{name: "secp256k1", suite: dkg.Secp256k1(), kp: r.longterm.Secp, threshold: ECDSADegree(n) + 1, oldThreshold: ECDSADegree(oldN) + 1,
			pubOf: registered(dkg.Secp256k1(), "secp256k1", func(v chain.Validator) []byte { return v.SecpDKGKey }), dst: &k.Secp},
	}
	if old != nil {
		jobs[0].coeffs, jobs[1].coeffs = old.bls, old.secp
	}
	if r.oldKeys != nil {
		jobs[0].share, jobs[1].share = r.oldKeys.BLS, r.oldKeys.Secp
	}
	skip := false
	if r.rk.skipSchemeRoots != nil {
		skip = r.rk.skipSchemeRoots()
	}
	for _, sr := range schemeRoots {
		if skip {
			break
		}
		j := &rootJob{name: sr.name(), suite: sr.suite(), kp: sr.longterm(r.longterm), threshold: chain.Threshold(n), oldThreshold: chain.Threshold(oldN), dst: sr.share(k)}
		switch sr.kt {
		case chain.KeyTypeEd25519:
			j.pubOf = edPub
		case chain.KeyTypeSchnorrK256:
			j.pubOf = jobs[1].pubOf
		default:
			j.pubOf = jobs[0].pubOf
		}
		if old != nil {
			j.coeffs = old.scheme[sr.kt]
		}
		j.fresh = r.fresh || j.coeffs == nil
		if !j.fresh && r.oldKeys != nil {
			j.share = *sr.share(r.oldKeys)
		}
		if j.fresh && r.newIndex < 0 {
			continue // a leaving member takes no part in a generation
		}
		jobs = append(jobs, j)
	}
	for _, j := range jobs[:2] {
		j.fresh = r.fresh
	}
	g, gctx := errgroup.WithContext(ctx)
	for _, j := range jobs {
		g.Go(func() (err error) {
			defer recoverAsError(&err, j.name+" "+what)
			*j.dst, err = runOne(gctx, j)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if r.newIndex < 0 {
		log.Info("dealt this node's shares to the next set", "epoch", r.epoch, "attempt", attempt, "took", time.Since(start).String())
		return nil, nil
	}
	if !r.fresh {
		for kt, ks := range map[chain.KeyType]*dkg.KeyShare{chain.KeyTypeBLS: k.BLS, chain.KeyTypeECDSA: k.Secp} {
			if err := checkChainRoot(r.ms, kt, ks.PublicKey()); err != nil {
				return nil, fmt.Errorf("resharing changed the root key: %w", err)
			}
		}
		for _, sr := range schemeRoots {
			if ks := *sr.share(k); ks != nil {
				if err := checkChainRoot(r.ms, sr.kt, ks.PublicKey()); err != nil {
					return nil, fmt.Errorf("resharing changed the root key: %w", err)
				}
			}
		}
	}
	if err := r.rk.agree(ctx, sid, r.peers[:len(r.newSet)], k); err != nil {
		return nil, err
	}
	log.Info(what+" attempt succeeded", "epoch", r.epoch, "attempt", attempt, "took", time.Since(start).String())
	kind := "generation"
	if !r.fresh {
		kind = "resharing"
	}
	r.rk.roundTime.WithLabelValues(kind).Set(time.Since(start).Seconds())
	return k, nil
}

func rawPoints(pts []kyber.Point) [][]byte {
	out := make([][]byte, len(pts))
	for i, c := range pts {
		out[i], _ = c.MarshalBinary()
	}
	return out
}

func parsePoints(suite dkg.Suite, in [][]byte, want int) ([]kyber.Point, error) {
	if len(in) != want {
		return nil, fmt.Errorf("%d commitments, want %d", len(in), want)
	}
	out := make([]kyber.Point, len(in))
	for i, raw := range in {
		var err error
		if out[i], err = dkg.ParsePublicKey(suite, raw); err != nil {
			return nil, fmt.Errorf("commitment %d: %w", i, err)
		}
	}
	return out, nil
}

// agree makes every member confirm it holds the same public polynomials: without a broadcast
// channel a DKG run can end with members on different results and no error, which must not
// go unnoticed.
func (rk *keyRounds) agree(ctx context.Context, sid string, peers []peer.ID, k *EpochKeys) error {
	blsDigest, err := k.BLS.PolyDigest(dkg.BLS12381())
	if err != nil {
		return err
	}
	secpDigest, err := k.Secp.PolyDigest(dkg.Secp256k1())
	if err != nil {
		return err
	}
	mine := append(blsDigest[:], secpDigest[:]...)
	for _, sr := range schemeRoots {
		mine = append(mine, sr.name()...)
		if ks := *sr.share(k); ks != nil {
			d, err := ks.PolyDigest(sr.suite())
			if err != nil {
				return err
			}
			mine = append(mine, d[:]...)
		} else {
			mine = append(mine, "/none"...)
		}
	}
	tr, err := rk.sessions.Open(sid+"/agree", peers)
	if err != nil {
		return err
	}
	defer tr.Close()
	phase := rk.roundCfg.Phase(len(peers))
	ctx, cancel := context.WithTimeout(ctx, 2*phase)
	defer cancel()
	if err := sendAll(ctx, tr, mine, phase); err != nil {
		return fmt.Errorf("send key digest: %w", err)
	}
	seen := map[int]bool{}
	for len(seen) < tr.Members()-1 {
		m, err := tr.Receive(ctx)
		if err != nil {
			return fmt.Errorf("key agreement: heard from %d of %d members: %w", len(seen), tr.Members()-1, err)
		}
		if !bytes.Equal(m.Payload, mine) {
			return fmt.Errorf("key agreement: member %d (%s) holds different public keys", m.From, peers[m.From])
		}
		seen[m.From] = true
	}
	return nil
}
