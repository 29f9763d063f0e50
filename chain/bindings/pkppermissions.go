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

// PKPPermissionsAuthMethod is an auto generated low-level Go binding around an user-defined struct.
type PKPPermissionsAuthMethod struct {
	AuthMethodType *big.Int
	Id             []byte
	Scopes         []*big.Int
}

// PKPPermissionsMetaData contains all meta data concerning the PKPPermissions contract.
var PKPPermissionsMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC721\",\"name\":\"pkpNft_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"AlreadyPermitted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"field\",\"type\":\"string\"}],\"name\":\"BadField\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"NotPermitted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotTokenOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"TooManyPermissions\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"UnknownOrBurnedToken\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"ipfsCid\",\"type\":\"bytes\"}],\"name\":\"PermittedActionAdded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"ipfsCid\",\"type\":\"bytes\"}],\"name\":\"PermittedActionRemoved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"PermittedAddressAdded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"PermittedAddressRemoved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"authMethodType\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"id\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"scopes\",\"type\":\"uint256[]\"}],\"name\":\"PermittedAuthMethodAdded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"authMethodType\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"id\",\"type\":\"bytes\"}],\"name\":\"PermittedAuthMethodRemoved\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_AUTH_ID_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_CID_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_PER_TOKEN\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_SCOPES\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"ipfsCid\",\"type\":\"bytes\"}],\"name\":\"addPermittedAction\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"addPermittedAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"authMethodType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"id\",\"type\":\"bytes\"},{\"internalType\":\"uint256[]\",\"name\":\"scopes\",\"type\":\"uint256[]\"}],\"name\":\"addPermittedAuthMethod\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getPermittedActions\",\"outputs\":[{\"internalType\":\"bytes[]\",\"name\":\"\",\"type\":\"bytes[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getPermittedAddresses\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"authMethodType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"id\",\"type\":\"bytes\"}],\"name\":\"getPermittedAuthMethodScopes\",\"outputs\":[{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getPermittedAuthMethods\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"authMethodType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"id\",\"type\":\"bytes\"},{\"internalType\":\"uint256[]\",\"name\":\"scopes\",\"type\":\"uint256[]\"}],\"internalType\":\"structPKPPermissions.AuthMethod[]\",\"name\":\"out\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"ipfsCid\",\"type\":\"bytes\"}],\"name\":\"isPermittedAction\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"isPermittedAddress\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"authMethodType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"id\",\"type\":\"bytes\"}],\"name\":\"isPermittedAuthMethod\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pkpNft\",\"outputs\":[{\"internalType\":\"contractIERC721\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"ipfsCid\",\"type\":\"bytes\"}],\"name\":\"removePermittedAction\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"removePermittedAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"authMethodType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"id\",\"type\":\"bytes\"}],\"name\":\"removePermittedAuthMethod\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "PKPPermissions",
	Bin: "0x60a060405234801561000f575f5ffd5b50604051611e97380380611e9783398101604081905261002e9161003f565b6001600160a01b031660805261006c565b5f6020828403121561004f575f5ffd5b81516001600160a01b0381168114610065575f5ffd5b9392505050565b608051611de96100ae5f395f818161028901528181610305015281816106110152818161081d01528181610a2601528181610c050152610d690152611de95ff3fe608060405234801561000f575f5ffd5b506004361061010f575f3560e01c8063b070aacd1161009e578063f00f29f91161006e578063f00f29f914610240578063f0aac6ee14610248578063f34f21ba14610251578063fceb398314610271578063fd4c9bad14610284575f5ffd5b8063b070aacd146101f2578063b997606f146101fa578063bb7a10701461020d578063d41a32721461022d575f5ffd5b806366fc6541116100e457806366fc6541146101765780637018bf7c146101895780637acf14cc146101a9578063a82da60d146101bc578063abc541ae146101d2575f5ffd5b80618b4f146101135780632370a7541461013b57806354b06ae314610150578063557b5eba14610163575b5f5ffd5b6101266101213660046116f3565b6102c3565b60405190151581526020015b60405180910390f35b61014e610149366004611766565b6102e3565b005b61014e61015e366004611819565b6105ef565b610126610171366004611861565b6107cf565b61014e610184366004611861565b6107fb565b61019c610197366004611861565b61098c565b60405161013291906118b0565b61014e6101b73660046116f3565b610a04565b6101c4608081565b604051908152602001610132565b6101e56101e03660046118f2565b610bca565b6040516101329190611909565b6101c4601081565b61014e6102083660046116f3565b610be3565b61022061021b3660046118f2565b610d2e565b6040516101329190611977565b61014e61023b366004611819565b610d47565b6101c4606481565b6101c461010081565b61026461025f3660046118f2565b610ebd565b60405161013291906119da565b61012661027f366004611819565b6110a5565b6102ab7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610132565b5f8281526001602052604081206102da90836110f9565b90505b92915050565b6040516331a9108f60e11b81526004810187905286905f906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690636352211e90602401602060405180830381865afa925050508015610368575060408051601f3d908101601f1916820190925261036591810190611a8e565b60015b61038d576040516337274e7b60e11b8152600481018390526024015b60405180910390fd5b90506001600160a01b03811633146103c157604051630da7a30b60e31b815260048101839052336024820152604401610384565b865f03610402576040516360a4de0960e11b815260206004820152600e60248201526d617574684d6574686f645479706560901b6044820152606401610384565b6040805180820190915260028152611a5960f21b6020820152610428908661010061111a565b6010831115610463576040516360a4de0960e11b815260206004820152600660248201526573636f70657360d01b6044820152606401610384565b5f88815260026020526040902060649061047c9061114b565b1061049d576040516379380c8d60e01b815260048101899052602401610384565b5f6104aa89898989611154565b5f8a81526002602052604090209091506104c4908261118c565b6104e45760405163077b7a9760e21b8152600481018a9052602401610384565b604051806060016040528089815260200188888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525050509082525060408051602088810282810182019093528882529283019290918991899182918501908490808284375f9201829052509390945250508381526003602090815260409091208351815590830151909150600182019061058c9082611b52565b50604082015160028201906105a19082611c0d565b5090505087897fe30396853520b7ed2ad198d00cf10ca39e4e3e78a927f109217711b12e8a895a898989896040516105dc9493929190611cbe565b60405180910390a3505050505050505050565b6040516331a9108f60e11b81526004810184905283905f906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690636352211e90602401602060405180830381865afa925050508015610674575060408051601f3d908101601f1916820190925261067191810190611a8e565b60015b610694576040516337274e7b60e11b815260048101839052602401610384565b90506001600160a01b03811633146106c857604051630da7a30b60e31b815260048101839052336024820152604401610384565b6040805180820190915260078152661a5c199cd0da5960ca1b60208201526106f29084608061111a565b5f85815260208190526040902054606411610723576040516379380c8d60e01b815260048101869052602401610384565b61076e84848080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201829052508a8152602081905260409020939250506111979050565b61078e5760405163077b7a9760e21b815260048101869052602401610384565b847fecd1f47e63d44fa3d8e2b67833ada520c35f413b1c1c8c9141d785d0021b5c9d85856040516107c0929190611d08565b60405180910390a25050505050565b5f6107f26107df86868686611154565b5f878152600260205260409020906111f6565b95945050505050565b6040516331a9108f60e11b81526004810185905284905f906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690636352211e90602401602060405180830381865afa925050508015610880575060408051601f3d908101601f1916820190925261087d91810190611a8e565b60015b6108a0576040516337274e7b60e11b815260048101839052602401610384565b90506001600160a01b03811633146108d457604051630da7a30b60e31b815260048101839052336024820152604401610384565b5f6108e187878787611154565b5f8881526002602052604090209091506108fb908261120d565b61091b57604051630da71cad60e21b815260048101889052602401610384565b5f81815260036020526040812081815590610939600183018261167b565b610946600283015f6116b1565b505085877f9830658acd6a41f1cb12b425ed83cb2b8ccbfa753337cd13be80be51fc3f3373878760405161097b929190611d08565b60405180910390a350505050505050565b606060035f61099d87878787611154565b81526020019081526020015f206002018054806020026020016040519081016040528092919081815260200182805480156109f557602002820191905f5260205f20905b8154815260200190600101908083116109e1575b50505050509050949350505050565b6040516331a9108f60e11b81526004810183905282905f906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690636352211e90602401602060405180830381865afa925050508015610a89575060408051601f3d908101601f19168201909252610a8691810190611a8e565b60015b610aa9576040516337274e7b60e11b815260048101839052602401610384565b90506001600160a01b0381163314610add57604051630da7a30b60e31b815260048101839052336024820152604401610384565b6001600160a01b038316610b1e576040516360a4de0960e11b81526020600482015260076024820152661858d8dbdd5b9d60ca1b6044820152606401610384565b5f848152600160205260409020606490610b379061114b565b10610b58576040516379380c8d60e01b815260048101859052602401610384565b5f848152600160205260409020610b6f9084611218565b610b8f5760405163077b7a9760e21b815260048101859052602401610384565b6040516001600160a01b0384169085907fd19a2f498c0705681be43dd5dfd8d5345b05973c28a5171c0ec1f01e848791eb905f90a350505050565b5f8181526001602052604090206060906102dd9061122c565b6040516331a9108f60e11b81526004810183905282905f906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690636352211e90602401602060405180830381865afa925050508015610c68575060408051601f3d908101601f19168201909252610c6591810190611a8e565b60015b610c88576040516337274e7b60e11b815260048101839052602401610384565b90506001600160a01b0381163314610cbc57604051630da7a30b60e31b815260048101839052336024820152604401610384565b5f848152600160205260409020610cd3908461123f565b610cf357604051630da71cad60e21b815260048101859052602401610384565b6040516001600160a01b0384169085907fc646365ec693b9b569c52934b6e717f1970222cb659698ebf3f3986a7ff4f7e0905f90a350505050565b5f8181526020819052604090206060906102dd90611253565b6040516331a9108f60e11b81526004810184905283905f906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690636352211e90602401602060405180830381865afa925050508015610dcc575060408051601f3d908101601f19168201909252610dc991810190611a8e565b60015b610dec576040516337274e7b60e11b815260048101839052602401610384565b90506001600160a01b0381163314610e2057604051630da7a30b60e31b815260048101839052336024820152604401610384565b610e6b84848080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201829052508a81526020819052604090209392505061132a9050565b610e8b57604051630da71cad60e21b815260048101869052602401610384565b847fe27d94f0618d87e177559c16b25adba6c78276182ddce6838e75309ca33f966385856040516107c0929190611d08565b5f81815260026020526040812060609190610ed79061122c565b9050805167ffffffffffffffff811115610ef357610ef3611aa9565b604051908082528060200260200182016040528015610f4757816020015b610f3460405180606001604052805f815260200160608152602001606081525090565b815260200190600190039081610f115790505b5091505f5b815181101561109e5760035f838381518110610f6a57610f6a611d1b565b602002602001015181526020019081526020015f206040518060600160405290815f8201548152602001600182018054610fa390611abd565b80601f0160208091040260200160405190810160405280929190818152602001828054610fcf90611abd565b801561101a5780601f10610ff15761010080835404028352916020019161101a565b820191905f5260205f20905b815481529060010190602001808311610ffd57829003601f168201915b505050505081526020016002820180548060200260200160405190810160405280929190818152602001828054801561107057602002820191905f5260205f20905b81548152602001906001019080831161105c575b50505050508152505083828151811061108b5761108b611d1b565b6020908102919091010152600101610f4c565b5050919050565b5f6110f183838080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920182905250898152602081905260409020939250506114d79050565b949350505050565b6001600160a01b0381165f90815260018301602052604081205415156102da565b81158061112657508082115b1561114657826040516360a4de0960e11b81526004016103849190611d2f565b505050565b5f6102dd825490565b5f8484848460405160200161116c9493929190611d41565b604051602081830303815290604052805190602001209050949350505050565b5f6102da8383611503565b5f6111a283836114d7565b6111ef5782546001810184555f84815260209020016111c18382611b52565b50825460405160018501906111d7908590611d6a565b908152604051908190036020019020555060016102dd565b505f6102dd565b5f81815260018301602052604081205415156102da565b5f6102da8383611548565b5f6102da836001600160a01b038416611503565b60605f61123883611622565b9392505050565b5f6102da836001600160a01b038416611548565b6060815f01805480602002602001604051908101604052809291908181526020015f905b8282101561131f578382905f5260205f2001805461129490611abd565b80601f01602080910402602001604051908101604052809291908181526020018280546112c090611abd565b801561130b5780601f106112e25761010080835404028352916020019161130b565b820191905f5260205f20905b8154815290600101906020018083116112ee57829003601f168201915b505050505081526020019060010190611277565b505050509050919050565b5f5f836001018360405161133e9190611d6a565b9081526020016040518091039020549050805f146114ce575f611362600183611d80565b85549091505f9061137590600190611d80565b9050808214611473575f865f01828154811061139357611393611d1b565b905f5260205f200180546113a690611abd565b80601f01602080910402602001604051908101604052809291908181526020018280546113d290611abd565b801561141d5780601f106113f45761010080835404028352916020019161141d565b820191905f5260205f20905b81548152906001019060200180831161140057829003601f168201915b5050505050905080875f01848154811061143957611439611d1b565b905f5260205f2001908161144d9190611b52565b508387600101826040516114619190611d6a565b90815260405190819003602001902055505b855486908061148457611484611d9f565b600190038181905f5260205f20015f61149d919061167b565b905585600101856040516114b19190611d6a565b90815260200160405180910390205f9055600193505050506102dd565b5f9150506102dd565b5f82600101826040516114ea9190611d6a565b9081526040519081900360200190205415159392505050565b5f8181526001830160205260408120546111ef57508154600181810184555f8481526020808220909301849055845484825282860190935260409020919091556102dd565b5f81815260018301602052604081205480156114ce575f61156a600183611d80565b85549091505f9061157d90600190611d80565b90508082146115dc575f865f01828154811061159b5761159b611d1b565b905f5260205f200154905080875f0184815481106115bb576115bb611d1b565b5f918252602080832090910192909255918252600188019052604090208390555b85548690806115ed576115ed611d9f565b600190038181905f5260205f20015f90559055856001015f8681526020019081526020015f205f9055600193505050506102dd565b6060815f0180548060200260200160405190810160405280929190818152602001828054801561166f57602002820191905f5260205f20905b81548152602001906001019080831161165b575b50505050509050919050565b50805461168790611abd565b5f825580601f10611696575050565b601f0160209004905f5260205f20906116af91906116c5565b565b5080545f8255905f5260205f20906116af91905b5f5b80821115611146575f818401556001016116c7565b6001600160a01b03811681146116f0575f5ffd5b50565b5f5f60408385031215611704575f5ffd5b823591506020830135611716816116dc565b809150509250929050565b5f5f83601f840112611731575f5ffd5b50813567ffffffffffffffff811115611748575f5ffd5b60208301915083602082850101111561175f575f5ffd5b9250929050565b5f5f5f5f5f5f6080878903121561177b575f5ffd5b8635955060208701359450604087013567ffffffffffffffff81111561179f575f5ffd5b6117ab89828a01611721565b909550935050606087013567ffffffffffffffff8111156117ca575f5ffd5b8701601f810189136117da575f5ffd5b803567ffffffffffffffff8111156117f0575f5ffd5b8960208260051b8401011115611804575f5ffd5b60208201935080925050509295509295509295565b5f5f5f6040848603121561182b575f5ffd5b83359250602084013567ffffffffffffffff811115611848575f5ffd5b61185486828701611721565b9497909650939450505050565b5f5f5f5f60608587031215611874575f5ffd5b8435935060208501359250604085013567ffffffffffffffff811115611898575f5ffd5b6118a487828801611721565b95989497509550505050565b602080825282518282018190525f918401906040840190835b818110156118e75783518352602093840193909201916001016118c9565b509095945050505050565b5f60208284031215611902575f5ffd5b5035919050565b602080825282518282018190525f918401906040840190835b818110156118e75783516001600160a01b0316835260209384019390920191600101611922565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b828110156119ce57603f198786030184526119b9858351611949565b9450602093840193919091019060010161199d565b50929695505050505050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b828110156119ce57603f19878603018452815180518652602081015160606020880152611a306060880182611949565b6040928301518882039389019390935282518082526020938401935f9350909101905b80831015611a765783518252602082019150602084019350600183019250611a53565b50965050506020938401939190910190600101611a00565b5f60208284031215611a9e575f5ffd5b8151611238816116dc565b634e487b7160e01b5f52604160045260245ffd5b600181811c90821680611ad157607f821691505b602082108103611aef57634e487b7160e01b5f52602260045260245ffd5b50919050565b5f5b82811015611146575f82820155600101611af7565b601f821115611146578282111561114657805f5260205f20601f840160051c6020851015611b3757505f5b611b4b81601f860160051c03828401611af5565b5050505050565b815167ffffffffffffffff811115611b6c57611b6c611aa9565b611b8081611b7a8454611abd565b84611b0c565b6020601f821160018114611bb2575f8315611b9b5750848201515b5f19600385901b1c1916600184901b178455611b4b565b5f84815260208120601f198516915b82811015611be15787850151825560209485019460019092019101611bc1565b5084821015611bfe57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b815167ffffffffffffffff811115611c2757611c27611aa9565b68010000000000000000811115611c4057611c40611aa9565b815481835580821015611c6457825f528160205f2001611c6283830382611af5565b505b5060208301825f5260205f205f5b83811015611c8e57825182820155602090920191600101611c72565b505050505050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b604081525f611cd1604083018688611c96565b82810360208401528381526001600160fb1b03841115611cef575f5ffd5b8360051b80866020840137016020019695505050505050565b602081525f6110f1602083018486611c96565b634e487b7160e01b5f52603260045260245ffd5b602081525f6102da6020830184611949565b848152836020820152606060408201525f611d60606083018486611c96565b9695505050505050565b5f82518060208501845e5f920191825250919050565b818103818111156102dd57634e487b7160e01b5f52601160045260245ffd5b634e487b7160e01b5f52603160045260245ffdfea2646970667358221220fa1ee824d68cbc51856269d333941a00f5f794afdffda87a80c52a31868e533664736f6c63430008250033",
}

