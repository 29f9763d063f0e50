'use strict';
// e2e.js runs Lit's own JS SDK (7.4.0, pinned in package-lock.json) against a litmesh devnet,
// configured only by network.json's litSdk.config, and checks every flow a Datil-era app uses:
//
//   1. connect: the SDK finds the nodes through the Staking contract and handshakes with all;
//   2. encrypt with the SDK, decrypt with a wallet's plain (EOA) authSig;
//   3. session signatures (getSessionSigs) and a decryption with them;
//   4. a decryption refused for a wallet that does not meet the conditions (unfunded);
//   5. pkpSign: the signature recovers to the PKP's address in ethers;
//   6. executeJs with Lit.Actions.signEcdsa and setResponse, and on a single node.
//
//   NODE_EXTRA_CA_CERTS=<litSdk.caFile> node e2e.js NETWORK_JSON PKP_JSON
//
// PKP_JSON is what `lit pkp mint --key dev:1` printed ({tokenId, publicKey, ethAddress}): minting
// through Lit's contracts does not carry over, so the PKP comes from litmesh's CLI. ci.sh runs
// this against a fresh devnet. Exits non-zero with the failing step on any mismatch.
const fs = require('fs');
const { ethers } = require('ethers');
const { LitNodeClient } = require('@lit-protocol/lit-node-client');
const {
  LitAccessControlConditionResource,
  LitActionResource,
  LitPKPResource,
  createSiweMessage,
  createSiweMessageWithRecaps,
  generateAuthSig,
} = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY } = require('@lit-protocol/constants');

function fail(step, msg) {
  console.error(`e2e.js: ${step}: ${msg}`);
  process.exit(1);
}

function check(step, ok, msg) {
  if (!ok) fail(step, msg);
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
  } catch (e) {
    fail(name, e && e.stack ? e.stack : JSON.stringify(e));
  }
  console.error(`e2e.js: ok: ${name} (${Date.now() - t0} ms)`);
}

// A plain wallet authSig (SIWE, EIP-191) as Datil-era apps make for decryption; litmesh takes it
// if it expires within a day.
async function eoaAuthSig(client, wallet) {
  const toSign = await createSiweMessage({
    walletAddress: wallet.address,
    nonce: await client.getLatestBlockhash(),
    expiration: new Date(Date.now() + 10 * 60 * 1000).toISOString(),
    litNodeClient: client,
  });
  return generateAuthSig({ signer: wallet, toSign });
}

async function sessionSigs(client, wallet) {
  return client.getSessionSigs({
    chain: 'ethereum',
    expiration: new Date(Date.now() + 10 * 60 * 1000).toISOString(),
    resourceAbilityRequests: [
      { resource: new LitAccessControlConditionResource('*'), ability: LIT_ABILITY.AccessControlConditionDecryption },
      { resource: new LitPKPResource('*'), ability: LIT_ABILITY.PKPSigning },
      { resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution },
    ],
    authNeededCallback: async ({ uri, expiration, resourceAbilityRequests, nonce }) => {
      const toSign = await createSiweMessageWithRecaps({
        uri, expiration, resources: resourceAbilityRequests,
        walletAddress: wallet.address, nonce, litNodeClient: client,
      });
      return generateAuthSig({ signer: wallet, toSign });
    },
  });
}

