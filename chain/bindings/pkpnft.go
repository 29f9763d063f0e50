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
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIRootKeys\",\"name\":\"rootKeys_\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"BadPubkey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721IncorrectOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721InsufficientApproval\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC721InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721NonexistentToken\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoRootKey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PermissionsAlreadySet\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PermissionsNotSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"TokenAlreadyMinted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"}],\"name\":\"UnknownKeyType\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"keyId\",\"type\":\"bytes32\"}],\"name\":\"WrongDerivedKey\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"approved\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"ApprovalForAll\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"keyId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"minter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"PKPMinted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"permissions\",\"type\":\"address\"}],\"name\":\"PermissionsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"KEY_TYPE_BLS_PKP\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KEY_TYPE_ECDSA\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KEY_TYPE_ED25519\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KEY_TYPE_SCHNORR_K256\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"burn\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"exists\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getApproved\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isApprovedForAll\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"keyIdOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"keyTypeOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"ipfsCid\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"mintGrantAndBurnNext\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"mintNext\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"mintNonce\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"minter\",\"type\":\"address\"}],\"name\":\"nextKeyId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ownerOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"permissions\",\"outputs\":[{\"internalType\":\"contractIPKPPermissionsGrant\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"pubkeyOf\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rootKeys\",\"outputs\":[{\"internalType\":\"contractIRootKeys\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"setApprovalForAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"contractIPKPPermissionsGrant\",\"name\":\"permissions_\",\"type\":\"address\"}],\"name\":\"setPermissions\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"tokenURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "PKPNFT",
	Bin: "0x60a060405234801561000f575f5ffd5b5060405161212738038061212783398101604081905261002e9161013e565b806040518060400160405280600b81526020016a06c69746d65736820504b560ac1b815250604051806040016040528060038152602001620504b560ec1b815250815f908161007d9190610219565b50600161008a8282610219565b5050506001600160a01b0381166100ba57604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b6100c3816100d6565b50506001600160a01b03166080526102d7565b600680546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b6001600160a01b038116811461013b575f5ffd5b50565b5f5f6040838503121561014f575f5ffd5b825161015a81610127565b602084015190925061016b81610127565b809150509250929050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061019e57607f821691505b6020821081036101bc57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f821115610214578282111561021457805f5260205f20601f840160051c60208510156101ed57505f5b90810190601f840160051c035f5b81811015610210575f838201556001016101fb565b5050505b505050565b81516001600160401b0381111561023257610232610176565b61024681610240845461018a565b846101c2565b6020601f821160018114610278575f83156102615750848201515b5f19600385901b1c1916600184901b1784556102d0565b5f84815260208120601f198516915b828110156102a75787850151825560209485019460019092019101610287565b50848210156102c457868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b608051611e316102f65f395f8181610349015261130f0152611e315ff3fe608060405234801561000f575f5ffd5b50600436106101e7575f3560e01c8063715018a611610109578063ab8c71c01161009e578063e985e9c51161006e578063e985e9c514610440578063f2fde38b14610453578063f333b76714610466578063fecf8e1814610479575f5ffd5b8063ab8c71c0146103e8578063b88d4fde146103fb578063c87b56dd1461040e578063e68b83ea14610421575f5ffd5b806395d89b41116100d957806395d89b41146103a75780639898bea8146103af5780639b34056e146103c2578063a22cb465146103d5575f5ffd5b8063715018a61461037e578063850d4c98146103865780638adec9af1461038e5780638da5cb5b14610396575f5ffd5b806342842e0e1161017f578063591885561161014f57806359188556146103295780636352211e146103315780636be710941461034457806370a082311461036b575f5ffd5b806342842e0e146102cf57806342966c68146102e2578063456d28d9146102f55780634f558e7914610308575f5ffd5b806323b872dd116101ba57806323b872dd1461026857806327a1973d1461027b5780632c4d7893146102a8578063381d6936146102b0575f5ffd5b806301ffc9a7146101eb57806306fdde0314610213578063081812fc14610228578063095ea7b314610253575b5f5ffd5b6101fe6101f9366004611725565b61048c565b60405190151581526020015b60405180910390f35b61021b6104dd565b60405161020a919061176e565b61023b610236366004611780565b61056c565b6040516001600160a01b03909116815260200161020a565b6102666102613660046117ab565b610593565b005b6102666102763660046117d5565b6105a2565b61029a610289366004611780565b5f908152600b602052604090205490565b60405190815260200161020a565b61029a600381565b61029a6102be366004611813565b60086020525f908152604090205481565b6102666102dd3660046117d5565b610630565b6102666102f0366004611780565b61064f565b610266610303366004611813565b61065a565b6101fe610316366004611780565b5f90815260096020526040902054151590565b61029a600281565b61023b61033f366004611780565b6106e0565b61023b7f000000000000000000000000000000000000000000000000000000000000000081565b61029a610379366004611813565b6106ea565b61026661072f565b61029a600a81565b61029a608081565b6006546001600160a01b031661023b565b61021b610742565b61029a6103bd366004611813565b610751565b61029a6103d0366004611873565b6107bb565b6102666103e33660046118bb565b6107d0565b60075461023b906001600160a01b031681565b610266610409366004611962565b6107db565b61021b61041c366004611780565b6107f3565b61029a61042f366004611780565b5f9081526009602052604090205490565b6101fe61044e366004611a0a565b610864565b610266610461366004611813565b610891565b61021b610474366004611780565b6108ce565b61029a610487366004611a36565b61096d565b5f6001600160e01b031982166380ac58cd60e01b14806104bc57506001600160e01b03198216635b5e139f60e01b145b806104d757506301ffc9a760e01b6001600160e01b03198316145b92915050565b60605f80546104eb90611aaf565b80601f016020809104026020016040519081016040528092919081815260200182805461051790611aaf565b80156105625780601f1061053957610100808354040283529160200191610562565b820191905f5260205f20905b81548152906001019060200180831161054557829003601f168201915b5050505050905090565b5f61057682610a18565b505f828152600460205260409020546001600160a01b03166104d7565b61059e828233610a50565b5050565b6001600160a01b0382166105d057604051633250574960e11b81525f60048201526024015b60405180910390fd5b5f6105dc838333610a5d565b9050836001600160a01b0316816001600160a01b03161461062a576040516364283d7b60e01b81526001600160a01b03808616600483015260248201849052821660448201526064016105c7565b50505050565b61064a83838360405180602001604052805f8152506107db565b505050565b61059e5f8233610a5d565b610662610b4f565b6007546001600160a01b03161561068c576040516308cadaa360e11b815260040160405180910390fd5b600780546001600160a01b0319166001600160a01b0383169081179091556040519081527ff41313419f4c30eeb7dd9bc8e009fd8c594805da15f42a4ad68f259ad0fc88709060200160405180910390a150565b5f6104d782610a18565b5f6001600160a01b038216610714576040516322718ad960e21b81525f60048201526024016105c7565b506001600160a01b03165f9081526003602052604090205490565b610737610b4f565b6107405f610b7c565b565b6060600180546104eb90611aaf565b6001600160a01b0381165f90815260086020908152604080832054905161079e92469230928792019384526001600160a01b03928316602085015291166040830152606082015260800190565b604051602081830303815290604052805190602001209050919050565b5f6107c884848433610bcd565b949350505050565b61059e338383610d2a565b6107e68484846105a2565b61062a3385858585610df1565b60606107fe82610a18565b505f61081460408051602081019091525f815290565b90505f8151116108325760405180602001604052805f81525061085d565b8061083c84610f19565b60405160200161084d929190611afe565b6040516020818303038152906040525b9392505050565b6001600160a01b039182165f90815260056020908152604080832093909416825291909152205460ff1690565b610899610b4f565b6001600160a01b0381166108c257604051631e4fbdf760e01b81525f60048201526024016105c7565b6108cb81610b7c565b50565b5f818152600a602052604090208054606091906108ea90611aaf565b80601f016020809104026020016040519081016040528092919081815260200182805461091690611aaf565b80156109615780601f1061093857610100808354040283529160200191610961565b820191905f5260205f20905b81548152906001019060200180831161094457829003601f168201915b50505050509050919050565b6007545f906001600160a01b03166109985760405163ee4347c960e01b815260040160405180910390fd5b6109a486848430610bcd565b6007546040516354b06ae360e01b81529192506001600160a01b0316906354b06ae3906109d990849089908990600401611b3a565b5f604051808303815f87803b1580156109f0575f5ffd5b505af1158015610a02573d5f5f3e3d5ffd5b50505050610a0f81610fa9565b95945050505050565b5f818152600260205260408120546001600160a01b0316806104d757604051637e27328960e01b8152600481018490526024016105c7565b61064a8383836001610fe1565b5f828152600260205260408120546001600160a01b0390811690831615610a8957610a898184866110e5565b6001600160a01b03811615610ac357610aa45f855f5f610fe1565b6001600160a01b0381165f90815260036020526040902080545f190190555b6001600160a01b03851615610af1576001600160a01b0385165f908152600360205260409020805460010190555b5f8481526002602052604080822080546001600160a01b0319166001600160a01b0389811691821790925591518793918516917fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef91a4949350505050565b6006546001600160a01b031633146107405760405163118cdaa760e01b81523360048201526024016105c7565b600680546001600160a01b038381166001600160a01b0319831681179093556040519116919082907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0905f90a35050565b5f5f610bda868686611149565b90505f610be633610751565b335f908152600860205260408120805492935090610c0383611b67565b919050555060028703610c3c57610c1c828288886113ae565b8585604051610c2c929190611b7f565b6040519081900390209250610c6c565b808686604051602001610c5193929190611b8e565b604051602081830303815290604052805190602001205f1c92505b5f8381526009602052604090205415610c9b576040516322d1d39560e21b8152600481018490526024016105c7565b5f838152600960209081526040808320849055600a9091529020610cc0868883611bf5565b505f838152600b60205260409020879055610cdb8484611577565b336001600160a01b031681847fb79f04d572e2dc40462d88c85c2c4c03347a16a32f0ec46557aaf210acc22e1d8989604051610d18929190611caf565b60405180910390a45050949350505050565b6001600160a01b038316610d535760405163a9fbf51f60e01b81525f60048201526024016105c7565b6001600160a01b038216610d8557604051630b61174360e31b81526001600160a01b03831660048201526024016105c7565b6001600160a01b038381165f81815260056020908152604080832094871680845294825291829020805460ff191686151590811790915591519182527f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31910160405180910390a3505050565b6001600160a01b0383163b15610f1257604051630a85bd0160e11b81526001600160a01b0384169063150b7a0290610e33908890889087908790600401611cc2565b6020604051808303815f875af1925050508015610e6d575060408051601f3d908101601f19168201909252610e6a91810190611cfe565b60015b610ed4573d808015610e9a576040519150601f19603f3d011682016040523d82523d5f602084013e610e9f565b606091505b5080515f03610ecc57604051633250574960e11b81526001600160a01b03851660048201526024016105c7565b805160208201fd5b6001600160e01b03198116630a85bd0160e11b14610f1057604051633250574960e11b81526001600160a01b03851660048201526024016105c7565b505b5050505050565b60605f610f25836115d8565b60010190505f8167ffffffffffffffff811115610f4457610f446118f6565b6040519080825280601f01601f191660200182016040528015610f6e576020820181803683370190505b5090508181016020015b5f19016f181899199a1a9b1b9c1cb0b131b232b360811b600a86061a8153600a8504945084610f7857509392505050565b5f610fb55f835f610a5d565b90506001600160a01b03811661059e57604051637e27328960e01b8152600481018390526024016105c7565b8080610ff557506001600160a01b03821615155b156110b6575f61100484610a18565b90506001600160a01b038316158015906110305750826001600160a01b0316816001600160a01b031614155b801561104357506110418184610864565b155b1561106c5760405163a9fbf51f60e01b81526001600160a01b03841660048201526024016105c7565b81156110b45783856001600160a01b0316826001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92560405160405180910390a45b505b50505f90815260046020526040902080546001600160a01b0319166001600160a01b0392909216919091179055565b6110f08383836116af565b61064a576001600160a01b03831661111e57604051637e27328960e01b8152600481018290526024016105c7565b60405163177e802f60e01b81526001600160a01b0383166004820152602481018290526044016105c7565b60605f5f600286036111b757506041905060218382148015611194575084845f81811061117857611178611d19565b9050013560f81c60f81b6001600160f81b031916600460f81b14155b156111b257604051630eb5b42160e01b815260040160405180910390fd5b6112d9565b600386036111ca575060209050806112d9565b60808603611260575060219050808381148015611210575084845f8181106111f4576111f4611d19565b9050013560f81c60f81b6001600160f81b031916600260f81b14155b8015611194575084845f81811061122957611229611d19565b9050013560f81c60f81b6001600160f81b031916600360f81b146111b257604051630eb5b42160e01b815260040160405180910390fd5b600a86036112bd575060309050808381148015611194575084845f81811061128a5761128a611d19565b9050013560f81c60f81b60f81c60c01660ff166080146111b257604051630eb5b42160e01b815260040160405180910390fd5b60405163dee54f1760e01b8152600481018790526024016105c7565b8382146112f957604051630eb5b42160e01b815260040160405180910390fd5b604051632423501760e21b8152600481018790527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063908d405c906024015f60405180830381865afa15801561135b573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526113829190810190611d2d565b9250808351146113a557604051630f6b22d360e31b815260040160405180910390fd5b50509392505050565b6040516c6c69746d6573682f68642f763160981b6020820152602d81018490525f9070014551231950b75fc4402da1732fc9bebe1990604d01604051602081830303815290604052805190602001205f1c6114099190611da2565b9050805f0361142e576040516321fe661f60e21b8152600481018590526024016105c7565b5f855f8151811061144157611441611d19565b0160200151602187015160f89190911c91505f70014551231950b75fc4402da1732fc9bebe198483096114869070014551231950b75fc4402da1732fc9bebe19611dc1565b90505f600182600260ff87161461149e57601c6114a1565b601b5b604080515f8152602081018083529390935260ff90911690820152606081018590526080810185905260a0016020604051602081039080840390855afa1580156114ed573d5f5f3e3d5ffd5b5050604051601f19015191505f9050611509876001818b611dd4565b604051611517929190611b7f565b60405190819003902090506001600160a01b038216158061154a5750806001600160a01b0316826001600160a01b031614155b1561156b576040516321fe661f60e21b8152600481018a90526024016105c7565b50505050505050505050565b6001600160a01b0382166115a057604051633250574960e11b81525f60048201526024016105c7565b5f6115ac83835f610a5d565b90506001600160a01b0381161561064a576040516339e3563760e11b81525f60048201526024016105c7565b5f8072184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b83106116165772184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b830492506040015b6d04ee2d6d415b85acef81000000008310611642576d04ee2d6d415b85acef8100000000830492506020015b662386f26fc10000831061166057662386f26fc10000830492506010015b6305f5e1008310611678576305f5e100830492506008015b612710831061168c57612710830492506004015b6064831061169e576064830492506002015b600a83106104d75760010192915050565b5f6001600160a01b038316158015906107c85750826001600160a01b0316846001600160a01b031614806116e857506116e88484610864565b806107c85750505f908152600460205260409020546001600160a01b03908116911614919050565b6001600160e01b0319811681146108cb575f5ffd5b5f60208284031215611735575f5ffd5b813561085d81611710565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f61085d6020830184611740565b5f60208284031215611790575f5ffd5b5035919050565b6001600160a01b03811681146108cb575f5ffd5b5f5f604083850312156117bc575f5ffd5b82356117c781611797565b946020939093013593505050565b5f5f5f606084860312156117e7575f5ffd5b83356117f281611797565b9250602084013561180281611797565b929592945050506040919091013590565b5f60208284031215611823575f5ffd5b813561085d81611797565b5f5f83601f84011261183e575f5ffd5b50813567ffffffffffffffff811115611855575f5ffd5b60208301915083602082850101111561186c575f5ffd5b9250929050565b5f5f5f60408486031215611885575f5ffd5b83359250602084013567ffffffffffffffff8111156118a2575f5ffd5b6118ae8682870161182e565b9497909650939450505050565b5f5f604083850312156118cc575f5ffd5b82356118d781611797565b9150602083013580151581146118eb575f5ffd5b809150509250929050565b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f1916810167ffffffffffffffff81118282101715611933576119336118f6565b604052919050565b5f67ffffffffffffffff821115611954576119546118f6565b50601f01601f191660200190565b5f5f5f5f60808587031215611975575f5ffd5b843561198081611797565b9350602085013561199081611797565b925060408501359150606085013567ffffffffffffffff8111156119b2575f5ffd5b8501601f810187136119c2575f5ffd5b80356119d56119d08261193b565b61190a565b8181528860208385010111156119e9575f5ffd5b816020840160208301375f6020838301015280935050505092959194509250565b5f5f60408385031215611a1b575f5ffd5b8235611a2681611797565b915060208301356118eb81611797565b5f5f5f5f5f60608688031215611a4a575f5ffd5b85359450602086013567ffffffffffffffff811115611a67575f5ffd5b611a738882890161182e565b909550935050604086013567ffffffffffffffff811115611a92575f5ffd5b611a9e8882890161182e565b969995985093965092949392505050565b600181811c90821680611ac357607f821691505b602082108103611ae157634e487b7160e01b5f52602260045260245ffd5b50919050565b5f81518060208401855e5f93019283525090919050565b5f6107c8611b0c8386611ae7565b84611ae7565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b838152604060208201525f610a0f604083018486611b12565b634e487b7160e01b5f52601160045260245ffd5b5f60018201611b7857611b78611b53565b5060010190565b818382375f9101908152919050565b838152818360208301375f910160200190815292915050565b601f82111561064a578282111561064a57805f5260205f20601f840160051c6020851015611bd257505f5b90810190601f840160051c035f5b81811015610f10575f83820155600101611be0565b67ffffffffffffffff831115611c0d57611c0d6118f6565b611c2183611c1b8354611aaf565b83611ba7565b5f601f841160018114611c52575f8515611c3b5750838201355b5f19600387901b1c1916600186901b178355610f12565b5f83815260208120601f198716915b82811015611c815786850135825560209485019460019092019101611c61565b5086821015611c9d575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b602081525f6107c8602083018486611b12565b6001600160a01b03858116825284166020820152604081018390526080606082018190525f90611cf490830184611740565b9695505050505050565b5f60208284031215611d0e575f5ffd5b815161085d81611710565b634e487b7160e01b5f52603260045260245ffd5b5f60208284031215611d3d575f5ffd5b815167ffffffffffffffff811115611d53575f5ffd5b8201601f81018413611d63575f5ffd5b8051611d716119d08261193b565b818152856020838501011115611d85575f5ffd5b8160208401602083015e5f91810160200191909152949350505050565b5f82611dbc57634e487b7160e01b5f52601260045260245ffd5b500690565b818103818111156104d7576104d7611b53565b5f5f85851115611de2575f5ffd5b83861115611dee575f5ffd5b505082019391909203915056fea26469706673582212201a0a95bac406d37eaca84033cfc49e5760b1f6df7d2426cfa7075e5d07e1a4eb64736f6c63430008250033",
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
	if bytes.Equal(raw[:4], pKPNFT.abi.Errors["NoRootKey"].ID.Bytes()[:4]) {
		return pKPNFT.UnpackNoRootKeyError(raw[4:])
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
