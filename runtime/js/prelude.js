// The Lit Actions globals, run at the start of every execution in its fresh context.
//
// `native` holds the Go functions of the worker; it is only reachable through the closures
// below, never as a global. Host calls return promises the worker resolves with either
// {value, body?} or {error}; everything crossing into Go is a string (JSON or hex).
(function (natives, paramsJSON, authJSON, ipfsId) {
  'use strict';
  const g = globalThis;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  g.gc = undefined; // the worker runs V8 with --expose-gc for its own use between executions

  // A native reports failure as an {error, type} object; throw it as an Error of this context.
  const errorTypes = { Error, TypeError, RangeError };
  const native = {};
  for (const name of Object.keys(natives)) {
    const f = natives[name];
    native[name] = (...args) => {
      const r = f(...args);
      if (r !== null && typeof r === 'object' && typeof r.error === 'string' && !(r instanceof Promise)) {
        throw new (errorTypes[r.type] || Error)(r.error);
      }
      return r;
    };
  }

  // ---- bytes and encodings ----

  function toHex(u8) {
    let s = '';
    for (let i = 0; i < u8.length; i++) s += (u8[i] < 16 ? '0' : '') + u8[i].toString(16);
    return s;
  }

  function fromHex(hex) {
    const out = new Uint8Array(hex.length >> 1);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
    return out;
  }

  // bytes accepts what Lit passes to `new Uint8Array(...)`: a typed array, an ArrayBuffer or an
  // array of numbers. A string is refused rather than silently turned into zeros.
  function bytes(v, what) {
    if (typeof v === 'string') {
      throw new TypeError(what + ' must be bytes (a Uint8Array or an array of numbers), not a string; use ethers.utils.arrayify');
    }
    if (v === undefined || v === null) throw new TypeError(what + ' is required');
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    return new Uint8Array(v);
  }

  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  function b64encode(u8, alphabet, pad) {
    let out = '';
    let i = 0;
    for (; i + 2 < u8.length; i += 3) {
      const n = (u8[i] << 16) | (u8[i + 1] << 8) | u8[i + 2];
      out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
    }
    if (i < u8.length) {
      const n = (u8[i] << 16) | ((i + 1 < u8.length ? u8[i + 1] : 0) << 8);
      out += alphabet[n >> 18] + alphabet[(n >> 12) & 63];
      out += i + 1 < u8.length ? alphabet[(n >> 6) & 63] : (pad ? '=' : '');
      out += pad ? '=' : '';
    }
    return out;
  }

  function b64decode(s, alphabet) {
    s = String(s).replace(/[\t\n\f\r =]/g, '');
    if (s.length % 4 === 1) throw new DOMException('invalid base64 length');
    const out = new Uint8Array((s.length * 3) >> 2);
    let buf = 0, bits = 0, j = 0;
    for (let i = 0; i < s.length; i++) {
      const v = alphabet.indexOf(s[i]);
      if (v < 0) throw new DOMException('invalid base64 character ' + stringify(s[i]));
      buf = ((buf << 6) | v) & 0xffffff;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[j++] = (buf >> bits) & 255;
      }
    }
    return out.subarray(0, j);
  }

  function utf8Encode(s) {
    s = String(s);
    const out = [];
    for (const ch of s) {
      let c = ch.codePointAt(0);
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // lone surrogate
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  }

  function utf8Decode(u8) {
    let out = '';
    for (let i = 0; i < u8.length;) {
      const b = u8[i];
      let c = 0xfffd, n = 1;
      if (b < 0x80) c = b;
      else if (b >= 0xc2 && b < 0xe0 && i + 1 < u8.length && (u8[i + 1] & 0xc0) === 0x80) {
        c = ((b & 31) << 6) | (u8[i + 1] & 63); n = 2;
      } else if (b >= 0xe0 && b < 0xf0 && i + 2 < u8.length && (u8[i + 1] & 0xc0) === 0x80 && (u8[i + 2] & 0xc0) === 0x80) {
        c = ((b & 15) << 12) | ((u8[i + 1] & 63) << 6) | (u8[i + 2] & 63); n = 3;
        if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) c = 0xfffd;
      } else if (b >= 0xf0 && b < 0xf5 && i + 3 < u8.length && (u8[i + 1] & 0xc0) === 0x80 && (u8[i + 2] & 0xc0) === 0x80 && (u8[i + 3] & 0xc0) === 0x80) {
        c = ((b & 7) << 18) | ((u8[i + 1] & 63) << 12) | ((u8[i + 2] & 63) << 6) | (u8[i + 3] & 63); n = 4;
        if (c < 0x10000 || c > 0x10ffff) c = 0xfffd;
      }
      out += String.fromCodePoint(c);
      i += n;
    }
    return out;
  }

  class DOMException extends Error {
    constructor(message, name) {
      super(message);
      this.name = name || 'InvalidCharacterError';
    }
  }

  function atob(s) {
    const u8 = b64decode(s, B64);
    let out = '';
    for (let i = 0; i < u8.length; i++) out += String.fromCharCode(u8[i]);
    return out;
  }

  function btoa(s) {
    s = String(s);
    const u8 = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 255) throw new DOMException('btoa: character out of Latin-1 range');
      u8[i] = c;
    }
    return b64encode(u8, B64, true);
  }

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(s) { return utf8Encode(s === undefined ? '' : s); }
  }

  class TextDecoder {
    constructor(label) {
      if (label !== undefined && !/^utf-?8$/i.test(String(label))) throw new RangeError('TextDecoder: only utf-8 is supported');
    }
    get encoding() { return 'utf-8'; }
    decode(input) { return input === undefined ? '' : utf8Decode(bytes(input, 'input')); }
  }

  // ---- console ----

  function show(v) {
    if (typeof v === 'string') return v;
    if (v instanceof Error) return v.stack || String(v);
    if (typeof v === 'bigint') return v.toString() + 'n';
    if (typeof v === 'function' || typeof v === 'symbol' || v === undefined) return String(v);
    try {
      const s = stringify(v, (k, x) => (typeof x === 'bigint' ? x.toString() : x));
      return s === undefined ? String(v) : s;
    } catch (e) {
      return String(v);
    }
  }

  const logger = (...args) => native.log(args.map(show).join(' '));
  const console = { log: logger, info: logger, warn: logger, error: logger, debug: logger, trace: logger };

  // ---- timers: they live in the execution's event loop and die with it ----

  const timers = new Map();
  let nextTimer = 1;

  function setTimeout(fn, ms, ...args) {
    if (typeof fn !== 'function') throw new TypeError('setTimeout needs a function');
    const id = nextTimer++;
    timers.set(id, () => fn(...args));
    native.setTimer(id, Math.max(0, Number(ms) || 0));
    return id;
  }

  function clearTimeout(id) {
    if (timers.delete(id)) native.clearTimer(id);
  }

  function fireTimer(id) {
    const f = timers.get(id);
    if (f === undefined) return;
    timers.delete(id);
    f();
  }

  // ---- host calls ----

  async function host(op, args, body) {
    const r = await native.call(op, stringify(args), body);
    if (r.error !== undefined) throw new Error(r.error);
    return r;
  }

  class Headers {
    #m = new Map();
    constructor(init) {
      if (init === undefined || init === null) return;
      const pairs = Symbol.iterator in Object(init) ? init : Object.entries(init);
      for (const [k, v] of pairs) this.append(k, v);
    }
    append(k, v) {
      k = String(k).toLowerCase();
      const prev = this.#m.get(k);
      this.#m.set(k, prev === undefined ? String(v) : prev + ', ' + String(v));
    }
    set(k, v) { this.#m.set(String(k).toLowerCase(), String(v)); }
    get(k) { const v = this.#m.get(String(k).toLowerCase()); return v === undefined ? null : v; }
    has(k) { return this.#m.has(String(k).toLowerCase()); }
    delete(k) { this.#m.delete(String(k).toLowerCase()); }
    forEach(cb, thisArg) { for (const [k, v] of this.#m) cb.call(thisArg, v, k, this); }
    entries() { return this.#m.entries(); }
    keys() { return this.#m.keys(); }
    values() { return this.#m.values(); }
    [Symbol.iterator]() { return this.#m.entries(); }
  }

  class Response {
    #body;
    constructor(meta, body) {
      this.status = meta.status;
      this.statusText = meta.statusText;
      this.ok = meta.status >= 200 && meta.status < 300;
      this.headers = new Headers(meta.headers);
      this.url = meta.url;
      this.redirected = false;
      this.type = 'basic';
      this.bodyUsed = false;
      this.#body = body;
    }
    #take() {
      if (this.bodyUsed) throw new TypeError('Response body already used');
      this.bodyUsed = true;
      return this.#body;
    }
    async text() { return this.#take(); }
    async json() { return parse(this.#take()); }
    // ethers' JsonRpcProvider reads responses this way.
    async arrayBuffer() { return new TextEncoder().encode(this.#take()).buffer; }
  }

  async function fetch(input, init) {
    init = init || {};
    const url = typeof input === 'string' ? input : input && input.url !== undefined ? String(input.url) : String(input);
    const method = String(init.method || 'GET').toUpperCase();
    const headers = [...new Headers(init.headers)];
    let body, bodyHex;
    if (init.body !== undefined && init.body !== null) {
      if (typeof init.body === 'string') body = init.body;
      else if (ArrayBuffer.isView(init.body) || init.body instanceof ArrayBuffer) bodyHex = toHex(bytes(init.body, 'fetch body'));
      else throw new TypeError('fetch body must be a string, a typed array or an ArrayBuffer');
    }
    const r = await host('fetch', { url, method, headers, bodyHex }, body);
    return new Response(r.value, r.body);
  }

  // ---- Lit.Actions ----

  function notYet(name) {
    return () => {
      throw new Error('Lit.Actions.' + name + ' is not supported by this node yet');
    };
  }

  const Actions = {
    setResponse({ response }) {
      if (typeof response !== 'string') {
        throw new TypeError('setResponse: response must be a string (use JSON.stringify for objects)');
      }
      native.setResponse(response);
    },

    signEcdsa({ toSign, publicKey, sigName }) {
      const args = { toSign: toHex(bytes(toSign, 'toSign')), publicKey: String(publicKey ?? ''), sigName: String(sigName ?? '') };
      return host('signEcdsa', args).then(() => 'success');
    },

    checkConditions({ conditions, authSig, chain }) {
      return host('checkConditions', { conditions, authSig: authSig ?? null, chain: chain ?? '' }).then((r) => r.value === true);
    },

    getRpcUrl({ chain }) {
      return host('getRpcUrl', { chain: String(chain ?? '') }).then((r) => String(r.value));
    },

    isPermittedAction({ tokenId, ipfsId }) {
      return host('isPermittedAction', { tokenId: String(tokenId ?? ''), ipfsId: String(ipfsId ?? '') }).then((r) => r.value === true);
    },

    pubkeyToTokenId({ publicKey }) {
      return native.pubkeyToTokenId(String(publicKey ?? ''));
    },

    uint8arrayToString(array, encoding) {
      const u8 = bytes(array, 'array');
      switch (encoding || 'utf8') {
        case 'utf8': case 'utf-8': return utf8Decode(u8);
        case 'base16': case 'hex': return toHex(u8);
        case 'base64': return b64encode(u8, B64, false);
        case 'base64pad': return b64encode(u8, B64, true);
        case 'base64url': return b64encode(u8, B64URL, false);
        default: throw new TypeError('uint8arrayToString: unsupported encoding ' + stringify(encoding));
      }
    },

    uint8arrayFromString(string, encoding) {
      const s = String(string);
      switch (encoding || 'utf8') {
        case 'utf8': case 'utf-8': return utf8Encode(s);
        case 'base16': case 'hex':
          if (!/^([0-9a-fA-F]{2})*$/.test(s)) throw new TypeError('uint8arrayFromString: invalid base16');
          return fromHex(s);
        case 'base64': case 'base64pad': return b64decode(s, B64);
        case 'base64url': return b64decode(s, B64URL);
        default: throw new TypeError('uint8arrayFromString: unsupported encoding ' + stringify(encoding));
      }
    },
  };
  for (const name of ['signAndCombineEcdsa', 'decryptAndCombine', 'runOnce', 'broadcastAndCollect', 'call', 'encrypt',
    'claimKey', 'sign', 'ethPersonalSignMessageEcdsa', 'getPermittedActions', 'isPermittedAddress']) {
    Actions[name] = notYet(name);
  }

  // ---- Lit.Auth ----

  const auth = parse(authJSON);
  const stack = ipfsId ? [ipfsId] : [];
  const Auth = {
    actionIpfsIds: stack.slice(),
    actionIpfsIdStack: stack.slice(),
    authSigAddress: auth.authSigAddress || null,
    authMethodContexts: auth.authMethodContexts || [],
    resources: auth.resources || [],
    customAuthResource: auth.customAuthResource || '',
  };

  // ---- the globals ----

  const api = {
    Lit: { Actions, Auth },
    LitActions: Actions,
    LitAuth: Auth,
    console,
    fetch,
    Headers,
    Response,
    setTimeout,
    clearTimeout,
    atob,
    btoa,
    TextEncoder,
    TextDecoder,
    self: g,
    crypto: {
      getRandomValues(arr) {
        if (!ArrayBuffer.isView(arr) || arr instanceof DataView || arr instanceof Float32Array || arr instanceof Float64Array) {
          throw new TypeError('crypto.getRandomValues needs an integer typed array');
        }
        if (arr.byteLength > 65536) throw new RangeError('crypto.getRandomValues: more than 65536 bytes requested');
        new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength).set(fromHex(native.random(arr.byteLength)));
        return arr;
      },
    },
  };
  for (const [k, v] of Object.entries(api)) {
    Object.defineProperty(g, k, { value: v, writable: true, configurable: true, enumerable: false });
  }

  // ethers is compiled once per isolate but instantiated only in executions that touch it: it
  // costs tens of milliseconds, which most trivial actions should not pay.
  Object.defineProperty(g, 'ethers', {
    configurable: true,
    enumerable: false,
    get() {
      const e = native.ethers()();
      Object.defineProperty(g, 'ethers', { value: e, writable: true, configurable: true, enumerable: false });
      return e;
    },
    set(v) {
      Object.defineProperty(g, 'ethers', { value: v, writable: true, configurable: true, enumerable: false });
    },
  });

  // jsParams, and each param as its own global, as Lit does. A param cannot replace the API.
  const params = paramsJSON ? parse(paramsJSON) : {};
  g.jsParams = params === null ? {} : params;
  for (const k of Object.keys(g.jsParams)) {
    if (k in api || k === 'ethers' || k === 'jsParams') continue;
    g[k] = g.jsParams[k];
  }

  return fireTimer;
})
