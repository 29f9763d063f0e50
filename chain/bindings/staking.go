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

// StakingEpochInfo is an auto generated low-level Go binding around an user-defined struct.
type StakingEpochInfo struct {
	Number      *big.Int
	State       uint8
	StartTime   *big.Int
	Length      *big.Int
	ReadyCount  *big.Int
	NextSetSize *big.Int
}

// StakingLitEpoch is an auto generated low-level Go binding around an user-defined struct.
type StakingLitEpoch struct {
	EpochLength *big.Int
	Number      *big.Int
	EndTime     *big.Int
	Retries     *big.Int
	Timeout     *big.Int
}

// StakingLitValidator is an auto generated low-level Go binding around an user-defined struct.
type StakingLitValidator struct {
	Ip             uint32
	Ipv6           *big.Int
	Port           uint32
	NodeAddress    common.Address
	Reward         *big.Int
	SenderPubKey   *big.Int
	ReceiverPubKey *big.Int
}

// StakingValidator is an auto generated low-level Go binding around an user-defined struct.
type StakingValidator struct {
	Operator   common.Address
	PeerId     []byte
	Url        string
	BlsDkgKey  []byte
	SecpDkgKey []byte
}

// StakingMetaData contains all meta data concerning the Staking contract.
var StakingMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"minStake_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"epochLength_\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"AlreadyInNextSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"AlreadySignalled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"}],\"name\":\"AlreadyVoted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"field\",\"type\":\"string\"}],\"name\":\"BadField\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"}],\"name\":\"BadPubkey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"endsAt\",\"type\":\"uint256\"}],\"name\":\"EpochNotOver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"have\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"want\",\"type\":\"uint256\"}],\"name\":\"InsufficientStake\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NextSetEmpty\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"NotInElectorate\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"NotInNextSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"PeerIdTaken\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReleaseAlreadyAllowed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReleaseNotAllowed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"}],\"name\":\"RootKeyAlreadySet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"StakeLocked\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TooManyValidators\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"}],\"name\":\"UnknownKeyType\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ValidatorRecordInUse\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"have\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"want\",\"type\":\"uint256\"}],\"name\":\"WrongEpoch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"enumStaking.EpochState\",\"name\":\"have\",\"type\":\"uint8\"},{\"internalType\":\"enumStaking.EpochState\",\"name\":\"want\",\"type\":\"uint8\"}],\"name\":\"WrongState\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"size\",\"type\":\"uint256\"}],\"name\":\"EpochAdvanced\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"EpochLengthChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"}],\"name\":\"JoinRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"KickedFromNextSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"LeaveRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"size\",\"type\":\"uint256\"}],\"name\":\"NextValidatorSetLocked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"NextValidatorSetUnlocked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"ReadyForNextEpoch\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ReadySignalled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"measurement\",\"type\":\"bytes\"}],\"name\":\"ReleaseAllowed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"measurement\",\"type\":\"bytes\"}],\"name\":\"ReleaseRevoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"RootKeySet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"RootKeyVoted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"Staked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"newState\",\"type\":\"uint8\"}],\"name\":\"StateChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"Unstaked\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"KEY_TYPE_BLS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KEY_TYPE_ECDSA\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_DKG_KEY_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_MEASUREMENT_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_PEER_ID_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_URL_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_VALIDATORS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"advanceEpoch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"measurement\",\"type\":\"bytes\"}],\"name\":\"allowRelease\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"allowedReleases\",\"outputs\":[{\"internalType\":\"bytes[]\",\"name\":\"\",\"type\":\"bytes[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentValidatorCountForConsensus\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentValidators\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"blsDkgKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"secpDkgKey\",\"type\":\"bytes\"}],\"internalType\":\"structStaking.Validator[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"epoch\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"number\",\"type\":\"uint256\"},{\"internalType\":\"enumStaking.EpochState\",\"name\":\"state\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"startTime\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"readyCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nextSetSize\",\"type\":\"uint256\"}],\"internalType\":\"structStaking.EpochInfo\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getActiveUnkickedValidatorStructsAndCounts\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"epochLength\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"number\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"endTime\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"retries\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"timeout\",\"type\":\"uint256\"}],\"internalType\":\"structStaking.LitEpoch\",\"name\":\"\",\"type\":\"tuple\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint32\",\"name\":\"ip\",\"type\":\"uint32\"},{\"internalType\":\"uint128\",\"name\":\"ipv6\",\"type\":\"uint128\"},{\"internalType\":\"uint32\",\"name\":\"port\",\"type\":\"uint32\"},{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"reward\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"senderPubKey\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"receiverPubKey\",\"type\":\"uint256\"}],\"internalType\":\"structStaking.LitValidator[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"hasSignalledReady\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"}],\"name\":\"hasVotedForRootKey\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isActive\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isInNextSet\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"measurement\",\"type\":\"bytes\"}],\"name\":\"isReleaseAllowed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"e\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isValidatorInEpoch\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"kickFromNextSet\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lockValidatorsForNextEpoch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextValidators\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"blsDkgKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"secpDkgKey\",\"type\":\"bytes\"}],\"internalType\":\"structStaking.Validator[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"}],\"name\":\"operatorOfPeer\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"blsDkgKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"secpDkgKey\",\"type\":\"bytes\"}],\"name\":\"requestToJoin\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"requestToLeave\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"measurement\",\"type\":\"bytes\"}],\"name\":\"revokeRelease\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"}],\"name\":\"rootKey\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"rootKeyVotes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"}],\"name\":\"sdkEndpoint\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"},{\"internalType\":\"uint32\",\"name\":\"ip\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"port\",\"type\":\"uint32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"setEpochLength\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"epochNumber\",\"type\":\"uint256\"}],\"name\":\"signalReadyForNextEpoch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"stake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"stakeOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"stakingToken\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"n\",\"type\":\"uint256\"}],\"name\":\"threshold\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unlockValidatorsForNextEpoch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"unstake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"validator\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"blsDkgKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"secpDkgKey\",\"type\":\"bytes\"}],\"internalType\":\"structStaking.Validator\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"e\",\"type\":\"uint256\"}],\"name\":\"validatorsOfEpoch\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"blsDkgKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"secpDkgKey\",\"type\":\"bytes\"}],\"internalType\":\"structStaking.Validator[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"voteForRootKey\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Staking",
	Bin: "0x60c060405234801561000f575f5ffd5b50604051613d5d380380613d5d83398101604081905261002e916100ea565b806001600160a01b03811661005c57604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b61006581610084565b50506001600160a01b0390921660805260a05260075542600655610133565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b6001600160a01b03811681146100e7575f5ffd5b50565b5f5f5f5f608085870312156100fd575f5ffd5b8451610108816100d3565b6020860151604087015160608801519296509094509250610128816100d3565b939692955090935050565b60805160a051613be66101775f395f818161037901528181610df601528181610f0e0152610f5a01525f818161046f01528181610e850152611b2d0152613be65ff3fe608060405234801561000f575f5ffd5b5060043610610276575f3560e01c806372f702f311610156578063a694fc3a116100ca578063c51d020e11610084578063c51d020e14610602578063cb71146e14610619578063d64d471814610622578063ebfae88b1461062a578063f2fde38b1461063d578063f99b562314610650575f5ffd5b8063a694fc3a146105b1578063ac2f8afe146105c4578063af4b5221146105cc578063b9137cca146105df578063c006e00b146105e7578063c18c3e24146105ef575f5ffd5b8063908d405c1161011b578063908d405c146104c657806390c84ab61461049957806399f00436146104e65780639d030a9d146105505780639f8a13d714610563578063a2cde6091461059c575f5ffd5b806372f702f31461046a5780638217c358146104915780638a55deb9146104995780638da5cb5b146104a1578063900cf0cf146104b1575f5ffd5b8063375b3c0a116101ed57806354eea796116101b257806354eea796146103f5578063581b9fe814610408578063591885561461041b5780636e96f00014610423578063714897df1461045a578063715018a614610462575f5ffd5b8063375b3c0a146103745780633b92faf81461039b5780633cf80e6c146103c657806342623360146103ce57806343cb0a0e146103ed575f5ffd5b80632cadd8031161023e5780632cadd803146102f45780632de2b8bb146103075780632e17de781461031a5780632e9116ff1461032d57806331eb7a1a146103405780633276533214610361575f5ffd5b806316930f4d1461027a5780631eb4179e146102845780632222ab0d146102ac578063223b3b7a146102c157806325f1096a146102e1575b5f5ffd5b610282610663565b005b61029761029236600461314e565b610782565b60405190151581526020015b60405180910390f35b6102b4610794565b6040516102a39190613195565b6102d46102cf36600461314e565b6107a5565b6040516102a39190613274565b6102976102ef3660046132ca565b610a26565b610282610302366004613308565b610a70565b61028261031536600461314e565b610d13565b61028261032836600461334f565b610d8d565b61028261033b366004613366565b610ef4565b61035361034e36600461334f565b61138b565b6040519081526020016102a3565b61028261036f3660046132ca565b6113ae565b6103537f000000000000000000000000000000000000000000000000000000000000000081565b6103ae6103a93660046132ca565b61147e565b6040516001600160a01b0390911681526020016102a3565b6102826114bb565b6103536103dc36600461314e565b60016020525f908152604090205481565b610353611600565b61028261040336600461334f565b61161a565b610353610416366004613308565b611657565b610353600281565b610436610431366004613444565b6116c4565b60408051931515845263ffffffff92831660208501529116908201526060016102a3565b61035360c881565b6102826118f8565b6103ae7f000000000000000000000000000000000000000000000000000000000000000081565b610353604081565b610353608081565b5f546001600160a01b03166103ae565b6104b961190b565b6040516102a39190613528565b6104d96104d436600461334f565b61199a565b6040516102a39190613572565b6102976104f4366004613584565b600c5460408051602081019290925281018390526001600160a01b03821660608201525f90601090829060800160408051808303601f190181529181528151602092830120835290820192909252015f205460ff169392505050565b61029761055e366004613584565b611a39565b61029761057136600461314e565b6004545f9081526009602090815260408083206001600160a01b039094168352929052205460ff1690565b6105a4611a8c565b6040516102a391906135ae565b6102826105bf36600461334f565b611b00565b610282611bc2565b6102976105da36600461314e565b611c21565b6105a4611c70565b610282611c84565b6105a46105fd36600461334f565b611d58565b61060a611de2565b6040516102a393929190613605565b61035361010081565b610353600181565b6102826106383660046132ca565b61215c565b61028261064b36600461314e565b6121f4565b61028261065e36600461334f565b612231565b61066c5f6123a5565b5f546001600160a01b031633146106bb575f60075460065461068e91906136f8565b9050804210156106b95760405163ceffd82f60e01b8152600481018290526024015b60405180910390fd5b505b5f6106c6600a6123f5565b9050805f036106e85760405163cb5ec03b60e01b815260040160405180910390fd5b6005805460ff19166001179055600c8054905f6107048361370b565b90915550505f600e556004546040518281527f08614e2b6f2de4475744edad2d6aaa89dd7463a2dbca5702b156059bcd94dd8d9060200160405180910390a26005545f516020613b915f395f51905f529060ff166002811115610769576107696134f4565b60405160ff90911681526020015b60405180910390a150565b5f61078e600a836123fe565b92915050565b60606107a0601261241f565b905090565b6107ad6130b6565b6001600160a01b038083165f90815260026020908152604091829020825160a0810190935280549093168252600183018054929392918401916107ef90613723565b80601f016020809104026020016040519081016040528092919081815260200182805461081b90613723565b80156108665780601f1061083d57610100808354040283529160200191610866565b820191905f5260205f20905b81548152906001019060200180831161084957829003601f168201915b5050505050815260200160028201805461087f90613723565b80601f01602080910402602001604051908101604052809291908181526020018280546108ab90613723565b80156108f65780601f106108cd576101008083540402835291602001916108f6565b820191905f5260205f20905b8154815290600101906020018083116108d957829003601f168201915b5050505050815260200160038201805461090f90613723565b80601f016020809104026020016040519081016040528092919081815260200182805461093b90613723565b80156109865780601f1061095d57610100808354040283529160200191610986565b820191905f5260205f20905b81548152906001019060200180831161096957829003601f168201915b5050505050815260200160048201805461099f90613723565b80601f01602080910402602001604051908101604052809291908181526020018280546109cb90613723565b8015610a165780601f106109ed57610100808354040283529160200191610a16565b820191905f5260205f20905b8154815290600101906020018083116109f957829003601f168201915b5050505050815250509050919050565b5f610a6983838080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506012939250506124f69050565b9392505050565b610a7b838383612522565b5f838152600f602052604090208054610a9390613723565b159050610ab65760405163a858997560e01b8152600481018490526024016106b0565b5f8060055460ff166002811115610acf57610acf6134f4565b03610b29576004545f90815260096020908152604080832033845290915290205460ff16610b125760405163f1785a8b60e01b81523360048201526024016106b0565b506004545f90815260086020526040902054610b60565b610b34600a336123fe565b610b535760405163f1785a8b60e01b81523360048201526024016106b0565b610b5d600a6123f5565b90505b600c5460408051602081019290925281018590523360608201525f9060800160408051601f1981840301815291815281516020928301205f818152601090935291205490915060ff1615610bd0576040516304f9da6360e01b8152600481018690523360248201526044016106b0565b5f81815260106020526040808220805460ff19166001179055600c5490518790610bfd9088908890613755565b604051908190038120610c259392916020019283526020830191909152604082015260600190565b6040516020818303038152906040528051906020012090505f60115f8381526020019081526020015f205f8154610c5b9061370b565b9190508190559050336001600160a01b0316877f457e1b97340f014fcbe730731ba201a9eacfc8a71d8e27d9e5d59fc67dc4abec8888604051610c9f92919061378c565b60405180910390a3610cb08461138b565b8110610d0a575f878152600f60205260409020610cce868883613804565b50867fc8bcf34e11c79b1599f7e919c52a291dc44f4d248168b48040e69dc7808edd938787604051610d0192919061378c565b60405180910390a25b50505050505050565b610d1b612605565b610d245f6123a5565b610d2f600a82612631565b610d5757604051630196fba360e61b81526001600160a01b03821660048201526024016106b0565b6040516001600160a01b038216907fa082bc9c6970dc1e4d6aa0d94713691d3dd4a0b3d812ca48dde2b277ea87bf33905f90a250565b805f03610dad57604051631f2a200560e01b815260040160405180910390fd5b335f9081526001602052604090205480821115610de7576040516322df051360e11b815260048101829052602481018390526044016106b0565b5f610df283836138bd565b90507f000000000000000000000000000000000000000000000000000000000000000081108015610e4e57506004545f90815260096020908152604080832033845290915290205460ff1680610e4e5750610e4e600a336123fe565b15610e6e5760405163268c65a160e11b81523360048201526024016106b0565b335f818152600160205260409020829055610eb4907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169085612645565b604080518481526020810183905233917f7fc4727e062e336010f2c282598ef5f14facb3de68cf8195c2f23e1454b2b74e910160405180910390a2505050565b610efd5f6123a5565b335f908152600160205260409020547f00000000000000000000000000000000000000000000000000000000000000001115610f8657335f90815260016020526040908190205490516322df051360e11b815260048101919091527f000000000000000000000000000000000000000000000000000000000000000060248201526044016106b0565b610f91600a336123fe565b15610fb15760405163c23f774d60e01b81523360048201526024016106b0565b6004545f90815260096020908152604080832033845290915290205460ff1615610ff05760405163ed16d70960e01b81523360048201526024016106b0565b60c8610ffc600a6123f5565b1061101a57604051630aee15d760e21b815260040160405180910390fd5b6040805180820190915260068152651c19595c925960d21b60208201526110439088608061267a565b6040805180820190915260038152621d5c9b60ea1b602082015261106a908661010061267a565b604080518082019091526009815268626c73446b674b657960b81b60208201526110969084608061267a565b60408051808201909152600a81526973656370446b674b657960b01b60208201526110c39082608061267a565b5f88886040516110d4929190613755565b60408051918290039091205f818152600360205291909120549091506001600160a01b0316801580159061111157506001600160a01b0381163314155b15611135578989826040516326881ba960e01b81526004016106b0939291906138d0565b335f90815260026020526040902080546001600160a01b031615611194575f8160010160405161116591906138fb565b60405180910390209050838114611192575f81815260036020526040902080546001600160a01b03191690555b505b5f8381526003602090815260409182902080546001600160a01b03191633908117909155825160a0810184529081528251601f8e018390048302810183019093528c835291828201918e908e90819084018382808284375f92019190915250505090825250604080516020601f8d018190048102820181019092528b815291810191908c908c90819084018382808284375f92019190915250505090825250604080516020601f8b0181900481028201810190925289815291810191908a908a90819084018382808284375f92019190915250505090825250604080516020601f8901819004810282018101909252878152918101919088908890819084018382808284375f920182905250939094525050338152600260209081526040909120835181546001600160a01b0319166001600160a01b039091161781559083015190915060018201906112e7908261396c565b50604082015160028201906112fc908261396c565b5060608201516003820190611311908261396c565b5060808201516004820190611326908261396c565b506113369150600a9050336126a6565b50336001600160a01b03167facd68deadee2e52280c37adcab56b8b717dcbb95be4e7cafac85579975310a118c8c8c8c6040516113769493929190613a26565b60405180910390a25050505050505050505050565b5f6003611399836002613a57565b6113a49060026136f8565b61078e9190613a6e565b6113b6612605565b604080518082018252600b81526a1b59585cdd5c995b595b9d60aa1b60208201526113e291839061267a565b61142482828080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506012939250506126ba9050565b6114415760405163b23ddb6960e01b815260040160405180910390fd5b7f66bfd14b8ce5c1c59f0038eed929be65a6d4b43a006311764660665087cc6a16828260405161147292919061378c565b60405180910390a15050565b5f60035f8484604051611492929190613755565b604080519182900390912082526020820192909252015f20546001600160a01b03169392505050565b6114c560026123a5565b5f60045460016114d591906136f8565b90505f6114e2600a612719565b90505f5b815181101561154d575f83815260096020526040812083516001929085908590811061151457611514613a8d565b6020908102919091018101516001600160a01b031682528101919091526040015f20805460ff19169115159190911790556001016114e6565b505f8281526008602052604090206115658282613aa1565b506004829055426006556005805460ff19169055600c8054905f6115888361370b565b90915550505f600e55805160405190815282907facfa06cebbab8226f9a388bff9f5fcf4569298028d939f4765958dc57dbb330b9060200160405180910390a26005545f516020613b915f395f51905f529060ff1660028111156115ee576115ee6134f4565b60405160ff9091168152602001611472565b6004545f908152600860205260408120546107a09061138b565b611622612605565b60078190556040518181527fa469a1158f9aef756edba2c93e06d07c3129178550ae1477acbc94c9a58c8dd990602001610777565b5f60115f600c5486868660405161166f929190613755565b6040519081900381206116979392916020019283526020830191909152604082015260600190565b6040516020818303038152906040528051906020012081526020019081526020015f205490509392505050565b5f5f5f5f8490505f6116f58260405180604001604052806007815260200166687474703a2f2f60c81b815250612725565b156117065750605091506007611752565b611730826040518060400160405280600881526020016768747470733a2f2f60c01b815250612725565b1561174257506101bb91506008611752565b5f5f5f94509450945050506118f1565b5f5b60048110156118115780156117bc57825182101580611798575082828151811061178057611780613a8d565b6020910101516001600160f81b031916601760f91b14155b156117ae575f5f5f9550955095505050506118f1565b816117b88161370b565b9250505b5f5f5f6117cb868660036127aa565b9250925092508215806117de575060ff82115b156117f7575f5f5f9850985098505050505050506118f1565b60089790971b64ffffffff00161795925050600101611754565b50815181108015611846575081818151811061182f5761182f613a8d565b6020910101516001600160f81b031916601d60f91b145b156118a0575f80806118648561185d8660016136f8565b60056127aa565b925092509250821580611875575081155b80611881575061ffff82115b15611899575f5f5f97509750975050505050506118f1565b9094509150505b8151811080156118d557508181815181106118bd576118bd613a8d565b6020910101516001600160f81b031916602f60f81b14155b156118ea575f5f5f94509450945050506118f1565b6001945050505b9193909250565b611900612605565b6119095f6128f7565b565b6119406040805160c081019091525f808252602082019081526020015f81526020015f81526020015f81526020015f81525090565b6040805160c081019091526004548152600554602082019060ff16600281111561196c5761196c6134f4565b815260200160065481526020016007548152602001600e548152602001611993600a6123f5565b9052919050565b5f818152600f602052604090208054606091906119b690613723565b80601f01602080910402602001604051908101604052809291908181526020018280546119e290613723565b8015611a2d5780601f10611a0457610100808354040283529160200191611a2d565b820191905f5260205f20905b815481529060010190602001808311611a1057829003601f168201915b50505050509050919050565b5f6004546001611a4991906136f8565b8303611a6157611a5a600a836123fe565b905061078e565b505f9182526009602090815260408084206001600160a01b0393909316845291905290205460ff1690565b60606107a060085f60045481526020019081526020015f20805480602002602001604051908101604052809291908181526020018280548015611af657602002820191905f5260205f20905b81546001600160a01b03168152600190910190602001808311611ad8575b5050505050612946565b805f03611b2057604051631f2a200560e01b815260040160405180910390fd5b611b556001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016333084612c87565b335f9081526001602052604081208054839290611b739084906136f8565b9091555050335f81815260016020908152604091829020548251858152918201527f1449c6dd7851abc30abf37f57715f492010519147cc2652fbc38202c18a6ee90910160405180910390a250565b611bcb5f6123a5565b611bd6600a33612631565b611bf557604051630196fba360e61b81523360048201526024016106b0565b60405133907f66dd3f24aecd483ffb01cc001943b425e0d38698c4659e79a6ac1ec300ef89f4905f90a2565b5f8060055460ff166002811115611c3a57611c3a6134f4565b1415801561078e575050600c545f908152600d602090815260408083206001600160a01b03949094168352929052205460ff1690565b60606107a0611c7f600a612719565b612946565b611c8c612605565b5f60055460ff166002811115611ca457611ca46134f4565b03611ccc57600554604051635649f63b60e01b81526106b09160ff1690600190600401613b32565b6005805460ff19169055600c8054905f611ce58361370b565b90915550505f600e81905560045460405190917ffdd8e3cdad732b28eb41a594ef76cf25076aa5aa2c2c082381fd72c97c2efa3591a26005545f516020613b915f395f51905f529060ff166002811115611d4157611d416134f4565b60405160ff909116815260200160405180910390a1565b60606004546001611d6991906136f8565b8203611d7c5761078e611c7f600a612719565b5f82815260086020908152604091829020805483518184028101840190945280845261078e9392830182828015611af657602002820191905f5260205f209081546001600160a01b03168152600190910190602001808311611ad8575050505050612946565b611e0f6040518060a001604052805f81526020015f81526020015f81526020015f81526020015f81525090565b6004545f90815260086020526040812080546060919083906001600160401b03811115611e3e57611e3e613430565b604051908082528060200260200182016040528015611ea357816020015b6040805160e0810182525f8082526020808301829052928201819052606082018190526080820181905260a0820181905260c082015282525f19909201910181611e5c5790505b5090505f805b8354811015612034575f5f5f611f7f60025f898781548110611ecd57611ecd613a8d565b5f9182526020808320909101546001600160a01b0316835282019290925260400190206002018054611efe90613723565b80601f0160208091040260200160405190810160405280929190818152602001828054611f2a90613723565b8015611f755780601f10611f4c57610100808354040283529160200191611f75565b820191905f5260205f20905b815481529060010190602001808311611f5857829003601f168201915b50505050506116c4565b92509250925082611f925750505061202c565b6040518060e001604052808363ffffffff1681526020015f6001600160801b031681526020018263ffffffff168152602001888681548110611fd657611fd6613a8d565b5f9182526020808320909101546001600160a01b03168352820181905260408201819052606090910152868661200b8161370b565b97508151811061201d5761201d613a8d565b60200260200101819052505050505b600101611ea9565b505f816001600160401b0381111561204e5761204e613430565b6040519080825280602002602001820160405280156120b357816020015b6040805160e0810182525f8082526020808301829052928201819052606082018190526080820181905260a0820181905260c082015282525f1990920191018161206c5790505b5090505f5b828110156120ff578381815181106120d2576120d2613a8d565b60200260200101518282815181106120ec576120ec613a8d565b60209081029190910101526001016120b8565b505f6040518060a001604052806007548152602001600454815260200160075460065461212c91906136f8565b81526020015f81526020015f81525090508061214b868054905061138b565b839750975097505050505050909192565b612164612605565b6121a682828080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250601293925050612cc39050565b6121c357604051635cc1cdab60e01b815260040160405180910390fd5b7f92dcba04613440f4060f0ae9ce6e094bc976961f235f18eadae7254a365094fc828260405161147292919061378c565b6121fc612605565b6001600160a01b03811661222557604051631e4fbdf760e01b81525f60048201526024016106b0565b61222e816128f7565b50565b61223b60016123a5565b60045481146122685760048054604051631c64c31360e31b815291820183905260248201526044016106b0565b612273600a336123fe565b61229257604051630196fba360e61b81523360048201526024016106b0565b600c545f908152600d6020908152604080832033845290915290205460ff16156122d157604051639913b53d60e01b81523360048201526024016106b0565b600c545f908152600d602090815260408083203384529091528120805460ff19166001179055600e8054916123058361370b565b9091555050604051339082907f49bcaeaa74a7238a81976ce3ed6e44ce63a997a358f478e512f3666241100b30905f90a3612340600a6123f5565b600e540361222e576005805460ff1916600217905560405181907f97c40dd272ccabf5278522d590829fd1f65983ffe412c794767643d55a5706be905f90a26005545f516020613b915f395f51905f529060ff166002811115610769576107696134f4565b8060028111156123b7576123b76134f4565b60055460ff1660028111156123ce576123ce6134f4565b1461222e57600554604051635649f63b60e01b81526106b09160ff16908390600401613b32565b5f61078e825490565b6001600160a01b0381165f9081526001830160205260408120541515610a69565b6060815f01805480602002602001604051908101604052809291908181526020015f905b828210156124eb578382905f5260205f2001805461246090613723565b80601f016020809104026020016040519081016040528092919081815260200182805461248c90613723565b80156124d75780601f106124ae576101008083540402835291602001916124d7565b820191905f5260205f20905b8154815290600101906020018083116124ba57829003601f168201915b505050505081526020019060010190612443565b505050509050919050565b5f82600101826040516125099190613b4d565b9081526040519081900360200190205415159392505050565b60018303612553576030811461254e57604051635d0df46360e01b8152600481018490526024016106b0565b505050565b600283036125e9576021811415806125c8575081815f81811061257857612578613a8d565b9050013560f81c60f81b6001600160f81b031916600260f81b141580156125c8575081815f8181106125ac576125ac613a8d565b9050013560f81c60f81b6001600160f81b031916600360f81b14155b1561254e57604051635d0df46360e01b8152600481018490526024016106b0565b60405163dee54f1760e01b8152600481018490526024016106b0565b5f546001600160a01b031633146119095760405163118cdaa760e01b81523360048201526024016106b0565b5f610a69836001600160a01b038416612e70565b6126528383836001612f4a565b61254e57604051635274afe760e01b81526001600160a01b03841660048201526024016106b0565b81158061268657508082115b1561254e57826040516360a4de0960e11b81526004016106b09190613572565b5f610a69836001600160a01b038416612fac565b5f6126c583836124f6565b6127125782546001810184555f84815260209020016126e4838261396c565b50825460405160018501906126fa908590613b4d565b9081526040519081900360200190205550600161078e565b505f61078e565b60605f610a6983612ff1565b5f81518351101561273757505f61078e565b5f5b82518110156127a05782818151811061275457612754613a8d565b602001015160f81c60f81b6001600160f81b03191684828151811061277b5761277b613a8d565b01602001516001600160f81b03191614612798575f91505061078e565b600101612739565b5060019392505050565b5f80835b8551811080156127e25750600360fc1b8682815181106127d0576127d0613a8d565b01602001516001600160f81b03191610155b80156128125750603960f81b86828151811061280057612800613a8d565b01602001516001600160f81b03191611155b15612886578361282286836138bd565b0361283457505f9150819050806128ee565b603086828151811061284857612848613a8d565b016020015161285a919060f81c613b63565b60ff1661286883600a613a57565b61287291906136f8565b91508061287e8161370b565b9150506127ae565b84810361289a57505f9150819050806128ee565b60016128a686836138bd565b1180156128d757508585815181106128c0576128c0613a8d565b6020910101516001600160f81b031916600360fc1b145b156128e957505f9150819050806128ee565b600192505b93509350939050565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b606081516001600160401b0381111561296157612961613430565b60405190808252806020026020018201604052801561299a57816020015b6129876130b6565b81526020019060019003908161297f5790505b5090505f5b8251811015612c815760025f8483815181106129bd576129bd613a8d565b60200260200101516001600160a01b03166001600160a01b031681526020019081526020015f206040518060a00160405290815f82015f9054906101000a90046001600160a01b03166001600160a01b03166001600160a01b03168152602001600182018054612a2c90613723565b80601f0160208091040260200160405190810160405280929190818152602001828054612a5890613723565b8015612aa35780601f10612a7a57610100808354040283529160200191612aa3565b820191905f5260205f20905b815481529060010190602001808311612a8657829003601f168201915b50505050508152602001600282018054612abc90613723565b80601f0160208091040260200160405190810160405280929190818152602001828054612ae890613723565b8015612b335780601f10612b0a57610100808354040283529160200191612b33565b820191905f5260205f20905b815481529060010190602001808311612b1657829003601f168201915b50505050508152602001600382018054612b4c90613723565b80601f0160208091040260200160405190810160405280929190818152602001828054612b7890613723565b8015612bc35780601f10612b9a57610100808354040283529160200191612bc3565b820191905f5260205f20905b815481529060010190602001808311612ba657829003601f168201915b50505050508152602001600482018054612bdc90613723565b80601f0160208091040260200160405190810160405280929190818152602001828054612c0890613723565b8015612c535780601f10612c2a57610100808354040283529160200191612c53565b820191905f5260205f20905b815481529060010190602001808311612c3657829003601f168201915b505050505081525050828281518110612c6e57612c6e613a8d565b602090810291909101015260010161299f565b50919050565b612c95848484846001613049565b612cbd57604051635274afe760e01b81526001600160a01b03851660048201526024016106b0565b50505050565b5f5f8360010183604051612cd79190613b4d565b9081526020016040518091039020549050805f14612e67575f612cfb6001836138bd565b85549091505f90612d0e906001906138bd565b9050808214612e0c575f865f018281548110612d2c57612d2c613a8d565b905f5260205f20018054612d3f90613723565b80601f0160208091040260200160405190810160405280929190818152602001828054612d6b90613723565b8015612db65780601f10612d8d57610100808354040283529160200191612db6565b820191905f5260205f20905b815481529060010190602001808311612d9957829003601f168201915b5050505050905080875f018481548110612dd257612dd2613a8d565b905f5260205f20019081612de6919061396c565b50838760010182604051612dfa9190613b4d565b90815260405190819003602001902055505b8554869080612e1d57612e1d613b7c565b600190038181905f5260205f20015f612e3691906130ed565b90558560010185604051612e4a9190613b4d565b90815260200160405180910390205f90556001935050505061078e565b5f91505061078e565b5f8181526001830160205260408120548015612e67575f612e926001836138bd565b85549091505f90612ea5906001906138bd565b9050808214612f04575f865f018281548110612ec357612ec3613a8d565b905f5260205f200154905080875f018481548110612ee357612ee3613a8d565b5f918252602080832090910192909255918252600188019052604090208390555b8554869080612f1557612f15613b7c565b600190038181905f5260205f20015f90559055856001015f8681526020019081526020015f205f90556001935050505061078e565b60405163a9059cbb60e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f51148316612fa0578383151615612f94573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b5f81815260018301602052604081205461271257508154600181810184555f84815260208082209093018490558454848252828601909352604090209190915561078e565b6060815f01805480602002602001604051908101604052809291908181526020018280548015611a2d57602002820191905f5260205f20905b81548152602001906001019080831161302a5750505050509050919050565b6040516323b872dd60e01b5f8181526001600160a01b038781166004528616602452604485905291602083606481808c5af1925060015f511483166130a5578383151615613099573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b6040518060a001604052805f6001600160a01b03168152602001606081526020016060815260200160608152602001606081525090565b5080546130f990613723565b5f825580601f10613108575050565b601f0160209004905f5260205f209061190991905f5b8082111561254e575f8184015560010161311e565b80356001600160a01b0381168114613149575f5ffd5b919050565b5f6020828403121561315e575f5ffd5b610a6982613133565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b828110156131ec57603f198786030184526131d7858351613167565b945060209384019391909101906001016131bb565b50929695505050505050565b60018060a01b0381511682525f602082015160a0602085015261321e60a0850182613167565b9050604083015184820360408601526132378282613167565b915050606083015184820360608601526132518282613167565b9150506080830151848203608086015261326b8282613167565b95945050505050565b602081525f610a6960208301846131f8565b5f5f83601f840112613296575f5ffd5b5081356001600160401b038111156132ac575f5ffd5b6020830191508360208285010111156132c3575f5ffd5b9250929050565b5f5f602083850312156132db575f5ffd5b82356001600160401b038111156132f0575f5ffd5b6132fc85828601613286565b90969095509350505050565b5f5f5f6040848603121561331a575f5ffd5b8335925060208401356001600160401b03811115613336575f5ffd5b61334286828701613286565b9497909650939450505050565b5f6020828403121561335f575f5ffd5b5035919050565b5f5f5f5f5f5f5f5f6080898b03121561337d575f5ffd5b88356001600160401b03811115613392575f5ffd5b61339e8b828c01613286565b90995097505060208901356001600160401b038111156133bc575f5ffd5b6133c88b828c01613286565b90975095505060408901356001600160401b038111156133e6575f5ffd5b6133f28b828c01613286565b90955093505060608901356001600160401b03811115613410575f5ffd5b61341c8b828c01613286565b999c989b5096995094979396929594505050565b634e487b7160e01b5f52604160045260245ffd5b5f60208284031215613454575f5ffd5b81356001600160401b03811115613469575f5ffd5b8201601f81018413613479575f5ffd5b80356001600160401b0381111561349257613492613430565b604051601f8201601f19908116603f011681016001600160401b03811182821017156134c0576134c0613430565b6040528181528282016020018610156134d7575f5ffd5b816020840160208301375f91810160200191909152949350505050565b634e487b7160e01b5f52602160045260245ffd5b6003811061352457634e487b7160e01b5f52602160045260245ffd5b9052565b8151815260208083015160c083019161354390840182613508565b5060408301516040830152606083015160608301526080830151608083015260a083015160a083015292915050565b602081525f610a696020830184613167565b5f5f60408385031215613595575f5ffd5b823591506135a560208401613133565b90509250929050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b828110156131ec57603f198786030184526135f08583516131f8565b945060209384019391909101906001016135d4565b5f60e0820185518352602086015160208401526040860151604084015260608601516060840152608086015160808401528460a084015260e060c0840152808451808352610100850191506020860192505f5b818110156136d757835163ffffffff81511684526001600160801b03602082015116602085015263ffffffff604082015116604085015260018060a01b0360608201511660608501526080810151608085015260a081015160a085015260c081015160c08501525060e083019250602084019350600181019050613658565b5090979650505050505050565b634e487b7160e01b5f52601160045260245ffd5b8082018082111561078e5761078e6136e4565b5f6001820161371c5761371c6136e4565b5060010190565b600181811c9082168061373757607f821691505b602082108103612c8157634e487b7160e01b5f52602260045260245ffd5b818382375f9101908152919050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b602081525f61379f602083018486613764565b949350505050565b5f5b8281101561254e575f828201556001016137a9565b601f82111561254e578282111561254e57805f5260205f20601f840160051c60208510156137e957505f5b6137fd81601f860160051c038284016137a7565b5050505050565b6001600160401b0383111561381b5761381b613430565b61382f836138298354613723565b836137be565b5f601f841160018114613860575f85156138495750838201355b5f19600387901b1c1916600186901b1783556137fd565b5f83815260208120601f198716915b8281101561388f578685013582556020948501946001909201910161386f565b50868210156138ab575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b8181038181111561078e5761078e6136e4565b604081525f6138e3604083018587613764565b905060018060a01b0383166020830152949350505050565b5f5f835461390881613723565b60018216801561391f576001811461393457613961565b60ff1983168652811515820286019350613961565b865f5260205f205f5b838110156139595781548882015260019091019060200161393d565b505081860193505b509195945050505050565b81516001600160401b0381111561398557613985613430565b613999816139938454613723565b846137be565b6020601f8211600181146139cb575f83156139b45750848201515b5f19600385901b1c1916600184901b1784556137fd565b5f84815260208120601f198516915b828110156139fa57878501518255602094850194600190920191016139da565b5084821015613a1757868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b604081525f613a39604083018688613764565b8281036020840152613a4c818587613764565b979650505050505050565b808202811582820484141761078e5761078e6136e4565b5f82613a8857634e487b7160e01b5f52601260045260245ffd5b500490565b634e487b7160e01b5f52603260045260245ffd5b81516001600160401b03811115613aba57613aba613430565b68010000000000000000811115613ad357613ad3613430565b815481835580821015613af757825f528160205f2001613af5838303826137a7565b505b5060208301825f5260205f205f5b83811015613b2a5782516001600160a01b031682820155602090920191600101613b05565b505050505050565b60408101613b408285613508565b610a696020830184613508565b5f82518060208501845e5f920191825250919050565b60ff828116828216039081111561078e5761078e6136e4565b634e487b7160e01b5f52603160045260245ffdfe551dc40198cc79684bb69e4931dba4ac16e4598792ee1c0a5000aeea366d7bb6a2646970667358221220eb3fc36bbe28dae9a55f5ec4d258ccf62b1656bed24a2e92e3cba17172af201b64736f6c63430008250033",
}

