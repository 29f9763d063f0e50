'use strict';
// connection.js checks that Lit's own SDK (7.4.0) finds a litmesh network's nodes the way it
// does with litNetwork 'custom': LitContracts.getConnectionInfo reads the Staking contract's
// getActiveUnkickedValidatorStructsAndCounts() through the chain RPC, builds each node's URL
// from its IPv4 and port, and takes minNodeCount; the SDK then listens for StateChanged.
//
//   node connection.js NETWORK_JSON
//
// NETWORK_JSON is the network.json `lit devnet up` writes. The Staking ABI handed to the SDK is
// Lit's own (Datil's, from @lit-protocol/contracts), not litmesh's, so this also proves the
// view and event have Lit's exact ABI. Prints the connection info as JSON; exits non-zero on
// any mismatch with network.json. It also checks that litmesh's own ABI for the two entries
// (contracts/artifacts/Staking.json) has the same shape and works the same.
const fs = require('fs');
const { LitContracts } = require('@lit-protocol/contracts-sdk');
const { ethers } = require('ethers');

function fail(msg) {
  console.error('connection.js: ' + msg);
  process.exit(1);
}

// Lit's Datil Staking ABI entries the SDK uses on a custom network.
function litStakingAbi() {
  const datil = require('@lit-protocol/contracts/prod/datil.json');
  const staking = datil.data.find((c) => c.name === 'Staking').contracts[0].ABI;
  const want = ['getActiveUnkickedValidatorStructsAndCounts', 'StateChanged'];
  const abi = staking.filter((e) => want.includes(e.name));
  if (abi.length !== want.length) fail('Datil Staking ABI lacks ' + want.join(' or '));
  return abi;
}

// litmesh's own artifact, cut to the same two entries (what chain.LitSDKStakingABI returns).
function litmeshStakingAbi() {
  const art = require('../../contracts/artifacts/Staking.json');
  return art.abi.filter((e) => ['getActiveUnkickedValidatorStructsAndCounts', 'StateChanged'].includes(e.name));
}

// The two ABIs must describe the same selector, output types and event.
function sameShape(a, b) {
  const show = (abi) => {
    const i = new ethers.utils.Interface(abi);
    const f = i.getFunction('getActiveUnkickedValidatorStructsAndCounts');
    return [i.getSighash(f), f.outputs.map((o) => o.format()).join(','), i.getEvent('StateChanged').format()].join(' ');
  };
  if (show(a) !== show(b)) fail(`litmesh's ABI ${show(b)} differs from Lit's ${show(a)}`);
}

async function main() {
  const file = process.argv[2];
  if (!file) fail('usage: node connection.js NETWORK_JSON');
  const net = JSON.parse(fs.readFileSync(file, 'utf8'));
  const rpcUrl = net.chain.rpcUrl;
  const staking = net.contracts.staking;
  const abi = litStakingAbi();
  // litmesh nodes serve HTTPS; the SDK builds http:// URLs unless told (or on port 443).
  const nodeProtocol = net.nodes[0].url.startsWith('https://') ? 'https://' : 'http://';

  sameShape(abi, litmeshStakingAbi());

  const info = await LitContracts.getConnectionInfo({
    litNetwork: 'custom',
    networkContext: { Staking: { address: staking, abi } },
    rpcUrl,
    nodeProtocol,
  });
  const own = await LitContracts.getConnectionInfo({
    litNetwork: 'custom',
    networkContext: { Staking: { address: staking, abi: litmeshStakingAbi() } },
    rpcUrl,
    nodeProtocol,
  });
  if (JSON.stringify(own.bootstrapUrls) !== JSON.stringify(info.bootstrapUrls)) fail("litmesh's ABI gives other URLs");

  const want = net.nodes.map((n) => n.url).sort();
  const got = [...info.bootstrapUrls].sort();
  const n = net.nodes.length;
  const threshold = Math.ceil((2 * n) / 3);
  const out = {
    bootstrapUrls: info.bootstrapUrls,
    minNodeCount: info.minNodeCount,
    epochInfo: info.epochInfo,
  };
  console.log(JSON.stringify(out, null, 2));
  if (JSON.stringify(got) !== JSON.stringify(want)) fail(`node URLs ${got} differ from network.json's ${want}`);
  if (info.minNodeCount !== threshold) fail(`minNodeCount ${info.minNodeCount}, want T = ${threshold} of ${n}`);
  if (!(info.epochInfo.number >= 1)) fail(`epoch ${info.epochInfo.number}, want an active epoch`);
  if (info.epochInfo.endTime - info.epochInfo.epochLength <= 0) fail('epoch start time not positive');

  // The event the SDK subscribes to decodes with Lit's ABI.
  const iface = new ethers.utils.Interface(abi);
  const topic = iface.getEventTopic('StateChanged');
  const provider = new ethers.providers.StaticJsonRpcProvider(rpcUrl);
  const logs = await provider.getLogs({ address: staking, topics: [topic], fromBlock: 0, toBlock: 'latest' });
  if (logs.length === 0) fail('no StateChanged events on the Staking contract');
  const states = logs.map((l) => iface.parseLog(l).args.newState);
  if (states[states.length - 1] !== 0) fail(`last StateChanged ${states[states.length - 1]}, want 0 (Active)`);
  console.error(`connection.js: ok: ${n} nodes, minNodeCount ${info.minNodeCount}, epoch ${info.epochInfo.number}, StateChanged ${states.join(',')}`);
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
