// A child action for call-child.js: it signs what its caller passes and answers with the call
// stack it ran in. Pin it, and permit its CID on the PKP (or run the parent as the PKP's owner).
//
//   lit action pin --key dev:1 examples/actions/child.js
const go = async () => {
  await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: "childSig" });
  Lit.Actions.setResponse({ response: JSON.stringify({ stack: Lit.Auth.actionIpfsIdStack }) });
};
go();
