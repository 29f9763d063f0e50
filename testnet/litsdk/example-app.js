// A Datil-era app on Lit's JS SDK v7: encrypt for the wallet, decrypt with session signatures,
// sign with a PKP, run a Lit Action that signs. The only line that changed to move it from
// Lit's Datil network to litmesh is the LitNodeClient config.
//
//   PRIVATE_KEY=0x… PKP_PUBLIC_KEY=0x04… LITMESH_NETWORK=.litdevnet/network.json \
//   NODE_EXTRA_CA_CERTS=.litdevnet/ca.pem node example-app.js
const { LitNodeClient } = require('@lit-protocol/lit-node-client');
const { LIT_ABILITY } = require('@lit-protocol/constants');
const {
  LitAccessControlConditionResource, LitActionResource, LitPKPResource,
  createSiweMessageWithRecaps, generateAuthSig,
} = require('@lit-protocol/auth-helpers');
const { ethers } = require('ethers');

// Datil:    new LitNodeClient({ litNetwork: LIT_NETWORK.Datil, debug: false })
// litmesh:  the config network.json carries as litSdk.config
const network = JSON.parse(require('fs').readFileSync(process.env.LITMESH_NETWORK, 'utf8'));
const litNodeClient = new LitNodeClient({ ...network.litSdk.config, debug: false });

async function main() {
  const wallet = new ethers.Wallet(process.env.PRIVATE_KEY);
  const pkpPublicKey = process.env.PKP_PUBLIC_KEY;
  await litNodeClient.connect();

  // Only this wallet may decrypt.
  const accessControlConditions = [{
    contractAddress: '', standardContractType: '', chain: 'ethereum', method: '',
    parameters: [':userAddress'], returnValueTest: { comparator: '=', value: wallet.address },
  }];
  const { ciphertext, dataToEncryptHash } = await litNodeClient.encrypt({
    accessControlConditions, dataToEncrypt: new TextEncoder().encode('hello from a Datil-era app'),
  });

  const sessionSigs = await litNodeClient.getSessionSigs({
    chain: 'ethereum',
    expiration: new Date(Date.now() + 10 * 60 * 1000).toISOString(),
    resourceAbilityRequests: [
      { resource: new LitAccessControlConditionResource('*'), ability: LIT_ABILITY.AccessControlConditionDecryption },
      { resource: new LitPKPResource('*'), ability: LIT_ABILITY.PKPSigning },
      { resource: new LitActionResource('*'), ability: LIT_ABILITY.LitActionExecution },
    ],
    authNeededCallback: async ({ uri, expiration, resourceAbilityRequests }) => {
      const toSign = await createSiweMessageWithRecaps({
        uri, expiration, resources: resourceAbilityRequests,
        walletAddress: wallet.address, nonce: await litNodeClient.getLatestBlockhash(), litNodeClient,
      });
      return generateAuthSig({ signer: wallet, toSign });
    },
  });

  const { decryptedData } = await litNodeClient.decrypt({
    accessControlConditions, ciphertext, dataToEncryptHash, chain: 'ethereum', sessionSigs,
  });

  const hash = ethers.utils.hashMessage('signed by my PKP');
  const { signature } = await litNodeClient.pkpSign({
    pubKey: pkpPublicKey, toSign: ethers.utils.arrayify(hash), sessionSigs,
  });

  const { response, signatures } = await litNodeClient.executeJs({
    sessionSigs,
    code: `(async () => {
      const sig = await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'fromAction' });
      Lit.Actions.setResponse({ response: JSON.stringify({ ok: true }) });
    })();`,
    jsParams: { toSign: ethers.utils.arrayify(hash), publicKey: pkpPublicKey },
  });

  const pkpAddress = ethers.utils.computeAddress(pkpPublicKey);
  const result = {
    decrypted: new TextDecoder().decode(decryptedData),
    pkpSignRecovers: ethers.utils.recoverAddress(hash, signature) === pkpAddress,
    actionResponse: response,
    actionSignatureRecovers: ethers.utils.recoverAddress(hash, signatures.fromAction.signature) === pkpAddress,
  };
  console.log(JSON.stringify(result));
  await litNodeClient.disconnect();
  const ok = result.decrypted === 'hello from a Datil-era app' && result.pkpSignRecovers &&
    result.actionResponse.ok === true && result.actionSignatureRecovers;
  process.exit(ok ? 0 : 1);
}

main().catch((e) => { console.error(e); process.exit(1); });
