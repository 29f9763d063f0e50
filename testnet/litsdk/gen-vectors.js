'use strict';
// gen-vectors.js writes golden vectors made by Lit's own JS SDK (7.4.0: its WASM and its
// condition hashing), which litmesh's Go unit tests check litmesh against:
//
//   access/testdata/litsdk-conditions.json  conditions -> Lit's canonical JSON and SHA-256
//   mpc/bls/testdata/litsdk-vectors.json     key, signature shares, combine, encrypt, decrypt
//
// The SDK has no API to make signature shares, so the shares come from @noble/curves, from a
// fixed secret polynomial that the Go tests derive too (coefficient j = SHA-256("litmesh litsdk
// vector coefficient j") mod r). The SDK's WASM combines and verifies them and encrypts and
// decrypts. Ciphertexts made by Go (mpc/bls/testdata/litsdk-go-ciphertexts.json, written by
// `go test ./mpc/bls -run TestLitGoCiphertexts -update`) are decrypted here by the SDK.
//
// Run from this directory: npm ci && node gen-vectors.js [--out DIR]
// (--out writes the two files under DIR instead of the repository, for CI to compare.)
const fs = require('fs');
const path = require('path');
const nodeCrypto = require('crypto');

const acc = require('@lit-protocol/access-control-conditions');
const litCrypto = require('@lit-protocol/crypto');
const { blsCombine, blsDecrypt } = require('@lit-protocol/wasm');
const { bls12_381: bls } = require('@noble/curves/bls12-381');

const root = path.join(__dirname, '..', '..');
const sdkVersion = require('@lit-protocol/lit-node-client/package.json').version;
const hex = (b) => Buffer.from(b).toString('hex');
const sha256 = (b) => nodeCrypto.createHash('sha256').update(b).digest();
const utf8 = (s) => new TextEncoder().encode(s);

function check(ok, what) {
  if (!ok) throw new Error('check failed: ' + what);
}

// ---------------------------------------------------------------- the key and its shares

const R = bls.params.r;
const THRESHOLD = 3;
const SHARES = 5;
const DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';
const coeffs = [...Array(THRESHOLD).keys()].map(
  (j) => BigInt('0x' + hex(sha256('litmesh litsdk vector coefficient ' + j))) % R
);
const poly = (x) => coeffs.reduceRight((a, c) => (a * BigInt(x) + c) % R, 0n);
const publicKey = hex(bls.G1.ProjectivePoint.BASE.multiply(coeffs[0]).toRawBytes(true));

// Lit's share of identifier i (litmesh share index i-1): u8 i || compressed s_i * H(msg).
function litShare(i, msg) {
  const sig = bls.G2.hashToCurve(msg, { DST }).multiply(poly(i));
  return { ProofOfPossession: hex(Uint8Array.of(i)) + hex(sig.toRawBytes(true)) };
}

// ------------------------------------------------------------------------- conditions

const basicBalance = `{"contractAddress":"","standardContractType":"","chain":"lit","method":"eth_getBalance","parameters":[":userAddress","latest"],"returnValueTest":{"comparator":">=","value":"1000000000000000000"}}`;
const erc721Mixed = `{"contractAddress":"0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D","standardContractType":"ERC721","chain":"ethereum","method":"ownerOf","parameters":["5954"],"returnValueTest":{"comparator":"=","value":":userAddress"}}`;
const erc20Numbers = `{"contractAddress":"0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48","standardContractType":"ERC20","chain":"ethereum","method":"balanceOf","parameters":[":userAddress"],"returnValueTest":{"comparator":">","value":1e18}}`;
const timestamp = `{"contractAddress":"","standardContractType":"timestamp","chain":"lit","method":"eth_getBlockByNumber","parameters":["latest"],"returnValueTest":{"comparator":">=","value":"1700000000"}}`;
const litAction = `{"contractAddress":"ipfs://QmcgbVu2sJSPpTeFhBd174FnmYmoVYvUFJeDkS7eYtwoFY","standardContractType":"LitAction","chain":"ethereum","method":"go","parameters":["quote \\" and backslash \\\\","caf\\u00e9 \\u2028 tab\\t ctl\\u0001"],"returnValueTest":{"comparator":"=","value":"true"}}`;
const contractCall = `{"contractAddress":"0x7C7757a9675f06F3BE4618bB68732c4aB25D2e88","functionName":"balanceOf","functionParams":[":userAddress","8"],"functionAbi":{"type":"function","stateMutability":"view","inputs":[{"internalType":"address","name":"account","type":"address"},{"internalType":"uint256","name":"id","type":"uint256"}],"name":"balanceOf","outputs":[{"internalType":"uint256","name":"","type":"uint256"}]},"chain":"lit","returnValueTest":{"key":"","comparator":">","value":"0"}}`;
const contractConstant = `{"contractAddress":"0x7C7757a9675f06F3BE4618bB68732c4aB25D2e88","functionName":"totalSupply","functionParams":[],"functionAbi":{"name":"totalSupply","inputs":[],"outputs":[{"name":"supply","type":"uint256"}],"constant":true,"payable":false},"chain":"polygon","returnValueTest":{"key":"supply","comparator":"<=","value":"100000000000000000000000"}}`;
const withType = (cond, t) => `{"conditionType":"${t}",` + cond.slice(1);

