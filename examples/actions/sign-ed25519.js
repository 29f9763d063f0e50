// Lit.Actions.signAndCombine and Lit.Actions.sign with SchnorrEd25519Sha512: an Ed25519 PKP
// (a Solana account) signs a message. signAndCombine hands the action the combined signature
// (Lit's SignedDataOutput JSON: signature, verifying_key, signed_data as hex); sign sends each
// signer's share to the client, which combines and verifies it (`signatures.solana` in the
// output). A PKP of this key type is named by its token id (its public key does not give it).
//
//   lit pkp mint --key dev:1 --key-type ed25519                # note tokenId
//   lit action run --file examples/actions/sign-ed25519.js --key dev:1 \
//     --params '{"tokenId": "0x…", "message": "a Solana transfer"}'
const go = async () => {
  const toSign = ethers.utils.toUtf8Bytes(message); // Ed25519 signs the message itself
  const combined = JSON.parse(await Lit.Actions.signAndCombine({
    toSign, publicKey: tokenId, sigName: "combined", signingScheme: "SchnorrEd25519Sha512",
  }));
  await Lit.Actions.sign({ toSign, publicKey: tokenId, sigName: "solana", signingScheme: "SchnorrEd25519Sha512" });
  Lit.Actions.setResponse({
    response: JSON.stringify({ signature: combined.signature, publicKey: combined.verifying_key, signedData: combined.signed_data }),
  });
};
go();
