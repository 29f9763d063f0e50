// claimKey: claim a key for a user of the action. Every node signs the derived key id,
// keccak256("<this action's CID>_<keyId>"), with its operator key; `lit action run` prints the
// claim with every node's signature under "claims".
//
//   lit action run --file examples/actions/claim-key.js --key dev:1 --params '{"userId": "alice@example.com"}'
const go = async () => {
  await Lit.Actions.claimKey({ keyId: userId });
  Lit.Actions.setResponse({ response: "claimed a key for " + userId });
};
go();
