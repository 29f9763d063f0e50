// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title DemoERC1155: a multi-token for access-control-condition tests and demos.
contract DemoERC1155 is ERC1155, Ownable {
    constructor(address admin) ERC1155("") Ownable(admin) {}

    function mint(address to, uint256 id, uint256 amount) external onlyOwner {
        _mint(to, id, amount, "");
    }
}
