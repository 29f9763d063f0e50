// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/// @title PKPPermissions: who besides its owner may use a PKP.
/// @notice Per token: permitted Lit Actions (binary IPFS CIDs), permitted addresses and
/// permitted auth methods (type + id + scopes). Only the token's current owner can change them,
/// so a transfer moves control with the token and a burn freezes them forever.
contract PKPPermissions {
    using EnumerableSet for EnumerableSet.AddressSet;
    using EnumerableSet for EnumerableSet.BytesSet;
    using EnumerableSet for EnumerableSet.Bytes32Set;

    struct AuthMethod {
        uint256 authMethodType;
        bytes id;
        uint256[] scopes;
    }

    uint256 public constant MAX_CID_LENGTH = 128;
    uint256 public constant MAX_AUTH_ID_LENGTH = 256;
    uint256 public constant MAX_SCOPES = 16;
    /// Bounds each per-token list, so the list views stay callable.
    uint256 public constant MAX_PER_TOKEN = 100;

    IERC721 public immutable pkpNft;

    mapping(uint256 => EnumerableSet.BytesSet) private _actions;
    mapping(uint256 => EnumerableSet.AddressSet) private _addresses;
    mapping(uint256 => EnumerableSet.Bytes32Set) private _authKeys;
    mapping(bytes32 => AuthMethod) private _authMethods;

    event PermittedActionAdded(uint256 indexed tokenId, bytes ipfsCid);
    event PermittedActionRemoved(uint256 indexed tokenId, bytes ipfsCid);
    event PermittedAddressAdded(uint256 indexed tokenId, address indexed account);
    event PermittedAddressRemoved(uint256 indexed tokenId, address indexed account);
    event PermittedAuthMethodAdded(uint256 indexed tokenId, uint256 indexed authMethodType, bytes id, uint256[] scopes);
    event PermittedAuthMethodRemoved(uint256 indexed tokenId, uint256 indexed authMethodType, bytes id);

    error NotTokenOwner(uint256 tokenId, address caller);
    error UnknownOrBurnedToken(uint256 tokenId);
    error BadField(string field);
    error AlreadyPermitted(uint256 tokenId);
    error NotPermitted(uint256 tokenId);
    error TooManyPermissions(uint256 tokenId);

    constructor(IERC721 pkpNft_) {
        pkpNft = pkpNft_;
    }

    modifier onlyTokenOwner(uint256 tokenId) {
        address owner;
        try pkpNft.ownerOf(tokenId) returns (address o) {
            owner = o;
        } catch {
            revert UnknownOrBurnedToken(tokenId);
        }
        if (owner != msg.sender) revert NotTokenOwner(tokenId, msg.sender);
        _;
    }

    // ----------------------------------------------------------------- actions

    function addPermittedAction(uint256 tokenId, bytes calldata ipfsCid) external onlyTokenOwner(tokenId) {
        _checkLength("ipfsCid", ipfsCid.length, MAX_CID_LENGTH);
        if (_actions[tokenId].length() >= MAX_PER_TOKEN) revert TooManyPermissions(tokenId);
        if (!_actions[tokenId].add(ipfsCid)) revert AlreadyPermitted(tokenId);
        emit PermittedActionAdded(tokenId, ipfsCid);
    }

    function removePermittedAction(uint256 tokenId, bytes calldata ipfsCid) external onlyTokenOwner(tokenId) {
        if (!_actions[tokenId].remove(ipfsCid)) revert NotPermitted(tokenId);
        emit PermittedActionRemoved(tokenId, ipfsCid);
    }

    function isPermittedAction(uint256 tokenId, bytes calldata ipfsCid) external view returns (bool) {
        return _actions[tokenId].contains(ipfsCid);
    }

    function getPermittedActions(uint256 tokenId) external view returns (bytes[] memory) {
        return _actions[tokenId].values();
    }

    // --------------------------------------------------------------- addresses

    function addPermittedAddress(uint256 tokenId, address account) external onlyTokenOwner(tokenId) {
        if (account == address(0)) revert BadField("account");
        if (_addresses[tokenId].length() >= MAX_PER_TOKEN) revert TooManyPermissions(tokenId);
        if (!_addresses[tokenId].add(account)) revert AlreadyPermitted(tokenId);
        emit PermittedAddressAdded(tokenId, account);
    }

    function removePermittedAddress(uint256 tokenId, address account) external onlyTokenOwner(tokenId) {
        if (!_addresses[tokenId].remove(account)) revert NotPermitted(tokenId);
        emit PermittedAddressRemoved(tokenId, account);
    }

    function isPermittedAddress(uint256 tokenId, address account) external view returns (bool) {
        return _addresses[tokenId].contains(account);
    }

    function getPermittedAddresses(uint256 tokenId) external view returns (address[] memory) {
        return _addresses[tokenId].values();
    }

    // ------------------------------------------------------------ auth methods

    function addPermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes calldata id, uint256[] calldata scopes)
        external
        onlyTokenOwner(tokenId)
    {
        if (authMethodType == 0) revert BadField("authMethodType");
        _checkLength("id", id.length, MAX_AUTH_ID_LENGTH);
        if (scopes.length > MAX_SCOPES) revert BadField("scopes");
        if (_authKeys[tokenId].length() >= MAX_PER_TOKEN) revert TooManyPermissions(tokenId);
        bytes32 key = _authKey(tokenId, authMethodType, id);
        if (!_authKeys[tokenId].add(key)) revert AlreadyPermitted(tokenId);
        _authMethods[key] = AuthMethod(authMethodType, id, scopes);
        emit PermittedAuthMethodAdded(tokenId, authMethodType, id, scopes);
    }

    function removePermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes calldata id)
        external
        onlyTokenOwner(tokenId)
    {
        bytes32 key = _authKey(tokenId, authMethodType, id);
        if (!_authKeys[tokenId].remove(key)) revert NotPermitted(tokenId);
        delete _authMethods[key];
        emit PermittedAuthMethodRemoved(tokenId, authMethodType, id);
    }

    function isPermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes calldata id)
        external
        view
        returns (bool)
    {
        return _authKeys[tokenId].contains(_authKey(tokenId, authMethodType, id));
    }

    /// The scopes granted to a permitted auth method (empty if it is not permitted).
    function getPermittedAuthMethodScopes(uint256 tokenId, uint256 authMethodType, bytes calldata id)
        external
        view
        returns (uint256[] memory)
    {
        return _authMethods[_authKey(tokenId, authMethodType, id)].scopes;
    }

    function getPermittedAuthMethods(uint256 tokenId) external view returns (AuthMethod[] memory out) {
        bytes32[] memory keys = _authKeys[tokenId].values();
        out = new AuthMethod[](keys.length);
        for (uint256 i = 0; i < keys.length; i++) {
            out[i] = _authMethods[keys[i]];
        }
    }

    function _authKey(uint256 tokenId, uint256 authMethodType, bytes calldata id) private pure returns (bytes32) {
        return keccak256(abi.encode(tokenId, authMethodType, id));
    }

    function _checkLength(string memory field, uint256 length, uint256 max) private pure {
        if (length == 0 || length > max) revert BadField(field);
    }
}
