// The Lit Actions globals of an action's fresh context (the root action's and each child's of
// Lit.Actions.call), in two steps. The outer function builds what is the same for every
// execution (the API, console, timers, crypto, the lazy bundles); the worker may run it, and
// instantiate ethers, in a new context while it waits for the next request, since nothing of a
// request is in it. The function it returns adds the request's part (Lit.Auth, Lit.Headers,
// performance's time origin, jsParams) when the execution starts. A context serves one
// execution either way; it is never reused.
//
// `natives` holds the Go functions of the worker; it is only reachable through the closures
// below, never as a global. Host calls return promises the worker resolves with either
// {value, body?} or {error, type?}; everything crossing into Go is a string (JSON or hex).
(function (natives) {
  'use strict';
  const g = globalThis;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const freeze = Object.freeze;
  g.gc = undefined; // the worker runs V8 with --expose-gc for its own use between executions

  class DOMException extends Error {
    constructor(message, name) {
      super(message === undefined ? '' : String(message));
      Object.defineProperty(this, 'name', { value: name === undefined ? 'Error' : String(name), configurable: true, writable: true });
    }
    get code() {
      return { IndexSizeError: 1, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12,
        InvalidAccessError: 15, TypeMismatchError: 17, AbortError: 20, TimeoutError: 23, DataCloneError: 25 }[this.name] || 0;
    }
  }

  // A native reports failure as an {error, type} object; throw it as an Error of this context
  // (a DOMException for WebCrypto's error names).
  const errorTypes = { Error, TypeError, RangeError, SyntaxError };
  function raise(type, message) {
    const E = errorTypes[type];
    throw E ? new E(message) : new DOMException(message, type);
  }
  const native = {};
  for (const name of Object.keys(natives)) {
    const f = natives[name];
    native[name] = (...args) => {
      const r = f(...args);
      if (r !== null && typeof r === 'object' && typeof r.error === 'string' && !(r instanceof Promise)) raise(r.type, r.error);
      return r;
    };
  }

  // ---- bytes and encodings ----

  const HEX = [];
  for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));

  function toHex(u8) {
    let s = '';
    for (let i = 0; i < u8.length; i++) s += HEX[u8[i]];
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
    if (s.length % 4 === 1) throw new DOMException('invalid base64 length', 'InvalidCharacterError');
    const out = new Uint8Array((s.length * 3) >> 2);
    let buf = 0, bits = 0, j = 0;
    for (let i = 0; i < s.length; i++) {
      const v = alphabet.indexOf(s[i]);
      if (v < 0) throw new DOMException('invalid base64 character ' + stringify(s[i]), 'InvalidCharacterError');
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
    const out = new Uint8Array(s.length * 3);
    let j = 0;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // lone surrogate
      if (c < 0x80) out[j++] = c;
      else if (c < 0x800) { out[j++] = 0xc0 | (c >> 6); out[j++] = 0x80 | (c & 63); }
      else if (c < 0x10000) { out[j++] = 0xe0 | (c >> 12); out[j++] = 0x80 | ((c >> 6) & 63); out[j++] = 0x80 | (c & 63); }
      else { out[j++] = 0xf0 | (c >> 18); out[j++] = 0x80 | ((c >> 12) & 63); out[j++] = 0x80 | ((c >> 6) & 63); out[j++] = 0x80 | (c & 63); }
    }
    return out.slice(0, j);
  }

  function utf8Decode(u8) {
    const parts = [];
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
      if (out.length > 8192) { parts.push(out); out = ''; }
      i += n;
    }
    parts.push(out);
    return parts.join('');
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
      if (c > 255) throw new DOMException('btoa: character out of Latin-1 range', 'InvalidCharacterError');
      u8[i] = c;
    }
    return b64encode(u8, B64, true);
  }

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(s) { return utf8Encode(s === undefined ? '' : s); }
    encodeInto(s, dest) {
      const b = utf8Encode(s);
      const n = Math.min(b.length, dest.length);
      dest.set(b.subarray(0, n));
      return { read: n === b.length ? String(s).length : NaN, written: n };
    }
  }

  class TextDecoder {
    #fatal;
    #ignoreBOM;
    constructor(label, options) {
      if (label !== undefined && !/^(unicode-1-1-)?utf-?8$/i.test(String(label).trim())) throw new RangeError('TextDecoder: only utf-8 is supported');
      this.#fatal = !!(options && options.fatal);
      this.#ignoreBOM = !!(options && options.ignoreBOM);
    }
    get encoding() { return 'utf-8'; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }
    decode(input) {
      if (input === undefined) return '';
      let u8 = bytes(input, 'input');
      if (!this.#ignoreBOM && u8.length >= 3 && u8[0] === 0xef && u8[1] === 0xbb && u8[2] === 0xbf) u8 = u8.subarray(3);
      const s = utf8Decode(u8);
      if (this.#fatal && s.includes('\ufffd')) {
        const back = utf8Encode(s);
        if (back.length !== u8.length || back.some((b, i) => b !== u8[i])) throw new TypeError('The encoded data was not valid utf-8');
      }
      return s;
    }
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

  // An interval is a timer that re-arms itself under the same id before running its callback.
  function setInterval(fn, ms, ...args) {
    if (typeof fn !== 'function') throw new TypeError('setInterval needs a function');
    const id = nextTimer++;
    const delay = Math.max(0, Number(ms) || 0);
    const tick = () => {
      timers.set(id, tick);
      native.setTimer(id, delay);
      fn(...args);
    };
    timers.set(id, tick);
    native.setTimer(id, delay);
    return id;
  }

  function fireTimer(id) {
    const f = timers.get(id);
    if (f === undefined) return;
    timers.delete(id);
    f();
  }

  function queueMicrotask(fn) {
    if (typeof fn !== 'function') throw new TypeError('queueMicrotask needs a function');
    Promise.resolve().then(() => fn());
  }


  // ---- host calls ----

  async function host(op, args, body) {
    const r = await native.call(op, stringify(args), body);
    if (r.error !== undefined) raise(r.type, r.error);
    return r;
  }

  // ---- lazily loaded bundles: the web APIs, jwt, the uint8arrays encodings ----

  const shared = { native, toHex, fromHex, bytes, utf8Encode, utf8Decode, b64encode, b64decode, B64, B64URL, DOMException, setTimeout, clearTimeout };
  const loaded = {};
  function load(name) {
    if (!loaded[name]) loaded[name] = native.bundle(name)(shared);
    return loaded[name];
  }
  const web = () => load('web');
  shared.web = web;

  class Headers {
    #m = new Map();
    constructor(init) {
      if (init === undefined || init === null) return;
      if (init instanceof Headers) {
        for (const [k, v] of init) this.append(k, v);
        return;
      }
      const pairs = Symbol.iterator in Object(init) ? init : Object.entries(init);
      for (const pair of pairs) {
        const [k, v] = pair;
        this.append(k, v);
      }
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
    forEach(cb, thisArg) { for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this); }
    entries() { return [...this.#m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))[Symbol.iterator](); }
    keys() { return [...this.entries()].map((e) => e[0])[Symbol.iterator](); }
    values() { return [...this.entries()].map((e) => e[1])[Symbol.iterator](); }
    getSetCookie() { const v = this.#m.get('set-cookie'); return v === undefined ? [] : [v]; }
    [Symbol.iterator]() { return this.entries(); }
    get [Symbol.toStringTag]() { return 'Headers'; }
  }

  const tag = (v) => Object.prototype.toString.call(v);

  // bodyBytes turns a fetch/Response body into bytes and a content type: a string, bytes, an
  // ArrayBuffer, a Blob, URLSearchParams.
  async function bodyBytes(body) {
    if (body === undefined || body === null) return [null, null];
    if (typeof body === 'string') return [utf8Encode(body), 'text/plain;charset=UTF-8'];
    if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return [bytes(body, 'body').slice(), null];
    if (tag(body) === '[object Blob]' || tag(body) === '[object File]') return [new Uint8Array(await body.arrayBuffer()), body.type || null];
    if (tag(body) === '[object URLSearchParams]') return [utf8Encode(body.toString()), 'application/x-www-form-urlencoded;charset=UTF-8'];
    return [utf8Encode(String(body)), 'text/plain;charset=UTF-8'];
  }

  // A Response's body is a string (a fetched body that is valid UTF-8, or a constructed
  // string) or bytes, read once.
  class Response {
    #body;
    #pending;
    constructor(body, init) {
      init = init || {};
      const meta = init[metaKey];
      if (meta) {
        this.#body = meta.body;
        this.status = meta.status;
        this.statusText = meta.statusText;
        this.headers = new Headers(meta.headers);
        this.url = meta.url;
      } else {
        this.status = init.status === undefined ? 200 : Number(init.status);
        if (!(this.status >= 200 && this.status <= 599)) throw new RangeError('Response status must be between 200 and 599');
        this.statusText = init.statusText === undefined ? '' : String(init.statusText);
        this.headers = new Headers(init.headers);
        this.url = '';
        if (typeof body === 'string') {
          this.#body = body;
          if (!this.headers.has('content-type')) this.headers.set('content-type', 'text/plain;charset=UTF-8');
        } else {
          this.#pending = bodyBytes(body).then(([b, type]) => {
            if (type && !this.headers.has('content-type')) this.headers.set('content-type', type);
            return b || new Uint8Array(0);
          });
        }
      }
      this.ok = this.status >= 200 && this.status < 300;
      this.redirected = false;
      this.type = meta ? 'basic' : 'default';
      this.bodyUsed = false;
    }
    static json(data, init) {
      const r = new Response(stringify(data), init);
      r.headers.set('content-type', 'application/json');
      return r;
    }
    async #take() {
      if (this.bodyUsed) throw new TypeError('Response body already used');
      this.bodyUsed = true;
      if (this.#pending) return await this.#pending;
      return this.#body === undefined || this.#body === null ? '' : this.#body;
    }
    async text() {
      const b = await this.#take();
      return typeof b === 'string' ? b : utf8Decode(b);
    }
    async json() { return parse(await this.text()); }
    async arrayBuffer() {
      const b = await this.#take();
      const u8 = typeof b === 'string' ? utf8Encode(b) : b;
      return u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
    }
    async bytes() { return new Uint8Array(await this.arrayBuffer()); }
    async blob() {
      const ab = await this.arrayBuffer();
      return new (web().Blob)([ab], { type: this.headers.get('content-type') || '' });
    }
    async formData() { throw new TypeError('Response.formData is not supported'); }
    static error() { return new Response('', { status: 200 }); }
    clone() {
      if (this.bodyUsed) throw new TypeError('Response body already used');
      const c = new Response('', { status: this.status, statusText: this.statusText, headers: this.headers });
      c.#body = this.#body;
      c.#pending = this.#pending;
      c.url = this.url;
      return c;
    }
    get body() { return null; }
    get [Symbol.toStringTag]() { return 'Response'; }
  }
  const metaKey = Symbol('litmesh.response');

  class Request {
    constructor(input, init) {
      init = init || {};
      const from = input instanceof Request ? input : null;
      this.url = from ? from.url : String(input);
      this.method = String(init.method || (from ? from.method : 'GET')).toUpperCase();
      this.headers = new Headers(init.headers || (from ? from.headers : undefined));
      this.body = init.body !== undefined ? init.body : from ? from.body : null;
      this.signal = init.signal || (from ? from.signal : null);
    }
    get [Symbol.toStringTag]() { return 'Request'; }
  }

  async function fetch(input, init) {
    init = init || {};
    if (input instanceof Request) {
      init = { method: input.method, headers: input.headers, body: input.body, signal: input.signal, ...init };
    }
    const url = typeof input === 'string' ? input : input && input.url !== undefined ? String(input.url) : input && input.href !== undefined ? String(input.href) : String(input);
    const method = String(init.method || 'GET').toUpperCase();
    const hs = new Headers(init.headers);
    const signal = init.signal;
    if (signal && signal.aborted) throw signal.reason;
    // A string body travels as it is, bytes as hex.
    let body, binary = false;
    if (init.body !== undefined && init.body !== null) {
      if (typeof init.body === 'string') body = init.body;
      else {
        const [b, type] = await bodyBytes(init.body);
        body = toHex(b);
        binary = true;
        if (type && !hs.has('content-type')) hs.set('content-type', type);
      }
      if (typeof init.body === 'string' && !hs.has('content-type')) hs.set('content-type', 'text/plain;charset=UTF-8');
    }
    const call = host('fetch', { url, method, headers: [...hs], binary }, body);
    let r;
    if (signal) {
      r = await new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        call.then((v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
          (e) => { signal.removeEventListener('abort', onAbort); reject(e); });
      });
    } else {
      r = await call;
    }
    return new Response(null, { [metaKey]: { ...r.value, body: r.bodyHex !== undefined ? fromHex(r.bodyHex) : r.body } });
  }

  // ---- Lit.Actions ----

  const reject = (E, message) => Promise.reject(new E(message));
  const blank = (v) => v === undefined || v === null || String(v).trim() === '';
  const u8hex = (v, what) => toHex(bytes(v, what));

  function signCall(mode, { toSign, publicKey, sigName, signingScheme }, extra) {
    let hex;
    try {
      hex = u8hex(toSign, 'toSign');
    } catch (e) {
      return Promise.reject(e);
    }
    if (hex === '') return reject(RangeError, 'toSign must not be empty');
    if (mode !== 'asAction' && blank(publicKey)) return reject(RangeError, 'publicKey must not be blank');
    if (blank(sigName)) return reject(RangeError, 'sigName must not be blank');
    if (blank(signingScheme)) return reject(RangeError, 'signingScheme must not be blank');
    const args = { toSign: hex, publicKey: String(publicKey ?? ''), sigName: String(sigName), scheme: String(signingScheme), mode, ...extra };
    return host('sign', args).then((r) => r.value);
  }

  function permissions(method, tokenId, extra) {
    if (blank(tokenId)) return reject(RangeError, 'tokenId must not be blank');
    return host('permissions', { method, tokenId: String(tokenId), ...extra }).then((r) => r.value);
  }

  function userIdHex(userId) {
    return toHex(new Uint8Array(userId === undefined || userId === null ? [] : typeof userId === 'string' ? utf8Encode(userId) : bytes(userId, 'userId')));
  }

  function encodings() { return load('encodings'); }

  // Decode a ciphertext argument the way Lit's clients hand it around: a base64 string.
  function conditionsArg(c) {
    if (!Array.isArray(c)) throw new TypeError('accessControlConditions must be an array');
    return c;
  }

  function decryptCall(single, { accessControlConditions, ciphertext, dataToEncryptHash, authSig, chain }) {
    try {
      conditionsArg(accessControlConditions);
    } catch (e) {
      return Promise.reject(e);
    }
    return host('decrypt', {
      conditions: accessControlConditions, ciphertext: String(ciphertext ?? ''), dataToEncryptHash: String(dataToEncryptHash ?? ''),
      authSig: authSig ?? null, chain: String(chain ?? ''), single,
    }).then((r) => r.value);
  }

  const coordinate = (op, name, value) => host('coordinate', { op, name }, value);

  const Actions = {
    isPermittedAction({ tokenId, ipfsId }) {
      return permissions('isPermittedAction', tokenId, { arg: String(ipfsId ?? '') });
    },
    isPermittedAddress({ tokenId, address }) {
      return permissions('isPermittedAddress', tokenId, { arg: String(address ?? '') });
    },
    isPermittedAuthMethod({ tokenId, authMethodType, userId }) {
      return permissions('isPermittedAuthMethod', tokenId, { authMethodType: String(authMethodType ?? ''), userId: userIdHex(userId) });
    },
    getPermittedActions({ tokenId }) {
      return permissions('getPermittedActions', tokenId);
    },
    getPermittedAddresses({ tokenId }) {
      return permissions('getPermittedAddresses', tokenId);
    },
    getPermittedAuthMethods({ tokenId }) {
      return permissions('getPermittedAuthMethods', tokenId);
    },
    getPermittedAuthMethodScopes({ tokenId, authMethodType, userId, maxScopeId = 100 }) {
      return permissions('getPermittedAuthMethodScopes', tokenId, {
        authMethodType: String(authMethodType ?? ''), userId: userIdHex(userId), maxScopeId: Number(maxScopeId),
      });
    },
    getLatestNonce({ address, chain }) {
      if (blank(chain)) return reject(RangeError, 'chain must not be blank');
      return host('chain', { op: 'getLatestNonce', chain: String(chain), address: String(address ?? '') }).then((r) => r.value);
    },

    signEcdsa({ toSign, publicKey, sigName }) {
      return signCall('share', { toSign, publicKey, sigName, signingScheme: 'EcdsaK256Sha256' });
    },
    sign({ toSign, publicKey, sigName, signingScheme }) {
      return signCall('share', { toSign, publicKey, sigName, signingScheme });
    },
    signAsAction({ toSign, sigName, signingScheme }) {
      return signCall('asAction', { toSign, publicKey: '', sigName, signingScheme });
    },
    getActionPublicKey({ signingScheme, actionIpfsCid }) {
      if (blank(signingScheme)) return reject(RangeError, 'signingScheme must not be blank');
      if (blank(actionIpfsCid)) return reject(RangeError, 'actionIpfsCid must not be blank');
      return host('actionKey', { scheme: String(signingScheme), ipfsId: String(actionIpfsCid) }).then((r) => r.value);
    },
    verifyActionSignature({ signingScheme, actionIpfsCid, toSign, signOutput }) {
      let hex;
      try {
        hex = u8hex(toSign, 'toSign');
      } catch (e) {
        return Promise.reject(e);
      }
      if (hex === '') return reject(RangeError, 'toSign must not be empty');
      if (blank(signingScheme)) return reject(RangeError, 'signingScheme must not be blank');
      if (blank(actionIpfsCid)) return reject(RangeError, 'actionIpfsCid must not be blank');
      if (blank(signOutput)) return reject(RangeError, 'signOutput must not be blank');
      return host('actionKey', { scheme: String(signingScheme), ipfsId: String(actionIpfsCid), verify: true, toSign: hex, signOutput: String(signOutput) }).then((r) => r.value);
    },
    ethPersonalSignMessageEcdsa({ message, publicKey, sigName }) {
      const msg = typeof message === 'string' ? utf8Encode(message) : message;
      return signCall('share', { toSign: msg, publicKey, sigName, signingScheme: 'EcdsaK256Sha256' }, { personal: true });
    },

    claimKey({ keyId }) {
      if (blank(keyId)) return reject(RangeError, 'keyId must not be blank');
      return host('claimKey', { keyId: String(keyId) }).then((r) => r.value);
    },

    checkConditions({ conditions, authSig, chain }) {
      if (!Array.isArray(conditions)) return reject(TypeError, 'conditions must be an array of access-control conditions');
      if (conditions.length === 0) return reject(RangeError, 'conditions must not be empty');
      if (chain !== undefined && chain !== null && String(chain).trim() === '') return reject(RangeError, 'chain must not be blank');
      return host('checkConditions', { conditions, authSig: authSig ?? null, chain: chain ?? '' }).then((r) => r.value === true);
    },

    setResponse({ response }) {
      if (typeof response !== 'string') {
        throw new TypeError('setResponse: response must be a string (use JSON.stringify for objects)');
      }
      native.setResponse(response);
    },

    call({ ipfsId, params }) {
      if (blank(ipfsId)) return reject(RangeError, 'ipfsId must not be blank');
      return host('call', { ipfsId: String(ipfsId), params: params === undefined ? null : params }).then((r) => r.value);
    },
    callContract({ chain, txn }) {
      if (blank(chain)) return reject(RangeError, 'chain must not be blank');
      if (blank(txn)) return reject(RangeError, 'txn must not be blank');
      return host('chain', { op: 'callContract', chain: String(chain), txn: String(txn) }).then((r) => r.value);
    },

    pubkeyToTokenId({ publicKey }) {
      return native.pubkeyToTokenId(String(publicKey ?? ''));
    },
    uint8arrayToString(array, encoding = 'utf8') {
      return encodings().toString(array, encoding);
    },
    uint8arrayFromString(string, encoding = 'utf8') {
      return encodings().fromString(string, encoding);
    },
    aesDecrypt({ symmetricKey, ciphertext }) {
      return new Promise((resolve) => resolve(native.aesDecrypt(u8hex(symmetricKey, 'symmetricKey'), u8hex(ciphertext, 'ciphertext'))));
    },

    broadcastAndCollect({ name, value }) {
      return coordinate('broadcastAndCollect', String(name ?? ''), String(value ?? '')).then((r) => parse(r.body));
    },
    decryptAndCombine(args) {
      return decryptCall(false, args);
    },
    signAndCombineEcdsa({ toSign, publicKey, sigName }) {
      return signCall('combine', { toSign, publicKey, sigName, signingScheme: 'EcdsaK256Sha256' });
    },
    signAndCombine({ toSign, publicKey, sigName, signingScheme }) {
      return signCall('combine', { toSign, publicKey, sigName, signingScheme });
    },

    // runOnce runs fn on one node of the execution (the leader) and, with waitForResponse,
    // hands its result, as a string, to every other node. A throw becomes "[ERROR]", as on Lit.
    async runOnce({ waitForResponse, name } = {}, fn) {
      const id = name || 'default_bc_id';
      const leader = (await coordinate('isLeader', id, '')).value === true;
      if (leader) {
        let response = '';
        try {
          response = await fn();
        } catch (e) {
          console.error('Error running function:', e);
          response = '[ERROR]';
        }
        try {
          response = response.toString();
        } catch (e) {
          console.error('Error converting response to string:', e);
          response = '';
        }
        if (waitForResponse) await coordinate('broadcast', id, response);
        return response;
      }
      if (waitForResponse) return (await coordinate('collectFromLeader', id, '')).body;
      return undefined;
    },

    getRpcUrl({ chain } = {}) {
      return host('getRpcUrl', { chain: String(chain ?? '') }).then((r) => String(r.value));
    },
    encrypt({ accessControlConditions, to_encrypt }) {
      let data;
      try {
        conditionsArg(accessControlConditions);
        data = typeof to_encrypt === 'string' ? utf8Encode(to_encrypt) : bytes(to_encrypt, 'to_encrypt');
      } catch (e) {
        return Promise.reject(e);
      }
      return host('encrypt', { conditions: accessControlConditions }, toHex(data)).then((r) => r.value);
    },
    decryptToSingleNode(args) {
      return decryptCall(true, args);
    },
  };

  // ---- the globals ----

  const LitActions = freeze(Actions);

  const randomUUID = () => {
    const b = fromHex(native.random(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = toHex(b);
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  };
  const crypto = {
    getRandomValues(arr) {
      if (!ArrayBuffer.isView(arr) || arr instanceof DataView || arr instanceof Float32Array || arr instanceof Float64Array) {
        throw new DOMException('crypto.getRandomValues needs an integer typed array', 'TypeMismatchError');
      }
      if (arr.byteLength > 65536) throw new DOMException('crypto.getRandomValues: more than 65536 bytes requested', 'QuotaExceededError');
      new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength).set(fromHex(native.random(arr.byteLength)));
      return arr;
    },
    randomUUID,
  };
  Object.defineProperty(crypto, 'subtle', { enumerable: true, configurable: true, get: () => web().subtle });
  freeze(crypto);

  const api = {
    console,
    fetch,
    Headers,
    Request,
    Response,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval: clearTimeout,
    queueMicrotask,
    atob,
    btoa,
    TextEncoder,
    TextDecoder,
    DOMException,
    crypto,
    self: g,
    global: g,
  };
  const defineAPI = (k, v) => Object.defineProperty(g, k, { value: v, writable: true, configurable: true, enumerable: false });
  for (const [k, v] of Object.entries(api)) defineAPI(k, v);

  // Globals built on first use in an execution: ethers costs tens of milliseconds, the web APIs
  // and jwt a little; most actions need few of them.
  function lazy(names, make) {
    for (const name of names) {
      Object.defineProperty(g, name, {
        configurable: true,
        enumerable: false,
        get() {
          const v = make(name);
          Object.defineProperty(g, name, { value: v, writable: true, configurable: true, enumerable: false });
          return v;
        },
        set(v) {
          Object.defineProperty(g, name, { value: v, writable: true, configurable: true, enumerable: false });
        },
      });
    }
  }
  const webNames = ['URL', 'URLSearchParams', 'structuredClone', 'Blob', 'File', 'AbortController', 'AbortSignal', 'Event', 'EventTarget'];
  lazy(webNames, (name) => web()[name]);
  lazy(['jwt'], () => load('jwt'));

  // ---- the request's part, when the execution starts ----

  // preloaded is ethers as the worker instantiated it in this context ahead of the request, or
  // undefined: then the first use builds it.
  return function (paramsJSON, authJSON, stackJSON, headersJSON, preloaded) {
    defineAPI('performance', freeze({
      now: () => native.now(),
      timeOrigin: Date.now() - native.now(),
      toJSON() { return { timeOrigin: this.timeOrigin }; },
    }));

    const auth = parse(authJSON);
    const stack = parse(stackJSON);
    const Auth = freeze({
      actionIpfsIds: freeze(stack.slice()),
      actionIpfsIdStack: freeze(stack.slice()),
      authSigAddress: auth.authSigAddress || null,
      authMethodContexts: freeze(auth.authMethodContexts || []),
      resources: freeze(auth.resources || []),
      customAuthResource: auth.customAuthResource || '',
    });
    const LitHeaders = new Headers(parse(headersJSON));
    const Lit = freeze({ Actions: LitActions, Auth, Headers: LitHeaders });
    // Lit's runtime defines these read-only: an action (or a param) cannot replace them.
    const readOnly = (value) => ({ value, writable: false, configurable: false, enumerable: true });
    Object.defineProperties(g, { Lit: readOnly(Lit), LitActions: readOnly(LitActions), LitAuth: readOnly(Auth), LitHeaders: readOnly(LitHeaders) });

    // native.ethers(true) only notes the use, so the worker preloads ethers for the next one.
    lazy(['ethers'], () => (preloaded !== undefined ? (native.ethers(true), preloaded) : native.ethers()()));

    // jsParams, and each param as its own global, as Lit does. Lit's v8 SDK sends the user's
    // params as {jsParams: {...}}: then that inner object is jsParams, and its keys are globals
    // too. A param cannot replace the API.
    let params = paramsJSON ? parse(paramsJSON) : {};
    if (params === null || typeof params !== 'object' || Array.isArray(params)) params = {};
    const sources = [params];
    let jsParams = params;
    const inner = params.jsParams;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      jsParams = inner;
      sources.push(inner);
    }
    const reserved = new Set([...Object.keys(api), 'performance', ...webNames, 'Lit', 'LitActions', 'LitAuth', 'LitHeaders', 'ethers', 'jwt', 'jsParams']);
    g.jsParams = jsParams;
    for (const src of sources) {
      for (const k of Object.keys(src)) {
        if (reserved.has(k)) continue;
        g[k] = src[k];
      }
    }

    return fireTimer;
  };
})
