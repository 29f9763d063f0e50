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
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"minStake_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"epochLength_\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"AlreadyInNextSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"AlreadySignalled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"}],\"name\":\"AlreadyVoted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"field\",\"type\":\"string\"}],\"name\":\"BadField\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"}],\"name\":\"BadPubkey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"endsAt\",\"type\":\"uint256\"}],\"name\":\"EpochNotOver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"have\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"want\",\"type\":\"uint256\"}],\"name\":\"InsufficientStake\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NextSetEmpty\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"NotInElectorate\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"NotInNextSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"PeerIdTaken\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReleaseAlreadyAllowed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReleaseNotAllowed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"}],\"name\":\"RootKeyAlreadySet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"StakeLocked\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TooManyValidators\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"}],\"name\":\"UnknownKeyType\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ValidatorRecordInUse\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"have\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"want\",\"type\":\"uint256\"}],\"name\":\"WrongEpoch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"enumStaking.EpochState\",\"name\":\"have\",\"type\":\"uint8\"},{\"internalType\":\"enumStaking.EpochState\",\"name\":\"want\",\"type\":\"uint8\"}],\"name\":\"WrongState\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"size\",\"type\":\"uint256\"}],\"name\":\"EpochAdvanced\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"EpochLengthChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"}],\"name\":\"JoinRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"KickedFromNextSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"LeaveRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"size\",\"type\":\"uint256\"}],\"name\":\"NextValidatorSetLocked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"NextValidatorSetUnlocked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"ReadyForNextEpoch\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ReadySignalled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"measurement\",\"type\":\"bytes\"}],\"name\":\"ReleaseAllowed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"measurement\",\"type\":\"bytes\"}],\"name\":\"ReleaseRevoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"RootKeySet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"RootKeyVoted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"Staked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"newState\",\"type\":\"uint8\"}],\"name\":\"StateChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"Unstaked\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"KEY_TYPE_BLS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KEY_TYPE_BLS_PKP\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KEY_TYPE_ECDSA\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KEY_TYPE_ED25519\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KEY_TYPE_SCHNORR_K256\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_DKG_KEY_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_MEASUREMENT_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_PEER_ID_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_URL_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_VALIDATORS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"advanceEpoch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"measurement\",\"type\":\"bytes\"}],\"name\":\"allowRelease\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"allowedReleases\",\"outputs\":[{\"internalType\":\"bytes[]\",\"name\":\"\",\"type\":\"bytes[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentValidatorCountForConsensus\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentValidators\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"blsDkgKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"secpDkgKey\",\"type\":\"bytes\"}],\"internalType\":\"structStaking.Validator[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"epoch\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"number\",\"type\":\"uint256\"},{\"internalType\":\"enumStaking.EpochState\",\"name\":\"state\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"startTime\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"readyCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nextSetSize\",\"type\":\"uint256\"}],\"internalType\":\"structStaking.EpochInfo\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getActiveUnkickedValidatorStructsAndCounts\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"epochLength\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"number\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"endTime\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"retries\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"timeout\",\"type\":\"uint256\"}],\"internalType\":\"structStaking.LitEpoch\",\"name\":\"\",\"type\":\"tuple\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint32\",\"name\":\"ip\",\"type\":\"uint32\"},{\"internalType\":\"uint128\",\"name\":\"ipv6\",\"type\":\"uint128\"},{\"internalType\":\"uint32\",\"name\":\"port\",\"type\":\"uint32\"},{\"internalType\":\"address\",\"name\":\"nodeAddress\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"reward\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"senderPubKey\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"receiverPubKey\",\"type\":\"uint256\"}],\"internalType\":\"structStaking.LitValidator[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"hasSignalledReady\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"}],\"name\":\"hasVotedForRootKey\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isActive\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isInNextSet\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"measurement\",\"type\":\"bytes\"}],\"name\":\"isReleaseAllowed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"e\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isValidatorInEpoch\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"kickFromNextSet\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lockValidatorsForNextEpoch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextValidators\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"blsDkgKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"secpDkgKey\",\"type\":\"bytes\"}],\"internalType\":\"structStaking.Validator[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"}],\"name\":\"operatorOfPeer\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"blsDkgKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"secpDkgKey\",\"type\":\"bytes\"}],\"name\":\"requestToJoin\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"requestToLeave\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"measurement\",\"type\":\"bytes\"}],\"name\":\"revokeRelease\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"}],\"name\":\"rootKey\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"rootKeyVotes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"}],\"name\":\"sdkEndpoint\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"},{\"internalType\":\"uint32\",\"name\":\"ip\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"port\",\"type\":\"uint32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"setEpochLength\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"epochNumber\",\"type\":\"uint256\"}],\"name\":\"signalReadyForNextEpoch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"stake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"stakeOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"stakingToken\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"n\",\"type\":\"uint256\"}],\"name\":\"threshold\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unlockValidatorsForNextEpoch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"unstake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"validator\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"blsDkgKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"secpDkgKey\",\"type\":\"bytes\"}],\"internalType\":\"structStaking.Validator\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"e\",\"type\":\"uint256\"}],\"name\":\"validatorsOfEpoch\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"string\",\"name\":\"url\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"blsDkgKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"secpDkgKey\",\"type\":\"bytes\"}],\"internalType\":\"structStaking.Validator[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keyType\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"}],\"name\":\"voteForRootKey\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Staking",
	Bin: "0x60c060405234801561000f575f5ffd5b50604051613dd2380380613dd283398101604081905261002e916100ea565b806001600160a01b03811661005c57604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b61006581610084565b50506001600160a01b0390921660805260a05260075542600655610133565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b6001600160a01b03811681146100e7575f5ffd5b50565b5f5f5f5f608085870312156100fd575f5ffd5b8451610108816100d3565b6020860151604087015160608801519296509094509250610128816100d3565b939692955090935050565b60805160a051613c5b6101775f395f81816103a201528181610e2701528181610f3f0152610f8b01525f818161049801528181610eb60152611b5e0152613c5b5ff3fe608060405234801561000f575f5ffd5b5060043610610297575f3560e01c80638217c35811610161578063a694fc3a116100ca578063c51d020e11610084578063c51d020e14610633578063cb71146e1461064a578063d64d471814610653578063ebfae88b1461065b578063f2fde38b1461066e578063f99b562314610681575f5ffd5b8063a694fc3a146105e2578063ac2f8afe146105f5578063af4b5221146105fd578063b9137cca14610610578063c006e00b14610618578063c18c3e2414610620575f5ffd5b8063908d405c1161011b578063908d405c146104f757806390c84ab6146104ca57806399f00436146105175780639d030a9d146105815780639f8a13d714610594578063a2cde609146105cd575f5ffd5b80638217c358146104ba578063850d4c98146104c25780638a55deb9146104ca5780638adec9af146104ca5780638da5cb5b146104d2578063900cf0cf146104e2575f5ffd5b8063375b3c0a11610203578063581b9fe8116101bd578063581b9fe81461043157806359188556146104445780636e96f0001461044c578063714897df14610483578063715018a61461048b57806372f702f314610493575f5ffd5b8063375b3c0a1461039d5780633b92faf8146103c45780633cf80e6c146103ef57806342623360146103f757806343cb0a0e1461041657806354eea7961461041e575f5ffd5b80632cadd803116102545780632cadd8031461032b5780632de2b8bb1461033e5780632e17de78146103515780632e9116ff1461036457806331eb7a1a14610377578063327653321461038a575f5ffd5b806316930f4d1461029b5780631eb4179e146102a55780632222ab0d146102cd578063223b3b7a146102e257806325f1096a146103025780632c4d789314610315575b5f5ffd5b6102a3610694565b005b6102b86102b33660046131c3565b6107b3565b60405190151581526020015b60405180910390f35b6102d56107c5565b6040516102c4919061320a565b6102f56102f03660046131c3565b6107d6565b6040516102c491906132e9565b6102b861031036600461333f565b610a57565b61031d600381565b6040519081526020016102c4565b6102a361033936600461337d565b610aa1565b6102a361034c3660046131c3565b610d44565b6102a361035f3660046133c4565b610dbe565b6102a36103723660046133db565b610f25565b61031d6103853660046133c4565b6113bc565b6102a361039836600461333f565b6113df565b61031d7f000000000000000000000000000000000000000000000000000000000000000081565b6103d76103d236600461333f565b6114af565b6040516001600160a01b0390911681526020016102c4565b6102a36114ec565b61031d6104053660046131c3565b60016020525f908152604090205481565b61031d611631565b6102a361042c3660046133c4565b61164b565b61031d61043f36600461337d565b611688565b61031d600281565b61045f61045a3660046134b9565b6116f5565b60408051931515845263ffffffff92831660208501529116908201526060016102c4565b61031d60c881565b6102a3611929565b6103d77f000000000000000000000000000000000000000000000000000000000000000081565b61031d604081565b61031d600a81565b61031d608081565b5f546001600160a01b03166103d7565b6104ea61193c565b6040516102c4919061359d565b61050a6105053660046133c4565b6119cb565b6040516102c491906135e7565b6102b86105253660046135f9565b600c5460408051602081019290925281018390526001600160a01b03821660608201525f90601090829060800160408051808303601f190181529181528151602092830120835290820192909252015f205460ff169392505050565b6102b861058f3660046135f9565b611a6a565b6102b86105a23660046131c3565b6004545f9081526009602090815260408083206001600160a01b039094168352929052205460ff1690565b6105d5611abd565b6040516102c49190613623565b6102a36105f03660046133c4565b611b31565b6102a3611bf3565b6102b861060b3660046131c3565b611c52565b6105d5611ca1565b6102a3611cb5565b6105d561062e3660046133c4565b611d89565b61063b611e13565b6040516102c49392919061367a565b61031d61010081565b61031d600181565b6102a361066936600461333f565b61218d565b6102a361067c3660046131c3565b612225565b6102a361068f3660046133c4565b612262565b61069d5f6123d6565b5f546001600160a01b031633146106ec575f6007546006546106bf919061376d565b9050804210156106ea5760405163ceffd82f60e01b8152600481018290526024015b60405180910390fd5b505b5f6106f7600a612426565b9050805f036107195760405163cb5ec03b60e01b815260040160405180910390fd5b6005805460ff19166001179055600c8054905f61073583613780565b90915550505f600e556004546040518281527f08614e2b6f2de4475744edad2d6aaa89dd7463a2dbca5702b156059bcd94dd8d9060200160405180910390a26005545f516020613c065f395f51905f529060ff16600281111561079a5761079a613569565b60405160ff90911681526020015b60405180910390a150565b5f6107bf600a8361242f565b92915050565b60606107d16012612450565b905090565b6107de61312b565b6001600160a01b038083165f90815260026020908152604091829020825160a08101909352805490931682526001830180549293929184019161082090613798565b80601f016020809104026020016040519081016040528092919081815260200182805461084c90613798565b80156108975780601f1061086e57610100808354040283529160200191610897565b820191905f5260205f20905b81548152906001019060200180831161087a57829003601f168201915b505050505081526020016002820180546108b090613798565b80601f01602080910402602001604051908101604052809291908181526020018280546108dc90613798565b80156109275780601f106108fe57610100808354040283529160200191610927565b820191905f5260205f20905b81548152906001019060200180831161090a57829003601f168201915b5050505050815260200160038201805461094090613798565b80601f016020809104026020016040519081016040528092919081815260200182805461096c90613798565b80156109b75780601f1061098e576101008083540402835291602001916109b7565b820191905f5260205f20905b81548152906001019060200180831161099a57829003601f168201915b505050505081526020016004820180546109d090613798565b80601f01602080910402602001604051908101604052809291908181526020018280546109fc90613798565b8015610a475780601f10610a1e57610100808354040283529160200191610a47565b820191905f5260205f20905b815481529060010190602001808311610a2a57829003601f168201915b5050505050815250509050919050565b5f610a9a83838080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152506012939250506125279050565b9392505050565b610aac838383612553565b5f838152600f602052604090208054610ac490613798565b159050610ae75760405163a858997560e01b8152600481018490526024016106e1565b5f8060055460ff166002811115610b0057610b00613569565b03610b5a576004545f90815260096020908152604080832033845290915290205460ff16610b435760405163f1785a8b60e01b81523360048201526024016106e1565b506004545f90815260086020526040902054610b91565b610b65600a3361242f565b610b845760405163f1785a8b60e01b81523360048201526024016106e1565b610b8e600a612426565b90505b600c5460408051602081019290925281018590523360608201525f9060800160408051601f1981840301815291815281516020928301205f818152601090935291205490915060ff1615610c01576040516304f9da6360e01b8152600481018690523360248201526044016106e1565b5f81815260106020526040808220805460ff19166001179055600c5490518790610c2e90889088906137ca565b604051908190038120610c569392916020019283526020830191909152604082015260600190565b6040516020818303038152906040528051906020012090505f60115f8381526020019081526020015f205f8154610c8c90613780565b9190508190559050336001600160a01b0316877f457e1b97340f014fcbe730731ba201a9eacfc8a71d8e27d9e5d59fc67dc4abec8888604051610cd0929190613801565b60405180910390a3610ce1846113bc565b8110610d3b575f878152600f60205260409020610cff868883613879565b50867fc8bcf34e11c79b1599f7e919c52a291dc44f4d248168b48040e69dc7808edd938787604051610d32929190613801565b60405180910390a25b50505050505050565b610d4c61267a565b610d555f6123d6565b610d60600a826126a6565b610d8857604051630196fba360e61b81526001600160a01b03821660048201526024016106e1565b6040516001600160a01b038216907fa082bc9c6970dc1e4d6aa0d94713691d3dd4a0b3d812ca48dde2b277ea87bf33905f90a250565b805f03610dde57604051631f2a200560e01b815260040160405180910390fd5b335f9081526001602052604090205480821115610e18576040516322df051360e11b815260048101829052602481018390526044016106e1565b5f610e238383613932565b90507f000000000000000000000000000000000000000000000000000000000000000081108015610e7f57506004545f90815260096020908152604080832033845290915290205460ff1680610e7f5750610e7f600a3361242f565b15610e9f5760405163268c65a160e11b81523360048201526024016106e1565b335f818152600160205260409020829055610ee5907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690856126ba565b604080518481526020810183905233917f7fc4727e062e336010f2c282598ef5f14facb3de68cf8195c2f23e1454b2b74e910160405180910390a2505050565b610f2e5f6123d6565b335f908152600160205260409020547f00000000000000000000000000000000000000000000000000000000000000001115610fb757335f90815260016020526040908190205490516322df051360e11b815260048101919091527f000000000000000000000000000000000000000000000000000000000000000060248201526044016106e1565b610fc2600a3361242f565b15610fe25760405163c23f774d60e01b81523360048201526024016106e1565b6004545f90815260096020908152604080832033845290915290205460ff16156110215760405163ed16d70960e01b81523360048201526024016106e1565b60c861102d600a612426565b1061104b57604051630aee15d760e21b815260040160405180910390fd5b6040805180820190915260068152651c19595c925960d21b6020820152611074908860806126ef565b6040805180820190915260038152621d5c9b60ea1b602082015261109b90866101006126ef565b604080518082019091526009815268626c73446b674b657960b81b60208201526110c7908460806126ef565b60408051808201909152600a81526973656370446b674b657960b01b60208201526110f4908260806126ef565b5f88886040516111059291906137ca565b60408051918290039091205f818152600360205291909120549091506001600160a01b0316801580159061114257506001600160a01b0381163314155b15611166578989826040516326881ba960e01b81526004016106e193929190613945565b335f90815260026020526040902080546001600160a01b0316156111c5575f816001016040516111969190613970565b604051809103902090508381146111c3575f81815260036020526040902080546001600160a01b03191690555b505b5f8381526003602090815260409182902080546001600160a01b03191633908117909155825160a0810184529081528251601f8e018390048302810183019093528c835291828201918e908e90819084018382808284375f92019190915250505090825250604080516020601f8d018190048102820181019092528b815291810191908c908c90819084018382808284375f92019190915250505090825250604080516020601f8b0181900481028201810190925289815291810191908a908a90819084018382808284375f92019190915250505090825250604080516020601f8901819004810282018101909252878152918101919088908890819084018382808284375f920182905250939094525050338152600260209081526040909120835181546001600160a01b0319166001600160a01b0390911617815590830151909150600182019061131890826139e1565b506040820151600282019061132d90826139e1565b506060820151600382019061134290826139e1565b506080820151600482019061135790826139e1565b506113679150600a90503361271b565b50336001600160a01b03167facd68deadee2e52280c37adcab56b8b717dcbb95be4e7cafac85579975310a118c8c8c8c6040516113a79493929190613a9b565b60405180910390a25050505050505050505050565b5f60036113ca836002613acc565b6113d590600261376d565b6107bf9190613ae3565b6113e761267a565b604080518082018252600b81526a1b59585cdd5c995b595b9d60aa1b60208201526114139183906126ef565b61145582828080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525060129392505061272f9050565b6114725760405163b23ddb6960e01b815260040160405180910390fd5b7f66bfd14b8ce5c1c59f0038eed929be65a6d4b43a006311764660665087cc6a1682826040516114a3929190613801565b60405180910390a15050565b5f60035f84846040516114c39291906137ca565b604080519182900390912082526020820192909252015f20546001600160a01b03169392505050565b6114f660026123d6565b5f6004546001611506919061376d565b90505f611513600a61278e565b90505f5b815181101561157e575f83815260096020526040812083516001929085908590811061154557611545613b02565b6020908102919091018101516001600160a01b031682528101919091526040015f20805460ff1916911515919091179055600101611517565b505f8281526008602052604090206115968282613b16565b506004829055426006556005805460ff19169055600c8054905f6115b983613780565b90915550505f600e55805160405190815282907facfa06cebbab8226f9a388bff9f5fcf4569298028d939f4765958dc57dbb330b9060200160405180910390a26005545f516020613c065f395f51905f529060ff16600281111561161f5761161f613569565b60405160ff90911681526020016114a3565b6004545f908152600860205260408120546107d1906113bc565b61165361267a565b60078190556040518181527fa469a1158f9aef756edba2c93e06d07c3129178550ae1477acbc94c9a58c8dd9906020016107a8565b5f60115f600c548686866040516116a09291906137ca565b6040519081900381206116c89392916020019283526020830191909152604082015260600190565b6040516020818303038152906040528051906020012081526020019081526020015f205490509392505050565b5f5f5f5f8490505f6117268260405180604001604052806007815260200166687474703a2f2f60c81b81525061279a565b156117375750605091506007611783565b611761826040518060400160405280600881526020016768747470733a2f2f60c01b81525061279a565b1561177357506101bb91506008611783565b5f5f5f9450945094505050611922565b5f5b60048110156118425780156117ed578251821015806117c957508282815181106117b1576117b1613b02565b6020910101516001600160f81b031916601760f91b14155b156117df575f5f5f955095509550505050611922565b816117e981613780565b9250505b5f5f5f6117fc8686600361281f565b92509250925082158061180f575060ff82115b15611828575f5f5f985098509850505050505050611922565b60089790971b64ffffffff00161795925050600101611785565b50815181108015611877575081818151811061186057611860613b02565b6020910101516001600160f81b031916601d60f91b145b156118d1575f80806118958561188e86600161376d565b600561281f565b9250925092508215806118a6575081155b806118b2575061ffff82115b156118ca575f5f5f9750975097505050505050611922565b9094509150505b81518110801561190657508181815181106118ee576118ee613b02565b6020910101516001600160f81b031916602f60f81b14155b1561191b575f5f5f9450945094505050611922565b6001945050505b9193909250565b61193161267a565b61193a5f61296c565b565b6119716040805160c081019091525f808252602082019081526020015f81526020015f81526020015f81526020015f81525090565b6040805160c081019091526004548152600554602082019060ff16600281111561199d5761199d613569565b815260200160065481526020016007548152602001600e5481526020016119c4600a612426565b9052919050565b5f818152600f602052604090208054606091906119e790613798565b80601f0160208091040260200160405190810160405280929190818152602001828054611a1390613798565b8015611a5e5780601f10611a3557610100808354040283529160200191611a5e565b820191905f5260205f20905b815481529060010190602001808311611a4157829003601f168201915b50505050509050919050565b5f6004546001611a7a919061376d565b8303611a9257611a8b600a8361242f565b90506107bf565b505f9182526009602090815260408084206001600160a01b0393909316845291905290205460ff1690565b60606107d160085f60045481526020019081526020015f20805480602002602001604051908101604052809291908181526020018280548015611b2757602002820191905f5260205f20905b81546001600160a01b03168152600190910190602001808311611b09575b50505050506129bb565b805f03611b5157604051631f2a200560e01b815260040160405180910390fd5b611b866001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016333084612cfc565b335f9081526001602052604081208054839290611ba490849061376d565b9091555050335f81815260016020908152604091829020548251858152918201527f1449c6dd7851abc30abf37f57715f492010519147cc2652fbc38202c18a6ee90910160405180910390a250565b611bfc5f6123d6565b611c07600a336126a6565b611c2657604051630196fba360e61b81523360048201526024016106e1565b60405133907f66dd3f24aecd483ffb01cc001943b425e0d38698c4659e79a6ac1ec300ef89f4905f90a2565b5f8060055460ff166002811115611c6b57611c6b613569565b141580156107bf575050600c545f908152600d602090815260408083206001600160a01b03949094168352929052205460ff1690565b60606107d1611cb0600a61278e565b6129bb565b611cbd61267a565b5f60055460ff166002811115611cd557611cd5613569565b03611cfd57600554604051635649f63b60e01b81526106e19160ff1690600190600401613ba7565b6005805460ff19169055600c8054905f611d1683613780565b90915550505f600e81905560045460405190917ffdd8e3cdad732b28eb41a594ef76cf25076aa5aa2c2c082381fd72c97c2efa3591a26005545f516020613c065f395f51905f529060ff166002811115611d7257611d72613569565b60405160ff909116815260200160405180910390a1565b60606004546001611d9a919061376d565b8203611dad576107bf611cb0600a61278e565b5f8281526008602090815260409182902080548351818402810184019094528084526107bf9392830182828015611b2757602002820191905f5260205f209081546001600160a01b03168152600190910190602001808311611b095750505050506129bb565b611e406040518060a001604052805f81526020015f81526020015f81526020015f81526020015f81525090565b6004545f90815260086020526040812080546060919083906001600160401b03811115611e6f57611e6f6134a5565b604051908082528060200260200182016040528015611ed457816020015b6040805160e0810182525f8082526020808301829052928201819052606082018190526080820181905260a0820181905260c082015282525f19909201910181611e8d5790505b5090505f805b8354811015612065575f5f5f611fb060025f898781548110611efe57611efe613b02565b5f9182526020808320909101546001600160a01b0316835282019290925260400190206002018054611f2f90613798565b80601f0160208091040260200160405190810160405280929190818152602001828054611f5b90613798565b8015611fa65780601f10611f7d57610100808354040283529160200191611fa6565b820191905f5260205f20905b815481529060010190602001808311611f8957829003601f168201915b50505050506116f5565b92509250925082611fc35750505061205d565b6040518060e001604052808363ffffffff1681526020015f6001600160801b031681526020018263ffffffff16815260200188868154811061200757612007613b02565b5f9182526020808320909101546001600160a01b03168352820181905260408201819052606090910152868661203c81613780565b97508151811061204e5761204e613b02565b60200260200101819052505050505b600101611eda565b505f816001600160401b0381111561207f5761207f6134a5565b6040519080825280602002602001820160405280156120e457816020015b6040805160e0810182525f8082526020808301829052928201819052606082018190526080820181905260a0820181905260c082015282525f1990920191018161209d5790505b5090505f5b828110156121305783818151811061210357612103613b02565b602002602001015182828151811061211d5761211d613b02565b60209081029190910101526001016120e9565b505f6040518060a001604052806007548152602001600454815260200160075460065461215d919061376d565b81526020015f81526020015f81525090508061217c86805490506113bc565b839750975097505050505050909192565b61219561267a565b6121d782828080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250601293925050612d389050565b6121f457604051635cc1cdab60e01b815260040160405180910390fd5b7f92dcba04613440f4060f0ae9ce6e094bc976961f235f18eadae7254a365094fc82826040516114a3929190613801565b61222d61267a565b6001600160a01b03811661225657604051631e4fbdf760e01b81525f60048201526024016106e1565b61225f8161296c565b50565b61226c60016123d6565b60045481146122995760048054604051631c64c31360e31b815291820183905260248201526044016106e1565b6122a4600a3361242f565b6122c357604051630196fba360e61b81523360048201526024016106e1565b600c545f908152600d6020908152604080832033845290915290205460ff161561230257604051639913b53d60e01b81523360048201526024016106e1565b600c545f908152600d602090815260408083203384529091528120805460ff19166001179055600e80549161233683613780565b9091555050604051339082907f49bcaeaa74a7238a81976ce3ed6e44ce63a997a358f478e512f3666241100b30905f90a3612371600a612426565b600e540361225f576005805460ff1916600217905560405181907f97c40dd272ccabf5278522d590829fd1f65983ffe412c794767643d55a5706be905f90a26005545f516020613c065f395f51905f529060ff16600281111561079a5761079a613569565b8060028111156123e8576123e8613569565b60055460ff1660028111156123ff576123ff613569565b1461225f57600554604051635649f63b60e01b81526106e19160ff16908390600401613ba7565b5f6107bf825490565b6001600160a01b0381165f9081526001830160205260408120541515610a9a565b6060815f01805480602002602001604051908101604052809291908181526020015f905b8282101561251c578382905f5260205f2001805461249190613798565b80601f01602080910402602001604051908101604052809291908181526020018280546124bd90613798565b80156125085780601f106124df57610100808354040283529160200191612508565b820191905f5260205f20905b8154815290600101906020018083116124eb57829003601f168201915b505050505081526020019060010190612474565b505050509050919050565b5f826001018260405161253a9190613bc2565b9081526040519081900360200190205415159392505050565b60018314806125625750600a83145b15612590576030811461258b57604051635d0df46360e01b8152600481018490526024016106e1565b505050565b600283148061259f5750608083145b1561263257602181141580612611575081815f8181106125c1576125c1613b02565b9050013560f81c60f81b6001600160f81b031916600260f81b14158015612611575081815f8181106125f5576125f5613b02565b9050013560f81c60f81b6001600160f81b031916600360f81b14155b1561258b57604051635d0df46360e01b8152600481018490526024016106e1565b6003830361265e576020811461258b57604051635d0df46360e01b8152600481018490526024016106e1565b60405163dee54f1760e01b8152600481018490526024016106e1565b5f546001600160a01b0316331461193a5760405163118cdaa760e01b81523360048201526024016106e1565b5f610a9a836001600160a01b038416612ee5565b6126c78383836001612fbf565b61258b57604051635274afe760e01b81526001600160a01b03841660048201526024016106e1565b8115806126fb57508082115b1561258b57826040516360a4de0960e11b81526004016106e191906135e7565b5f610a9a836001600160a01b038416613021565b5f61273a8383612527565b6127875782546001810184555f848152602090200161275983826139e1565b508254604051600185019061276f908590613bc2565b908152604051908190036020019020555060016107bf565b505f6107bf565b60605f610a9a83613066565b5f8151835110156127ac57505f6107bf565b5f5b8251811015612815578281815181106127c9576127c9613b02565b602001015160f81c60f81b6001600160f81b0319168482815181106127f0576127f0613b02565b01602001516001600160f81b0319161461280d575f9150506107bf565b6001016127ae565b5060019392505050565b5f80835b8551811080156128575750600360fc1b86828151811061284557612845613b02565b01602001516001600160f81b03191610155b80156128875750603960f81b86828151811061287557612875613b02565b01602001516001600160f81b03191611155b156128fb57836128978683613932565b036128a957505f915081905080612963565b60308682815181106128bd576128bd613b02565b01602001516128cf919060f81c613bd8565b60ff166128dd83600a613acc565b6128e7919061376d565b9150806128f381613780565b915050612823565b84810361290f57505f915081905080612963565b600161291b8683613932565b11801561294c575085858151811061293557612935613b02565b6020910101516001600160f81b031916600360fc1b145b1561295e57505f915081905080612963565b600192505b93509350939050565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b606081516001600160401b038111156129d6576129d66134a5565b604051908082528060200260200182016040528015612a0f57816020015b6129fc61312b565b8152602001906001900390816129f45790505b5090505f5b8251811015612cf65760025f848381518110612a3257612a32613b02565b60200260200101516001600160a01b03166001600160a01b031681526020019081526020015f206040518060a00160405290815f82015f9054906101000a90046001600160a01b03166001600160a01b03166001600160a01b03168152602001600182018054612aa190613798565b80601f0160208091040260200160405190810160405280929190818152602001828054612acd90613798565b8015612b185780601f10612aef57610100808354040283529160200191612b18565b820191905f5260205f20905b815481529060010190602001808311612afb57829003601f168201915b50505050508152602001600282018054612b3190613798565b80601f0160208091040260200160405190810160405280929190818152602001828054612b5d90613798565b8015612ba85780601f10612b7f57610100808354040283529160200191612ba8565b820191905f5260205f20905b815481529060010190602001808311612b8b57829003601f168201915b50505050508152602001600382018054612bc190613798565b80601f0160208091040260200160405190810160405280929190818152602001828054612bed90613798565b8015612c385780601f10612c0f57610100808354040283529160200191612c38565b820191905f5260205f20905b815481529060010190602001808311612c1b57829003601f168201915b50505050508152602001600482018054612c5190613798565b80601f0160208091040260200160405190810160405280929190818152602001828054612c7d90613798565b8015612cc85780601f10612c9f57610100808354040283529160200191612cc8565b820191905f5260205f20905b815481529060010190602001808311612cab57829003601f168201915b505050505081525050828281518110612ce357612ce3613b02565b6020908102919091010152600101612a14565b50919050565b612d0a8484848460016130be565b612d3257604051635274afe760e01b81526001600160a01b03851660048201526024016106e1565b50505050565b5f5f8360010183604051612d4c9190613bc2565b9081526020016040518091039020549050805f14612edc575f612d70600183613932565b85549091505f90612d8390600190613932565b9050808214612e81575f865f018281548110612da157612da1613b02565b905f5260205f20018054612db490613798565b80601f0160208091040260200160405190810160405280929190818152602001828054612de090613798565b8015612e2b5780601f10612e0257610100808354040283529160200191612e2b565b820191905f5260205f20905b815481529060010190602001808311612e0e57829003601f168201915b5050505050905080875f018481548110612e4757612e47613b02565b905f5260205f20019081612e5b91906139e1565b50838760010182604051612e6f9190613bc2565b90815260405190819003602001902055505b8554869080612e9257612e92613bf1565b600190038181905f5260205f20015f612eab9190613162565b90558560010185604051612ebf9190613bc2565b90815260200160405180910390205f9055600193505050506107bf565b5f9150506107bf565b5f8181526001830160205260408120548015612edc575f612f07600183613932565b85549091505f90612f1a90600190613932565b9050808214612f79575f865f018281548110612f3857612f38613b02565b905f5260205f200154905080875f018481548110612f5857612f58613b02565b5f918252602080832090910192909255918252600188019052604090208390555b8554869080612f8a57612f8a613bf1565b600190038181905f5260205f20015f90559055856001015f8681526020019081526020015f205f9055600193505050506107bf565b60405163a9059cbb60e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f51148316613015578383151615613009573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b5f81815260018301602052604081205461278757508154600181810184555f8481526020808220909301849055845484825282860190935260409020919091556107bf565b6060815f01805480602002602001604051908101604052809291908181526020018280548015611a5e57602002820191905f5260205f20905b81548152602001906001019080831161309f5750505050509050919050565b6040516323b872dd60e01b5f8181526001600160a01b038781166004528616602452604485905291602083606481808c5af1925060015f5114831661311a57838315161561310e573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b6040518060a001604052805f6001600160a01b03168152602001606081526020016060815260200160608152602001606081525090565b50805461316e90613798565b5f825580601f1061317d575050565b601f0160209004905f5260205f209061193a91905f5b8082111561258b575f81840155600101613193565b80356001600160a01b03811681146131be575f5ffd5b919050565b5f602082840312156131d3575f5ffd5b610a9a826131a8565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b8281101561326157603f1987860301845261324c8583516131dc565b94506020938401939190910190600101613230565b50929695505050505050565b60018060a01b0381511682525f602082015160a0602085015261329360a08501826131dc565b9050604083015184820360408601526132ac82826131dc565b915050606083015184820360608601526132c682826131dc565b915050608083015184820360808601526132e082826131dc565b95945050505050565b602081525f610a9a602083018461326d565b5f5f83601f84011261330b575f5ffd5b5081356001600160401b03811115613321575f5ffd5b602083019150836020828501011115613338575f5ffd5b9250929050565b5f5f60208385031215613350575f5ffd5b82356001600160401b03811115613365575f5ffd5b613371858286016132fb565b90969095509350505050565b5f5f5f6040848603121561338f575f5ffd5b8335925060208401356001600160401b038111156133ab575f5ffd5b6133b7868287016132fb565b9497909650939450505050565b5f602082840312156133d4575f5ffd5b5035919050565b5f5f5f5f5f5f5f5f6080898b0312156133f2575f5ffd5b88356001600160401b03811115613407575f5ffd5b6134138b828c016132fb565b90995097505060208901356001600160401b03811115613431575f5ffd5b61343d8b828c016132fb565b90975095505060408901356001600160401b0381111561345b575f5ffd5b6134678b828c016132fb565b90955093505060608901356001600160401b03811115613485575f5ffd5b6134918b828c016132fb565b999c989b5096995094979396929594505050565b634e487b7160e01b5f52604160045260245ffd5b5f602082840312156134c9575f5ffd5b81356001600160401b038111156134de575f5ffd5b8201601f810184136134ee575f5ffd5b80356001600160401b03811115613507576135076134a5565b604051601f8201601f19908116603f011681016001600160401b0381118282101715613535576135356134a5565b60405281815282820160200186101561354c575f5ffd5b816020840160208301375f91810160200191909152949350505050565b634e487b7160e01b5f52602160045260245ffd5b6003811061359957634e487b7160e01b5f52602160045260245ffd5b9052565b8151815260208083015160c08301916135b89084018261357d565b5060408301516040830152606083015160608301526080830151608083015260a083015160a083015292915050565b602081525f610a9a60208301846131dc565b5f5f6040838503121561360a575f5ffd5b8235915061361a602084016131a8565b90509250929050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b8281101561326157603f1987860301845261366585835161326d565b94506020938401939190910190600101613649565b5f60e0820185518352602086015160208401526040860151604084015260608601516060840152608086015160808401528460a084015260e060c0840152808451808352610100850191506020860192505f5b8181101561374c57835163ffffffff81511684526001600160801b03602082015116602085015263ffffffff604082015116604085015260018060a01b0360608201511660608501526080810151608085015260a081015160a085015260c081015160c08501525060e0830192506020840193506001810190506136cd565b5090979650505050505050565b634e487b7160e01b5f52601160045260245ffd5b808201808211156107bf576107bf613759565b5f6001820161379157613791613759565b5060010190565b600181811c908216806137ac57607f821691505b602082108103612cf657634e487b7160e01b5f52602260045260245ffd5b818382375f9101908152919050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b602081525f6138146020830184866137d9565b949350505050565b5f5b8281101561258b575f8282015560010161381e565b601f82111561258b578282111561258b57805f5260205f20601f840160051c602085101561385e57505f5b61387281601f860160051c0382840161381c565b5050505050565b6001600160401b03831115613890576138906134a5565b6138a48361389e8354613798565b83613833565b5f601f8411600181146138d5575f85156138be5750838201355b5f19600387901b1c1916600186901b178355613872565b5f83815260208120601f198716915b8281101561390457868501358255602094850194600190920191016138e4565b5086821015613920575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b818103818111156107bf576107bf613759565b604081525f6139586040830185876137d9565b905060018060a01b0383166020830152949350505050565b5f5f835461397d81613798565b60018216801561399457600181146139a9576139d6565b60ff19831686528115158202860193506139d6565b865f5260205f205f5b838110156139ce578154888201526001909101906020016139b2565b505081860193505b509195945050505050565b81516001600160401b038111156139fa576139fa6134a5565b613a0e81613a088454613798565b84613833565b6020601f821160018114613a40575f8315613a295750848201515b5f19600385901b1c1916600184901b178455613872565b5f84815260208120601f198516915b82811015613a6f5787850151825560209485019460019092019101613a4f565b5084821015613a8c57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b604081525f613aae6040830186886137d9565b8281036020840152613ac18185876137d9565b979650505050505050565b80820281158282048414176107bf576107bf613759565b5f82613afd57634e487b7160e01b5f52601260045260245ffd5b500490565b634e487b7160e01b5f52603260045260245ffd5b81516001600160401b03811115613b2f57613b2f6134a5565b68010000000000000000811115613b4857613b486134a5565b815481835580821015613b6c57825f528160205f2001613b6a8383038261381c565b505b5060208301825f5260205f205f5b83811015613b9f5782516001600160a01b031682820155602090920191600101613b7a565b505050505050565b60408101613bb5828561357d565b610a9a602083018461357d565b5f82518060208501845e5f920191825250919050565b60ff82811682821603908111156107bf576107bf613759565b634e487b7160e01b5f52603160045260245ffdfe551dc40198cc79684bb69e4931dba4ac16e4598792ee1c0a5000aeea366d7bb6a2646970667358221220f6021612b965a1bd4a79aca66272e05380dbc080197f443cafdcd96320c5702964736f6c63430008250033",
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

