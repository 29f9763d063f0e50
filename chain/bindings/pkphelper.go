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

// PKPHelperMetaData contains all meta data concerning the PKPHelper contract.
var PKPHelperMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIPKPNFTHelperMint\",\"name\":\"pkpNft_\",\"type\":\"address\"},{\"internalType\":\"contractPKPPermissions\",\"name\":\"permissions_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"field\",\"type\":\"string\"}],\"name\":\"BadField\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"MAX_AUTH_METHODS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"},{\"internalType\":\"uint256[]\",\"name\":\"permittedAuthMethodTypes\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"permittedAuthMethodIds\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes[]\",\"name\":\"permittedAuthMethodPubkeys\",\"type\":\"bytes[]\"},{\"internalType\":\"uint256[][]\",\"name\":\"permittedAuthMethodScopes\",\"type\":\"uint256[][]\"},{\"internalType\":\"bool\",\"name\":\"addPkpEthAddressAsPermittedAddress\",\"type\":\"bool\"},{\"internalType\":\"bool\",\"name\":\"sendPkpToItself\",\"type\":\"bool\"}],\"name\":\"mintNextAndAddAuthMethods\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"permissions\",\"outputs\":[{\"internalType\":\"contractPKPPermissions\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pkpNft\",\"outputs\":[{\"internalType\":\"contractIPKPNFTHelperMint\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "PKPHelper",
	Bin: "0x60c060405234801561000f575f5ffd5b50604051610ad4380380610ad483398101604081905261002e9161005c565b6001600160a01b039182166080521660a052610094565b6001600160a01b0381168114610059575f5ffd5b50565b5f5f6040838503121561006d575f5ffd5b825161007881610045565b602084015190925061008981610045565b809150509250929050565b60805160a051610a056100cf5f395f8181606e0152818161026601526103d501525f818160c0015281816101dd015261042f0152610a055ff3fe608060405234801561000f575f5ffd5b506004361061004a575f3560e01c806366d3a21b1461004e578063ab8c71c014610069578063bbd3b1cf146100a8578063fd4c9bad146100bb575b5f5ffd5b610056600a81565b6040519081526020015b60405180910390f35b6100907f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610060565b6100566100b636600461075a565b6100e2565b6100907f000000000000000000000000000000000000000000000000000000000000000081565b85515f90600a81111561013d576040516360a4de0960e11b815260206004820152601860248201527f7065726d6974746564417574684d6574686f645479706573000000000000000060448201526064015b60405180910390fd5b80875114158061014e575080865114155b8061015a575080855114155b156101c6576040516360a4de0960e11b815260206004820152603560248201527f7065726d6974746564417574684d6574686f64733a2074686520666f7572206c6044820152740d2e6e8e640c8d2cccccae440d2dc40d8cadccee8d605b1b6064820152608401610134565b604051632693446d60e11b81526001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690634d2688da906102189033908f908f908f9060040161086b565b6020604051808303815f875af1158015610234573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061025891906108b2565b91505f5b8181101561036b577f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316639dd4349b8460405180606001604052808d86815181106102b1576102b16108c9565b602002602001015181526020018c86815181106102d0576102d06108c9565b602002602001015181526020018b86815181106102ef576102ef6108c9565b602002602001015181525089858151811061030c5761030c6108c9565b60200260200101516040518463ffffffff1660e01b81526004016103329392919061090b565b5f604051808303815f87803b158015610349575f5ffd5b505af115801561035b573d5f5f3e3d5ffd5b50506001909201915061025c9050565b5061039b8261037d8b6001818f610999565b60405161038b9291906109c0565b60405190819003902086866103a9565b509998505050505050505050565b811561042d57604051631eb3c53360e21b8152600481018590526001600160a01b0384811660248301527f00000000000000000000000000000000000000000000000000000000000000001690637acf14cc906044015f604051808303815f87803b158015610416575f5ffd5b505af1158015610428573d5f5f3e3d5ffd5b505050505b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03166323b872dd3083610468573361046a565b855b6040516001600160e01b031960e085901b1681526001600160a01b03928316600482015291166024820152604481018790526064015f604051808303815f87803b1580156104b6575f5ffd5b505af11580156104c8573d5f5f3e3d5ffd5b5050505050505050565b5f5f83601f8401126104e2575f5ffd5b50813567ffffffffffffffff8111156104f9575f5ffd5b602083019150836020828501011115610510575f5ffd5b9250929050565b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f1916810167ffffffffffffffff8111828210171561055457610554610517565b604052919050565b5f67ffffffffffffffff82111561057557610575610517565b5060051b60200190565b5f82601f83011261058e575f5ffd5b81356105a161059c8261055c565b61052b565b8082825260208201915060208360051b8601019250858311156105c2575f5ffd5b602085015b838110156105df5780358352602092830192016105c7565b5095945050505050565b5f82601f8301126105f8575f5ffd5b813561060661059c8261055c565b8082825260208201915060208360051b860101925085831115610627575f5ffd5b602085015b838110156105df57803567ffffffffffffffff81111561064a575f5ffd5b8601603f8101881361065a575f5ffd5b602081013567ffffffffffffffff81111561067757610677610517565b61068a601f8201601f191660200161052b565b8181526040838301018a101561069e575f5ffd5b816040840160208301375f6020838301015280865250505060208301925060208101905061062c565b5f82601f8301126106d6575f5ffd5b81356106e461059c8261055c565b8082825260208201915060208360051b860101925085831115610705575f5ffd5b602085015b838110156105df57803567ffffffffffffffff811115610728575f5ffd5b610737886020838a010161057f565b8452506020928301920161070a565b80358015158114610755575f5ffd5b919050565b5f5f5f5f5f5f5f5f5f6101008a8c031215610773575f5ffd5b8935985060208a013567ffffffffffffffff811115610790575f5ffd5b61079c8c828d016104d2565b90995097505060408a013567ffffffffffffffff8111156107bb575f5ffd5b6107c78c828d0161057f565b96505060608a013567ffffffffffffffff8111156107e3575f5ffd5b6107ef8c828d016105e9565b95505060808a013567ffffffffffffffff81111561080b575f5ffd5b6108178c828d016105e9565b94505060a08a013567ffffffffffffffff811115610833575f5ffd5b61083f8c828d016106c7565b93505061084e60c08b01610746565b915061085c60e08b01610746565b90509295985092959850929598565b6001600160a01b0385168152602081018490526060604082018190528101829052818360808301375f818301608090810191909152601f909201601f191601019392505050565b5f602082840312156108c2575f5ffd5b5051919050565b634e487b7160e01b5f52603260045260245ffd5b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b83815260606020820152825160608201525f60208401516060608084015261093660c08401826108dd565b90506040850151605f198483030160a085015261095382826108dd565b848103604086015285518082526020808801945090910191505f5b8181101561098c57835183526020938401939092019160010161096e565b5090979650505050505050565b5f5f858511156109a7575f5ffd5b838611156109b3575f5ffd5b5050820193919092039150565b818382375f910190815291905056fea2646970667358221220737a9c8a298b2988f2e0ee6188afbf083676e32f5a8811d535a1c65068126fcd64736f6c63430008250033",
}

