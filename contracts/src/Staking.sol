// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/// @title Staking: who runs the litmesh network, epoch by epoch.
/// @notice Operators stake a token, register their node (libp2p peer ID, HTTP URL, DKG public
/// keys) and request to join. The set of validators for the next epoch changes only while the
/// current epoch is Active; locking it starts the transition work (DKG or resharing, done off
/// chain by the nodes), each member of the locked set signals when it is ready, and the epoch
/// advances once all of them have. The contract also holds the network's root public keys
/// (voted once by the key holders, immutable afterwards) and the allowlist of attested release
/// measurements nodes accept from each other.
contract Staking is Ownable {
    using SafeERC20 for IERC20;
    using EnumerableSet for EnumerableSet.AddressSet;
    using EnumerableSet for EnumerableSet.BytesSet;

    enum EpochState {
        Active,
        NextValidatorSetLocked,
        ReadyForNextEpoch
    }

    /// A validator's registration. Peer ID is the binary libp2p peer ID (a multihash).
    struct Validator {
        address operator;
        bytes peerId;
        string url;
        bytes blsDkgKey;
        bytes secpDkgKey;
    }

    struct EpochInfo {
        uint256 number;
        EpochState state;
        uint256 startTime;
        uint256 length;
        uint256 readyCount;
        uint256 nextSetSize;
    }

    /// Lit's Staking epoch record (LibStakingStorage.Epoch) as deployed on Datil and as Lit's
    /// JS SDK v7 decodes it, field for field. The SDK takes the start as endTime − epochLength.
    struct LitEpoch {
        uint256 epochLength;
        uint256 number;
        uint256 endTime;
        uint256 retries;
        uint256 timeout;
    }

    /// Lit's validator record (LibStakingStorage.Validator) as deployed on Datil, field for
    /// field; the SDK builds each node's URL as http(s)://<ip>:<port>.
    struct LitValidator {
        uint32 ip;
        uint128 ipv6;
        uint32 port;
        address nodeAddress;
        uint256 reward;
        uint256 senderPubKey;
        uint256 receiverPubKey;
    }

    /// Key types, numbered as Lit does (its CurveType) where Lit has the type: BLS (the
    /// encryption root), ECDSA (K256), Ed25519, BLS12381G1 (G1 keys, G2 signatures: the BLS PKP
    /// root, kept apart from the encryption root). Lit signs Schnorr over secp256k1 with its
    /// K256 root; litmesh keeps a root of its own for it (docs/schemes.md), numbered outside
    /// Lit's range.
    uint256 public constant KEY_TYPE_BLS = 1;
    uint256 public constant KEY_TYPE_ECDSA = 2;
    uint256 public constant KEY_TYPE_ED25519 = 3;
    uint256 public constant KEY_TYPE_BLS_PKP = 10;
    uint256 public constant KEY_TYPE_SCHNORR_K256 = 128;

    uint256 public constant MAX_PEER_ID_LENGTH = 128;
    uint256 public constant MAX_URL_LENGTH = 256;
    uint256 public constant MAX_DKG_KEY_LENGTH = 128;
    uint256 public constant MAX_MEASUREMENT_LENGTH = 64;
    /// Bounds every loop over a validator set (lock, advance, views).
    uint256 public constant MAX_VALIDATORS = 200;

    IERC20 public immutable stakingToken;
    uint256 public immutable minStake;

    mapping(address => uint256) public stakeOf;

    mapping(address => Validator) private _validators;
    mapping(bytes32 => address) private _operatorOfPeer;

    uint256 private _epochNumber;
    EpochState private _state;
    uint256 private _epochStart;
    uint256 private _epochLength;

    /// Members of every epoch that has started; epoch 0 has none.
    mapping(uint256 => address[]) private _epochMembers;
    mapping(uint256 => mapping(address => bool)) private _inEpoch;
    /// The set that will become active at the next advance; frozen while locked.
    EnumerableSet.AddressSet private _next;

    /// Bumped whenever the set that may vote or signal changes (lock, unlock, advance), so
    /// signals and votes from an earlier round never count.
    uint256 private _round;
    mapping(uint256 => mapping(address => bool)) private _signalled;
    uint256 private _readyCount;

    mapping(uint256 => bytes) private _rootKeys;
    mapping(bytes32 => bool) private _rootVoted;
    mapping(bytes32 => uint256) private _rootVoteCount;

    EnumerableSet.BytesSet private _releases;

    event Staked(address indexed operator, uint256 amount, uint256 total);
    event Unstaked(address indexed operator, uint256 amount, uint256 total);
    event JoinRequested(address indexed operator, bytes peerId, string url);
    event LeaveRequested(address indexed operator);
    event KickedFromNextSet(address indexed operator);
    event NextValidatorSetLocked(uint256 indexed epoch, uint256 size);
    event NextValidatorSetUnlocked(uint256 indexed epoch);
    event ReadySignalled(uint256 indexed epoch, address indexed operator);
    event ReadyForNextEpoch(uint256 indexed epoch);
    event EpochAdvanced(uint256 indexed epoch, uint256 size);
    event EpochLengthChanged(uint256 length);
    event RootKeyVoted(uint256 indexed keyType, address indexed voter, bytes pubkey);
    event RootKeySet(uint256 indexed keyType, bytes pubkey);
    event ReleaseAllowed(bytes measurement);
    event ReleaseRevoked(bytes measurement);
    /// Every change of the epoch state, with Lit's numbering (0 Active, 1 NextValidatorSetLocked,
    /// 2 ReadyForNextEpoch): Lit's JS SDK listens for it and reconnects on Active.
    event StateChanged(uint8 newState);

    error ZeroAmount();
    error InsufficientStake(uint256 have, uint256 want);
    error StakeLocked(address operator);
    error WrongState(EpochState have, EpochState want);
    error BadField(string field);
    error AlreadyInNextSet(address operator);
    error ValidatorRecordInUse(address operator);
    error PeerIdTaken(bytes peerId, address operator);
    error NotInNextSet(address operator);
    error NotInElectorate(address operator);
    error NextSetEmpty();
    error TooManyValidators();
    error EpochNotOver(uint256 endsAt);
    error WrongEpoch(uint256 have, uint256 want);
    error AlreadySignalled(address operator);
    error UnknownKeyType(uint256 keyType);
    error BadPubkey(uint256 keyType);
    error RootKeyAlreadySet(uint256 keyType);
    error AlreadyVoted(uint256 keyType, address voter);
    error ReleaseAlreadyAllowed();
    error ReleaseNotAllowed();

    constructor(IERC20 token, uint256 minStake_, uint256 epochLength_, address admin) Ownable(admin) {
        stakingToken = token;
        minStake = minStake_;
        _epochLength = epochLength_;
        _epochStart = block.timestamp;
    }

    // ---------------------------------------------------------------- staking

    function stake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        stakingToken.safeTransferFrom(msg.sender, address(this), amount);
        stakeOf[msg.sender] += amount;
        emit Staked(msg.sender, amount, stakeOf[msg.sender]);
    }

    /// An operator in the current or next set keeps at least minStake staked.
    function unstake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        uint256 have = stakeOf[msg.sender];
        if (amount > have) revert InsufficientStake(have, amount);
        uint256 left = have - amount;
        if (left < minStake && (_inEpoch[_epochNumber][msg.sender] || _next.contains(msg.sender))) {
            revert StakeLocked(msg.sender);
        }
        stakeOf[msg.sender] = left;
        stakingToken.safeTransfer(msg.sender, amount);
        emit Unstaked(msg.sender, amount, left);
    }

    // ------------------------------------------------------- joining and leaving

    /// Registers the caller's node and adds it to the next validator set. A record cannot change
    /// while its operator is in the current set (peers and resharing rely on it).
    function requestToJoin(bytes calldata peerId, string calldata url, bytes calldata blsDkgKey, bytes calldata secpDkgKey)
        external
    {
        _requireState(EpochState.Active);
        if (stakeOf[msg.sender] < minStake) revert InsufficientStake(stakeOf[msg.sender], minStake);
        if (_next.contains(msg.sender)) revert AlreadyInNextSet(msg.sender);
        if (_inEpoch[_epochNumber][msg.sender]) revert ValidatorRecordInUse(msg.sender);
        if (_next.length() >= MAX_VALIDATORS) revert TooManyValidators();
        _checkLength("peerId", peerId.length, MAX_PEER_ID_LENGTH);
        _checkLength("url", bytes(url).length, MAX_URL_LENGTH);
        _checkLength("blsDkgKey", blsDkgKey.length, MAX_DKG_KEY_LENGTH);
        _checkLength("secpDkgKey", secpDkgKey.length, MAX_DKG_KEY_LENGTH);

        bytes32 peerHash = keccak256(peerId);
        address holder = _operatorOfPeer[peerHash];
        if (holder != address(0) && holder != msg.sender) revert PeerIdTaken(peerId, holder);
        Validator storage v = _validators[msg.sender];
        if (v.operator != address(0)) {
            bytes32 old = keccak256(v.peerId);
            if (old != peerHash) delete _operatorOfPeer[old];
        }
        _operatorOfPeer[peerHash] = msg.sender;
        _validators[msg.sender] = Validator(msg.sender, peerId, url, blsDkgKey, secpDkgKey);
        _next.add(msg.sender);
        emit JoinRequested(msg.sender, peerId, url);
    }

    /// Removes the caller from the next validator set; it serves until the current epoch ends.
    function requestToLeave() external {
        _requireState(EpochState.Active);
        if (!_next.remove(msg.sender)) revert NotInNextSet(msg.sender);
        emit LeaveRequested(msg.sender);
    }

    /// Lets the admin drop an unresponsive operator from the next set (unlock first if locked).
    function kickFromNextSet(address operator) external onlyOwner {
        _requireState(EpochState.Active);
        if (!_next.remove(operator)) revert NotInNextSet(operator);
        emit KickedFromNextSet(operator);
    }

    // ------------------------------------------------------------------ epochs

    /// Freezes the next validator set and starts the transition: by the admin at any time, by
    /// anyone once the epoch length has passed.
    function lockValidatorsForNextEpoch() external {
        _requireState(EpochState.Active);
        if (msg.sender != owner()) {
            uint256 endsAt = _epochStart + _epochLength;
            if (block.timestamp < endsAt) revert EpochNotOver(endsAt);
        }
        uint256 size = _next.length();
        if (size == 0) revert NextSetEmpty();
        _state = EpochState.NextValidatorSetLocked;
        _round++;
        _readyCount = 0;
        emit NextValidatorSetLocked(_epochNumber, size);
        emit StateChanged(uint8(_state));
    }

    /// Returns to Active without advancing, so the admin can repair a stuck transition.
    function unlockValidatorsForNextEpoch() external onlyOwner {
        if (_state == EpochState.Active) revert WrongState(_state, EpochState.NextValidatorSetLocked);
        _state = EpochState.Active;
        _round++;
        _readyCount = 0;
        emit NextValidatorSetUnlocked(_epochNumber);
        emit StateChanged(uint8(_state));
    }

    /// Called by each member of the locked next set once it holds its key shares for the next
    /// epoch. `epochNumber` is the current epoch number (the one being left), so a late signal for
    /// an earlier transition cannot count.
    function signalReadyForNextEpoch(uint256 epochNumber) external {
        _requireState(EpochState.NextValidatorSetLocked);
        if (epochNumber != _epochNumber) revert WrongEpoch(epochNumber, _epochNumber);
        if (!_next.contains(msg.sender)) revert NotInNextSet(msg.sender);
        if (_signalled[_round][msg.sender]) revert AlreadySignalled(msg.sender);
        _signalled[_round][msg.sender] = true;
        _readyCount++;
        emit ReadySignalled(epochNumber, msg.sender);
        if (_readyCount == _next.length()) {
            _state = EpochState.ReadyForNextEpoch;
            emit ReadyForNextEpoch(epochNumber);
            emit StateChanged(uint8(_state));
        }
    }

    /// Makes the locked set the active set of epoch+1. Anyone may call it once all signalled.
    function advanceEpoch() external {
        _requireState(EpochState.ReadyForNextEpoch);
        uint256 e = _epochNumber + 1;
        address[] memory members = _next.values();
        for (uint256 i = 0; i < members.length; i++) {
            _inEpoch[e][members[i]] = true;
        }
        _epochMembers[e] = members;
        _epochNumber = e;
        _epochStart = block.timestamp;
        _state = EpochState.Active;
        _round++;
        _readyCount = 0;
        emit EpochAdvanced(e, members.length);
        emit StateChanged(uint8(_state));
    }

    function setEpochLength(uint256 length) external onlyOwner {
        _epochLength = length;
        emit EpochLengthChanged(length);
    }

    // ---------------------------------------------------------------- root keys

    /// The key holders vote the network's root public key of a type after the DKG that made it.
    /// While a transition is in progress the electorate is the locked next set (it ran the
    /// DKG); otherwise it is the active set. The key is final at ⌈2n/3⌉ identical votes of an
    /// n-member electorate and can never change.
    function voteForRootKey(uint256 keyType, bytes calldata pubkey) external {
        _checkPubkey(keyType, pubkey);
        if (_rootKeys[keyType].length != 0) revert RootKeyAlreadySet(keyType);
        uint256 n;
        if (_state == EpochState.Active) {
            if (!_inEpoch[_epochNumber][msg.sender]) revert NotInElectorate(msg.sender);
            n = _epochMembers[_epochNumber].length;
        } else {
            if (!_next.contains(msg.sender)) revert NotInElectorate(msg.sender);
            n = _next.length();
        }
        bytes32 voterKey = keccak256(abi.encode(_round, keyType, msg.sender));
        if (_rootVoted[voterKey]) revert AlreadyVoted(keyType, msg.sender);
        _rootVoted[voterKey] = true;
        bytes32 tally = keccak256(abi.encode(_round, keyType, keccak256(pubkey)));
        uint256 count = ++_rootVoteCount[tally];
        emit RootKeyVoted(keyType, msg.sender, pubkey);
        if (count >= threshold(n)) {
            _rootKeys[keyType] = pubkey;
            emit RootKeySet(keyType, pubkey);
        }
    }

    /// The network's root public key of a type, empty until voted. BLS: 48-byte compressed G1;
    /// ECDSA: 33-byte compressed secp256k1.
    function rootKey(uint256 keyType) external view returns (bytes memory) {
        return _rootKeys[keyType];
    }

    /// Votes for `pubkey` in the current round.
    function rootKeyVotes(uint256 keyType, bytes calldata pubkey) external view returns (uint256) {
        return _rootVoteCount[keccak256(abi.encode(_round, keyType, keccak256(pubkey)))];
    }

    function hasVotedForRootKey(uint256 keyType, address voter) external view returns (bool) {
        return _rootVoted[keccak256(abi.encode(_round, keyType, voter))];
    }

    /// T = ⌈2n/3⌉, the number of nodes every operation needs.
    function threshold(uint256 n) public pure returns (uint256) {
        return (2 * n + 2) / 3;
    }

    // ---------------------------------------------------------- release allowlist

    function allowRelease(bytes calldata measurement) external onlyOwner {
        _checkLength("measurement", measurement.length, MAX_MEASUREMENT_LENGTH);
        if (!_releases.add(measurement)) revert ReleaseAlreadyAllowed();
        emit ReleaseAllowed(measurement);
    }

    function revokeRelease(bytes calldata measurement) external onlyOwner {
        if (!_releases.remove(measurement)) revert ReleaseNotAllowed();
        emit ReleaseRevoked(measurement);
    }

    function isReleaseAllowed(bytes calldata measurement) external view returns (bool) {
        return _releases.contains(measurement);
    }

    function allowedReleases() external view returns (bytes[] memory) {
        return _releases.values();
    }

    // ------------------------------------------------------------------- views

    function epoch() external view returns (EpochInfo memory) {
        return EpochInfo(_epochNumber, _state, _epochStart, _epochLength, _readyCount, _next.length());
    }

    function validator(address operator) external view returns (Validator memory) {
        return _validators[operator];
    }

    function operatorOfPeer(bytes calldata peerId) external view returns (address) {
        return _operatorOfPeer[keccak256(peerId)];
    }

    function isActive(address operator) external view returns (bool) {
        return _inEpoch[_epochNumber][operator];
    }

    function isInNextSet(address operator) external view returns (bool) {
        return _next.contains(operator);
    }

    /// Whether the operator is a member of epoch e: a started epoch's recorded set, or for
    /// e = current+1 the next set as it stands (final only once locked).
    function isValidatorInEpoch(uint256 e, address operator) external view returns (bool) {
        if (e == _epochNumber + 1) return _next.contains(operator);
        return _inEpoch[e][operator];
    }

    function hasSignalledReady(address operator) external view returns (bool) {
        return _state != EpochState.Active && _signalled[_round][operator];
    }

    function currentValidators() external view returns (Validator[] memory) {
        return _records(_epochMembers[_epochNumber]);
    }

    function nextValidators() external view returns (Validator[] memory) {
        return _records(_next.values());
    }

    /// The validator records of epoch e (see isValidatorInEpoch). Records are the operators'
    /// current registrations, which cannot change while they are in the active set.
    function validatorsOfEpoch(uint256 e) external view returns (Validator[] memory) {
        if (e == _epochNumber + 1) return _records(_next.values());
        return _records(_epochMembers[e]);
    }

    // ------------------------------------------------------ Lit JS SDK compatibility

    /// Lit's connection view, with Lit's ABI: the current epoch, the number of nodes every
    /// operation needs (T = ⌈2n/3⌉ of the n active validators) and the active validators the
    /// SDK can reach, each with the IPv4 address and port of its registered URL. A validator
    /// whose URL is not http(s)://<IPv4 literal>[:port][/...] is left out, since the SDK
    /// could only dial it as 0.0.0.0; T still counts it.
    function getActiveUnkickedValidatorStructsAndCounts()
        external
        view
        returns (LitEpoch memory, uint256, LitValidator[] memory)
    {
        address[] storage members = _epochMembers[_epochNumber];
        LitValidator[] memory found = new LitValidator[](members.length);
        uint256 k = 0;
        for (uint256 i = 0; i < members.length; i++) {
            (bool ok, uint32 ip, uint32 port) = sdkEndpoint(_validators[members[i]].url);
            if (!ok) continue;
            found[k++] = LitValidator(ip, 0, port, members[i], 0, 0, 0);
        }
        LitValidator[] memory out = new LitValidator[](k);
        for (uint256 i = 0; i < k; i++) {
            out[i] = found[i];
        }
        LitEpoch memory info = LitEpoch(_epochLength, _epochNumber, _epochStart + _epochLength, 0, 0);
        return (info, threshold(members.length), out);
    }

    /// Lit's name for T of the current epoch.
    function currentValidatorCountForConsensus() external view returns (uint256) {
        return threshold(_epochMembers[_epochNumber].length);
    }

    /// The IPv4 address (as Lit's uint32, first octet most significant) and port of a URL of the
    /// form http(s)://a.b.c.d[:port][/path]; the port defaults to 80 (http) or 443 (https).
    /// ok is false for anything else (host names, IPv6, user info, bad numbers).
    function sdkEndpoint(string memory url) public pure returns (bool ok, uint32 ip, uint32 port) {
        bytes memory b = bytes(url);
        uint256 i;
        if (_hasPrefix(b, "http://")) {
            i = 7;
            port = 80;
        } else if (_hasPrefix(b, "https://")) {
            i = 8;
            port = 443;
        } else {
            return (false, 0, 0);
        }
        for (uint256 octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i >= b.length || b[i] != ".") return (false, 0, 0);
                i++;
            }
            (bool good, uint256 v, uint256 next) = _decimal(b, i, 3);
            if (!good || v > 255) return (false, 0, 0);
            ip = (ip << 8) | uint32(v);
            i = next;
        }
        if (i < b.length && b[i] == ":") {
            (bool good, uint256 v, uint256 next) = _decimal(b, i + 1, 5);
            if (!good || v == 0 || v > 65535) return (false, 0, 0);
            port = uint32(v);
            i = next;
        }
        if (i < b.length && b[i] != "/") return (false, 0, 0);
        return (true, ip, port);
    }

    // ---------------------------------------------------------------- internal

    function _hasPrefix(bytes memory b, bytes memory prefix) private pure returns (bool) {
        if (b.length < prefix.length) return false;
        for (uint256 i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) return false;
        }
        return true;
    }

    /// Reads 1..maxDigits decimal digits at b[i:], no leading zero unless the number is 0.
    function _decimal(bytes memory b, uint256 i, uint256 maxDigits)
        private
        pure
        returns (bool ok, uint256 v, uint256 next)
    {
        next = i;
        while (next < b.length && b[next] >= "0" && b[next] <= "9") {
            if (next - i == maxDigits) return (false, 0, 0);
            v = v * 10 + (uint8(b[next]) - 48);
            next++;
        }
        if (next == i) return (false, 0, 0);
        if (next - i > 1 && b[i] == "0") return (false, 0, 0);
        return (true, v, next);
    }

    function _records(address[] memory operators) private view returns (Validator[] memory out) {
        out = new Validator[](operators.length);
        for (uint256 i = 0; i < operators.length; i++) {
            out[i] = _validators[operators[i]];
        }
    }

    function _requireState(EpochState want) private view {
        if (_state != want) revert WrongState(_state, want);
    }

    function _checkLength(string memory field, uint256 length, uint256 max) private pure {
        if (length == 0 || length > max) revert BadField(field);
    }

    function _checkPubkey(uint256 keyType, bytes calldata pubkey) private pure {
        if (keyType == KEY_TYPE_BLS || keyType == KEY_TYPE_BLS_PKP) {
            if (pubkey.length != 48) revert BadPubkey(keyType);
        } else if (keyType == KEY_TYPE_ECDSA || keyType == KEY_TYPE_SCHNORR_K256) {
            if (pubkey.length != 33 || (pubkey[0] != 0x02 && pubkey[0] != 0x03)) revert BadPubkey(keyType);
        } else if (keyType == KEY_TYPE_ED25519) {
            if (pubkey.length != 32) revert BadPubkey(keyType);
        } else {
            revert UnknownKeyType(keyType);
        }
    }
}
