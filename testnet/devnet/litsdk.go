package devnet

import (
	"path/filepath"

	"github.com/litmesh/litmesh/access"
	"github.com/litmesh/litmesh/chain"
	"github.com/litmesh/litmesh/chain/devchain"
	"github.com/litmesh/litmesh/client"
	"github.com/litmesh/litmesh/node"
)

// litSDK is network.json's litSdk for a devnet: the LitNodeClient config of Lit's JS SDK v7
// (litNetwork "custom": the SDK reads the nodes from the Staking contract, with Lit's ABI of
// the two entries it calls), the chain name of the devnet's chain in conditions, and the
// devnet CA for NODE_EXTRA_CA_CERTS (docs/lit-sdk.md).
func litSDK(dep devchain.Deployment, dir string) (*client.LitSDK, error) {
	abi, err := chain.LitSDKStakingABI()
	if err != nil {
		return nil, err
	}
	return &client.LitSDK{
		Config: client.LitSDKConfig{
			LitNetwork: "custom",
			RPCURL:     dep.RPCURL,
			ContractContext: client.LitContractContext{
				Staking: client.LitContract{Address: dep.Contracts.Staking.Hex(), ABI: abi},
			},
			CheckNodeAttestation: false,
			NodeProtocol:         "https://",
		},
		Chain:  access.LitNetworkChain,
		CAFile: filepath.Join(dir, node.DevnetCACert),
	}, nil
}