// PackKEYTYPEBLSPKP is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x850d4c98.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KEY_TYPE_BLS_PKP() view returns(uint256)
func (staking *Staking) PackKEYTYPEBLSPKP() []byte {
	enc, err := staking.abi.Pack("KEY_TYPE_BLS_PKP")
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
func (staking *Staking) TryPackKEYTYPEBLSPKP() ([]byte, error) {
	return staking.abi.Pack("KEY_TYPE_BLS_PKP")
}

// UnpackKEYTYPEBLSPKP is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x850d4c98.
//
// Solidity: function KEY_TYPE_BLS_PKP() view returns(uint256)
func (staking *Staking) UnpackKEYTYPEBLSPKP(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("KEY_TYPE_BLS_PKP", data)
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

// PackKEYTYPEED25519 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2c4d7893.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KEY_TYPE_ED25519() view returns(uint256)
func (staking *Staking) PackKEYTYPEED25519() []byte {
	enc, err := staking.abi.Pack("KEY_TYPE_ED25519")
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
func (staking *Staking) TryPackKEYTYPEED25519() ([]byte, error) {
	return staking.abi.Pack("KEY_TYPE_ED25519")
}

// UnpackKEYTYPEED25519 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2c4d7893.
//
// Solidity: function KEY_TYPE_ED25519() view returns(uint256)
func (staking *Staking) UnpackKEYTYPEED25519(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("KEY_TYPE_ED25519", data)
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
func (staking *Staking) PackKEYTYPESCHNORRK256() []byte {
	enc, err := staking.abi.Pack("KEY_TYPE_SCHNORR_K256")
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
func (staking *Staking) TryPackKEYTYPESCHNORRK256() ([]byte, error) {
	return staking.abi.Pack("KEY_TYPE_SCHNORR_K256")
}

// UnpackKEYTYPESCHNORRK256 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8adec9af.
//
// Solidity: function KEY_TYPE_SCHNORR_K256() view returns(uint256)
func (staking *Staking) UnpackKEYTYPESCHNORRK256(data []byte) (*big.Int, error) {
	out, err := staking.abi.Unpack("KEY_TYPE_SCHNORR_K256", data)
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
