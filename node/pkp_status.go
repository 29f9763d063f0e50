package node

import (
	"maps"
	"slices"
	"strings"
	"time"
)

// PKPPoolStatus describes this node's presignature pools (public data only) and the peers it
// leaves out of its signer sets, for operators and tests.
type PKPPoolStatus struct {
	Epoch    uint64         `json:"epoch"`
	Sets     []PKPSetStatus `json:"sets"`
	Excluded []PKPExclusion `json:"excluded,omitempty"`
	// Schemes are the FROST suites' signer sets (SchnorrEd25519Sha512, …), by Lit's scheme
	// name: nonce-commitment slots in place of presignatures.
	Schemes map[string][]PKPSetStatus `json:"schemes,omitempty"`
}

// PKPSetStatus is one signer set's pool at this node.
type PKPSetStatus struct {
	Signers     []int    `json:"signers"` // share indices, canonical order
	Members     []string `json:"members"` // their peer IDs; the first coordinates
	Coordinator bool     `json:"coordinator"`
	Warm        bool     `json:"warm"`
	Target      int      `json:"target"`
	Ready       []string `json:"ready"` // presignature IDs, oldest first
	// Pooled and Dropped count this set's presigning sessions here: pooled once every member
	// agreed on them, dropped after a veto, a digest mismatch or a missing vote.
	Pooled  int `json:"pooled"`
	Dropped int `json:"dropped"`
}

// PKPPools reports the presignature pools of the serving epoch (ok false if none).
func (n *Node) PKPPools() (PKPPoolStatus, bool) {
	if n.pkp == nil {
		return PKPPoolStatus{}, false
	}
	ep, err := n.pkp.current()
	if err != nil {
		return PKPPoolStatus{}, false
	}
	st := PKPPoolStatus{Epoch: ep.number, Excluded: ep.excl.list(time.Now()), Sets: ep.setStatus()}
	n.pkp.mu.Lock()
	fr := maps.Clone(n.pkp.frost)
	n.pkp.mu.Unlock()
	for suite, f := range fr {
		if st.Schemes == nil {
			st.Schemes = map[string][]PKPSetStatus{}
		}
		st.Schemes[suite.String()] = f.setStatus()
	}
	return st, true
}

// setStatus describes the epoch's signer sets at this node.
func (ep *pkpEpoch) setStatus() []PKPSetStatus {
	var out []PKPSetStatus
	ep.mu.Lock()
	sets := make([]*signerSet, 0, len(ep.sets))
	for _, ss := range ep.sets {
		sets = append(sets, ss)
	}
	ep.mu.Unlock()
	slices.SortFunc(sets, func(a, b *signerSet) int { return strings.Compare(a.key, b.key) })
	for _, ss := range sets {
		ids := ep.scheme.IDs(ss.order)
		s := PKPSetStatus{Signers: slices.Clone(ss.order), Members: make([]string, len(ss.peers)), Coordinator: ss.coordinator(), Warm: ss.warm, Target: ss.target, Ready: make([]string, len(ids))}
		ss.mu.Lock()
		s.Pooled, s.Dropped = ss.pooled, ss.dropped
		ss.mu.Unlock()
		for i, id := range ids {
			s.Ready[i] = id.String()
		}
		for i, p := range ss.peers {
			s.Members[i] = p.String()
		}
		out = append(out, s)
	}
	return out
}
