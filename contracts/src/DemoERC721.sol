// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title DemoERC721: an NFT for access-control-condition tests and demos.
contract DemoERC721 is ERC721, Ownable {
    uint256 public nextTokenId = 1;

    constructor(address admin) ERC721("litmesh demo NFT", "LDNFT") Ownable(admin) {}

    /// Mints the next token id (1, 2, …) to `to` and returns it.
    function mint(address to) external onlyOwner returns (uint256 tokenId) {
        tokenId = nextTokenId++;
        _mint(to, tokenId);
    }
}
