package node

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/api"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/runtime"
)

// actionService runs Lit Actions — POST /web/execute, LitAction access conditions
// (actionconditions.go) and custom auth actions of PKP sessions — and is what their hosts
// (actionHost) reach outside the sandbox. It takes only what it uses, in actionDeps;
// startActions builds it.
type actionService struct {
	actionDeps
	sessions *sessionGuard // cross-node sessions of executions seen, against replays
}

// actionDeps is what the Lit Action service uses of the node: wireActions fills the node's
// part, startActions the runtime's (the worker pool, the fetch client, the RPC proxy, the
// phase histogram).
type actionDeps struct {
	log             *slog.Logger
	cfg             actionConfig
	self            peer.ID           // this node: its place in an execution's node set
	operator        *ecdsa.PrivateKey // claimKey signs with the operator key
	operatorAddress string
	keys            currentKeys // the serving epoch's members and root keys
	runtime         actionRunner
	code            codeSource
	fetch           *http.Client             // fetch(), through the fetch address policy
	rpcProxy        *rpcProxy                // what getRpcUrl points at; nil without chains
	phases          *prometheus.HistogramVec // litmesh_action_phase_seconds; nil in unit tests
	// chains are the RPC clients of callContract and getLatestNonce, by chain name.
	chains     map[string]contractCaller
	transport  sessionOpener    // the executions' cross-node channels (/litmesh/action)
	conditions conditionChecker // checkConditions and decryptions (access.Evaluator)
	chain      actionChain      // PKP permissions; nil without a chain
	// The request checks of the node: authSig and session signatures, the early check of a
	// large body's auth, the per-address budget, the bounded body reader.
	authenticate      func(ctx context.Context, raw json.RawMessage, req access.ResourceAbility) (*access.Auth, error)
	authenticatePlain func(ctx context.Context, sig *access.AuthSig) (*access.Auth, error)
	precheckAuth      func(raw json.RawMessage, ability access.Ability) error
	allowAddress      func(addr fmt.Stringer) error
	readBody          func(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error)
	// PKP signing (pkp_sign.go, pkp_schemes.go): this node's shares of signatures from actions.
	signECDSA  func(ctx context.Context, req PKPActionSign) (*api.PKPSignShare, error)
	signScheme func(ctx context.Context, req PKPActionSchemeSign) (*api.PKPSchemeShare, error)
}

// actionConfig is the part of Config the action service reads.
type actionConfig struct {
	network     string         // names the executions' sessions
	limits      runtime.Limits // per execution
	ipfsTimeout time.Duration  // finding code by CID, besides the run's own time limit
	// chainNames are the chains conditions name besides Lit's built-in list (chainNames);
	// rpcChains those getRpcUrl knows, for its refusal.
	chainNames, rpcChains []string
}

// actionRunner runs an action in a worker (runtime.Pool).
type actionRunner interface {
	Execute(ctx context.Context, req runtime.Request, host runtime.Host) (runtime.Result, error)
}

// codeSource gives an action's code by CID (ipfs.Service).
type codeSource interface {
	Cat(ctx context.Context, c cid.Cid, maxSize int64) ([]byte, error)
}

// contractCaller is an RPC client of one chain as callContract and getLatestNonce use it.
type contractCaller interface {
	NonceAt(ctx context.Context, account common.Address, block *big.Int) (uint64, error)
	CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error)
}

// actionChain is the chain's PKP records as actions read them: the signing rule's reads
// (pkpPermissions) and the permission functions of Lit.Actions (chain.Client).
type actionChain interface {
	pkpPermissions
	IsPermittedAuthMethod(ctx context.Context, tokenID *big.Int, authType uint64, id []byte) (bool, error)
	Permissions(ctx context.Context, tokenID *big.Int) (chain.Permissions, error)
}

func newActionService(deps actionDeps) *actionService {
	return &actionService{actionDeps: deps, sessions: newSessionGuard(maxActSeen)}
}

// wireActions gives the action service what it uses of the node; call it after startAccess
// (the evaluator, the chains' clients) and startP2P (the action sessions).
func wireActions(n *Node) actionDeps {
	d := actionDeps{
		log: n.log,
		cfg: actionConfig{network: n.cfg.Network, limits: n.cfg.actionLimits(), ipfsTimeout: n.cfg.IPFSTimeout.Duration,
			chainNames: chainNames(n.cfg), rpcChains: rpcChainNames(n.cfg)},
		self: n.host.ID(), operator: n.id.Operator, operatorAddress: n.id.OperatorAddress(),
		keys: n.keys, code: n.ipfs, chains: map[string]contractCaller{},
		transport: n.actionTransport, conditions: n.evaluator,
		authenticate: n.authenticate, authenticatePlain: n.authenticatePlain, precheckAuth: n.precheckAuth,
		allowAddress: n.allowAddress, readBody: n.readExecuteBody,
		signECDSA: n.PKPSignForAction, signScheme: n.PKPSignSchemeForAction,
	}
	for name, ec := range n.actionChains {
		d.chains[name] = ec
	}
	if n.chain != nil {
		d.chain = n.chain
	}
	return d
}

// chainNames are the chains this node can read besides Lit's built-in list.
func chainNames(cfg Config) []string {
	names := []string{cfg.ChainName}
	chains, _ := ParseChains(cfg.Chains) // validated at load
	for name := range chains {
		names = append(names, name)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// rpcChainNames are the chains getRpcUrl can name: the network's chain (if configured) and the
// chains setting.
func rpcChainNames(cfg Config) []string {
	chains, _ := ParseChains(cfg.Chains)
	known := make([]string, 0, len(chains)+1)
	if cfg.ChainRPC != "" {
		known = append(known, cfg.ChainName)
	}
	for name := range chains {
		known = append(known, name)
	}
	slices.Sort(known)
	return known
}

// phase records the time since *since as the given phase of an execution and moves *since on.
func (s *actionService) phase(name string, since *time.Time) {
	now := time.Now()
	if s.phases != nil {
		s.phases.WithLabelValues(name).Observe(now.Sub(*since).Seconds())
	}
	*since = now
}

// fetchCode gets an action's code by CID, within the code size limit.
func (s *actionService) fetchCode(ctx context.Context, c cid.Cid) ([]byte, error) {
	code, err := s.code.Cat(ctx, c, int64(s.cfg.limits.MaxCode))
	if err != nil {
		return nil, actionCodeError(c, err)
	}
	return code, nil
}

// runVerdict runs an action that only answers — a LitAction condition, a custom auth action —
// with a host that cannot sign, decrypt, claim keys or work with other nodes. user is who the
// conditions are checked for (zero for a custom auth action).
func (s *actionService) runVerdict(ctx context.Context, req runtime.Request, inline bool, user common.Address) (runtime.Result, error) {
	host := &actionHost{svc: s, ipfsID: req.IPFSID, inline: inline, condition: true, user: user}
	defer host.endRPC()
	return s.runtime.Execute(ctx, req, host)
}

func (s *actionService) actionChainNames() []string {
	names := make([]string, 0, len(s.chains))
	for name := range s.chains {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
