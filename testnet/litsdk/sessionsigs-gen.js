// Generates golden session signatures with Lit's own JS SDK (auth-helpers and
// lit-node-client-nodejs 7.4.0, getSessionSigs) for litmesh's Go tests (access/sessionsig_golden_test.go):
//   npm ci && node sessionsigs-gen.js > ../../access/testdata/sessionsigs_lit_v7.json
// Keys are fixed so the output is reproducible except for the timestamps the SDK takes from
// the clock.
'use strict';
const { ethers } = require('ethers');
const nacl = require('tweetnacl');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client-nodejs');
const {
  LitAccessControlConditionResource,
  LitPKPResource,
  LitActionResource,
  createSiweMessage,
  createSiweMessageWithRecaps,
  generateAuthSig,
} = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY } = require('@lit-protocol/constants');

const hex = (u8) => Buffer.from(u8).toString('hex');
const seed = (label) => ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes(label)));

const wallet = new ethers.Wallet(seed('litmesh golden wallet'));
const otherWallet = new ethers.Wallet(seed('litmesh golden other wallet'));
const sessionKP = nacl.sign.keyPair.fromSeed(seed('litmesh golden session key'));
const sessionKey = { publicKey: hex(sessionKP.publicKey), secretKey: hex(sessionKP.secretKey) };
const nodes = ['https://127.0.0.1:7001', 'https://127.0.0.1:7002'];
const blockhash = '0x' + hex(seed('litmesh golden blockhash'));

const accs = [{
  contractAddress: '', standardContractType: '', chain: 'ethereum', method: 'eth_getBalance',
  parameters: [':userAddress', 'latest'], returnValueTest: { comparator: '>=', value: '0' },
}];
const dataToEncryptHash = hex(seed('litmesh golden data'));
const pkpTokenId = '0x' + hex(seed('litmesh golden pkp'));
const actionCid = 'QmRwN9GKHvCn4Vk7biqtr6adjXMs7PzzYPCzNCRjPFiDjm';

function client() {
  const c = new LitNodeClientNodeJs({ litNetwork: 'custom', bootstrapUrls: nodes, debug: false });
  // Not connected to a network: the session signing path needs only these.
  c.ready = true;
  c.connectedNodes = new Set(nodes);
  c.getLatestBlockhash = async () => blockhash;
  return c;
}

async function sessionSigs(signer, resourceAbilityRequests, minutes) {
  const c = client();
  const expiration = new Date(Date.now() + minutes * 60 * 1000).toISOString();
  return c.getSessionSigs({
    chain: 'ethereum',
    expiration,
    sessionKey,
    resourceAbilityRequests,
    authNeededCallback: async ({ uri, expiration, resourceAbilityRequests, nonce }) => {
      const toSign = await createSiweMessageWithRecaps({
        uri, expiration, resources: resourceAbilityRequests,
        walletAddress: signer.address, nonce, litNodeClient: c,
      });
      return generateAuthSig({ signer, toSign });
    },
  });
}

(async () => {
  const accResource = await LitAccessControlConditionResource.generateResourceString(accs, dataToEncryptHash);
  const cases = [];
  cases.push({
    name: 'decryption of one condition and data hash',
    sessionSigs: await sessionSigs(wallet, [
      { resource: new LitAccessControlConditionResource(accResource), ability: LIT_ABILITY.AccessControlConditionDecryption },
    ], 60),
  });
  cases.push({
    name: 'wildcard PKP signing and Lit Action execution',
    sessionSigs: await sessionSigs(wallet, [
      { resource: new LitPKPResource('*'), ability: LIT_ABILITY.PKPSigning },
      { resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution },
    ], 60),
  });
  cases.push({
    name: 'one PKP and one Lit Action',
    sessionSigs: await sessionSigs(wallet, [
      { resource: new LitPKPResource(pkpTokenId), ability: LIT_ABILITY.PKPSigning },
      { resource: new LitActionResource(actionCid), ability: LIT_ABILITY.LitActionExecution },
    ], 60),
  });
  // A plain authSig as a Lit v7 app makes one for decryption.
  const plainMessage = await createSiweMessage({
    walletAddress: otherWallet.address, nonce: blockhash,
    expiration: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
    uri: 'https://localhost/login',
  });
  const plainAuthSig = await generateAuthSig({ signer: otherWallet, toSign: plainMessage });
  process.stdout.write(JSON.stringify({
    generator: '@lit-protocol/auth-helpers 7.4.0, @lit-protocol/lit-node-client-nodejs 7.4.0 (getSessionSigs)',
    walletAddress: wallet.address,
    sessionPublicKey: sessionKey.publicKey,
    nodes,
    accessControlConditions: accs,
    dataToEncryptHash,
    accResource,
    pkpTokenId,
    actionCid,
    cases,
    plainAuthSig,
  }, null, 2) + '\n');
})().catch((e) => { console.error(e); process.exit(1); });