const conditionCases = [
  { name: 'native balance on the devnet chain "lit"', kind: 'accessControlConditions', json: `[${basicBalance}]` },
  { name: 'ERC721 owner with a mixed-case address', kind: 'accessControlConditions', json: `[${erc721Mixed}]` },
  { name: 'ERC20 balance compared with a JSON number', kind: 'accessControlConditions', json: `[${erc20Numbers}]` },
  { name: 'strings that JSON.stringify escapes', kind: 'accessControlConditions', json: `[${litAction}]` },
  { name: 'nested groups and operators', kind: 'accessControlConditions', json: `[${basicBalance},{"operator":"or"},[${erc721Mixed},{"operator":"and"},${timestamp}]]` },
  { name: 'a contract call with ABI fields Lit drops', kind: 'evmContractConditions', json: `[${contractCall}]` },
  { name: 'a constant function and a named output', kind: 'evmContractConditions', json: `[${contractConstant},{"operator":"and"},${contractCall}]` },
  { name: 'a unified list of both types', kind: 'unifiedAccessControlConditions', json: `[${withType(basicBalance, 'evmBasic')},{"operator":"and"},[${withType(contractCall, 'evmContract')},{"operator":"or"},${withType(erc721Mixed, 'evmBasic')}]]` },
];

const hashers = {
  accessControlConditions: [acc.hashAccessControlConditions, acc.canonicalAccessControlConditionFormatter, acc.validateAccessControlConditionsSchema],
  evmContractConditions: [acc.hashEVMContractConditions, acc.canonicalEVMContractConditionFormatter, acc.validateEVMContractConditionsSchema],
  unifiedAccessControlConditions: [acc.hashUnifiedAccessControlConditions, acc.canonicalUnifiedAccessControlConditionFormatter, acc.validateUnifiedAccessControlConditionsSchema],
};

async function conditionVectors() {
  const out = [];
  for (const c of conditionCases) {
    const [hash, format, validate] = hashers[c.kind];
    const conds = JSON.parse(c.json);
    // What encrypt checks before hashing (decrypt does not check, and sends the formatted,
    // canonical list).
    let schemaValid = true;
    try {
      await validate(JSON.parse(c.json));
    } catch (e) {
      schemaValid = false;
    }
    const canonical = JSON.stringify(conds.map((x) => format(x)));
    const h = hex(new Uint8Array(await hash(JSON.parse(c.json))));
    check(h === hex(sha256(canonical)), c.name + ': hash is SHA-256 of the canonical JSON');
    out.push({ ...c, schemaValid, canonical, hash: h });
  }
  // Which chain names the SDK's condition schema takes (encrypt refuses the others).
  const chains = {};
  for (const name of ['lit', 'litdevnet', 'chronicleTestnet', 'yellowstone', 'ethereum']) {
    try {
      await acc.validateAccessControlConditionsSchema([JSON.parse(basicBalance.replace('"chain":"lit"', `"chain":"${name}"`))]);
      chains[name] = true;
    } catch (e) {
      chains[name] = false;
    }
  }
  return { conditions: out, schemaAcceptsChain: chains };
}

// ------------------------------------------------------------------- BLS vectors

