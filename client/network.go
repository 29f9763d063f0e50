// Package client is the Go SDK for litmesh networks: it reads a network file, talks to nodes'
// HTTPS APIs — verifying each node's certificate by its attestation, and sending credentials
// (session signatures it makes, or plain authSigs) only to attested keys — verifies what they
// return and combines their shares. It imports api, access, the pure cryptographic packages and
// ipfs (for CIDs), never node or p2p.
package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/libp2p/go-libp2p/core/peer"
)

// NetworkFile describes a network: its chain, contracts, nodes and (on a devnet) funded accounts.
// `lit devnet up` writes one; for a real network, operators publish one.
type NetworkFile struct {
	Name string `json:"name"`
	// Mode is "devnet" or "production": which attestation roots clients trust.
	Mode        string            `json:"mode,omitempty"`
	Chain       Chain             `json:"chain"`
	Contracts   map[string]string `json:"contracts"`
	Nodes       []NodeEntry       `json:"nodes"`
	DevAccounts []DevAccount      `json:"devAccounts,omitempty"`
	// Releases are the launch measurements (hex) to trust when the file names no chain, whose
	// release allowlist is otherwise the authority (an in-process test network has none).
	Releases []string `json:"releases,omitempty"`
	// LitSDK is what an app on Lit's JS SDK v7 needs to use this network (docs/lit-sdk.md).
	LitSDK *LitSDK `json:"litSdk,omitempty"`
}

// LitSDK tells an app written for Lit's JS SDK v7 (@lit-protocol/lit-node-client 7.4.0) how to
// use the network.
type LitSDK struct {
	// Config is the object to pass to `new LitNodeClient(...)`.
	Config LitSDKConfig `json:"config"`
	// Chain is the chain name conditions use for the network's own chain ("lit").
	Chain string `json:"chain"`
	// CAFile is the devnet CA's certificate (PEM), for NODE_EXTRA_CA_CERTS: the nodes serve
	// HTTPS with certificates it issued.
	CAFile string `json:"caFile,omitempty"`
}

// LitSDKConfig is the LitNodeClient config of a litmesh network: litNetwork "custom", which
// makes the SDK find the nodes through the Staking contract at RPCURL.
type LitSDKConfig struct {
	LitNetwork      string             `json:"litNetwork"`
	RPCURL          string             `json:"rpcUrl"`
	ContractContext LitContractContext `json:"contractContext"`
	// CheckNodeAttestation stays false: the SDK checks AMD's VCEK chains in its own way;
	// litmesh nodes attest in their handshake (docs/attestation.md).
	CheckNodeAttestation bool `json:"checkNodeAttestation"`
	// NodeProtocol is "https://": the SDK builds http:// URLs from the Staking contract unless
	// told (or on port 443).
	NodeProtocol string `json:"nodeProtocol,omitempty"`
}

// LitContractContext is the SDK's contractContext: the Staking contract and its ABI (the two
// entries the SDK calls, chain.LitSDKStakingABI).
type LitContractContext struct {
	Staking LitContract `json:"Staking"`
}

// LitContract is one contract of a contractContext.
type LitContract struct {
	Address string          `json:"address"`
	ABI     json.RawMessage `json:"abi"`
}

// Chain is the EVM chain a network's contracts live on.
type Chain struct {
	Name    string `json:"name"`
	ChainID uint64 `json:"chainId"`
	RPCURL  string `json:"rpcUrl"`
}

// NodeEntry is how to reach one node.
type NodeEntry struct {
	URL        string   `json:"url"`
	PeerID     string   `json:"peerId"`
	Multiaddrs []string `json:"multiaddrs"`
}

// DevAccount is a funded devnet account; `--key dev:N` refers to the Nth.
type DevAccount struct {
	Address    string `json:"address"`
	PrivateKey string `json:"privateKey"`
}

// DefaultNetworkPath is where tools look for the network file when neither --network nor
// $LIT_NETWORK says otherwise.
var DefaultNetworkPath = filepath.Join(".litdevnet", "network.json")

// ResolveNetworkPath applies the lookup order: the explicit flag, then $LIT_NETWORK, then
// ./.litdevnet/network.json.
func ResolveNetworkPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := os.Getenv("LIT_NETWORK"); env != "" {
		return env
	}
	return DefaultNetworkPath
}

// maxNetworkFile bounds the network file we are willing to parse.
const maxNetworkFile = 4 << 20

// LoadNetwork reads and validates a network file.
func LoadNetwork(path string) (*NetworkFile, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no network file at %s (start a devnet with `lit devnet up`, or pass --network / set LIT_NETWORK)", path)
	}
	if err != nil {
		return nil, fmt.Errorf("read network file: %w", err)
	}
	return ParseNetwork(raw)
}

// ParseNetwork decodes and validates a network file's bytes.
func ParseNetwork(raw []byte) (*NetworkFile, error) {
	if len(raw) > maxNetworkFile {
		return nil, fmt.Errorf("network file: %d bytes, over the %d-byte limit", len(raw), maxNetworkFile)
	}
	var nf NetworkFile
	if err := json.Unmarshal(raw, &nf); err != nil {
		return nil, fmt.Errorf("network file: %w", err)
	}
	if len(nf.Nodes) == 0 {
		return nil, errors.New("network file: no nodes listed")
	}
	seen := map[string]int{}
	for i, n := range nf.Nodes {
		if n.URL == "" {
			return nil, fmt.Errorf("network file: nodes[%d].url is empty", i)
		}
		if err := checkPeerID(n.PeerID); err != nil {
			return nil, fmt.Errorf("network file: nodes[%d].peerId (%s): %w", i, n.URL, err)
		}
		if j, dup := seen[n.PeerID]; dup {
			return nil, fmt.Errorf("network file: nodes[%d].peerId (%s) is also nodes[%d]'s: each node has its own", i, n.URL, j)
		}
		seen[n.PeerID] = i
	}
	return &nf, nil
}

// checkPeerID: every node of a network file must name its libp2p peer ID, which the client
// checks the node's attestation against. Without it, any node with an attestation the client
// trusts (say, another node of the network) could answer at that URL.
func checkPeerID(id string) error {
	if id == "" {
		return errors.New("missing: the client verifies each node's attestation against the peer ID the network file names, so every node needs one (`lit devnet up` writes them; `litnode init` prints a node's, and its operator publishes it)")
	}
	if _, err := peer.Decode(id); err != nil {
		return fmt.Errorf("%q is not a libp2p peer ID: %w", id, err)
	}
	return nil
}

// WriteNetwork writes nf to path atomically.
func WriteNetwork(path string, nf *NetworkFile) error {
	raw, err := json.MarshalIndent(nf, "", "  ")
	if err != nil {
		return fmt.Errorf("encode network file: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(raw, '\n'), 0o600); err != nil {
		return fmt.Errorf("write network file: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write network file: %w", err)
	}
	return nil
}
