// The web APIs Lit's Deno runtime gives actions and litmesh writes itself: URL,
// URLSearchParams, structuredClone, Blob, File, Event, EventTarget, AbortController,
// AbortSignal and crypto.subtle (its cryptography is Go code in the worker). Loaded on first
// use in an execution.
(function (shared) {
  'use strict';
  const { native, toHex, fromHex, bytes, utf8Encode, utf8Decode, b64encode, b64decode, B64URL, DOMException, setTimeout } = shared;
  const stringify = JSON.stringify;
  const parse = JSON.parse;

  // ---- URLSearchParams (application/x-www-form-urlencoded) ----

  function formDecode(s) {
    return utf8Decode(percentDecode(s.replace(/\+/g, ' ')));
  }

  function percentDecode(s) {
    const raw = utf8Encode(s);
    const out = [];
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === 0x25 && i + 2 < raw.length && /^[0-9a-fA-F]{2}$/.test(String.fromCharCode(raw[i + 1], raw[i + 2]))) {
        out.push(parseInt(String.fromCharCode(raw[i + 1], raw[i + 2]), 16));
        i += 2;
      } else {
        out.push(raw[i]);
      }
    }
    return new Uint8Array(out);
  }

  function formEncode(s) {
    let out = '';
    for (const b of utf8Encode(String(s))) {
      if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2a || b === 0x2d || b === 0x2e || b === 0x5f) {
        out += String.fromCharCode(b);
      } else if (b === 0x20) {
        out += '+';
      } else {
        out += '%' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
      }
    }
    return out;
  }

  class URLSearchParams {
    #list = [];
    #url = null;
    constructor(init) {
      if (init === undefined || init === null) return;
      if (typeof init === 'object' || typeof init === 'function') {
        if (init instanceof URLSearchParams) {
          this.#list = init.#list.map((p) => p.slice());
        } else if (Symbol.iterator in init) {
          for (const pair of init) {
            const p = [...pair];
            if (p.length !== 2) throw new TypeError('URLSearchParams: each pair must have exactly two items');
            this.#list.push([String(p[0]), String(p[1])]);
          }
        } else {
          for (const k of Object.keys(init)) this.#list.push([k, String(init[k])]);
        }
        return;
      }
      this.#parse(String(init));
    }
    #parse(s) {
      if (s.startsWith('?')) s = s.slice(1);
      this.#list = [];
      for (const part of s.split('&')) {
        if (part === '') continue;
        const i = part.indexOf('=');
        const k = i < 0 ? part : part.slice(0, i);
        const v = i < 0 ? '' : part.slice(i + 1);
        this.#list.push([formDecode(k), formDecode(v)]);
      }
    }
    #update() {
      if (this.#url) this.#url._setSearch(this.toString());
    }
    static _attach(p, url, search) {
      p.#url = url;
      p.#parse(search);
    }
    get size() { return this.#list.length; }
    append(k, v) { this.#list.push([String(k), String(v)]); this.#update(); }
    delete(k, v) {
      k = String(k);
      this.#list = this.#list.filter((p) => !(p[0] === k && (v === undefined || p[1] === String(v))));
      this.#update();
    }
    get(k) { const p = this.#list.find((e) => e[0] === String(k)); return p ? p[1] : null; }
    getAll(k) { return this.#list.filter((e) => e[0] === String(k)).map((e) => e[1]); }
    has(k, v) { return this.#list.some((p) => p[0] === String(k) && (v === undefined || p[1] === String(v))); }
    set(k, v) {
      k = String(k);
      const i = this.#list.findIndex((p) => p[0] === k);
      if (i < 0) this.#list.push([k, String(v)]);
      else {
        this.#list[i][1] = String(v);
        this.#list = this.#list.filter((p, j) => j <= i || p[0] !== k);
      }
      this.#update();
    }
    sort() {
      this.#list = this.#list.map((p, i) => [p, i]).sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1])).map((e) => e[0]);
      this.#update();
    }
    forEach(cb, thisArg) { for (const [k, v] of this.#list) cb.call(thisArg, v, k, this); }
    entries() { return this.#list.map((p) => p.slice())[Symbol.iterator](); }
    keys() { return this.#list.map((p) => p[0])[Symbol.iterator](); }
    values() { return this.#list.map((p) => p[1])[Symbol.iterator](); }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return this.#list.map(([k, v]) => formEncode(k) + '=' + formEncode(v)).join('&'); }
    get [Symbol.toStringTag]() { return 'URLSearchParams'; }
  }
  const attach = URLSearchParams._attach;
  delete URLSearchParams._attach;

  // ---- URL: parsed in Go (runtime/natives.go) ----

  const special = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

  class URL {
    #p;
    #params;
    constructor(url, base) {
      const args = [String(url)];
      if (base !== undefined) args.push(String(base instanceof URL ? base.href : base));
      this.#p = native.urlParse(...args);
      this.#params = new URLSearchParams();
      attach(this.#params, this, this.#p.search);
    }
    static canParse(url, base) {
      try {
        new URL(url, base);
        return true;
      } catch (e) {
        return false;
      }
    }
    static parse(url, base) {
      try {
        return new URL(url, base);
      } catch (e) {
        return null;
      }
    }
    #reparse(href) {
      this.#p = native.urlParse(href);
      attach(this.#params, this, this.#p.search);
    }
    _setSearch(q) {
      this.#p.search = q === '' ? '' : '?' + q;
    }
    get href() {
      const p = this.#p;
      if (p.opaque) return p.protocol + p.pathname + p.search + p.hash;
      let auth = '';
      if (p.username !== '' || p.password !== '') auth = p.username + (p.password !== '' ? ':' + p.password : '') + '@';
      const slashes = special.has(p.protocol) || p.hostname !== '' ? '//' : '';
      return p.protocol + slashes + auth + this.host + p.pathname + p.search + p.hash;
    }
    set href(v) { this.#reparse(String(v)); }
    get origin() {
      const p = this.#p;
      return special.has(p.protocol) && p.protocol !== 'file:' ? p.protocol + '//' + this.host : 'null';
    }
    get protocol() { return this.#p.protocol; }
    set protocol(v) {
      v = String(v).replace(/:.*$/, '');
      try { this.#reparse(v + ':' + this.href.slice(this.#p.protocol.length)); } catch (e) { /* as browsers: ignore */ }
    }
    get username() { return this.#p.username; }
    set username(v) { this.#p.username = encodeURIComponent(String(v)); }
    get password() { return this.#p.password; }
    set password(v) { this.#p.password = encodeURIComponent(String(v)); }
    get host() { return this.#p.hostname + (this.#p.port !== '' ? ':' + this.#p.port : ''); }
    set host(v) {
      try { this.#reparse(this.#p.protocol + '//' + String(v) + this.#p.pathname + this.#p.search + this.#p.hash); } catch (e) { /* ignored */ }
    }
    get hostname() { return this.#p.hostname; }
    set hostname(v) {
      const port = this.#p.port !== '' ? ':' + this.#p.port : '';
      try { this.#reparse(this.#p.protocol + '//' + String(v) + port + this.#p.pathname + this.#p.search + this.#p.hash); } catch (e) { /* ignored */ }
    }
    get port() { return this.#p.port; }
    set port(v) {
      v = String(v);
      try { this.#reparse(this.#p.protocol + '//' + this.#p.hostname + (v !== '' ? ':' + v : '') + this.#p.pathname + this.#p.search + this.#p.hash); } catch (e) { /* ignored */ }
    }
    get pathname() { return this.#p.pathname; }
    set pathname(v) {
      v = String(v);
      if (!v.startsWith('/')) v = '/' + v;
      try { this.#reparse(this.#p.protocol + '//' + this.host + v + this.#p.search + this.#p.hash); } catch (e) { /* ignored */ }
    }
    get search() { return this.#p.search === '?' ? '' : this.#p.search; }
    set search(v) {
      v = String(v);
      if (v !== '' && !v.startsWith('?')) v = '?' + v;
      try { this.#reparse(this.href.replace(/[?#].*$/, '') + v + this.#p.hash); } catch (e) { /* ignored */ }
    }
    get searchParams() { return this.#params; }
    get hash() { return this.#p.hash === '#' ? '' : this.#p.hash; }
    set hash(v) {
      v = String(v);
      this.#p.hash = v === '' ? '' : v.startsWith('#') ? v : '#' + v;
    }
    toString() { return this.href; }
    toJSON() { return this.href; }
    get [Symbol.toStringTag]() { return 'URL'; }
  }

  // ---- Event, EventTarget, AbortController, AbortSignal ----

  class Event {
    #stop = false;
    constructor(type, init) {
      if (arguments.length === 0) throw new TypeError('Event needs a type');
      this.type = String(type);
      this.bubbles = !!(init && init.bubbles);
      this.cancelable = !!(init && init.cancelable);
      this.defaultPrevented = false;
      this.target = null;
      this.currentTarget = null;
      this.timeStamp = Date.now();
    }
    preventDefault() { if (this.cancelable) this.defaultPrevented = true; }
    stopPropagation() {}
    stopImmediatePropagation() { this.#stop = true; }
    static _stopped(e) { return e.#stop; }
  }
  const stopped = Event._stopped;
  delete Event._stopped;

  class EventTarget {
    #listeners = new Map();
    addEventListener(type, fn, options) {
      if (fn === null || fn === undefined) return;
      const once = typeof options === 'object' && options !== null && !!options.once;
      const signal = typeof options === 'object' && options !== null ? options.signal : undefined;
      if (signal && signal.aborted) return;
      const list = this.#listeners.get(type) || [];
      if (list.some((l) => l.fn === fn)) return;
      const entry = { fn, once };
      list.push(entry);
      this.#listeners.set(type, list);
      if (signal) signal.addEventListener('abort', () => this.removeEventListener(type, fn), { once: true });
    }
    removeEventListener(type, fn) {
      const list = this.#listeners.get(type);
      if (list) this.#listeners.set(type, list.filter((l) => l.fn !== fn));
    }
    dispatchEvent(event) {
      if (!(event instanceof Event)) throw new TypeError('dispatchEvent needs an Event');
      event.target = this;
      event.currentTarget = this;
      const handler = this['on' + event.type];
      const list = (this.#listeners.get(event.type) || []).slice();
      if (typeof handler === 'function') list.unshift({ fn: handler, once: false });
      for (const l of list) {
        if (l.once) this.removeEventListener(event.type, l.fn);
        try {
          if (typeof l.fn === 'function') l.fn.call(this, event);
          else if (l.fn && typeof l.fn.handleEvent === 'function') l.fn.handleEvent(event);
        } catch (e) {
          Promise.reject(e); // reported like an uncaught error, never thrown into the dispatcher
        }
        if (stopped(event)) break;
      }
      event.currentTarget = null;
      return !event.defaultPrevented;
    }
  }

  const signalKey = Symbol('litmesh.signal');

  class AbortSignal extends EventTarget {
    #aborted = false;
    #reason = undefined;
    constructor(key) {
      if (key !== signalKey) throw new TypeError('Illegal constructor');
      super();
      this.onabort = null;
    }
    get aborted() { return this.#aborted; }
    get reason() { return this.#reason; }
    throwIfAborted() { if (this.#aborted) throw this.#reason; }
    static _abort(s, reason) {
      if (s.#aborted) return;
      s.#aborted = true;
      s.#reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
      s.dispatchEvent(new Event('abort'));
    }
    static abort(reason) {
      const s = new AbortSignal(signalKey);
      abortSignal(s, reason);
      return s;
    }
    static timeout(ms) {
      const s = new AbortSignal(signalKey);
      setTimeout(() => abortSignal(s, new DOMException('Signal timed out.', 'TimeoutError')), ms);
      return s;
    }
    static any(signals) {
      const s = new AbortSignal(signalKey);
      for (const other of signals) {
        if (other.aborted) {
          abortSignal(s, other.reason);
          break;
        }
        other.addEventListener('abort', () => abortSignal(s, other.reason), { once: true });
      }
      return s;
    }
    get [Symbol.toStringTag]() { return 'AbortSignal'; }
  }
  const abortSignal = AbortSignal._abort;
  delete AbortSignal._abort;

  class AbortController {
    #signal = new AbortSignal(signalKey);
    get signal() { return this.#signal; }
    abort(reason) { abortSignal(this.#signal, reason); }
  }

  // ---- Blob, File ----

  class Blob {
    #bytes;
    #type;
    constructor(parts, options) {
      const chunks = [];
      for (const part of parts === undefined ? [] : parts) {
        if (part instanceof Blob) chunks.push(part.#bytes);
        else if (ArrayBuffer.isView(part) || part instanceof ArrayBuffer) chunks.push(bytes(part, 'blob part').slice());
        else chunks.push(utf8Encode(String(part)));
      }
      let n = 0;
      for (const c of chunks) n += c.length;
      this.#bytes = new Uint8Array(n);
      let off = 0;
      for (const c of chunks) {
        this.#bytes.set(c, off);
        off += c.length;
      }
      const type = options && options.type !== undefined ? String(options.type) : '';
      this.#type = /[^\u0020-\u007e]/.test(type) ? '' : type.toLowerCase();
    }
    get size() { return this.#bytes.length; }
    get type() { return this.#type; }
    slice(start, end, type) {
      const n = this.#bytes.length;
      const rel = (v, d) => (v === undefined ? d : v < 0 ? Math.max(n + v, 0) : Math.min(v, n));
      const s = rel(start, 0), e = rel(end, n);
      return new Blob([this.#bytes.subarray(s, Math.max(s, e))], { type: type === undefined ? '' : type });
    }
    async arrayBuffer() { return this.#bytes.slice().buffer; }
    async bytes() { return this.#bytes.slice(); }
    async text() { return utf8Decode(this.#bytes); }
    stream() { throw new TypeError('Blob.stream is not supported'); }
    get [Symbol.toStringTag]() { return 'Blob'; }
  }

  class File extends Blob {
    constructor(parts, name, options) {
      super(parts, options);
      this.name = String(name);
      this.lastModified = options && options.lastModified !== undefined ? Number(options.lastModified) : Date.now();
    }
    get [Symbol.toStringTag]() { return 'File'; }
  }

  // ---- structuredClone (the HTML structured clone algorithm, for the types actions pass) ----

  function structuredClone(value, options) {
    if (options && options.transfer && options.transfer.length) throw new DOMException('transfer is not supported', 'DataCloneError');
    const seen = new Map();
    const clone = (v) => {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function' && typeof v !== 'symbol')) return v;
      if (typeof v === 'function' || typeof v === 'symbol') throw new DOMException(String(v) + ' could not be cloned.', 'DataCloneError');
      if (seen.has(v)) return seen.get(v);
      const t = Object.prototype.toString.call(v);
      let out;
      switch (t) {
        case '[object Boolean]': out = Object(Boolean.prototype.valueOf.call(v)); break;
        case '[object Number]': out = Object(Number.prototype.valueOf.call(v)); break;
        case '[object String]': out = Object(String.prototype.valueOf.call(v)); break;
        case '[object BigInt]': out = Object(BigInt.prototype.valueOf.call(v)); break;
        case '[object Date]': out = new Date(v.getTime()); break;
        case '[object RegExp]': out = new RegExp(v.source, v.flags); break;
        case '[object ArrayBuffer]': out = v.slice(0); break;
        case '[object DataView]': {
          const buf = clone(v.buffer);
          out = new DataView(buf, v.byteOffset, v.byteLength);
          break;
        }
        case '[object Map]':
          out = new Map();
          seen.set(v, out);
          for (const [k, x] of v) out.set(clone(k), clone(x));
          return out;
        case '[object Set]':
          out = new Set();
          seen.set(v, out);
          for (const x of v) out.add(clone(x));
          return out;
        case '[object Blob]': case '[object File]': out = v.slice(0, v.size, v.type); break;
        case '[object Error]': {
          const names = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
          const E = names[v.name] || Error;
          out = new E(v.message);
          if (v.stack !== undefined) out.stack = String(v.stack);
          if ('cause' in v) out.cause = clone(v.cause);
          break;
        }
        case '[object Array]':
          out = new Array(v.length);
          seen.set(v, out);
          for (const k of Object.keys(v)) out[k] = clone(v[k]);
          return out;
        case '[object Object]':
          out = {};
          seen.set(v, out);
          for (const k of Object.keys(v)) out[k] = clone(v[k]);
          return out;
        default:
          if (ArrayBuffer.isView(v)) {
            const buf = clone(v.buffer);
            out = new v.constructor(buf, v.byteOffset, v.length);
            break;
          }
          throw new DOMException(t.slice(8, -1) + ' object could not be cloned.', 'DataCloneError');
      }
      seen.set(v, out);
      return out;
    };
    return clone(value);
  }

  // ---- crypto.subtle ----

  const keyData = new WeakMap(); // CryptoKey → its material; never reachable from JavaScript

  class CryptoKey {
    constructor(key) {
      if (key !== signalKey) throw new TypeError('Illegal constructor');
    }
    get [Symbol.toStringTag]() { return 'CryptoKey'; }
  }

  function makeKey(type, extractable, algorithm, usages, material) {
    const k = new CryptoKey(signalKey);
    Object.defineProperties(k, {
      type: { value: type, enumerable: true },
      extractable: { value: !!extractable, enumerable: true },
      algorithm: { value: Object.freeze({ ...algorithm }), enumerable: true },
      usages: { value: Object.freeze([...usages]), enumerable: true },
    });
    keyData.set(k, material);
    return k;
  }

  const normAlg = (alg) => (typeof alg === 'string' ? { name: alg } : alg || {});
  const algName = (alg) => {
    const n = String(normAlg(alg).name || '');
    const known = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'HMAC', 'AES-GCM', 'AES-CBC', 'AES-CTR', 'AES-KW', 'ECDSA', 'ECDH', 'Ed25519',
      'RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'PBKDF2', 'HKDF', 'X25519'];
    return known.find((k) => k.toUpperCase() === n.toUpperCase()) || n;
  };
  const hashName = (h) => algName(h);
  const bufHex = (v, what) => {
    if (!(ArrayBuffer.isView(v) || v instanceof ArrayBuffer)) throw new TypeError(what + ' must be an ArrayBuffer or a typed array');
    return toHex(bytes(v, what));
  };
  const toBuffer = (hex) => fromHex(hex).buffer;
  const notSupported = (what) => new DOMException(what + ' is not supported', 'NotSupportedError');
  const hashLen = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };
  const hashBlock = { 'SHA-1': 64, 'SHA-256': 64, 'SHA-384': 128, 'SHA-512': 128 };

  function checkUsage(key, usage) {
    if (!(key instanceof CryptoKey)) throw new TypeError('key must be a CryptoKey');
    if (!key.usages.includes(usage)) throw new DOMException('key does not allow ' + usage, 'InvalidAccessError');
  }

  const b64uEncode = (hex) => b64encode(fromHex(hex), B64URL, false);
  const b64uDecode = (s) => toHex(b64decode(String(s), B64URL));

  function ecFromJwk(jwk) {
    const k = { crv: jwk.crv, x: b64uDecode(jwk.x), y: b64uDecode(jwk.y) };
    if (jwk.d !== undefined) k.d = b64uDecode(jwk.d);
    return k;
  }

  function rsaFromJwk(jwk) {
    const k = { n: b64uDecode(jwk.n), e: parseInt(b64uDecode(jwk.e), 16) };
    for (const f of ['d', 'p', 'q', 'dp', 'dq', 'qi']) if (jwk[f] !== undefined) k[f] = b64uDecode(jwk[f]);
    return k;
  }

  const subtle = {
    async digest(alg, data) {
      return toBuffer(native.digest(hashName(alg), bufHex(data, 'data')));
    },

    async generateKey(alg, extractable, usages) {
      alg = normAlg(alg);
      const name = algName(alg);
      switch (name) {
        case 'HMAC': {
          const hash = hashName(alg.hash);
          const length = alg.length || hashBlock[hash] * 8;
          return makeKey('secret', extractable, { name, hash: { name: hash }, length }, usages, { raw: native.random(length / 8) });
        }
        case 'AES-GCM': case 'AES-CBC': case 'AES-CTR': {
          if (![128, 192, 256].includes(alg.length)) throw new DOMException('AES key length must be 128, 192 or 256', 'OperationError');
          return makeKey('secret', extractable, { name, length: alg.length }, usages, { raw: native.random(alg.length / 8) });
        }
        case 'ECDSA': case 'ECDH': {
          const ec = native.ecGenerate(alg.namedCurve);
          const a = { name, namedCurve: alg.namedCurve };
          const pubUsages = name === 'ECDSA' ? usages.filter((u) => u === 'verify') : [];
          const privUsages = name === 'ECDSA' ? usages.filter((u) => u === 'sign') : usages.filter((u) => u === 'deriveBits' || u === 'deriveKey');
          return {
            publicKey: makeKey('public', true, a, pubUsages, { ec: { crv: ec.crv, x: ec.x, y: ec.y } }),
            privateKey: makeKey('private', extractable, a, privUsages, { ec }),
          };
        }
        case 'Ed25519': {
          const ed = native.edGenerate();
          return {
            publicKey: makeKey('public', true, { name }, usages.filter((u) => u === 'verify'), { okp: { x: ed.x } }),
            privateKey: makeKey('private', extractable, { name }, usages.filter((u) => u === 'sign'), { okp: ed }),
          };
        }
      }
      throw notSupported('generateKey for ' + name);
    },

    async importKey(format, data, alg, extractable, usages) {
      alg = normAlg(alg);
      const name = algName(alg);
      const a = { name };
      let type = 'secret', m;
      if (name === 'HMAC' || name.startsWith('AES-') || name === 'PBKDF2' || name === 'HKDF') {
        let raw;
        if (format === 'raw') raw = bufHex(data, 'keyData');
        else if (format === 'jwk') {
          if (data.kty !== 'oct') throw new DOMException('JWK kty must be oct', 'DataError');
          raw = b64uDecode(data.k);
        } else throw notSupported('key format ' + format + ' for ' + name);
        if (name === 'HMAC') {
          a.hash = { name: hashName(alg.hash) };
          a.length = alg.length || raw.length * 4;
        } else if (name.startsWith('AES-')) {
          if (![32, 48, 64].includes(raw.length)) throw new DOMException('AES key must be 16, 24 or 32 bytes', 'DataError');
          a.length = raw.length * 4;
        }
        m = { raw };
      } else if (name === 'ECDSA' || name === 'ECDH') {
        a.namedCurve = alg.namedCurve;
        if (format === 'raw') {
          const hex = bufHex(data, 'keyData');
          const size = { 'P-256': 32, 'P-384': 48, 'P-521': 66 }[alg.namedCurve];
          if (!size || hex.length !== 2 + 4 * size || !hex.startsWith('04')) throw new DOMException('raw EC keys must be uncompressed points', 'DataError');
          m = { ec: { crv: alg.namedCurve, x: hex.slice(2, 2 + 2 * size), y: hex.slice(2 + 2 * size) } };
          type = 'public';
        } else if (format === 'jwk') {
          m = { ec: ecFromJwk(data) };
          type = data.d !== undefined ? 'private' : 'public';
        } else if (format === 'spki' || format === 'pkcs8') {
          const k = native.importKeyDer(format, bufHex(data, 'keyData'));
          if (k.type !== 'EC') throw new DOMException('not an EC key', 'DataError');
          m = { ec: k.ec };
          type = k.private ? 'private' : 'public';
        } else throw notSupported('key format ' + format);
        if (m.ec.crv !== alg.namedCurve) throw new DOMException('the key is on ' + m.ec.crv + ', not ' + alg.namedCurve, 'DataError');
      } else if (name === 'RSASSA-PKCS1-v1_5' || name === 'RSA-PSS') {
        a.hash = { name: hashName(alg.hash) };
        if (format === 'jwk') {
          m = { rsa: rsaFromJwk(data) };
          type = data.d !== undefined ? 'private' : 'public';
        } else if (format === 'spki' || format === 'pkcs8') {
          const k = native.importKeyDer(format, bufHex(data, 'keyData'));
          if (k.type !== 'RSA') throw new DOMException('not an RSA key', 'DataError');
          m = { rsa: k.rsa };
          type = k.private ? 'private' : 'public';
        } else throw notSupported('key format ' + format + ' for ' + name);
        a.modulusLength = m.rsa.n.length * 4;
        a.publicExponent = fromHex(m.rsa.e.toString(16).padStart(6, '0'));
      } else if (name === 'Ed25519') {
        if (format === 'raw') {
          m = { okp: { x: bufHex(data, 'keyData') } };
          type = 'public';
        } else if (format === 'jwk') {
          m = { okp: { x: b64uDecode(data.x) } };
          if (data.d !== undefined) {
            m.okp.d = b64uDecode(data.d);
            type = 'private';
          } else type = 'public';
        } else if (format === 'spki' || format === 'pkcs8') {
          const k = native.importKeyDer(format, bufHex(data, 'keyData'));
          if (k.type !== 'OKP') throw new DOMException('not an Ed25519 key', 'DataError');
          m = { okp: k.okp };
          type = k.private ? 'private' : 'public';
        } else throw notSupported('key format ' + format);
      } else {
        throw notSupported('importKey for ' + name);
      }
      return makeKey(type, extractable, a, usages, m);
    },

    async exportKey(format, key) {
      if (!(key instanceof CryptoKey)) throw new TypeError('key must be a CryptoKey');
      if (!key.extractable) throw new DOMException('key is not extractable', 'InvalidAccessError');
      const m = keyData.get(key);
      if (m.raw !== undefined) {
        if (format === 'raw') return toBuffer(m.raw);
        if (format === 'jwk') return { kty: 'oct', k: b64uEncode(m.raw), ext: true, key_ops: [...key.usages] };
      }
      if (m.ec) {
        if (format === 'raw' && key.type === 'public') return toBuffer('04' + m.ec.x + m.ec.y);
        if (format === 'jwk') {
          const jwk = { kty: 'EC', crv: m.ec.crv, x: b64uEncode(m.ec.x), y: b64uEncode(m.ec.y), ext: true, key_ops: [...key.usages] };
          if (m.ec.d) jwk.d = b64uEncode(m.ec.d);
          return jwk;
        }
        if (format === 'spki' || format === 'pkcs8') return toBuffer(native.exportKeyDer(format, stringify({ type: 'EC', ec: m.ec })));
      }
      if (m.rsa) {
        if (format === 'jwk') {
          const jwk = { kty: 'RSA', n: b64uEncode(m.rsa.n), e: b64uEncode(m.rsa.e.toString(16).padStart(6, '0')), ext: true, key_ops: [...key.usages] };
          for (const f of ['d', 'p', 'q', 'dp', 'dq', 'qi']) if (m.rsa[f]) jwk[f] = b64uEncode(m.rsa[f]);
          return jwk;
        }
        if (format === 'spki' || format === 'pkcs8') return toBuffer(native.exportKeyDer(format, stringify({ type: 'RSA', rsa: m.rsa })));
      }
      if (m.okp) {
        if (format === 'raw' && key.type === 'public') return toBuffer(m.okp.x);
        if (format === 'jwk') {
          const jwk = { kty: 'OKP', crv: 'Ed25519', x: b64uEncode(m.okp.x), ext: true, key_ops: [...key.usages] };
          if (m.okp.d) jwk.d = b64uEncode(m.okp.d);
          return jwk;
        }
        if (format === 'spki' || format === 'pkcs8') return toBuffer(native.exportKeyDer(format, stringify({ type: 'OKP', okp: m.okp })));
      }
      throw notSupported('exporting this key as ' + format);
    },

    async sign(alg, key, data) {
      checkUsage(key, 'sign');
      alg = normAlg(alg);
      const m = keyData.get(key);
      const hex = bufHex(data, 'data');
      switch (algName(alg)) {
        case 'HMAC': return toBuffer(native.hmac(key.algorithm.hash.name, m.raw, hex));
        case 'ECDSA': return toBuffer(native.ecSign(stringify(m.ec), hashName(alg.hash), hex));
        case 'Ed25519': return toBuffer(native.edSign(m.okp.d, hex));
        case 'RSASSA-PKCS1-v1_5': return toBuffer(native.rsaSign(stringify(m.rsa), 'pkcs1', key.algorithm.hash.name, 0, hex));
        case 'RSA-PSS': return toBuffer(native.rsaSign(stringify(m.rsa), 'pss', key.algorithm.hash.name, alg.saltLength || 0, hex));
      }
      throw notSupported('sign with ' + algName(alg));
    },

    async verify(alg, key, signature, data) {
      checkUsage(key, 'verify');
      alg = normAlg(alg);
      const m = keyData.get(key);
      const sig = bufHex(signature, 'signature');
      const hex = bufHex(data, 'data');
      switch (algName(alg)) {
        case 'HMAC': return native.hmac(key.algorithm.hash.name, m.raw, hex, sig);
        case 'ECDSA': return native.ecVerify(stringify({ crv: m.ec.crv, x: m.ec.x, y: m.ec.y }), hashName(alg.hash), sig, hex);
        case 'Ed25519': return native.edVerify(m.okp.x, sig, hex);
        case 'RSASSA-PKCS1-v1_5': return native.rsaVerify(stringify({ n: m.rsa.n, e: m.rsa.e }), 'pkcs1', key.algorithm.hash.name, 0, sig, hex);
        case 'RSA-PSS': return native.rsaVerify(stringify({ n: m.rsa.n, e: m.rsa.e }), 'pss', key.algorithm.hash.name, alg.saltLength || 0, sig, hex);
      }
      throw notSupported('verify with ' + algName(alg));
    },

    async encrypt(alg, key, data) {
      checkUsage(key, 'encrypt');
      return aes('encrypt', normAlg(alg), key, data);
    },

    async decrypt(alg, key, data) {
      checkUsage(key, 'decrypt');
      return aes('decrypt', normAlg(alg), key, data);
    },

    async deriveBits(alg, key, length) {
      checkUsage(key, 'deriveBits');
      return deriveBits(normAlg(alg), key, length);
    },

    async deriveKey(alg, key, derivedAlg, extractable, usages) {
      checkUsage(key, 'deriveKey');
      derivedAlg = normAlg(derivedAlg);
      const length = derivedAlg.length || (algName(derivedAlg) === 'HMAC' ? hashBlock[hashName(derivedAlg.hash)] * 8 : 256);
      const bits = await deriveBits(normAlg(alg), key, length);
      return subtle.importKey('raw', bits, derivedAlg, extractable, usages);
    },

    async wrapKey() { throw notSupported('wrapKey'); },
    async unwrapKey() { throw notSupported('unwrapKey'); },
  };

  function aes(op, alg, key, data) {
    const m = keyData.get(key);
    const hex = bufHex(data, 'data');
    switch (algName(alg)) {
      case 'AES-GCM':
        return toBuffer(native.aesGcm(op, m.raw, bufHex(alg.iv, 'iv'), hex, alg.additionalData === undefined ? '' : bufHex(alg.additionalData, 'additionalData'), String(alg.tagLength || 128)));
      case 'AES-CBC':
        return toBuffer(native.aesCbc(op, m.raw, bufHex(alg.iv, 'iv'), hex));
      case 'AES-CTR':
        return toBuffer(native.aesCtr(m.raw, bufHex(alg.counter, 'counter'), String(alg.length), hex));
    }
    throw notSupported(op + ' with ' + algName(alg));
  }

  // HKDF and PBKDF2 are built from HMAC; ECDH is Go's.
  function hmacHex(hash, keyHex, dataHex) { return native.hmac(hash, keyHex, dataHex); }

  function deriveBits(alg, key, length) {
    const m = keyData.get(key);
    const name = algName(alg);
    if (length === null || length === undefined || length % 8 !== 0) throw new DOMException('length must be a multiple of 8', 'OperationError');
    const n = length / 8;
    if (name === 'ECDH') {
      const pub = keyData.get(alg.public);
      const secret = native.ecdh(stringify(m.ec), stringify({ crv: pub.ec.crv, x: pub.ec.x, y: pub.ec.y }));
      if (n * 2 > secret.length) throw new DOMException('length is longer than the shared secret', 'OperationError');
      return toBuffer(secret.slice(0, n * 2));
    }
    const hash = hashName(alg.hash);
    const hl = hashLen[hash];
    if (!hl) throw notSupported('hash ' + hash);
    if (name === 'HKDF') {
      const salt = alg.salt === undefined ? '' : bufHex(alg.salt, 'salt');
      const prk = hmacHex(hash, salt === '' ? '00'.repeat(hl) : salt, m.raw);
      const info = alg.info === undefined ? '' : bufHex(alg.info, 'info');
      if (n > 255 * hl) throw new DOMException('HKDF length too long', 'OperationError');
      let out = '', t = '';
      for (let i = 1; out.length < n * 2; i++) {
        t = hmacHex(hash, prk, t + info + (i < 16 ? '0' : '') + i.toString(16));
        out += t;
      }
      return toBuffer(out.slice(0, n * 2));
    }
    if (name === 'PBKDF2') {
      const salt = bufHex(alg.salt, 'salt');
      const iterations = Number(alg.iterations);
      if (!(iterations >= 1 && iterations <= 1e6)) throw new DOMException('PBKDF2 iterations must be 1 to 1000000', 'OperationError');
      let out = '';
      for (let block = 1; out.length < n * 2; block++) {
        let u = hmacHex(hash, m.raw, salt + block.toString(16).padStart(8, '0'));
        const acc = fromHex(u);
        for (let i = 1; i < iterations; i++) {
          u = hmacHex(hash, m.raw, u);
          const ub = fromHex(u);
          for (let j = 0; j < acc.length; j++) acc[j] ^= ub[j];
        }
        out += toHex(acc);
      }
      return toBuffer(out.slice(0, n * 2));
    }
    throw notSupported('deriveBits with ' + name);
  }

  Object.freeze(subtle);

  return { URL, URLSearchParams, structuredClone, Blob, File, Event, EventTarget, AbortController, AbortSignal, CryptoKey, subtle };
})
