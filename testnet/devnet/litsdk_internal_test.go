package devnet

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
)

// network.json's litSdk.config is the object an app passes to Lit's LitNodeClient: its JSON
// names and values are what the SDK reads (lit-core's _getValidatorData).
func TestLitSDKConfigIsWhatLitNodeClientTakes(t *testing.T) {
	staking := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	dep := devchain.Deployment{RPCURL: "http://127.0.0.1:8545", Contracts: chain.Addresses{Staking: staking}}
	l, err := litSDK(dep, "/tmp/devnet")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(&client.NetworkFile{LitSDK: l})
	if err != nil {
		t.Fatal(err)
	}
	var nf struct {
		LitSDK struct {
			Config struct {
				LitNetwork      string `json:"litNetwork"`
				RPCURL          string `json:"rpcUrl"`
				ContractContext struct {
					Staking struct {
						Address string           `json:"address"`
						ABI     []map[string]any `json:"abi"`
					} `json:"Staking"`
				} `json:"contractContext"`
				CheckNodeAttestation *bool  `json:"checkNodeAttestation"`
				NodeProtocol         string `json:"nodeProtocol"`
			} `json:"config"`
			Chain  string `json:"chain"`
			CAFile string `json:"caFile"`
		} `json:"litSdk"`
	}
	if err := json.Unmarshal(raw, &nf); err != nil {
		t.Fatal(err)
	}
	c := nf.LitSDK.Config
	if c.LitNetwork != "custom" || c.RPCURL != dep.RPCURL || c.NodeProtocol != "https://" || c.CheckNodeAttestation == nil || *c.CheckNodeAttestation {
		t.Fatalf("config %s", raw)
	}
	if c.ContractContext.Staking.Address != staking.Hex() {
		t.Fatalf("Staking address %s", c.ContractContext.Staking.Address)
	}
	names := map[string]bool{}
	for _, e := range c.ContractContext.Staking.ABI {
		names[e["name"].(string)] = true
	}
	if !names["getActiveUnkickedValidatorStructsAndCounts"] || !names["StateChanged"] {
		t.Fatalf("Staking ABI has %v, want the view and the event the SDK uses", names)
	}
	if nf.LitSDK.Chain != "lit" || nf.LitSDK.CAFile != filepath.Join("/tmp/devnet", "ca.pem") {
		t.Fatalf("chain %q caFile %q", nf.LitSDK.Chain, nf.LitSDK.CAFile)
	}
}
