// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {PKPPermissions} from "./PKPPermissions.sol";

interface IPKPNFTHelperMint {
    function mintNextFor(address minter, uint256 keyType, bytes calldata pubkey) external returns (uint256);
    function transferFrom(address from, address to, uint256 tokenId) external;
}

/// @title PKPHelper: mint a PKP and set up its auth methods in one transaction.
/// @notice Lit's PKPHelper.mintNextAndAddAuthMethods, with litmesh's derived public key as
/// the second argument (PKPNFT.mintNext documents it). The helper holds the new token only
/// within the transaction: it adds the auth methods as the owner, then passes the token to
/// the caller, or to the PKP's own address when sendPkpToItself is set (a PKP that controls
/// itself: only its auth methods can then change its permissions).
contract PKPHelper {
    uint256 public constant MAX_AUTH_METHODS = 10;

    IPKPNFTHelperMint public immutable pkpNft;
    PKPPermissions public immutable permissions;

    error BadField(string field);

    constructor(IPKPNFTHelperMint pkpNft_, PKPPermissions permissions_) {
        pkpNft = pkpNft_;
        permissions = permissions_;
    }

    function mintNextAndAddAuthMethods(
        uint256 keyType,
        bytes calldata pubkey,
        uint256[] memory permittedAuthMethodTypes,
        bytes[] memory permittedAuthMethodIds,
        bytes[] memory permittedAuthMethodPubkeys,
        uint256[][] memory permittedAuthMethodScopes,
        bool addPkpEthAddressAsPermittedAddress,
        bool sendPkpToItself
    ) external returns (uint256 tokenId) {
        uint256 n = permittedAuthMethodTypes.length;
        if (n > MAX_AUTH_METHODS) revert BadField("permittedAuthMethodTypes");
        if (permittedAuthMethodIds.length != n || permittedAuthMethodPubkeys.length != n || permittedAuthMethodScopes.length != n) {
            revert BadField("permittedAuthMethods: the four lists differ in length");
        }
        tokenId = pkpNft.mintNextFor(msg.sender, keyType, pubkey);
        for (uint256 i = 0; i < n; i++) {
            permissions.addPermittedAuthMethod(
                tokenId,
                PKPPermissions.AuthMethod(permittedAuthMethodTypes[i], permittedAuthMethodIds[i], permittedAuthMethodPubkeys[i]),
                permittedAuthMethodScopes[i]
            );
        }
        _handOver(tokenId, address(uint160(uint256(keccak256(pubkey[1:])))), addPkpEthAddressAsPermittedAddress, sendPkpToItself);
    }

    function _handOver(uint256 tokenId, address pkpAddress, bool addPkpAddress, bool toItself) private {
        if (addPkpAddress) permissions.addPermittedAddress(tokenId, pkpAddress);
        pkpNft.transferFrom(address(this), toItself ? pkpAddress : msg.sender, tokenId);
    }
}
