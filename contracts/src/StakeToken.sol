// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title StakeToken: the test token operators stake on a devnet or test network.
/// @notice It has no value: the admin mints it to whoever should be able to run a node.
contract StakeToken is ERC20, Ownable {
    constructor(address admin) ERC20("litmesh test stake", "LSTAKE") Ownable(admin) {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