// PKPHelper is an auto generated Go binding around an Ethereum contract.
type PKPHelper struct {
	abi abi.ABI
}

// NewPKPHelper creates a new instance of PKPHelper.
func NewPKPHelper() *PKPHelper {
	parsed, err := PKPHelperMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &PKPHelper{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *PKPHelper) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address pkpNft_, address permissions_) returns()
func (pKPHelper *PKPHelper) PackConstructor(pkpNft_ common.Address, permissions_ common.Address) []byte {
	enc, err := pKPHelper.abi.Pack("", pkpNft_, permissions_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXAUTHMETHODS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66d3a21b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_AUTH_METHODS() view returns(uint256)
func (pKPHelper *PKPHelper) PackMAXAUTHMETHODS() []byte {
	enc, err := pKPHelper.abi.Pack("MAX_AUTH_METHODS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXAUTHMETHODS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66d3a21b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_AUTH_METHODS() view returns(uint256)
func (pKPHelper *PKPHelper) TryPackMAXAUTHMETHODS() ([]byte, error) {
	return pKPHelper.abi.Pack("MAX_AUTH_METHODS")
}

// UnpackMAXAUTHMETHODS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x66d3a21b.
//
// Solidity: function MAX_AUTH_METHODS() view returns(uint256)
func (pKPHelper *PKPHelper) UnpackMAXAUTHMETHODS(data []byte) (*big.Int, error) {
	out, err := pKPHelper.abi.Unpack("MAX_AUTH_METHODS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMintNextAndAddAuthMethods is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbbd3b1cf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mintNextAndAddAuthMethods(uint256 keyType, bytes pubkey, uint256[] permittedAuthMethodTypes, bytes[] permittedAuthMethodIds, bytes[] permittedAuthMethodPubkeys, uint256[][] permittedAuthMethodScopes, bool addPkpEthAddressAsPermittedAddress, bool sendPkpToItself) returns(uint256 tokenId)
func (pKPHelper *PKPHelper) PackMintNextAndAddAuthMethods(keyType *big.Int, pubkey []byte, permittedAuthMethodTypes []*big.Int, permittedAuthMethodIds [][]byte, permittedAuthMethodPubkeys [][]byte, permittedAuthMethodScopes [][]*big.Int, addPkpEthAddressAsPermittedAddress bool, sendPkpToItself bool) []byte {
	enc, err := pKPHelper.abi.Pack("mintNextAndAddAuthMethods", keyType, pubkey, permittedAuthMethodTypes, permittedAuthMethodIds, permittedAuthMethodPubkeys, permittedAuthMethodScopes, addPkpEthAddressAsPermittedAddress, sendPkpToItself)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMintNextAndAddAuthMethods is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbbd3b1cf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mintNextAndAddAuthMethods(uint256 keyType, bytes pubkey, uint256[] permittedAuthMethodTypes, bytes[] permittedAuthMethodIds, bytes[] permittedAuthMethodPubkeys, uint256[][] permittedAuthMethodScopes, bool addPkpEthAddressAsPermittedAddress, bool sendPkpToItself) returns(uint256 tokenId)
func (pKPHelper *PKPHelper) TryPackMintNextAndAddAuthMethods(keyType *big.Int, pubkey []byte, permittedAuthMethodTypes []*big.Int, permittedAuthMethodIds [][]byte, permittedAuthMethodPubkeys [][]byte, permittedAuthMethodScopes [][]*big.Int, addPkpEthAddressAsPermittedAddress bool, sendPkpToItself bool) ([]byte, error) {
	return pKPHelper.abi.Pack("mintNextAndAddAuthMethods", keyType, pubkey, permittedAuthMethodTypes, permittedAuthMethodIds, permittedAuthMethodPubkeys, permittedAuthMethodScopes, addPkpEthAddressAsPermittedAddress, sendPkpToItself)
}

// UnpackMintNextAndAddAuthMethods is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbbd3b1cf.
//
// Solidity: function mintNextAndAddAuthMethods(uint256 keyType, bytes pubkey, uint256[] permittedAuthMethodTypes, bytes[] permittedAuthMethodIds, bytes[] permittedAuthMethodPubkeys, uint256[][] permittedAuthMethodScopes, bool addPkpEthAddressAsPermittedAddress, bool sendPkpToItself) returns(uint256 tokenId)
func (pKPHelper *PKPHelper) UnpackMintNextAndAddAuthMethods(data []byte) (*big.Int, error) {
	out, err := pKPHelper.abi.Unpack("mintNextAndAddAuthMethods", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPermissions is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xab8c71c0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function permissions() view returns(address)
func (pKPHelper *PKPHelper) PackPermissions() []byte {
	enc, err := pKPHelper.abi.Pack("permissions")
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
func (pKPHelper *PKPHelper) TryPackPermissions() ([]byte, error) {
	return pKPHelper.abi.Pack("permissions")
}

// UnpackPermissions is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xab8c71c0.
//
// Solidity: function permissions() view returns(address)
func (pKPHelper *PKPHelper) UnpackPermissions(data []byte) (common.Address, error) {
	out, err := pKPHelper.abi.Unpack("permissions", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPkpNft is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfd4c9bad.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pkpNft() view returns(address)
func (pKPHelper *PKPHelper) PackPkpNft() []byte {
	enc, err := pKPHelper.abi.Pack("pkpNft")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPkpNft is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfd4c9bad.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pkpNft() view returns(address)
func (pKPHelper *PKPHelper) TryPackPkpNft() ([]byte, error) {
	return pKPHelper.abi.Pack("pkpNft")
}

// UnpackPkpNft is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfd4c9bad.
//
// Solidity: function pkpNft() view returns(address)
func (pKPHelper *PKPHelper) UnpackPkpNft(data []byte) (common.Address, error) {
	out, err := pKPHelper.abi.Unpack("pkpNft", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (pKPHelper *PKPHelper) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], pKPHelper.abi.Errors["BadField"].ID.Bytes()[:4]) {
		return pKPHelper.UnpackBadFieldError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// PKPHelperBadField represents a BadField error raised by the PKPHelper contract.
type PKPHelperBadField struct {
	Field string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadField(string field)
func PKPHelperBadFieldErrorID() common.Hash {
	return common.HexToHash("0xc149bc1296ccd6f4df3c5b9353c9964afb4d6d9e1c58c8e5aa17286002236da9")
}

// UnpackBadFieldError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadField(string field)
func (pKPHelper *PKPHelper) UnpackBadFieldError(raw []byte) (*PKPHelperBadField, error) {
	out := new(PKPHelperBadField)
	if err := pKPHelper.abi.UnpackIntoInterface(out, "BadField", raw); err != nil {
		return nil, err
	}
	return out, nil
}
