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

// DemoERC1155MetaData contains all meta data concerning the DemoERC1155 contract.
var DemoERC1155MetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC1155InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC1155InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"idsLength\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"valuesLength\",\"type\":\"uint256\"}],\"name\":\"ERC1155InvalidArrayLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ERC1155InvalidOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC1155InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC1155InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC1155MissingApprovalForAll\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"ApprovalForAll\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"ids\",\"type\":\"uint256[]\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"}],\"name\":\"TransferBatch\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"TransferSingle\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"string\",\"name\":\"value\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"URI\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"accounts\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"ids\",\"type\":\"uint256[]\"}],\"name\":\"balanceOfBatch\",\"outputs\":[{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isApprovedForAll\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256[]\",\"name\":\"ids\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeBatchTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"setApprovalForAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"uri\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "DemoERC1155",
	Bin: "0x608060405234801561000f575f5ffd5b506040516114e13803806114e183398101604081905261002e916100e6565b60408051602081019091525f8152819061004781610085565b506001600160a01b03811661007557604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b61007e81610095565b5050610274565b600261009182826101b6565b5050565b600380546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b5f602082840312156100f6575f5ffd5b81516001600160a01b038116811461010c575f5ffd5b9392505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061013b57607f821691505b60208210810361015957634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156101b157828211156101b157805f5260205f20601f840160051c602085101561018a57505f5b90810190601f840160051c035f5b818110156101ad575f83820155600101610198565b5050505b505050565b81516001600160401b038111156101cf576101cf610113565b6101e3816101dd8454610127565b8461015f565b6020601f821160018114610215575f83156101fe5750848201515b5f19600385901b1c1916600184901b17845561026d565b5f84815260208120601f198516915b828110156102445787850151825560209485019460019092019101610224565b508482101561026157868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b611260806102815f395ff3fe608060405234801561000f575f5ffd5b50600436106100b0575f3560e01c8063715018a61161006e578063715018a6146101655780638da5cb5b1461016d578063a22cb46514610188578063e985e9c51461019b578063f242432a146101d6578063f2fde38b146101e9575f5ffd5b8062fdd58e146100b457806301ffc9a7146100da5780630e89341c146100fd578063156e29f61461011d5780632eb2c2d6146101325780634e1273f414610145575b5f5ffd5b6100c76100c2366004610c1d565b6101fc565b6040519081526020015b60405180910390f35b6100ed6100e8366004610c5a565b610223565b60405190151581526020016100d1565b61011061010b366004610c7c565b610272565b6040516100d19190610cc1565b61013061012b366004610cd3565b610304565b005b610130610140366004610e41565b61032b565b610158610153366004610ef0565b61034a565b6040516100d19190610fed565b61013061041a565b6003546040516001600160a01b0390911681526020016100d1565b610130610196366004610fff565b61042d565b6100ed6101a9366004611038565b6001600160a01b039182165f90815260016020908152604080832093909416825291909152205460ff1690565b6101306101e4366004611069565b61043c565b6101306101f73660046110bd565b610452565b5f818152602081815260408083206001600160a01b03861684529091529020545b92915050565b5f6001600160e01b03198216636cdb3d1360e11b148061025357506001600160e01b031982166303a24d0760e21b145b8061021d57506301ffc9a760e01b6001600160e01b031983161461021d565b606060028054610281906110d6565b80601f01602080910402602001604051908101604052809291908181526020018280546102ad906110d6565b80156102f85780601f106102cf576101008083540402835291602001916102f8565b820191905f5260205f20905b8154815290600101906020018083116102db57829003601f168201915b50505050509050919050565b61030c61048f565b61032683838360405180602001604052805f8152506104bc565b505050565b610336335b86610520565b6103438585858585610598565b5050505050565b606081518351146103805781518351604051635b05999160e01b8152600481019290925260248201526044015b60405180910390fd5b5f835167ffffffffffffffff81111561039b5761039b610d03565b6040519080825280602002602001820160405280156103c4578160200160208202803683370190505b5090505f5b8451811015610412576020808202860101516103ed906020808402870101516101fc565b8282815181106103ff576103ff61110e565b60209081029190910101526001016103c9565b509392505050565b61042261048f565b61042b5f6105f8565b565b610438338383610649565b5050565b61044533610330565b6103438585858585610706565b61045a61048f565b6001600160a01b03811661048357604051631e4fbdf760e01b81525f6004820152602401610377565b61048c816105f8565b50565b6003546001600160a01b0316331461042b5760405163118cdaa760e01b8152336004820152602401610377565b6001600160a01b0384166104e557604051632bfa23e760e11b81525f6004820152602401610377565b604080516001808252602082018690528183019081526060820185905260808201909252906105185f8784848784610793565b505050505050565b816001600160a01b0316816001600160a01b03161415801561056757506001600160a01b038082165f9081526001602090815260408083209386168352929052205460ff16155b156104385760405163711bec9160e11b81526001600160a01b03808416600483015282166024820152604401610377565b6001600160a01b0384166105c157604051632bfa23e760e11b81525f6004820152602401610377565b6001600160a01b0385166105e957604051626a0d4560e21b81525f6004820152602401610377565b61034385858585856001610793565b600380546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b6001600160a01b03831661067257604051631f18c42760e11b81525f6004820152602401610377565b6001600160a01b03821661069a5760405162ced3e160e81b81525f6004820152602401610377565b6001600160a01b038381165f81815260016020908152604080832094871680845294825291829020805460ff191686151590811790915591519182527f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31910160405180910390a3505050565b6001600160a01b03841661072f57604051632bfa23e760e11b81525f6004820152602401610377565b6001600160a01b03851661075757604051626a0d4560e21b81525f6004820152602401610377565b6040805160018082526020820186905281830190815260608201859052608082019092529061078a87878484875f610793565b50505050505050565b61079f868686866107eb565b6001600160a01b03851615610518573381156107c8576107c38188888888886109fa565b61078a565b602085810151908501516107e0838a8a85858a610b1b565b505050505050505050565b805182511461081a5781518151604051635b05999160e01b815260048101929092526024820152604401610377565b335f5b835181101561091c576020818102858101820151908501909101516001600160a01b038816156108ce575f828152602081815260408083206001600160a01b038c168452909152902054818110156108a8576040516303dee4c560e01b81526001600160a01b038a166004820152602481018290526044810183905260648101849052608401610377565b5f838152602081815260408083206001600160a01b038d16845290915290209082900390555b6001600160a01b03871615610912575f828152602081815260408083206001600160a01b038b1684529091528120805483929061090c908490611122565b90915550505b505060010161081d565b50825160010361099c5760208301515f906020840151909150856001600160a01b0316876001600160a01b0316846001600160a01b03167fc3d58168c5ae7397731d063d5bbf3d657854427343f4c083240f7aacaa2d0f62858560405161098d929190918252602082015260400190565b60405180910390a45050610343565b836001600160a01b0316856001600160a01b0316826001600160a01b03167f4a39dc06d4c0dbc64b70af90fd698a233a518aa5d07e595d983b8c0526c8f7fb86866040516109eb929190611141565b60405180910390a45050505050565b6001600160a01b0384163b156105185760405163bc197c8160e01b81526001600160a01b0385169063bc197c8190610a3e908990899088908890889060040161116e565b6020604051808303815f875af1925050508015610a78575060408051601f3d908101601f19168201909252610a75918101906111cb565b60015b610adf573d808015610aa5576040519150601f19603f3d011682016040523d82523d5f602084013e610aaa565b606091505b5080515f03610ad757604051632bfa23e760e11b81526001600160a01b0386166004820152602401610377565b805160208201fd5b6001600160e01b0319811663bc197c8160e01b1461078a57604051632bfa23e760e11b81526001600160a01b0386166004820152602401610377565b6001600160a01b0384163b156105185760405163f23a6e6160e01b81526001600160a01b0385169063f23a6e6190610b5f90899089908890889088906004016111e6565b6020604051808303815f875af1925050508015610b99575060408051601f3d908101601f19168201909252610b96918101906111cb565b60015b610bc6573d808015610aa5576040519150601f19603f3d011682016040523d82523d5f602084013e610aaa565b6001600160e01b0319811663f23a6e6160e01b1461078a57604051632bfa23e760e11b81526001600160a01b0386166004820152602401610377565b80356001600160a01b0381168114610c18575f5ffd5b919050565b5f5f60408385031215610c2e575f5ffd5b610c3783610c02565b946020939093013593505050565b6001600160e01b03198116811461048c575f5ffd5b5f60208284031215610c6a575f5ffd5b8135610c7581610c45565b9392505050565b5f60208284031215610c8c575f5ffd5b5035919050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f610c756020830184610c93565b5f5f5f60608486031215610ce5575f5ffd5b610cee84610c02565b95602085013595506040909401359392505050565b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f1916810167ffffffffffffffff81118282101715610d4057610d40610d03565b604052919050565b5f67ffffffffffffffff821115610d6157610d61610d03565b5060051b60200190565b5f82601f830112610d7a575f5ffd5b8135610d8d610d8882610d48565b610d17565b8082825260208201915060208360051b860101925085831115610dae575f5ffd5b602085015b83811015610dcb578035835260209283019201610db3565b5095945050505050565b5f82601f830112610de4575f5ffd5b813567ffffffffffffffff811115610dfe57610dfe610d03565b610e11601f8201601f1916602001610d17565b818152846020838601011115610e25575f5ffd5b816020850160208301375f918101602001919091529392505050565b5f5f5f5f5f60a08688031215610e55575f5ffd5b610e5e86610c02565b9450610e6c60208701610c02565b9350604086013567ffffffffffffffff811115610e87575f5ffd5b610e9388828901610d6b565b935050606086013567ffffffffffffffff811115610eaf575f5ffd5b610ebb88828901610d6b565b925050608086013567ffffffffffffffff811115610ed7575f5ffd5b610ee388828901610dd5565b9150509295509295909350565b5f5f60408385031215610f01575f5ffd5b823567ffffffffffffffff811115610f17575f5ffd5b8301601f81018513610f27575f5ffd5b8035610f35610d8882610d48565b8082825260208201915060208360051b850101925087831115610f56575f5ffd5b6020840193505b82841015610f7f57610f6e84610c02565b825260209384019390910190610f5d565b9450505050602083013567ffffffffffffffff811115610f9d575f5ffd5b610fa985828601610d6b565b9150509250929050565b5f8151808452602084019350602083015f5b82811015610fe3578151865260209586019590910190600101610fc5565b5093949350505050565b602081525f610c756020830184610fb3565b5f5f60408385031215611010575f5ffd5b61101983610c02565b91506020830135801515811461102d575f5ffd5b809150509250929050565b5f5f60408385031215611049575f5ffd5b61105283610c02565b915061106060208401610c02565b90509250929050565b5f5f5f5f5f60a0868803121561107d575f5ffd5b61108686610c02565b945061109460208701610c02565b93506040860135925060608601359150608086013567ffffffffffffffff811115610ed7575f5ffd5b5f602082840312156110cd575f5ffd5b610c7582610c02565b600181811c908216806110ea57607f821691505b60208210810361110857634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52603260045260245ffd5b8082018082111561021d57634e487b7160e01b5f52601160045260245ffd5b604081525f6111536040830185610fb3565b82810360208401526111658185610fb3565b95945050505050565b6001600160a01b0386811682528516602082015260a0604082018190525f9061119990830186610fb3565b82810360608401526111ab8186610fb3565b905082810360808401526111bf8185610c93565b98975050505050505050565b5f602082840312156111db575f5ffd5b8151610c7581610c45565b6001600160a01b03868116825285166020820152604081018490526060810183905260a0608082018190525f9061121f90830184610c93565b97965050505050505056fea2646970667358221220432d06926993bbdb1d87b3800faf6e95b4831f86a83ee6e03d5297013e054f1e64736f6c63430008250033",
}

