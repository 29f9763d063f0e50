// The byte/string encodings of Lit.Actions.uint8arrayToString and uint8arrayFromString: every
// encoding of the npm package uint8arrays that Lit re-exports (its multiformats bases plus
// utf8, hex, latin1, ascii, binary), written here from the multibase specification. Loaded on
// first use in an execution.
(function (shared) {
  'use strict';
  const { utf8Encode, utf8Decode } = shared;

  function input(a) {
    if (a instanceof Uint8Array) return a;
    if (ArrayBuffer.isView(a)) return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    if (a instanceof ArrayBuffer || Array.isArray(a)) return new Uint8Array(a);
    throw new TypeError('Expected Uint8Array');
  }

  // RFC 4648 bit packing (base2, base8, base16, base32*, base64*): an alphabet ending in "="
  // pads the output to whole quanta; decoding ignores trailing "=".
  function rfc4648(name, alphabet, bits) {
    const pad = alphabet.endsWith('=');
    const chars = pad ? alphabet.slice(0, -1) : alphabet;
    const table = new Map();
    for (let i = 0; i < chars.length; i++) table.set(chars[i], i);
    const mask = (1 << bits) - 1;
    return {
      encode(u8) {
        let out = '', buf = 0, n = 0;
        for (let i = 0; i < u8.length; i++) {
          buf = ((buf << 8) | u8[i]) & 0xffffff;
          n += 8;
          while (n > bits) {
            n -= bits;
            out += chars[mask & (buf >> n)];
          }
        }
        if (n) out += chars[mask & (buf << (bits - n))];
        if (pad) while ((out.length * bits) & 7) out += '=';
        return out;
      },
      decode(s) {
        let end = s.length;
        while (s[end - 1] === '=') end--;
        const out = new Uint8Array(((end * bits) / 8) | 0);
        let buf = 0, n = 0, j = 0;
        for (let i = 0; i < end; i++) {
          const v = table.get(s[i]);
          if (v === undefined) throw new SyntaxError('Non-' + name + ' character');
          buf = ((buf << bits) | v) & 0xffffff;
          n += bits;
          if (n >= 8) {
            n -= 8;
            out[j++] = 255 & (buf >> n);
          }
        }
        if (n >= bits || (255 & (buf << (8 - n)))) throw new SyntaxError('Unexpected end of data');
        return out;
      },
    };
  }

  // Big-number bases (base10, base36, base58): leading zero bytes become leading zero digits.
  function baseX(name, alphabet) {
    const base = BigInt(alphabet.length);
    const table = new Map();
    for (let i = 0; i < alphabet.length; i++) table.set(alphabet[i], BigInt(i));
    return {
      encode(u8) {
        let zeros = 0;
        while (zeros < u8.length && u8[zeros] === 0) zeros++;
        let n = 0n;
        for (let i = zeros; i < u8.length; i++) n = (n << 8n) | BigInt(u8[i]);
        let out = '';
        while (n > 0n) {
          out = alphabet[Number(n % base)] + out;
          n /= base;
        }
        return alphabet[0].repeat(zeros) + out;
      },
      decode(s) {
        let zeros = 0;
        while (zeros < s.length && s[zeros] === alphabet[0]) zeros++;
        let n = 0n;
        for (let i = zeros; i < s.length; i++) {
          const v = table.get(s[i]);
          if (v === undefined) throw new Error('Non-' + name + ' character');
          n = n * base + v;
        }
        const digits = [];
        while (n > 0n) {
          digits.push(Number(n & 255n));
          n >>= 8n;
        }
        const out = new Uint8Array(zeros + digits.length);
        for (let i = 0; i < digits.length; i++) out[out.length - 1 - i] = digits[i];
        return out;
      },
    };
  }

  // base256emoji: one emoji per byte, the multibase table.
  const EMOJI = ('1f680,1fa90,2604,1f6f0,1f30c,1f311,1f312,1f313,1f314,1f315,1f316,1f317,1f318,1f30d,1f30f,1f30e,1f409,2600,' +
    '1f4bb,1f5a5,1f4be,1f4bf,1f602,2764,1f60d,1f923,1f60a,1f64f,1f495,1f62d,1f618,1f44d,1f605,1f44f,1f601,1f525,1f970,1f494,' +
    '1f496,1f499,1f622,1f914,1f606,1f644,1f4aa,1f609,263a,1f44c,1f917,1f49c,1f614,1f60e,1f607,1f339,1f926,1f389,1f49e,270c,' +
    '2728,1f937,1f631,1f60c,1f338,1f64c,1f60b,1f497,1f49a,1f60f,1f49b,1f642,1f493,1f929,1f604,1f600,1f5a4,1f603,1f4af,1f648,' +
    '1f447,1f3b6,1f612,1f92d,2763,1f61c,1f48b,1f440,1f62a,1f611,1f4a5,1f64b,1f61e,1f629,1f621,1f92a,1f44a,1f973,1f625,1f924,' +
    '1f449,1f483,1f633,270b,1f61a,1f61d,1f634,1f31f,1f62c,1f643,1f340,1f337,1f63b,1f613,2b50,2705,1f97a,1f308,1f608,1f918,' +
    '1f4a6,2714,1f623,1f3c3,1f490,2639,1f38a,1f498,1f620,261d,1f615,1f33a,1f382,1f33b,1f610,1f595,1f49d,1f64a,1f639,1f5e3,' +
    '1f4ab,1f480,1f451,1f3b5,1f91e,1f61b,1f534,1f624,1f33c,1f62b,26bd,1f919,2615,1f3c6,1f92b,1f448,1f62e,1f646,1f37b,1f343,' +
    '1f436,1f481,1f632,1f33f,1f9e1,1f381,26a1,1f31e,1f388,274c,270a,1f44b,1f630,1f928,1f636,1f91d,1f6b6,1f4b0,1f353,1f4a2,' +
    '1f91f,1f641,1f6a8,1f4a8,1f92c,2708,1f380,1f37a,1f913,1f619,1f49f,1f331,1f616,1f476,1f974,25b6,27a1,2753,1f48e,1f4b8,' +
    '2b07,1f628,1f31a,1f98b,1f637,1f57a,26a0,1f645,1f61f,1f635,1f44e,1f932,1f920,1f927,1f4cc,1f535,1f485,1f9d0,1f43e,1f352,' +
    '1f617,1f911,1f30a,1f92f,1f437,260e,1f4a7,1f62f,1f486,1f446,1f3a4,1f647,1f351,2744,1f334,1f4a3,1f438,1f48c,1f4cd,1f940,' +
    '1f922,1f445,1f4a1,1f4a9,1f450,1f4f8,1f47b,1f910,1f92e,1f3bc,1f975,1f6a9,1f34e,1f34a,1f47c,1f48d,1f4e3,1f942')
    .split(',').map((h) => String.fromCodePoint(parseInt(h, 16)));
  const emojiIndex = new Map(EMOJI.map((e, i) => [e.codePointAt(0), i]));
  const base256emoji = {
    encode: (u8) => Array.from(u8, (b) => EMOJI[b]).join(''),
    decode(s) {
      const out = [];
      for (const ch of s) {
        const i = emojiIndex.get(ch.codePointAt(0));
        if (i === undefined) throw new Error('Non-base256emoji character: ' + ch);
        out.push(i);
      }
      return new Uint8Array(out);
    },
  };

  const text = { encode: (u8) => utf8Decode(u8), decode: (s) => utf8Encode(s) };
  const latin1 = {
    encode(u8) {
      let s = '';
      for (let i = 0; i < u8.length; i++) s += String.fromCharCode(u8[i]);
      return s;
    },
    decode(s) {
      const out = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
      return out;
    },
  };

  const lower32 = 'abcdefghijklmnopqrstuvwxyz234567';
  const hex32 = '0123456789abcdefghijklmnopqrstuv';
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const b64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bases = {
    identity: text,
    base2: rfc4648('base2', '01', 1),
    base8: rfc4648('base8', '01234567', 3),
    base10: baseX('base10', '0123456789'),
    base16: rfc4648('base16', '0123456789abcdef', 4),
    base16upper: rfc4648('base16upper', '0123456789ABCDEF', 4),
    base32: rfc4648('base32', lower32, 5),
    base32upper: rfc4648('base32upper', lower32.toUpperCase(), 5),
    base32pad: rfc4648('base32pad', lower32 + '=', 5),
    base32padupper: rfc4648('base32padupper', lower32.toUpperCase() + '=', 5),
    base32hex: rfc4648('base32hex', hex32, 5),
    base32hexupper: rfc4648('base32hexupper', hex32.toUpperCase(), 5),
    base32hexpad: rfc4648('base32hexpad', hex32 + '=', 5),
    base32hexpadupper: rfc4648('base32hexpadupper', hex32.toUpperCase() + '=', 5),
    base32z: rfc4648('base32z', 'ybndrfg8ejkmcpqxot1uwisza345h769', 5),
    base36: baseX('base36', '0123456789abcdefghijklmnopqrstuvwxyz'),
    base36upper: baseX('base36upper', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    base58btc: baseX('base58btc', '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'),
    base58flickr: baseX('base58flickr', '123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ'),
    base64: rfc4648('base64', b64, 6),
    base64pad: rfc4648('base64pad', b64 + '=', 6),
    base64url: rfc4648('base64url', b64url, 6),
    base64urlpad: rfc4648('base64urlpad', b64url + '=', 6),
    base256emoji,
  };
  const encodings = { utf8: text, 'utf-8': text, hex: bases.base16, latin1, ascii: latin1, binary: latin1, ...bases };

  function codec(encoding) {
    const c = Object.prototype.hasOwnProperty.call(encodings, encoding) ? encodings[encoding] : undefined;
    if (!c) throw new Error('Unsupported encoding "' + encoding + '"');
    return c;
  }

  return Object.freeze({
    toString(array, encoding = 'utf8') {
      return codec(encoding).encode(input(array));
    },
    fromString(string, encoding = 'utf8') {
      return codec(encoding).decode(String(string));
    },
    names: Object.freeze(Object.keys(encodings)),
  });
})
