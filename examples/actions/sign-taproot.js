// Lit.Actions.signAndCombine with SchnorrK256Taproot: a BIP-340 PKP signs a 32-byte sighash
// (here the SHA-256 of a message; a wallet passes the transaction's BIP-341 sighash), and the
// action gets the 64-byte BIP-340 signature and the PKP's x-only key, which bitcoind, btcec and
// every Taproot verifier accept. A PKP of this key type is named by its token id.
//
//   lit pkp mint --key dev:1 --key-type taproot                # note tokenId
//   lit action run --file examples/actions/sign-taproot.js --key dev:1 \
//     --params '{"tokenId": "0x…", "message": "a taproot spend"}'
const go = async () => {
  const toSign = ethers.utils.arrayify(ethers.utils.sha256(ethers.utils.toUtf8Bytes(message)));
  const combined = JSON.parse(await Lit.Actions.signAndCombine({
    toSign, publicKey: tokenId, sigName: "taproot", signingScheme: "SchnorrK256Taproot",
  }));
  Lit.Actions.setResponse({
    response: JSON.stringify({ signature: combined.signature, xOnlyKey: combined.verifying_key, sighash: combined.signed_data }),
  });
};
go();