async function blsVectors(unified) {
  const conds = JSON.parse(unified.json);
  const condHash = hex(new Uint8Array(await acc.hashUnifiedAccessControlConditions(conds)));
  const plaintexts = ['litmesh speaks Lit: golden vector plaintext ♥', '', 'x'.repeat(200)];
  const ciphertexts = [];
  for (const p of plaintexts) {
    const data = utf8(p);
    const dataHash = hex(sha256(data));
    const identity = `lit-accesscontrolcondition://${condHash}/${dataHash}`;
    const idBytes = utf8(identity);
    // The SDK's encrypt, exactly as LitNodeClient.encrypt calls it.
    const ciphertext = await litCrypto.encrypt(publicKey, data, idBytes);
    const shares = [...Array(SHARES).keys()].map((i) => litShare(i + 1, idBytes));
    const subsets = [[0, 2, 4], [1, 2, 3], [4, 3, 0, 1]];
    const signatures = [];
    for (const s of subsets) {
      const sig = await litCrypto.combineSignatureShares(s.map((i) => shares[i]));
      await litCrypto.verifySignature(publicKey, idBytes, Buffer.from(sig, 'hex'));
      signatures.push(sig);
    }
    check(signatures.every((s) => s === signatures[0]), 'every threshold subset combines to the same signature');
    const decrypted = await litCrypto.verifyAndDecryptWithSignatureShares(publicKey, idBytes, ciphertext, subsets[0].map((i) => shares[i]));
    check(Buffer.from(decrypted).toString('utf8') === p, 'the SDK decrypts its own ciphertext');
    // Too few shares combine to a wrong signature the SDK refuses.
    let belowThreshold = 'accepted';
    try {
      const bad = await litCrypto.combineSignatureShares([shares[0], shares[1]]);
      await litCrypto.verifySignature(publicKey, idBytes, Buffer.from(bad, 'hex'));
    } catch (e) {
      belowThreshold = 'refused';
    }
    ciphertexts.push({
      plaintext: p,
      dataToEncryptHash: dataHash,
      identity,
      ciphertext,
      shares,
      combinedFrom: subsets,
      signature: signatures[0],
      decrypted: Buffer.from(decrypted).toString('utf8'),
      twoSharesVerify: belowThreshold,
    });
  }

  // Ciphertexts made by litmesh's Go encrypt, opened by the SDK's WASM.
  const goFile = path.join(root, 'mpc/bls/testdata/litsdk-go-ciphertexts.json');
  const goOpened = [];
  if (fs.existsSync(goFile)) {
    for (const g of JSON.parse(fs.readFileSync(goFile, 'utf8')).ciphertexts) {
      const idBytes = utf8(g.identity);
      const shares = [1, 2, 3].map((i) => litShare(i, idBytes));
      const sig = await blsCombine('Bls12381G2', shares.map((s) => Buffer.from(s.ProofOfPossession, 'hex')));
      const opened = await blsDecrypt('Bls12381G2', Buffer.from(g.ciphertext, 'base64'), sig);
      goOpened.push({ ciphertext: g.ciphertext, identity: g.identity, plaintextHex: hex(opened) });
    }
  }

  return {
    threshold: THRESHOLD,
    shares: SHARES,
    coefficientSeed: 'litmesh litsdk vector coefficient ',
    publicKey,
    conditions: unified.json,
    conditionsHash: condHash,
    ciphertexts,
    goCiphertextsOpenedBySDK: goOpened,
  };
}

async function main() {
  const conds = await conditionVectors();
  const unified = conds.conditions.find((c) => c.kind === 'unifiedAccessControlConditions');
  const blsOut = await blsVectors(unified);
  const header = { generator: 'testnet/litsdk/gen-vectors.js', sdk: '@lit-protocol/lit-node-client ' + sdkVersion };
  const outAt = process.argv.indexOf('--out');
  const base = outAt > 0 ? process.argv[outAt + 1] : root;
  const write = (rel, obj) => {
    fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
    fs.writeFileSync(path.join(base, rel), JSON.stringify({ ...header, ...obj }, null, 2) + '\n');
    console.error('wrote ' + rel);
  };
  write('access/testdata/litsdk-conditions.json', conds);
  write('mpc/bls/testdata/litsdk-vectors.json', blsOut);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
