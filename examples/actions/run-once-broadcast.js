// runOnce + broadcastAndCollect: one node (the leader) asks the chain for the latest block;
// every node gets the leader's answer, then every node contributes a value and all of them
// get every node's value, in the same order.
//
//   lit action run --file examples/actions/run-once-broadcast.js --key dev:1
const go = async () => {
  const block = await Lit.Actions.runOnce({ waitForResponse: true, name: "latestBlock" }, async () => {
    const rpcUrl = await Lit.Actions.getRpcUrl({ chain: "litdevnet" });
    const provider = new ethers.providers.JsonRpcProvider(rpcUrl);
    return (await provider.getBlockNumber()).toString();
  });
  const votes = await Lit.Actions.broadcastAndCollect({ name: "votes", value: "agree at block " + block });
  Lit.Actions.setResponse({ response: JSON.stringify({ block, votes }) });
};
go();
