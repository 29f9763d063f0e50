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

// DemoERC721MetaData contains all meta data concerning the DemoERC721 contract.
var DemoERC721MetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721IncorrectOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721InsufficientApproval\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC721InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721NonexistentToken\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"approved\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"ApprovalForAll\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getApproved\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isApprovedForAll\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"mint\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextTokenId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ownerOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"setApprovalForAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"tokenURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "DemoERC721",
	Bin: "0x60806040526001600755348015610014575f5ffd5b5060405161136838038061136883398101604081905261003391610127565b806040518060400160405280601081526020016f1b1a5d1b595cda0819195b5bc813919560821b81525060405180604001604052806005815260200164131113919560da1b815250815f908161008991906101f7565b50600161009682826101f7565b5050506001600160a01b0381166100c657604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b6100cf816100d6565b50506102b5565b600680546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b5f60208284031215610137575f5ffd5b81516001600160a01b038116811461014d575f5ffd5b9392505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061017c57607f821691505b60208210810361019a57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156101f257828211156101f257805f5260205f20601f840160051c60208510156101cb57505f5b90810190601f840160051c035f5b818110156101ee575f838201556001016101d9565b5050505b505050565b81516001600160401b0381111561021057610210610154565b6102248161021e8454610168565b846101a0565b6020601f821160018114610256575f831561023f5750848201515b5f19600385901b1c1916600184901b1784556102ae565b5f84815260208120601f198516915b828110156102855787850151825560209485019460019092019101610265565b50848210156102a257868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b6110a6806102c25f395ff3fe608060405234801561000f575f5ffd5b5060043610610111575f3560e01c8063715018a61161009e578063a22cb4651161006e578063a22cb46514610229578063b88d4fde1461023c578063c87b56dd1461024f578063e985e9c514610262578063f2fde38b14610275575f5ffd5b8063715018a6146101ff57806375794a3c146102075780638da5cb5b1461021057806395d89b4114610221575f5ffd5b806323b872dd116100e457806323b872dd1461019257806342842e0e146101a55780636352211e146101b85780636a627842146101cb57806370a08231146101ec575f5ffd5b806301ffc9a71461011557806306fdde031461013d578063081812fc14610152578063095ea7b31461017d575b5f5ffd5b610128610123366004610d34565b610288565b60405190151581526020015b60405180910390f35b6101456102d9565b6040516101349190610d7d565b610165610160366004610d8f565b610368565b6040516001600160a01b039091168152602001610134565b61019061018b366004610dbc565b61038f565b005b6101906101a0366004610de4565b61039e565b6101906101b3366004610de4565b61042c565b6101656101c6366004610d8f565b61044b565b6101de6101d9366004610e1e565b610455565b604051908152602001610134565b6101de6101fa366004610e1e565b610482565b6101906104c7565b6101de60075481565b6006546001600160a01b0316610165565b6101456104da565b610190610237366004610e37565b6104e9565b61019061024a366004610e84565b6104f4565b61014561025d366004610d8f565b61050c565b610128610270366004610f61565b61057d565b610190610283366004610e1e565b6105aa565b5f6001600160e01b031982166380ac58cd60e01b14806102b857506001600160e01b03198216635b5e139f60e01b145b806102d357506301ffc9a760e01b6001600160e01b03198316145b92915050565b60605f80546102e790610f92565b80601f016020809104026020016040519081016040528092919081815260200182805461031390610f92565b801561035e5780601f106103355761010080835404028352916020019161035e565b820191905f5260205f20905b81548152906001019060200180831161034157829003601f168201915b5050505050905090565b5f610372826105e7565b505f828152600460205260409020546001600160a01b03166102d3565b61039a82823361061f565b5050565b6001600160a01b0382166103cc57604051633250574960e11b81525f60048201526024015b60405180910390fd5b5f6103d883833361062c565b9050836001600160a01b0316816001600160a01b031614610426576040516364283d7b60e01b81526001600160a01b03808616600483015260248201849052821660448201526064016103c3565b50505050565b61044683838360405180602001604052805f8152506104f4565b505050565b5f6102d3826105e7565b5f61045e61071e565b60078054905f61046d83610fca565b91905055905061047d828261074b565b919050565b5f6001600160a01b0382166104ac576040516322718ad960e21b81525f60048201526024016103c3565b506001600160a01b03165f9081526003602052604090205490565b6104cf61071e565b6104d85f6107ac565b565b6060600180546102e790610f92565b61039a3383836107fd565b6104ff84848461039e565b61042633858585856108c4565b6060610517826105e7565b505f61052d60408051602081019091525f815290565b90505f81511161054b5760405180602001604052805f815250610576565b80610555846109ec565b604051602001610566929190611005565b6040516020818303038152906040525b9392505050565b6001600160a01b039182165f90815260056020908152604080832093909416825291909152205460ff1690565b6105b261071e565b6001600160a01b0381166105db57604051631e4fbdf760e01b81525f60048201526024016103c3565b6105e4816107ac565b50565b5f818152600260205260408120546001600160a01b0316806102d357604051637e27328960e01b8152600481018490526024016103c3565b6104468383836001610a7c565b5f828152600260205260408120546001600160a01b039081169083161561065857610658818486610b80565b6001600160a01b03811615610692576106735f855f5f610a7c565b6001600160a01b0381165f90815260036020526040902080545f190190555b6001600160a01b038516156106c0576001600160a01b0385165f908152600360205260409020805460010190555b5f8481526002602052604080822080546001600160a01b0319166001600160a01b0389811691821790925591518793918516917fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef91a4949350505050565b6006546001600160a01b031633146104d85760405163118cdaa760e01b81523360048201526024016103c3565b6001600160a01b03821661077457604051633250574960e11b81525f60048201526024016103c3565b5f61078083835f61062c565b90506001600160a01b03811615610446576040516339e3563760e11b81525f60048201526024016103c3565b600680546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b6001600160a01b0383166108265760405163a9fbf51f60e01b81525f60048201526024016103c3565b6001600160a01b03821661085857604051630b61174360e31b81526001600160a01b03831660048201526024016103c3565b6001600160a01b038381165f81815260056020908152604080832094871680845294825291829020805460ff191686151590811790915591519182527f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31910160405180910390a3505050565b6001600160a01b0383163b156109e557604051630a85bd0160e11b81526001600160a01b0384169063150b7a0290610906908890889087908790600401611019565b6020604051808303815f875af1925050508015610940575060408051601f3d908101601f1916820190925261093d91810190611055565b60015b6109a7573d80801561096d576040519150601f19603f3d011682016040523d82523d5f602084013e610972565b606091505b5080515f0361099f57604051633250574960e11b81526001600160a01b03851660048201526024016103c3565b805160208201fd5b6001600160e01b03198116630a85bd0160e11b146109e357604051633250574960e11b81526001600160a01b03851660048201526024016103c3565b505b5050505050565b60605f6109f883610be4565b60010190505f8167ffffffffffffffff811115610a1757610a17610e70565b6040519080825280601f01601f191660200182016040528015610a41576020820181803683370190505b5090508181016020015b5f19016f181899199a1a9b1b9c1cb0b131b232b360811b600a86061a8153600a8504945084610a4b57509392505050565b8080610a9057506001600160a01b03821615155b15610b51575f610a9f846105e7565b90506001600160a01b03831615801590610acb5750826001600160a01b0316816001600160a01b031614155b8015610ade5750610adc818461057d565b155b15610b075760405163a9fbf51f60e01b81526001600160a01b03841660048201526024016103c3565b8115610b4f5783856001600160a01b0316826001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92560405160405180910390a45b505b50505f90815260046020526040902080546001600160a01b0319166001600160a01b0392909216919091179055565b610b8b838383610cbb565b610446576001600160a01b038316610bb957604051637e27328960e01b8152600481018290526024016103c3565b60405163177e802f60e01b81526001600160a01b0383166004820152602481018290526044016103c3565b5f8072184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b8310610c225772184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b830492506040015b6d04ee2d6d415b85acef81000000008310610c4e576d04ee2d6d415b85acef8100000000830492506020015b662386f26fc100008310610c6c57662386f26fc10000830492506010015b6305f5e1008310610c84576305f5e100830492506008015b6127108310610c9857612710830492506004015b60648310610caa576064830492506002015b600a83106102d35760010192915050565b5f6001600160a01b03831615801590610d175750826001600160a01b0316846001600160a01b03161480610cf45750610cf4848461057d565b80610d1757505f828152600460205260409020546001600160a01b038481169116145b949350505050565b6001600160e01b0319811681146105e4575f5ffd5b5f60208284031215610d44575f5ffd5b813561057681610d1f565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6105766020830184610d4f565b5f60208284031215610d9f575f5ffd5b5035919050565b80356001600160a01b038116811461047d575f5ffd5b5f5f60408385031215610dcd575f5ffd5b610dd683610da6565b946020939093013593505050565b5f5f5f60608486031215610df6575f5ffd5b610dff84610da6565b9250610e0d60208501610da6565b929592945050506040919091013590565b5f60208284031215610e2e575f5ffd5b61057682610da6565b5f5f60408385031215610e48575f5ffd5b610e5183610da6565b915060208301358015158114610e65575f5ffd5b809150509250929050565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f60808587031215610e97575f5ffd5b610ea085610da6565b9350610eae60208601610da6565b925060408501359150606085013567ffffffffffffffff811115610ed0575f5ffd5b8501601f81018713610ee0575f5ffd5b803567ffffffffffffffff811115610efa57610efa610e70565b604051601f8201601f19908116603f0116810167ffffffffffffffff81118282101715610f2957610f29610e70565b604052818152828201602001891015610f40575f5ffd5b816020840160208301375f6020838301015280935050505092959194509250565b5f5f60408385031215610f72575f5ffd5b610f7b83610da6565b9150610f8960208401610da6565b90509250929050565b600181811c90821680610fa657607f821691505b602082108103610fc457634e487b7160e01b5f52602260045260245ffd5b50919050565b5f60018201610fe757634e487b7160e01b5f52601160045260245ffd5b5060010190565b5f81518060208401855e5f93019283525090919050565b5f610d176110138386610fee565b84610fee565b6001600160a01b03858116825284166020820152604081018390526080606082018190525f9061104b90830184610d4f565b9695505050505050565b5f60208284031215611065575f5ffd5b815161057681610d1f56fea2646970667358221220dfa314e6c47a63613c21c83eb2fdc60d67f30530a69383102777c9a1688e6dbb64736f6c63430008250033",
}

