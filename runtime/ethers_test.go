package runtime_test

import (
	"testing"
)

// ethers' ENS tables are built on first use in an execution rather than when ethers loads;
// ENS normalisation must still map, keep and refuse code points as ethers always did, in every
// execution. The mapped name (Ⅻ → xii) reads the mapping table, the emoji the emoji trie, the
// rest the valid and ignored sets.
func TestEthersENSNormalisationWorksWithLazyTables(t *testing.T) {
	p := pool(t)
	code := `
const h = ethers.utils.namehash;
let refused = "";
try { h("a\u0000b.eth"); } catch (e) { refused = e.message; }
Lit.Actions.setResponse({response: JSON.stringify({
	vitalik: h("VITALIK.eth"),
	mapped: h("Ⅻ.eth") === h("xii.eth"),
	emoji: h("👍🏼.eth").length,
	ignored: h("vita\u00adlik.eth") === h("vitalik.eth"),
	refused: refused.includes("Disallowed codepoint"),
})})`
	const want = `{"vitalik":"0xee6c4522aab0003e8d14cd40a6af439055fd2577951148c14b6cea9a53475835","mapped":true,"emoji":66,"ignored":true,"refused":true}`
	for i := range 2 {
		res, err := run(t, p, newTestHost(), code, "")
		if err != nil {
			t.Fatalf("run %d: %v (logs %q)", i, err, res.Logs)
		}
		if res.Response != want {
			t.Fatalf("run %d: got %s, want %s", i, res.Response, want)
		}
	}
}

// ethers loads its modules on first use in an execution (lazyModules): everything an action
// reaches must still work, across modules and with the identities the library relies on. The
// expected values are fixed vectors (go-ethereum's and BIP-32's test vector 1; HD keys from a seed,
// not a mnemonic, whose PBKDF2 in JavaScript alone takes seconds on a loaded machine).
func TestEthersWorksWithLazyModules(t *testing.T) {
	checks(t, newTestHost(), `(async () => {
		const r = {};
		const u = ethers.utils;
		r.typeofEthers = typeof ethers === "object" && typeof ethers.utils === "object" && typeof ethers.BigNumber === "function";
		r.keccak = u.keccak256(u.toUtf8Bytes("hello")) === "0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8";
		const w = new ethers.Wallet("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
		r.wallet = w.address === "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
		const sig = await w.signMessage("hello");
		r.signMessage = u.verifyMessage("hello", sig) === w.address;
		const big = ethers.BigNumber.from("1000000000000000000").mul(3).div(2);
		r.bigNumber = big.toString() === "1500000000000000000" && ethers.BigNumber.isBigNumber(big) && big instanceof ethers.BigNumber;
		r.units = u.formatUnits(u.parseUnits("1.5", 18), "gwei") === "1500000000.0";
		const iface = new u.Interface(["function transfer(address to, uint256 amount) returns (bool)"]);
		const data = iface.encodeFunctionData("transfer", [w.address, 7]);
		r.abi = data.slice(0, 10) === "0xa9059cbb" && iface.decodeFunctionData("transfer", data).amount.toNumber() === 7;
		r.abiCoder = u.defaultAbiCoder.decode(["uint256", "string"], u.defaultAbiCoder.encode(["uint256", "string"], [5, "x"]))[1] === "x";
		const tx = { to: w.address, value: 1, nonce: 0, gasLimit: 21000, gasPrice: 1, chainId: 1 };
		const signed = await w.signTransaction(tx);
		r.transaction = u.parseTransaction(signed).from === w.address;
		const hd = u.HDNode.fromSeed("0x000102030405060708090a0b0c0d0e0f");
		r.hdNode = hd.neuter().extendedKey === "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8" &&
			hd.derivePath("m/0'").neuter().extendedKey === "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw";
		r.solidity = u.solidityKeccak256(["uint8", "string"], [1, "a"]).length === 66;
		r.checksum = u.getAddress("0x2c7536e3605d9c16a7a3d7b1898e529396a65c23") === w.address;
		r.split = u.joinSignature(u.splitSignature(sig)) === sig;
		r.hashes = u.sha256("0x") === "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" && u.ripemd160("0x").length === 42;
		r.base58 = u.base58.encode(u.toUtf8Bytes("hello world")) === "StV1DL6CwTryKyV";
		r.fixed = ethers.FixedNumber.from("1.5").addUnsafe(ethers.FixedNumber.from("2.25")).toString() === "3.75";
		r.provider = new ethers.providers.JsonRpcProvider("http://127.0.0.1:1") instanceof ethers.providers.Provider;
		r.contract = new ethers.Contract(w.address, ["function f()"], w).address === w.address;
		class MyWallet extends ethers.Wallet {}
		r.subclass = new MyWallet(w.privateKey).address === w.address;
		r.constants = ethers.constants.AddressZero === "0x0000000000000000000000000000000000000000";
		r.recover = u.recoverAddress(u.hashMessage("hello"), sig) === w.address;
		r.version = typeof ethers.version === "string";
		Lit.Actions.setResponse({response: JSON.stringify(r)});
	})()`, "")
}