// PKPPermissions is an auto generated Go binding around an Ethereum contract.
type PKPPermissions struct {
	abi abi.ABI
}

// NewPKPPermissions creates a new instance of PKPPermissions.
func NewPKPPermissions() *PKPPermissions {
	parsed, err := PKPPermissionsMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &PKPPermissions{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *PKPPermissions) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address pkpNft_) returns()
func (pKPPermissions *PKPPermissions) PackConstructor(pkpNft_ common.Address) []byte {
	enc, err := pKPPermissions.abi.Pack("", pkpNft_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXAUTHIDLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0aac6ee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_AUTH_ID_LENGTH() view returns(uint256)
func (pKPPermissions *PKPPermissions) PackMAXAUTHIDLENGTH() []byte {
	enc, err := pKPPermissions.abi.Pack("MAX_AUTH_ID_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXAUTHIDLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0aac6ee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_AUTH_ID_LENGTH() view returns(uint256)
func (pKPPermissions *PKPPermissions) TryPackMAXAUTHIDLENGTH() ([]byte, error) {
	return pKPPermissions.abi.Pack("MAX_AUTH_ID_LENGTH")
}

// UnpackMAXAUTHIDLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf0aac6ee.
//
// Solidity: function MAX_AUTH_ID_LENGTH() view returns(uint256)
func (pKPPermissions *PKPPermissions) UnpackMAXAUTHIDLENGTH(data []byte) (*big.Int, error) {
	out, err := pKPPermissions.abi.Unpack("MAX_AUTH_ID_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXCIDLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa82da60d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_CID_LENGTH() view returns(uint256)
func (pKPPermissions *PKPPermissions) PackMAXCIDLENGTH() []byte {
	enc, err := pKPPermissions.abi.Pack("MAX_CID_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXCIDLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa82da60d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_CID_LENGTH() view returns(uint256)
func (pKPPermissions *PKPPermissions) TryPackMAXCIDLENGTH() ([]byte, error) {
	return pKPPermissions.abi.Pack("MAX_CID_LENGTH")
}

// UnpackMAXCIDLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa82da60d.
//
// Solidity: function MAX_CID_LENGTH() view returns(uint256)
func (pKPPermissions *PKPPermissions) UnpackMAXCIDLENGTH(data []byte) (*big.Int, error) {
	out, err := pKPPermissions.abi.Unpack("MAX_CID_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXPERTOKEN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf00f29f9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_PER_TOKEN() view returns(uint256)
func (pKPPermissions *PKPPermissions) PackMAXPERTOKEN() []byte {
	enc, err := pKPPermissions.abi.Pack("MAX_PER_TOKEN")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXPERTOKEN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf00f29f9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_PER_TOKEN() view returns(uint256)
func (pKPPermissions *PKPPermissions) TryPackMAXPERTOKEN() ([]byte, error) {
	return pKPPermissions.abi.Pack("MAX_PER_TOKEN")
}

// UnpackMAXPERTOKEN is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf00f29f9.
//
// Solidity: function MAX_PER_TOKEN() view returns(uint256)
func (pKPPermissions *PKPPermissions) UnpackMAXPERTOKEN(data []byte) (*big.Int, error) {
	out, err := pKPPermissions.abi.Unpack("MAX_PER_TOKEN", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXSCOPES is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb070aacd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_SCOPES() view returns(uint256)
func (pKPPermissions *PKPPermissions) PackMAXSCOPES() []byte {
	enc, err := pKPPermissions.abi.Pack("MAX_SCOPES")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXSCOPES is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb070aacd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_SCOPES() view returns(uint256)
func (pKPPermissions *PKPPermissions) TryPackMAXSCOPES() ([]byte, error) {
	return pKPPermissions.abi.Pack("MAX_SCOPES")
}

// UnpackMAXSCOPES is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb070aacd.
//
// Solidity: function MAX_SCOPES() view returns(uint256)
func (pKPPermissions *PKPPermissions) UnpackMAXSCOPES(data []byte) (*big.Int, error) {
	out, err := pKPPermissions.abi.Unpack("MAX_SCOPES", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAddPermittedAction is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54b06ae3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function addPermittedAction(uint256 tokenId, bytes ipfsCid) returns()
func (pKPPermissions *PKPPermissions) PackAddPermittedAction(tokenId *big.Int, ipfsCid []byte) []byte {
	enc, err := pKPPermissions.abi.Pack("addPermittedAction", tokenId, ipfsCid)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAddPermittedAction is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54b06ae3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function addPermittedAction(uint256 tokenId, bytes ipfsCid) returns()
func (pKPPermissions *PKPPermissions) TryPackAddPermittedAction(tokenId *big.Int, ipfsCid []byte) ([]byte, error) {
	return pKPPermissions.abi.Pack("addPermittedAction", tokenId, ipfsCid)
}

// PackAddPermittedAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7acf14cc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function addPermittedAddress(uint256 tokenId, address account) returns()
func (pKPPermissions *PKPPermissions) PackAddPermittedAddress(tokenId *big.Int, account common.Address) []byte {
	enc, err := pKPPermissions.abi.Pack("addPermittedAddress", tokenId, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAddPermittedAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7acf14cc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function addPermittedAddress(uint256 tokenId, address account) returns()
func (pKPPermissions *PKPPermissions) TryPackAddPermittedAddress(tokenId *big.Int, account common.Address) ([]byte, error) {
	return pKPPermissions.abi.Pack("addPermittedAddress", tokenId, account)
}

// PackAddPermittedAuthMethod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2370a754.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function addPermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes id, uint256[] scopes) returns()
func (pKPPermissions *PKPPermissions) PackAddPermittedAuthMethod(tokenId *big.Int, authMethodType *big.Int, id []byte, scopes []*big.Int) []byte {
	enc, err := pKPPermissions.abi.Pack("addPermittedAuthMethod", tokenId, authMethodType, id, scopes)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAddPermittedAuthMethod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2370a754.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function addPermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes id, uint256[] scopes) returns()
func (pKPPermissions *PKPPermissions) TryPackAddPermittedAuthMethod(tokenId *big.Int, authMethodType *big.Int, id []byte, scopes []*big.Int) ([]byte, error) {
	return pKPPermissions.abi.Pack("addPermittedAuthMethod", tokenId, authMethodType, id, scopes)
}

// PackGetPermittedActions is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbb7a1070.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getPermittedActions(uint256 tokenId) view returns(bytes[])
func (pKPPermissions *PKPPermissions) PackGetPermittedActions(tokenId *big.Int) []byte {
	enc, err := pKPPermissions.abi.Pack("getPermittedActions", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetPermittedActions is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbb7a1070.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getPermittedActions(uint256 tokenId) view returns(bytes[])
func (pKPPermissions *PKPPermissions) TryPackGetPermittedActions(tokenId *big.Int) ([]byte, error) {
	return pKPPermissions.abi.Pack("getPermittedActions", tokenId)
}

// UnpackGetPermittedActions is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbb7a1070.
//
// Solidity: function getPermittedActions(uint256 tokenId) view returns(bytes[])
func (pKPPermissions *PKPPermissions) UnpackGetPermittedActions(data []byte) ([][]byte, error) {
	out, err := pKPPermissions.abi.Unpack("getPermittedActions", data)
	if err != nil {
		return *new([][]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([][]byte)).(*[][]byte)
	return out0, nil
}

// PackGetPermittedAddresses is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xabc541ae.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getPermittedAddresses(uint256 tokenId) view returns(address[])
func (pKPPermissions *PKPPermissions) PackGetPermittedAddresses(tokenId *big.Int) []byte {
	enc, err := pKPPermissions.abi.Pack("getPermittedAddresses", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetPermittedAddresses is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xabc541ae.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getPermittedAddresses(uint256 tokenId) view returns(address[])
func (pKPPermissions *PKPPermissions) TryPackGetPermittedAddresses(tokenId *big.Int) ([]byte, error) {
	return pKPPermissions.abi.Pack("getPermittedAddresses", tokenId)
}

// UnpackGetPermittedAddresses is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xabc541ae.
//
// Solidity: function getPermittedAddresses(uint256 tokenId) view returns(address[])
func (pKPPermissions *PKPPermissions) UnpackGetPermittedAddresses(data []byte) ([]common.Address, error) {
	out, err := pKPPermissions.abi.Unpack("getPermittedAddresses", data)
	if err != nil {
		return *new([]common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	return out0, nil
}

// PackGetPermittedAuthMethodScopes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7018bf7c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getPermittedAuthMethodScopes(uint256 tokenId, uint256 authMethodType, bytes id) view returns(uint256[])
func (pKPPermissions *PKPPermissions) PackGetPermittedAuthMethodScopes(tokenId *big.Int, authMethodType *big.Int, id []byte) []byte {
	enc, err := pKPPermissions.abi.Pack("getPermittedAuthMethodScopes", tokenId, authMethodType, id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetPermittedAuthMethodScopes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7018bf7c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getPermittedAuthMethodScopes(uint256 tokenId, uint256 authMethodType, bytes id) view returns(uint256[])
func (pKPPermissions *PKPPermissions) TryPackGetPermittedAuthMethodScopes(tokenId *big.Int, authMethodType *big.Int, id []byte) ([]byte, error) {
	return pKPPermissions.abi.Pack("getPermittedAuthMethodScopes", tokenId, authMethodType, id)
}

// UnpackGetPermittedAuthMethodScopes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7018bf7c.
//
// Solidity: function getPermittedAuthMethodScopes(uint256 tokenId, uint256 authMethodType, bytes id) view returns(uint256[])
func (pKPPermissions *PKPPermissions) UnpackGetPermittedAuthMethodScopes(data []byte) ([]*big.Int, error) {
	out, err := pKPPermissions.abi.Unpack("getPermittedAuthMethodScopes", data)
	if err != nil {
		return *new([]*big.Int), err
	}
	out0 := *abi.ConvertType(out[0], new([]*big.Int)).(*[]*big.Int)
	return out0, nil
}

// PackGetPermittedAuthMethods is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf34f21ba.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getPermittedAuthMethods(uint256 tokenId) view returns((uint256,bytes,uint256[])[] out)
func (pKPPermissions *PKPPermissions) PackGetPermittedAuthMethods(tokenId *big.Int) []byte {
	enc, err := pKPPermissions.abi.Pack("getPermittedAuthMethods", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetPermittedAuthMethods is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf34f21ba.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getPermittedAuthMethods(uint256 tokenId) view returns((uint256,bytes,uint256[])[] out)
func (pKPPermissions *PKPPermissions) TryPackGetPermittedAuthMethods(tokenId *big.Int) ([]byte, error) {
	return pKPPermissions.abi.Pack("getPermittedAuthMethods", tokenId)
}

// UnpackGetPermittedAuthMethods is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf34f21ba.
//
// Solidity: function getPermittedAuthMethods(uint256 tokenId) view returns((uint256,bytes,uint256[])[] out)
func (pKPPermissions *PKPPermissions) UnpackGetPermittedAuthMethods(data []byte) ([]PKPPermissionsAuthMethod, error) {
	out, err := pKPPermissions.abi.Unpack("getPermittedAuthMethods", data)
	if err != nil {
		return *new([]PKPPermissionsAuthMethod), err
	}
	out0 := *abi.ConvertType(out[0], new([]PKPPermissionsAuthMethod)).(*[]PKPPermissionsAuthMethod)
	return out0, nil
}

// PackIsPermittedAction is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfceb3983.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isPermittedAction(uint256 tokenId, bytes ipfsCid) view returns(bool)
func (pKPPermissions *PKPPermissions) PackIsPermittedAction(tokenId *big.Int, ipfsCid []byte) []byte {
	enc, err := pKPPermissions.abi.Pack("isPermittedAction", tokenId, ipfsCid)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsPermittedAction is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfceb3983.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isPermittedAction(uint256 tokenId, bytes ipfsCid) view returns(bool)
func (pKPPermissions *PKPPermissions) TryPackIsPermittedAction(tokenId *big.Int, ipfsCid []byte) ([]byte, error) {
	return pKPPermissions.abi.Pack("isPermittedAction", tokenId, ipfsCid)
}

// UnpackIsPermittedAction is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfceb3983.
//
// Solidity: function isPermittedAction(uint256 tokenId, bytes ipfsCid) view returns(bool)
func (pKPPermissions *PKPPermissions) UnpackIsPermittedAction(data []byte) (bool, error) {
	out, err := pKPPermissions.abi.Unpack("isPermittedAction", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsPermittedAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x00008b4f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isPermittedAddress(uint256 tokenId, address account) view returns(bool)
func (pKPPermissions *PKPPermissions) PackIsPermittedAddress(tokenId *big.Int, account common.Address) []byte {
	enc, err := pKPPermissions.abi.Pack("isPermittedAddress", tokenId, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsPermittedAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x00008b4f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isPermittedAddress(uint256 tokenId, address account) view returns(bool)
func (pKPPermissions *PKPPermissions) TryPackIsPermittedAddress(tokenId *big.Int, account common.Address) ([]byte, error) {
	return pKPPermissions.abi.Pack("isPermittedAddress", tokenId, account)
}

// UnpackIsPermittedAddress is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x00008b4f.
//
// Solidity: function isPermittedAddress(uint256 tokenId, address account) view returns(bool)
func (pKPPermissions *PKPPermissions) UnpackIsPermittedAddress(data []byte) (bool, error) {
	out, err := pKPPermissions.abi.Unpack("isPermittedAddress", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsPermittedAuthMethod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x557b5eba.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isPermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes id) view returns(bool)
func (pKPPermissions *PKPPermissions) PackIsPermittedAuthMethod(tokenId *big.Int, authMethodType *big.Int, id []byte) []byte {
	enc, err := pKPPermissions.abi.Pack("isPermittedAuthMethod", tokenId, authMethodType, id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsPermittedAuthMethod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x557b5eba.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isPermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes id) view returns(bool)
func (pKPPermissions *PKPPermissions) TryPackIsPermittedAuthMethod(tokenId *big.Int, authMethodType *big.Int, id []byte) ([]byte, error) {
	return pKPPermissions.abi.Pack("isPermittedAuthMethod", tokenId, authMethodType, id)
}

// UnpackIsPermittedAuthMethod is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x557b5eba.
//
// Solidity: function isPermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes id) view returns(bool)
func (pKPPermissions *PKPPermissions) UnpackIsPermittedAuthMethod(data []byte) (bool, error) {
	out, err := pKPPermissions.abi.Unpack("isPermittedAuthMethod", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPkpNft is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfd4c9bad.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pkpNft() view returns(address)
func (pKPPermissions *PKPPermissions) PackPkpNft() []byte {
	enc, err := pKPPermissions.abi.Pack("pkpNft")
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
func (pKPPermissions *PKPPermissions) TryPackPkpNft() ([]byte, error) {
	return pKPPermissions.abi.Pack("pkpNft")
}

// UnpackPkpNft is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfd4c9bad.
//
// Solidity: function pkpNft() view returns(address)
func (pKPPermissions *PKPPermissions) UnpackPkpNft(data []byte) (common.Address, error) {
	out, err := pKPPermissions.abi.Unpack("pkpNft", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRemovePermittedAction is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd41a3272.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function removePermittedAction(uint256 tokenId, bytes ipfsCid) returns()
func (pKPPermissions *PKPPermissions) PackRemovePermittedAction(tokenId *big.Int, ipfsCid []byte) []byte {
	enc, err := pKPPermissions.abi.Pack("removePermittedAction", tokenId, ipfsCid)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRemovePermittedAction is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd41a3272.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function removePermittedAction(uint256 tokenId, bytes ipfsCid) returns()
func (pKPPermissions *PKPPermissions) TryPackRemovePermittedAction(tokenId *big.Int, ipfsCid []byte) ([]byte, error) {
	return pKPPermissions.abi.Pack("removePermittedAction", tokenId, ipfsCid)
}

// PackRemovePermittedAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb997606f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function removePermittedAddress(uint256 tokenId, address account) returns()
func (pKPPermissions *PKPPermissions) PackRemovePermittedAddress(tokenId *big.Int, account common.Address) []byte {
	enc, err := pKPPermissions.abi.Pack("removePermittedAddress", tokenId, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRemovePermittedAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb997606f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function removePermittedAddress(uint256 tokenId, address account) returns()
func (pKPPermissions *PKPPermissions) TryPackRemovePermittedAddress(tokenId *big.Int, account common.Address) ([]byte, error) {
	return pKPPermissions.abi.Pack("removePermittedAddress", tokenId, account)
}

// PackRemovePermittedAuthMethod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66fc6541.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function removePermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes id) returns()
func (pKPPermissions *PKPPermissions) PackRemovePermittedAuthMethod(tokenId *big.Int, authMethodType *big.Int, id []byte) []byte {
	enc, err := pKPPermissions.abi.Pack("removePermittedAuthMethod", tokenId, authMethodType, id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRemovePermittedAuthMethod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66fc6541.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function removePermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes id) returns()
func (pKPPermissions *PKPPermissions) TryPackRemovePermittedAuthMethod(tokenId *big.Int, authMethodType *big.Int, id []byte) ([]byte, error) {
	return pKPPermissions.abi.Pack("removePermittedAuthMethod", tokenId, authMethodType, id)
}

// PKPPermissionsPermittedActionAdded represents a PermittedActionAdded event raised by the PKPPermissions contract.
type PKPPermissionsPermittedActionAdded struct {
	TokenId *big.Int
	IpfsCid []byte
	Raw     *types.Log // Blockchain specific contextual infos
}

const PKPPermissionsPermittedActionAddedEventName = "PermittedActionAdded"

// ContractEventName returns the user-defined event name.
func (PKPPermissionsPermittedActionAdded) ContractEventName() string {
	return PKPPermissionsPermittedActionAddedEventName
}

// UnpackPermittedActionAddedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PermittedActionAdded(uint256 indexed tokenId, bytes ipfsCid)
func (pKPPermissions *PKPPermissions) UnpackPermittedActionAddedEvent(log *types.Log) (*PKPPermissionsPermittedActionAdded, error) {
	event := "PermittedActionAdded"
	if len(log.Topics) == 0 || log.Topics[0] != pKPPermissions.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPPermissionsPermittedActionAdded)
	if len(log.Data) > 0 {
		if err := pKPPermissions.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPPermissions.abi.Events[event].Inputs {
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

// PKPPermissionsPermittedActionRemoved represents a PermittedActionRemoved event raised by the PKPPermissions contract.
type PKPPermissionsPermittedActionRemoved struct {
	TokenId *big.Int
	IpfsCid []byte
	Raw     *types.Log // Blockchain specific contextual infos
}

const PKPPermissionsPermittedActionRemovedEventName = "PermittedActionRemoved"

// ContractEventName returns the user-defined event name.
func (PKPPermissionsPermittedActionRemoved) ContractEventName() string {
	return PKPPermissionsPermittedActionRemovedEventName
}

// UnpackPermittedActionRemovedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PermittedActionRemoved(uint256 indexed tokenId, bytes ipfsCid)
func (pKPPermissions *PKPPermissions) UnpackPermittedActionRemovedEvent(log *types.Log) (*PKPPermissionsPermittedActionRemoved, error) {
	event := "PermittedActionRemoved"
	if len(log.Topics) == 0 || log.Topics[0] != pKPPermissions.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPPermissionsPermittedActionRemoved)
	if len(log.Data) > 0 {
		if err := pKPPermissions.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPPermissions.abi.Events[event].Inputs {
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

// PKPPermissionsPermittedAddressAdded represents a PermittedAddressAdded event raised by the PKPPermissions contract.
type PKPPermissionsPermittedAddressAdded struct {
	TokenId *big.Int
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const PKPPermissionsPermittedAddressAddedEventName = "PermittedAddressAdded"

// ContractEventName returns the user-defined event name.
func (PKPPermissionsPermittedAddressAdded) ContractEventName() string {
	return PKPPermissionsPermittedAddressAddedEventName
}

// UnpackPermittedAddressAddedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PermittedAddressAdded(uint256 indexed tokenId, address indexed account)
func (pKPPermissions *PKPPermissions) UnpackPermittedAddressAddedEvent(log *types.Log) (*PKPPermissionsPermittedAddressAdded, error) {
	event := "PermittedAddressAdded"
	if len(log.Topics) == 0 || log.Topics[0] != pKPPermissions.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPPermissionsPermittedAddressAdded)
	if len(log.Data) > 0 {
		if err := pKPPermissions.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPPermissions.abi.Events[event].Inputs {
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

// PKPPermissionsPermittedAddressRemoved represents a PermittedAddressRemoved event raised by the PKPPermissions contract.
type PKPPermissionsPermittedAddressRemoved struct {
	TokenId *big.Int
	Account common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const PKPPermissionsPermittedAddressRemovedEventName = "PermittedAddressRemoved"

// ContractEventName returns the user-defined event name.
func (PKPPermissionsPermittedAddressRemoved) ContractEventName() string {
	return PKPPermissionsPermittedAddressRemovedEventName
}

// UnpackPermittedAddressRemovedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PermittedAddressRemoved(uint256 indexed tokenId, address indexed account)
func (pKPPermissions *PKPPermissions) UnpackPermittedAddressRemovedEvent(log *types.Log) (*PKPPermissionsPermittedAddressRemoved, error) {
	event := "PermittedAddressRemoved"
	if len(log.Topics) == 0 || log.Topics[0] != pKPPermissions.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPPermissionsPermittedAddressRemoved)
	if len(log.Data) > 0 {
		if err := pKPPermissions.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPPermissions.abi.Events[event].Inputs {
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

// PKPPermissionsPermittedAuthMethodAdded represents a PermittedAuthMethodAdded event raised by the PKPPermissions contract.
type PKPPermissionsPermittedAuthMethodAdded struct {
	TokenId        *big.Int
	AuthMethodType *big.Int
	Id             []byte
	Scopes         []*big.Int
	Raw            *types.Log // Blockchain specific contextual infos
}

const PKPPermissionsPermittedAuthMethodAddedEventName = "PermittedAuthMethodAdded"

// ContractEventName returns the user-defined event name.
func (PKPPermissionsPermittedAuthMethodAdded) ContractEventName() string {
	return PKPPermissionsPermittedAuthMethodAddedEventName
}

// UnpackPermittedAuthMethodAddedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PermittedAuthMethodAdded(uint256 indexed tokenId, uint256 indexed authMethodType, bytes id, uint256[] scopes)
func (pKPPermissions *PKPPermissions) UnpackPermittedAuthMethodAddedEvent(log *types.Log) (*PKPPermissionsPermittedAuthMethodAdded, error) {
	event := "PermittedAuthMethodAdded"
	if len(log.Topics) == 0 || log.Topics[0] != pKPPermissions.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPPermissionsPermittedAuthMethodAdded)
	if len(log.Data) > 0 {
		if err := pKPPermissions.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPPermissions.abi.Events[event].Inputs {
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

// PKPPermissionsPermittedAuthMethodRemoved represents a PermittedAuthMethodRemoved event raised by the PKPPermissions contract.
type PKPPermissionsPermittedAuthMethodRemoved struct {
	TokenId        *big.Int
	AuthMethodType *big.Int
	Id             []byte
	Raw            *types.Log // Blockchain specific contextual infos
}

const PKPPermissionsPermittedAuthMethodRemovedEventName = "PermittedAuthMethodRemoved"

// ContractEventName returns the user-defined event name.
func (PKPPermissionsPermittedAuthMethodRemoved) ContractEventName() string {
	return PKPPermissionsPermittedAuthMethodRemovedEventName
}

// UnpackPermittedAuthMethodRemovedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PermittedAuthMethodRemoved(uint256 indexed tokenId, uint256 indexed authMethodType, bytes id)
func (pKPPermissions *PKPPermissions) UnpackPermittedAuthMethodRemovedEvent(log *types.Log) (*PKPPermissionsPermittedAuthMethodRemoved, error) {
	event := "PermittedAuthMethodRemoved"
	if len(log.Topics) == 0 || log.Topics[0] != pKPPermissions.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(PKPPermissionsPermittedAuthMethodRemoved)
	if len(log.Data) > 0 {
		if err := pKPPermissions.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range pKPPermissions.abi.Events[event].Inputs {
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
func (pKPPermissions *PKPPermissions) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], pKPPermissions.abi.Errors["AlreadyPermitted"].ID.Bytes()[:4]) {
		return pKPPermissions.UnpackAlreadyPermittedError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPPermissions.abi.Errors["BadField"].ID.Bytes()[:4]) {
		return pKPPermissions.UnpackBadFieldError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPPermissions.abi.Errors["NotPermitted"].ID.Bytes()[:4]) {
		return pKPPermissions.UnpackNotPermittedError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPPermissions.abi.Errors["NotTokenOwner"].ID.Bytes()[:4]) {
		return pKPPermissions.UnpackNotTokenOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPPermissions.abi.Errors["TooManyPermissions"].ID.Bytes()[:4]) {
		return pKPPermissions.UnpackTooManyPermissionsError(raw[4:])
	}
	if bytes.Equal(raw[:4], pKPPermissions.abi.Errors["UnknownOrBurnedToken"].ID.Bytes()[:4]) {
		return pKPPermissions.UnpackUnknownOrBurnedTokenError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// PKPPermissionsAlreadyPermitted represents a AlreadyPermitted error raised by the PKPPermissions contract.
type PKPPermissionsAlreadyPermitted struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyPermitted(uint256 tokenId)
func PKPPermissionsAlreadyPermittedErrorID() common.Hash {
	return common.HexToHash("0x1dedea5c36a2e4cf8e306a0e752b6b829325882cd3bb1e2243f244ef44b428a6")
}

// UnpackAlreadyPermittedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyPermitted(uint256 tokenId)
func (pKPPermissions *PKPPermissions) UnpackAlreadyPermittedError(raw []byte) (*PKPPermissionsAlreadyPermitted, error) {
	out := new(PKPPermissionsAlreadyPermitted)
	if err := pKPPermissions.abi.UnpackIntoInterface(out, "AlreadyPermitted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPPermissionsBadField represents a BadField error raised by the PKPPermissions contract.
type PKPPermissionsBadField struct {
	Field string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadField(string field)
func PKPPermissionsBadFieldErrorID() common.Hash {
	return common.HexToHash("0xc149bc1296ccd6f4df3c5b9353c9964afb4d6d9e1c58c8e5aa17286002236da9")
}

// UnpackBadFieldError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadField(string field)
func (pKPPermissions *PKPPermissions) UnpackBadFieldError(raw []byte) (*PKPPermissionsBadField, error) {
	out := new(PKPPermissionsBadField)
	if err := pKPPermissions.abi.UnpackIntoInterface(out, "BadField", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPPermissionsNotPermitted represents a NotPermitted error raised by the PKPPermissions contract.
type PKPPermissionsNotPermitted struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPermitted(uint256 tokenId)
func PKPPermissionsNotPermittedErrorID() common.Hash {
	return common.HexToHash("0x369c72b456b5b5f1384d1c3a76d78cd1deff954152016b78f894373582624653")
}

// UnpackNotPermittedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPermitted(uint256 tokenId)
func (pKPPermissions *PKPPermissions) UnpackNotPermittedError(raw []byte) (*PKPPermissionsNotPermitted, error) {
	out := new(PKPPermissionsNotPermitted)
	if err := pKPPermissions.abi.UnpackIntoInterface(out, "NotPermitted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPPermissionsNotTokenOwner represents a NotTokenOwner error raised by the PKPPermissions contract.
type PKPPermissionsNotTokenOwner struct {
	TokenId *big.Int
	Caller  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotTokenOwner(uint256 tokenId, address caller)
func PKPPermissionsNotTokenOwnerErrorID() common.Hash {
	return common.HexToHash("0x6d3d18585f3e1732cc93a3986f35902be5466653aec52877015b8d89b025a053")
}

// UnpackNotTokenOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotTokenOwner(uint256 tokenId, address caller)
func (pKPPermissions *PKPPermissions) UnpackNotTokenOwnerError(raw []byte) (*PKPPermissionsNotTokenOwner, error) {
	out := new(PKPPermissionsNotTokenOwner)
	if err := pKPPermissions.abi.UnpackIntoInterface(out, "NotTokenOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPPermissionsTooManyPermissions represents a TooManyPermissions error raised by the PKPPermissions contract.
type PKPPermissionsTooManyPermissions struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooManyPermissions(uint256 tokenId)
func PKPPermissionsTooManyPermissionsErrorID() common.Hash {
	return common.HexToHash("0x79380c8d40bc2b13a97d8dd4a686b5356f35f5451869362238771f74dbc79456")
}

// UnpackTooManyPermissionsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooManyPermissions(uint256 tokenId)
func (pKPPermissions *PKPPermissions) UnpackTooManyPermissionsError(raw []byte) (*PKPPermissionsTooManyPermissions, error) {
	out := new(PKPPermissionsTooManyPermissions)
	if err := pKPPermissions.abi.UnpackIntoInterface(out, "TooManyPermissions", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// PKPPermissionsUnknownOrBurnedToken represents a UnknownOrBurnedToken error raised by the PKPPermissions contract.
type PKPPermissionsUnknownOrBurnedToken struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownOrBurnedToken(uint256 tokenId)
func PKPPermissionsUnknownOrBurnedTokenErrorID() common.Hash {
	return common.HexToHash("0x6e4e9cf6e97a6a5106607bc12f69d6f32ddc33773c371798e117a489f059d387")
}

// UnpackUnknownOrBurnedTokenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownOrBurnedToken(uint256 tokenId)
func (pKPPermissions *PKPPermissions) UnpackUnknownOrBurnedTokenError(raw []byte) (*PKPPermissionsUnknownOrBurnedToken, error) {
	out := new(PKPPermissionsUnknownOrBurnedToken)
	if err := pKPPermissions.abi.UnpackIntoInterface(out, "UnknownOrBurnedToken", raw); err != nil {
		return nil, err
	}
	return out, nil
}
