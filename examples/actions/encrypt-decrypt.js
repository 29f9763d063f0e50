// encrypt, then decryptAndCombine: one node encrypts a secret under access-control conditions
// (runOnce, so every node works on the same ciphertext), then every node checks the conditions
// for the request's authSig, the nodes exchange their decryption shares among themselves and
// each decrypts. The plaintext never leaves the nodes unless the action returns it.
//
//   lit action run --file examples/actions/encrypt-decrypt.js --key dev:1 \
//     --params '{"accessControlConditions": [{"contractAddress": "", "standardContractType": "", "chain": "litdevnet",
//       "method": "eth_getBalance", "parameters": [":userAddress", "latest"], "returnValueTest": {"comparator": ">=", "value": "0"}}]}'
const go = async () => {
  const to_encrypt = new TextEncoder().encode("an API key only the nodes will see");
  const encrypted = await Lit.Actions.runOnce({ waitForResponse: true, name: "encrypt" }, async () => {
    const { ciphertext, dataToEncryptHash } = await Lit.Actions.encrypt({ accessControlConditions, to_encrypt });
    return JSON.stringify({ ciphertext, dataToEncryptHash });
  });
  const { ciphertext, dataToEncryptHash } = JSON.parse(encrypted);
  const secret = await Lit.Actions.decryptAndCombine({
    accessControlConditions,
    ciphertext,
    dataToEncryptHash,
    authSig: null,
    chain: "litdevnet",
  });
  // A real action would use the secret (e.g. call an API with it) and return only the result.
  Lit.Actions.setResponse({ response: JSON.stringify({ decryptedLength: secret.length, startsWith: secret.slice(0, 6) }) });
};
go();