// Staking is an auto generated Go binding around an Ethereum contract.
type Staking struct {
	abi abi.ABI
}

// NewStaking creates a new instance of Staking.
func NewStaking() *Staking {
	parsed, err := StakingMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Staking{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Staking) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token, uint256 minStake_, uint256 epochLength_, address admin) returns()
func (staking *Staking) PackConstructor(token common.Address, minStake_ *big.Int, epochLength_ *big.Int, admin common.Address) []byte {
	enc, err := staking.abi.Pack("", token, minStake_, epochLength_, admin)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackKEYTYPEBLS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd64d4718.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KEY_TYPE_BLS() view returns(uint256)
func (staking *Staking) PackKEYTYPEBLS() []byte {
	enc, err := staking.abi.Pack("KEY_TYPE_BLS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKEYTYPEBLS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd64d4718.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KEY_TYPE_BLS() view returns(uint256)
func (staking *Staking) TryPackKEYTYPEBLS() ([]byte, error) {
	return staking.abi.Pack("KEY_TYPE_BLS")
}

// UnpackKEYTYPEBLS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd64d4718.
//
// Solidity: function KEY_TYPE_BLS() view returns(uint256)
func (staking *Staking) UnpackKEYTYPEBLS(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("KEY_TYPE_BLS", data)
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
func (staking *Staking) PackKEYTYPEECDSA() []byte {
	enc, err := staking.abi.Pack("KEY_TYPE_ECDSA")
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
func (staking *Staking) TryPackKEYTYPEECDSA() ([]byte, error) {
	return staking.abi.Pack("KEY_TYPE_ECDSA")
}

// UnpackKEYTYPEECDSA is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x59188556.
//
// Solidity: function KEY_TYPE_ECDSA() view returns(uint256)
func (staking *Staking) UnpackKEYTYPEECDSA(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("KEY_TYPE_ECDSA", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXDKGKEYLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a55deb9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_DKG_KEY_LENGTH() view returns(uint256)
func (staking *Staking) PackMAXDKGKEYLENGTH() []byte {
	enc, err := staking.abi.Pack("MAX_DKG_KEY_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXDKGKEYLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a55deb9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_DKG_KEY_LENGTH() view returns(uint256)
func (staking *Staking) TryPackMAXDKGKEYLENGTH() ([]byte, error) {
	return staking.abi.Pack("MAX_DKG_KEY_LENGTH")
}

// UnpackMAXDKGKEYLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8a55deb9.
//
// Solidity: function MAX_DKG_KEY_LENGTH() view returns(uint256)
func (staking *Staking) UnpackMAXDKGKEYLENGTH(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("MAX_DKG_KEY_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXMEASUREMENTLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8217c358.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_MEASUREMENT_LENGTH() view returns(uint256)
func (staking *Staking) PackMAXMEASUREMENTLENGTH() []byte {
	enc, err := staking.abi.Pack("MAX_MEASUREMENT_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXMEASUREMENTLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8217c358.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_MEASUREMENT_LENGTH() view returns(uint256)
func (staking *Staking) TryPackMAXMEASUREMENTLENGTH() ([]byte, error) {
	return staking.abi.Pack("MAX_MEASUREMENT_LENGTH")
}

// UnpackMAXMEASUREMENTLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8217c358.
//
// Solidity: function MAX_MEASUREMENT_LENGTH() view returns(uint256)
func (staking *Staking) UnpackMAXMEASUREMENTLENGTH(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("MAX_MEASUREMENT_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXPEERIDLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x90c84ab6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_PEER_ID_LENGTH() view returns(uint256)
func (staking *Staking) PackMAXPEERIDLENGTH() []byte {
	enc, err := staking.abi.Pack("MAX_PEER_ID_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXPEERIDLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x90c84ab6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_PEER_ID_LENGTH() view returns(uint256)
func (staking *Staking) TryPackMAXPEERIDLENGTH() ([]byte, error) {
	return staking.abi.Pack("MAX_PEER_ID_LENGTH")
}

// UnpackMAXPEERIDLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x90c84ab6.
//
// Solidity: function MAX_PEER_ID_LENGTH() view returns(uint256)
func (staking *Staking) UnpackMAXPEERIDLENGTH(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("MAX_PEER_ID_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXURLLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb71146e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_URL_LENGTH() view returns(uint256)
func (staking *Staking) PackMAXURLLENGTH() []byte {
	enc, err := staking.abi.Pack("MAX_URL_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXURLLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb71146e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_URL_LENGTH() view returns(uint256)
func (staking *Staking) TryPackMAXURLLENGTH() ([]byte, error) {
	return staking.abi.Pack("MAX_URL_LENGTH")
}

// UnpackMAXURLLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcb71146e.
//
// Solidity: function MAX_URL_LENGTH() view returns(uint256)
func (staking *Staking) UnpackMAXURLLENGTH(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("MAX_URL_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXVALIDATORS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x714897df.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_VALIDATORS() view returns(uint256)
func (staking *Staking) PackMAXVALIDATORS() []byte {
	enc, err := staking.abi.Pack("MAX_VALIDATORS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXVALIDATORS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x714897df.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_VALIDATORS() view returns(uint256)
func (staking *Staking) TryPackMAXVALIDATORS() ([]byte, error) {
	return staking.abi.Pack("MAX_VALIDATORS")
}

// UnpackMAXVALIDATORS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x714897df.
//
// Solidity: function MAX_VALIDATORS() view returns(uint256)
func (staking *Staking) UnpackMAXVALIDATORS(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("MAX_VALIDATORS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAdvanceEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3cf80e6c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function advanceEpoch() returns()
func (staking *Staking) PackAdvanceEpoch() []byte {
	enc, err := staking.abi.Pack("advanceEpoch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAdvanceEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3cf80e6c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function advanceEpoch() returns()
func (staking *Staking) TryPackAdvanceEpoch() ([]byte, error) {
	return staking.abi.Pack("advanceEpoch")
}

// PackAllowRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x32765332.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowRelease(bytes measurement) returns()
func (staking *Staking) PackAllowRelease(measurement []byte) []byte {
	enc, err := staking.abi.Pack("allowRelease", measurement)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x32765332.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowRelease(bytes measurement) returns()
func (staking *Staking) TryPackAllowRelease(measurement []byte) ([]byte, error) {
	return staking.abi.Pack("allowRelease", measurement)
}

// PackAllowedReleases is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2222ab0d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowedReleases() view returns(bytes[])
func (staking *Staking) PackAllowedReleases() []byte {
	enc, err := staking.abi.Pack("allowedReleases")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowedReleases is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2222ab0d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowedReleases() view returns(bytes[])
func (staking *Staking) TryPackAllowedReleases() ([]byte, error) {
	return staking.abi.Pack("allowedReleases")
}

// UnpackAllowedReleases is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2222ab0d.
//
// Solidity: function allowedReleases() view returns(bytes[])
func (staking *Staking) UnpackAllowedReleases(data []byte) ([][]byte, error) {
	out, err := staking.abi.Unpack("allowedReleases", data)
	if err != nil {
		return *new([][]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([][]byte)).(*[][]byte)
	return out0, nil
}

// PackCurrentValidatorCountForConsensus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43cb0a0e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentValidatorCountForConsensus() view returns(uint256)
func (staking *Staking) PackCurrentValidatorCountForConsensus() []byte {
	enc, err := staking.abi.Pack("currentValidatorCountForConsensus")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentValidatorCountForConsensus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43cb0a0e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentValidatorCountForConsensus() view returns(uint256)
func (staking *Staking) TryPackCurrentValidatorCountForConsensus() ([]byte, error) {
	return staking.abi.Pack("currentValidatorCountForConsensus")
}

// UnpackCurrentValidatorCountForConsensus is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x43cb0a0e.
//
// Solidity: function currentValidatorCountForConsensus() view returns(uint256)
func (staking *Staking) UnpackCurrentValidatorCountForConsensus(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("currentValidatorCountForConsensus", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCurrentValidators is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2cde609.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentValidators() view returns((address,bytes,string,bytes,bytes)[])
func (staking *Staking) PackCurrentValidators() []byte {
	enc, err := staking.abi.Pack("currentValidators")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentValidators is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2cde609.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentValidators() view returns((address,bytes,string,bytes,bytes)[])
func (staking *Staking) TryPackCurrentValidators() ([]byte, error) {
	return staking.abi.Pack("currentValidators")
}

// UnpackCurrentValidators is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa2cde609.
//
// Solidity: function currentValidators() view returns((address,bytes,string,bytes,bytes)[])
func (staking *Staking) UnpackCurrentValidators(data []byte) ([]StakingValidator, error) {
	out, err := staking.abi.Unpack("currentValidators", data)
	if err != nil {
		return *new([]StakingValidator), err
	}
	out0 := *abi.ConvertType(out[0], new([]StakingValidator)).(*[]StakingValidator)
	return out0, nil
}

// PackEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x900cf0cf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function epoch() view returns((uint256,uint8,uint256,uint256,uint256,uint256))
func (staking *Staking) PackEpoch() []byte {
	enc, err := staking.abi.Pack("epoch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x900cf0cf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function epoch() view returns((uint256,uint8,uint256,uint256,uint256,uint256))
func (staking *Staking) TryPackEpoch() ([]byte, error) {
	return staking.abi.Pack("epoch")
}

// UnpackEpoch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x900cf0cf.
//
// Solidity: function epoch() view returns((uint256,uint8,uint256,uint256,uint256,uint256))
func (staking *Staking) UnpackEpoch(data []byte) (StakingEpochInfo, error) {
	out, err := staking.abi.Unpack("epoch", data)
	if err != nil {
		return *new(StakingEpochInfo), err
	}
	out0 := *abi.ConvertType(out[0], new(StakingEpochInfo)).(*StakingEpochInfo)
	return out0, nil
}

// PackGetActiveUnkickedValidatorStructsAndCounts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc51d020e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getActiveUnkickedValidatorStructsAndCounts() view returns((uint256,uint256,uint256,uint256,uint256), uint256, (uint32,uint128,uint32,address,uint256,uint256,uint256)[])
func (staking *Staking) PackGetActiveUnkickedValidatorStructsAndCounts() []byte {
	enc, err := staking.abi.Pack("getActiveUnkickedValidatorStructsAndCounts")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetActiveUnkickedValidatorStructsAndCounts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc51d020e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getActiveUnkickedValidatorStructsAndCounts() view returns((uint256,uint256,uint256,uint256,uint256), uint256, (uint32,uint128,uint32,address,uint256,uint256,uint256)[])
func (staking *Staking) TryPackGetActiveUnkickedValidatorStructsAndCounts() ([]byte, error) {
	return staking.abi.Pack("getActiveUnkickedValidatorStructsAndCounts")
}

// GetActiveUnkickedValidatorStructsAndCountsOutput serves as a container for the return parameters of contract
// method GetActiveUnkickedValidatorStructsAndCounts.
type GetActiveUnkickedValidatorStructsAndCountsOutput struct {
	Arg0 StakingLitEpoch
	Arg1 *big.Int
	Arg2 []StakingLitValidator
}

// UnpackGetActiveUnkickedValidatorStructsAndCounts is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc51d020e.
//
// Solidity: function getActiveUnkickedValidatorStructsAndCounts() view returns((uint256,uint256,uint256,uint256,uint256), uint256, (uint32,uint128,uint32,address,uint256,uint256,uint256)[])
func (staking *Staking) UnpackGetActiveUnkickedValidatorStructsAndCounts(data []byte) (GetActiveUnkickedValidatorStructsAndCountsOutput, error) {
	out, err := staking.abi.Unpack("getActiveUnkickedValidatorStructsAndCounts", data)
	outstruct := new(GetActiveUnkickedValidatorStructsAndCountsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = *abi.ConvertType(out[0], new(StakingLitEpoch)).(*StakingLitEpoch)
	outstruct.Arg1 = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Arg2 = *abi.ConvertType(out[2], new([]StakingLitValidator)).(*[]StakingLitValidator)
	return *outstruct, nil
}

// PackHasSignalledReady is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaf4b5221.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hasSignalledReady(address operator) view returns(bool)
func (staking *Staking) PackHasSignalledReady(operator common.Address) []byte {
	enc, err := staking.abi.Pack("hasSignalledReady", operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHasSignalledReady is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaf4b5221.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hasSignalledReady(address operator) view returns(bool)
func (staking *Staking) TryPackHasSignalledReady(operator common.Address) ([]byte, error) {
	return staking.abi.Pack("hasSignalledReady", operator)
}

// UnpackHasSignalledReady is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaf4b5221.
//
// Solidity: function hasSignalledReady(address operator) view returns(bool)
func (staking *Staking) UnpackHasSignalledReady(data []byte) (bool, error) {
	out, err := staking.abi.Unpack("hasSignalledReady", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackHasVotedForRootKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x99f00436.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hasVotedForRootKey(uint256 keyType, address voter) view returns(bool)
func (staking *Staking) PackHasVotedForRootKey(keyType *big.Int, voter common.Address) []byte {
	enc, err := staking.abi.Pack("hasVotedForRootKey", keyType, voter)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHasVotedForRootKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x99f00436.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hasVotedForRootKey(uint256 keyType, address voter) view returns(bool)
func (staking *Staking) TryPackHasVotedForRootKey(keyType *big.Int, voter common.Address) ([]byte, error) {
	return staking.abi.Pack("hasVotedForRootKey", keyType, voter)
}

// UnpackHasVotedForRootKey is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x99f00436.
//
// Solidity: function hasVotedForRootKey(uint256 keyType, address voter) view returns(bool)
func (staking *Staking) UnpackHasVotedForRootKey(data []byte) (bool, error) {
	out, err := staking.abi.Unpack("hasVotedForRootKey", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsActive is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f8a13d7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isActive(address operator) view returns(bool)
func (staking *Staking) PackIsActive(operator common.Address) []byte {
	enc, err := staking.abi.Pack("isActive", operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsActive is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f8a13d7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isActive(address operator) view returns(bool)
func (staking *Staking) TryPackIsActive(operator common.Address) ([]byte, error) {
	return staking.abi.Pack("isActive", operator)
}

// UnpackIsActive is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9f8a13d7.
//
// Solidity: function isActive(address operator) view returns(bool)
func (staking *Staking) UnpackIsActive(data []byte) (bool, error) {
	out, err := staking.abi.Unpack("isActive", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsInNextSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1eb4179e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isInNextSet(address operator) view returns(bool)
func (staking *Staking) PackIsInNextSet(operator common.Address) []byte {
	enc, err := staking.abi.Pack("isInNextSet", operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsInNextSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1eb4179e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isInNextSet(address operator) view returns(bool)
func (staking *Staking) TryPackIsInNextSet(operator common.Address) ([]byte, error) {
	return staking.abi.Pack("isInNextSet", operator)
}

// UnpackIsInNextSet is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1eb4179e.
//
// Solidity: function isInNextSet(address operator) view returns(bool)
func (staking *Staking) UnpackIsInNextSet(data []byte) (bool, error) {
	out, err := staking.abi.Unpack("isInNextSet", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsReleaseAllowed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x25f1096a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isReleaseAllowed(bytes measurement) view returns(bool)
func (staking *Staking) PackIsReleaseAllowed(measurement []byte) []byte {
	enc, err := staking.abi.Pack("isReleaseAllowed", measurement)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsReleaseAllowed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x25f1096a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isReleaseAllowed(bytes measurement) view returns(bool)
func (staking *Staking) TryPackIsReleaseAllowed(measurement []byte) ([]byte, error) {
	return staking.abi.Pack("isReleaseAllowed", measurement)
}

// UnpackIsReleaseAllowed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x25f1096a.
//
// Solidity: function isReleaseAllowed(bytes measurement) view returns(bool)
func (staking *Staking) UnpackIsReleaseAllowed(data []byte) (bool, error) {
	out, err := staking.abi.Unpack("isReleaseAllowed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsValidatorInEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9d030a9d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isValidatorInEpoch(uint256 e, address operator) view returns(bool)
func (staking *Staking) PackIsValidatorInEpoch(e *big.Int, operator common.Address) []byte {
	enc, err := staking.abi.Pack("isValidatorInEpoch", e, operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsValidatorInEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9d030a9d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isValidatorInEpoch(uint256 e, address operator) view returns(bool)
func (staking *Staking) TryPackIsValidatorInEpoch(e *big.Int, operator common.Address) ([]byte, error) {
	return staking.abi.Pack("isValidatorInEpoch", e, operator)
}

// UnpackIsValidatorInEpoch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9d030a9d.
//
// Solidity: function isValidatorInEpoch(uint256 e, address operator) view returns(bool)
func (staking *Staking) UnpackIsValidatorInEpoch(data []byte) (bool, error) {
	out, err := staking.abi.Unpack("isValidatorInEpoch", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackKickFromNextSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2de2b8bb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function kickFromNextSet(address operator) returns()
func (staking *Staking) PackKickFromNextSet(operator common.Address) []byte {
	enc, err := staking.abi.Pack("kickFromNextSet", operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKickFromNextSet is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2de2b8bb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function kickFromNextSet(address operator) returns()
func (staking *Staking) TryPackKickFromNextSet(operator common.Address) ([]byte, error) {
	return staking.abi.Pack("kickFromNextSet", operator)
}

// PackLockValidatorsForNextEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16930f4d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lockValidatorsForNextEpoch() returns()
func (staking *Staking) PackLockValidatorsForNextEpoch() []byte {
	enc, err := staking.abi.Pack("lockValidatorsForNextEpoch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLockValidatorsForNextEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16930f4d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lockValidatorsForNextEpoch() returns()
func (staking *Staking) TryPackLockValidatorsForNextEpoch() ([]byte, error) {
	return staking.abi.Pack("lockValidatorsForNextEpoch")
}

// PackMinStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x375b3c0a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minStake() view returns(uint256)
func (staking *Staking) PackMinStake() []byte {
	enc, err := staking.abi.Pack("minStake")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x375b3c0a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minStake() view returns(uint256)
func (staking *Staking) TryPackMinStake() ([]byte, error) {
	return staking.abi.Pack("minStake")
}

// UnpackMinStake is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x375b3c0a.
//
// Solidity: function minStake() view returns(uint256)
func (staking *Staking) UnpackMinStake(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("minStake", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackNextValidators is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9137cca.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nextValidators() view returns((address,bytes,string,bytes,bytes)[])
func (staking *Staking) PackNextValidators() []byte {
	enc, err := staking.abi.Pack("nextValidators")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNextValidators is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9137cca.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nextValidators() view returns((address,bytes,string,bytes,bytes)[])
func (staking *Staking) TryPackNextValidators() ([]byte, error) {
	return staking.abi.Pack("nextValidators")
}

// UnpackNextValidators is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb9137cca.
//
// Solidity: function nextValidators() view returns((address,bytes,string,bytes,bytes)[])
func (staking *Staking) UnpackNextValidators(data []byte) ([]StakingValidator, error) {
	out, err := staking.abi.Unpack("nextValidators", data)
	if err != nil {
		return *new([]StakingValidator), err
	}
	out0 := *abi.ConvertType(out[0], new([]StakingValidator)).(*[]StakingValidator)
	return out0, nil
}

// PackOperatorOfPeer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3b92faf8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function operatorOfPeer(bytes peerId) view returns(address)
func (staking *Staking) PackOperatorOfPeer(peerId []byte) []byte {
	enc, err := staking.abi.Pack("operatorOfPeer", peerId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOperatorOfPeer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3b92faf8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function operatorOfPeer(bytes peerId) view returns(address)
func (staking *Staking) TryPackOperatorOfPeer(peerId []byte) ([]byte, error) {
	return staking.abi.Pack("operatorOfPeer", peerId)
}

// UnpackOperatorOfPeer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3b92faf8.
//
// Solidity: function operatorOfPeer(bytes peerId) view returns(address)
func (staking *Staking) UnpackOperatorOfPeer(data []byte) (common.Address, error) {
	out, err := staking.abi.Unpack("operatorOfPeer", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (staking *Staking) PackOwner() []byte {
	enc, err := staking.abi.Pack("owner")
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
func (staking *Staking) TryPackOwner() ([]byte, error) {
	return staking.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (staking *Staking) UnpackOwner(data []byte) (common.Address, error) {
	out, err := staking.abi.Unpack("owner", data)
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
func (staking *Staking) PackRenounceOwnership() []byte {
	enc, err := staking.abi.Pack("renounceOwnership")
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
func (staking *Staking) TryPackRenounceOwnership() ([]byte, error) {
	return staking.abi.Pack("renounceOwnership")
}

// PackRequestToJoin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e9116ff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestToJoin(bytes peerId, string url, bytes blsDkgKey, bytes secpDkgKey) returns()
func (staking *Staking) PackRequestToJoin(peerId []byte, url string, blsDkgKey []byte, secpDkgKey []byte) []byte {
	enc, err := staking.abi.Pack("requestToJoin", peerId, url, blsDkgKey, secpDkgKey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestToJoin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e9116ff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestToJoin(bytes peerId, string url, bytes blsDkgKey, bytes secpDkgKey) returns()
func (staking *Staking) TryPackRequestToJoin(peerId []byte, url string, blsDkgKey []byte, secpDkgKey []byte) ([]byte, error) {
	return staking.abi.Pack("requestToJoin", peerId, url, blsDkgKey, secpDkgKey)
}

// PackRequestToLeave is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac2f8afe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestToLeave() returns()
func (staking *Staking) PackRequestToLeave() []byte {
	enc, err := staking.abi.Pack("requestToLeave")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestToLeave is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac2f8afe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestToLeave() returns()
func (staking *Staking) TryPackRequestToLeave() ([]byte, error) {
	return staking.abi.Pack("requestToLeave")
}

// PackRevokeRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xebfae88b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeRelease(bytes measurement) returns()
func (staking *Staking) PackRevokeRelease(measurement []byte) []byte {
	enc, err := staking.abi.Pack("revokeRelease", measurement)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevokeRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xebfae88b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revokeRelease(bytes measurement) returns()
func (staking *Staking) TryPackRevokeRelease(measurement []byte) ([]byte, error) {
	return staking.abi.Pack("revokeRelease", measurement)
}

// PackRootKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x908d405c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rootKey(uint256 keyType) view returns(bytes)
func (staking *Staking) PackRootKey(keyType *big.Int) []byte {
	enc, err := staking.abi.Pack("rootKey", keyType)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRootKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x908d405c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rootKey(uint256 keyType) view returns(bytes)
func (staking *Staking) TryPackRootKey(keyType *big.Int) ([]byte, error) {
	return staking.abi.Pack("rootKey", keyType)
}

// UnpackRootKey is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x908d405c.
//
// Solidity: function rootKey(uint256 keyType) view returns(bytes)
func (staking *Staking) UnpackRootKey(data []byte) ([]byte, error) {
	out, err := staking.abi.Unpack("rootKey", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackRootKeyVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x581b9fe8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rootKeyVotes(uint256 keyType, bytes pubkey) view returns(uint256)
func (staking *Staking) PackRootKeyVotes(keyType *big.Int, pubkey []byte) []byte {
	enc, err := staking.abi.Pack("rootKeyVotes", keyType, pubkey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRootKeyVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x581b9fe8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rootKeyVotes(uint256 keyType, bytes pubkey) view returns(uint256)
func (staking *Staking) TryPackRootKeyVotes(keyType *big.Int, pubkey []byte) ([]byte, error) {
	return staking.abi.Pack("rootKeyVotes", keyType, pubkey)
}

// UnpackRootKeyVotes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x581b9fe8.
//
// Solidity: function rootKeyVotes(uint256 keyType, bytes pubkey) view returns(uint256)
func (staking *Staking) UnpackRootKeyVotes(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("rootKeyVotes", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSdkEndpoint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e96f000.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sdkEndpoint(string url) pure returns(bool ok, uint32 ip, uint32 port)
func (staking *Staking) PackSdkEndpoint(url string) []byte {
	enc, err := staking.abi.Pack("sdkEndpoint", url)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSdkEndpoint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e96f000.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sdkEndpoint(string url) pure returns(bool ok, uint32 ip, uint32 port)
func (staking *Staking) TryPackSdkEndpoint(url string) ([]byte, error) {
	return staking.abi.Pack("sdkEndpoint", url)
}

// SdkEndpointOutput serves as a container for the return parameters of contract
// method SdkEndpoint.
type SdkEndpointOutput struct {
	Ok   bool
	Ip   uint32
	Port uint32
}

// UnpackSdkEndpoint is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6e96f000.
//
// Solidity: function sdkEndpoint(string url) pure returns(bool ok, uint32 ip, uint32 port)
func (staking *Staking) UnpackSdkEndpoint(data []byte) (SdkEndpointOutput, error) {
	out, err := staking.abi.Unpack("sdkEndpoint", data)
	outstruct := new(SdkEndpointOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Ok = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.Ip = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	outstruct.Port = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	return *outstruct, nil
}

// PackSetEpochLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54eea796.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setEpochLength(uint256 length) returns()
func (staking *Staking) PackSetEpochLength(length *big.Int) []byte {
	enc, err := staking.abi.Pack("setEpochLength", length)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetEpochLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54eea796.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setEpochLength(uint256 length) returns()
func (staking *Staking) TryPackSetEpochLength(length *big.Int) ([]byte, error) {
	return staking.abi.Pack("setEpochLength", length)
}

// PackSignalReadyForNextEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf99b5623.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function signalReadyForNextEpoch(uint256 epochNumber) returns()
func (staking *Staking) PackSignalReadyForNextEpoch(epochNumber *big.Int) []byte {
	enc, err := staking.abi.Pack("signalReadyForNextEpoch", epochNumber)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSignalReadyForNextEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf99b5623.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function signalReadyForNextEpoch(uint256 epochNumber) returns()
func (staking *Staking) TryPackSignalReadyForNextEpoch(epochNumber *big.Int) ([]byte, error) {
	return staking.abi.Pack("signalReadyForNextEpoch", epochNumber)
}

// PackStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa694fc3a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function stake(uint256 amount) returns()
func (staking *Staking) PackStake(amount *big.Int) []byte {
	enc, err := staking.abi.Pack("stake", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa694fc3a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function stake(uint256 amount) returns()
func (staking *Staking) TryPackStake(amount *big.Int) ([]byte, error) {
	return staking.abi.Pack("stake", amount)
}

// PackStakeOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42623360.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function stakeOf(address ) view returns(uint256)
func (staking *Staking) PackStakeOf(arg0 common.Address) []byte {
	enc, err := staking.abi.Pack("stakeOf", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStakeOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42623360.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function stakeOf(address ) view returns(uint256)
func (staking *Staking) TryPackStakeOf(arg0 common.Address) ([]byte, error) {
	return staking.abi.Pack("stakeOf", arg0)
}

// UnpackStakeOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x42623360.
//
// Solidity: function stakeOf(address ) view returns(uint256)
func (staking *Staking) UnpackStakeOf(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("stakeOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackStakingToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x72f702f3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function stakingToken() view returns(address)
func (staking *Staking) PackStakingToken() []byte {
	enc, err := staking.abi.Pack("stakingToken")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStakingToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x72f702f3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function stakingToken() view returns(address)
func (staking *Staking) TryPackStakingToken() ([]byte, error) {
	return staking.abi.Pack("stakingToken")
}

// UnpackStakingToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x72f702f3.
//
// Solidity: function stakingToken() view returns(address)
func (staking *Staking) UnpackStakingToken(data []byte) (common.Address, error) {
	out, err := staking.abi.Unpack("stakingToken", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x31eb7a1a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function threshold(uint256 n) pure returns(uint256)
func (staking *Staking) PackThreshold(n *big.Int) []byte {
	enc, err := staking.abi.Pack("threshold", n)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x31eb7a1a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function threshold(uint256 n) pure returns(uint256)
func (staking *Staking) TryPackThreshold(n *big.Int) ([]byte, error) {
	return staking.abi.Pack("threshold", n)
}

// UnpackThreshold is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x31eb7a1a.
//
// Solidity: function threshold(uint256 n) pure returns(uint256)
func (staking *Staking) UnpackThreshold(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("threshold", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (staking *Staking) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := staking.abi.Pack("transferOwnership", newOwner)
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
func (staking *Staking) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return staking.abi.Pack("transferOwnership", newOwner)
}

// PackUnlockValidatorsForNextEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc006e00b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unlockValidatorsForNextEpoch() returns()
func (staking *Staking) PackUnlockValidatorsForNextEpoch() []byte {
	enc, err := staking.abi.Pack("unlockValidatorsForNextEpoch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnlockValidatorsForNextEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc006e00b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unlockValidatorsForNextEpoch() returns()
func (staking *Staking) TryPackUnlockValidatorsForNextEpoch() ([]byte, error) {
	return staking.abi.Pack("unlockValidatorsForNextEpoch")
}

// PackUnstake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e17de78.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unstake(uint256 amount) returns()
func (staking *Staking) PackUnstake(amount *big.Int) []byte {
	enc, err := staking.abi.Pack("unstake", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnstake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e17de78.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unstake(uint256 amount) returns()
func (staking *Staking) TryPackUnstake(amount *big.Int) ([]byte, error) {
	return staking.abi.Pack("unstake", amount)
}

// PackValidator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x223b3b7a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function validator(address operator) view returns((address,bytes,string,bytes,bytes))
func (staking *Staking) PackValidator(operator common.Address) []byte {
	enc, err := staking.abi.Pack("validator", operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValidator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x223b3b7a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function validator(address operator) view returns((address,bytes,string,bytes,bytes))
func (staking *Staking) TryPackValidator(operator common.Address) ([]byte, error) {
	return staking.abi.Pack("validator", operator)
}

// UnpackValidator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x223b3b7a.
//
// Solidity: function validator(address operator) view returns((address,bytes,string,bytes,bytes))
func (staking *Staking) UnpackValidator(data []byte) (StakingValidator, error) {
	out, err := staking.abi.Unpack("validator", data)
	if err != nil {
		return *new(StakingValidator), err
	}
	out0 := *abi.ConvertType(out[0], new(StakingValidator)).(*StakingValidator)
	return out0, nil
}

// PackValidatorsOfEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc18c3e24.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function validatorsOfEpoch(uint256 e) view returns((address,bytes,string,bytes,bytes)[])
func (staking *Staking) PackValidatorsOfEpoch(e *big.Int) []byte {
	enc, err := staking.abi.Pack("validatorsOfEpoch", e)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValidatorsOfEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc18c3e24.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function validatorsOfEpoch(uint256 e) view returns((address,bytes,string,bytes,bytes)[])
func (staking *Staking) TryPackValidatorsOfEpoch(e *big.Int) ([]byte, error) {
	return staking.abi.Pack("validatorsOfEpoch", e)
}

// UnpackValidatorsOfEpoch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc18c3e24.
//
// Solidity: function validatorsOfEpoch(uint256 e) view returns((address,bytes,string,bytes,bytes)[])
func (staking *Staking) UnpackValidatorsOfEpoch(data []byte) ([]StakingValidator, error) {
	out, err := staking.abi.Unpack("validatorsOfEpoch", data)
	if err != nil {
		return *new([]StakingValidator), err
	}
	out0 := *abi.ConvertType(out[0], new([]StakingValidator)).(*[]StakingValidator)
	return out0, nil
}

// PackVoteForRootKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2cadd803.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function voteForRootKey(uint256 keyType, bytes pubkey) returns()
func (staking *Staking) PackVoteForRootKey(keyType *big.Int, pubkey []byte) []byte {
	enc, err := staking.abi.Pack("voteForRootKey", keyType, pubkey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVoteForRootKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2cadd803.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function voteForRootKey(uint256 keyType, bytes pubkey) returns()
func (staking *Staking) TryPackVoteForRootKey(keyType *big.Int, pubkey []byte) ([]byte, error) {
	return staking.abi.Pack("voteForRootKey", keyType, pubkey)
}

// StakingEpochAdvanced represents a EpochAdvanced event raised by the Staking contract.
type StakingEpochAdvanced struct {
	Epoch *big.Int
	Size  *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const StakingEpochAdvancedEventName = "EpochAdvanced"

// ContractEventName returns the user-defined event name.
func (StakingEpochAdvanced) ContractEventName() string {
	return StakingEpochAdvancedEventName
}

// UnpackEpochAdvancedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EpochAdvanced(uint256 indexed epoch, uint256 size)
func (staking *Staking) UnpackEpochAdvancedEvent(log *types.Log) (*StakingEpochAdvanced, error) {
	event := "EpochAdvanced"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingEpochAdvanced)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingEpochLengthChanged represents a EpochLengthChanged event raised by the Staking contract.
type StakingEpochLengthChanged struct {
	Length *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const StakingEpochLengthChangedEventName = "EpochLengthChanged"

// ContractEventName returns the user-defined event name.
func (StakingEpochLengthChanged) ContractEventName() string {
	return StakingEpochLengthChangedEventName
}

// UnpackEpochLengthChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EpochLengthChanged(uint256 length)
func (staking *Staking) UnpackEpochLengthChangedEvent(log *types.Log) (*StakingEpochLengthChanged, error) {
	event := "EpochLengthChanged"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingEpochLengthChanged)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingJoinRequested represents a JoinRequested event raised by the Staking contract.
type StakingJoinRequested struct {
	Operator common.Address
	PeerId   []byte
	Url      string
	Raw      *types.Log // Blockchain specific contextual infos
}

const StakingJoinRequestedEventName = "JoinRequested"

// ContractEventName returns the user-defined event name.
func (StakingJoinRequested) ContractEventName() string {
	return StakingJoinRequestedEventName
}

// UnpackJoinRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JoinRequested(address indexed operator, bytes peerId, string url)
func (staking *Staking) UnpackJoinRequestedEvent(log *types.Log) (*StakingJoinRequested, error) {
	event := "JoinRequested"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingJoinRequested)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingKickedFromNextSet represents a KickedFromNextSet event raised by the Staking contract.
type StakingKickedFromNextSet struct {
	Operator common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const StakingKickedFromNextSetEventName = "KickedFromNextSet"

// ContractEventName returns the user-defined event name.
func (StakingKickedFromNextSet) ContractEventName() string {
	return StakingKickedFromNextSetEventName
}

// UnpackKickedFromNextSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event KickedFromNextSet(address indexed operator)
func (staking *Staking) UnpackKickedFromNextSetEvent(log *types.Log) (*StakingKickedFromNextSet, error) {
	event := "KickedFromNextSet"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingKickedFromNextSet)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingLeaveRequested represents a LeaveRequested event raised by the Staking contract.
type StakingLeaveRequested struct {
	Operator common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const StakingLeaveRequestedEventName = "LeaveRequested"

// ContractEventName returns the user-defined event name.
func (StakingLeaveRequested) ContractEventName() string {
	return StakingLeaveRequestedEventName
}

// UnpackLeaveRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event LeaveRequested(address indexed operator)
func (staking *Staking) UnpackLeaveRequestedEvent(log *types.Log) (*StakingLeaveRequested, error) {
	event := "LeaveRequested"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingLeaveRequested)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingNextValidatorSetLocked represents a NextValidatorSetLocked event raised by the Staking contract.
type StakingNextValidatorSetLocked struct {
	Epoch *big.Int
	Size  *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const StakingNextValidatorSetLockedEventName = "NextValidatorSetLocked"

// ContractEventName returns the user-defined event name.
func (StakingNextValidatorSetLocked) ContractEventName() string {
	return StakingNextValidatorSetLockedEventName
}

// UnpackNextValidatorSetLockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event NextValidatorSetLocked(uint256 indexed epoch, uint256 size)
func (staking *Staking) UnpackNextValidatorSetLockedEvent(log *types.Log) (*StakingNextValidatorSetLocked, error) {
	event := "NextValidatorSetLocked"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingNextValidatorSetLocked)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingNextValidatorSetUnlocked represents a NextValidatorSetUnlocked event raised by the Staking contract.
type StakingNextValidatorSetUnlocked struct {
	Epoch *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const StakingNextValidatorSetUnlockedEventName = "NextValidatorSetUnlocked"

// ContractEventName returns the user-defined event name.
func (StakingNextValidatorSetUnlocked) ContractEventName() string {
	return StakingNextValidatorSetUnlockedEventName
}

// UnpackNextValidatorSetUnlockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event NextValidatorSetUnlocked(uint256 indexed epoch)
func (staking *Staking) UnpackNextValidatorSetUnlockedEvent(log *types.Log) (*StakingNextValidatorSetUnlocked, error) {
	event := "NextValidatorSetUnlocked"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingNextValidatorSetUnlocked)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingOwnershipTransferred represents a OwnershipTransferred event raised by the Staking contract.
type StakingOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const StakingOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (StakingOwnershipTransferred) ContractEventName() string {
	return StakingOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (staking *Staking) UnpackOwnershipTransferredEvent(log *types.Log) (*StakingOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingReadyForNextEpoch represents a ReadyForNextEpoch event raised by the Staking contract.
type StakingReadyForNextEpoch struct {
	Epoch *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const StakingReadyForNextEpochEventName = "ReadyForNextEpoch"

// ContractEventName returns the user-defined event name.
func (StakingReadyForNextEpoch) ContractEventName() string {
	return StakingReadyForNextEpochEventName
}

// UnpackReadyForNextEpochEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReadyForNextEpoch(uint256 indexed epoch)
func (staking *Staking) UnpackReadyForNextEpochEvent(log *types.Log) (*StakingReadyForNextEpoch, error) {
	event := "ReadyForNextEpoch"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingReadyForNextEpoch)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingReadySignalled represents a ReadySignalled event raised by the Staking contract.
type StakingReadySignalled struct {
	Epoch    *big.Int
	Operator common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const StakingReadySignalledEventName = "ReadySignalled"

// ContractEventName returns the user-defined event name.
func (StakingReadySignalled) ContractEventName() string {
	return StakingReadySignalledEventName
}

// UnpackReadySignalledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReadySignalled(uint256 indexed epoch, address indexed operator)
func (staking *Staking) UnpackReadySignalledEvent(log *types.Log) (*StakingReadySignalled, error) {
	event := "ReadySignalled"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingReadySignalled)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingReleaseAllowed represents a ReleaseAllowed event raised by the Staking contract.
type StakingReleaseAllowed struct {
	Measurement []byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const StakingReleaseAllowedEventName = "ReleaseAllowed"

// ContractEventName returns the user-defined event name.
func (StakingReleaseAllowed) ContractEventName() string {
	return StakingReleaseAllowedEventName
}

// UnpackReleaseAllowedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReleaseAllowed(bytes measurement)
func (staking *Staking) UnpackReleaseAllowedEvent(log *types.Log) (*StakingReleaseAllowed, error) {
	event := "ReleaseAllowed"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingReleaseAllowed)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingReleaseRevoked represents a ReleaseRevoked event raised by the Staking contract.
type StakingReleaseRevoked struct {
	Measurement []byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const StakingReleaseRevokedEventName = "ReleaseRevoked"

// ContractEventName returns the user-defined event name.
func (StakingReleaseRevoked) ContractEventName() string {
	return StakingReleaseRevokedEventName
}

// UnpackReleaseRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReleaseRevoked(bytes measurement)
func (staking *Staking) UnpackReleaseRevokedEvent(log *types.Log) (*StakingReleaseRevoked, error) {
	event := "ReleaseRevoked"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingReleaseRevoked)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingRootKeySet represents a RootKeySet event raised by the Staking contract.
type StakingRootKeySet struct {
	KeyType *big.Int
	Pubkey  []byte
	Raw     *types.Log // Blockchain specific contextual infos
}

const StakingRootKeySetEventName = "RootKeySet"

// ContractEventName returns the user-defined event name.
func (StakingRootKeySet) ContractEventName() string {
	return StakingRootKeySetEventName
}

// UnpackRootKeySetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RootKeySet(uint256 indexed keyType, bytes pubkey)
func (staking *Staking) UnpackRootKeySetEvent(log *types.Log) (*StakingRootKeySet, error) {
	event := "RootKeySet"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingRootKeySet)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingRootKeyVoted represents a RootKeyVoted event raised by the Staking contract.
type StakingRootKeyVoted struct {
	KeyType *big.Int
	Voter   common.Address
	Pubkey  []byte
	Raw     *types.Log // Blockchain specific contextual infos
}

const StakingRootKeyVotedEventName = "RootKeyVoted"

// ContractEventName returns the user-defined event name.
func (StakingRootKeyVoted) ContractEventName() string {
	return StakingRootKeyVotedEventName
}

// UnpackRootKeyVotedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RootKeyVoted(uint256 indexed keyType, address indexed voter, bytes pubkey)
func (staking *Staking) UnpackRootKeyVotedEvent(log *types.Log) (*StakingRootKeyVoted, error) {
	event := "RootKeyVoted"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingRootKeyVoted)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingStaked represents a Staked event raised by the Staking contract.
type StakingStaked struct {
	Operator common.Address
	Amount   *big.Int
	Total    *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const StakingStakedEventName = "Staked"

// ContractEventName returns the user-defined event name.
func (StakingStaked) ContractEventName() string {
	return StakingStakedEventName
}

// UnpackStakedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Staked(address indexed operator, uint256 amount, uint256 total)
func (staking *Staking) UnpackStakedEvent(log *types.Log) (*StakingStaked, error) {
	event := "Staked"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingStaked)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingStateChanged represents a StateChanged event raised by the Staking contract.
type StakingStateChanged struct {
	NewState uint8
	Raw      *types.Log // Blockchain specific contextual infos
}

const StakingStateChangedEventName = "StateChanged"

// ContractEventName returns the user-defined event name.
func (StakingStateChanged) ContractEventName() string {
	return StakingStateChangedEventName
}

// UnpackStateChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event StateChanged(uint8 newState)
func (staking *Staking) UnpackStateChangedEvent(log *types.Log) (*StakingStateChanged, error) {
	event := "StateChanged"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingStateChanged)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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

// StakingUnstaked represents a Unstaked event raised by the Staking contract.
type StakingUnstaked struct {
	Operator common.Address
	Amount   *big.Int
	Total    *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const StakingUnstakedEventName = "Unstaked"

// ContractEventName returns the user-defined event name.
func (StakingUnstaked) ContractEventName() string {
	return StakingUnstakedEventName
}

// UnpackUnstakedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unstaked(address indexed operator, uint256 amount, uint256 total)
func (staking *Staking) UnpackUnstakedEvent(log *types.Log) (*StakingUnstaked, error) {
	event := "Unstaked"
	if len(log.Topics) == 0 || log.Topics[0] != staking.abi.Events[event].ID {
		return nil, errors.New("event signature mismatch")
	}
	out := new(StakingUnstaked)
	if len(log.Data) > 0 {
		if err := staking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range staking.abi.Events[event].Inputs {
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
func (staking *Staking) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], staking.abi.Errors["AlreadyInNextSet"].ID.Bytes()[:4]) {
		return staking.UnpackAlreadyInNextSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["AlreadySignalled"].ID.Bytes()[:4]) {
		return staking.UnpackAlreadySignalledError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["AlreadyVoted"].ID.Bytes()[:4]) {
		return staking.UnpackAlreadyVotedError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["BadField"].ID.Bytes()[:4]) {
		return staking.UnpackBadFieldError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["BadPubkey"].ID.Bytes()[:4]) {
		return staking.UnpackBadPubkeyError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["EpochNotOver"].ID.Bytes()[:4]) {
		return staking.UnpackEpochNotOverError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["InsufficientStake"].ID.Bytes()[:4]) {
		return staking.UnpackInsufficientStakeError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["NextSetEmpty"].ID.Bytes()[:4]) {
		return staking.UnpackNextSetEmptyError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["NotInElectorate"].ID.Bytes()[:4]) {
		return staking.UnpackNotInElectorateError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["NotInNextSet"].ID.Bytes()[:4]) {
		return staking.UnpackNotInNextSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return staking.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return staking.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["PeerIdTaken"].ID.Bytes()[:4]) {
		return staking.UnpackPeerIdTakenError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["ReleaseAlreadyAllowed"].ID.Bytes()[:4]) {
		return staking.UnpackReleaseAlreadyAllowedError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["ReleaseNotAllowed"].ID.Bytes()[:4]) {
		return staking.UnpackReleaseNotAllowedError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["RootKeyAlreadySet"].ID.Bytes()[:4]) {
		return staking.UnpackRootKeyAlreadySetError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return staking.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["StakeLocked"].ID.Bytes()[:4]) {
		return staking.UnpackStakeLockedError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["TooManyValidators"].ID.Bytes()[:4]) {
		return staking.UnpackTooManyValidatorsError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["UnknownKeyType"].ID.Bytes()[:4]) {
		return staking.UnpackUnknownKeyTypeError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["ValidatorRecordInUse"].ID.Bytes()[:4]) {
		return staking.UnpackValidatorRecordInUseError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["WrongEpoch"].ID.Bytes()[:4]) {
		return staking.UnpackWrongEpochError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["WrongState"].ID.Bytes()[:4]) {
		return staking.UnpackWrongStateError(raw[4:])
	}
	if bytes.Equal(raw[:4], staking.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return staking.UnpackZeroAmountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// StakingAlreadyInNextSet represents a AlreadyInNextSet error raised by the Staking contract.
type StakingAlreadyInNextSet struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyInNextSet(address operator)
func StakingAlreadyInNextSetErrorID() common.Hash {
	return common.HexToHash("0xc23f774d85a0c3834c7ed66fe06d336d941d1a78fcec1f098c1ed4b964f0a855")
}

// UnpackAlreadyInNextSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyInNextSet(address operator)
func (staking *Staking) UnpackAlreadyInNextSetError(raw []byte) (*StakingAlreadyInNextSet, error) {
	out := new(StakingAlreadyInNextSet)
	if err := staking.abi.UnpackIntoInterface(out, "AlreadyInNextSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingAlreadySignalled represents a AlreadySignalled error raised by the Staking contract.
type StakingAlreadySignalled struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadySignalled(address operator)
func StakingAlreadySignalledErrorID() common.Hash {
	return common.HexToHash("0x9913b53d8149d499e88fa17792d892233898316135717d5cf1b70ae7dddbc2c6")
}

// UnpackAlreadySignalledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadySignalled(address operator)
func (staking *Staking) UnpackAlreadySignalledError(raw []byte) (*StakingAlreadySignalled, error) {
	out := new(StakingAlreadySignalled)
	if err := staking.abi.UnpackIntoInterface(out, "AlreadySignalled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingAlreadyVoted represents a AlreadyVoted error raised by the Staking contract.
type StakingAlreadyVoted struct {
	KeyType *big.Int
	Voter   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyVoted(uint256 keyType, address voter)
func StakingAlreadyVotedErrorID() common.Hash {
	return common.HexToHash("0x04f9da634a3ce855cf7785808a673a41608288999dcd1d08e55bb33c69118f4a")
}

// UnpackAlreadyVotedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyVoted(uint256 keyType, address voter)
func (staking *Staking) UnpackAlreadyVotedError(raw []byte) (*StakingAlreadyVoted, error) {
	out := new(StakingAlreadyVoted)
	if err := staking.abi.UnpackIntoInterface(out, "AlreadyVoted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingBadField represents a BadField error raised by the Staking contract.
type StakingBadField struct {
	Field string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadField(string field)
func StakingBadFieldErrorID() common.Hash {
	return common.HexToHash("0xc149bc1296ccd6f4df3c5b9353c9964afb4d6d9e1c58c8e5aa17286002236da9")
}

// UnpackBadFieldError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadField(string field)
func (staking *Staking) UnpackBadFieldError(raw []byte) (*StakingBadField, error) {
	out := new(StakingBadField)
	if err := staking.abi.UnpackIntoInterface(out, "BadField", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingBadPubkey represents a BadPubkey error raised by the Staking contract.
type StakingBadPubkey struct {
	KeyType *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadPubkey(uint256 keyType)
func StakingBadPubkeyErrorID() common.Hash {
	return common.HexToHash("0x5d0df463b5929161d44ad4f40a53b1b978b9e0495ab8e5561b2591b673f4f5d5")
}

// UnpackBadPubkeyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadPubkey(uint256 keyType)
func (staking *Staking) UnpackBadPubkeyError(raw []byte) (*StakingBadPubkey, error) {
	out := new(StakingBadPubkey)
	if err := staking.abi.UnpackIntoInterface(out, "BadPubkey", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingEpochNotOver represents a EpochNotOver error raised by the Staking contract.
type StakingEpochNotOver struct {
	EndsAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EpochNotOver(uint256 endsAt)
func StakingEpochNotOverErrorID() common.Hash {
	return common.HexToHash("0xceffd82f825068d58d89ba1397e331b00ec73fed4c88bebe8415a546ec20f1d3")
}

// UnpackEpochNotOverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EpochNotOver(uint256 endsAt)
func (staking *Staking) UnpackEpochNotOverError(raw []byte) (*StakingEpochNotOver, error) {
	out := new(StakingEpochNotOver)
	if err := staking.abi.UnpackIntoInterface(out, "EpochNotOver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingInsufficientStake represents a InsufficientStake error raised by the Staking contract.
type StakingInsufficientStake struct {
	Have *big.Int
	Want *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientStake(uint256 have, uint256 want)
func StakingInsufficientStakeErrorID() common.Hash {
	return common.HexToHash("0x45be0a261a88f9fedc41221879f08865d5e8d6053c877967e6e8e39e5697e6d5")
}

// UnpackInsufficientStakeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientStake(uint256 have, uint256 want)
func (staking *Staking) UnpackInsufficientStakeError(raw []byte) (*StakingInsufficientStake, error) {
	out := new(StakingInsufficientStake)
	if err := staking.abi.UnpackIntoInterface(out, "InsufficientStake", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingNextSetEmpty represents a NextSetEmpty error raised by the Staking contract.
type StakingNextSetEmpty struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NextSetEmpty()
func StakingNextSetEmptyErrorID() common.Hash {
	return common.HexToHash("0xcb5ec03bc1a4ca9e40670fe2f656ee6e6dc375c6ddefadcc4598e083f2d8e6d7")
}

// UnpackNextSetEmptyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NextSetEmpty()
func (staking *Staking) UnpackNextSetEmptyError(raw []byte) (*StakingNextSetEmpty, error) {
	out := new(StakingNextSetEmpty)
	if err := staking.abi.UnpackIntoInterface(out, "NextSetEmpty", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingNotInElectorate represents a NotInElectorate error raised by the Staking contract.
type StakingNotInElectorate struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotInElectorate(address operator)
func StakingNotInElectorateErrorID() common.Hash {
	return common.HexToHash("0xf1785a8bd5138a18c038d64f1c794de1d49586b4e2af6d28e1d24a02bcd83af4")
}

// UnpackNotInElectorateError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotInElectorate(address operator)
func (staking *Staking) UnpackNotInElectorateError(raw []byte) (*StakingNotInElectorate, error) {
	out := new(StakingNotInElectorate)
	if err := staking.abi.UnpackIntoInterface(out, "NotInElectorate", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingNotInNextSet represents a NotInNextSet error raised by the Staking contract.
type StakingNotInNextSet struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotInNextSet(address operator)
func StakingNotInNextSetErrorID() common.Hash {
	return common.HexToHash("0x65bee8c03be0ec7d04cdf9227982fac94868a0a57696b8a5b0a65e2b0496e673")
}

// UnpackNotInNextSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotInNextSet(address operator)
func (staking *Staking) UnpackNotInNextSetError(raw []byte) (*StakingNotInNextSet, error) {
	out := new(StakingNotInNextSet)
	if err := staking.abi.UnpackIntoInterface(out, "NotInNextSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the Staking contract.
type StakingOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func StakingOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (staking *Staking) UnpackOwnableInvalidOwnerError(raw []byte) (*StakingOwnableInvalidOwner, error) {
	out := new(StakingOwnableInvalidOwner)
	if err := staking.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the Staking contract.
type StakingOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func StakingOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (staking *Staking) UnpackOwnableUnauthorizedAccountError(raw []byte) (*StakingOwnableUnauthorizedAccount, error) {
	out := new(StakingOwnableUnauthorizedAccount)
	if err := staking.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingPeerIdTaken represents a PeerIdTaken error raised by the Staking contract.
type StakingPeerIdTaken struct {
	PeerId   []byte
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PeerIdTaken(bytes peerId, address operator)
func StakingPeerIdTakenErrorID() common.Hash {
	return common.HexToHash("0x26881ba99d23ea94ae7934b905e2b321b73cb1b77a28c0297aa26310ae91a887")
}

// UnpackPeerIdTakenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PeerIdTaken(bytes peerId, address operator)
func (staking *Staking) UnpackPeerIdTakenError(raw []byte) (*StakingPeerIdTaken, error) {
	out := new(StakingPeerIdTaken)
	if err := staking.abi.UnpackIntoInterface(out, "PeerIdTaken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingReleaseAlreadyAllowed represents a ReleaseAlreadyAllowed error raised by the Staking contract.
type StakingReleaseAlreadyAllowed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReleaseAlreadyAllowed()
func StakingReleaseAlreadyAllowedErrorID() common.Hash {
	return common.HexToHash("0xb23ddb69d6363661b1aa9da28bd8a0aaa7fd41e5becc95a2e251c4a35a2f6a53")
}

// UnpackReleaseAlreadyAllowedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReleaseAlreadyAllowed()
func (staking *Staking) UnpackReleaseAlreadyAllowedError(raw []byte) (*StakingReleaseAlreadyAllowed, error) {
	out := new(StakingReleaseAlreadyAllowed)
	if err := staking.abi.UnpackIntoInterface(out, "ReleaseAlreadyAllowed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingReleaseNotAllowed represents a ReleaseNotAllowed error raised by the Staking contract.
type StakingReleaseNotAllowed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReleaseNotAllowed()
func StakingReleaseNotAllowedErrorID() common.Hash {
	return common.HexToHash("0x5cc1cdaba2f5d700d7d64acd8b90ce96d75b16be95fe575d3cbfa6f49347249a")
}

// UnpackReleaseNotAllowedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReleaseNotAllowed()
func (staking *Staking) UnpackReleaseNotAllowedError(raw []byte) (*StakingReleaseNotAllowed, error) {
	out := new(StakingReleaseNotAllowed)
	if err := staking.abi.UnpackIntoInterface(out, "ReleaseNotAllowed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingRootKeyAlreadySet represents a RootKeyAlreadySet error raised by the Staking contract.
type StakingRootKeyAlreadySet struct {
	KeyType *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RootKeyAlreadySet(uint256 keyType)
func StakingRootKeyAlreadySetErrorID() common.Hash {
	return common.HexToHash("0xa85899754c3b30a18088de529d275998dd6542342e59c61e6d0c02889ee45b3e")
}

// UnpackRootKeyAlreadySetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RootKeyAlreadySet(uint256 keyType)
func (staking *Staking) UnpackRootKeyAlreadySetError(raw []byte) (*StakingRootKeyAlreadySet, error) {
	out := new(StakingRootKeyAlreadySet)
	if err := staking.abi.UnpackIntoInterface(out, "RootKeyAlreadySet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the Staking contract.
type StakingSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func StakingSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (staking *Staking) UnpackSafeERC20FailedOperationError(raw []byte) (*StakingSafeERC20FailedOperation, error) {
	out := new(StakingSafeERC20FailedOperation)
	if err := staking.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingStakeLocked represents a StakeLocked error raised by the Staking contract.
type StakingStakeLocked struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StakeLocked(address operator)
func StakingStakeLockedErrorID() common.Hash {
	return common.HexToHash("0x4d18cb42f98b6524ed2046bea77a799ffce50b6f2cf3256abd8f7acc4f3e419d")
}

// UnpackStakeLockedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StakeLocked(address operator)
func (staking *Staking) UnpackStakeLockedError(raw []byte) (*StakingStakeLocked, error) {
	out := new(StakingStakeLocked)
	if err := staking.abi.UnpackIntoInterface(out, "StakeLocked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingTooManyValidators represents a TooManyValidators error raised by the Staking contract.
type StakingTooManyValidators struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooManyValidators()
func StakingTooManyValidatorsErrorID() common.Hash {
	return common.HexToHash("0x2bb8575c55a3d6c296d97b1e361ba0733c6b4fde4f0b4919ddbcb9f4d73e6177")
}

// UnpackTooManyValidatorsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooManyValidators()
func (staking *Staking) UnpackTooManyValidatorsError(raw []byte) (*StakingTooManyValidators, error) {
	out := new(StakingTooManyValidators)
	if err := staking.abi.UnpackIntoInterface(out, "TooManyValidators", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingUnknownKeyType represents a UnknownKeyType error raised by the Staking contract.
type StakingUnknownKeyType struct {
	KeyType *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownKeyType(uint256 keyType)
func StakingUnknownKeyTypeErrorID() common.Hash {
	return common.HexToHash("0xdee54f17a89b70f4a561663dab85dd906ed7832c024c9d99b7e021508f25a2d1")
}

// UnpackUnknownKeyTypeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownKeyType(uint256 keyType)
func (staking *Staking) UnpackUnknownKeyTypeError(raw []byte) (*StakingUnknownKeyType, error) {
	out := new(StakingUnknownKeyType)
	if err := staking.abi.UnpackIntoInterface(out, "UnknownKeyType", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingValidatorRecordInUse represents a ValidatorRecordInUse error raised by the Staking contract.
type StakingValidatorRecordInUse struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValidatorRecordInUse(address operator)
func StakingValidatorRecordInUseErrorID() common.Hash {
	return common.HexToHash("0xed16d709ebaf8bfcbe9dd24adc9e4f84f81c7daf25a217bd79334cad82ee6568")
}

// UnpackValidatorRecordInUseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValidatorRecordInUse(address operator)
func (staking *Staking) UnpackValidatorRecordInUseError(raw []byte) (*StakingValidatorRecordInUse, error) {
	out := new(StakingValidatorRecordInUse)
	if err := staking.abi.UnpackIntoInterface(out, "ValidatorRecordInUse", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingWrongEpoch represents a WrongEpoch error raised by the Staking contract.
type StakingWrongEpoch struct {
	Have *big.Int
	Want *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongEpoch(uint256 have, uint256 want)
func StakingWrongEpochErrorID() common.Hash {
	return common.HexToHash("0xe3261898596e0465dd618f6b52ab21052539edc138a30c241fcf8a66e186316a")
}

// UnpackWrongEpochError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongEpoch(uint256 have, uint256 want)
func (staking *Staking) UnpackWrongEpochError(raw []byte) (*StakingWrongEpoch, error) {
	out := new(StakingWrongEpoch)
	if err := staking.abi.UnpackIntoInterface(out, "WrongEpoch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingWrongState represents a WrongState error raised by the Staking contract.
type StakingWrongState struct {
	Have uint8
	Want uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongState(uint8 have, uint8 want)
func StakingWrongStateErrorID() common.Hash {
	return common.HexToHash("0x5649f63b6ce6adea1e52f7de55bbd3b850ecc14405ec4c0053c5de6954e6cc91")
}

// UnpackWrongStateError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongState(uint8 have, uint8 want)
func (staking *Staking) UnpackWrongStateError(raw []byte) (*StakingWrongState, error) {
	out := new(StakingWrongState)
	if err := staking.abi.UnpackIntoInterface(out, "WrongState", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// StakingZeroAmount represents a ZeroAmount error raised by the Staking contract.
type StakingZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func StakingZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (staking *Staking) UnpackZeroAmountError(raw []byte) (*StakingZeroAmount, error) {
	out := new(StakingZeroAmount)
	if err := staking.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
