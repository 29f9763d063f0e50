// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/// @title PKPPermissions: who besides its owner may use a PKP.
/// @notice Lit's model: everything permitted to use a PKP is an auth method (type, id,
/// userPubkey) with scopes. Type 1 (EthWallet) is a permitted address (id = the 20 address
/// bytes), type 2 (LitAction) a permitted Lit Action (id = the binary IPFS CID); the
/// address and action functions are shorthands for those types with scope 1 (SignAnything),
/// and their views list only records that have it: a permitted address or action may sign
/// any hash, so one granted PersonalSign alone must not count as one.
/// Unlike Lit's contract, every record belongs to one token: the same (type, id) on two PKPs
/// are two records, so no owner can change what another PKP's auth method means. Only the
/// token's current owner can change its records, so a transfer moves control with the token
/// and a burn freezes them forever.
contract PKPPermissions {
    using EnumerableSet for EnumerableSet.Bytes32Set;
    using EnumerableSet for EnumerableSet.UintSet;

    /// Lit's AuthMethod struct (same field names and order, so Lit's ABI decodes it).
    struct AuthMethod {
        uint256 authMethodType;
        bytes id;
        bytes userPubkey;
    }

    struct Record {
        uint256 authMethodType;
        bytes id;
        bytes userPubkey;
        uint256 scopes; // bit s set: scope s granted
    }

    uint256 public constant AUTH_METHOD_TYPE_ETH_WALLET = 1;
    uint256 public constant AUTH_METHOD_TYPE_LIT_ACTION = 2;
    uint256 public constant AUTH_METHOD_TYPE_WEBAUTHN = 3;
    /// litmesh's OIDC type: "OIDC" in ASCII, outside Lit's numbering (docs/contracts.md).
    uint256 public constant AUTH_METHOD_TYPE_OIDC = 0x4f494443;
    uint256 public constant SCOPE_SIGN_ANYTHING = 1;
    uint256 public constant SCOPE_PERSONAL_SIGN = 2;

    uint256 public constant MAX_CID_LENGTH = 128;
    uint256 public constant MAX_AUTH_ID_LENGTH = 256;
    uint256 public constant MAX_USER_PUBKEY_LENGTH = 512;
    uint256 public constant MAX_SCOPES = 16;
    /// Scope ids are below this (one 256-bit mask per record).
    uint256 public constant SCOPE_ID_LIMIT = 256;
    /// Bounds each token's list, so the list views stay callable.
    uint256 public constant MAX_PER_TOKEN = 100;

    IERC721 public immutable pkpNft;

    /// tokenId => keys (keccak256(abi.encode(tokenId, authMethodId))) of its records.
    mapping(uint256 => EnumerableSet.Bytes32Set) private _keys;
    mapping(bytes32 => Record) private _records;
    /// getAuthMethodId(type, id) => tokens holding that auth method.
    mapping(uint256 => EnumerableSet.UintSet) private _tokensOf;

    event PermittedAuthMethodAdded(uint256 indexed tokenId, uint256 authMethodType, bytes id, bytes userPubkey);
    event PermittedAuthMethodRemoved(uint256 indexed tokenId, uint256 authMethodType, bytes id);
    event PermittedAuthMethodScopeAdded(uint256 indexed tokenId, uint256 authMethodType, bytes id, uint256 scopeId);
    event PermittedAuthMethodScopeRemoved(uint256 indexed tokenId, uint256 authMethodType, bytes id, uint256 scopeId);

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

    // ------------------------------------------------------------ auth methods

    /// Lit's auth method id: the key of (type, id) in Lit's contract and in getTokenIdsForAuthMethod.
    function getAuthMethodId(uint256 authMethodType, bytes memory id) public pure returns (uint256) {
        return uint256(keccak256(abi.encode(authMethodType, id)));
    }

    /// The id of litmesh's OIDC auth method for a user: keccak256(abi.encode(iss, aud, sub)).
    function oidcAuthMethodId(string calldata iss, string calldata aud, string calldata sub)
        external
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(iss, aud, sub));
    }

    function addPermittedAuthMethod(uint256 tokenId, AuthMethod calldata authMethod, uint256[] calldata scopes)
        external
        onlyTokenOwner(tokenId)
    {
        _add(tokenId, authMethod.authMethodType, authMethod.id, authMethod.userPubkey, scopes);
    }

    function removePermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes calldata id)
        external
        onlyTokenOwner(tokenId)
    {
        _remove(tokenId, authMethodType, id);
    }

    function addPermittedAuthMethodScope(uint256 tokenId, uint256 authMethodType, bytes calldata id, uint256 scopeId)
        external
        onlyTokenOwner(tokenId)
    {
        if (scopeId >= SCOPE_ID_LIMIT) revert BadField("scopeId");
        Record storage r = _permitted(tokenId, authMethodType, id);
        if (r.scopes & (1 << scopeId) != 0) revert AlreadyPermitted(tokenId);
        r.scopes |= 1 << scopeId;
        emit PermittedAuthMethodScopeAdded(tokenId, authMethodType, id, scopeId);
    }

    function removePermittedAuthMethodScope(uint256 tokenId, uint256 authMethodType, bytes calldata id, uint256 scopeId)
        external
        onlyTokenOwner(tokenId)
    {
        if (scopeId >= SCOPE_ID_LIMIT) revert BadField("scopeId");
        Record storage r = _permitted(tokenId, authMethodType, id);
        if (r.scopes & (1 << scopeId) == 0) revert NotPermitted(tokenId);
        r.scopes &= ~(1 << scopeId);
        emit PermittedAuthMethodScopeRemoved(tokenId, authMethodType, id, scopeId);
    }

    function isPermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes calldata id)
        public
        view
        returns (bool)
    {
        return _keys[tokenId].contains(_key(tokenId, authMethodType, id));
    }

    function isPermittedAuthMethodScopePresent(uint256 tokenId, uint256 authMethodType, bytes calldata id, uint256 scopeId)
        external
        view
        returns (bool)
    {
        if (scopeId >= SCOPE_ID_LIMIT) return false;
        return _records[_key(tokenId, authMethodType, id)].scopes & (1 << scopeId) != 0;
    }

    /// Lit's view: entry s tells whether scope s is granted, for s < maxScopeId (all false if
    /// the auth method is not permitted).
    function getPermittedAuthMethodScopes(uint256 tokenId, uint256 authMethodType, bytes calldata id, uint256 maxScopeId)
        external
        view
        returns (bool[] memory out)
    {
        uint256 mask = _records[_key(tokenId, authMethodType, id)].scopes;
        out = new bool[](maxScopeId);
        for (uint256 s = 0; s < maxScopeId && s < SCOPE_ID_LIMIT; s++) {
            out[s] = mask & (1 << s) != 0;
        }
    }

    /// Every permitted auth method of the token, actions and addresses included, as Lit's.
    function getPermittedAuthMethods(uint256 tokenId) external view returns (AuthMethod[] memory out) {
        bytes32[] memory keys = _keys[tokenId].values();
        out = new AuthMethod[](keys.length);
        for (uint256 i = 0; i < keys.length; i++) {
            Record storage r = _records[keys[i]];
            out[i] = AuthMethod(r.authMethodType, r.id, r.userPubkey);
        }
    }

    /// getPermittedAuthMethods with each one's scope mask (bit s: scope s), in one call.
    function getPermittedAuthMethodsWithScopes(uint256 tokenId)
        external
        view
        returns (AuthMethod[] memory methods, uint256[] memory scopeMasks)
    {
        bytes32[] memory keys = _keys[tokenId].values();
        methods = new AuthMethod[](keys.length);
        scopeMasks = new uint256[](keys.length);
        for (uint256 i = 0; i < keys.length; i++) {
            Record storage r = _records[keys[i]];
            methods[i] = AuthMethod(r.authMethodType, r.id, r.userPubkey);
            scopeMasks[i] = r.scopes;
        }
    }

    /// The user public key registered with this token's auth method (e.g. a WebAuthn
    /// credential's COSE key); empty if none or not permitted.
    function getPermittedAuthMethodUserPubkey(uint256 tokenId, uint256 authMethodType, bytes calldata id)
        external
        view
        returns (bytes memory)
    {
        return _records[_key(tokenId, authMethodType, id)].userPubkey;
    }

    /// Tokens holding the auth method (Lit's view). Anyone can add any auth method to a token
    /// they own, so this is a lookup hint, not proof that the tokens belong to the user.
    function getTokenIdsForAuthMethod(uint256 authMethodType, bytes calldata id) external view returns (uint256[] memory) {
        return _tokensOf[getAuthMethodId(authMethodType, id)].values();
    }

    // ----------------------------------------------------- actions (type 2)

    function addPermittedAction(uint256 tokenId, bytes calldata ipfsCid) external onlyTokenOwner(tokenId) {
        _add(tokenId, AUTH_METHOD_TYPE_LIT_ACTION, ipfsCid, "", _signAnything());
    }

    function removePermittedAction(uint256 tokenId, bytes calldata ipfsCid) external onlyTokenOwner(tokenId) {
        _remove(tokenId, AUTH_METHOD_TYPE_LIT_ACTION, ipfsCid);
    }

    /// Whether the action may sign anything with the PKP (a type-2 record with scope 1).
    function isPermittedAction(uint256 tokenId, bytes calldata ipfsCid) external view returns (bool) {
        return _signsAnything(_records[_key(tokenId, AUTH_METHOD_TYPE_LIT_ACTION, ipfsCid)]);
    }

    function getPermittedActions(uint256 tokenId) external view returns (bytes[] memory out) {
        bytes32[] memory keys = _keys[tokenId].values();
        uint256 n;
        for (uint256 i = 0; i < keys.length; i++) {
            if (_isSigning(_records[keys[i]], AUTH_METHOD_TYPE_LIT_ACTION)) n++;
        }
        out = new bytes[](n);
        n = 0;
        for (uint256 i = 0; i < keys.length; i++) {
            Record storage r = _records[keys[i]];
            if (_isSigning(r, AUTH_METHOD_TYPE_LIT_ACTION)) out[n++] = r.id;
        }
    }

    // --------------------------------------------------- addresses (type 1)

    function addPermittedAddress(uint256 tokenId, address account) external onlyTokenOwner(tokenId) {
        _add(tokenId, AUTH_METHOD_TYPE_ETH_WALLET, abi.encodePacked(account), "", _signAnything());
    }

    function removePermittedAddress(uint256 tokenId, address account) external onlyTokenOwner(tokenId) {
        _remove(tokenId, AUTH_METHOD_TYPE_ETH_WALLET, abi.encodePacked(account));
    }

    /// Whether the address may sign anything with the PKP (a type-1 record with scope 1). The
    /// owner always may; it is not listed here.
    function isPermittedAddress(uint256 tokenId, address account) external view returns (bool) {
        return _signsAnything(_records[_key(tokenId, AUTH_METHOD_TYPE_ETH_WALLET, abi.encodePacked(account))]);
    }

    function getPermittedAddresses(uint256 tokenId) external view returns (address[] memory out) {
        bytes32[] memory keys = _keys[tokenId].values();
        uint256 n;
        for (uint256 i = 0; i < keys.length; i++) {
            if (_isSigning(_records[keys[i]], AUTH_METHOD_TYPE_ETH_WALLET)) n++;
        }
        out = new address[](n);
        n = 0;
        for (uint256 i = 0; i < keys.length; i++) {
            Record storage r = _records[keys[i]];
            if (_isSigning(r, AUTH_METHOD_TYPE_ETH_WALLET)) {
                bytes memory id = r.id;
                out[n++] = address(bytes20(id));
            }
        }
    }

    // ------------------------------------------------------------- internals

    function _add(uint256 tokenId, uint256 authMethodType, bytes memory id, bytes memory userPubkey, uint256[] memory scopes)
        private
    {
        if (authMethodType == 0 || authMethodType > type(uint64).max) revert BadField("authMethodType");
        if (authMethodType == AUTH_METHOD_TYPE_ETH_WALLET) {
            if (id.length != 20 || bytes20(id) == bytes20(0)) revert BadField("account");
        } else if (authMethodType == AUTH_METHOD_TYPE_LIT_ACTION) {
            _checkLength("ipfsCid", id.length, MAX_CID_LENGTH);
        } else {
            _checkLength("id", id.length, MAX_AUTH_ID_LENGTH);
        }
        if (userPubkey.length > MAX_USER_PUBKEY_LENGTH) revert BadField("userPubkey");
        // A WebAuthn auth method is verified against its credential's public key: one without
        // a key could never be used.
        if (authMethodType == AUTH_METHOD_TYPE_WEBAUTHN && userPubkey.length == 0) revert BadField("userPubkey");
        if (scopes.length > MAX_SCOPES) revert BadField("scopes");
        uint256 mask;
        for (uint256 i = 0; i < scopes.length; i++) {
            if (scopes[i] >= SCOPE_ID_LIMIT) revert BadField("scopes");
            mask |= 1 << scopes[i];
        }
        if (_keys[tokenId].length() >= MAX_PER_TOKEN) revert TooManyPermissions(tokenId);
        bytes32 key = _key(tokenId, authMethodType, id);
        if (!_keys[tokenId].add(key)) revert AlreadyPermitted(tokenId);
        _records[key] = Record(authMethodType, id, userPubkey, mask);
        _tokensOf[getAuthMethodId(authMethodType, id)].add(tokenId);
        emit PermittedAuthMethodAdded(tokenId, authMethodType, id, userPubkey);
        for (uint256 s = 0; s < SCOPE_ID_LIMIT && mask >> s != 0; s++) {
            if (mask & (1 << s) != 0) emit PermittedAuthMethodScopeAdded(tokenId, authMethodType, id, s);
        }
    }

    function _remove(uint256 tokenId, uint256 authMethodType, bytes memory id) private {
        bytes32 key = _key(tokenId, authMethodType, id);
        if (!_keys[tokenId].remove(key)) revert NotPermitted(tokenId);
        delete _records[key];
        _tokensOf[getAuthMethodId(authMethodType, id)].remove(tokenId);
        emit PermittedAuthMethodRemoved(tokenId, authMethodType, id);
    }

    function _permitted(uint256 tokenId, uint256 authMethodType, bytes calldata id) private view returns (Record storage r) {
        bytes32 key = _key(tokenId, authMethodType, id);
        if (!_keys[tokenId].contains(key)) revert NotPermitted(tokenId);
        r = _records[key];
    }

    function _key(uint256 tokenId, uint256 authMethodType, bytes memory id) private pure returns (bytes32) {
        return keccak256(abi.encode(tokenId, authMethodType, id));
    }

    /// A removed record is zeroed, so a missing one has no scopes.
    function _signsAnything(Record storage r) private view returns (bool) {
        return r.scopes & (1 << SCOPE_SIGN_ANYTHING) != 0;
    }

    function _isSigning(Record storage r, uint256 authMethodType) private view returns (bool) {
        return r.authMethodType == authMethodType && _signsAnything(r);
    }

    function _signAnything() private pure returns (uint256[] memory s) {
        s = new uint256[](1);
        s[0] = SCOPE_SIGN_ANYTHING;
    }

    function _checkLength(string memory field, uint256 length, uint256 max) private pure {
        if (length == 0 || length > max) revert BadField(field);
    }
}
