package node

import (
	"testing"
	"time"
)

// TestTimeoutsAndBatchesGrowWithTheNetwork: the DKG phase bound and the presigning session's
// deadline grow with the number of members, never below what small networks use, and the
// presigning batch shrinks so that each member's work per session stays about the same.
func TestTimeoutsAndBatchesGrowWithTheNetwork(t *testing.T) {
	for _, tc := range []struct {
		n     int
		phase time.Duration
	}{{4, 15 * time.Second}, {16, 15 * time.Second}, {32, 60 * time.Second}, {50, 146484375 * time.Microsecond}, {100, 5 * time.Minute}} {
		if got := dkgPhase(tc.n); got != tc.phase {
			t.Errorf("dkgPhase(%d) = %v, want %v", tc.n, got, tc.phase)
		}
	}
	for _, tc := range []struct {
		members, batch int
		deadline       time.Duration
	}{{3, 64, 30 * time.Second}, {5, 64, 30 * time.Second}, {7, 32, 42 * time.Second}, {11, 13, 66 * time.Second}, {22, 4, 132 * time.Second}, {67, 4, 402 * time.Second}} {
		if got := presignBatchSize(tc.members); got != tc.batch {
			t.Errorf("presignBatchSize(%d) = %d, want %d", tc.members, got, tc.batch)
		}
		if got := presignDeadline(tc.members); got != tc.deadline {
			t.Errorf("presignDeadline(%d) = %v, want %v", tc.members, got, tc.deadline)
		}
		// Each member's work per session ∝ batch·members²: never more than the 5-member set's.
		if w := presignBatchSize(tc.members) * tc.members * tc.members; tc.members > 5 && presignBatchSize(tc.members) > onDemandBatch && w > maxBatch*25 {
			t.Errorf("a session of %d members does %d units of work per member, more than %d", tc.members, w, maxBatch*25)
		}
	}
}
