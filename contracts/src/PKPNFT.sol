// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Burnable} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Burnable.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

interface IRootKeys {
    function rootKey(uint256 keyType) external view returns (bytes memory);
}

interface IPKPPermissionsGrant {
    function addPermittedAction(uint256 tokenId, bytes calldata ipfsCid) external;
}

/// @title PKPNFT: programmable key pairs owned as ERC-721 tokens.
/// @notice A PKP's secp256k1 key is derived (HD, additive) from the network's ECDSA root key X
/// and a key id this contract assigns: Y = X + ε·G with ε = keccak256("litmesh/hd/v1" ‖ keyId)
/// mod n. The minter derives Y off chain and submits it; the contract checks it with one
/// ecrecover (see _verifyDerived) and mints tokenId = keccak256(0x04 ‖ Y.x ‖ Y.y). The key ids
/// and public keys stay readable after a burn.
///
/// PKPs of the other key types (Ed25519, Schnorr secp256k1, BLS; docs/schemes.md) derive from
/// their own root keys the same way, with tweaks this contract cannot compute cheaply (SHA-512,
/// hash_to_field, curves without a precompile). For them the contract checks the key's format
/// and that the type's root key exists, and the nodes check the derivation at every signature
/// (they refuse a PKP whose key is not the root's derivation for its key id). Their token id
/// binds the key id the contract assigned, keccak256(keyId ‖ pubkey), so no one can mint a
/// token that blocks another minter's next key: the key id is unique per mint.
contract PKPNFT is ERC721, ERC721Burnable, Ownable {
    uint256 public constant KEY_TYPE_ECDSA = 2;
    uint256 public constant KEY_TYPE_ED25519 = 3;
    uint256 public constant KEY_TYPE_BLS_PKP = 10;
    uint256 public constant KEY_TYPE_SCHNORR_K256 = 128;

    /// secp256k1 group order.
    uint256 private constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    IRootKeys public immutable rootKeys;
    IPKPPermissionsGrant public permissions;
    /// The one contract (PKPHelper) that may mint on a minter's behalf; see mintNextFor.
    address public helper;

    mapping(address => uint256) public mintNonce;
    mapping(uint256 => bytes32) private _keyIds;
    mapping(uint256 => bytes) private _pubkeys;
    mapping(uint256 => uint256) private _keyTypes;

    event PKPMinted(uint256 indexed tokenId, bytes32 indexed keyId, address indexed minter, bytes pubkey);
    event PermissionsSet(address permissions);
    event HelperSet(address helper);

    error UnknownKeyType(uint256 keyType);
    error NoRootKey();
    error BadPubkey();
    error WrongDerivedKey(bytes32 keyId);
    error TokenAlreadyMinted(uint256 tokenId);
    error PermissionsAlreadySet();
    error PermissionsNotSet();
    error HelperAlreadySet();
    error NotHelper(address caller);

    constructor(IRootKeys rootKeys_, address admin) ERC721("litmesh PKP", "PKP") Ownable(admin) {
        rootKeys = rootKeys_;
    }

    /// Connects the permissions contract, once (it is deployed after this one).
    function setPermissions(IPKPPermissionsGrant permissions_) external onlyOwner {
        if (address(permissions) != address(0)) revert PermissionsAlreadySet();
        permissions = permissions_;
        emit PermissionsSet(address(permissions_));
    }

    /// Connects the helper contract, once: it mints on a minter's behalf and sets up the
    /// new token's permissions in the same transaction.
    function setHelper(address helper_) external onlyOwner {
        if (helper != address(0)) revert HelperAlreadySet();
        helper = helper_;
        emit HelperSet(helper_);
    }

    /// The key id the next mint by `minter` gets.
    function nextKeyId(address minter) public view returns (bytes32) {
        return keccak256(abi.encode(block.chainid, address(this), minter, mintNonce[minter]));
    }

    /// Mints the caller's next PKP. `pubkey` is the key derived from the root key of keyType and
    /// nextKeyId(msg.sender): 65 bytes uncompressed (ECDSA), 32 bytes (Ed25519), 33 bytes
    /// compressed (Schnorr secp256k1) or 48 bytes compressed G1 (BLS).
    function mintNext(uint256 keyType, bytes calldata pubkey) external returns (uint256) {
        return _mintDerived(keyType, pubkey, msg.sender, msg.sender);
    }

    /// The helper's mint: `minter`'s next key id (so concurrent users of the helper never
    /// race for one key id), the token held by the helper until it has set the permissions
    /// and passed the token on.
    function mintNextFor(address minter, uint256 keyType, bytes calldata pubkey) external returns (uint256) {
        if (msg.sender != helper || helper == address(0)) revert NotHelper(msg.sender);
        return _mintDerived(keyType, pubkey, minter, msg.sender);
    }

    /// Mints a PKP, permits exactly one Lit Action for it, and burns it, in one transaction: no
    /// one can ever add another permission, so the key is usable by that action alone.
    function mintGrantAndBurnNext(uint256 keyType, bytes calldata ipfsCid, bytes calldata pubkey)
        external
        returns (uint256 tokenId)
    {
        if (address(permissions) == address(0)) revert PermissionsNotSet();
        // Held by this contract for the moment of the grant: permissions only accept the owner.
        tokenId = _mintDerived(keyType, pubkey, msg.sender, address(this));
        permissions.addPermittedAction(tokenId, ipfsCid);
        _burn(tokenId);
    }

    function keyIdOf(uint256 tokenId) external view returns (bytes32) {
        return _keyIds[tokenId];
    }

    function pubkeyOf(uint256 tokenId) external view returns (bytes memory) {
        return _pubkeys[tokenId];
    }

    /// The key type the token was minted with (0 if never minted).
    function keyTypeOf(uint256 tokenId) external view returns (uint256) {
        return _keyTypes[tokenId];
    }

    /// Whether the token was ever minted (true after a burn too).
    function exists(uint256 tokenId) external view returns (bool) {
        return _keyIds[tokenId] != bytes32(0);
    }

    function _mintDerived(uint256 keyType, bytes calldata pubkey, address minter, address to)
        private
        returns (uint256 tokenId)
    {
        bytes memory root = _checkKey(keyType, pubkey);

        bytes32 keyId = nextKeyId(minter);
        mintNonce[minter]++;
        if (keyType == KEY_TYPE_ECDSA) {
            _verifyDerived(root, keyId, pubkey);
            tokenId = uint256(keccak256(pubkey));
        } else {
            tokenId = uint256(keccak256(abi.encodePacked(keyId, pubkey)));
        }
        if (_keyIds[tokenId] != bytes32(0)) revert TokenAlreadyMinted(tokenId);
        _keyIds[tokenId] = keyId;
        _pubkeys[tokenId] = pubkey;
        _keyTypes[tokenId] = keyType;
        _mint(to, tokenId);
        emit PKPMinted(tokenId, keyId, minter, pubkey);
    }

    /// Checks the format of a PKP key of keyType and returns the type's root key.
    function _checkKey(uint256 keyType, bytes calldata pubkey) private view returns (bytes memory root) {
        uint256 keyLen;
        uint256 rootLen;
        if (keyType == KEY_TYPE_ECDSA) {
            (keyLen, rootLen) = (65, 33);
            if (pubkey.length == 65 && pubkey[0] != 0x04) revert BadPubkey();
        } else if (keyType == KEY_TYPE_ED25519) {
            (keyLen, rootLen) = (32, 32);
        } else if (keyType == KEY_TYPE_SCHNORR_K256) {
            (keyLen, rootLen) = (33, 33);
            if (pubkey.length == 33 && pubkey[0] != 0x02 && pubkey[0] != 0x03) revert BadPubkey();
        } else if (keyType == KEY_TYPE_BLS_PKP) {
            (keyLen, rootLen) = (48, 48);
            // ZCash serialization: compressed flag set, not the point at infinity.
            if (pubkey.length == 48 && (uint8(pubkey[0]) & 0xc0) != 0x80) revert BadPubkey();
        } else {
            revert UnknownKeyType(keyType);
        }
        if (pubkey.length != keyLen) revert BadPubkey();
        root = rootKeys.rootKey(keyType);
        if (root.length != rootLen) revert NoRootKey();
    }

    /// Checks Y = X + ε·G with one ecrecover. ecrecover(h, v, r, s) returns the address of
    /// r⁻¹·(s·R − h·G), R the point with x = r and y parity v − 27. With R = X, r = s = X.x and
    /// h = −X.x·ε mod n that is X + ε·G.
    function _verifyDerived(bytes memory root, bytes32 keyId, bytes calldata pubkey) private pure {
        uint256 eps = uint256(keccak256(abi.encodePacked("litmesh/hd/v1", keyId))) % N;
        if (eps == 0) revert WrongDerivedKey(keyId); // probability 2^-256; the formula forbids it
        uint8 prefix = uint8(root[0]);
        uint256 rx;
        assembly {
            rx := mload(add(root, 33))
        }
        uint256 h = N - mulmod(rx, eps, N);
        address derived = ecrecover(bytes32(h), prefix == 0x02 ? 27 : 28, bytes32(rx), bytes32(rx));
        address claimed = address(uint160(uint256(keccak256(pubkey[1:]))));
        if (derived == address(0) || derived != claimed) revert WrongDerivedKey(keyId);
    }
}
