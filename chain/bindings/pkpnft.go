// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// PKPNFTMetaData contains all meta data concerning the PKPNFT contract.
var PKPNFTMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIRootKeys\",\"name\":\"rootKeys_\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"BadPubkey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721IncorrectOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721InsufficientApproval\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC721InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721NonexistentToken\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"HelperAlreadySet\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoRootKey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotHelper\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PermissionsAlreadySet\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PermissionsNotSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"TokenAlreadyMinted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"}],\"name\":\"UnknownKeyType\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"keyId\",\"type\":\"bytes32\"}],\"name\":\"WrongDerivedKey\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"approved\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"ApprovalForAll\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"helper\",\"type\":\"address\"}],\"name\":\"HelperSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"keyId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"minter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"PKPMinted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"permissions\",\"type\":\"address\"}],\"name\":\"PermissionsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"KEY_TYPE_BLS_PKP\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KEY_TYPE_ECDSA\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KEY_TYPE_ED25519\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KEY_TYPE_SCHNORR_K256\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"burn\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"exists\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getApproved\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"helper\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isApprovedForAll\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"keyIdOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"keyTypeOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"ipfsCid\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"mintGrantAndBurnNext\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"mintNext\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"minter\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"mintNextFor\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"mintNonce\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"minter\",\"type\":\"address\"}],\"name\":\"nextKeyId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ownerOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"permissions\",\"outputs\":[{\"internalType\":\"contractIPKPPermissionsGrant\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"pubkeyOf\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rootKeys\",\"outputs\":[{\"internalType\":\"contractIRootKeys\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"setApprovalForAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"helper_\",\"type\":\"address\"}],\"name\":\"setHelper\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"contractIPKPPermissionsGrant\",\"name\":\"permissions_\",\"type\":\"address\"}],\"name\":\"setPermissions\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"tokenURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "PKPNFT",
	Bin: "0x60a060405234801561000f575f5ffd5b506040516122b83803806122b883398101604081905261002e9161013e565b806040518060400160405280600b81526020016a06c69746d65736820504b560ac1b815250604051806040016040528060038152602001620504b560ec1b815250815f908161007d9190610219565b50600161008a8282610219565b5050506001600160a01b0381166100ba57604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b6100c3816100d6565b50506001600160a01b03166080526102d7565b600680546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b6001600160a01b038116811461013b575f5ffd5b50565b5f5f6040838503121561014f575f5ffd5b825161015a81610127565b602084015190925061016b81610127565b809150509250929050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061019e57607f821691505b6020821081036101bc57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f821115610214578282111561021457805f5260205f20601f840160051c60208510156101ed57505f5b90810190601f840160051c035f5b81811015610210575f838201556001016101fb565b5050505b505050565b81516001600160401b0381111561023257610232610176565b61024681610240845461018a565b846101c2565b6020601f821160018114610278575f83156102615750848201515b5f19600385901b1c1916600184901b1784556102d0565b5f84815260208120601f198516915b828110156102a75787850151825560209485019460019092019101610287565b50848210156102c457868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b608051611fc26102f65f395f818161039001526114480152611fc25ff3fe608060405234801561000f575f5ffd5b5060043610610208575f3560e01c806370a082311161011f578063a22cb465116100a9578063e68b83ea11610079578063e68b83ea1461047b578063e985e9c51461049a578063f2fde38b146104ad578063f333b767146104c0578063fecf8e18146104d3575f5ffd5b8063a22cb4651461042f578063ab8c71c014610442578063b88d4fde14610455578063c87b56dd14610468575f5ffd5b80638da5cb5b116100ef5780638da5cb5b146103dd57806395d89b41146103ee578063986ccc7f146103f65780639898bea8146104095780639b34056e1461041c575f5ffd5b806370a08231146103b2578063715018a6146103c5578063850d4c98146103cd5780638adec9af146103d5575f5ffd5b806342842e0e116101a05780634f558e79116101705780634f558e791461033c578063591885561461035d5780636352211e1461036557806363b0e66a146103785780636be710941461038b575f5ffd5b806342842e0e146102f057806342966c6814610303578063456d28d9146103165780634d2688da14610329575f5ffd5b806323b872dd116101db57806323b872dd1461028957806327a1973d1461029c5780632c4d7893146102c9578063381d6936146102d1575f5ffd5b806301ffc9a71461020c57806306fdde0314610234578063081812fc14610249578063095ea7b314610274575b5f5ffd5b61021f61021a36600461185e565b6104e6565b60405190151581526020015b60405180910390f35b61023c610537565b60405161022b91906118a7565b61025c6102573660046118b9565b6105c6565b6040516001600160a01b03909116815260200161022b565b6102876102823660046118e4565b6105ed565b005b61028761029736600461190e565b6105fc565b6102bb6102aa3660046118b9565b5f908152600c602052604090205490565b60405190815260200161022b565b6102bb600381565b6102bb6102df36600461194c565b60096020525f908152604090205481565b6102876102fe36600461190e565b61068a565b6102876103113660046118b9565b6106a9565b61028761032436600461194c565b6106b4565b6102bb6103373660046119ac565b61073b565b61021f61034a3660046118b9565b5f908152600a6020526040902054151590565b6102bb600281565b61025c6103733660046118b9565b610796565b60085461025c906001600160a01b031681565b61025c7f000000000000000000000000000000000000000000000000000000000000000081565b6102bb6103c036600461194c565b6107a0565b6102876107e5565b6102bb600a81565b6102bb608081565b6006546001600160a01b031661025c565b61023c6107f8565b61028761040436600461194c565b610807565b6102bb61041736600461194c565b610887565b6102bb61042a366004611a04565b6108f1565b61028761043d366004611a4c565b610907565b60075461025c906001600160a01b031681565b610287610463366004611af3565b610912565b61023c6104763660046118b9565b61092a565b6102bb6104893660046118b9565b5f908152600a602052604090205490565b61021f6104a8366004611b9b565b61099b565b6102876104bb36600461194c565b6109c8565b61023c6104ce3660046118b9565b610a05565b6102bb6104e1366004611bc7565b610aa4565b5f6001600160e01b031982166380ac58cd60e01b148061051657506001600160e01b03198216635b5e139f60e01b145b8061053157506301ffc9a760e01b6001600160e01b03198316145b92915050565b60605f805461054590611c40565b80601f016020809104026020016040519081016040528092919081815260200182805461057190611c40565b80156105bc5780601f10610593576101008083540402835291602001916105bc565b820191905f5260205f20905b81548152906001019060200180831161059f57829003601f168201915b5050505050905090565b5f6105d082610b47565b505f828152600460205260409020546001600160a01b0316610531565b6105f8828233610b7f565b5050565b6001600160a01b03821661062a57604051633250574960e11b81525f60048201526024015b60405180910390fd5b5f610636838333610b8c565b9050836001600160a01b0316816001600160a01b031614610684576040516364283d7b60e01b81526001600160a01b0380861660048301526024820184905282166044820152606401610621565b50505050565b6106a483838360405180602001604052805f815250610912565b505050565b6105f85f8233610b8c565b6106bc610c7e565b6007546001600160a01b0316156106e6576040516308cadaa360e11b815260040160405180910390fd5b600780546001600160a01b0319166001600160a01b0383169081179091556040519081527ff41313419f4c30eeb7dd9bc8e009fd8c594805da15f42a4ad68f259ad0fc8870906020015b60405180910390a150565b6008545f906001600160a01b03163314158061076057506008546001600160a01b0316155b1561078057604051630ba001d760e21b8152336004820152602401610621565b61078d8484848833610cab565b95945050505050565b5f61053182610b47565b5f6001600160a01b0382166107ca576040516322718ad960e21b81525f6004820152602401610621565b506001600160a01b03165f9081526003602052604090205490565b6107ed610c7e565b6107f65f610e12565b565b60606001805461054590611c40565b61080f610c7e565b6008546001600160a01b03161561083957604051634f4bb3e960e11b815260040160405180910390fd5b600880546001600160a01b0319166001600160a01b0383169081179091556040519081527f33ccdeef2c3810751e8ce3f0228fb9965b606a76744466a6889a7069325bfd9790602001610730565b6001600160a01b0381165f9081526009602090815260408083205490516108d492469230928792019384526001600160a01b03928316602085015291166040830152606082015260800190565b604051602081830303815290604052805190602001209050919050565b5f6108ff8484843333610cab565b949350505050565b6105f8338383610e63565b61091d8484846105fc565b6106843385858585610f2a565b606061093582610b47565b505f61094b60408051602081019091525f815290565b90505f8151116109695760405180602001604052805f815250610994565b8061097384611052565b604051602001610984929190611c8f565b6040516020818303038152906040525b9392505050565b6001600160a01b039182165f90815260056020908152604080832093909416825291909152205460ff1690565b6109d0610c7e565b6001600160a01b0381166109f957604051631e4fbdf760e01b81525f6004820152602401610621565b610a0281610e12565b50565b5f818152600b60205260409020805460609190610a2190611c40565b80601f0160208091040260200160405190810160405280929190818152602001828054610a4d90611c40565b8015610a985780601f10610a6f57610100808354040283529160200191610a98565b820191905f5260205f20905b815481529060010190602001808311610a7b57829003601f168201915b50505050509050919050565b6007545f906001600160a01b0316610acf5760405163ee4347c960e01b815260040160405180910390fd5b610adc8684843330610cab565b6007546040516354b06ae360e01b81529192506001600160a01b0316906354b06ae390610b1190849089908990600401611ccb565b5f604051808303815f87803b158015610b28575f5ffd5b505af1158015610b3a573d5f5f3e3d5ffd5b5050505061078d816110e2565b5f818152600260205260408120546001600160a01b03168061053157604051637e27328960e01b815260048101849052602401610621565b6106a4838383600161111a565b5f828152600260205260408120546001600160a01b0390811690831615610bb857610bb881848661121e565b6001600160a01b03811615610bf257610bd35f855f5f61111a565b6001600160a01b0381165f90815260036020526040902080545f190190555b6001600160a01b03851615610c20576001600160a01b0385165f908152600360205260409020805460010190555b5f8481526002602052604080822080546001600160a01b0319166001600160a01b0389811691821790925591518793918516917fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef91a4949350505050565b6006546001600160a01b031633146107f65760405163118cdaa760e01b8152336004820152602401610621565b5f5f610cb8878787611282565b90505f610cc485610887565b6001600160a01b0386165f908152600960205260408120805492935090610cea83611cf8565b919050555060028803610d2357610d03828289896114e7565b8686604051610d13929190611d10565b6040519081900390209250610d53565b808787604051602001610d3893929190611d1f565b604051602081830303815290604052805190602001205f1c92505b5f838152600a602052604090205415610d82576040516322d1d39560e21b815260048101849052602401610621565b5f838152600a60209081526040808320849055600b9091529020610da7878983611d86565b505f838152600c60205260409020889055610dc284846116b0565b846001600160a01b031681847fb79f04d572e2dc40462d88c85c2c4c03347a16a32f0ec46557aaf210acc22e1d8a8a604051610dff929190611e40565b60405180910390a4505095945050505050565b600680546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b6001600160a01b038316610e8c5760405163a9fbf51f60e01b81525f6004820152602401610621565b6001600160a01b038216610ebe57604051630b61174360e31b81526001600160a01b0383166004820152602401610621565b6001600160a01b038381165f81815260056020908152604080832094871680845294825291829020805460ff191686151590811790915591519182527f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31910160405180910390a3505050565b6001600160a01b0383163b1561104b57604051630a85bd0160e11b81526001600160a01b0384169063150b7a0290610f6c908890889087908790600401611e53565b6020604051808303815f875af1925050508015610fa6575060408051601f3d908101601f19168201909252610fa391810190611e8f565b60015b61100d573d808015610fd3576040519150601f19603f3d011682016040523d82523d5f602084013e610fd8565b606091505b5080515f0361100557604051633250574960e11b81526001600160a01b0385166004820152602401610621565b805160208201fd5b6001600160e01b03198116630a85bd0160e11b1461104957604051633250574960e11b81526001600160a01b0385166004820152602401610621565b505b5050505050565b60605f61105e83611711565b60010190505f8167ffffffffffffffff81111561107d5761107d611a87565b6040519080825280601f01601f1916602001820160405280156110a7576020820181803683370190505b5090508181016020015b5f19016f181899199a1a9b1b9c1cb0b131b232b360811b600a86061a8153600a85049450846110b157509392505050565b5f6110ee5f835f610b8c565b90506001600160a01b0381166105f857604051637e27328960e01b815260048101839052602401610621565b808061112e57506001600160a01b03821615155b156111ef575f61113d84610b47565b90506001600160a01b038316158015906111695750826001600160a01b0316816001600160a01b031614155b801561117c575061117a818461099b565b155b156111a55760405163a9fbf51f60e01b81526001600160a01b0384166004820152602401610621565b81156111ed5783856001600160a01b0316826001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92560405160405180910390a45b505b50505f90815260046020526040902080546001600160a01b0319166001600160a01b0392909216919091179055565b6112298383836117e8565b6106a4576001600160a01b03831661125757604051637e27328960e01b815260048101829052602401610621565b60405163177e802f60e01b81526001600160a01b038316600482015260248101829052604401610621565b60605f5f600286036112f0575060419050602183821480156112cd575084845f8181106112b1576112b1611eaa565b9050013560f81c60f81b6001600160f81b031916600460f81b14155b156112eb57604051630eb5b42160e01b815260040160405180910390fd5b611412565b6003860361130357506020905080611412565b60808603611399575060219050808381148015611349575084845f81811061132d5761132d611eaa565b9050013560f81c60f81b6001600160f81b031916600260f81b14155b80156112cd575084845f81811061136257611362611eaa565b9050013560f81c60f81b6001600160f81b031916600360f81b146112eb57604051630eb5b42160e01b815260040160405180910390fd5b600a86036113f65750603090508083811480156112cd575084845f8181106113c3576113c3611eaa565b9050013560f81c60f81b60f81c60c01660ff166080146112eb57604051630eb5b42160e01b815260040160405180910390fd5b60405163dee54f1760e01b815260048101879052602401610621565b83821461143257604051630eb5b42160e01b815260040160405180910390fd5b604051632423501760e21b8152600481018790527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063908d405c906024015f60405180830381865afa158015611494573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526114bb9190810190611ebe565b9250808351146114de57604051630f6b22d360e31b815260040160405180910390fd5b50509392505050565b6040516c6c69746d6573682f68642f763160981b6020820152602d81018490525f9070014551231950b75fc4402da1732fc9bebe1990604d01604051602081830303815290604052805190602001205f1c6115429190611f33565b9050805f03611567576040516321fe661f60e21b815260048101859052602401610621565b5f855f8151811061157a5761157a611eaa565b0160200151602187015160f89190911c91505f70014551231950b75fc4402da1732fc9bebe198483096115bf9070014551231950b75fc4402da1732fc9bebe19611f52565b90505f600182600260ff8716146115d757601c6115da565b601b5b604080515f8152602081018083529390935260ff90911690820152606081018590526080810185905260a0016020604051602081039080840390855afa158015611626573d5f5f3e3d5ffd5b5050604051601f19015191505f9050611642876001818b611f65565b604051611650929190611d10565b60405190819003902090506001600160a01b03821615806116835750806001600160a01b0316826001600160a01b031614155b156116a4576040516321fe661f60e21b8152600481018a9052602401610621565b50505050505050505050565b6001600160a01b0382166116d957604051633250574960e11b81525f6004820152602401610621565b5f6116e583835f610b8c565b90506001600160a01b038116156106a4576040516339e3563760e11b81525f6004820152602401610621565b5f8072184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b831061174f5772184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b830492506040015b6d04ee2d6d415b85acef8100000000831061177b576d04ee2d6d415b85acef8100000000830492506020015b662386f26fc10000831061179957662386f26fc10000830492506010015b6305f5e10083106117b1576305f5e100830492506008015b61271083106117c557612710830492506004015b606483106117d7576064830492506002015b600a83106105315760010192915050565b5f6001600160a01b038316158015906108ff5750826001600160a01b0316846001600160a01b031614806118215750611821848461099b565b806108ff5750505f908152600460205260409020546001600160a01b03908116911614919050565b6001600160e01b031981168114610a02575f5ffd5b5f6020828403121561186e575f5ffd5b813561099481611849565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6109946020830184611879565b5f602082840312156118c9575f5ffd5b5035919050565b6001600160a01b0381168114610a02575f5ffd5b5f5f604083850312156118f5575f5ffd5b8235611900816118d0565b946020939093013593505050565b5f5f5f60608486031215611920575f5ffd5b833561192b816118d0565b9250602084013561193b816118d0565b929592945050506040919091013590565b5f6020828403121561195c575f5ffd5b8135610994816118d0565b5f5f83601f840112611977575f5ffd5b50813567ffffffffffffffff81111561198e575f5ffd5b6020830191508360208285010111156119a5575f5ffd5b9250929050565b5f5f5f5f606085870312156119bf575f5ffd5b84356119ca816118d0565b935060208501359250604085013567ffffffffffffffff8111156119ec575f5ffd5b6119f887828801611967565b95989497509550505050565b5f5f5f60408486031215611a16575f5ffd5b83359250602084013567ffffffffffffffff811115611a33575f5ffd5b611a3f86828701611967565b9497909650939450505050565b5f5f60408385031215611a5d575f5ffd5b8235611a68816118d0565b915060208301358015158114611a7c575f5ffd5b809150509250929050565b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f1916810167ffffffffffffffff81118282101715611ac457611ac4611a87565b604052919050565b5f67ffffffffffffffff821115611ae557611ae5611a87565b50601f01601f191660200190565b5f5f5f5f60808587031215611b06575f5ffd5b8435611b11816118d0565b93506020850135611b21816118d0565b925060408501359150606085013567ffffffffffffffff811115611b43575f5ffd5b8501601f81018713611b53575f5ffd5b8035611b66611b6182611acc565b611a9b565b818152886020838501011115611b7a575f5ffd5b816020840160208301375f6020838301015280935050505092959194509250565b5f5f60408385031215611bac575f5ffd5b8235611bb7816118d0565b91506020830135611a7c816118d0565b5f5f5f5f5f60608688031215611bdb575f5ffd5b85359450602086013567ffffffffffffffff811115611bf8575f5ffd5b611c0488828901611967565b909550935050604086013567ffffffffffffffff811115611c23575f5ffd5b611c2f88828901611967565b969995985093965092949392505050565b600181811c90821680611c5457607f821691505b602082108103611c7257634e487b7160e01b5f52602260045260245ffd5b50919050565b5f81518060208401855e5f93019283525090919050565b5f6108ff611c9d8386611c78565b84611c78565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b838152604060208201525f61078d604083018486611ca3565b634e487b7160e01b5f52601160045260245ffd5b5f60018201611d0957611d09611ce4565b5060010190565b818382375f9101908152919050565b838152818360208301375f910160200190815292915050565b601f8211156106a457828211156106a457805f5260205f20601f840160051c6020851015611d6357505f5b90810190601f840160051c035f5b81811015611049575f83820155600101611d71565b67ffffffffffffffff831115611d9e57611d9e611a87565b611db283611dac8354611c40565b83611d38565b5f601f841160018114611de3575f8515611dcc5750838201355b5f19600387901b1c1916600186901b17835561104b565b5f83815260208120601f198716915b82811015611e125786850135825560209485019460019092019101611df2565b5086821015611e2e575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b602081525f6108ff602083018486611ca3565b6001600160a01b03858116825284166020820152604081018390526080606082018190525f90611e8590830184611879565b9695505050505050565b5f60208284031215611e9f575f5ffd5b815161099481611849565b634e487b7160e01b5f52603260045260245ffd5b5f60208284031215611ece575f5ffd5b815167ffffffffffffffff811115611ee4575f5ffd5b8201601f81018413611ef4575f5ffd5b8051611f02611b6182611acc565b818152856020838501011115611f16575f5ffd5b8160208401602083015e5f91810160200191909152949350505050565b5f82611f4d57634e487b7160e01b5f52601260045260245ffd5b500690565b8181038181111561053157610531611ce4565b5f5f85851115611f73575f5ffd5b83861115611f7f575f5ffd5b505082019391909203915056fea2646970667358221220079d90408c319555e4aa0597a06956649180a02f6fb9daccb3335c9c84575b5c64736f6c63430008250033",
}

