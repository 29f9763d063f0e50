// Makes session signatures with Lit's own JS SDK (7.4.0, getSessionSigs) for the litmesh nodes
// named in the JSON file argv[2] ({"nodes": [url…], "privateKey": "0x…"}), sends each node an
// inline Lit Action with its own session signature and with another node's, and prints one JSON
// line per attempt: {"url", "own", "status", "response", "error"}. Run by
// testnet's TestLitSDKSessionSignaturesAreTakenByTheNodes (NODE_EXTRA_CA_CERTS trusts the
// devnet CA), which .ci/run runs after ci.sh installed the packages.
'use strict';
const fs = require('fs');
const { ethers } = require('ethers');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client-nodejs');
const { LitActionResource, createSiweMessageWithRecaps, generateAuthSig } = require('@lit-protocol/auth-helpers');
const { LIT_ABILITY } = require('@lit-protocol/constants');

const cfg = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const nodes = cfg.nodes;
const wallet = new ethers.Wallet(cfg.privateKey);

(async () => {
  const c = new LitNodeClientNodeJs({ litNetwork: 'custom', bootstrapUrls: nodes, debug: false });
  // Not connected (litmesh's handshake is not Lit's yet): the session signing path needs only these.
  c.ready = true;
  c.connectedNodes = new Set(nodes);
  c.getLatestBlockhash = async () => '0x' + '11'.repeat(32);
  const sigs = await c.getSessionSigs({
    chain: 'ethereum',
    expiration: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
    resourceAbilityRequests: [{ resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution }],
    authNeededCallback: async ({ uri, expiration, resourceAbilityRequests, nonce }) => {
      const toSign = await createSiweMessageWithRecaps({
        uri, expiration, resources: resourceAbilityRequests,
        walletAddress: wallet.address, nonce, litNodeClient: c,
      });
      return generateAuthSig({ signer: wallet, toSign });
    },
  });
  const code = Buffer.from('Lit.Actions.setResponse({response: "hi from " + Lit.Auth.authSigAddress})').toString('base64');
  for (const [i, url] of nodes.entries()) {
    const other = nodes[(i + 1) % nodes.length];
    for (const own of [true, false]) {
      const r = await fetch(url + '/web/execute', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, authSig: sigs[own ? url : other] }),
      });
      const b = await r.json();
      process.stdout.write(JSON.stringify({ url, own, status: r.status, response: b.response || '', error: (b.error && b.error.message) || '' }) + '\n');
    }
  }
})().catch((e) => { console.error(e); process.exit(1); });
