// The `jwt` global of Lit's runtime: decode, verify and sign as the npm package jsonwebtoken
// (v9) offers them, written here for litmesh. HMAC, RSA (PKCS#1 v1.5 and PSS) and ECDSA
// signatures are Go code in the worker; keys are secrets (strings or bytes) or PEM strings.
// Loaded on first use in an execution.
(function (shared) {
  'use strict';
  const { native, toHex, fromHex, bytes, utf8Encode, utf8Decode, b64encode, b64decode, B64URL } = shared;
  const stringify = JSON.stringify;

  class JsonWebTokenError extends Error {
    constructor(message, inner) {
      super(message);
      this.name = 'JsonWebTokenError';
      if (inner) this.inner = inner;
    }
  }
  class TokenExpiredError extends JsonWebTokenError {
    constructor(message, expiredAt) {
      super(message);
      this.name = 'TokenExpiredError';
      this.expiredAt = expiredAt;
    }
  }
  class NotBeforeError extends JsonWebTokenError {
    constructor(message, date) {
      super(message);
      this.name = 'NotBeforeError';
      this.date = date;
    }
  }

  const b64u = (u8) => b64encode(u8, B64URL, false);
  const unb64u = (s) => b64decode(String(s).replace(/\+/g, '-').replace(/\//g, '_'), B64URL);

  // timespan reads expiresIn / notBefore / maxAge: a number of seconds, or a string such as
  // "2 days", "10h", "7d" (a bare number in a string is milliseconds, as the ms package reads it).
  function timespan(v, now) {
    if (typeof v === 'number') return now + v;
    if (typeof v !== 'string') return undefined;
    const m = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(v.trim());
    if (!m) return undefined;
    const n = parseFloat(m[1]);
    const unit = (m[2] || 'ms').toLowerCase();
    const mult = unit.startsWith('y') ? 31557600000 : unit.startsWith('w') ? 604800000 : unit.startsWith('d') ? 86400000
      : unit.startsWith('h') ? 3600000 : unit === 'm' || unit.startsWith('min') ? 60000
        : unit === 's' || unit.startsWith('sec') ? 1000 : 1;
    return Math.floor(now + (n * mult) / 1000);
  }

  const hmacAlgs = ['HS256', 'HS384', 'HS512'];
  const rsaAlgs = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
  const ecAlgs = ['ES256', 'ES384', 'ES512'];
  const hashOf = (alg) => 'SHA-' + alg.slice(2);
  const curveOf = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };

  // key turns what jsonwebtoken accepts into {secret: hex} or {pem: parsed key}.
  function key(k) {
    if (k && typeof k === 'object' && !ArrayBuffer.isView(k) && !(k instanceof ArrayBuffer) && k.key !== undefined) {
      if (k.passphrase) throw new JsonWebTokenError('encrypted private keys are not supported');
      k = k.key;
    }
    if (typeof k === 'string') {
      if (k.includes('-----BEGIN')) return { pem: native.pemKey(k) };
      return { secret: toHex(utf8Encode(k)) };
    }
    if (ArrayBuffer.isView(k) || k instanceof ArrayBuffer) return { secret: toHex(bytes(k, 'key')) };
    return null;
  }

  function signWith(alg, k, input) {
    const hex = toHex(utf8Encode(input));
    if (hmacAlgs.includes(alg)) {
      if (k.secret === undefined) throw new Error('secretOrPrivateKey must be a symmetric key when using ' + alg);
      return fromHex(native.hmac(hashOf(alg), k.secret, hex));
    }
    if (!k.pem || !k.pem.private) throw new Error('secretOrPrivateKey must be an asymmetric key when using ' + alg);
    if (rsaAlgs.includes(alg)) {
      if (k.pem.type !== 'RSA') throw new Error('"alg" parameter for "' + k.pem.type.toLowerCase() + '" key type must be one of: ' + ecAlgs.join(', '));
      return fromHex(native.rsaSign(stringify(k.pem.rsa), alg[0] === 'P' ? 'pss' : 'pkcs1', hashOf(alg), alg[0] === 'P' ? Number(alg.slice(2)) / 8 : 0, hex));
    }
    if (ecAlgs.includes(alg)) {
      if (k.pem.type !== 'EC' || k.pem.ec.crv !== curveOf[alg]) throw new Error('"alg" parameter "' + alg + '" requires curve "' + curveOf[alg] + '".');
      return fromHex(native.ecSign(stringify(k.pem.ec), hashOf(alg), hex));
    }
    throw new Error('"algorithm" must be a valid string enum value');
  }

  function verifyWith(alg, k, input, sig) {
    const hex = toHex(utf8Encode(input));
    const sigHex = toHex(sig);
    if (hmacAlgs.includes(alg)) return k.secret !== undefined && native.hmac(hashOf(alg), k.secret, hex, sigHex);
    if (!k.pem) return false;
    if (rsaAlgs.includes(alg) && k.pem.type === 'RSA') {
      return native.rsaVerify(stringify({ n: k.pem.rsa.n, e: k.pem.rsa.e }), alg[0] === 'P' ? 'pss' : 'pkcs1', hashOf(alg), 0, sigHex, hex);
    }
    if (ecAlgs.includes(alg) && k.pem.type === 'EC' && k.pem.ec.crv === curveOf[alg]) {
      return native.ecVerify(stringify({ crv: k.pem.ec.crv, x: k.pem.ec.x, y: k.pem.ec.y }), hashOf(alg), sigHex, hex);
    }
    return false;
  }

  // withCallback runs fn, handing its result or error to callback when one is given (as
  // jsonwebtoken does, asynchronously), else returning or throwing.
  function withCallback(callback, fn) {
    if (typeof callback !== 'function') return fn();
    let result, error = null;
    try {
      result = fn();
    } catch (e) {
      error = e;
    }
    Promise.resolve().then(() => (error ? callback(error) : callback(null, result)));
    return undefined;
  }

  function decode(token, options) {
    options = options || {};
    if (typeof token !== 'string') return null;
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    let header, payload;
    try {
      header = JSON.parse(utf8Decode(unb64u(parts[0])));
      const text = utf8Decode(unb64u(parts[1]));
      payload = text;
      if (options.json || text.trim().startsWith('{')) payload = JSON.parse(text);
    } catch (e) {
      return null;
    }
    if (header === null || typeof header !== 'object') return null;
    if (options.complete) return { header, payload, signature: parts[2] };
    return payload;
  }

  function sign(payload, secretOrPrivateKey, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    options = options || {};
    return withCallback(callback, () => {
      const alg = options.algorithm || 'HS256';
      if (![...hmacAlgs, ...rsaAlgs, ...ecAlgs, 'none'].includes(alg)) throw new Error('"algorithm" must be a valid string enum value');
      if (!secretOrPrivateKey && alg !== 'none') throw new Error('secretOrPrivateKey must have a value');
      const isObject = payload !== null && typeof payload === 'object' && !ArrayBuffer.isView(payload);
      if (!isObject && (options.expiresIn !== undefined || options.notBefore !== undefined)) {
        throw new Error('invalid ' + (options.expiresIn !== undefined ? 'expiresIn' : 'notBefore') + ' option for string payload');
      }
      const header = { alg, typ: isObject ? 'JWT' : undefined, kid: options.keyid, ...(options.header || {}) };
      let body;
      if (isObject) {
        const claims = { ...payload };
        const now = Math.floor((options.clockTimestamp ? options.clockTimestamp * 1000 : Date.now()) / 1000);
        if (!options.noTimestamp && claims.iat === undefined) claims.iat = now;
        const iat = typeof claims.iat === 'number' ? claims.iat : now;
        if (options.notBefore !== undefined) {
          if (claims.nbf !== undefined) throw new Error('Bad "options.notBefore" option the payload already has an "nbf" property.');
          claims.nbf = timespan(options.notBefore, iat);
          if (claims.nbf === undefined) throw new Error('"notBefore" should be a number of seconds or string representing a timespan eg: "1d", "20h", 60');
        }
        if (options.expiresIn !== undefined) {
          if (claims.exp !== undefined) throw new Error('Bad "options.expiresIn" option the payload already has an "exp" property.');
          claims.exp = timespan(options.expiresIn, iat);
          if (claims.exp === undefined) throw new Error('"expiresIn" should be a number of seconds or string representing a timespan eg: "1d", "20h", 60');
        }
        for (const [opt, claim] of [['audience', 'aud'], ['issuer', 'iss'], ['subject', 'sub'], ['jwtid', 'jti']]) {
          if (options[opt] !== undefined) {
            if (claims[claim] !== undefined) throw new Error('Bad "options.' + opt + '" option. The payload already has an "' + claim + '" property.');
            claims[claim] = options[opt];
          }
        }
        body = stringify(claims);
      } else {
        body = typeof payload === 'string' ? payload : utf8Decode(bytes(payload, 'payload'));
      }
      const input = b64u(utf8Encode(stringify(header))) + '.' + b64u(utf8Encode(body));
      if (alg === 'none') return input + '.';
      const k = key(secretOrPrivateKey);
      if (!k) throw new Error('secretOrPrivateKey must be a string, bytes or a PEM key');
      return input + '.' + b64u(signWith(alg, k, input));
    });
  }

  function verify(token, secretOrPublicKey, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    options = options || {};
    return withCallback(callback, () => {
      if (!token) throw new JsonWebTokenError('jwt must be provided');
      if (typeof token !== 'string') throw new JsonWebTokenError('jwt must be a string');
      const parts = token.split('.');
      if (parts.length !== 3) throw new JsonWebTokenError('jwt malformed');
      const decoded = decode(token, { complete: true });
      if (!decoded) throw new JsonWebTokenError('invalid token');
      const { header, payload } = decoded;
      const hasSig = parts[2].trim() !== '';
      if (!hasSig && secretOrPublicKey) throw new JsonWebTokenError('jwt signature is required');
      if (hasSig && !secretOrPublicKey) throw new JsonWebTokenError('secret or public key must be provided');
      const k = secretOrPublicKey ? key(secretOrPublicKey) : null;
      let algorithms = options.algorithms;
      if (!algorithms) {
        if (!k) algorithms = ['none'];
        else if (k.pem) algorithms = k.pem.type === 'RSA' ? rsaAlgs : k.pem.type === 'EC' ? ecAlgs : [];
        else algorithms = hmacAlgs;
      }
      if (!algorithms.includes(header.alg)) throw new JsonWebTokenError('invalid algorithm');
      if (header.alg !== 'none') {
        let ok = false;
        try {
          ok = verifyWith(header.alg, k, parts[0] + '.' + parts[1], unb64u(parts[2]));
        } catch (e) {
          ok = false;
        }
        if (!ok) throw new JsonWebTokenError('invalid signature');
      }
      const now = options.clockTimestamp || Math.floor(Date.now() / 1000);
      const tolerance = options.clockTolerance || 0;
      if (payload !== null && typeof payload === 'object') {
        if (payload.nbf !== undefined && !options.ignoreNotBefore) {
          if (typeof payload.nbf !== 'number') throw new JsonWebTokenError('invalid nbf value');
          if (payload.nbf > now + tolerance) throw new NotBeforeError('jwt not active', new Date(payload.nbf * 1000));
        }
        if (payload.exp !== undefined && !options.ignoreExpiration) {
          if (typeof payload.exp !== 'number') throw new JsonWebTokenError('invalid exp value');
          if (now >= payload.exp + tolerance) throw new TokenExpiredError('jwt expired', new Date(payload.exp * 1000));
        }
        if (options.audience) {
          const want = Array.isArray(options.audience) ? options.audience : [options.audience];
          const got = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
          const match = got.some((a) => want.some((w) => (w instanceof RegExp ? w.test(a) : w === a)));
          if (!match) throw new JsonWebTokenError('jwt audience invalid. expected: ' + want.join(' or '));
        }
        if (options.issuer) {
          const want = Array.isArray(options.issuer) ? options.issuer : [options.issuer];
          if (!want.includes(payload.iss)) throw new JsonWebTokenError('jwt issuer invalid. expected: ' + want.join(','));
        }
        if (options.subject && payload.sub !== options.subject) throw new JsonWebTokenError('jwt subject invalid. expected: ' + options.subject);
        if (options.jwtid && payload.jti !== options.jwtid) throw new JsonWebTokenError('jwt jwtid invalid. expected: ' + options.jwtid);
        if (options.nonce && payload.nonce !== options.nonce) throw new JsonWebTokenError('jwt nonce invalid. expected: ' + options.nonce);
        if (options.maxAge !== undefined) {
          if (typeof payload.iat !== 'number') throw new JsonWebTokenError('iat required when maxAge is specified');
          const max = timespan(options.maxAge, payload.iat);
          if (max === undefined) throw new Error('"maxAge" should be a number of seconds or string representing a timespan eg: "1d", "20h", 60');
          if (now >= max + tolerance) throw new TokenExpiredError('maxAge exceeded', new Date(max * 1000));
        }
      }
      if (options.complete) return { header, payload, signature: decoded.signature };
      return payload;
    });
  }

  return Object.freeze({ decode, verify, sign, JsonWebTokenError, TokenExpiredError, NotBeforeError });
})