// DemoERC1155 is an auto generated Go binding around an Ethereum contract.
type DemoERC1155 struct {
	abi abi.ABI
}

// NewDemoERC1155 creates a new instance of DemoERC1155.
func NewDemoERC1155() *DemoERC1155 {
	parsed, err := DemoERC1155MetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &DemoERC1155{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *DemoERC1155) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address admin) returns()
func (demoERC1155 *DemoERC1155) PackConstructor(admin common.Address) []byte {
	enc, err := demoERC1155.abi.Pack("", admin)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x00fdd58e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account, uint256 id) view returns(uint256)
func (demoERC1155 *DemoERC1155) PackBalanceOf(account common.Address, id *big.Int) []byte {
	enc, err := demoERC1155.abi.Pack("balanceOf", account, id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x00fdd58e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account, uint256 id) view returns(uint256)
func (demoERC1155 *DemoERC1155) TryPackBalanceOf(account common.Address, id *big.Int) ([]byte, error) {
	return demoERC1155.abi.Pack("balanceOf", account, id)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x00fdd58e.
//
// Solidity: function balanceOf(address account, uint256 id) view returns(uint256)
func (demoERC1155 *DemoERC1155) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := demoERC1155.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBalanceOfBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e1273f4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOfBatch(address[] accounts, uint256[] ids) view returns(uint256[])
func (demoERC1155 *DemoERC1155) PackBalanceOfBatch(accounts []common.Address, ids []*big.Int) []byte {
	enc, err := demoERC1155.abi.Pack("balanceOfBatch", accounts, ids)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOfBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e1273f4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOfBatch(address[] accounts, uint256[] ids) view returns(uint256[])
func (demoERC1155 *DemoERC1155) TryPackBalanceOfBatch(accounts []common.Address, ids []*big.Int) ([]byte, error) {
	return demoERC1155.abi.Pack("balanceOfBatch", accounts, ids)
}

// UnpackBalanceOfBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4e1273f4.
//
// Solidity: function balanceOfBatch(address[] accounts, uint256[] ids) view returns(uint256[])
func (demoERC1155 *DemoERC1155) UnpackBalanceOfBatch(data []byte) ([]*big.Int, error) {
	out, err := demoERC1155.abi.Unpack("balanceOfBatch", data)
	if err != nil {
		return *new([]*big.Int), err
	}
	out0 := *abi.ConvertType(out[0], new([]*big.Int)).(*[]*big.Int)
	return out0, nil
}

// PackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isApprovedForAll(address account, address operator) view returns(bool)
func (demoERC1155 *DemoERC1155) PackIsApprovedForAll(account common.Address, operator common.Address) []byte {
	enc, err := demoERC1155.abi.Pack("isApprovedForAll", account, operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isApprovedForAll(address account, address operator) view returns(bool)
func (demoERC1155 *DemoERC1155) TryPackIsApprovedForAll(account common.Address, operator common.Address) ([]byte, error) {
	return demoERC1155.abi.Pack("isApprovedForAll", account, operator)
}

// UnpackIsApprovedForAll is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address account, address operator) view returns(bool)
func (demoERC1155 *DemoERC1155) UnpackIsApprovedForAll(data []byte) (bool, error) {
	out, err := demoERC1155.abi.Unpack("isApprovedForAll", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x156e29f6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to, uint256 id, uint256 amount) returns()
func (demoERC1155 *DemoERC1155) PackMint(to common.Address, id *big.Int, amount *big.Int) []byte {
	enc, err := demoERC1155.abi.Pack("mint", to, id, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x156e29f6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(address to, uint256 id, uint256 amount) returns()
func (demoERC1155 *DemoERC1155) TryPackMint(to common.Address, id *big.Int, amount *big.Int) ([]byte, error) {
	return demoERC1155.abi.Pack("mint", to, id, amount)
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (demoERC1155 *DemoERC1155) PackOwner() []byte {
	enc, err := demoERC1155.abi.Pack("owner")
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
func (demoERC1155 *DemoERC1155) TryPackOwner() ([]byte, error) {
	return demoERC1155.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (demoERC1155 *DemoERC1155) UnpackOwner(data []byte) (common.Address, error) {
	out, err := demoERC1155.abi.Unpack("owner", data)
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
func (demoERC1155 *DemoERC1155) PackRenounceOwnership() []byte {
	enc, err := demoERC1155.abi.Pack("renounceOwnership")
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
func (demoERC1155 *DemoERC1155) TryPackRenounceOwnership() ([]byte, error) {
	return demoERC1155.abi.Pack("renounceOwnership")
}

// PackSafeBatchTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2eb2c2d6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeBatchTransferFrom(address from, address to, uint256[] ids, uint256[] values, bytes data) returns()
func (demoERC1155 *DemoERC1155) PackSafeBatchTransferFrom(from common.Address, to common.Address, ids []*big.Int, values []*big.Int, data []byte) []byte {
	enc, err := demoERC1155.abi.Pack("safeBatchTransferFrom", from, to, ids, values, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeBatchTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2eb2c2d6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeBatchTransferFrom(address from, address to, uint256[] ids, uint256[] values, bytes data) returns()
func (demoERC1155 *DemoERC1155) TryPackSafeBatchTransferFrom(from common.Address, to common.Address, ids []*big.Int, values []*big.Int, data []byte) ([]byte, error) {
	return demoERC1155.abi.Pack("safeBatchTransferFrom", from, to, ids, values, data)
}

// PackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf242432a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes data) returns()
func (demoERC1155 *DemoERC1155) PackSafeTransferFrom(from common.Address, to common.Address, id *big.Int, value *big.Int, data []byte) []byte {
	enc, err := demoERC1155.abi.Pack("safeTransferFrom", from, to, id, value, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf242432a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes data) returns()
func (demoERC1155 *DemoERC1155) TryPackSafeTransferFrom(from common.Address, to common.Address, id *big.Int, value *big.Int, data []byte) ([]byte, error) {
	return demoERC1155.abi.Pack("safeTransferFrom", from, to, id, value, data)
}

// PackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (demoERC1155 *DemoERC1155) PackSetApprovalForAll(operator common.Address, approved bool) []byte {
	enc, err := demoERC1155.abi.Pack("setApprovalForAll", operator, approved)
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
func (demoERC1155 *DemoERC1155) TryPackSetApprovalForAll(operator common.Address, approved bool) ([]byte, error) {
	return demoERC1155.abi.Pack("setApprovalForAll", operator, approved)
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (demoERC1155 *DemoERC1155) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := demoERC1155.abi.Pack("supportsInterface", interfaceId)
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
func (demoERC1155 *DemoERC1155) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return demoERC1155.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (demoERC1155 *DemoERC1155) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := demoERC1155.abi.Unpack("supportsInterface", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (demoERC1155 *DemoERC1155) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := demoERC1155.abi.Pack("transferOwnership", newOwner)
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
func (demoERC1155 *DemoERC1155) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return demoERC1155.abi.Pack("transferOwnership", newOwner)
}

// PackUri is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0e89341c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function uri(uint256 ) view returns(string)
func (demoERC1155 *DemoERC1155) PackUri(arg0 *big.Int) []byte {
	enc, err := demoERC1155.abi.Pack("uri", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUri is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0e89341c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function uri(uint256 ) view returns(string)
func (demoERC1155 *DemoERC1155) TryPackUri(arg0 *big.Int) ([]byte, error) {
	return demoERC1155.abi.Pack("uri", arg0)
}

// UnpackUri is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0e89341c.
//
// Solidity: function uri(uint256 ) view returns(string)
func (demoERC1155 *DemoERC1155) UnpackUri(data []byte) (string, error) {
	out, err := demoERC1155.abi.Unpack("uri", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// DemoERC1155ApprovalForAll represents a ApprovalForAll event raised by the DemoERC1155 contract.
type DemoERC1155ApprovalForAll struct {
	Account  common.Address
	Operator common.Address
	Approved bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const DemoERC1155ApprovalForAllEventName = "ApprovalForAll"

// ContractEventName returns the user-defined event name.
func (DemoERC1155ApprovalForAll) ContractEventName() string {
	return DemoERC1155ApprovalForAllEventName
}

// UnpackApprovalForAllEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ApprovalForAll(address indexed account, address indexed operator, bool approved)
func (demoERC1155 *DemoERC1155) UnpackApprovalForAllEvent(log *types.Log) (*DemoERC1155ApprovalForAll, error) {
	event := "ApprovalForAll"
	if len(log.Topics) == 0 || log.Topics[0] != demoERC1155.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(DemoERC1155ApprovalForAll)
	if len(log.Data) > 0 {
		if err := demoERC1155.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range demoERC1155.abi.Events[event].Inputs {
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

// DemoERC1155OwnershipTransferred represents a OwnershipTransferred event raised by the DemoERC1155 contract.
type DemoERC1155OwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const DemoERC1155OwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (DemoERC1155OwnershipTransferred) ContractEventName() string {
	return DemoERC1155OwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (demoERC1155 *DemoERC1155) UnpackOwnershipTransferredEvent(log *types.Log) (*DemoERC1155OwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 || log.Topics[0] != demoERC1155.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(DemoERC1155OwnershipTransferred)
	if len(log.Data) > 0 {
		if err := demoERC1155.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range demoERC1155.abi.Events[event].Inputs {
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

// DemoERC1155TransferBatch represents a TransferBatch event raised by the DemoERC1155 contract.
type DemoERC1155TransferBatch struct {
	Operator common.Address
	From     common.Address
	To       common.Address
	Ids      []*big.Int
	Values   []*big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const DemoERC1155TransferBatchEventName = "TransferBatch"

// ContractEventName returns the user-defined event name.
func (DemoERC1155TransferBatch) ContractEventName() string {
	return DemoERC1155TransferBatchEventName
}

// UnpackTransferBatchEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TransferBatch(address indexed operator, address indexed from, address indexed to, uint256[] ids, uint256[] values)
func (demoERC1155 *DemoERC1155) UnpackTransferBatchEvent(log *types.Log) (*DemoERC1155TransferBatch, error) {
	event := "TransferBatch"
	if len(log.Topics) == 0 || log.Topics[0] != demoERC1155.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(DemoERC1155TransferBatch)
	if len(log.Data) > 0 {
		if err := demoERC1155.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range demoERC1155.abi.Events[event].Inputs {
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

// DemoERC1155TransferSingle represents a TransferSingle event raised by the DemoERC1155 contract.
type DemoERC1155TransferSingle struct {
	Operator common.Address
	From     common.Address
	To       common.Address
	Id       *big.Int
	Value    *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const DemoERC1155TransferSingleEventName = "TransferSingle"

// ContractEventName returns the user-defined event name.
func (DemoERC1155TransferSingle) ContractEventName() string {
	return DemoERC1155TransferSingleEventName
}

// UnpackTransferSingleEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value)
func (demoERC1155 *DemoERC1155) UnpackTransferSingleEvent(log *types.Log) (*DemoERC1155TransferSingle, error) {
	event := "TransferSingle"
	if len(log.Topics) == 0 || log.Topics[0] != demoERC1155.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(DemoERC1155TransferSingle)
	if len(log.Data) > 0 {
		if err := demoERC1155.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range demoERC1155.abi.Events[event].Inputs {
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

// DemoERC1155URI represents a URI event raised by the DemoERC1155 contract.
type DemoERC1155URI struct {
	Value string
	Id    *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const DemoERC1155URIEventName = "URI"

// ContractEventName returns the user-defined event name.
func (DemoERC1155URI) ContractEventName() string {
	return DemoERC1155URIEventName
}

// UnpackURIEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event URI(string value, uint256 indexed id)
func (demoERC1155 *DemoERC1155) UnpackURIEvent(log *types.Log) (*DemoERC1155URI, error) {
	event := "URI"
	if len(log.Topics) == 0 || log.Topics[0] != demoERC1155.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(DemoERC1155URI)
	if len(log.Data) > 0 {
		if err := demoERC1155.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range demoERC1155.abi.Events[event].Inputs {
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
func (demoERC1155 *DemoERC1155) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], demoERC1155.abi.Errors["ERC1155InsufficientBalance"].ID.Bytes()[:4]) {
		return demoERC1155.UnpackERC1155InsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC1155.abi.Errors["ERC1155InvalidApprover"].ID.Bytes()[:4]) {
		return demoERC1155.UnpackERC1155InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC1155.abi.Errors["ERC1155InvalidArrayLength"].ID.Bytes()[:4]) {
		return demoERC1155.UnpackERC1155InvalidArrayLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC1155.abi.Errors["ERC1155InvalidOperator"].ID.Bytes()[:4]) {
		return demoERC1155.UnpackERC1155InvalidOperatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC1155.abi.Errors["ERC1155InvalidReceiver"].ID.Bytes()[:4]) {
		return demoERC1155.UnpackERC1155InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC1155.abi.Errors["ERC1155InvalidSender"].ID.Bytes()[:4]) {
		return demoERC1155.UnpackERC1155InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC1155.abi.Errors["ERC1155MissingApprovalForAll"].ID.Bytes()[:4]) {
		return demoERC1155.UnpackERC1155MissingApprovalForAllError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC1155.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return demoERC1155.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], demoERC1155.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return demoERC1155.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// DemoERC1155ERC1155InsufficientBalance represents a ERC1155InsufficientBalance error raised by the DemoERC1155 contract.
type DemoERC1155ERC1155InsufficientBalance struct {
	Sender  common.Address
	Balance *big.Int
	Needed  *big.Int
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC1155InsufficientBalance(address sender, uint256 balance, uint256 needed, uint256 tokenId)
func DemoERC1155ERC1155InsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0x03dee4c573c982787b5f3537d6323ffaca9d864448aa6bd828ada9e5d0837036")
}

// UnpackERC1155InsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC1155InsufficientBalance(address sender, uint256 balance, uint256 needed, uint256 tokenId)
func (demoERC1155 *DemoERC1155) UnpackERC1155InsufficientBalanceError(raw []byte) (*DemoERC1155ERC1155InsufficientBalance, error) {
	out := new(DemoERC1155ERC1155InsufficientBalance)
	if err := demoERC1155.abi.UnpackIntoInterface(out, "ERC1155InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC1155ERC1155InvalidApprover represents a ERC1155InvalidApprover error raised by the DemoERC1155 contract.
type DemoERC1155ERC1155InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC1155InvalidApprover(address approver)
func DemoERC1155ERC1155InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0x3e31884e33c33ce0039d1905e3c252950ae3b95240f36d4fff81f5ff6752ef99")
}

// UnpackERC1155InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC1155InvalidApprover(address approver)
func (demoERC1155 *DemoERC1155) UnpackERC1155InvalidApproverError(raw []byte) (*DemoERC1155ERC1155InvalidApprover, error) {
	out := new(DemoERC1155ERC1155InvalidApprover)
	if err := demoERC1155.abi.UnpackIntoInterface(out, "ERC1155InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC1155ERC1155InvalidArrayLength represents a ERC1155InvalidArrayLength error raised by the DemoERC1155 contract.
type DemoERC1155ERC1155InvalidArrayLength struct {
	IdsLength    *big.Int
	ValuesLength *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC1155InvalidArrayLength(uint256 idsLength, uint256 valuesLength)
func DemoERC1155ERC1155InvalidArrayLengthErrorID() common.Hash {
	return common.HexToHash("0x5b0599913619cfa5633692652638ed25cafcd079c9beae8c251b12c23dcc83f2")
}

// UnpackERC1155InvalidArrayLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC1155InvalidArrayLength(uint256 idsLength, uint256 valuesLength)
func (demoERC1155 *DemoERC1155) UnpackERC1155InvalidArrayLengthError(raw []byte) (*DemoERC1155ERC1155InvalidArrayLength, error) {
	out := new(DemoERC1155ERC1155InvalidArrayLength)
	if err := demoERC1155.abi.UnpackIntoInterface(out, "ERC1155InvalidArrayLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC1155ERC1155InvalidOperator represents a ERC1155InvalidOperator error raised by the DemoERC1155 contract.
type DemoERC1155ERC1155InvalidOperator struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC1155InvalidOperator(address operator)
func DemoERC1155ERC1155InvalidOperatorErrorID() common.Hash {
	return common.HexToHash("0xced3e10010b9d2aa24827119d0db4a8feec73aea48b4b3e470d8a9f3ff723569")
}

// UnpackERC1155InvalidOperatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC1155InvalidOperator(address operator)
func (demoERC1155 *DemoERC1155) UnpackERC1155InvalidOperatorError(raw []byte) (*DemoERC1155ERC1155InvalidOperator, error) {
	out := new(DemoERC1155ERC1155InvalidOperator)
	if err := demoERC1155.abi.UnpackIntoInterface(out, "ERC1155InvalidOperator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC1155ERC1155InvalidReceiver represents a ERC1155InvalidReceiver error raised by the DemoERC1155 contract.
type DemoERC1155ERC1155InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC1155InvalidReceiver(address receiver)
func DemoERC1155ERC1155InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0x57f447ceed621d9e134e26de5772c88799abb7322ce2a87f95dce247d47105c6")
}

// UnpackERC1155InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC1155InvalidReceiver(address receiver)
func (demoERC1155 *DemoERC1155) UnpackERC1155InvalidReceiverError(raw []byte) (*DemoERC1155ERC1155InvalidReceiver, error) {
	out := new(DemoERC1155ERC1155InvalidReceiver)
	if err := demoERC1155.abi.UnpackIntoInterface(out, "ERC1155InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC1155ERC1155InvalidSender represents a ERC1155InvalidSender error raised by the DemoERC1155 contract.
type DemoERC1155ERC1155InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC1155InvalidSender(address sender)
func DemoERC1155ERC1155InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x01a83514e94b34009110b75cac6742ba33bd7c62f18a3616bafea52855d3b175")
}

// UnpackERC1155InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC1155InvalidSender(address sender)
func (demoERC1155 *DemoERC1155) UnpackERC1155InvalidSenderError(raw []byte) (*DemoERC1155ERC1155InvalidSender, error) {
	out := new(DemoERC1155ERC1155InvalidSender)
	if err := demoERC1155.abi.UnpackIntoInterface(out, "ERC1155InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC1155ERC1155MissingApprovalForAll represents a ERC1155MissingApprovalForAll error raised by the DemoERC1155 contract.
type DemoERC1155ERC1155MissingApprovalForAll struct {
	Operator common.Address
	Owner    common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC1155MissingApprovalForAll(address operator, address owner)
func DemoERC1155ERC1155MissingApprovalForAllErrorID() common.Hash {
	return common.HexToHash("0xe237d922be9fac42efeaaaffb42cc6b57e0ff95d94a1b74daeff69adc7657754")
}

// UnpackERC1155MissingApprovalForAllError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC1155MissingApprovalForAll(address operator, address owner)
func (demoERC1155 *DemoERC1155) UnpackERC1155MissingApprovalForAllError(raw []byte) (*DemoERC1155ERC1155MissingApprovalForAll, error) {
	out := new(DemoERC1155ERC1155MissingApprovalForAll)
	if err := demoERC1155.abi.UnpackIntoInterface(out, "ERC1155MissingApprovalForAll", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC1155OwnableInvalidOwner represents a OwnableInvalidOwner error raised by the DemoERC1155 contract.
type DemoERC1155OwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func DemoERC1155OwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (demoERC1155 *DemoERC1155) UnpackOwnableInvalidOwnerError(raw []byte) (*DemoERC1155OwnableInvalidOwner, error) {
	out := new(DemoERC1155OwnableInvalidOwner)
	if err := demoERC1155.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DemoERC1155OwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the DemoERC1155 contract.
type DemoERC1155OwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func DemoERC1155OwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (demoERC1155 *DemoERC1155) UnpackOwnableUnauthorizedAccountError(raw []byte) (*DemoERC1155OwnableUnauthorizedAccount, error) {
	out := new(DemoERC1155OwnableUnauthorizedAccount)
	if err := demoERC1155.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
