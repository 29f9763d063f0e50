// signAndCombineEcdsa: the nodes sign with a PKP, exchange their shares and each combines the
// signature inside the action; the action recovers the PKP's address with ethers, as Lit's
// developer guides do.
//
//   lit pkp mint --key dev:1                                   # note publicKey and ethAddress
//   lit action run --file examples/actions/sign-and-combine.js --key dev:1 \
//     --params '{"publicKey": "0x04…", "message": "hello from litmesh"}'
const go = async () => {
  const toSign = ethers.utils.arrayify(ethers.utils.hashMessage(message));
  const signature = await Lit.Actions.signAndCombineEcdsa({ toSign, publicKey, sigName: "sig" });
  const jsonSignature = JSON.parse(signature);
  jsonSignature.r = "0x" + jsonSignature.r.substring(2);
  jsonSignature.s = "0x" + jsonSignature.s;
  const hexSignature = ethers.utils.joinSignature(jsonSignature);
  const recovered = ethers.utils.verifyMessage(message, hexSignature);
  Lit.Actions.setResponse({
    response: JSON.stringify({ recovered, pkpAddress: ethers.utils.computeAddress(publicKey), signature: hexSignature }),
  });
};
go();