// DemoERC721 is an auto generated Go binding around an Ethereum contract.
type DemoERC721 struct {
	abi abi.ABI
}

// NewDemoERC721 creates a new instance of DemoERC721.
func NewDemoERC721() *DemoERC721 {
	parsed, err := DemoERC721MetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &DemoERC721{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *DemoERC721) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address admin) returns()
func (demoERC721 *DemoERC721) PackConstructor(admin common.Address) []byte {
	enc, err := demoERC721.abi.Pack("", admin)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (demoERC721 *DemoERC721) PackApprove(to common.Address, tokenId *big.Int) []byte {
	enc, err := demoERC721.abi.Pack("approve", to, tokenId)
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
func (demoERC721 *DemoERC721) TryPackApprove(to common.Address, tokenId *big.Int) ([]byte, error) {
	return demoERC721.abi.Pack("approve", to, tokenId)
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (demoERC721 *DemoERC721) PackBalanceOf(owner common.Address) []byte {
	enc, err := demoERC721.abi.Pack("balanceOf", owner)
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
func (demoERC721 *DemoERC721) TryPackBalanceOf(owner common.Address) ([]byte, error) {
	return demoERC721.abi.Pack("balanceOf", owner)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (demoERC721 *DemoERC721) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := demoERC721.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (demoERC721 *DemoERC721) PackGetApproved(tokenId *big.Int) []byte {
	enc, err := demoERC721.abi.Pack("getApproved", tokenId)
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
func (demoERC721 *DemoERC721) TryPackGetApproved(tokenId *big.Int) ([]byte, error) {
	return demoERC721.abi.Pack("getApproved", tokenId)
}

// UnpackGetApproved is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (demoERC721 *DemoERC721) UnpackGetApproved(data []byte) (common.Address, error) {
	out, err := demoERC721.abi.Unpack("getApproved", data)
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
func (demoERC721 *DemoERC721) PackIsApprovedForAll(owner common.Address, operator common.Address) []byte {
	enc, err := demoERC721.abi.Pack("isApprovedForAll", owner, operator)
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
func (demoERC721 *DemoERC721) TryPackIsApprovedForAll(owner common.Address, operator common.Address) ([]byte, error) {
	return demoERC721.abi.Pack("isApprovedForAll", owner, operator)
}

// UnpackIsApprovedForAll is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (demoERC721 *DemoERC721) UnpackIsApprovedForAll(data []byte) (bool, error) {
	out, err := demoERC721.abi.Unpack("isApprovedForAll", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6a627842.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to) returns(uint256 tokenId)
func (demoERC721 *DemoERC721) PackMint(to common.Address) []byte {
	enc, err := demoERC721.abi.Pack("mint", to)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6a627842.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(address to) returns(uint256 tokenId)
func (demoERC721 *DemoERC721) TryPackMint(to common.Address) ([]byte, error) {
	return demoERC721.abi.Pack("mint", to)
}

// UnpackMint is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6a627842.
//
// Solidity: function mint(address to) returns(uint256 tokenId)
func (demoERC721 *DemoERC721) UnpackMint(data []byte) (*big.Int, error) {
	out, err := demoERC721.abi.Unpack("mint", data)
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
func (demoERC721 *DemoERC721) PackName() []byte {
	enc, err := demoERC721.abi.Pack("name")
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
func (demoERC721 *DemoERC721) TryPackName() ([]byte, error) {
	return demoERC721.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (demoERC721 *DemoERC721) UnpackName(data []byte) (string, error) {
	out, err := demoERC721.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackNextTokenId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x75794a3c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nextTokenId() view returns(uint256)
func (demoERC721 *DemoERC721) PackNextTokenId() []byte {
	enc, err := demoERC721.abi.Pack("nextTokenId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNextTokenId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x75794a3c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nextTokenId() view returns(uint256)
func (demoERC721 *DemoERC721) TryPackNextTokenId() ([]byte, error) {
	return demoERC721.abi.Pack("nextTokenId")
}

// UnpackNextTokenId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x75794a3c.
//
// Solidity: function nextTokenId() view returns(uint256)
func (demoERC721 *DemoERC721) UnpackNextTokenId(data []byte) (*big.Int, error) {
	out, err := demoERC721.abi.Unpack("nextTokenId", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (demoERC721 *DemoERC721) PackOwner() []byte {
	enc, err := demoERC721.abi.Pack("owner")
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
func (demoERC721 *DemoERC721) TryPackOwner() ([]byte, error) {
	return demoERC721.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (demoERC721 *DemoERC721) UnpackOwner(data []byte) (common.Address, error) {
	out, err := demoERC721.abi.Unpack("owner", data)
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
func (demoERC721 *DemoERC721) PackOwnerOf(tokenId *big.Int) []byte {
	enc, err := demoERC721.abi.Pack("ownerOf", tokenId)
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
func (demoERC721 *DemoERC721) TryPackOwnerOf(tokenId *big.Int) ([]byte, error) {
	return demoERC721.abi.Pack("ownerOf", tokenId)
}

// UnpackOwnerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (demoERC721 *DemoERC721) UnpackOwnerOf(data []byte) (common.Address, error) {
	out, err := demoERC721.abi.Unpack("ownerOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (demoERC721 *DemoERC721) PackRenounceOwnership() []byte {
	enc, err := demoERC721.abi.Pack("renounceOwnership")
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
func (demoERC721 *DemoERC721) TryPackRenounceOwnership() ([]byte, error) {
	return demoERC721.abi.Pack("renounceOwnership")
}

// PackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (demoERC721 *DemoERC721) PackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := demoERC721.abi.Pack("safeTransferFrom", from, to, tokenId)
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
func (demoERC721 *DemoERC721) TryPackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return demoERC721.abi.Pack("safeTransferFrom", from, to, tokenId)
}

// PackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (demoERC721 *DemoERC721) PackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) []byte {
	enc, err := demoERC721.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
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
func (demoERC721 *DemoERC721) TryPackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) ([]byte, error) {
	return demoERC721.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
}

// PackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (demoERC721 *DemoERC721) PackSetApprovalForAll(operator common.Address, approved bool) []byte {
	enc, err := demoERC721.abi.Pack("setApprovalForAll", operator, approved)
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
func (demoERC721 *DemoERC721) TryPackSetApprovalForAll(operator common.Address, approved bool) ([]byte, error) {
	return demoERC721.abi.Pack("setApprovalForAll", operator, approved)
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (demoERC721 *DemoERC721) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := demoERC721.abi.Pack("supportsInterface", interfaceId)
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
func (demoERC721 *DemoERC721) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return demoERC721.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (demoERC721 *DemoERC721) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := demoERC721.abi.Unpack("supportsInterface", data)
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
func (demoERC721 *DemoERC721) PackSymbol() []byte {
	enc, err := demoERC721.abi.Pack("symbol")
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
func (demoERC721 *DemoERC721) TryPackSymbol() ([]byte, error) {
	return demoERC721.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (demoERC721 *DemoERC721) UnpackSymbol(data []byte) (string, error) {
	out, err := demoERC721.abi.Unpack("symbol", data)
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
func (demoERC721 *DemoERC721) PackTokenURI(tokenId *big.Int) []byte {
	enc, err := demoERC721.abi.Pack("tokenURI", tokenId)
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
func (demoERC721 *DemoERC721) TryPackTokenURI(tokenId *big.Int) ([]byte, error) {
	return demoERC721.abi.Pack("tokenURI", tokenId)
}

// UnpackTokenURI is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (demoERC721 *DemoERC721) UnpackTokenURI(data []byte) (string, error) {
	out, err := demoERC721.abi.Unpack("tokenURI", data)
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
func (demoERC721 *DemoERC721) PackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := demoERC721.abi.Pack("transferFrom", from, to, tokenId)
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
func (demoERC721 *DemoERC721) TryPackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return demoERC721.abi.Pack("transferFrom", from, to, tokenId)
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (demoERC721 *DemoERC721) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := demoERC721.abi.Pack("transferOwnership", newOwner)
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
func (demoERC721 *DemoERC721) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return demoERC721.abi.Pack("transferOwnership", newOwner)
}

// DemoERC721Approval represents a Approval event raised by the DemoERC721 contract.
type DemoERC721Approval struct {
	Owner    common.Address
	Approved common.Address
	TokenId  *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const DemoERC721ApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (DemoERC721Approval) ContractEventName() string {
	return DemoERC721ApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (demoERC721 *DemoERC721) UnpackApprovalEvent(log *types.Log) (*DemoERC721Approval, error) {
	event := "Approval"
	if len(log.Topics) == 0 || log.Topics[0] != demoERC721.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(DemoERC721Approval)
	if len(log.Data) > 0 {
		if err := demoERC721.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range demoERC721.abi.Events[event].Inputs {
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

// DemoERC721ApprovalForAll represents a ApprovalForAll event raised by the DemoERC721 contract.
type DemoERC721ApprovalForAll struct {
	Owner    common.Address
	Operator common.Address
	Approved bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const DemoERC721ApprovalForAllEventName = "ApprovalForAll"

// ContractEventName returns the user-defined event name.
func (DemoERC721ApprovalForAll) ContractEventName() string {
	return DemoERC721ApprovalForAllEventName
}

// UnpackApprovalForAllEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (demoERC721 *DemoERC721) UnpackApprovalForAllEvent(log *types.Log) (*DemoERC721ApprovalForAll, error) {
	event := "ApprovalForAll"
	if len(log.Topics) == 0 || log.Topics[0] != demoERC721.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(DemoERC721ApprovalForAll)
	if len(log.Data) > 0 {
		if err := demoERC721.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range demoERC721.abi.Events[event].Inputs {
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

// DemoERC721OwnershipTransferred represents a OwnershipTransferred event raised by the DemoERC721 contract.
type DemoERC721OwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const DemoERC721OwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (DemoERC721OwnershipTransferred) ContractEventName() string {
	return DemoERC721OwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (demoERC721 *DemoERC721) UnpackOwnershipTransferredEvent(log *types.Log) (*DemoERC721OwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 || log.Topics[0] != demoERC721.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(DemoERC721OwnershipTransferred)
	if len(log.Data) > 0 {
		if err := demoERC721.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range demoERC721.abi.Events[event].Inputs {
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

// DemoERC721Transfer represents a Transfer event raised by the DemoERC721 contract.
type DemoERC721Transfer struct {
	From    common.Address
	To      common.Address
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const DemoERC721TransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (DemoERC721Transfer) ContractEventName() string {
	return DemoERC721TransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (demoERC721 *DemoERC721) UnpackTransferEvent(log *types.Log) (*DemoERC721Transfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 || log.Topics[0] != demoERC721.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(DemoERC721Transfer)
	if len(log.Data) > 0 {
		if err := demoERC721.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range demoERC721.abi.Events[event].Inputs {
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
func (demoERC721 *DemoERC721) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], demoERC721.abi.Errors["ERC721IncorrectOwner"].ID.Bytes()[:4]) {
		return demoERC721.UnpackERC721IncorrectOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC721.abi.Errors["ERC721InsufficientApproval"].ID.Bytes()[:4]) {
		return demoERC721.UnpackERC721InsufficientApprovalError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC721.abi.Errors["ERC721InvalidApprover"].ID.Bytes()[:4]) {
		return demoERC721.UnpackERC721InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC721.abi.Errors["ERC721InvalidOperator"].ID.Bytes()[:4]) {
		return demoERC721.UnpackERC721InvalidOperatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC721.abi.Errors["ERC721InvalidOwner"].ID.Bytes()[:4]) {
		return demoERC721.UnpackERC721InvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC721.abi.Errors["ERC721InvalidReceiver"].ID.Bytes()[:4]) {
		return demoERC721.UnpackERC721InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC721.abi.Errors["ERC721InvalidSender"].ID.Bytes()[:4]) {
		return demoERC721.UnpackERC721InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC721.abi.Errors["ERC721NonexistentToken"].ID.Bytes()[:4]) {
		return demoERC721.UnpackERC721NonexistentTokenError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC721.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return demoERC721.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC721.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return demoERC721.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// DemoERC721ERC721IncorrectOwner represents a ERC721IncorrectOwner error raised by the DemoERC721 contract.
type DemoERC721ERC721IncorrectOwner struct {
	Sender  common.Address
	TokenId *big.Int
	Owner   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func DemoERC721ERC721IncorrectOwnerErrorID() common.Hash {
	return common.HexToHash("0x64283d7b313c8117c125f736876fa2b4e90ea3831a4716dfdb87d2f540e26289")
}

// UnpackERC721IncorrectOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func (demoERC721 *DemoERC721) UnpackERC721IncorrectOwnerError(raw []byte) (*DemoERC721ERC721IncorrectOwner, error) {
	out := new(DemoERC721ERC721IncorrectOwner)
	if err := demoERC721.abi.UnpackIntoInterface(out, "ERC721IncorrectOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC721ERC721InsufficientApproval represents a ERC721InsufficientApproval error raised by the DemoERC721 contract.
type DemoERC721ERC721InsufficientApproval struct {
	Operator common.Address
	TokenId  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func DemoERC721ERC721InsufficientApprovalErrorID() common.Hash {
	return common.HexToHash("0x177e802f6f313bc89797ecace66d6d29ab4719cbaaacbb87367264048b1eb861")
}

// UnpackERC721InsufficientApprovalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func (demoERC721 *DemoERC721) UnpackERC721InsufficientApprovalError(raw []byte) (*DemoERC721ERC721InsufficientApproval, error) {
	out := new(DemoERC721ERC721InsufficientApproval)
	if err := demoERC721.abi.UnpackIntoInterface(out, "ERC721InsufficientApproval", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC721ERC721InvalidApprover represents a ERC721InvalidApprover error raised by the DemoERC721 contract.
type DemoERC721ERC721InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidApprover(address approver)
func DemoERC721ERC721InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xa9fbf51f86b8e03595d59dc726bb10c329bb24f62589be276d8dd193ca0b69ea")
}

// UnpackERC721InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidApprover(address approver)
func (demoERC721 *DemoERC721) UnpackERC721InvalidApproverError(raw []byte) (*DemoERC721ERC721InvalidApprover, error) {
	out := new(DemoERC721ERC721InvalidApprover)
	if err := demoERC721.abi.UnpackIntoInterface(out, "ERC721InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC721ERC721InvalidOperator represents a ERC721InvalidOperator error raised by the DemoERC721 contract.
type DemoERC721ERC721InvalidOperator struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOperator(address operator)
func DemoERC721ERC721InvalidOperatorErrorID() common.Hash {
	return common.HexToHash("0x5b08ba185e8f577075361f3a3555a6580a227ce22734dcc979c1aeadf894658b")
}

// UnpackERC721InvalidOperatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOperator(address operator)
func (demoERC721 *DemoERC721) UnpackERC721InvalidOperatorError(raw []byte) (*DemoERC721ERC721InvalidOperator, error) {
	out := new(DemoERC721ERC721InvalidOperator)
	if err := demoERC721.abi.UnpackIntoInterface(out, "ERC721InvalidOperator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC721ERC721InvalidOwner represents a ERC721InvalidOwner error raised by the DemoERC721 contract.
type DemoERC721ERC721InvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOwner(address owner)
func DemoERC721ERC721InvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x89c62b6479af2e623826dcc39c5133061d35b66d72de92833401dd2fd6567480")
}

// UnpackERC721InvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOwner(address owner)
func (demoERC721 *DemoERC721) UnpackERC721InvalidOwnerError(raw []byte) (*DemoERC721ERC721InvalidOwner, error) {
	out := new(DemoERC721ERC721InvalidOwner)
	if err := demoERC721.abi.UnpackIntoInterface(out, "ERC721InvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC721ERC721InvalidReceiver represents a ERC721InvalidReceiver error raised by the DemoERC721 contract.
type DemoERC721ERC721InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func DemoERC721ERC721InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0x64a0ae9278f805eaf991dcd18ca78756d280b7508b764ef1b255c55845c11df9")
}

// UnpackERC721InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func (demoERC721 *DemoERC721) UnpackERC721InvalidReceiverError(raw []byte) (*DemoERC721ERC721InvalidReceiver, error) {
	out := new(DemoERC721ERC721InvalidReceiver)
	if err := demoERC721.abi.UnpackIntoInterface(out, "ERC721InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC721ERC721InvalidSender represents a ERC721InvalidSender error raised by the DemoERC721 contract.
type DemoERC721ERC721InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidSender(address sender)
func DemoERC721ERC721InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x73c6ac6e10798e95d99e1f130d923eb40193ecb8d094ec3dce93292564eb3b17")
}

// UnpackERC721InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidSender(address sender)
func (demoERC721 *DemoERC721) UnpackERC721InvalidSenderError(raw []byte) (*DemoERC721ERC721InvalidSender, error) {
	out := new(DemoERC721ERC721InvalidSender)
	if err := demoERC721.abi.UnpackIntoInterface(out, "ERC721InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC721ERC721NonexistentToken represents a ERC721NonexistentToken error raised by the DemoERC721 contract.
type DemoERC721ERC721NonexistentToken struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func DemoERC721ERC721NonexistentTokenErrorID() common.Hash {
	return common.HexToHash("0x7e273289a3a9ef6670f06df7dca227856fc925e956db96980692764a8bc734d7")
}

// UnpackERC721NonexistentTokenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func (demoERC721 *DemoERC721) UnpackERC721NonexistentTokenError(raw []byte) (*DemoERC721ERC721NonexistentToken, error) {
	out := new(DemoERC721ERC721NonexistentToken)
	if err := demoERC721.abi.UnpackIntoInterface(out, "ERC721NonexistentToken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC721OwnableInvalidOwner represents a OwnableInvalidOwner error raised by the DemoERC721 contract.
type DemoERC721OwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func DemoERC721OwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (demoERC721 *DemoERC721) UnpackOwnableInvalidOwnerError(raw []byte) (*DemoERC721OwnableInvalidOwner, error) {
	out := new(DemoERC721OwnableInvalidOwner)
	if err := demoERC721.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC721OwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the DemoERC721 contract.
type DemoERC721OwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func DemoERC721OwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (demoERC721 *DemoERC721) UnpackOwnableUnauthorizedAccountError(raw []byte) (*DemoERC721OwnableUnauthorizedAccount, error) {
	out := new(DemoERC721OwnableUnauthorizedAccount)
	if err := demoERC721.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
