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

  // api posts JSON to the page's backend (lit devnet serve-example) and returns its answer.
  async function api(path, body) {
    const r = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const j = await r.json();
    if (!r.ok) throw new Error(j.error || r.statusText);
    return j;
  }

  // mint has the backend mint a PKP that owns itself and whose only auth method is the
  // passkey just registered (WebAuthn, scope 1).
  async function mint(registration) {
    const pkp = await api("/api/mint", { registration });
    localStorage.setItem(KEY + ".pkp", JSON.stringify(pkp));
    return pkp;
  }

  // signMessage gets PKP session signatures with a passkey assertion and signs message
  // (EIP-191) with the PKP: the backend starts a session and hands back its challenge (the
  // hash binding the assertion to its session key and capability), the passkey signs it, and
  // every node checks the assertion against the key registered on chain before its BLS share
  // signs the session's capability.
  async function signMessage(message) {
    const pkp = JSON.parse(localStorage.getItem(KEY + ".pkp") || "null");
    if (!pkp) throw new Error("mint a PKP first");
    const { sessionId, challenge } = await api("/api/session", { pkpPublicKey: pkp.publicKey });
    const assertion = await assert(challenge);
    return api("/api/sign", { sessionId, assertion, message });
  }

  // flow is the whole page in one call: register, mint, sign.
  async function flow(username, message) {
    const registration = await register(username);
    const pkp = await mint(registration);
    const signed = await signMessage(message);
    return { pkp, signed };
  }

  window.passkeyWallet = { register, assert, mint, signMessage, flow };

  const out = document.getElementById("out");
  const show = (v) => { out.textContent = typeof v === "string" ? v : JSON.stringify(v, null, 2); };
  const run = (f) => async () => { try { show(await f()); } catch (e) { show("error: " + e); } };
  document.getElementById("register").onclick = run(() => register(document.getElementById("username").value || "user"));
  document.getElementById("mint").onclick = run(async () => {
    const r = await register(document.getElementById("username").value || "user");
    return mint(r);
  });
  document.getElementById("sign").onclick = run(() => signMessage(document.getElementById("message").value));
  document.getElementById("assert").onclick = run(() => assert(document.getElementById("challenge").value.trim()));
})();
