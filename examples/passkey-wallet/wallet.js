// The passkey wallet page: WebAuthn registration and assertion, serialised as the JSON a
// browser's PublicKeyCredential.toJSON() gives (what litmesh's CLI and nodes read). Plain
// browser JavaScript, no framework; window.passkeyWallet is also what the Go browser test
// drives.
"use strict";

(() => {
  const b64u = (buf) => {
    const bytes = new Uint8Array(buf);
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };
  const fromB64u = (s) => {
    const pad = s.length % 4 === 0 ? "" : "=".repeat(4 - (s.length % 4));
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + pad);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  };
  const random = (n) => crypto.getRandomValues(new Uint8Array(n));
  const rpId = () => location.hostname;
  const KEY = "litmesh.passkeyWallet.credentialId";

  // register creates a passkey for this site and returns its registration JSON.
  async function register(username) {
    const cred = await navigator.credentials.create({
      publicKey: {
        rp: { id: rpId(), name: "litmesh passkey wallet" },
        user: { id: random(16), name: username, displayName: username },
        // A registration challenge proves nothing to the network (the PKP's owner chooses
        // the key it registers), so a random one is enough.
        challenge: random(32),
        pubKeyCredParams: [{ type: "public-key", alg: -7 }, { type: "public-key", alg: -257 }],
        authenticatorSelection: { residentKey: "required", userVerification: "required" },
        attestation: "none",
        timeout: 60000,
      },
    });
    const json = {
      id: cred.id,
      rawId: b64u(cred.rawId),
      type: cred.type,
      response: {
        clientDataJSON: b64u(cred.response.clientDataJSON),
        attestationObject: b64u(cred.response.attestationObject),
        transports: cred.response.getTransports ? cred.response.getTransports() : [],
      },
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment || undefined,
    };
    localStorage.setItem(KEY, json.rawId);
    return json;
  }

  // assert signs the challenge (base64url) with the registered passkey and returns the
  // assertion JSON (Lit's WebAuthn accessToken).
  async function assert(challenge) {
    const id = localStorage.getItem(KEY);
    const cred = await navigator.credentials.get({
      publicKey: {
        challenge: challenge ? fromB64u(challenge) : random(32),
        rpId: rpId(),
        allowCredentials: id ? [{ type: "public-key", id: fromB64u(id) }] : [],
        userVerification: "required",
        timeout: 60000,
      },
    });
    return {
      id: cred.id,
      rawId: b64u(cred.rawId),
      type: cred.type,
      response: {
        clientDataJSON: b64u(cred.response.clientDataJSON),
        authenticatorData: b64u(cred.response.authenticatorData),
        signature: b64u(cred.response.signature),
        userHandle: cred.response.userHandle ? b64u(cred.response.userHandle) : undefined,
      },
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment || undefined,
    };
  }

  window.passkeyWallet = { register, assert };

  const out = document.getElementById("out");
  const show = (v) => { out.textContent = typeof v === "string" ? v : JSON.stringify(v, null, 2); };
  const run = (f) => async () => { try { show(await f()); } catch (e) { show("error: " + e); } };
  document.getElementById("register").onclick = run(() => register(document.getElementById("username").value || "user"));
  document.getElementById("assert").onclick = run(() => assert(document.getElementById("challenge").value.trim()));
})();
