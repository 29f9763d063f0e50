// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title DemoERC20: a fungible token for access-control-condition tests and demos.
contract DemoERC20 is ERC20, Ownable {
    constructor(address admin) ERC20("litmesh demo token", "LDEMO") Ownable(admin) {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