async function main() {
  const [netFile, pkpFile] = process.argv.slice(2);
  if (!netFile || !pkpFile) fail('usage', 'node e2e.js NETWORK_JSON PKP_JSON');
  const net = JSON.parse(fs.readFileSync(netFile, 'utf8'));
  const pkp = JSON.parse(fs.readFileSync(pkpFile, 'utf8'));
  check('network.json', net.litSdk && net.litSdk.config, 'no litSdk.config');
  const owner = new ethers.Wallet(net.devAccounts[1].privateKey);
  const stranger = ethers.Wallet.createRandom(); // holds nothing on the devnet chain
  const chain = net.litSdk.chain;

  const client = new LitNodeClient({ ...net.litSdk.config, debug: false });
  await step('connect', async () => {
    await client.connect();
    const want = net.nodes.map((n) => n.url).sort();
    const got = [...client.connectedNodes].sort();
    check('connect', JSON.stringify(got) === JSON.stringify(want), `connected to ${got}, want ${want}`);
    check('connect', client.config.minNodeCount === Math.ceil((2 * want.length) / 3), `minNodeCount ${client.config.minNodeCount}`);
    check('connect', /^[0-9a-f]{96}$/.test(client.subnetPubKey), `subnetPubKey ${client.subnetPubKey}`);
    check('connect', /^0x[0-9a-f]{64}$/.test(client.latestBlockhash), `latestBlockhash ${client.latestBlockhash}`);
    check('connect', typeof client.networkPubKeySet === 'string' && client.networkPubKeySet.length > 0, 'networkPubKeySet');
  });

  // Only funded wallets may decrypt: the balance of the requester on the devnet's own chain.
  const accessControlConditions = [{
    contractAddress: '', standardContractType: '', chain, method: 'eth_getBalance',
    parameters: [':userAddress', 'latest'], returnValueTest: { comparator: '>=', value: '1000000000000000000' },
  }];
  const secret = 'a secret from a Datil-era app, now on litmesh';
  let ciphertext, dataToEncryptHash;
  await step('encrypt, then decrypt with an EOA authSig', async () => {
    ({ ciphertext, dataToEncryptHash } = await client.encrypt({
      accessControlConditions, dataToEncrypt: new TextEncoder().encode(secret),
    }));
    const authSig = await eoaAuthSig(client, owner);
    const { decryptedData } = await client.decrypt({
      accessControlConditions, ciphertext, dataToEncryptHash, chain: 'ethereum', authSig,
    });
    const got = new TextDecoder().decode(decryptedData);
    check('decrypt', got === secret, `decrypted ${JSON.stringify(got)}`);
  });

  let sigs;
  await step('session signatures, and a decryption with them', async () => {
    sigs = await sessionSigs(client, owner);
    const urls = Object.keys(sigs).sort();
    check('sessionSigs', JSON.stringify(urls) === JSON.stringify([...client.connectedNodes].sort()), `sessionSigs for ${urls}`);
    const { decryptedData } = await client.decrypt({
      accessControlConditions, ciphertext, dataToEncryptHash, chain: 'ethereum', sessionSigs: sigs,
    });
    check('decrypt', new TextDecoder().decode(decryptedData) === secret, 'session decryption gave other data');
  });

  await step('a decryption refused for an unfunded wallet', async () => {
    const authSig = await eoaAuthSig(client, stranger);
    let err;
    try {
      await client.decrypt({ accessControlConditions, ciphertext, dataToEncryptHash, chain: 'ethereum', authSig });
    } catch (e) {
      err = e;
    }
    check('refusal', err, 'an unfunded wallet decrypted');
    const code = err.info && err.info.errorCode;
    check('refusal', code === 'NodeNotAuthorized', `refused with ${code}: ${err.message}`);
  });

  const hash = ethers.utils.keccak256(ethers.utils.toUtf8Bytes('signed by a PKP through Lit\'s SDK'));
  await step('pkpSign', async () => {
    const sig = await client.pkpSign({ toSign: ethers.utils.arrayify(hash), pubKey: pkp.publicKey, sessionSigs: sigs });
    const addr = ethers.utils.recoverAddress(hash, sig.signature);
    check('pkpSign', addr.toLowerCase() === pkp.ethAddress.toLowerCase(), `recovers to ${addr}, want ${pkp.ethAddress}`);
  });

  await step('executeJs with signEcdsa and setResponse', async () => {
    const code = `(async () => {
      await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig1' });
      Lit.Actions.setResponse({ response: JSON.stringify({ hello: 'litmesh', signer: Lit.Auth.authSigAddress }) });
    })();`;
    const res = await client.executeJs({
      code, sessionSigs: sigs,
      jsParams: { toSign: ethers.utils.arrayify(hash), publicKey: pkp.publicKey },
    });
    check('executeJs', res.response && res.response.hello === 'litmesh', `response ${JSON.stringify(res.response)}`);
    check('executeJs', res.response.signer.toLowerCase() === owner.address.toLowerCase(), `Lit.Auth.authSigAddress ${res.response.signer}`);
    const sig = res.signatures && res.signatures.sig1;
    check('executeJs', sig && sig.signature, `no signature sig1: ${JSON.stringify(res.signatures)}`);
    const addr = ethers.utils.recoverAddress(hash, sig.signature);
    check('executeJs', addr.toLowerCase() === pkp.ethAddress.toLowerCase(), `sig1 recovers to ${addr}, want ${pkp.ethAddress}`);
  });

  await step('executeJs on a single node (useSingleNode), without signing', async () => {
    const res = await client.executeJs({
      code: `Lit.Actions.setResponse({ response: JSON.stringify({ n: answer + 1 }) });`,
      sessionSigs: sigs, useSingleNode: true, jsParams: { answer: 41 },
    });
    // Without signatures or claims the SDK returns the node's answer as it came: response is
    // the string the action set (as on Datil).
    check('executeJs', res.success === true && typeof res.response === 'string' && JSON.parse(res.response).n === 42,
      `answer ${JSON.stringify(res)}`);
  });

  await client.disconnect();
  console.error('e2e.js: every check passed');
  process.exit(0); // the SDK's chain listener would keep node alive
}

main().catch((e) => fail('main', e && e.stack ? e.stack : String(e)));
