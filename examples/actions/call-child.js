// Lit.Actions.call: run a pinned child action with params; the child's signatures come back with
// the parent's (the client combines childSig), and the child's response is call()'s result.
//
//   lit action pin --key dev:1 examples/actions/child.js         # → childCid
//   lit action run --file examples/actions/call-child.js --key dev:1 \
//     --params '{"childCid": "Qm…", "publicKey": "0x04…"}'
const go = async () => {
  const toSign = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes("signed by a child action")));
  const answer = await Lit.Actions.call({ ipfsId: childCid, params: { toSign: Array.from(toSign), publicKey } });
  Lit.Actions.setResponse({ response: answer });
};
go();