// PKPNFT is an auto generated Go binding around an Ethereum contract.
type PKPNFT struct {
	abi abi.ABI
}

// NewPKPNFT creates a new instance of PKPNFT.
func NewPKPNFT() *PKPNFT {
	parsed, err := PKPNFTMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &PKPNFT{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *PKPNFT) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address rootKeys_, address admin) returns()
func (pKPNFT *PKPNFT) PackConstructor(rootKeys_ common.Address, admin common.Address) []byte {
	enc, err := pKPNFT.abi.Pack("", rootKeys_, admin)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackKEYTYPEBLSPKP is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x850d4c98.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KEY_TYPE_BLS_PKP() view returns(uint256)
func (pKPNFT *PKPNFT) PackKEYTYPEBLSPKP() []byte {
	enc, err := pKPNFT.abi.Pack("KEY_TYPE_BLS_PKP")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKEYTYPEBLSPKP is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x850d4c98.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KEY_TYPE_BLS_PKP() view returns(uint256)
func (pKPNFT *PKPNFT) TryPackKEYTYPEBLSPKP() ([]byte, error) {
	return pKPNFT.abi.Pack("KEY_TYPE_BLS_PKP")
}

// UnpackKEYTYPEBLSPKP is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x850d4c98.
//
// Solidity: function KEY_TYPE_BLS_PKP() view returns(uint256)
func (pKPNFT *PKPNFT) UnpackKEYTYPEBLSPKP(data []byte) (*big.Int, error) {
	out, err := pKPNFT.abi.Unpack("KEY_TYPE_BLS_PKP", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackKEYTYPEECDSA is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x59188556.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KEY_TYPE_ECDSA() view returns(uint256)
func (pKPNFT *PKPNFT) PackKEYTYPEECDSA() []byte {
	enc, err := pKPNFT.abi.Pack("KEY_TYPE_ECDSA")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKEYTYPEECDSA is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x59188556.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KEY_TYPE_ECDSA() view returns(uint256)
func (pKPNFT *PKPNFT) TryPackKEYTYPEECDSA() ([]byte, error) {
	return pKPNFT.abi.Pack("KEY_TYPE_ECDSA")
}

// UnpackKEYTYPEECDSA is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x59188556.
//
// Solidity: function KEY_TYPE_ECDSA() view returns(uint256)
func (pKPNFT *PKPNFT) UnpackKEYTYPEECDSA(data []byte) (*big.Int, error) {
	out, err := pKPNFT.abi.Unpack("KEY_TYPE_ECDSA", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackKEYTYPEED25519 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2c4d7893.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KEY_TYPE_ED25519() view returns(uint256)
func (pKPNFT *PKPNFT) PackKEYTYPEED25519() []byte {
	enc, err := pKPNFT.abi.Pack("KEY_TYPE_ED25519")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKEYTYPEED25519 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2c4d7893.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KEY_TYPE_ED25519() view returns(uint256)
func (pKPNFT *PKPNFT) TryPackKEYTYPEED25519() ([]byte, error) {
	return pKPNFT.abi.Pack("KEY_TYPE_ED25519")
}

// UnpackKEYTYPEED25519 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2c4d7893.
//
// Solidity: function KEY_TYPE_ED25519() view returns(uint256)
func (pKPNFT *PKPNFT) UnpackKEYTYPEED25519(data []byte) (*big.Int, error) {
	out, err := pKPNFT.abi.Unpack("KEY_TYPE_ED25519", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackKEYTYPESCHNORRK256 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8adec9af.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KEY_TYPE_SCHNORR_K256() view returns(uint256)
func (pKPNFT *PKPNFT) PackKEYTYPESCHNORRK256() []byte {
	enc, err := pKPNFT.abi.Pack("KEY_TYPE_SCHNORR_K256")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKEYTYPESCHNORRK256 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8adec9af.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KEY_TYPE_SCHNORR_K256() view returns(uint256)
func (pKPNFT *PKPNFT) TryPackKEYTYPESCHNORRK256() ([]byte, error) {
	return pKPNFT.abi.Pack("KEY_TYPE_SCHNORR_K256")
}

// UnpackKEYTYPESCHNORRK256 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8adec9af.
//
// Solidity: function KEY_TYPE_SCHNORR_K256() view returns(uint256)
func (pKPNFT *PKPNFT) UnpackKEYTYPESCHNORRK256(data []byte) (*big.Int, error) {
	out, err := pKPNFT.abi.Unpack("KEY_TYPE_SCHNORR_K256", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (pKPNFT *PKPNFT) PackApprove(to common.Address, tokenId *big.Int) []byte {
	enc, err := pKPNFT.abi.Pack("approve", to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (pKPNFT *PKPNFT) TryPackApprove(to common.Address, tokenId *big.Int) ([]byte, error) {
	return pKPNFT.abi.Pack("approve", to, tokenId)
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (pKPNFT *PKPNFT) PackBalanceOf(owner common.Address) []byte {
	enc, err := pKPNFT.abi.Pack("balanceOf", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (pKPNFT *PKPNFT) TryPackBalanceOf(owner common.Address) ([]byte, error) {
	return pKPNFT.abi.Pack("balanceOf", owner)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (pKPNFT *PKPNFT) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := pKPNFT.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBurn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42966c68.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function burn(uint256 tokenId) returns()
func (pKPNFT *PKPNFT) PackBurn(tokenId *big.Int) []byte {
	enc, err := pKPNFT.abi.Pack("burn", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBurn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42966c68.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function burn(uint256 tokenId) returns()
func (pKPNFT *PKPNFT) TryPackBurn(tokenId *big.Int) ([]byte, error) {
	return pKPNFT.abi.Pack("burn", tokenId)
}

// PackExists is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4f558e79.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function exists(uint256 tokenId) view returns(bool)
func (pKPNFT *PKPNFT) PackExists(tokenId *big.Int) []byte {
	enc, err := pKPNFT.abi.Pack("exists", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExists is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4f558e79.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function exists(uint256 tokenId) view returns(bool)
func (pKPNFT *PKPNFT) TryPackExists(tokenId *big.Int) ([]byte, error) {
	return pKPNFT.abi.Pack("exists", tokenId)
}

// UnpackExists is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4f558e79.
//
// Solidity: function exists(uint256 tokenId) view returns(bool)
func (pKPNFT *PKPNFT) UnpackExists(data []byte) (bool, error) {
	out, err := pKPNFT.abi.Unpack("exists", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (pKPNFT *PKPNFT) PackGetApproved(tokenId *big.Int) []byte {
	enc, err := pKPNFT.abi.Pack("getApproved", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (pKPNFT *PKPNFT) TryPackGetApproved(tokenId *big.Int) ([]byte, error) {
	return pKPNFT.abi.Pack("getApproved", tokenId)
}

// UnpackGetApproved is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (pKPNFT *PKPNFT) UnpackGetApproved(data []byte) (common.Address, error) {
	out, err := pKPNFT.abi.Unpack("getApproved", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackHelper is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x63b0e66a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function helper() view returns(address)
func (pKPNFT *PKPNFT) PackHelper() []byte {
	enc, err := pKPNFT.abi.Pack("helper")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHelper is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x63b0e66a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function helper() view returns(address)
func (pKPNFT *PKPNFT) TryPackHelper() ([]byte, error) {
	return pKPNFT.abi.Pack("helper")
}

// UnpackHelper is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x63b0e66a.
//
// Solidity: function helper() view returns(address)
func (pKPNFT *PKPNFT) UnpackHelper(data []byte) (common.Address, error) {
	out, err := pKPNFT.abi.Unpack("helper", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (pKPNFT *PKPNFT) PackIsApprovedForAll(owner common.Address, operator common.Address) []byte {
	enc, err := pKPNFT.abi.Pack("isApprovedForAll", owner, operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (pKPNFT *PKPNFT) TryPackIsApprovedForAll(owner common.Address, operator common.Address) ([]byte, error) {
	return pKPNFT.abi.Pack("isApprovedForAll", owner, operator)
}

// UnpackIsApprovedForAll is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (pKPNFT *PKPNFT) UnpackIsApprovedForAll(data []byte) (bool, error) {
	out, err := pKPNFT.abi.Unpack("isApprovedForAll", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackKeyIdOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe68b83ea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function keyIdOf(uint256 tokenId) view returns(bytes32)
func (pKPNFT *PKPNFT) PackKeyIdOf(tokenId *big.Int) []byte {
	enc, err := pKPNFT.abi.Pack("keyIdOf", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKeyIdOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe68b83ea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function keyIdOf(uint256 tokenId) view returns(bytes32)
func (pKPNFT *PKPNFT) TryPackKeyIdOf(tokenId *big.Int) ([]byte, error) {
	return pKPNFT.abi.Pack("keyIdOf", tokenId)
}

// UnpackKeyIdOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe68b83ea.
//
// Solidity: function keyIdOf(uint256 tokenId) view returns(bytes32)
func (pKPNFT *PKPNFT) UnpackKeyIdOf(data []byte) ([32]byte, error) {
	out, err := pKPNFT.abi.Unpack("keyIdOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackKeyTypeOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27a1973d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function keyTypeOf(uint256 tokenId) view returns(uint256)
func (pKPNFT *PKPNFT) PackKeyTypeOf(tokenId *big.Int) []byte {
	enc, err := pKPNFT.abi.Pack("keyTypeOf", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKeyTypeOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27a1973d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function keyTypeOf(uint256 tokenId) view returns(uint256)
func (pKPNFT *PKPNFT) TryPackKeyTypeOf(tokenId *big.Int) ([]byte, error) {
	return pKPNFT.abi.Pack("keyTypeOf", tokenId)
}

// UnpackKeyTypeOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x27a1973d.
//
// Solidity: function keyTypeOf(uint256 tokenId) view returns(uint256)
func (pKPNFT *PKPNFT) UnpackKeyTypeOf(data []byte) (*big.Int, error) {
	out, err := pKPNFT.abi.Unpack("keyTypeOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMintGrantAndBurnNext is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfecf8e18.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mintGrantAndBurnNext(uint256 keyType, bytes ipfsCid, bytes pubkey) returns(uint256 tokenId)
func (pKPNFT *PKPNFT) PackMintGrantAndBurnNext(keyType *big.Int, ipfsCid []byte, pubkey []byte) []byte {
	enc, err := pKPNFT.abi.Pack("mintGrantAndBurnNext", keyType, ipfsCid, pubkey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMintGrantAndBurnNext is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfecf8e18.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mintGrantAndBurnNext(uint256 keyType, bytes ipfsCid, bytes pubkey) returns(uint256 tokenId)
func (pKPNFT *PKPNFT) TryPackMintGrantAndBurnNext(keyType *big.Int, ipfsCid []byte, pubkey []byte) ([]byte, error) {
	return pKPNFT.abi.Pack("mintGrantAndBurnNext", keyType, ipfsCid, pubkey)
}

// UnpackMintGrantAndBurnNext is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfecf8e18.
//
// Solidity: function mintGrantAndBurnNext(uint256 keyType, bytes ipfsCid, bytes pubkey) returns(uint256 tokenId)
func (pKPNFT *PKPNFT) UnpackMintGrantAndBurnNext(data []byte) (*big.Int, error) {
	out, err := pKPNFT.abi.Unpack("mintGrantAndBurnNext", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMintNext is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b34056e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mintNext(uint256 keyType, bytes pubkey) returns(uint256)
func (pKPNFT *PKPNFT) PackMintNext(keyType *big.Int, pubkey []byte) []byte {
	enc, err := pKPNFT.abi.Pack("mintNext", keyType, pubkey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMintNext is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b34056e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mintNext(uint256 keyType, bytes pubkey) returns(uint256)
func (pKPNFT *PKPNFT) TryPackMintNext(keyType *big.Int, pubkey []byte) ([]byte, error) {
	return pKPNFT.abi.Pack("mintNext", keyType, pubkey)
}

// UnpackMintNext is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9b34056e.
//
// Solidity: function mintNext(uint256 keyType, bytes pubkey) returns(uint256)
func (pKPNFT *PKPNFT) UnpackMintNext(data []byte) (*big.Int, error) {
	out, err := pKPNFT.abi.Unpack("mintNext", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMintNextFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d2688da.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mintNextFor(address minter, uint256 keyType, bytes pubkey) returns(uint256)
func (pKPNFT *PKPNFT) PackMintNextFor(minter common.Address, keyType *big.Int, pubkey []byte) []byte {
	enc, err := pKPNFT.abi.Pack("mintNextFor", minter, keyType, pubkey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMintNextFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d2688da.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mintNextFor(address minter, uint256 keyType, bytes pubkey) returns(uint256)
func (pKPNFT *PKPNFT) TryPackMintNextFor(minter common.Address, keyType *big.Int, pubkey []byte) ([]byte, error) {
	return pKPNFT.abi.Pack("mintNextFor", minter, keyType, pubkey)
}

// UnpackMintNextFor is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4d2688da.
//
// Solidity: function mintNextFor(address minter, uint256 keyType, bytes pubkey) returns(uint256)
func (pKPNFT *PKPNFT) UnpackMintNextFor(data []byte) (*big.Int, error) {
	out, err := pKPNFT.abi.Unpack("mintNextFor", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMintNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x381d6936.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mintNonce(address ) view returns(uint256)
func (pKPNFT *PKPNFT) PackMintNonce(arg0 common.Address) []byte {
	enc, err := pKPNFT.abi.Pack("mintNonce", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMintNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x381d6936.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mintNonce(address ) view returns(uint256)
func (pKPNFT *PKPNFT) TryPackMintNonce(arg0 common.Address) ([]byte, error) {
	return pKPNFT.abi.Pack("mintNonce", arg0)
}

// UnpackMintNonce is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x381d6936.
//
// Solidity: function mintNonce(address ) view returns(uint256)
func (pKPNFT *PKPNFT) UnpackMintNonce(data []byte) (*big.Int, error) {
	out, err := pKPNFT.abi.Unpack("mintNonce", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (pKPNFT *PKPNFT) PackName() []byte {
	enc, err := pKPNFT.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (pKPNFT *PKPNFT) TryPackName() ([]byte, error) {
	return pKPNFT.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (pKPNFT *PKPNFT) UnpackName(data []byte) (string, error) {
	out, err := pKPNFT.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackNextKeyId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9898bea8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nextKeyId(address minter) view returns(bytes32)
func (pKPNFT *PKPNFT) PackNextKeyId(minter common.Address) []byte {
	enc, err := pKPNFT.abi.Pack("nextKeyId", minter)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNextKeyId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9898bea8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nextKeyId(address minter) view returns(bytes32)
func (pKPNFT *PKPNFT) TryPackNextKeyId(minter common.Address) ([]byte, error) {
	return pKPNFT.abi.Pack("nextKeyId", minter)
}

// UnpackNextKeyId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9898bea8.
//
// Solidity: function nextKeyId(address minter) view returns(bytes32)
func (pKPNFT *PKPNFT) UnpackNextKeyId(data []byte) ([32]byte, error) {
	out, err := pKPNFT.abi.Unpack("nextKeyId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (pKPNFT *PKPNFT) PackOwner() []byte {
	enc, err := pKPNFT.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (pKPNFT *PKPNFT) TryPackOwner() ([]byte, error) {
	return pKPNFT.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (pKPNFT *PKPNFT) UnpackOwner(data []byte) (common.Address, error) {
	out, err := pKPNFT.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (pKPNFT *PKPNFT) PackOwnerOf(tokenId *big.Int) []byte {
	enc, err := pKPNFT.abi.Pack("ownerOf", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (pKPNFT *PKPNFT) TryPackOwnerOf(tokenId *big.Int) ([]byte, error) {
	return pKPNFT.abi.Pack("ownerOf", tokenId)
}

// UnpackOwnerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (pKPNFT *PKPNFT) UnpackOwnerOf(data []byte) (common.Address, error) {
	out, err := pKPNFT.abi.Unpack("ownerOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPermissions is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xab8c71c0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function permissions() view returns(address)
func (pKPNFT *PKPNFT) PackPermissions() []byte {
	enc, err := pKPNFT.abi.Pack("permissions")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPermissions is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xab8c71c0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function permissions() view returns(address)
func (pKPNFT *PKPNFT) TryPackPermissions() ([]byte, error) {
	return pKPNFT.abi.Pack("permissions")
}

// UnpackPermissions is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xab8c71c0.
//
// Solidity: function permissions() view returns(address)
func (pKPNFT *PKPNFT) UnpackPermissions(data []byte) (common.Address, error) {
	out, err := pKPNFT.abi.Unpack("permissions", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPubkeyOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf333b767.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pubkeyOf(uint256 tokenId) view returns(bytes)
func (pKPNFT *PKPNFT) PackPubkeyOf(tokenId *big.Int) []byte {
	enc, err := pKPNFT.abi.Pack("pubkeyOf", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPubkeyOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf333b767.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pubkeyOf(uint256 tokenId) view returns(bytes)
func (pKPNFT *PKPNFT) TryPackPubkeyOf(tokenId *big.Int) ([]byte, error) {
	return pKPNFT.abi.Pack("pubkeyOf", tokenId)
}

// UnpackPubkeyOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf333b767.
//
// Solidity: function pubkeyOf(uint256 tokenId) view returns(bytes)
func (pKPNFT *PKPNFT) UnpackPubkeyOf(data []byte) ([]byte, error) {
	out, err := pKPNFT.abi.Unpack("pubkeyOf", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (pKPNFT *PKPNFT) PackRenounceOwnership() []byte {
	enc, err := pKPNFT.abi.Pack("renounceOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceOwnership() returns()
func (pKPNFT *PKPNFT) TryPackRenounceOwnership() ([]byte, error) {
	return pKPNFT.abi.Pack("renounceOwnership")
}

// PackRootKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6be71094.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rootKeys() view returns(address)
func (pKPNFT *PKPNFT) PackRootKeys() []byte {
	enc, err := pKPNFT.abi.Pack("rootKeys")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRootKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6be71094.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rootKeys() view returns(address)
func (pKPNFT *PKPNFT) TryPackRootKeys() ([]byte, error) {
	return pKPNFT.abi.Pack("rootKeys")
}

// UnpackRootKeys is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6be71094.
//
// Solidity: function rootKeys() view returns(address)
func (pKPNFT *PKPNFT) UnpackRootKeys(data []byte) (common.Address, error) {
	out, err := pKPNFT.abi.Unpack("rootKeys", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (pKPNFT *PKPNFT) PackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := pKPNFT.abi.Pack("safeTransferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (pKPNFT *PKPNFT) TryPackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return pKPNFT.abi.Pack("safeTransferFrom", from, to, tokenId)
}

// PackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (pKPNFT *PKPNFT) PackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) []byte {
	enc, err := pKPNFT.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (pKPNFT *PKPNFT) TryPackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) ([]byte, error) {
	return pKPNFT.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
}

// PackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (pKPNFT *PKPNFT) PackSetApprovalForAll(operator common.Address, approved bool) []byte {
	enc, err := pKPNFT.abi.Pack("setApprovalForAll", operator, approved)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (pKPNFT *PKPNFT) TryPackSetApprovalForAll(operator common.Address, approved bool) ([]byte, error) {
	return pKPNFT.abi.Pack("setApprovalForAll", operator, approved)
}

// PackSetHelper is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x986ccc7f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setHelper(address helper_) returns()
func (pKPNFT *PKPNFT) PackSetHelper(helper common.Address) []byte {
	enc, err := pKPNFT.abi.Pack("setHelper", helper)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetHelper is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x986ccc7f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setHelper(address helper_) returns()
func (pKPNFT *PKPNFT) TryPackSetHelper(helper common.Address) ([]byte, error) {
	return pKPNFT.abi.Pack("setHelper", helper)
}

// PackSetPermissions is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x456d28d9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setPermissions(address permissions_) returns()
func (pKPNFT *PKPNFT) PackSetPermissions(permissions common.Address) []byte {
	enc, err := pKPNFT.abi.Pack("setPermissions", permissions)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetPermissions is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x456d28d9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setPermissions(address permissions_) returns()
func (pKPNFT *PKPNFT) TryPackSetPermissions(permissions common.Address) ([]byte, error) {
	return pKPNFT.abi.Pack("setPermissions", permissions)
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (pKPNFT *PKPNFT) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := pKPNFT.abi.Pack("supportsInterface", interfaceId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (pKPNFT *PKPNFT) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return pKPNFT.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (pKPNFT *PKPNFT) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := pKPNFT.abi.Unpack("supportsInterface", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (pKPNFT *PKPNFT) PackSymbol() []byte {
	enc, err := pKPNFT.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (pKPNFT *PKPNFT) TryPackSymbol() ([]byte, error) {
	return pKPNFT.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (pKPNFT *PKPNFT) UnpackSymbol(data []byte) (string, error) {
	out, err := pKPNFT.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (pKPNFT *PKPNFT) PackTokenURI(tokenId *big.Int) []byte {
	enc, err := pKPNFT.abi.Pack("tokenURI", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (pKPNFT *PKPNFT) TryPackTokenURI(tokenId *big.Int) ([]byte, error) {
	return pKPNFT.abi.Pack("tokenURI", tokenId)
}

// UnpackTokenURI is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (pKPNFT *PKPNFT) UnpackTokenURI(data []byte) (string, error) {
	out, err := pKPNFT.abi.Unpack("tokenURI", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (pKPNFT *PKPNFT) PackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := pKPNFT.abi.Pack("transferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (pKPNFT *PKPNFT) TryPackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return pKPNFT.abi.Pack("transferFrom", from, to, tokenId)
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (pKPNFT *PKPNFT) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := pKPNFT.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (pKPNFT *PKPNFT) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return pKPNFT.abi.Pack("transferOwnership", newOwner)
}

// PKPNFTApproval represents a Approval event raised by the PKPNFT contract.
type PKPNFTApproval struct {
	Owner    common.Address
	Approved common.Address
	TokenId  *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const PKPNFTApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (PKPNFTApproval) ContractEventName() string {
	return PKPNFTApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (pKPNFT *PKPNFT) UnpackApprovalEvent(log *types.Log) (*PKPNFTApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 || log.Topics[0] != pKPNFT.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPNFTApproval)
	if len(log.Data) > 0 {
		if err := pKPNFT.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPNFT.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PKPNFTApprovalForAll represents a ApprovalForAll event raised by the PKPNFT contract.
type PKPNFTApprovalForAll struct {
	Owner    common.Address
	Operator common.Address
	Approved bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const PKPNFTApprovalForAllEventName = "ApprovalForAll"

// ContractEventName returns the user-defined event name.
func (PKPNFTApprovalForAll) ContractEventName() string {
	return PKPNFTApprovalForAllEventName
}

// UnpackApprovalForAllEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (pKPNFT *PKPNFT) UnpackApprovalForAllEvent(log *types.Log) (*PKPNFTApprovalForAll, error) {
	event := "ApprovalForAll"
	if len(log.Topics) == 0 || log.Topics[0] != pKPNFT.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPNFTApprovalForAll)
	if len(log.Data) > 0 {
		if err := pKPNFT.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPNFT.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PKPNFTHelperSet represents a HelperSet event raised by the PKPNFT contract.
type PKPNFTHelperSet struct {
	Helper common.Address
	Raw    *types.Log // Blockchain specific contextual infos
}

const PKPNFTHelperSetEventName = "HelperSet"

// ContractEventName returns the user-defined event name.
func (PKPNFTHelperSet) ContractEventName() string {
	return PKPNFTHelperSetEventName
}

// UnpackHelperSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event HelperSet(address helper)
func (pKPNFT *PKPNFT) UnpackHelperSetEvent(log *types.Log) (*PKPNFTHelperSet, error) {
	event := "HelperSet"
	if len(log.Topics) == 0 || log.Topics[0] != pKPNFT.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPNFTHelperSet)
	if len(log.Data) > 0 {
		if err := pKPNFT.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPNFT.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PKPNFTOwnershipTransferred represents a OwnershipTransferred event raised by the PKPNFT contract.
type PKPNFTOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const PKPNFTOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (PKPNFTOwnershipTransferred) ContractEventName() string {
	return PKPNFTOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (pKPNFT *PKPNFT) UnpackOwnershipTransferredEvent(log *types.Log) (*PKPNFTOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 || log.Topics[0] != pKPNFT.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPNFTOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := pKPNFT.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPNFT.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PKPNFTPKPMinted represents a PKPMinted event raised by the PKPNFT contract.
type PKPNFTPKPMinted struct {
	TokenId *big.Int
	KeyId   [32]byte
	Minter  common.Address
	Pubkey  []byte
	Raw     *types.Log // Blockchain specific contextual infos
}

const PKPNFTPKPMintedEventName = "PKPMinted"

// ContractEventName returns the user-defined event name.
func (PKPNFTPKPMinted) ContractEventName() string {
	return PKPNFTPKPMintedEventName
}

// UnpackPKPMintedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PKPMinted(uint256 indexed tokenId, bytes32 indexed keyId, address indexed minter, bytes pubkey)
func (pKPNFT *PKPNFT) UnpackPKPMintedEvent(log *types.Log) (*PKPNFTPKPMinted, error) {
	event := "PKPMinted"
	if len(log.Topics) == 0 || log.Topics[0] != pKPNFT.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPNFTPKPMinted)
	if len(log.Data) > 0 {
		if err := pKPNFT.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPNFT.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PKPNFTPermissionsSet represents a PermissionsSet event raised by the PKPNFT contract.
type PKPNFTPermissionsSet struct {
	Permissions common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const PKPNFTPermissionsSetEventName = "PermissionsSet"

// ContractEventName returns the user-defined event name.
func (PKPNFTPermissionsSet) ContractEventName() string {
	return PKPNFTPermissionsSetEventName
}

// UnpackPermissionsSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PermissionsSet(address permissions)
func (pKPNFT *PKPNFT) UnpackPermissionsSetEvent(log *types.Log) (*PKPNFTPermissionsSet, error) {
	event := "PermissionsSet"
	if len(log.Topics) == 0 || log.Topics[0] != pKPNFT.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPNFTPermissionsSet)
	if len(log.Data) > 0 {
		if err := pKPNFT.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPNFT.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// PKPNFTTransfer represents a Transfer event raised by the PKPNFT contract.
type PKPNFTTransfer struct {
	From    common.Address
	To      common.Address
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const PKPNFTTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (PKPNFTTransfer) ContractEventName() string {
	return PKPNFTTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (pKPNFT *PKPNFT) UnpackTransferEvent(log *types.Log) (*PKPNFTTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 || log.Topics[0] != pKPNFT.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPNFTTransfer)
	if len(log.Data) > 0 {
		if err := pKPNFT.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPNFT.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (pKPNFT *PKPNFT) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["BadPubkey"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackBadPubkeyError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["ERC721IncorrectOwner"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackERC721IncorrectOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["ERC721InsufficientApproval"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackERC721InsufficientApprovalError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["ERC721InvalidApprover"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackERC721InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["ERC721InvalidOperator"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackERC721InvalidOperatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["ERC721InvalidOwner"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackERC721InvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["ERC721InvalidReceiver"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackERC721InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["ERC721InvalidSender"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackERC721InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["ERC721NonexistentToken"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackERC721NonexistentTokenError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["HelperAlreadySet"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackHelperAlreadySetError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["NoRootKey"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackNoRootKeyError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["NotHelper"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackNotHelperError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["PermissionsAlreadySet"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackPermissionsAlreadySetError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["PermissionsNotSet"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackPermissionsNotSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["TokenAlreadyMinted"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackTokenAlreadyMintedError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["UnknownKeyType"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackUnknownKeyTypeError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["WrongDerivedKey"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackWrongDerivedKeyError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// PKPNFTBadPubkey represents a BadPubkey error raised by the PKPNFT contract.
type PKPNFTBadPubkey struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadPubkey()
func PKPNFTBadPubkeyErrorID() common.Hash {
	return common.HexToHash("0x0eb5b421232152981af50fcd456e959723eeb8aa665c034798252450810cd4f0")
}

// UnpackBadPubkeyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadPubkey()
func (pKPNFT *PKPNFT) UnpackBadPubkeyError(raw []byte) (*PKPNFTBadPubkey, error) {
	out := new(PKPNFTBadPubkey)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "BadPubkey", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTERC721IncorrectOwner represents a ERC721IncorrectOwner error raised by the PKPNFT contract.
type PKPNFTERC721IncorrectOwner struct {
	Sender  common.Address
	TokenId *big.Int
	Owner   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func PKPNFTERC721IncorrectOwnerErrorID() common.Hash {
	return common.HexToHash("0x64283d7b313c8117c125f736876fa2b4e90ea3831a4716dfdb87d2f540e26289")
}

// UnpackERC721IncorrectOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func (pKPNFT *PKPNFT) UnpackERC721IncorrectOwnerError(raw []byte) (*PKPNFTERC721IncorrectOwner, error) {
	out := new(PKPNFTERC721IncorrectOwner)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "ERC721IncorrectOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTERC721InsufficientApproval represents a ERC721InsufficientApproval error raised by the PKPNFT contract.
type PKPNFTERC721InsufficientApproval struct {
	Operator common.Address
	TokenId  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func PKPNFTERC721InsufficientApprovalErrorID() common.Hash {
	return common.HexToHash("0x177e802f6f313bc89797ecace66d6d29ab4719cbaaacbb87367264048b1eb861")
}

// UnpackERC721InsufficientApprovalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func (pKPNFT *PKPNFT) UnpackERC721InsufficientApprovalError(raw []byte) (*PKPNFTERC721InsufficientApproval, error) {
	out := new(PKPNFTERC721InsufficientApproval)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "ERC721InsufficientApproval", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTERC721InvalidApprover represents a ERC721InvalidApprover error raised by the PKPNFT contract.
type PKPNFTERC721InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidApprover(address approver)
func PKPNFTERC721InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xa9fbf51f86b8e03595d59dc726bb10c329bb24f62589be276d8dd193ca0b69ea")
}

// UnpackERC721InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidApprover(address approver)
func (pKPNFT *PKPNFT) UnpackERC721InvalidApproverError(raw []byte) (*PKPNFTERC721InvalidApprover, error) {
	out := new(PKPNFTERC721InvalidApprover)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "ERC721InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTERC721InvalidOperator represents a ERC721InvalidOperator error raised by the PKPNFT contract.
type PKPNFTERC721InvalidOperator struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOperator(address operator)
func PKPNFTERC721InvalidOperatorErrorID() common.Hash {
	return common.HexToHash("0x5b08ba185e8f577075361f3a3555a6580a227ce22734dcc979c1aeadf894658b")
}

// UnpackERC721InvalidOperatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOperator(address operator)
func (pKPNFT *PKPNFT) UnpackERC721InvalidOperatorError(raw []byte) (*PKPNFTERC721InvalidOperator, error) {
	out := new(PKPNFTERC721InvalidOperator)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "ERC721InvalidOperator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTERC721InvalidOwner represents a ERC721InvalidOwner error raised by the PKPNFT contract.
type PKPNFTERC721InvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOwner(address owner)
func PKPNFTERC721InvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x89c62b6479af2e623826dcc39c5133061d35b66d72de92833401dd2fd6567480")
}

// UnpackERC721InvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOwner(address owner)
func (pKPNFT *PKPNFT) UnpackERC721InvalidOwnerError(raw []byte) (*PKPNFTERC721InvalidOwner, error) {
	out := new(PKPNFTERC721InvalidOwner)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "ERC721InvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTERC721InvalidReceiver represents a ERC721InvalidReceiver error raised by the PKPNFT contract.
type PKPNFTERC721InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func PKPNFTERC721InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0x64a0ae9278f805eaf991dcd18ca78756d280b7508b764ef1b255c55845c11df9")
}

// UnpackERC721InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func (pKPNFT *PKPNFT) UnpackERC721InvalidReceiverError(raw []byte) (*PKPNFTERC721InvalidReceiver, error) {
	out := new(PKPNFTERC721InvalidReceiver)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "ERC721InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTERC721InvalidSender represents a ERC721InvalidSender error raised by the PKPNFT contract.
type PKPNFTERC721InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidSender(address sender)
func PKPNFTERC721InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x73c6ac6e10798e95d99e1f130d923eb40193ecb8d094ec3dce93292564eb3b17")
}

// UnpackERC721InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidSender(address sender)
func (pKPNFT *PKPNFT) UnpackERC721InvalidSenderError(raw []byte) (*PKPNFTERC721InvalidSender, error) {
	out := new(PKPNFTERC721InvalidSender)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "ERC721InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTERC721NonexistentToken represents a ERC721NonexistentToken error raised by the PKPNFT contract.
type PKPNFTERC721NonexistentToken struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func PKPNFTERC721NonexistentTokenErrorID() common.Hash {
	return common.HexToHash("0x7e273289a3a9ef6670f06df7dca227856fc925e956db96980692764a8bc734d7")
}

// UnpackERC721NonexistentTokenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func (pKPNFT *PKPNFT) UnpackERC721NonexistentTokenError(raw []byte) (*PKPNFTERC721NonexistentToken, error) {
	out := new(PKPNFTERC721NonexistentToken)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "ERC721NonexistentToken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTHelperAlreadySet represents a HelperAlreadySet error raised by the PKPNFT contract.
type PKPNFTHelperAlreadySet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error HelperAlreadySet()
func PKPNFTHelperAlreadySetErrorID() common.Hash {
	return common.HexToHash("0x9e9767d2eafe8939916b168639d3cab9139f1a317d927613d3cecf93473915c6")
}

// UnpackHelperAlreadySetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error HelperAlreadySet()
func (pKPNFT *PKPNFT) UnpackHelperAlreadySetError(raw []byte) (*PKPNFTHelperAlreadySet, error) {
	out := new(PKPNFTHelperAlreadySet)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "HelperAlreadySet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTNoRootKey represents a NoRootKey error raised by the PKPNFT contract.
type PKPNFTNoRootKey struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoRootKey()
func PKPNFTNoRootKeyErrorID() common.Hash {
	return common.HexToHash("0x7b591698019bc8af0c2658ed280e795259e557a7b89ced80c88478d936402195")
}

// UnpackNoRootKeyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoRootKey()
func (pKPNFT *PKPNFT) UnpackNoRootKeyError(raw []byte) (*PKPNFTNoRootKey, error) {
	out := new(PKPNFTNoRootKey)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "NoRootKey", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTNotHelper represents a NotHelper error raised by the PKPNFT contract.
type PKPNFTNotHelper struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotHelper(address caller)
func PKPNFTNotHelperErrorID() common.Hash {
	return common.HexToHash("0x2e80075c5a5a545b9bd6a641a2b6757c318e0f81e33c48dcb894c6157c3c065e")
}

// UnpackNotHelperError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotHelper(address caller)
func (pKPNFT *PKPNFT) UnpackNotHelperError(raw []byte) (*PKPNFTNotHelper, error) {
	out := new(PKPNFTNotHelper)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "NotHelper", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the PKPNFT contract.
type PKPNFTOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func PKPNFTOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (pKPNFT *PKPNFT) UnpackOwnableInvalidOwnerError(raw []byte) (*PKPNFTOwnableInvalidOwner, error) {
	out := new(PKPNFTOwnableInvalidOwner)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the PKPNFT contract.
type PKPNFTOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func PKPNFTOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (pKPNFT *PKPNFT) UnpackOwnableUnauthorizedAccountError(raw []byte) (*PKPNFTOwnableUnauthorizedAccount, error) {
	out := new(PKPNFTOwnableUnauthorizedAccount)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTPermissionsAlreadySet represents a PermissionsAlreadySet error raised by the PKPNFT contract.
type PKPNFTPermissionsAlreadySet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PermissionsAlreadySet()
func PKPNFTPermissionsAlreadySetErrorID() common.Hash {
	return common.HexToHash("0x1195b546d1760e913fdd25c9c76f6ca9bf3cd707c122ac61e7c7d82dfdc8cc42")
}

// UnpackPermissionsAlreadySetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PermissionsAlreadySet()
func (pKPNFT *PKPNFT) UnpackPermissionsAlreadySetError(raw []byte) (*PKPNFTPermissionsAlreadySet, error) {
	out := new(PKPNFTPermissionsAlreadySet)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "PermissionsAlreadySet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTPermissionsNotSet represents a PermissionsNotSet error raised by the PKPNFT contract.
type PKPNFTPermissionsNotSet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PermissionsNotSet()
func PKPNFTPermissionsNotSetErrorID() common.Hash {
	return common.HexToHash("0xee4347c9d9c50ab54fc3fd8c7b5603f26c87ba1345493099b525e7bcb4f2562a")
}

// UnpackPermissionsNotSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PermissionsNotSet()
func (pKPNFT *PKPNFT) UnpackPermissionsNotSetError(raw []byte) (*PKPNFTPermissionsNotSet, error) {
	out := new(PKPNFTPermissionsNotSet)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "PermissionsNotSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTTokenAlreadyMinted represents a TokenAlreadyMinted error raised by the PKPNFT contract.
type PKPNFTTokenAlreadyMinted struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TokenAlreadyMinted(uint256 tokenId)
func PKPNFTTokenAlreadyMintedErrorID() common.Hash {
	return common.HexToHash("0x8b474e5419ba706edbf29d2c45dff9e4de03a2ed78e638fa0e8ed97b554b0875")
}

// UnpackTokenAlreadyMintedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TokenAlreadyMinted(uint256 tokenId)
func (pKPNFT *PKPNFT) UnpackTokenAlreadyMintedError(raw []byte) (*PKPNFTTokenAlreadyMinted, error) {
	out := new(PKPNFTTokenAlreadyMinted)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "TokenAlreadyMinted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTUnknownKeyType represents a UnknownKeyType error raised by the PKPNFT contract.
type PKPNFTUnknownKeyType struct {
	KeyType *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownKeyType(uint256 keyType)
func PKPNFTUnknownKeyTypeErrorID() common.Hash {
	return common.HexToHash("0xdee54f17a89b70f4a561663dab85dd906ed7832c024c9d99b7e021508f25a2d1")
}

// UnpackUnknownKeyTypeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownKeyType(uint256 keyType)
func (pKPNFT *PKPNFT) UnpackUnknownKeyTypeError(raw []byte) (*PKPNFTUnknownKeyType, error) {
	out := new(PKPNFTUnknownKeyType)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "UnknownKeyType", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPNFTWrongDerivedKey represents a WrongDerivedKey error raised by the PKPNFT contract.
type PKPNFTWrongDerivedKey struct {
	KeyId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongDerivedKey(bytes32 keyId)
func PKPNFTWrongDerivedKeyErrorID() common.Hash {
	return common.HexToHash("0x87f9987c3f4a9a981ac419dff5925badffd39a2119a90d58f1dd5113511a4546")
}

// UnpackWrongDerivedKeyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongDerivedKey(bytes32 keyId)
func (pKPNFT *PKPNFT) UnpackWrongDerivedKeyError(raw []byte) (*PKPNFTWrongDerivedKey, error) {
	out := new(PKPNFTWrongDerivedKey)
	if err := pKPNFT.abi.UnpackIntoInterface(out, "WrongDerivedKey", raw); err != nil {
		return nil, err
	}
	return out, nil
}
