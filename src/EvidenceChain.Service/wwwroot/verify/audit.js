// src/verify-page/verifier/bytes.ts
function bytesEqual(a2, b2) {
  if (a2.length !== b2.length) return false;
  let difference = 0;
  for (let i = 0; i < a2.length; i++) difference |= a2[i] ^ b2[i];
  return difference === 0;
}
function toHex(bytes) {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}
var base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function fromBase64(text2) {
  if (!base64Pattern.test(text2)) return null;
  const binary = atob(text2);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return toBase64(out) === text2 ? out : null;
}
function toBase64(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
var utf8Encoder = new TextEncoder();
var strictUtf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function utf8(text2) {
  return utf8Encoder.encode(text2);
}
function decodeUtf8(bytes) {
  try {
    return strictUtf8Decoder.decode(bytes);
  } catch {
    return null;
  }
}
function u16(value) {
  return new Uint8Array([value >>> 8 & 255, value & 255]);
}
function bigIntFromBytes(bytes) {
  let value = 0n;
  for (const byte of bytes) value = value << 8n | BigInt(byte);
  return value;
}
function bytesFromBigInt(value, length) {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return out;
}
function parseDecimal(text2) {
  return /^(?:0|[1-9][0-9]*)$/.test(text2) ? BigInt(text2) : null;
}
function ownBuffer(bytes) {
  return new Uint8Array(bytes);
}

// src/verify-page/verifier/failures.ts
function success(value) {
  return { ok: true, value };
}
function failure(name2, detail) {
  return { ok: false, failure: { name: name2, detail } };
}
var failureSentences = {
  IndexOutOfRange: { zh: "\u8BC1\u660E\u4E2D\u7684\u53F6\u5B50\u5E8F\u53F7\u8D85\u51FA\u4E86\u6811\u7684\u5927\u5C0F\u3002", en: "The proof names a leaf beyond the tree." },
  WrongProofLength: { zh: "\u8BC1\u660E\u7684\u54C8\u5E0C\u4E2A\u6570\u4E0E\u6811\u7684\u5F62\u72B6\u4E0D\u7B26\u3002", en: "The proof has the wrong number of hashes for the tree." },
  RootMismatch: { zh: "\u7531\u8BC1\u660E\u7B97\u51FA\u7684\u6811\u6839\u4E0E\u7B7E\u540D\u68C0\u67E5\u70B9\u7684\u6811\u6839\u4E0D\u4E00\u81F4\u3002", en: "The proof does not lead to the signed root." },
  SizeDecreased: { zh: "\u540E\u4E00\u68F5\u6811\u6BD4\u524D\u4E00\u68F5\u5C0F\uFF0C\u65E5\u5FD7\u4E0D\u53EF\u80FD\u7F29\u5C0F\u3002", en: "The later tree is smaller than the earlier one: a log never shrinks." },
  EmptyTreeHasNoProof: { zh: "\u7A7A\u6811\u6CA1\u6709\u4E00\u81F4\u6027\u8BC1\u660E\u3002", en: "An empty tree has no consistency proof." },
  MalformedNote: { zh: "\u7B7E\u540D\u8BB0\u5F55\u7684\u683C\u5F0F\u4E0D\u6B63\u786E\u3002", en: "The signed note is malformed." },
  NoTrustedSignature: { zh: "\u68C0\u67E5\u70B9\u6CA1\u6709\u53D7\u4FE1\u4EFB\u516C\u8BC1\u5BC6\u94A5\u7684\u7B7E\u540D\u3002", en: "The checkpoint is not signed by the trusted notary keys." },
  BadSignature: { zh: "\u53D7\u4FE1\u4EFB\u5BC6\u94A5\u7684\u7B7E\u540D\u9A8C\u8BC1\u5931\u8D25\u3002", en: "A signature by a trusted key does not verify." },
  OriginMismatch: { zh: "\u68C0\u67E5\u70B9\u5C5E\u4E8E\u53E6\u4E00\u4E2A\u65E5\u5FD7\u3002", en: "The checkpoint belongs to another log." },
  MalformedCheckpoint: { zh: "\u68C0\u67E5\u70B9\u7684\u6B63\u6587\u683C\u5F0F\u4E0D\u6B63\u786E\u3002", en: "The checkpoint text is malformed." },
  TreeHashMismatch: { zh: "\u65E5\u5FD7\u7684\u6811\u54C8\u5E0C\u7B97\u6CD5\u4E0E\u9884\u671F\u4E0D\u7B26\u3002", en: "The log's tree hash is not the one expected." },
  MalformedPromise: { zh: "\u516C\u8BC1\u627F\u8BFA\u7684\u683C\u5F0F\u4E0D\u6B63\u786E\u3002", en: "The notary's promise is malformed." },
  MalformedReceipt: { zh: "\u56DE\u6267\u6587\u4EF6\u7684\u683C\u5F0F\u4E0D\u6B63\u786E\u3002", en: "The receipt file is malformed." },
  UnsupportedVersion: { zh: "\u56DE\u6267\u7684\u683C\u5F0F\u7248\u672C\u4E0D\u53D7\u652F\u6301\u3002", en: "The receipt format version is not supported." },
  UnexpectedLeafType: { zh: "\u65E5\u5FD7\u53F6\u5B50\u4E0D\u662F\u5B58\u8BC1\u53F6\u5B50\u3002", en: "The log leaf is not a deposit leaf." },
  MalformedLeaf: { zh: "\u65E5\u5FD7\u53F6\u5B50\u7684\u7F16\u7801\u4E0D\u6B63\u786E\u3002", en: "The log leaf is malformed." },
  CommitmentMismatch: { zh: "\u6587\u4EF6\u4E0E\u76D0\u503C\u7B97\u51FA\u7684\u627F\u8BFA\u4E0E\u65E5\u5FD7\u8BB0\u5F55\u4E0D\u4E00\u81F4\uFF1A\u4E0D\u662F\u5B58\u8BC1\u7684\u5185\u5BB9\u3002", en: "The file and salt do not give the committed units roots: this is not the deposited content." },
  PartyCommitmentMismatch: { zh: "\u5B58\u8BC1\u4EBA\u8EAB\u4EFD\u627F\u8BFA\u4E0E\u65E5\u5FD7\u8BB0\u5F55\u4E0D\u4E00\u81F4\u3002", en: "The depositor opening does not match the leaf's party commitments." },
  MalformedSaltFile: { zh: "\u76D0\u503C\u6587\u4EF6\u7684\u683C\u5F0F\u4E0D\u6B63\u786E\u3002", en: "The salt file is malformed." },
  UnitCountMismatch: { zh: "\u5B58\u8BC1\u5355\u5143\u7684\u4E2A\u6570\u4E0E\u65E5\u5FD7\u8BB0\u5F55\u4E0D\u4E00\u81F4\u3002", en: "The number of units differs from the leaf." },
  AnchorOfAnotherLog: { zh: "\u533A\u5757\u94FE\u951A\u5B9A\u5C5E\u4E8E\u53E6\u4E00\u4E2A\u65E5\u5FD7\u3002", en: "The chain anchor is of another log." },
  AnchorInconsistent: { zh: "\u951A\u5B9A\u7684\u68C0\u67E5\u70B9\u4E0E\u56DE\u6267\u7684\u68C0\u67E5\u70B9\u4E0D\u4E00\u81F4\u3002", en: "The anchored checkpoint does not extend the receipt's." },
  AnchorProofInvalid: { zh: "\u533A\u5757\u94FE\u951A\u5B9A\u7684\u533A\u5757\u6216\u6536\u636E\u8BC1\u660E\u4E0D\u6210\u7ACB\u3002", en: "The anchor's block header or receipt proof does not hold." },
  TimestampCheckpointInvalid: { zh: "\u65F6\u95F4\u6233\u6240\u76D6\u7684\u68C0\u67E5\u70B9\u9A8C\u8BC1\u5931\u8D25\u6216\u5C5E\u4E8E\u53E6\u4E00\u4E2A\u65E5\u5FD7\u3002", en: "The checkpoint a timestamp carries does not verify, or is of another log." },
  TimestampInconsistent: { zh: "\u65F6\u95F4\u6233\u6240\u76D6\u7684\u68C0\u67E5\u70B9\u4E0E\u56DE\u6267\u7684\u68C0\u67E5\u70B9\u4E0D\u4E00\u81F4\u3002", en: "The stamped checkpoint does not extend or precede the receipt's." },
  TimestampUntrustedTsa: { zh: "\u65F6\u95F4\u6233\u673A\u6784\u4E0D\u5728\u53D7\u4FE1\u4EFB\u7684\u6839\u8BC1\u4E66\u4E4B\u4E0B\u3002", en: "The timestamp authority does not chain to a trusted root." },
  TimestampImprintMismatch: { zh: "\u65F6\u95F4\u6233\u6240\u8BC1\u660E\u7684\u4E0D\u662F\u8BE5\u68C0\u67E5\u70B9\u3002", en: "The timestamp token dates something other than the stamped checkpoint." },
  TimestampTokenInvalid: { zh: "\u65F6\u95F4\u6233\u4EE4\u724C\u65E0\u6548\u3002", en: "The timestamp token is invalid." },
  MalformedKeyStatement: { zh: "\u5BC6\u94A5\u58F0\u660E\u7684\u683C\u5F0F\u4E0D\u6B63\u786E\u3002", en: "The key statement is malformed." }
};

// node_modules/@noble/hashes/utils.js
function isBytes(a2) {
  return a2 instanceof Uint8Array || ArrayBuffer.isView(a2) && a2.constructor.name === "Uint8Array" && "BYTES_PER_ELEMENT" in a2 && a2.BYTES_PER_ELEMENT === 1;
}
var atitle = (title) => title ? `"${title}" ` : "";
function anumber(n2, title = "") {
  if (typeof n2 !== "number")
    throw new TypeError(atitle(title) + "expected number, got " + typeof n2);
  if (!Number.isSafeInteger(n2) || n2 < 0)
    throw new RangeError(atitle(title) + "expected integer >= 0, got " + n2);
  return n2;
}
function abool(value, title = "") {
  if (typeof value !== "boolean")
    throw new TypeError(atitle(title) + "expected boolean, got type=" + typeof value);
  return value;
}
function abytes(value, length, title = "") {
  if (isBytes(value) && (length === void 0 || value.length === length))
    return value;
  if (length !== void 0)
    anumber(length, "length");
  const bytes = isBytes(value);
  const ofLen = length !== void 0 ? ` of length ${length}` : "";
  const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
  const message = atitle(title) + "expected Uint8Array" + ofLen + ", got " + got;
  if (!bytes)
    throw new TypeError(message);
  throw new RangeError(message);
}
var aobject = (value, label) => {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new TypeError((label === "object" ? "" : `"${label}" `) + "expected object, got type=" + typeof value);
};
var aopts = (value, label) => {
  aobject(value, label);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new TypeError(`"${label}" expected plain object`);
  if (Object.hasOwn(value, "__proto__"))
    throw new TypeError(`"${label}.__proto__" is not allowed`);
};
function aexists(instance, checkFinished = true) {
  if (instance.destroyed)
    throw new Error("hash was destroyed");
  if (checkFinished && instance.finished)
    throw new Error("digest() was already called");
}
function aoutput(out, instance) {
  abytes(out, void 0, "output");
  const min = instance.outputLen;
  if (!(out.length >= min)) {
    throw new RangeError('"output" expected length >= ' + min);
  }
}
function u32(arr) {
  return new Uint32Array(arr.buffer, arr.byteOffset, Math.floor(arr.byteLength / 4));
}
function clean(...arrays) {
  for (let i = 0; i < arrays.length; i++) {
    arrays[i].fill(0);
  }
}
var isLE = /* @__PURE__ */ (() => new Uint8Array(new Uint32Array([287454020]).buffer)[0] === 68)();
function byteSwap(word) {
  return word << 24 & 4278190080 | word << 8 & 16711680 | word >>> 8 & 65280 | word >>> 24 & 255;
}
function byteSwap32(arr) {
  for (let i = 0; i < arr.length; i++) {
    arr[i] = byteSwap(arr[i]);
  }
  return arr;
}
var swap32IfBE = isLE ? (u) => u : byteSwap32;
var hasHexBuiltin = /* @__PURE__ */ (() => (
  // @ts-ignore
  typeof Uint8Array.from([]).toHex === "function" && typeof Uint8Array.fromHex === "function"
))();
var hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function bytesToHex(bytes) {
  abytes(bytes);
  if (hasHexBuiltin)
    return bytes.toHex();
  let hex = "";
  for (let i = 0; i < bytes.length; i++) {
    hex += hexes[bytes[i]];
  }
  return hex;
}
function asciiToBase16(ch) {
  return ch >= 48 && ch <= 57 ? ch - 48 : ch >= 65 && ch <= 70 ? ch - (65 - 10) : ch >= 97 && ch <= 102 ? ch - (97 - 10) : void 0;
}
function hexToBytes(hex) {
  if (typeof hex !== "string")
    throw new TypeError("hex string expected, got " + typeof hex);
  if (hasHexBuiltin) {
    try {
      return Uint8Array.fromHex(hex);
    } catch (error) {
      if (error instanceof SyntaxError)
        throw new RangeError(error.message);
      throw error;
    }
  }
  const hl = hex.length;
  const al = hl / 2;
  if (hl % 2)
    throw new RangeError("hex string expected, got unpadded hex of length " + hl);
  const array = new Uint8Array(al);
  for (let ai = 0, hi = 0; ai < al; ai++, hi += 2) {
    const n1 = asciiToBase16(hex.charCodeAt(hi));
    const n2 = asciiToBase16(hex.charCodeAt(hi + 1));
    if (n1 === void 0 || n2 === void 0) {
      const char = hex[hi] + hex[hi + 1];
      throw new RangeError('hex string expected, got non-hex character "' + char + '" at index ' + hi);
    }
    array[ai] = n1 * 16 + n2;
  }
  return array;
}
function concatBytes(...arrays) {
  let sum = 0;
  for (let i = 0; i < arrays.length; i++) {
    const a2 = arrays[i];
    abytes(a2);
    sum += a2.length;
  }
  const res = new Uint8Array(sum);
  for (let i = 0, pad = 0; i < arrays.length; i++) {
    const a2 = arrays[i];
    res.set(a2, pad);
    pad += a2.length;
  }
  return res;
}
function checkOpts(defaults, opts, title = "opts") {
  aopts(defaults, "defaults");
  if (opts !== void 0)
    aopts(opts, title);
  const merged = Object.assign(/* @__PURE__ */ Object.create(null), defaults, opts);
  return merged;
}
function createHasher(hashCons, info = {}) {
  if (typeof hashCons !== "function")
    throw new TypeError('"hashCons" expected function, got type=' + typeof hashCons);
  info = checkOpts({}, info, "info");
  const hashC = (msg, opts) => hashCons(opts).update(msg).digest();
  const tmp = hashCons(void 0);
  hashC.outputLen = tmp.outputLen;
  hashC.blockLen = tmp.blockLen;
  hashC.canXOF = tmp.canXOF;
  hashC.create = (opts) => hashCons(opts);
  Object.assign(hashC, info);
  return Object.freeze(hashC);
}
function randomBytes(bytesLength = 32) {
  anumber(bytesLength, "bytesLength");
  const cr = typeof globalThis === "object" ? globalThis.crypto : null;
  if (typeof cr?.getRandomValues !== "function")
    throw new Error("crypto.getRandomValues must be defined");
  if (bytesLength > 65536)
    throw new RangeError(`"bytesLength" expected <= 65536, got ${bytesLength}`);
  return cr.getRandomValues(new Uint8Array(bytesLength));
}

// node_modules/@noble/curves/utils.js
/*! noble-curves - MIT License (c) 2022 Paul Miller (paulmillr.com) */
function aarray(item, title, inner = () => {
}) {
  if (!Array.isArray(item))
    throw new TypeError(`"${title}" expected array, got type=${typeof item}`);
  for (let i = 0; i < item.length; i++)
    inner(item[i], `${title}[${i}]`);
  return item;
}
var abytes2 = (value, length, title) => abytes(value, length, title);
var anumber2 = anumber;
function aobject2(value, title = "object") {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new TypeError(title === "object" ? "expected valid options object" : `"${title}" expected object, got type=${typeof value}`);
  return value;
}
function afunction(value, title) {
  if (typeof value !== "function")
    throw new TypeError(`"${title}" is invalid: expected function, got ${typeof value}`);
  return value;
}
var bytesToHex2 = bytesToHex;
var concatBytes2 = (...arrays) => concatBytes(...arrays);
var hexToBytes2 = (hex) => hexToBytes(hex);
var isBytes2 = isBytes;
var randomBytes2 = (bytesLength) => randomBytes(bytesLength);
var _0n = /* @__PURE__ */ BigInt(0);
var _1n = /* @__PURE__ */ BigInt(1);
var atitle2 = (title) => title ? `"${title}" ` : "";
function abool2(value, title = "") {
  if (typeof value !== "boolean")
    throw new TypeError(atitle2(title) + "expected boolean, got type=" + typeof value);
  return value;
}
function abignumber(n2) {
  if (typeof n2 === "bigint") {
    if (!isPosBig(n2))
      throw new RangeError("positive bigint expected, got " + n2);
  } else
    anumber2(n2);
  return n2;
}
function asafenumber(value, title = "") {
  if (typeof value !== "number") {
    const prefix = title && `"${title}" `;
    throw new TypeError(prefix + "expected number, got type=" + typeof value);
  }
  if (!Number.isSafeInteger(value)) {
    const prefix = title && `"${title}" `;
    throw new RangeError(prefix + "expected safe integer, got " + value);
  }
}
function hexToNumber(hex) {
  if (typeof hex !== "string")
    throw new TypeError("hex string expected, got " + typeof hex);
  return hex === "" ? _0n : BigInt("0x" + hex);
}
function bytesToNumberBE(bytes) {
  return hexToNumber(bytesToHex(bytes));
}
function bytesToNumberLE(bytes) {
  return hexToNumber(bytesToHex(copyBytes(abytes(bytes)).reverse()));
}
function numberToBytesBE(n2, len) {
  anumber(len);
  if (len === 0)
    throw new Error("zero output length is invalid");
  n2 = abignumber(n2);
  const expectedLen = len * 2;
  const hex = n2.toString(16);
  if (hex.length > expectedLen)
    throw new RangeError("number is too large");
  return hexToBytes(hex.padStart(expectedLen, "0"));
}
function numberToBytesLE(n2, len) {
  return numberToBytesBE(n2, len).reverse();
}
function copyBytes(bytes) {
  return Uint8Array.from(abytes2(bytes));
}
function isPosBig(n2) {
  return typeof n2 === "bigint" && _0n <= n2;
}
function inRange(n2, min, max) {
  return isPosBig(n2) && isPosBig(min) && isPosBig(max) && min <= n2 && n2 < max;
}
function aInRange(title, n2, min, max) {
  if (!inRange(n2, min, max))
    throw new RangeError("expected valid " + title + ": " + min + " <= n < " + max + ", got " + n2);
}
function bitLen(n2) {
  if (n2 < _0n)
    throw new Error("expected non-negative bigint, got " + n2);
  return n2 === _0n ? 0 : n2.toString(2).length;
}
var bitMask = (n2) => {
  asafenumber(n2, "n");
  return (_1n << BigInt(n2)) - _1n;
};
function validateObject(object, fields = {}, optFields = {}, title = "object") {
  aobject2(object, title);
  aobject2(fields, "fields");
  aobject2(optFields, "optFields");
  function checkField(fieldName, expectedType, isOpt) {
    const label = title === "object" ? `param "${String(fieldName)}"` : `"${title}.${String(fieldName)}"`;
    const val = object[fieldName];
    if (!Object.hasOwn(object, fieldName) && (isOpt ? val !== void 0 : expectedType !== "function")) {
      throw new TypeError(`${label} is invalid: expected own property`);
    }
    if (isOpt && val === void 0)
      return;
    const current = typeof val;
    if (current !== expectedType || val === null)
      throw new TypeError(`${label} is invalid: expected ${expectedType}, got ${current}`);
  }
  const iter = (f, isOpt) => Object.entries(f).forEach(([k, v]) => checkField(k, v, isOpt));
  iter(fields, false);
  iter(optFields, true);
}

// node_modules/@noble/curves/abstract/modular.js
/*! noble-curves - MIT License (c) 2022 Paul Miller (paulmillr.com) */
var _0n2 = /* @__PURE__ */ BigInt(0);
var _1n2 = /* @__PURE__ */ BigInt(1);
var _2n = /* @__PURE__ */ BigInt(2);
var _3n = /* @__PURE__ */ BigInt(3);
var _4n = /* @__PURE__ */ BigInt(4);
var _5n = /* @__PURE__ */ BigInt(5);
var _7n = /* @__PURE__ */ BigInt(7);
var _8n = /* @__PURE__ */ BigInt(8);
var _9n = /* @__PURE__ */ BigInt(9);
var _15n = /* @__PURE__ */ BigInt(15);
var _16n = /* @__PURE__ */ BigInt(16);
var POW_WINDOWED_MIN = /* @__PURE__ */ BigInt("0x10000000000000000");
function mod(a2, b2) {
  if (b2 <= _0n2)
    throw new Error("mod: expected positive modulus, got " + b2);
  const result = a2 % b2;
  return result >= _0n2 ? result : b2 + result;
}
function pow(num, power, modulo) {
  if (modulo <= _1n2)
    throw new Error("pow: expected modulus > 1, got " + modulo);
  if (typeof power !== "bigint")
    throw new TypeError("invalid exponent: expected bigint, got " + typeof power);
  if (power < _0n2)
    throw new Error("invalid exponent, negatives unsupported");
  if (power === _0n2)
    return _1n2;
  if (power === _1n2)
    return num;
  let d = num % modulo;
  if (d < _0n2)
    d += modulo;
  if (power < POW_WINDOWED_MIN) {
    let p3 = _1n2;
    while (power > _0n2) {
      if (power & _1n2)
        p3 = p3 * d % modulo;
      d = d * d % modulo;
      power >>= _1n2;
    }
    return p3;
  }
  const digits = [];
  while (power > _0n2) {
    digits.push(Number(power & _15n));
    power >>= _4n;
  }
  const table = new Array(16);
  table[0] = _1n2;
  table[1] = d;
  for (let i = 2; i < 16; i++)
    table[i] = table[i - 1] * d % modulo;
  let p2 = table[digits[digits.length - 1]];
  for (let w = digits.length - 2; w >= 0; w--) {
    p2 = p2 * p2 % modulo;
    p2 = p2 * p2 % modulo;
    p2 = p2 * p2 % modulo;
    p2 = p2 * p2 % modulo;
    const digit2 = digits[w];
    if (digit2 !== 0)
      p2 = p2 * table[digit2] % modulo;
  }
  return p2;
}
function invert(number, modulo) {
  if (number === _0n2)
    throw new Error("invert: expected non-zero number");
  if (modulo <= _1n2)
    throw new Error("invert: expected modulus > 1, got " + modulo);
  let a2 = mod(number, modulo);
  let b2 = modulo;
  let x = _0n2, u = _1n2;
  while (a2 !== _0n2) {
    const q = b2 / a2;
    const r = b2 - a2 * q;
    const m = x - u * q;
    b2 = a2, a2 = r, x = u, u = m;
  }
  const gcd = b2;
  if (gcd !== _1n2)
    throw new Error("invert: does not exist");
  return mod(x, modulo);
}
function assertIsSquare(Fp, root, n2) {
  const F = Fp;
  if (!F.eql(F.sqr(root), n2))
    throw new Error("Cannot find square root");
}
function aoddModulus(order, fnName) {
  if ((order & _1n2) === _0n2)
    throw new Error(fnName + ": expected odd modulus, got " + order);
}
function sqrt3mod4(Fp, n2) {
  const F = Fp;
  const p1div4 = (F.ORDER + _1n2) / _4n;
  const root = F.pow(n2, p1div4);
  assertIsSquare(F, root, n2);
  return root;
}
function sqrt5mod8(Fp, n2) {
  const F = Fp;
  const p5div8 = (F.ORDER - _5n) / _8n;
  const n22 = F.mul(n2, _2n);
  const v = F.pow(n22, p5div8);
  const nv = F.mul(n2, v);
  const i = F.mul(F.mul(nv, _2n), v);
  const root = F.mul(nv, F.sub(i, F.ONE));
  assertIsSquare(F, root, n2);
  return root;
}
function sqrt9mod16(P) {
  const Fp_ = Field(P);
  const tn = tonelliShanks(P);
  const c1 = tn(Fp_, Fp_.neg(Fp_.ONE));
  const c2 = tn(Fp_, c1);
  const c3 = tn(Fp_, Fp_.neg(c1));
  const c4 = (P + _7n) / _16n;
  return ((Fp, n2) => {
    const F = Fp;
    let tv1 = F.pow(n2, c4);
    let tv2 = F.mul(tv1, c1);
    const tv3 = F.mul(tv1, c2);
    const tv4 = F.mul(tv1, c3);
    const e1 = F.eql(F.sqr(tv2), n2);
    const e2 = F.eql(F.sqr(tv3), n2);
    tv1 = F.cmov(tv1, tv2, e1);
    tv2 = F.cmov(tv4, tv3, e2);
    const e3 = F.eql(F.sqr(tv2), n2);
    const root = F.cmov(tv1, tv2, e3);
    assertIsSquare(F, root, n2);
    return root;
  });
}
function tonelliShanks(P) {
  if (P < _3n)
    throw new Error("sqrt is not defined for small field");
  aoddModulus(P, "tonelliShanks");
  let Q = P - _1n2;
  let S = 0;
  while (Q % _2n === _0n2) {
    Q /= _2n;
    S++;
  }
  let Z = _2n;
  const _Fp = Field(P);
  while (FpLegendre(_Fp, Z) === 1) {
    if (Z++ > 1e3)
      throw new Error("Cannot find square root: probably non-prime P");
  }
  if (S === 1)
    return sqrt3mod4;
  let cc = _Fp.pow(Z, Q);
  const Q1div2 = (Q + _1n2) / _2n;
  return function tonelliSlow(Fp, n2) {
    const F = Fp;
    if (F.is0(n2))
      return n2;
    if (FpLegendre(F, n2) !== 1)
      throw new Error("Cannot find square root");
    let M = S;
    let c = F.mul(F.ONE, cc);
    let t = F.pow(n2, Q);
    let R = F.pow(n2, Q1div2);
    while (!F.eql(t, F.ONE)) {
      if (F.is0(t))
        throw new Error("Cannot find square root: probably non-prime P");
      let i = 1;
      let t_tmp = F.sqr(t);
      while (!F.eql(t_tmp, F.ONE)) {
        i++;
        t_tmp = F.sqr(t_tmp);
        if (i === M)
          throw new Error("Cannot find square root");
      }
      const exponent = _1n2 << BigInt(M - i - 1);
      const b2 = F.pow(c, exponent);
      M = i;
      c = F.sqr(b2);
      t = F.mul(t, c);
      R = F.mul(R, b2);
    }
    return R;
  };
}
function FpSqrt(P) {
  aoddModulus(P, "Fp.sqrt");
  if (P % _4n === _3n)
    return sqrt3mod4;
  if (P % _8n === _5n)
    return sqrt5mod8;
  if (P % _16n === _9n)
    return sqrt9mod16(P);
  return tonelliShanks(P);
}
var FIELD_FIELDS = [
  "create",
  "isValid",
  "is0",
  "neg",
  "inv",
  "sqrt",
  "sqr",
  "eql",
  "add",
  "sub",
  "mul",
  "pow",
  "div",
  "addN",
  "subN",
  "mulN",
  "sqrN"
];
function validateField(field2) {
  aobject2(field2, "field");
  if (typeof field2.ORDER !== "bigint")
    throw new TypeError('param "ORDER" is invalid: expected bigint, got ' + typeof field2.ORDER);
  asafenumber(field2.BYTES, "BYTES");
  asafenumber(field2.BITS, "BITS");
  for (const name2 of FIELD_FIELDS)
    afunction(field2[name2], "field." + name2);
  if (field2.BYTES < 1 || field2.BITS < 1)
    throw new Error("invalid field: expected BYTES/BITS > 0");
  if (field2.ORDER <= _1n2)
    throw new Error("invalid field: expected ORDER > 1, got " + field2.ORDER);
  return field2;
}
function FpInvertBatch(Fp, nums, passZero = false) {
  validateField(Fp);
  aarray(nums, "nums");
  abool2(passZero, "passZero");
  const F = Fp;
  const inverted = new Array(nums.length).fill(passZero ? F.ZERO : void 0);
  const multipliedAcc = nums.reduce((acc, num, i) => {
    if (F.is0(num))
      return acc;
    inverted[i] = acc;
    return F.mul(acc, num);
  }, F.ONE);
  const invertedAcc = F.inv(multipliedAcc);
  nums.reduceRight((acc, num, i) => {
    if (F.is0(num))
      return acc;
    inverted[i] = F.mul(acc, inverted[i]);
    return F.mul(acc, num);
  }, invertedAcc);
  return inverted;
}
function FpLegendre(Fp, n2) {
  validateField(Fp);
  const F = Fp;
  aoddModulus(F.ORDER, "FpLegendre");
  const p1mod2 = (F.ORDER - _1n2) / _2n;
  const powered = F.pow(n2, p1mod2);
  const yes = F.eql(powered, F.ONE);
  const zero = F.eql(powered, F.ZERO);
  const no = F.eql(powered, F.neg(F.ONE));
  if (!yes && !zero && !no)
    throw new Error("invalid Legendre symbol result");
  return yes ? 1 : zero ? 0 : -1;
}
function nLength(n2, nBitLength) {
  if (nBitLength !== void 0)
    anumber2(nBitLength);
  if (n2 <= _0n2)
    throw new Error("invalid n length: expected positive n, got " + n2);
  if (nBitLength !== void 0 && nBitLength < 1)
    throw new Error("invalid n length: expected positive bit length, got " + nBitLength);
  const bits = bitLen(n2);
  if (nBitLength !== void 0 && nBitLength < bits)
    throw new Error(`invalid n length: expected nBitLength (${nBitLength}) >= bitLen(n) (${bits})`);
  const _nBitLength = nBitLength !== void 0 ? nBitLength : bits;
  const nByteLength = Math.ceil(_nBitLength / 8);
  return { nBitLength: _nBitLength, nByteLength };
}
var FIELD_SQRT = /* @__PURE__ */ new WeakMap();
var _Field = class {
  ORDER;
  BITS;
  BYTES;
  isLE;
  ZERO = _0n2;
  ONE = _1n2;
  _lengths;
  _mod;
  constructor(ORDER, opts = {}) {
    if (ORDER <= _1n2)
      throw new Error("invalid field: expected ORDER > 1, got " + ORDER);
    let _nbitLength = void 0;
    this.isLE = false;
    if (opts != null && typeof opts === "object") {
      if (typeof opts.BITS === "number")
        _nbitLength = opts.BITS;
      if (typeof opts.sqrt === "function")
        Object.defineProperty(this, "sqrt", { value: opts.sqrt, enumerable: true });
      if (typeof opts.isLE === "boolean")
        this.isLE = opts.isLE;
      if (opts.allowedLengths)
        this._lengths = Object.freeze(opts.allowedLengths.slice());
      if (typeof opts.modFromBytes === "boolean")
        this._mod = opts.modFromBytes;
    }
    const { nBitLength, nByteLength } = nLength(ORDER, _nbitLength);
    if (nByteLength > 2048)
      throw new Error("invalid field: expected ORDER of <= 2048 bytes");
    this.ORDER = ORDER;
    this.BITS = nBitLength;
    this.BYTES = nByteLength;
    Object.freeze(this);
  }
  create(num) {
    return mod(num, this.ORDER);
  }
  isValid(num) {
    if (typeof num !== "bigint")
      throw new TypeError("invalid field element: expected bigint, got " + typeof num);
    return _0n2 <= num && num < this.ORDER;
  }
  is0(num) {
    return num === _0n2;
  }
  // is valid and invertible
  isValidNot0(num) {
    return !this.is0(num) && this.isValid(num);
  }
  isOdd(num) {
    return (num & _1n2) === _1n2;
  }
  neg(num) {
    return mod(-num, this.ORDER);
  }
  eql(lhs, rhs) {
    return lhs === rhs;
  }
  sqr(num) {
    return mod(num * num, this.ORDER);
  }
  add(lhs, rhs) {
    return mod(lhs + rhs, this.ORDER);
  }
  sub(lhs, rhs) {
    return mod(lhs - rhs, this.ORDER);
  }
  mul(lhs, rhs) {
    return mod(lhs * rhs, this.ORDER);
  }
  pow(num, power) {
    return pow(num, power, this.ORDER);
  }
  div(lhs, rhs) {
    return mod(lhs * invert(rhs, this.ORDER), this.ORDER);
  }
  // Same as above, but doesn't normalize
  sqrN(num) {
    return num * num;
  }
  addN(lhs, rhs) {
    return lhs + rhs;
  }
  subN(lhs, rhs) {
    return lhs - rhs;
  }
  mulN(lhs, rhs) {
    return lhs * rhs;
  }
  inv(num) {
    return invert(num, this.ORDER);
  }
  sqrt(num) {
    let sqrt = FIELD_SQRT.get(this);
    if (!sqrt)
      FIELD_SQRT.set(this, sqrt = FpSqrt(this.ORDER));
    return sqrt(this, num);
  }
  toBytes(num) {
    return this.isLE ? numberToBytesLE(num, this.BYTES) : numberToBytesBE(num, this.BYTES);
  }
  fromBytes(bytes, skipValidation = false) {
    abytes2(bytes);
    const { _lengths: allowedLengths, BYTES, isLE: isLE2, ORDER, _mod: modFromBytes } = this;
    if (allowedLengths) {
      if (bytes.length < 1 || !allowedLengths.includes(bytes.length) || bytes.length > BYTES) {
        throw new Error("Field.fromBytes: expected " + allowedLengths + " bytes, got " + bytes.length);
      }
      const padded = new Uint8Array(BYTES);
      padded.set(bytes, isLE2 ? 0 : padded.length - bytes.length);
      bytes = padded;
    }
    if (bytes.length !== BYTES)
      throw new Error("Field.fromBytes: expected " + BYTES + " bytes, got " + bytes.length);
    let scalar = isLE2 ? bytesToNumberLE(bytes) : bytesToNumberBE(bytes);
    if (modFromBytes)
      scalar = mod(scalar, ORDER);
    if (!skipValidation) {
      if (!this.isValid(scalar))
        throw new Error("invalid field element: outside of range 0..ORDER");
    }
    return scalar;
  }
  // TODO: we don't need it here, move out to separate fn
  invertBatch(lst) {
    return FpInvertBatch(this, lst, true);
  }
  // We can't move this out because Fp6, Fp12 implement it
  // and it's unclear what to return in there.
  cmov(a2, b2, condition) {
    abool2(condition, "condition");
    return condition ? b2 : a2;
  }
};
function Field(ORDER, opts = {}) {
  Object.freeze(_Field.prototype);
  return new _Field(ORDER, opts);
}

// node_modules/@noble/curves/abstract/curve.js
/*! noble-curves - MIT License (c) 2022 Paul Miller (paulmillr.com) */
var _0n3 = /* @__PURE__ */ BigInt(0);
var _1n3 = /* @__PURE__ */ BigInt(1);
var _4n2 = /* @__PURE__ */ BigInt(4);
var BLIND_BYTES = 16;
var BLIND_BITS = 128;
var FW_WINDOW = 5;
var TABLE_BYTES_MAX = /* @__PURE__ */ (() => 2 ** 31)();
function validatePointCons(Point2) {
  const pc = Point2;
  if (typeof pc !== "function")
    throw new TypeError('"Point" expected constructor, got type=' + typeof Point2);
  afunction(pc.fromAffine, "Point.fromAffine");
  afunction(pc.fromBytes, "Point.fromBytes");
  afunction(pc.fromHex, "Point.fromHex");
  aobject2(pc.BASE, "Point.BASE");
  aobject2(pc.ZERO, "Point.ZERO");
  validateField(pc.Fp);
  validateField(pc.Fn);
}
function normalizeZ(c, points) {
  validatePointCons(c);
  validateMSMPoints(points, c);
  const invertedZs = FpInvertBatch(c.Fp, points.map((p2) => p2.Z));
  return points.map((p2, i) => c.fromAffine(p2.toAffine(invertedZs[i])));
}
function validateW(W, bits, min = 1) {
  if (!Number.isSafeInteger(W) || W < min || W > bits)
    throw new Error("invalid window size, expected [" + min + ".." + bits + "], got W=" + W);
}
function validateTableBytes(numPoints, fpBytes) {
  const bytes = numPoints * (4 * fpBytes + 128);
  if (bytes > TABLE_BYTES_MAX)
    throw new Error("invalid window size: table would need ~" + Math.ceil(bytes / 2 ** 20) + " MiB, max " + TABLE_BYTES_MAX / 2 ** 20 + " MiB");
}
function probeRandomBytes(randomBytes3, length) {
  if (randomBytes3 === void 0)
    return void 0;
  afunction(randomBytes3, "randomBytes");
  try {
    const probe = randomBytes3(length);
    if (!isBytes2(probe) || probe.length !== length)
      return void 0;
  } catch {
    return void 0;
  }
  return randomBytes3;
}
function validateMSMPoints(points, c) {
  aarray(points, "points");
  points.forEach((p2, i) => {
    if (!(p2 instanceof c))
      throw new Error("invalid point at index " + i);
  });
}
function validateMSMScalars(scalars, field2, maxScalar) {
  if (!Array.isArray(scalars))
    throw new Error("array of scalars expected");
  scalars.forEach((s, i) => {
    const ok = maxScalar === void 0 ? field2.isValid(s) : isPosBig(s) && s < maxScalar;
    if (!ok)
      throw new Error("invalid scalar at index " + i);
  });
}
var pointWindowSizes = /* @__PURE__ */ new WeakMap();
function getWindowSize(P) {
  return pointWindowSizes.get(P) || 1;
}
function oddMultiples(p2, size) {
  const dbl = p2.double();
  const t = [p2];
  for (let j = 1; j < size; j++)
    t.push(t[j - 1].add(dbl));
  return t;
}
function wnafDigits(n2, W) {
  const size = 2 ** W;
  const half = size / 2;
  const mask = BigInt(size - 1);
  const d = [];
  while (n2 > _0n3) {
    let w = 0;
    if (n2 & _1n3) {
      w = Number(n2 & mask);
      if (w >= half)
        w -= size;
      n2 -= BigInt(w);
    }
    d.push(w);
    n2 >>= _1n3;
  }
  return d;
}
function signedWindowDigits(n2, W, windows) {
  const size = 2 ** W;
  const half = size / 2;
  const mask = BigInt(size - 1);
  const shiftBy = BigInt(W);
  const d = [];
  for (let w = 0; w < windows; w++) {
    let v = Number(n2 & mask);
    n2 >>= shiftBy;
    if (v > half) {
      v -= size;
      n2 += _1n3;
    }
    d.push(v);
  }
  if (n2 !== _0n3)
    throw new Error("invalid wnaf");
  return d;
}
function wnafWalk(zero, tables, digits) {
  let max = 0;
  for (const d of digits)
    max = Math.max(max, d.length);
  let acc = zero;
  for (let bit = max - 1; bit >= 0; bit--) {
    if (bit !== max - 1)
      acc = acc.double();
    for (let i = 0; i < digits.length; i++) {
      const w = digits[i][bit];
      if (w) {
        const item = tables[i][Math.abs(w) - 1 >> 1];
        acc = acc.add(w < 0 ? item.negate() : item);
      }
    }
  }
  return acc;
}
var ScalarMultiplier = class {
  Point;
  BASE;
  ZERO;
  randomBytes;
  wnafPrecomputes = /* @__PURE__ */ new WeakMap();
  baseCanBeBlinded;
  bits;
  // Parametrized with a given Point class (not individual point)
  constructor(Point2, randomBytes3) {
    validatePointCons(Point2);
    this.randomBytes = probeRandomBytes(randomBytes3, BLIND_BYTES);
    this.Point = Point2;
    this.BASE = Point2.BASE;
    this.ZERO = Point2.ZERO;
    this.bits = Point2.Fn.BITS;
  }
  /**
   * Creates a signed fixed-window wNAF precomputation table: for every window w, the
   * multiples `[1..2^(W−1)]⋅2^(w⋅W)⋅P`, flattened. All doublings are baked into the table,
   * so cached multiplication is additions-only. `windows = ceil(bits/W) + 1`: the extra
   * window absorbs the final carry of signed-digit recoding.
   * For a 256-bit curve and W=6, the table is 44⋅32 = 1408 points.
   * @param point - Point instance
   * @param W - window size
   * @param bits - scalar bitlength the table must cover
   */
  buildWnafTable(point, W, bits) {
    const windows = Math.ceil(bits / W) + 1;
    const half = 2 ** (W - 1);
    const comp = [];
    let base = point;
    for (let w = 0; w < windows; w++) {
      let acc = base;
      for (let i = 0; i < half; i++) {
        comp.push(acc);
        acc = acc.add(base);
      }
      base = comp[comp.length - 1].double();
    }
    return { W, bits, windows, comp };
  }
  /**
   * Implements ec multiplication using precomputed signed fixed-window wNAF tables.
   * Constant-time: fixed window count with one table addition per window — zero digits feed
   * the fake accumulator — and no doublings; the lookup scans the whole window slice.
   * Scalar bounds are validated by the public entry points ({@link ScalarMultiplier.mulCT},
   * {@link ScalarMultiplier.mulCTBlinded}, {@link ScalarMultiplier.mulUnsafe});
   * signedWindowDigits throws if `n` exceeds the table.
   * @returns real and fake (for const-time) points
   */
  wnafCachedCT(precomputes, n2) {
    const { W, windows, comp } = precomputes;
    const half = 2 ** (W - 1);
    const digits = signedWindowDigits(n2, W, windows);
    let p2 = this.ZERO;
    let f = this.BASE;
    for (let w = 0; w < windows; w++) {
      const digit2 = digits[w];
      const start = w * half;
      const idx = Math.abs(digit2) - 1;
      let sel = comp[start];
      for (let i = 1; i < half; i++)
        sel = i === idx ? comp[start + i] : sel;
      const neg = sel.negate();
      if (digit2 === 0)
        f = f.add(comp[start]);
      else
        p2 = p2.add(digit2 < 0 ? neg : sel);
    }
    return { p: p2, f };
  }
  // Cache key is point identity plus (W, bits); at most two entries exist per point (public-width
  // `Fn.BITS` and blinded `Fn.BITS + BLIND_BITS`). Callers must not reuse the same point with
  // incompatible `transform(...)` layouts and expect a separate cache entry.
  getWnafPrecomputes(W, point, bits, transform) {
    let entries = this.wnafPrecomputes.get(point);
    let comp = entries?.find((entry) => entry.W === W && entry.bits === bits);
    if (!comp) {
      comp = this.buildWnafTable(point, W, bits);
      if (typeof transform === "function")
        comp = { ...comp, comp: transform(comp.comp) };
      if (!entries) {
        entries = [];
        this.wnafPrecomputes.set(point, entries);
      }
      entries.push(comp);
    }
    return comp;
  }
  assertPoint(point) {
    if (!(point instanceof this.Point))
      throw new TypeError('"point" expected Point instance, got type=' + typeof point);
  }
  // Shared prologue of the constant-time entry points. Rejects scalar 0: in key/signature-style
  // callers a zero scalar means broken upstream plumbing, and concrete Points already reject it.
  // Uses inRange instead of Fn.isValidNot0: validateField() only certifies the arithmetic subset.
  validateMulInput(point, scalar) {
    this.assertPoint(point);
    if (!inRange(scalar, _1n3, this.Point.Fn.ORDER))
      throw new Error("invalid scalar");
  }
  // Constant-time dispatch shared by mulCT / mulCTBlinded. Un-precomputed points (W===1, e.g.
  // ECDH peer keys) skip building a throwaway cached table in favor of a small fixed-window
  // multiply. `n` must be < 2^bits.
  runCT(point, n2, bits, transform) {
    const W = getWindowSize(point);
    if (W === 1)
      return this.fixedWindowCT(point, n2, bits);
    return this.wnafCachedCT(this.getWnafPrecomputes(W, point, bits, transform), n2);
  }
  mulCT(point, scalar, transform) {
    this.validateMulInput(point, scalar);
    return this.runCT(point, scalar, this.bits, transform);
  }
  mulCTBlinded(point, scalar, transform) {
    this.validateMulInput(point, scalar);
    if (this.randomBytes === void 0)
      throw new Error("randomBytes is required for scalar blinding");
    const bits = this.Point.Fn.BITS + BLIND_BITS;
    const blind = this.randomBytes(BLIND_BYTES);
    if (!isBytes2(blind) || blind.length !== BLIND_BYTES)
      throw new Error("randomBytes returned invalid byte array");
    blind[0] = blind[0] & 63 | 128;
    const n2 = scalar + bytesToNumberBE(blind) * this.Point.Fn.ORDER;
    return this.runCT(point, n2, bits, transform);
  }
  /**
   * Constant-time multiplication `n*point` for an un-precomputed point, via a small fixed window.
   * A cached wNAF table only pays off when reused; a flat 2^FW_WINDOW table (`size-1` adds) is
   * far cheaper to build for a single use. The point-operation sequence is independent of `n`:
   * build the table, then per window exactly FW_WINDOW doublings, a data-oblivious scan over
   * every table entry, and one addition (adds the identity when the window digit is 0 — never
   * skipped).
   *
   * `n` must be `< 2^bits`. Assumes complete addition (adding the identity costs the same as any
   * add), which holds for the Weierstrass/Edwards point types used here. The table is left in
   * projective form (no normalizeZ): normalizing this small a table costs more than the
   * mixed-add savings it would buy for a single multiply.
   * @returns real point `p`; `f` duplicates it only to match {@link wnafCachedCT}'s return shape
   * (this path needs no fake accumulator — its op-count is already scalar-independent).
   */
  fixedWindowCT(point, n2, bits) {
    const W = FW_WINDOW;
    const size = 1 << W;
    const mask = bitMask(W);
    const table = new Array(size);
    table[0] = this.ZERO;
    for (let i = 1; i < size; i++)
      table[i] = table[i - 1].add(point);
    const windows = Math.ceil(bits / W);
    let acc = this.ZERO;
    for (let window2 = windows - 1; window2 >= 0; window2--) {
      if (window2 !== windows - 1)
        for (let d = 0; d < W; d++)
          acc = acc.double();
      const digit2 = Number(n2 >> BigInt(window2 * W) & mask);
      let sel = table[0];
      for (let i = 1; i < size; i++)
        sel = i === digit2 ? table[i] : sel;
      acc = acc.add(sel);
    }
    return { p: acc, f: acc };
  }
  shouldBlind(point, cofactor) {
    if (this.randomBytes === void 0)
      return false;
    if (cofactor === _1n3)
      return true;
    if (point !== this.BASE)
      return false;
    if (this.baseCanBeBlinded === void 0)
      this.baseCanBeBlinded = this.mulUnsafe(this.BASE, this.Point.Fn.ORDER).is0();
    return this.baseCanBeBlinded;
  }
  mulSecret(point, scalar, cofactor, transform) {
    return this.shouldBlind(point, cofactor) ? this.mulCTBlinded(point, scalar, transform) : this.mulCT(point, scalar, transform);
  }
  mulUnsafe(point, scalar, transform) {
    this.assertPoint(point);
    if (!isPosBig(scalar))
      throw new Error("invalid scalar");
    const W = getWindowSize(point);
    if (W === 1 || scalar >= this.Point.Fn.ORDER)
      return mulAddUnsafe(this.Point, [point], [scalar], true);
    const precomputes = this.getWnafPrecomputes(W, point, this.bits, transform);
    return this.wnafCachedCT(precomputes, scalar).p;
  }
  // Remembers the window size used for precomputed wNAF multiplication of the given point
  // and drops any previously built tables. Usually only the base point is precomputed.
  // W=1 resets the point to the un-precomputed (table-less) paths.
  // W is additionally capped so tables stay under ~2 GiB ({@link TABLE_BYTES_MAX}).
  setWindowSize(point, W) {
    this.assertPoint(point);
    validateW(W, this.bits);
    const windows = Math.ceil((this.bits + BLIND_BITS) / W) + 1;
    validateTableBytes(windows * 2 ** (W - 1), this.Point.Fp.BYTES);
    pointWindowSizes.set(point, W);
    this.wnafPrecomputes.delete(point);
  }
  // True when a window size is set: tables themselves are built lazily on first multiply.
  hasWindowSize(point) {
    return getWindowSize(point) !== 1;
  }
};
function mulAddUnsafe(c, points, scalars, allowOversized = false) {
  validatePointCons(c);
  validateMSMPoints(points, c);
  abool2(allowOversized, "allowOversized");
  validateMSMScalars(scalars, c.Fn, allowOversized ? c.Fn.ORDER ** _4n2 : void 0);
  if (points.length !== scalars.length)
    throw new Error("arrays of points and scalars must have equal length");
  const tables = points.map((p2) => oddMultiples(p2, 4));
  const digits = scalars.map((n2) => wnafDigits(n2, 4));
  return wnafWalk(c.ZERO, tables, digits);
}
function createField(order, field2, isLE2) {
  if (field2) {
    if (field2.ORDER !== order)
      throw new Error("Field.ORDER must match order: Fp == p, Fn == n");
    validateField(field2);
    return field2;
  } else {
    return Field(order, { isLE: isLE2 });
  }
}
function createCurveFields(type, CURVE, curveOpts = {}, FpFnLE) {
  if (type !== "weierstrass" && type !== "edwards")
    throw new Error('expected curve type "weierstrass" or "edwards"');
  if (FpFnLE === void 0)
    FpFnLE = type === "edwards";
  if (!CURVE || typeof CURVE !== "object")
    throw new Error(`expected valid ${type} CURVE object`);
  validateObject(curveOpts);
  for (const p2 of ["p", "n", "h"]) {
    const val = CURVE[p2];
    if (!(isPosBig(val) && val !== _0n3))
      throw new Error(`CURVE.${p2} must be positive bigint`);
  }
  const Fp = createField(CURVE.p, curveOpts.Fp, FpFnLE);
  const Fn = createField(CURVE.n, curveOpts.Fn, FpFnLE);
  const _b = type === "weierstrass" ? "b" : "d";
  const params = ["Gx", "Gy", "a", _b];
  for (const p2 of params) {
    if (!Fp.isValid(CURVE[p2]))
      throw new Error(`CURVE.${p2} must be valid field element of CURVE.Fp`);
  }
  CURVE = Object.freeze(Object.assign({}, CURVE));
  return { CURVE, Fp, Fn };
}

// node_modules/@noble/curves/abstract/weierstrass.js
/*! noble-curves - MIT License (c) 2022 Paul Miller (paulmillr.com) */
var divNearest = (num, den) => (num + (num >= 0 ? den : -den) / _2n2) / den;
function _splitEndoScalar(k, basis, n2) {
  aInRange("scalar", k, _0n4, n2);
  const [[a1, b1], [a2, b2]] = basis;
  const c1 = divNearest(b2 * k, n2);
  const c2 = divNearest(-b1 * k, n2);
  let k1 = k - c1 * a1 - c2 * a2;
  let k2 = -c1 * b1 - c2 * b2;
  const k1neg = k1 < _0n4;
  const k2neg = k2 < _0n4;
  if (k1neg)
    k1 = -k1;
  if (k2neg)
    k2 = -k2;
  const MAX_NUM = bitMask(Math.ceil(bitLen(n2) / 2)) + _1n4;
  if (k1 < _0n4 || k1 >= MAX_NUM || k2 < _0n4 || k2 >= MAX_NUM) {
    throw new Error("splitScalar (endomorphism): failed for k");
  }
  return { k1neg, k1, k2neg, k2 };
}
var _0n4 = /* @__PURE__ */ BigInt(0);
var _1n4 = /* @__PURE__ */ BigInt(1);
var _2n2 = /* @__PURE__ */ BigInt(2);
var _3n2 = /* @__PURE__ */ BigInt(3);
var _4n3 = /* @__PURE__ */ BigInt(4);
function weierstrass(params, extraOpts = {}) {
  const validated = createCurveFields("weierstrass", params, extraOpts);
  const Fp = validated.Fp;
  const Fn = validated.Fn;
  let CURVE = validated.CURVE;
  const { h: cofactor, n: CURVE_ORDER } = CURVE;
  validateObject(extraOpts, {}, {
    allowInfinityPoint: "boolean",
    clearCofactor: "function",
    isTorsionFree: "function",
    fromBytes: "function",
    toBytes: "function",
    endo: "object",
    randomBytes: "function"
  });
  const { endo: endoOpts, allowInfinityPoint, clearCofactor, isTorsionFree, fromBytes, toBytes } = extraOpts;
  const randomBytes3 = extraOpts.randomBytes === void 0 ? randomBytes2 : extraOpts.randomBytes;
  if (endoOpts) {
    if (!Fp.is0(CURVE.a) || typeof endoOpts.beta !== "bigint" || !Array.isArray(endoOpts.basises)) {
      throw new Error('invalid endo: expected "beta": bigint and "basises": array');
    }
  }
  const endo = endoOpts ? {
    beta: endoOpts.beta,
    basises: endoOpts.basises.map((basis) => [...basis])
  } : void 0;
  const lengths = getWLengths(Fp, Fn);
  function assertCompressionIsSupported() {
    if (!Fp.isOdd)
      throw new Error("compression is not supported: Field does not have .isOdd()");
  }
  function pointToBytes(_c, point, isCompressed) {
    if (point.is0()) {
      if (!allowInfinityPoint)
        throw new Error("bad point: ZERO");
      return Uint8Array.of(0);
    }
    const { x, y } = point.toAffine();
    const bx = Fp.toBytes(x);
    abool2(isCompressed, "isCompressed");
    if (isCompressed) {
      assertCompressionIsSupported();
      const hasEvenY = !Fp.isOdd(y);
      return concatBytes2(pprefix(hasEvenY), bx);
    } else {
      return concatBytes2(Uint8Array.of(4), bx, Fp.toBytes(y));
    }
  }
  function pointFromBytes(bytes) {
    abytes2(bytes, void 0, "Point");
    const { publicKey: comp, publicKeyUncompressed: uncomp } = lengths;
    const length = bytes.length;
    const head = bytes[0];
    const tail = bytes.subarray(1);
    if (allowInfinityPoint && length === 1 && head === 0)
      return { x: Fp.ZERO, y: Fp.ZERO };
    if (length === comp && (head === 2 || head === 3)) {
      const x = Fp.fromBytes(tail);
      if (!Fp.isValid(x))
        throw new Error("bad point: is not on curve, wrong x");
      const y2 = weierstrassEquation(x);
      let y;
      try {
        y = Fp.sqrt(y2);
      } catch (sqrtError) {
        const err = sqrtError instanceof Error ? ": " + sqrtError.message : "";
        throw new Error("bad point: is not on curve, sqrt error" + err);
      }
      assertCompressionIsSupported();
      const evenY = Fp.isOdd(y);
      const evenH = (head & 1) === 1;
      if (evenH !== evenY)
        y = Fp.neg(y);
      return { x, y };
    } else if (length === uncomp && head === 4) {
      const L = Fp.BYTES;
      const x = Fp.fromBytes(tail.subarray(0, L));
      const y = Fp.fromBytes(tail.subarray(L, L * 2));
      if (!isValidXY(x, y))
        throw new Error("bad point: is not on curve");
      return { x, y };
    } else {
      throw new Error(`bad point: got length ${length}, expected compressed=${comp} or uncompressed=${uncomp}`);
    }
  }
  const encodePoint = toBytes === void 0 ? pointToBytes : toBytes;
  const decodePoint = fromBytes === void 0 ? pointFromBytes : fromBytes;
  const b3 = Fp.mul(CURVE.b, _3n2);
  const mulA = Fp.is0(CURVE.a) ? (_) => Fp.ZERO : (x) => Fp.mul(CURVE.a, x);
  function weierstrassEquation(x) {
    const x2 = Fp.sqr(x);
    const x3 = Fp.mul(x2, x);
    return Fp.add(Fp.add(x3, Fp.mul(x, CURVE.a)), CURVE.b);
  }
  function isValidXY(x, y) {
    const left = Fp.sqr(y);
    const right = weierstrassEquation(x);
    return Fp.eql(left, right);
  }
  if (!isValidXY(CURVE.Gx, CURVE.Gy))
    throw new Error("bad curve params: generator point");
  const _4a3 = Fp.mul(Fp.pow(CURVE.a, _3n2), _4n3);
  const _27b2 = Fp.mul(Fp.sqr(CURVE.b), BigInt(27));
  if (Fp.is0(Fp.add(_4a3, _27b2)))
    throw new Error("bad curve params: a or b");
  function acoord(title, n2, banZero = false) {
    if (!Fp.isValid(n2) || banZero && Fp.is0(n2))
      throw new Error(`bad point coordinate ${title}`);
    return typeof n2 === "object" && n2 !== null ? Fp.create(n2) : n2;
  }
  function aprjpoint(other) {
    if (!(other instanceof Point2))
      throw new Error("Weierstrass Point expected");
  }
  function splitEndoScalarN(k) {
    if (!endo || !endo.basises)
      throw new Error("no endo");
    return _splitEndoScalar(k, endo.basises, Fn.ORDER);
  }
  function pushWnafPair(points, scalars, p2, k) {
    if (!Fn.isValid(k))
      throw new RangeError("invalid scalar: out of range");
    if (endo) {
      const { k1neg, k1, k2neg, k2 } = splitEndoScalarN(k);
      const psi = new Point2(Fp.mul(p2.X, endo.beta), p2.Y, p2.Z);
      points.push(k1neg ? p2.negate() : p2, k2neg ? psi.negate() : psi);
      scalars.push(k1, k2);
    } else {
      points.push(p2);
      scalars.push(k);
    }
  }
  const validityCache = /* @__PURE__ */ new WeakSet();
  class Point2 {
    static BASE = new Point2(CURVE.Gx, CURVE.Gy, Fp.ONE);
    static ZERO = new Point2(Fp.ZERO, Fp.ONE, Fp.ZERO);
    static Fp = Fp;
    static Fn = Fn;
    X;
    Y;
    Z;
    /** Does NOT validate if the point is valid. Use `.assertValidity()`. */
    constructor(X, Y, Z) {
      this.X = acoord("x", X);
      this.Y = acoord("y", Y, true);
      this.Z = acoord("z", Z);
      Object.freeze(this);
    }
    static CURVE() {
      return CURVE;
    }
    /** Does NOT validate if the point is valid. Use `.assertValidity()`. */
    static fromAffine(p2) {
      const { x, y } = p2 || {};
      if (!p2 || !Fp.isValid(x) || !Fp.isValid(y))
        throw new Error("invalid affine point");
      if (p2 instanceof Point2)
        throw new Error("projective point not allowed");
      if (Fp.is0(x) && Fp.is0(y))
        return Point2.ZERO;
      return new Point2(x, y, Fp.ONE);
    }
    static fromBytes(bytes) {
      const P = Point2.fromAffine(decodePoint(abytes2(bytes, void 0, "point")));
      P.assertValidity();
      return P;
    }
    static fromHex(hex) {
      return Point2.fromBytes(hexToBytes2(hex));
    }
    get x() {
      return this.toAffine().x;
    }
    get y() {
      return this.toAffine().y;
    }
    /**
     * @param isLazy - true will defer table computation until the first multiplication
     */
    precompute(windowSize = 6, isLazy = true) {
      wnaf.setWindowSize(this, windowSize);
      if (!isLazy)
        this.multiply(_3n2);
      return this;
    }
    // TODO: return `this`
    /** A point on curve is valid if it conforms to equation. */
    assertValidity() {
      const p2 = this;
      if (p2.is0()) {
        if (allowInfinityPoint && Fp.is0(p2.X) && Fp.eql(p2.Y, Fp.ONE) && Fp.is0(p2.Z))
          return;
        throw new Error("bad point: ZERO");
      }
      if (validityCache.has(p2))
        return;
      const { x, y } = p2.toAffine();
      if (!Fp.isValid(x) || !Fp.isValid(y))
        throw new Error("bad point: x or y not field elements");
      if (!isValidXY(x, y))
        throw new Error("bad point: equation left != right");
      if (!p2.isTorsionFree())
        throw new Error("bad point: not in prime-order subgroup");
      validityCache.add(p2);
    }
    hasEvenY() {
      const { y } = this.toAffine();
      if (!Fp.isOdd)
        throw new Error("Field doesn't support isOdd");
      return !Fp.isOdd(y);
    }
    /** Compare one point to another. */
    equals(other) {
      aprjpoint(other);
      const { X: X1, Y: Y1, Z: Z1 } = this;
      const { X: X2, Y: Y2, Z: Z2 } = other;
      const U1 = Fp.eql(Fp.mul(X1, Z2), Fp.mul(X2, Z1));
      const U2 = Fp.eql(Fp.mul(Y1, Z2), Fp.mul(Y2, Z1));
      return U1 && U2;
    }
    /** Flips point to one corresponding to (x, -y) in Affine coordinates. */
    negate() {
      return new Point2(this.X, Fp.neg(this.Y), this.Z);
    }
    // Renes-Costello-Batina exception-free doubling formula.
    // There is 30% faster Jacobian formula, but it is not complete.
    // https://eprint.iacr.org/2015/1060, algorithm 3
    // Cost: 8M + 3S + 3*a + 2*b3 + 15add.
    double() {
      const { X: X1, Y: Y1, Z: Z1 } = this;
      let X3 = Fp.ZERO, Y3 = Fp.ZERO, Z3 = Fp.ZERO;
      let t0 = Fp.mul(X1, X1);
      let t1 = Fp.mul(Y1, Y1);
      let t2 = Fp.mul(Z1, Z1);
      let t3 = Fp.mul(X1, Y1);
      t3 = Fp.add(t3, t3);
      Z3 = Fp.mul(X1, Z1);
      Z3 = Fp.add(Z3, Z3);
      X3 = mulA(Z3);
      Y3 = Fp.mul(b3, t2);
      Y3 = Fp.add(X3, Y3);
      X3 = Fp.sub(t1, Y3);
      Y3 = Fp.add(t1, Y3);
      Y3 = Fp.mul(X3, Y3);
      X3 = Fp.mul(t3, X3);
      Z3 = Fp.mul(b3, Z3);
      t2 = mulA(t2);
      t3 = Fp.sub(t0, t2);
      t3 = mulA(t3);
      t3 = Fp.add(t3, Z3);
      Z3 = Fp.add(t0, t0);
      t0 = Fp.add(Z3, t0);
      t0 = Fp.add(t0, t2);
      t0 = Fp.mul(t0, t3);
      Y3 = Fp.add(Y3, t0);
      t2 = Fp.mul(Y1, Z1);
      t2 = Fp.add(t2, t2);
      t0 = Fp.mul(t2, t3);
      X3 = Fp.sub(X3, t0);
      Z3 = Fp.mul(t2, t1);
      Z3 = Fp.add(Z3, Z3);
      Z3 = Fp.add(Z3, Z3);
      return new Point2(X3, Y3, Z3);
    }
    // Renes-Costello-Batina exception-free addition formula.
    // There is 30% faster Jacobian formula, but it is not complete.
    // https://eprint.iacr.org/2015/1060, algorithm 1
    // Cost: 12M + 0S + 3*a + 3*b3 + 23add.
    add(other) {
      aprjpoint(other);
      const { X: X1, Y: Y1, Z: Z1 } = this;
      const { X: X2, Y: Y2, Z: Z2 } = other;
      let X3 = Fp.ZERO, Y3 = Fp.ZERO, Z3 = Fp.ZERO;
      let t0 = Fp.mul(X1, X2);
      let t1 = Fp.mul(Y1, Y2);
      let t2 = Fp.mul(Z1, Z2);
      let t3 = Fp.add(X1, Y1);
      let t4 = Fp.add(X2, Y2);
      t3 = Fp.mul(t3, t4);
      t4 = Fp.add(t0, t1);
      t3 = Fp.sub(t3, t4);
      t4 = Fp.add(X1, Z1);
      let t5 = Fp.add(X2, Z2);
      t4 = Fp.mul(t4, t5);
      t5 = Fp.add(t0, t2);
      t4 = Fp.sub(t4, t5);
      t5 = Fp.add(Y1, Z1);
      X3 = Fp.add(Y2, Z2);
      t5 = Fp.mul(t5, X3);
      X3 = Fp.add(t1, t2);
      t5 = Fp.sub(t5, X3);
      Z3 = mulA(t4);
      X3 = Fp.mul(b3, t2);
      Z3 = Fp.add(X3, Z3);
      X3 = Fp.sub(t1, Z3);
      Z3 = Fp.add(t1, Z3);
      Y3 = Fp.mul(X3, Z3);
      t1 = Fp.add(t0, t0);
      t1 = Fp.add(t1, t0);
      t2 = mulA(t2);
      t4 = Fp.mul(b3, t4);
      t1 = Fp.add(t1, t2);
      t2 = Fp.sub(t0, t2);
      t2 = mulA(t2);
      t4 = Fp.add(t4, t2);
      t0 = Fp.mul(t1, t4);
      Y3 = Fp.add(Y3, t0);
      t0 = Fp.mul(t5, t4);
      X3 = Fp.mul(t3, X3);
      X3 = Fp.sub(X3, t0);
      t0 = Fp.mul(t3, t1);
      Z3 = Fp.mul(t5, Z3);
      Z3 = Fp.add(Z3, t0);
      return new Point2(X3, Y3, Z3);
    }
    subtract(other) {
      aprjpoint(other);
      return this.add(other.negate());
    }
    is0() {
      return this.equals(Point2.ZERO);
    }
    /**
     * Constant time multiplication.
     * Uses precomputed tables (signed fixed-window wNAF) when available.
     * Uses scalar blinding and avoids endomorphism splitting in the secret-scalar path.
     * @param scalar - by which the point would be multiplied
     * @returns New point
     */
    multiply(scalar) {
      if (!Fn.isValidNot0(scalar))
        throw new RangeError("invalid scalar: out of range");
      const { p: p2, f } = wnaf.mulSecret(this, scalar, cofactor, normalize);
      return normalize([p2, f])[0];
    }
    /**
     * Non-constant-time multiplication. Uses width-4 wNAF with GLV endomorphism splitting
     * when available (two half-width scalars sharing one halved doubling chain).
     * It's faster, but should only be used when you don't care about
     * an exposed secret key e.g. sig verification, which works over *public* keys.
     */
    multiplyUnsafe(scalar) {
      const p2 = this;
      const sc = scalar;
      if (!Fn.isValid(sc))
        throw new RangeError("invalid scalar: out of range");
      if (sc === _0n4 || p2.is0())
        return Point2.ZERO;
      if (sc === _1n4)
        return p2;
      if (wnaf.hasWindowSize(this))
        return wnaf.mulUnsafe(p2, sc, normalize);
      const points = [];
      const scalars = [];
      pushWnafPair(points, scalars, p2, sc);
      return mulAddUnsafe(Point2, points, scalars);
    }
    /**
     * Non-constant-time double-scalar multiplication `a⋅this + b⋅other` (Strauss–Shamir).
     * Both walks share one doubling chain via {@link mulAddUnsafe}, and GLV endomorphism
     * (when available) halves the chain again by splitting each scalar into two half-width
     * parts. Used by ECDSA verification and public-key recovery for `R = u1⋅G + u2⋅P`.
     * Only for public scalars.
     */
    mulAddUnsafe(a2, other, b2) {
      aprjpoint(other);
      const points = [];
      const scalars = [];
      pushWnafPair(points, scalars, this, a2);
      pushWnafPair(points, scalars, other, b2);
      return mulAddUnsafe(Point2, points, scalars);
    }
    /**
     * Converts Projective point to affine (x, y) coordinates.
     * (X, Y, Z) ∋ (x=X/Z, y=Y/Z).
     * @param invertedZ - Z^-1 (inverted zero) - optional, precomputation is useful for invertBatch
     */
    toAffine(invertedZ) {
      const p2 = this;
      let iz = invertedZ;
      if (iz != null && !Fp.isValid(iz))
        throw new RangeError('"invertedZ" expected valid field element');
      const { X, Y, Z } = p2;
      if (Fp.eql(Z, Fp.ONE))
        return { x: X, y: Y };
      const is0 = p2.is0();
      if (iz == null)
        iz = is0 ? Fp.ONE : Fp.inv(Z);
      const x = Fp.mul(X, iz);
      const y = Fp.mul(Y, iz);
      const zz = Fp.mul(Z, iz);
      if (is0)
        return { x: Fp.ZERO, y: Fp.ZERO };
      if (!Fp.eql(zz, Fp.ONE))
        throw new Error("invZ was invalid");
      return { x, y };
    }
    /**
     * Checks whether Point is free of torsion elements (is in prime subgroup).
     * Always torsion-free for cofactor=1 curves.
     */
    isTorsionFree() {
      if (cofactor === _1n4)
        return true;
      if (isTorsionFree)
        return isTorsionFree(Point2, this);
      return wnaf.mulUnsafe(this, CURVE_ORDER).is0();
    }
    clearCofactor() {
      if (cofactor === _1n4)
        return this;
      if (clearCofactor)
        return clearCofactor(Point2, this);
      return this.multiplyUnsafe(cofactor);
    }
    isSmallOrder() {
      if (cofactor === _1n4)
        return this.is0();
      return this.clearCofactor().is0();
    }
    toBytes(isCompressed = true) {
      abool2(isCompressed, "isCompressed");
      this.assertValidity();
      return encodePoint(Point2, this, isCompressed);
    }
    toHex(isCompressed = true) {
      return bytesToHex2(this.toBytes(isCompressed));
    }
    toString() {
      return `<Point ${this.is0() ? "ZERO" : this.toHex()}>`;
    }
  }
  const normalize = (points) => normalizeZ(Point2, points);
  const wnaf = new ScalarMultiplier(Point2, randomBytes3);
  if (wnaf.bits >= 6)
    Point2.BASE.precompute(6);
  Object.freeze(Point2.prototype);
  Object.freeze(Point2);
  return Point2;
}
function pprefix(hasEvenY) {
  return Uint8Array.of(hasEvenY ? 2 : 3);
}
function getWLengths(Fp, Fn) {
  return {
    secretKey: Fn.BYTES,
    publicKey: 1 + Fp.BYTES,
    publicKeyUncompressed: 1 + 2 * Fp.BYTES,
    publicKeyHasPrefix: true,
    // Raw compact `(r || s)` signature width; DER and recovered signatures use
    // different lengths outside this helper.
    signature: 2 * Fn.BYTES
  };
}

// src/verify-page/verifier/sm2.ts
var p = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
var a = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
var b = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
var n = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
var Gx = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
var Gy = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;
var Point = weierstrass({ p, n, h: 1n, a, b, Gx, Gy });
var defaultSm2UserId = new TextEncoder().encode("1234567812345678");
function isSm2PublicKey(uncompressed) {
  if (uncompressed.length !== 65 || uncompressed[0] !== 4) return false;
  try {
    Point.fromBytes(uncompressed).assertValidity();
    return true;
  } catch {
    return false;
  }
}
function sm2UserHash(sm3, publicKey, userId) {
  const coordinate = (value) => bytesFromBigInt(value, 32);
  return sm3(
    u16(userId.length * 8),
    userId,
    coordinate(a),
    coordinate(b),
    coordinate(Gx),
    coordinate(Gy),
    publicKey.subarray(1, 33),
    publicKey.subarray(33, 65)
  );
}
function verifySm2(sm3, publicKey, userId, message, r, s) {
  if (r < 1n || r >= n || s < 1n || s >= n) return false;
  if (!isSm2PublicKey(publicKey)) return false;
  const e = bigIntFromBytes(sm3(sm2UserHash(sm3, publicKey, userId), message));
  const t = (r + s) % n;
  if (t === 0n) return false;
  const sum = Point.BASE.multiply(s).add(Point.fromBytes(publicKey).multiply(t));
  if (sum.is0()) return false;
  return (e + sum.x) % n === r;
}
function verifySm2Raw(sm3, publicKey, userId, message, signature) {
  if (signature.length !== 64) return false;
  return verifySm2(sm3, publicKey, userId, message, bigIntFromBytes(signature.subarray(0, 32)), bigIntFromBytes(signature.subarray(32)));
}

// src/verify-page/verifier/note.ts
var ed25519Type = 1;
var sm2Type = 255;
var sm2Identifier = utf8("evidencechain/sm2-sm3/v1");
function parseVerifierKeys(text2, hashes) {
  const keys2 = [];
  const ignored = [];
  const lines = text2.split("\n").map((line) => line.replace(/\r$/, "")).filter((line) => line.trim() !== "");
  for (const [index, line] of lines.entries()) {
    const where = `verifier key line ${index + 1}`;
    const first = line.indexOf("+");
    const second = line.indexOf("+", first + 1);
    if (first < 0 || second < 0) return { ok: false, problem: `${where} is not name+keyid+key` };
    const name2 = line.slice(0, first);
    const idHex = line.slice(first + 1, second);
    const keyBase64 = line.slice(second + 1);
    const encoding = fromBase64(keyBase64);
    if (name2 === "" || /\s/.test(name2) || !/^[0-9a-f]{8}$/.test(idHex) || encoding === null || encoding.length === 0) {
      return { ok: false, problem: `${where} is not name+keyid+key` };
    }
    const id = hashes.sha256(utf8(name2), new Uint8Array([10]), encoding).subarray(0, 4);
    if (toHex(id) !== idHex) return { ok: false, problem: `${where}: key ID ${idHex} is not ${toHex(id)}, the one its name and key give` };
    const fingerprint = toHex(hashes.sha256(encoding));
    if (encoding[0] === ed25519Type) {
      if (encoding.length !== 33) return { ok: false, problem: `${where}: an Ed25519 key is 32 bytes` };
      keys2.push({ name: name2, id, algorithm: "ed25519", publicKey: encoding.slice(1), userId: new Uint8Array(), fingerprint });
    } else if (encoding[0] === sm2Type && bytesEqual(encoding.subarray(1, 1 + sm2Identifier.length), sm2Identifier)) {
      const sm2 = readSm2Encoding(encoding);
      if (sm2 === null) return { ok: false, problem: `${where}: not an SM2 key as checkpoint.md encodes it (type, user ID, point on sm2p256v1)` };
      keys2.push({ name: name2, id, algorithm: "sm2-sm3", publicKey: sm2.point, userId: sm2.userId, fingerprint });
    } else {
      ignored.push(`${name2}+${idHex} (an algorithm this verifier does not know)`);
    }
  }
  if (keys2.length === 0) return { ok: false, problem: "the verifier keys file holds no Ed25519 or SM2 key" };
  return { ok: true, value: { keys: keys2, ignored } };
}
function readSm2Encoding(encoding) {
  let offset = 1 + sm2Identifier.length;
  if (encoding[offset] !== 0) return null;
  offset++;
  const userIdLength = encoding[offset];
  if (userIdLength === void 0) return null;
  offset++;
  const userId = encoding.slice(offset, offset + userIdLength);
  offset += userIdLength;
  const point = encoding.slice(offset);
  if (userId.length !== userIdLength || !isSm2PublicKey(point)) return null;
  return { userId, point };
}
var noteBytesMax = 16 * 1024;
var signatureLinesMax = 32;
var signatureLinePattern = /^\u2014 (\S+) (\S+)$/;
var forbiddenCharacters = /[\u0000-\u0009\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
async function verifySignedNote(note, trusted, hashes) {
  const noteBytes = utf8(note);
  if (noteBytes.length > noteBytesMax) return failure("MalformedNote", `${noteBytes.length} bytes, at most ${noteBytesMax}`);
  if (forbiddenCharacters.test(note) || decodeUtf8(noteBytes) === null) return failure("MalformedNote", "a control character or text that is not UTF-8");
  const split2 = note.lastIndexOf("\n\n");
  if (split2 < 0 || !note.endsWith("\n")) return failure("MalformedNote", "no blank line between the text and the signatures");
  const text2 = note.slice(0, split2 + 1);
  const lines = note.slice(split2 + 2, -1).split("\n");
  if (lines.length > signatureLinesMax) return failure("MalformedNote", `${lines.length} signature lines, at most ${signatureLinesMax}`);
  const signers = [];
  const unknownSignatures = [];
  for (const line of lines) {
    const match = signatureLinePattern.exec(line);
    const blob = match ? fromBase64(match[2]) : null;
    if (!match || blob === null || blob.length < 5) return failure("MalformedNote", `not a signature line: ${JSON.stringify(line)}`);
    const name2 = match[1];
    const keyId = blob.subarray(0, 4);
    const key = trusted.keys.find((candidate) => candidate.name === name2 && bytesEqual(candidate.id, keyId));
    if (!key) {
      unknownSignatures.push(`${name2}+${toHex(keyId)}`);
      continue;
    }
    if (!await verifyNoteSignature(key, utf8(text2), blob.subarray(4), hashes)) {
      return failure("BadSignature", `the ${key.algorithm} signature of ${name2}+${toHex(keyId)} does not verify`);
    }
    if (!signers.includes(key)) signers.push(key);
  }
  if (signers.length === 0) {
    const seen = unknownSignatures.length === 0 ? "no signature lines" : `only signatures of keys not trusted: ${unknownSignatures.join(", ")}`;
    return failure("NoTrustedSignature", seen);
  }
  return success({ text: text2, signers, unknownSignatures });
}
async function verifyNoteSignature(key, message, signature, hashes) {
  if (key.algorithm === "sm2-sm3") return verifySm2Raw(hashes.sm3, key.publicKey, key.userId, message, signature);
  if (signature.length !== 64) return false;
  const publicKey = await crypto.subtle.importKey("raw", ownBuffer(key.publicKey), { name: "Ed25519" }, false, ["verify"]);
  return crypto.subtle.verify({ name: "Ed25519" }, publicKey, ownBuffer(signature), ownBuffer(message));
}

// src/verify-page/verifier/checkpoint.ts
var originPattern = /^[a-z0-9.-]{1,253}\/evidencechain\/[0-9a-f]{32}\/(sha256|sm3)$/;
var originBytesMax = 320;
function treeHashOfOrigin(origin) {
  const match = originPattern.exec(origin);
  if (!match || origin.length > originBytesMax) return null;
  return match[1];
}
async function verifyCheckpoint(note, trusted, hashes) {
  const verified2 = await verifySignedNote(note, trusted, hashes);
  if (!verified2.ok) return verified2;
  const { text: text2, signers, unknownSignatures } = verified2.value;
  const lines = text2.slice(0, -1).split("\n");
  if (lines.length !== 3) return failure("MalformedCheckpoint", `${lines.length} lines of text, a checkpoint has exactly 3 (no extension lines)`);
  const [origin, sizeText, rootText] = lines;
  const foreignSigner = signers.find((key) => key.name !== origin);
  if (foreignSigner) return failure("OriginMismatch", `the checkpoint names the log ${origin}, its trusted signer is ${foreignSigner.name}`);
  const unsigned = algorithmNotSigned(origin, trusted, signers);
  if (unsigned !== null) return failure("NoTrustedSignature", `no trusted ${unsigned.name} key signed the checkpoint (trusted ones: fingerprint ${unsigned.fingerprints.join(", ")})`);
  const treeHash = treeHashOfOrigin(origin);
  if (treeHash === null) return failure("MalformedCheckpoint", `the origin ${JSON.stringify(origin)} is not host/evidencechain/log-id/tree-hash`);
  const size = parseDecimal(sizeText);
  if (size === null || size > 2n ** 63n - 1n) return failure("MalformedCheckpoint", `the tree size ${JSON.stringify(sizeText)} is not a decimal number`);
  const root = fromBase64(rootText);
  if (root === null || root.length !== 32) return failure("MalformedCheckpoint", `the root ${JSON.stringify(rootText)} is not 32 bytes of base64`);
  return success({ origin, treeHash, size, root, text: text2, signers, unknownSignatures });
}
var algorithmNames = { ed25519: "Ed25519", "sm2-sm3": "SM2" };
function algorithmNotSigned(name2, trusted, signers) {
  const keys2 = trusted.keys.filter((key) => key.name === name2);
  for (const algorithm of new Set(keys2.map((key) => key.algorithm))) {
    if (signers.some((key) => key.name === name2 && key.algorithm === algorithm)) continue;
    return { name: algorithmNames[algorithm], fingerprints: keys2.filter((key) => key.algorithm === algorithm).map((key) => key.fingerprint) };
  }
  return null;
}

// src/verify-page/verifier/merkle.ts
var proofLengthMax = 64;
var leafPrefix = new Uint8Array([0]);
var nodePrefix = new Uint8Array([1]);
function nodeHash(hash2, left, right) {
  return hash2(nodePrefix, left, right);
}
var isOdd = (value) => (value & 1n) === 1n;
var hashBytes = 32;
function wrongHashLength(hashes) {
  const wrong = hashes.find((hash2) => hash2.length !== hashBytes);
  return wrong === void 0 ? null : failure("RootMismatch", `a hash of ${wrong.length} bytes, not ${hashBytes}`);
}
var isPowerOfTwo = (value) => value > 0n && (value & value - 1n) === 0n;
function verifyConsistency(hash2, firstSize, secondSize, firstRoot, secondRoot, proof) {
  if (secondSize < firstSize) return failure("SizeDecreased", `from ${firstSize} leaves to ${secondSize}`);
  if (proof.length > proofLengthMax) return failure("WrongProofLength", `${proof.length} hashes, at most ${proofLengthMax}`);
  if (firstSize === 0n) return failure("EmptyTreeHasNoProof", `from the empty tree to ${secondSize} leaves`);
  if (firstSize === secondSize) {
    if (proof.length !== 0) return failure("WrongProofLength", `${proof.length} hashes between two trees of ${firstSize} leaves`);
    if (!bytesEqual(firstRoot, secondRoot)) return failure("RootMismatch", `two trees of ${firstSize} leaves with roots ${toHex(firstRoot)} and ${toHex(secondRoot)}`);
    return success(void 0);
  }
  if (proof.length === 0) return failure("WrongProofLength", `no hashes from ${firstSize} leaves to ${secondSize}`);
  const malformed = wrongHashLength([firstRoot, secondRoot, ...proof]);
  if (malformed) return malformed;
  const path = isPowerOfTwo(firstSize) ? [firstRoot, ...proof] : [...proof];
  let fn = firstSize - 1n;
  let sn = secondSize - 1n;
  while (isOdd(fn)) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0n) return failure("WrongProofLength", `${proof.length} hashes is too many from ${firstSize} leaves to ${secondSize}`);
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(hash2, c, fr);
      sr = nodeHash(hash2, c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = nodeHash(hash2, sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return failure("WrongProofLength", `${proof.length} hashes is too few from ${firstSize} leaves to ${secondSize}`);
  if (!bytesEqual(fr, firstRoot)) return failure("RootMismatch", `the proof gives the first root ${toHex(fr)}, it is ${toHex(firstRoot)}`);
  if (!bytesEqual(sr, secondRoot)) return failure("RootMismatch", `the proof gives the second root ${toHex(sr)}, it is ${toHex(secondRoot)}`);
  return success(void 0);
}

// node_modules/hash-wasm/dist/index.esm.js
/*!
 * hash-wasm (https://www.npmjs.com/package/hash-wasm)
 * (c) Dani Biro
 * @license MIT
 */
function __awaiter(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
}
var Mutex = class {
  constructor() {
    this.mutex = Promise.resolve();
  }
  lock() {
    let begin = () => {
    };
    this.mutex = this.mutex.then(() => new Promise(begin));
    return new Promise((res) => {
      begin = res;
    });
  }
  dispatch(fn) {
    return __awaiter(this, void 0, void 0, function* () {
      const unlock = yield this.lock();
      try {
        return yield Promise.resolve(fn());
      } finally {
        unlock();
      }
    });
  }
};
var _a;
function getGlobal() {
  if (typeof globalThis !== "undefined")
    return globalThis;
  if (typeof self !== "undefined")
    return self;
  if (typeof window !== "undefined")
    return window;
  return global;
}
var globalObject = getGlobal();
var nodeBuffer = (_a = globalObject.Buffer) !== null && _a !== void 0 ? _a : null;
var textEncoder = globalObject.TextEncoder ? new globalObject.TextEncoder() : null;
function hexCharCodesToInt(a2, b2) {
  return (a2 & 15) + (a2 >> 6 | a2 >> 3 & 8) << 4 | (b2 & 15) + (b2 >> 6 | b2 >> 3 & 8);
}
function writeHexToUInt8(buf, str) {
  const size = str.length >> 1;
  for (let i = 0; i < size; i++) {
    const index = i << 1;
    buf[i] = hexCharCodesToInt(str.charCodeAt(index), str.charCodeAt(index + 1));
  }
}
function hexStringEqualsUInt8(str, buf) {
  if (str.length !== buf.length * 2) {
    return false;
  }
  for (let i = 0; i < buf.length; i++) {
    const strIndex = i << 1;
    if (buf[i] !== hexCharCodesToInt(str.charCodeAt(strIndex), str.charCodeAt(strIndex + 1))) {
      return false;
    }
  }
  return true;
}
var alpha = "a".charCodeAt(0) - 10;
var digit = "0".charCodeAt(0);
function getDigestHex(tmpBuffer, input, hashLength) {
  let p2 = 0;
  for (let i = 0; i < hashLength; i++) {
    let nibble = input[i] >>> 4;
    tmpBuffer[p2++] = nibble > 9 ? nibble + alpha : nibble + digit;
    nibble = input[i] & 15;
    tmpBuffer[p2++] = nibble > 9 ? nibble + alpha : nibble + digit;
  }
  return String.fromCharCode.apply(null, tmpBuffer);
}
var getUInt8Buffer = nodeBuffer !== null ? (data2) => {
  if (typeof data2 === "string") {
    const buf = nodeBuffer.from(data2, "utf8");
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  }
  if (nodeBuffer.isBuffer(data2)) {
    return new Uint8Array(data2.buffer, data2.byteOffset, data2.length);
  }
  if (ArrayBuffer.isView(data2)) {
    return new Uint8Array(data2.buffer, data2.byteOffset, data2.byteLength);
  }
  throw new Error("Invalid data type!");
} : (data2) => {
  if (typeof data2 === "string") {
    return textEncoder.encode(data2);
  }
  if (ArrayBuffer.isView(data2)) {
    return new Uint8Array(data2.buffer, data2.byteOffset, data2.byteLength);
  }
  throw new Error("Invalid data type!");
};
var base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var base64Lookup = new Uint8Array(256);
for (let i = 0; i < base64Chars.length; i++) {
  base64Lookup[base64Chars.charCodeAt(i)] = i;
}
function getDecodeBase64Length(data2) {
  let bufferLength = Math.floor(data2.length * 0.75);
  const len = data2.length;
  if (data2[len - 1] === "=") {
    bufferLength -= 1;
    if (data2[len - 2] === "=") {
      bufferLength -= 1;
    }
  }
  return bufferLength;
}
function decodeBase64(data2) {
  const bufferLength = getDecodeBase64Length(data2);
  const len = data2.length;
  const bytes = new Uint8Array(bufferLength);
  let p2 = 0;
  for (let i = 0; i < len; i += 4) {
    const encoded1 = base64Lookup[data2.charCodeAt(i)];
    const encoded2 = base64Lookup[data2.charCodeAt(i + 1)];
    const encoded3 = base64Lookup[data2.charCodeAt(i + 2)];
    const encoded4 = base64Lookup[data2.charCodeAt(i + 3)];
    bytes[p2] = encoded1 << 2 | encoded2 >> 4;
    p2 += 1;
    bytes[p2] = (encoded2 & 15) << 4 | encoded3 >> 2;
    p2 += 1;
    bytes[p2] = (encoded3 & 3) << 6 | encoded4 & 63;
    p2 += 1;
  }
  return bytes;
}
var MAX_HEAP = 16 * 1024;
var WASM_FUNC_HASH_LENGTH = 4;
var wasmMutex = new Mutex();
var wasmModuleCache = /* @__PURE__ */ new Map();
function WASMInterface(binary, hashLength) {
  return __awaiter(this, void 0, void 0, function* () {
    let wasmInstance = null;
    let memoryView = null;
    let initialized = false;
    if (typeof WebAssembly === "undefined") {
      throw new Error("WebAssembly is not supported in this environment!");
    }
    const writeMemory = (data2, offset = 0) => {
      memoryView.set(data2, offset);
    };
    const getMemory = () => memoryView;
    const getExports = () => wasmInstance.exports;
    const setMemorySize = (totalSize) => {
      wasmInstance.exports.Hash_SetMemorySize(totalSize);
      const arrayOffset = wasmInstance.exports.Hash_GetBuffer();
      const memoryBuffer = wasmInstance.exports.memory.buffer;
      memoryView = new Uint8Array(memoryBuffer, arrayOffset, totalSize);
    };
    const getStateSize = () => {
      const view = new DataView(wasmInstance.exports.memory.buffer);
      const stateSize = view.getUint32(wasmInstance.exports.STATE_SIZE, true);
      return stateSize;
    };
    const loadWASMPromise = wasmMutex.dispatch(() => __awaiter(this, void 0, void 0, function* () {
      if (!wasmModuleCache.has(binary.name)) {
        const asm = decodeBase64(binary.data);
        const promise = WebAssembly.compile(asm.buffer);
        wasmModuleCache.set(binary.name, promise);
      }
      const module = yield wasmModuleCache.get(binary.name);
      wasmInstance = yield WebAssembly.instantiate(module, {
        // env: {
        //   emscripten_memcpy_big: (dest, src, num) => {
        //     const memoryBuffer = wasmInstance.exports.memory.buffer;
        //     const memView = new Uint8Array(memoryBuffer, 0);
        //     memView.set(memView.subarray(src, src + num), dest);
        //   },
        //   print_memory: (offset, len) => {
        //     const memoryBuffer = wasmInstance.exports.memory.buffer;
        //     const memView = new Uint8Array(memoryBuffer, 0);
        //     console.log('print_int32', memView.subarray(offset, offset + len));
        //   },
        // },
      });
    }));
    const setupInterface = () => __awaiter(this, void 0, void 0, function* () {
      if (!wasmInstance) {
        yield loadWASMPromise;
      }
      const arrayOffset = wasmInstance.exports.Hash_GetBuffer();
      const memoryBuffer = wasmInstance.exports.memory.buffer;
      memoryView = new Uint8Array(memoryBuffer, arrayOffset, MAX_HEAP);
    });
    const init = (bits = null) => {
      initialized = true;
      wasmInstance.exports.Hash_Init(bits);
    };
    const updateUInt8Array = (data2) => {
      let read = 0;
      while (read < data2.length) {
        const chunk = data2.subarray(read, read + MAX_HEAP);
        read += chunk.length;
        memoryView.set(chunk);
        wasmInstance.exports.Hash_Update(chunk.length);
      }
    };
    const update = (data2) => {
      if (!initialized) {
        throw new Error("update() called before init()");
      }
      const Uint8Buffer = getUInt8Buffer(data2);
      updateUInt8Array(Uint8Buffer);
    };
    const digestChars = new Uint8Array(hashLength * 2);
    const digest = (outputType, padding = null) => {
      if (!initialized) {
        throw new Error("digest() called before init()");
      }
      initialized = false;
      wasmInstance.exports.Hash_Final(padding);
      if (outputType === "binary") {
        return memoryView.slice(0, hashLength);
      }
      return getDigestHex(digestChars, memoryView, hashLength);
    };
    const save = () => {
      if (!initialized) {
        throw new Error("save() can only be called after init() and before digest()");
      }
      const stateOffset = wasmInstance.exports.Hash_GetState();
      const stateLength = getStateSize();
      const memoryBuffer = wasmInstance.exports.memory.buffer;
      const internalState = new Uint8Array(memoryBuffer, stateOffset, stateLength);
      const prefixedState = new Uint8Array(WASM_FUNC_HASH_LENGTH + stateLength);
      writeHexToUInt8(prefixedState, binary.hash);
      prefixedState.set(internalState, WASM_FUNC_HASH_LENGTH);
      return prefixedState;
    };
    const load = (state) => {
      if (!(state instanceof Uint8Array)) {
        throw new Error("load() expects an Uint8Array generated by save()");
      }
      const stateOffset = wasmInstance.exports.Hash_GetState();
      const stateLength = getStateSize();
      const overallLength = WASM_FUNC_HASH_LENGTH + stateLength;
      const memoryBuffer = wasmInstance.exports.memory.buffer;
      if (state.length !== overallLength) {
        throw new Error(`Bad state length (expected ${overallLength} bytes, got ${state.length})`);
      }
      if (!hexStringEqualsUInt8(binary.hash, state.subarray(0, WASM_FUNC_HASH_LENGTH))) {
        throw new Error("This state was written by an incompatible hash implementation");
      }
      const internalState = state.subarray(WASM_FUNC_HASH_LENGTH);
      new Uint8Array(memoryBuffer, stateOffset, stateLength).set(internalState);
      initialized = true;
    };
    const isDataShort = (data2) => {
      if (typeof data2 === "string") {
        return data2.length < MAX_HEAP / 4;
      }
      return data2.byteLength < MAX_HEAP;
    };
    let canSimplify = isDataShort;
    switch (binary.name) {
      case "argon2":
      case "scrypt":
        canSimplify = () => true;
        break;
      case "blake2b":
      case "blake2s":
        canSimplify = (data2, initParam) => initParam <= 512 && isDataShort(data2);
        break;
      case "blake3":
        canSimplify = (data2, initParam) => initParam === 0 && isDataShort(data2);
        break;
      case "xxhash64":
      // cannot simplify
      case "xxhash3":
      case "xxhash128":
      case "crc64":
        canSimplify = () => false;
        break;
    }
    const calculate = (data2, initParam = null, digestParam = null) => {
      if (!canSimplify(data2, initParam)) {
        init(initParam);
        update(data2);
        return digest("hex", digestParam);
      }
      const buffer = getUInt8Buffer(data2);
      memoryView.set(buffer);
      wasmInstance.exports.Hash_Calculate(buffer.length, initParam, digestParam);
      return getDigestHex(digestChars, memoryView, hashLength);
    };
    yield setupInterface();
    return {
      getMemory,
      writeMemory,
      getExports,
      setMemorySize,
      init,
      update,
      digest,
      save,
      load,
      calculate,
      hashLength
    };
  });
}
var mutex$l = new Mutex();
var mutex$k = new Mutex();
var uint32View = new DataView(new ArrayBuffer(4));
var mutex$j = new Mutex();
var mutex$i = new Mutex();
var mutex$h = new Mutex();
var mutex$g = new Mutex();
var polyBuffer = new Uint8Array(8);
var mutex$f = new Mutex();
var mutex$e = new Mutex();
var mutex$d = new Mutex();
var mutex$c = new Mutex();
var mutex$b = new Mutex();
var name$a = "sha256";
var data$a = "AGFzbQEAAAABEQRgAAF/YAF/AGAAAGACf38AAwgHAAEBAQIAAwUEAQECAgYPAn8BQYCABAt/AEGAgAQLB4IBCQZtZW1vcnkCAA9fX3N0YWNrX3BvaW50ZXIDAA5IYXNoX0dldEJ1ZmZlcgAACUhhc2hfSW5pdAABC0hhc2hfVXBkYXRlAAIKSGFzaF9GaW5hbAAEDUhhc2hfR2V0U3RhdGUABQ5IYXNoX0NhbGN1bGF0ZQAGClNUQVRFX1NJWkUDAQqGSQcGAEGAgQQLnQEAQQBCADcDwIEFQQBBHEEgIABB4AFGIgAbNgLogQVBAEKnn+anxvST/b5/Qquzj/yRo7Pw2wAgABs3A+CBBUEAQrGWgP6fooWs6ABC/6S5iMWR2oKbfyAAGzcD2IEFQQBCl7rDg5Onlod3QvLmu+Ojp/2npX8gABs3A9CBBUEAQti9loj8oLW+NkLnzKfQ1tDrs7t/IAAbNwPIgQUL9wICAX4Hf0EAQQApA8CBBSIBIACtfDcDwIEFAkACQAJAIAGnQT9xIgINAEGAgQQhAwwBCyAAQcAAIAJrIgRJIQUCQCAARQ0AIAAgBCAFGyIDQQNxIQYgAkGAgQVqIQdBACECAkAgA0EESQ0AIANB/ABxIQhBACECA0AgByACaiIDIAJBgIEEai0AADoAACADQQFqIAJBgYEEai0AADoAACADQQJqIAJBgoEEai0AADoAACADQQNqIAJBg4EEai0AADoAACAIIAJBBGoiAkcNAAsgBkUNAQsDQCAHIAJqIAJBgIEEai0AADoAACACQQFqIQIgBkF/aiIGDQALCyAFDQFBgIEFEAMgACAEayEAIARBgIEEaiEDCwJAIABBwABJDQADQCADEAMgA0HAAGohAyAAQUBqIgBBP0sNAAsLIABFDQBBACEGQQAhAgNAIAJBgIEFaiADIAJqLQAAOgAAIAJBAWohAiAAIAZBAWoiBkH/AXFLDQALCwuDPQFFf0EAIAAoAjwiAUH/gfwHcUEIeCABQRh4Qf+B/AdxciIBQRl3IAFBDndzIAFBA3ZzIAAoAjgiAkH/gfwHcUEIeCACQRh4Qf+B/AdxciICaiAAKAIgIgNB/4H8B3FBCHggA0EYeEH/gfwHcXIiBEEZdyAEQQ53cyAEQQN2cyAAKAIcIgNB/4H8B3FBCHggA0EYeEH/gfwHcXIiBWogACgCBCIDQf+B/AdxQQh4IANBGHhB/4H8B3FyIgZBGXcgBkEOd3MgBkEDdnMgACgCACIDQf+B/AdxQQh4IANBGHhB/4H8B3FyIgdqIAAoAiQiA0H/gfwHcUEIeCADQRh4Qf+B/AdxciIIaiACQQ93IAJBDXdzIAJBCnZzaiIDaiAAKAIYIglB/4H8B3FBCHggCUEYeEH/gfwHcXIiCkEZdyAKQQ53cyAKQQN2cyAAKAIUIglB/4H8B3FBCHggCUEYeEH/gfwHcXIiC2ogAmogACgCECIJQf+B/AdxQQh4IAlBGHhB/4H8B3FyIgxBGXcgDEEOd3MgDEEDdnMgACgCDCIJQf+B/AdxQQh4IAlBGHhB/4H8B3FyIg1qIAAoAjAiCUH/gfwHcUEIeCAJQRh4Qf+B/AdxciIOaiAAKAIIIglB/4H8B3FBCHggCUEYeEH/gfwHcXIiD0EZdyAPQQ53cyAPQQN2cyAGaiAAKAIoIglB/4H8B3FBCHggCUEYeEH/gfwHcXIiEGogAUEPdyABQQ13cyABQQp2c2oiCUEPdyAJQQ13cyAJQQp2c2oiEUEPdyARQQ13cyARQQp2c2oiEkEPdyASQQ13cyASQQp2c2oiE2ogACgCNCIUQf+B/AdxQQh4IBRBGHhB/4H8B3FyIhVBGXcgFUEOd3MgFUEDdnMgDmogEmogACgCLCIAQf+B/AdxQQh4IABBGHhB/4H8B3FyIhZBGXcgFkEOd3MgFkEDdnMgEGogEWogCEEZdyAIQQ53cyAIQQN2cyAEaiAJaiAFQRl3IAVBDndzIAVBA3ZzIApqIAFqIAtBGXcgC0EOd3MgC0EDdnMgDGogFWogDUEZdyANQQ53cyANQQN2cyAPaiAWaiADQQ93IANBDXdzIANBCnZzaiIUQQ93IBRBDXdzIBRBCnZzaiIXQQ93IBdBDXdzIBdBCnZzaiIYQQ93IBhBDXdzIBhBCnZzaiIZQQ93IBlBDXdzIBlBCnZzaiIaQQ93IBpBDXdzIBpBCnZzaiIbQQ93IBtBDXdzIBtBCnZzaiIcQRl3IBxBDndzIBxBA3ZzIAJBGXcgAkEOd3MgAkEDdnMgFWogGGogDkEZdyAOQQ53cyAOQQN2cyAWaiAXaiAQQRl3IBBBDndzIBBBA3ZzIAhqIBRqIBNBD3cgE0ENd3MgE0EKdnNqIh1BD3cgHUENd3MgHUEKdnNqIh5BD3cgHkENd3MgHkEKdnNqIh9qIBNBGXcgE0EOd3MgE0EDdnMgGGogA0EZdyADQQ53cyADQQN2cyABaiAZaiAfQQ93IB9BDXdzIB9BCnZzaiIgaiASQRl3IBJBDndzIBJBA3ZzIBdqIB9qIBFBGXcgEUEOd3MgEUEDdnMgFGogHmogCUEZdyAJQQ53cyAJQQN2cyADaiAdaiAcQQ93IBxBDXdzIBxBCnZzaiIhQQ93ICFBDXdzICFBCnZzaiIiQQ93ICJBDXdzICJBCnZzaiIjQQ93ICNBDXdzICNBCnZzaiIkaiAbQRl3IBtBDndzIBtBA3ZzIB5qICNqIBpBGXcgGkEOd3MgGkEDdnMgHWogImogGUEZdyAZQQ53cyAZQQN2cyATaiAhaiAYQRl3IBhBDndzIBhBA3ZzIBJqIBxqIBdBGXcgF0EOd3MgF0EDdnMgEWogG2ogFEEZdyAUQQ53cyAUQQN2cyAJaiAaaiAgQQ93ICBBDXdzICBBCnZzaiIlQQ93ICVBDXdzICVBCnZzaiImQQ93ICZBDXdzICZBCnZzaiInQQ93ICdBDXdzICdBCnZzaiIoQQ93IChBDXdzIChBCnZzaiIpQQ93IClBDXdzIClBCnZzaiIqQQ93ICpBDXdzICpBCnZzaiIrQRl3ICtBDndzICtBA3ZzIB9BGXcgH0EOd3MgH0EDdnMgG2ogJ2ogHkEZdyAeQQ53cyAeQQN2cyAaaiAmaiAdQRl3IB1BDndzIB1BA3ZzIBlqICVqICRBD3cgJEENd3MgJEEKdnNqIixBD3cgLEENd3MgLEEKdnNqIi1BD3cgLUENd3MgLUEKdnNqIi5qICRBGXcgJEEOd3MgJEEDdnMgJ2ogIEEZdyAgQQ53cyAgQQN2cyAcaiAoaiAuQQ93IC5BDXdzIC5BCnZzaiIvaiAjQRl3ICNBDndzICNBA3ZzICZqIC5qICJBGXcgIkEOd3MgIkEDdnMgJWogLWogIUEZdyAhQQ53cyAhQQN2cyAgaiAsaiArQQ93ICtBDXdzICtBCnZzaiIwQQ93IDBBDXdzIDBBCnZzaiIxQQ93IDFBDXdzIDFBCnZzaiIyQQ93IDJBDXdzIDJBCnZzaiIzaiAqQRl3ICpBDndzICpBA3ZzIC1qIDJqIClBGXcgKUEOd3MgKUEDdnMgLGogMWogKEEZdyAoQQ53cyAoQQN2cyAkaiAwaiAnQRl3ICdBDndzICdBA3ZzICNqICtqICZBGXcgJkEOd3MgJkEDdnMgImogKmogJUEZdyAlQQ53cyAlQQN2cyAhaiApaiAvQQ93IC9BDXdzIC9BCnZzaiI0QQ93IDRBDXdzIDRBCnZzaiI1QQ93IDVBDXdzIDVBCnZzaiI2QQ93IDZBDXdzIDZBCnZzaiI3QQ93IDdBDXdzIDdBCnZzaiI4QQ93IDhBDXdzIDhBCnZzaiI5QQ93IDlBDXdzIDlBCnZzaiI6IDggNCAuICwgISAbIBkgAyAOIARBACgC2IEFIjtBGncgO0EVd3MgO0EHd3NBACgC5IEFIjxqQQAoAuCBBSI9QQAoAtyBBSI+cyA7cSA9c2ogB2pBmN+olARqIgdBACgC1IEFIj9qIgAgDGogOyANaiA+IA9qID0gBmogACA+IDtzcSA+c2ogAEEadyAAQRV3cyAAQQd3c2pBkYndiQdqIkBBACgC0IEFIkFqIgwgACA7c3EgO3NqIAxBGncgDEEVd3MgDEEHd3NqQc/3g657aiJCQQAoAsyBBSJDaiINIAwgAHNxIABzaiANQRp3IA1BFXdzIA1BB3dzakGlt9fNfmoiREEAKALIgQUiAGoiDyANIAxzcSAMc2ogD0EadyAPQRV3cyAPQQd3c2pB24TbygNqIkUgQSBDIABzcSBDIABxcyAAQR53IABBE3dzIABBCndzaiAHaiIGaiIHaiAFIA9qIAogDWogCyAMaiAHIA8gDXNxIA1zaiAHQRp3IAdBFXdzIAdBB3dzakHxo8TPBWoiCiAGIABzIENxIAYgAHFzIAZBHncgBkETd3MgBkEKd3NqIEBqIgxqIgQgByAPc3EgD3NqIARBGncgBEEVd3MgBEEHd3NqQaSF/pF5aiILIAwgBnMgAHEgDCAGcXMgDEEedyAMQRN3cyAMQQp3c2ogQmoiDWoiDyAEIAdzcSAHc2ogD0EadyAPQRV3cyAPQQd3c2pB1b3x2HpqIkAgDSAMcyAGcSANIAxxcyANQR53IA1BE3dzIA1BCndzaiBEaiIGaiIHIA8gBHNxIARzaiAHQRp3IAdBFXdzIAdBB3dzakGY1Z7AfWoiQiAGIA1zIAxxIAYgDXFzIAZBHncgBkETd3MgBkEKd3NqIEVqIgxqIgVqIBYgB2ogECAPaiAIIARqIAUgByAPc3EgD3NqIAVBGncgBUEVd3MgBUEHd3NqQYG2jZQBaiIIIAwgBnMgDXEgDCAGcXMgDEEedyAMQRN3cyAMQQp3c2ogCmoiDWoiDyAFIAdzcSAHc2ogD0EadyAPQRV3cyAPQQd3c2pBvovGoQJqIg4gDSAMcyAGcSANIAxxcyANQR53IA1BE3dzIA1BCndzaiALaiIGaiIHIA8gBXNxIAVzaiAHQRp3IAdBFXdzIAdBB3dzakHD+7GoBWoiECAGIA1zIAxxIAYgDXFzIAZBHncgBkETd3MgBkEKd3NqIEBqIgxqIgQgByAPc3EgD3NqIARBGncgBEEVd3MgBEEHd3NqQfS6+ZUHaiIWIAwgBnMgDXEgDCAGcXMgDEEedyAMQRN3cyAMQQp3c2ogQmoiDWoiBWogASAEaiACIAdqIBUgD2ogBSAEIAdzcSAHc2ogBUEadyAFQRV3cyAFQQd3c2pB/uP6hnhqIgcgDSAMcyAGcSANIAxxcyANQR53IA1BE3dzIA1BCndzaiAIaiIBaiIGIAUgBHNxIARzaiAGQRp3IAZBFXdzIAZBB3dzakGnjfDeeWoiBCABIA1zIAxxIAEgDXFzIAFBHncgAUETd3MgAUEKd3NqIA5qIgJqIgwgBiAFc3EgBXNqIAxBGncgDEEVd3MgDEEHd3NqQfTi74x8aiIFIAIgAXMgDXEgAiABcXMgAkEedyACQRN3cyACQQp3c2ogEGoiA2oiDSAMIAZzcSAGc2ogDUEadyANQRV3cyANQQd3c2pBwdPtpH5qIgggAyACcyABcSADIAJxcyADQR53IANBE3dzIANBCndzaiAWaiIBaiIPIBdqIBEgDWogFCAMaiAJIAZqIA8gDSAMc3EgDHNqIA9BGncgD0EVd3MgD0EHd3NqQYaP+f1+aiIGIAEgA3MgAnEgASADcXMgAUEedyABQRN3cyABQQp3c2ogB2oiAmoiCSAPIA1zcSANc2ogCUEadyAJQRV3cyAJQQd3c2pBxruG/gBqIgwgAiABcyADcSACIAFxcyACQR53IAJBE3dzIAJBCndzaiAEaiIDaiIRIAkgD3NxIA9zaiARQRp3IBFBFXdzIBFBB3dzakHMw7KgAmoiDSADIAJzIAFxIAMgAnFzIANBHncgA0ETd3MgA0EKd3NqIAVqIgFqIhQgESAJc3EgCXNqIBRBGncgFEEVd3MgFEEHd3NqQe/YpO8CaiIPIAEgA3MgAnEgASADcXMgAUEedyABQRN3cyABQQp3c2ogCGoiAmoiF2ogEyAUaiAYIBFqIBIgCWogFyAUIBFzcSARc2ogF0EadyAXQRV3cyAXQQd3c2pBqonS0wRqIhggAiABcyADcSACIAFxcyACQR53IAJBE3dzIAJBCndzaiAGaiIDaiIJIBcgFHNxIBRzaiAJQRp3IAlBFXdzIAlBB3dzakHc08LlBWoiFCADIAJzIAFxIAMgAnFzIANBHncgA0ETd3MgA0EKd3NqIAxqIgFqIhEgCSAXc3EgF3NqIBFBGncgEUEVd3MgEUEHd3NqQdqR5rcHaiIXIAEgA3MgAnEgASADcXMgAUEedyABQRN3cyABQQp3c2ogDWoiAmoiEiARIAlzcSAJc2ogEkEadyASQRV3cyASQQd3c2pB0qL5wXlqIhkgAiABcyADcSACIAFxcyACQR53IAJBE3dzIAJBCndzaiAPaiIDaiITaiAeIBJqIBogEWogHSAJaiATIBIgEXNxIBFzaiATQRp3IBNBFXdzIBNBB3dzakHtjMfBemoiGiADIAJzIAFxIAMgAnFzIANBHncgA0ETd3MgA0EKd3NqIBhqIgFqIgkgEyASc3EgEnNqIAlBGncgCUEVd3MgCUEHd3NqQcjPjIB7aiIYIAEgA3MgAnEgASADcXMgAUEedyABQRN3cyABQQp3c2ogFGoiAmoiESAJIBNzcSATc2ogEUEadyARQRV3cyARQQd3c2pBx//l+ntqIhQgAiABcyADcSACIAFxcyACQR53IAJBE3dzIAJBCndzaiAXaiIDaiISIBEgCXNxIAlzaiASQRp3IBJBFXdzIBJBB3dzakHzl4C3fGoiFyADIAJzIAFxIAMgAnFzIANBHncgA0ETd3MgA0EKd3NqIBlqIgFqIhNqICAgEmogHCARaiAfIAlqIBMgEiARc3EgEXNqIBNBGncgE0EVd3MgE0EHd3NqQceinq19aiIZIAEgA3MgAnEgASADcXMgAUEedyABQRN3cyABQQp3c2ogGmoiAmoiCSATIBJzcSASc2ogCUEadyAJQRV3cyAJQQd3c2pB0capNmoiGiACIAFzIANxIAIgAXFzIAJBHncgAkETd3MgAkEKd3NqIBhqIgNqIhEgCSATc3EgE3NqIBFBGncgEUEVd3MgEUEHd3NqQefSpKEBaiIYIAMgAnMgAXEgAyACcXMgA0EedyADQRN3cyADQQp3c2ogFGoiAWoiEiARIAlzcSAJc2ogEkEadyASQRV3cyASQQd3c2pBhZXcvQJqIhQgASADcyACcSABIANxcyABQR53IAFBE3dzIAFBCndzaiAXaiICaiITICNqICYgEmogIiARaiAlIAlqIBMgEiARc3EgEXNqIBNBGncgE0EVd3MgE0EHd3NqQbjC7PACaiIXIAIgAXMgA3EgAiABcXMgAkEedyACQRN3cyACQQp3c2ogGWoiA2oiCSATIBJzcSASc2ogCUEadyAJQRV3cyAJQQd3c2pB/Nux6QRqIhkgAyACcyABcSADIAJxcyADQR53IANBE3dzIANBCndzaiAaaiIBaiIRIAkgE3NxIBNzaiARQRp3IBFBFXdzIBFBB3dzakGTmuCZBWoiGiABIANzIAJxIAEgA3FzIAFBHncgAUETd3MgAUEKd3NqIBhqIgJqIhIgESAJc3EgCXNqIBJBGncgEkEVd3MgEkEHd3NqQdTmqagGaiIYIAIgAXMgA3EgAiABcXMgAkEedyACQRN3cyACQQp3c2ogFGoiA2oiE2ogKCASaiAkIBFqICcgCWogEyASIBFzcSARc2ogE0EadyATQRV3cyATQQd3c2pBu5WoswdqIhQgAyACcyABcSADIAJxcyADQR53IANBE3dzIANBCndzaiAXaiIBaiIJIBMgEnNxIBJzaiAJQRp3IAlBFXdzIAlBB3dzakGukouOeGoiFyABIANzIAJxIAEgA3FzIAFBHncgAUETd3MgAUEKd3NqIBlqIgJqIhEgCSATc3EgE3NqIBFBGncgEUEVd3MgEUEHd3NqQYXZyJN5aiIZIAIgAXMgA3EgAiABcXMgAkEedyACQRN3cyACQQp3c2ogGmoiA2oiEiARIAlzcSAJc2ogEkEadyASQRV3cyASQQd3c2pBodH/lXpqIhogAyACcyABcSADIAJxcyADQR53IANBE3dzIANBCndzaiAYaiIBaiITaiAqIBJqIC0gEWogKSAJaiATIBIgEXNxIBFzaiATQRp3IBNBFXdzIBNBB3dzakHLzOnAemoiGCABIANzIAJxIAEgA3FzIAFBHncgAUETd3MgAUEKd3NqIBRqIgJqIgkgEyASc3EgEnNqIAlBGncgCUEVd3MgCUEHd3NqQfCWrpJ8aiIUIAIgAXMgA3EgAiABcXMgAkEedyACQRN3cyACQQp3c2ogF2oiA2oiESAJIBNzcSATc2ogEUEadyARQRV3cyARQQd3c2pBo6Oxu3xqIhcgAyACcyABcSADIAJxcyADQR53IANBE3dzIANBCndzaiAZaiIBaiISIBEgCXNxIAlzaiASQRp3IBJBFXdzIBJBB3dzakGZ0MuMfWoiGSABIANzIAJxIAEgA3FzIAFBHncgAUETd3MgAUEKd3NqIBpqIgJqIhNqIDAgEmogLyARaiArIAlqIBMgEiARc3EgEXNqIBNBGncgE0EVd3MgE0EHd3NqQaSM5LR9aiIaIAIgAXMgA3EgAiABcXMgAkEedyACQRN3cyACQQp3c2ogGGoiA2oiCSATIBJzcSASc2ogCUEadyAJQRV3cyAJQQd3c2pBheu4oH9qIhggAyACcyABcSADIAJxcyADQR53IANBE3dzIANBCndzaiAUaiIBaiIRIAkgE3NxIBNzaiARQRp3IBFBFXdzIBFBB3dzakHwwKqDAWoiFCABIANzIAJxIAEgA3FzIAFBHncgAUETd3MgAUEKd3NqIBdqIgJqIhIgESAJc3EgCXNqIBJBGncgEkEVd3MgEkEHd3NqQZaCk80BaiIXIAIgAXMgA3EgAiABcXMgAkEedyACQRN3cyACQQp3c2ogGWoiA2oiEyA2aiAyIBJqIDUgEWogMSAJaiATIBIgEXNxIBFzaiATQRp3IBNBFXdzIBNBB3dzakGI2N3xAWoiGSADIAJzIAFxIAMgAnFzIANBHncgA0ETd3MgA0EKd3NqIBpqIgFqIgkgEyASc3EgEnNqIAlBGncgCUEVd3MgCUEHd3NqQczuoboCaiIaIAEgA3MgAnEgASADcXMgAUEedyABQRN3cyABQQp3c2ogGGoiAmoiESAJIBNzcSATc2ogEUEadyARQRV3cyARQQd3c2pBtfnCpQNqIhggAiABcyADcSACIAFxcyACQR53IAJBE3dzIAJBCndzaiAUaiIDaiISIBEgCXNxIAlzaiASQRp3IBJBFXdzIBJBB3dzakGzmfDIA2oiFCADIAJzIAFxIAMgAnFzIANBHncgA0ETd3MgA0EKd3NqIBdqIgFqIhNqICxBGXcgLEEOd3MgLEEDdnMgKGogNGogM0EPdyAzQQ13cyAzQQp2c2oiFyASaiA3IBFqIDMgCWogEyASIBFzcSARc2ogE0EadyATQRV3cyATQQd3c2pBytTi9gRqIhsgASADcyACcSABIANxcyABQR53IAFBE3dzIAFBCndzaiAZaiICaiIJIBMgEnNxIBJzaiAJQRp3IAlBFXdzIAlBB3dzakHPlPPcBWoiGSACIAFzIANxIAIgAXFzIAJBHncgAkETd3MgAkEKd3NqIBpqIgNqIhEgCSATc3EgE3NqIBFBGncgEUEVd3MgEUEHd3NqQfPfucEGaiIaIAMgAnMgAXEgAyACcXMgA0EedyADQRN3cyADQQp3c2ogGGoiAWoiEiARIAlzcSAJc2ogEkEadyASQRV3cyASQQd3c2pB7oW+pAdqIhwgASADcyACcSABIANxcyABQR53IAFBE3dzIAFBCndzaiAUaiICaiITaiAuQRl3IC5BDndzIC5BA3ZzICpqIDZqIC1BGXcgLUEOd3MgLUEDdnMgKWogNWogF0EPdyAXQQ13cyAXQQp2c2oiFEEPdyAUQQ13cyAUQQp2c2oiGCASaiA5IBFqIBQgCWogEyASIBFzcSARc2ogE0EadyATQRV3cyATQQd3c2pB78aVxQdqIgkgAiABcyADcSACIAFxcyACQR53IAJBE3dzIAJBCndzaiAbaiIDaiIRIBMgEnNxIBJzaiARQRp3IBFBFXdzIBFBB3dzakGU8KGmeGoiGyADIAJzIAFxIAMgAnFzIANBHncgA0ETd3MgA0EKd3NqIBlqIgFqIhIgESATc3EgE3NqIBJBGncgEkEVd3MgEkEHd3NqQYiEnOZ4aiIZIAEgA3MgAnEgASADcXMgAUEedyABQRN3cyABQQp3c2ogGmoiAmoiEyASIBFzcSARc2ogE0EadyATQRV3cyATQQd3c2pB+v/7hXlqIhogAiABcyADcSACIAFxcyACQR53IAJBE3dzIAJBCndzaiAcaiIDaiIUIDxqNgLkgQVBACA/IAMgAnMgAXEgAyACcXMgA0EedyADQRN3cyADQQp3c2ogCWoiASADcyACcSABIANxcyABQR53IAFBE3dzIAFBCndzaiAbaiICIAFzIANxIAIgAXFzIAJBHncgAkETd3MgAkEKd3NqIBlqIgMgAnMgAXEgAyACcXMgA0EedyADQRN3cyADQQp3c2ogGmoiCWo2AtSBBUEAID0gL0EZdyAvQQ53cyAvQQN2cyAraiA3aiAYQQ93IBhBDXdzIBhBCnZzaiIYIBFqIBQgEyASc3EgEnNqIBRBGncgFEEVd3MgFEEHd3NqQevZwaJ6aiIZIAFqIhFqNgLggQVBACBBIAkgA3MgAnEgCSADcXMgCUEedyAJQRN3cyAJQQp3c2ogGWoiAWo2AtCBBUEAID4gMEEZdyAwQQ53cyAwQQN2cyAvaiAXaiA6QQ93IDpBDXdzIDpBCnZzaiASaiARIBQgE3NxIBNzaiARQRp3IBFBFXdzIBFBB3dzakH3x+b3e2oiFyACaiISajYC3IEFQQAgQyABIAlzIANxIAEgCXFzIAFBHncgAUETd3MgAUEKd3NqIBdqIgJqNgLMgQVBACA7IDRBGXcgNEEOd3MgNEEDdnMgMGogOGogGEEPdyAYQQ13cyAYQQp2c2ogE2ogEiARIBRzcSAUc2ogEkEadyASQRV3cyASQQd3c2pB8vHFs3xqIhEgA2pqNgLYgQVBACAAIAIgAXMgCXEgAiABcXMgAkEedyACQRN3cyACQQp3c2ogEWpqNgLIgQULswYCBH8BfkEAKALAgQUiAEECdkEPcSIBQQJ0IgIgAigCgIEFQX8gAEEDdCIAdEF/c3FBgAEgAHRzNgKAgQUCQAJAAkAgAUEOSQ0AAkAgAUEORw0AQQBBADYCvIEFC0GAgQUQA0EAIQIMAQsgAUENRg0BIAFBAWohAgsgAiEDAkBBBiACa0EHcSIARQ0AIAIgAGohAyACQQJ0QYCBBWohAQNAIAFBADYCACABQQRqIQEgAEF/aiIADQALCyACQXlqQQdJDQACQEEGIANrIgBBCHENACADQQJ0IgFCADcCmIEFIAFCADcCkIEFIAFCADcCiIEFIAFCADcCgIEFIABBCEkNASADQQhqIQMLIANBAnRBgIEFaiEBA0AgAUIANwIAIAFBOGpCADcCACABQTBqQgA3AgAgAUEoakIANwIAIAFBIGpCADcCACABQRhqQgA3AgAgAUEQakIANwIAIAFBCGpCADcCACABQcAAaiEBDAALC0EAIQBBAEEAKQPAgQUiBKdBA3QiAUH4gfwHcUEIeCABQRh4Qf+B/AdxcjYCvIEFQQAgBEIdiKciAUH/gfwHcUEIeCABQRh4Qf+B/AdxcjYCuIEFQYCBBRADQQBBACgC5IEFIgFB/4H8B3FBCHggAUEYeEH/gfwHcXI2AuSBBUEAQQAoAuCBBSIBQf+B/AdxQQh4IAFBGHhB/4H8B3FyNgLggQVBAEEAKALcgQUiAUH/gfwHcUEIeCABQRh4Qf+B/AdxcjYC3IEFQQBBACgC2IEFIgFB/4H8B3FBCHggAUEYeEH/gfwHcXI2AtiBBUEAQQAoAtSBBSIBQf+B/AdxQQh4IAFBGHhB/4H8B3FyNgLUgQVBAEEAKALQgQUiAUH/gfwHcUEIeCABQRh4Qf+B/AdxcjYC0IEFQQBBACgCzIEFIgFB/4H8B3FBCHggAUEYeEH/gfwHcXI2AsyBBUEAQQAoAsiBBSIBQf+B/AdxQQh4IAFBGHhB/4H8B3FyNgLIgQUCQEEAKALogQUiAkUNAEEAIQEDQCABQYCBBGogAUHIgQVqLQAAOgAAIAFBAWohASACIABBAWoiAEH/AXFLDQALCwsGAEGAgQULowEAQQBCADcDwIEFQQBBHEEgIAFB4AFGIgEbNgLogQVBAEKnn+anxvST/b5/Qquzj/yRo7Pw2wAgARs3A+CBBUEAQrGWgP6fooWs6ABC/6S5iMWR2oKbfyABGzcD2IEFQQBCl7rDg5Onlod3QvLmu+Ojp/2npX8gARs3A9CBBUEAQti9loj8oLW+NkLnzKfQ1tDrs7t/IAEbNwPIgQUgABACEAQLCwwBAEGAgAQLBHAAAAA=";
var hash$a = "8ed695a3";
var wasmJson$a = {
  name: name$a,
  data: data$a,
  hash: hash$a
};
var mutex$a = new Mutex();
var mutex$9 = new Mutex();
function createSHA256() {
  return WASMInterface(wasmJson$a, 32).then((wasm) => {
    wasm.init(256);
    const obj = {
      init: () => {
        wasm.init(256);
        return obj;
      },
      update: (data2) => {
        wasm.update(data2);
        return obj;
      },
      // biome-ignore lint/suspicious/noExplicitAny: Conflict with IHasher type
      digest: (outputType) => wasm.digest(outputType),
      save: () => wasm.save(),
      load: (data2) => {
        wasm.load(data2);
        return obj;
      },
      blockSize: 64,
      digestSize: 32
    };
    return obj;
  });
}
var mutex$8 = new Mutex();
var mutex$7 = new Mutex();
var mutex$6 = new Mutex();
var mutex$5 = new Mutex();
var seedBuffer$2 = new Uint8Array(8);
var mutex$4 = new Mutex();
var seedBuffer$1 = new Uint8Array(8);
var mutex$3 = new Mutex();
var seedBuffer = new Uint8Array(8);
var mutex$2 = new Mutex();
var mutex$1 = new Mutex();
var name = "sm3";
var data = "AGFzbQEAAAABDANgAAF/YAAAYAF/AAMIBwABAgIBAAIFBAEBAgIGDwJ/AUGAgAQLfwBBgIAECweCAQkGbWVtb3J5AgAPX19zdGFja19wb2ludGVyAwAOSGFzaF9HZXRCdWZmZXIAAAlIYXNoX0luaXQAAQtIYXNoX1VwZGF0ZQACCkhhc2hfRmluYWwABA1IYXNoX0dldFN0YXRlAAUOSGFzaF9DYWxjdWxhdGUABgpTVEFURV9TSVpFAwEKnxwHBgBBgIEEC1EAQQBCzdy3nO7Jw/2wfzcCoIEFQQBCvOG8y6qVzpgWNwKYgQVBAELXhZG5gcCBxVo3ApCBBUEAQu+sgJyX16yKyQA3AoiBBUEAQgA3AoCBBQulBAEHfwJAIABFDQBBAEEAKAKAgQUiASAAaiICNgKAgQUgAUE/cSEDAkAgAiABTw0AQQBBACgChIEFQQFqNgKEgQULAkACQAJAIAMNAEGAgQQhAQwBCwJAIABBwAAgA2siBE8NAEGAgQQhAQwCCyADQT9zIQUgA0GogQVqIQFBgIEEIQICQAJAIARBB3EiBg0AIAQhBwwBCyAGIQcDQCABIAItAAA6AAAgAUEBaiEBIAJBAWohAiAHQX9qIgcNAAtBwAAgBiADamshBwsCQCAFQQdJDQADQCABIAIpAAA3AAAgAUEIaiEBIAJBCGohAiAHQXhqIgcNAAsLQaiBBRADIARBgIEEaiEBIAAgBGshAAsCQCAAQcAASQ0AA0AgARADIAFBwABqIQEgAEFAaiIAQT9LDQALCyAARQ0BQQAhAwsgA0GogQVqIQICQAJAIABBB3EiBw0AIAAhBwwBCwNAIAIgAS0AADoAACACQQFqIQIgAUEBaiEBIAdBf2oiBw0ACyAAQXhxIQcLIABBCEkNAANAIAIgAS0AADoAACACQQFqIAFBAWotAAA6AAAgAkECaiABQQJqLQAAOgAAIAJBA2ogAUEDai0AADoAACACQQRqIAFBBGotAAA6AAAgAkEFaiABQQVqLQAAOgAAIAJBBmogAUEGai0AADoAACACQQdqIAFBB2otAAA6AAAgAkEIaiECIAFBCGohASAHQXhqIgcNAAsLC7cKARd/IwBBkAJrIgEkACABIAAoAhgiAkH/gfwHcUEIeCACQRh4Qf+B/AdxciIDNgIYIAEgACgCDCICQf+B/AdxQQh4IAJBGHhB/4H8B3FyIgI2AgwgASAAKAIcIgRB/4H8B3FBCHggBEEYeEH/gfwHcXIiBTYCHCABIAAoAgAiBEH/gfwHcUEIeCAEQRh4Qf+B/AdxciIGNgIAIAEgACgCFCIEQf+B/AdxQQh4IARBGHhB/4H8B3FyIgc2AhQgASAAKAIIIgRB/4H8B3FBCHggBEEYeEH/gfwHcXIiCDYCCCABIAAoAhAiBEH/gfwHcUEIeCAEQRh4Qf+B/AdxciIJNgIQIAEgACgCICIEQf+B/AdxQQh4IARBGHhB/4H8B3FyIgo2AiAgASAAKAIEIgRB/4H8B3FBCHggBEEYeEH/gfwHcXIiCzYCBCAAKAIkIQQgASAAKAI4IgxB/4H8B3FBCHggDEEYeEH/gfwHcXIiDDYCOCABIAAoAiwiDUH/gfwHcUEIeCANQRh4Qf+B/AdxciINNgIsIAEgCyAMQQ93cyAKcyIKQRd3IApBD3dzIAlBB3dzIA1zIApzNgJEIAEgACgCPCIKQf+B/AdxQQh4IApBGHhB/4H8B3FyIgo2AjwgASAEQf+B/AdxQQh4IARBGHhB/4H8B3FyIgQ2AiQgASAAKAIwIglB/4H8B3FBCHggCUEYeEH/gfwHcXIiCTYCMCABIAggCkEPd3MgBHMiBEEXdyAEQQ93cyAHQQd3cyAJcyAEczYCSCABIAAoAjQiBEH/gfwHcUEIeCAEQRh4Qf+B/AdxciIENgI0IAEgACgCKCIAQf+B/AdxQQh4IABBGHhB/4H8B3FyIgA2AiggASAGIARBD3dzIAVzIgpBF3cgCkEPd3MgAkEHd3MgAHMgCnMiCjYCQCABIAAgCkEPd3MgAnMiAEEXdyAAQQ93cyADQQd3cyAEcyAAczYCTEEAIQkgASEAQQAoAoiBBSIOIQpBACgCpIEFIg8hDUEAKAKggQUiECEDQQAoApyBBSIRIQtBACgCmIEFIhIhBUEAKAKUgQUiEyEUQQAoApCBBSIVIQZBACgCjIEFIhYhAgNAIAIhDCALIAUiBHMgAyIHcyANaiAKIgJBDHciAyAEakGZirHOByAJd2pBB3ciDWogACgCACIXaiIKQRF3IApBCXdzIApzIQUgDCAGIghzIAJzIBRqIA0gA3NqIABBEGooAgAgF3NqIQogAEEEaiEAIAtBE3chAyAMQQl3IQYgByENIAQhCyAIIRQgCUEBaiIJQRBHDQALQQAhC0EQIQwDQCACIQkgASALaiIAQdAAaiAAQThqKAIAIABBLGooAgAgAEEQaigCAHMgAEHEAGooAgBBD3dzIgJBF3dzIAJBD3dzIABBHGooAgBBB3dzIAJzIhc2AgAgCiICIAkgBiINcnEgDSAJcXIgCGogAkEMdyIKIAUiFGpBirue1AcgDHdqQQd3IgUgCnNqIBcgAEHAAGooAgAiBnNqIQogBCADIgBzIBRxIABzIAdqIAVqIAZqIgNBEXcgA0EJd3MgA3MhBSAMQQFqIQwgBEETdyEDIAlBCXchBiAAIQcgFCEEIA0hCCALQQRqIgtBwAFHDQALQQAgACAPczYCpIEFQQAgAyAQczYCoIEFQQAgFCARczYCnIEFQQAgBSASczYCmIEFQQAgDSATczYClIEFQQAgBiAVczYCkIEFQQAgAiAWczYCjIEFQQAgCiAOczYCiIEFIAFBkAJqJAALzAoBCX8jAEEQayIAJAAgAEEAKAKAgQUiAUEDdCICQfiB/AdxQQh4IAJBGHhB/4H8B3FyNgIMIABBACgChIEFIgNBA3QgAUEddnIiAkH/gfwHcUEIeCACQRh4Qf+B/AdxcjYCCAJAQThB+AAgAUE/cSIEQThJGyAEayIFRQ0AQQAgBSABaiIBNgKAgQUCQCABIAVPDQBBACADQQFqNgKEgQULAkACQAJAIAQNAEGQgAQhAQwBCwJAIAVBwAAgBGsiBk8NAEGQgAQhAQwCCyAEQT9zIQcgBEGogQVqIQFBkIAEIQICQAJAIAZBB3EiCA0AIAYhAwwBCyAIIQMDQCABIAItAAA6AAAgAUEBaiEBIAJBAWohAiADQX9qIgMNAAtBwAAgCCAEamshAwsCQCAHQQdJDQADQCABIAIpAAA3AAAgAUEIaiEBIAJBCGohAiADQXhqIgMNAAsLQaiBBRADIAZBkIAEaiEBIAUgBmshBQsCQCAFQcAASQ0AA0AgARADIAFBwABqIQEgBUFAaiIFQT9LDQALCyAFRQ0BQQAhBAsgBEGogQVqIQICQAJAIAVBB3EiAw0AIAUhAwwBCwNAIAIgAS0AADoAACACQQFqIQIgAUEBaiEBIANBf2oiAw0ACyAFQXhxIQMLIAVBCEkNAANAIAIgAS0AADoAACACQQFqIAFBAWotAAA6AAAgAkECaiABQQJqLQAAOgAAIAJBA2ogAUEDai0AADoAACACQQRqIAFBBGotAAA6AAAgAkEFaiABQQVqLQAAOgAAIAJBBmogAUEGai0AADoAACACQQdqIAFBB2otAAA6AAAgAkEIaiECIAFBCGohASADQXhqIgMNAAsLQQBBACgCgIEFIgJBCGo2AoCBBSACQT9xIQECQCACQXhJDQBBAEEAKAKEgQVBAWo2AoSBBQsCQAJAAkAgAQ0AQQAhAQwBCyABQThJDQAgASAALQAIOgCogQUCQCABQT9GDQAgAUGpgQVqIAAtAAk6AAAgAUE+Rg0AIAFBqoEFaiAALQAKOgAAIAFBPUYNACABQauBBWogAC0ACzoAACABQTxGDQAgAUGsgQVqIAAtAAw6AAAgAUE7Rg0AIAFBrYEFaiAALQANOgAAIAFBOkYNACABQa6BBWogAC0ADjoAACABQTlGDQAgAUGvgQVqIAAtAA86AABBqIEFEAMMAgtBqIEFEAMgAkEHcSICRQ0BIABBCGpBwAAgAWtqIQVBACEBA0AgAUGogQVqIAUgAWotAAA6AAAgAiABQQFqIgFHDQAMAgsLIAEgAC8BCDsAqIEFIAEgAC0ACjoAqoEFIAEgAC0ACzoAq4EFIAEgAC0ADDoArIEFIAEgAC0ADToArYEFIAEgAC0ADjoAroEFIAEgAC0ADzoAr4EFC0EAQQAoAoiBBSIBQf+B/AdxQQh4IAFBGHhB/4H8B3FyNgKAgQRBAEEAKAKMgQUiAUH/gfwHcUEIeCABQRh4Qf+B/AdxcjYChIEEQQBBACgCkIEFIgFB/4H8B3FBCHggAUEYeEH/gfwHcXI2AoiBBEEAQQAoApSBBSIBQf+B/AdxQQh4IAFBGHhB/4H8B3FyNgKMgQRBAEEAKAKYgQUiAUH/gfwHcUEIeCABQRh4Qf+B/AdxcjYCkIEEQQBBACgCnIEFIgFB/4H8B3FBCHggAUEYeEH/gfwHcXI2ApSBBEEAQQAoAqCBBSIBQf+B/AdxQQh4IAFBGHhB/4H8B3FyNgKYgQRBAEEAKAKkgQUiAUH/gfwHcUEIeCABQRh4Qf+B/AdxcjYCnIEEIABBEGokAAsGAEGAgQULjgIBA39BAELN3Lec7snD/bB/NwKggQVBAEK84bzLqpXOmBY3ApiBBUEAQteFkbmBwIHFWjcCkIEFQQBC76yAnJfXrIrJADcCiIEFQQBCADcCgIEFAkAgAEUNAEEAIAA2AoCBBUGAgQQhAQJAIABBwABJDQBBgIEEIQEDQCABEAMgAUHAAGohASAAQUBqIgBBP0sNAAsgAEUNAQtBqIEFIQICQAJAIABBB3EiAw0AIAAhAwwBCwNAIAIgAS0AADoAACACQQFqIQIgAUEBaiEBIANBf2oiAw0ACyAAQThxIQMLIABBCEkNAANAIAIgASkAADcAACACQQhqIQIgAUEIaiEBIANBeGoiAw0ACwsQBAsLUwIAQYCABAsEaAAAAABBkIAEC0CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
var hash = "3ceec540";
var wasmJson = {
  name,
  data,
  hash
};
var mutex = new Mutex();
function createSM3() {
  return WASMInterface(wasmJson, 32).then((wasm) => {
    wasm.init();
    const obj = {
      init: () => {
        wasm.init();
        return obj;
      },
      update: (data2) => {
        wasm.update(data2);
        return obj;
      },
      // biome-ignore lint/suspicious/noExplicitAny: Conflict with IHasher type
      digest: (outputType) => wasm.digest(outputType),
      save: () => wasm.save(),
      load: (data2) => {
        wasm.load(data2);
        return obj;
      },
      blockSize: 64,
      digestSize: 32
    };
    return obj;
  });
}

// src/verify-page/verifier/hashing.ts
function oneShot(hasher) {
  return (...parts) => {
    hasher.init();
    for (const part of parts) hasher.update(part);
    return hasher.digest("binary").slice();
  };
}
var sha256BlockBytes = 64;
function hmacOver(sha256) {
  return (key, ...message) => {
    const block = new Uint8Array(sha256BlockBytes);
    block.set(key.length > sha256BlockBytes ? sha256(key) : key);
    const inner = block.map((byte) => byte ^ 54);
    const outer = block.map((byte) => byte ^ 92);
    return sha256(outer, sha256(inner, ...message));
  };
}
var loaded;
function loadHashes() {
  loaded ??= (async () => {
    const sha256 = oneShot(await createSHA256());
    const sm3 = oneShot(await createSM3());
    return { sha256, sm3, hmacSha256: hmacOver(sha256) };
  })();
  return loaded;
}
function treeHashOf(hashes, name2) {
  return name2 === "sha256" ? hashes.sha256 : hashes.sm3;
}

// node_modules/@noble/hashes/_u64.js
var U32_MASK64 = /* @__PURE__ */ (() => BigInt(2 ** 32 - 1))();
var _32n = /* @__PURE__ */ BigInt(32);
function fromBig(n2, le = false) {
  if (le)
    return { h: Number(n2 & U32_MASK64), l: Number(n2 >> _32n & U32_MASK64) };
  return { h: Number(n2 >> _32n & U32_MASK64) | 0, l: Number(n2 & U32_MASK64) | 0 };
}
function split(lst, le = false) {
  const len = lst.length;
  let Ah = new Uint32Array(len);
  let Al = new Uint32Array(len);
  for (let i = 0; i < len; i++) {
    const { h, l } = fromBig(lst[i], le);
    [Ah[i], Al[i]] = [h, l];
  }
  return [Ah, Al];
}

// node_modules/@noble/hashes/sha3.js
var _0n5 = BigInt(0);
var _1n5 = BigInt(1);
var _2n3 = BigInt(2);
var _7n2 = BigInt(7);
var _256n = BigInt(256);
var _0x71n = BigInt(113);
var SHA3_PI = [];
var SHA3_ROTL = [];
var _SHA3_IOTA = [];
for (let round = 0, R = _1n5, x = 1, y = 0; round < 24; round++) {
  [x, y] = [y, (2 * x + 3 * y) % 5];
  SHA3_PI.push(2 * (5 * y + x));
  SHA3_ROTL.push((round + 1) * (round + 2) / 2 % 64);
  let t = _0n5;
  for (let j = 0; j < 7; j++) {
    R = (R << _1n5 ^ (R >> _7n2) * _0x71n) % _256n;
    if (R & _2n3)
      t ^= _1n5 << (_1n5 << BigInt(j)) - _1n5;
  }
  _SHA3_IOTA.push(t);
}
var IOTAS = split(_SHA3_IOTA, true);
var SHA3_IOTA_H = IOTAS[0];
var SHA3_IOTA_L = IOTAS[1];
var rotlSH = (h, l, s) => h << s | l >>> 32 - s;
var rotlSL = (h, l, s) => l << s | h >>> 32 - s;
var rotlBH = (h, l, s) => l << s - 32 | h >>> 64 - s;
var rotlBL = (h, l, s) => h << s - 32 | l >>> 64 - s;
var rotlH = (h, l, s) => s > 32 ? rotlBH(h, l, s) : rotlSH(h, l, s);
var rotlL = (h, l, s) => s > 32 ? rotlBL(h, l, s) : rotlSL(h, l, s);
var B = new Uint32Array(5 * 2);
function keccakP(s, rounds = 24) {
  if (!(s instanceof Uint32Array))
    throw new TypeError('"s" expected Uint32Array(50), got type=' + typeof s);
  if (s.length !== 50)
    throw new RangeError('"s" expected Uint32Array(50), got length=' + s.length);
  anumber(rounds, "rounds");
  if (rounds < 1 || rounds > 24)
    throw new Error('"rounds" expected integer 1..24');
  for (let round = 24 - rounds; round < 24; round++) {
    for (let x = 0; x < 10; x++)
      B[x] = s[x] ^ s[x + 10] ^ s[x + 20] ^ s[x + 30] ^ s[x + 40];
    for (let x = 0; x < 10; x += 2) {
      const idx1 = (x + 8) % 10;
      const idx0 = (x + 2) % 10;
      const B0 = B[idx0];
      const B1 = B[idx0 + 1];
      const Th = rotlH(B0, B1, 1) ^ B[idx1];
      const Tl = rotlL(B0, B1, 1) ^ B[idx1 + 1];
      for (let y = 0; y < 50; y += 10) {
        s[x + y] ^= Th;
        s[x + y + 1] ^= Tl;
      }
    }
    let curH = s[2];
    let curL = s[3];
    for (let t = 0; t < 24; t++) {
      const shift = SHA3_ROTL[t];
      const Th = rotlH(curH, curL, shift);
      const Tl = rotlL(curH, curL, shift);
      const PI = SHA3_PI[t];
      curH = s[PI];
      curL = s[PI + 1];
      s[PI] = Th;
      s[PI + 1] = Tl;
    }
    for (let y = 0; y < 50; y += 10) {
      const b0 = s[y], b1 = s[y + 1], b2 = s[y + 2], b3 = s[y + 3];
      s[y] ^= ~s[y + 2] & s[y + 4];
      s[y + 1] ^= ~s[y + 3] & s[y + 5];
      s[y + 2] ^= ~s[y + 4] & s[y + 6];
      s[y + 3] ^= ~s[y + 5] & s[y + 7];
      s[y + 4] ^= ~s[y + 6] & s[y + 8];
      s[y + 5] ^= ~s[y + 7] & s[y + 9];
      s[y + 6] ^= ~s[y + 8] & b0;
      s[y + 7] ^= ~s[y + 9] & b1;
      s[y + 8] ^= ~b0 & b2;
      s[y + 9] ^= ~b1 & b3;
    }
    s[0] ^= SHA3_IOTA_H[round];
    s[1] ^= SHA3_IOTA_L[round];
  }
  clean(B);
}
var Keccak = class _Keccak {
  state;
  pos = 0;
  posOut = 0;
  finished = false;
  state32;
  destroyed = false;
  blockLen;
  suffix;
  outputLen;
  canXOF;
  enableXOF = false;
  rounds;
  // NOTE: we accept arguments in bytes instead of bits here.
  constructor(blockLen, suffix, outputLen, enableXOF = false, rounds = 24) {
    anumber(blockLen, "blockLen");
    anumber(suffix, "suffix");
    anumber(rounds, "rounds");
    abool(enableXOF, "enableXOF");
    this.blockLen = blockLen;
    this.suffix = suffix;
    this.outputLen = outputLen;
    this.enableXOF = enableXOF;
    this.canXOF = enableXOF;
    this.rounds = rounds;
    anumber(outputLen, "outputLen");
    if (!(0 < blockLen && blockLen < 200))
      throw new Error('"blockLen" must be 1..199');
    this.state = new Uint8Array(200);
    this.state32 = u32(this.state);
  }
  clone() {
    return this._cloneInto();
  }
  keccak() {
    swap32IfBE(this.state32);
    keccakP(this.state32, this.rounds);
    swap32IfBE(this.state32);
    this.posOut = 0;
    this.pos = 0;
  }
  update(data2) {
    aexists(this);
    abytes(data2);
    const { blockLen, state, state32 } = this;
    const len = data2.length;
    const canUseU32 = blockLen % 4 === 0 && data2.byteOffset % 4 === 0;
    const blockLen32 = blockLen / 4;
    const data32 = canUseU32 && len >= blockLen ? u32(data2) : void 0;
    for (let pos = 0; pos < len; ) {
      if (data32 !== void 0 && this.pos === 0 && pos % 4 === 0 && len - pos >= blockLen) {
        for (let i = 0, o = pos / 4; i < blockLen32; i++)
          state32[i] ^= data32[o + i];
        pos += blockLen;
        this.pos = blockLen;
        this.keccak();
        continue;
      }
      const take = Math.min(blockLen - this.pos, len - pos);
      for (let i = 0; i < take; i++)
        state[this.pos++] ^= data2[pos++];
      if (this.pos === blockLen)
        this.keccak();
    }
    return this;
  }
  finish() {
    if (this.finished)
      return;
    this.finished = true;
    const { state, suffix, pos, blockLen } = this;
    state[pos] ^= suffix;
    if ((suffix & 128) !== 0 && pos === blockLen - 1)
      this.keccak();
    state[blockLen - 1] ^= 128;
    this.keccak();
  }
  writeInto(out) {
    aexists(this, false);
    abytes(out);
    this.finish();
    const bufferOut = this.state;
    const { blockLen } = this;
    for (let pos = 0, len = out.length; pos < len; ) {
      if (this.posOut >= blockLen)
        this.keccak();
      const take = Math.min(blockLen - this.posOut, len - pos);
      out.set(bufferOut.subarray(this.posOut, this.posOut + take), pos);
      this.posOut += take;
      pos += take;
    }
    return out;
  }
  xofInto(out) {
    if (!this.enableXOF)
      throw new Error("XOF is not enabled");
    return this.writeInto(out);
  }
  xof(bytes) {
    anumber(bytes);
    return this.xofInto(new Uint8Array(bytes));
  }
  digestInto(out) {
    aoutput(out, this);
    if (this.finished)
      throw new Error("digest() was already called");
    this.writeInto(out.length === this.outputLen ? out : out.subarray(0, this.outputLen));
    this.destroy();
  }
  digest() {
    const out = new Uint8Array(this.outputLen);
    this.digestInto(out);
    return out;
  }
  destroy() {
    this.destroyed = true;
    clean(this.state);
  }
  _cloneInto(to) {
    const { blockLen, suffix, outputLen, rounds, enableXOF } = this;
    to ||= new _Keccak(blockLen, suffix, outputLen, enableXOF, rounds);
    to.blockLen = blockLen;
    to.state32.set(this.state32);
    to.pos = this.pos;
    to.posOut = this.posOut;
    to.finished = this.finished;
    to.rounds = rounds;
    to.suffix = suffix;
    to.outputLen = outputLen;
    to.enableXOF = enableXOF;
    to.canXOF = this.canXOF;
    to.destroyed = this.destroyed;
    return to;
  }
};
var genKeccak = (suffix, blockLen, outputLen, info = {}) => createHasher(() => new Keccak(blockLen, suffix, outputLen), info);
var keccak_256 = /* @__PURE__ */ genKeccak(1, 136, 32);

// src/verify-page/verifier/evm-anchor.ts
var anchoredTopic = keccak_256(utf8("Anchored(bytes32,uint64,bytes32,address,uint64)"));

// src/verify-page/verifier/x509.ts
var Oid = {
  ecPublicKey: "1.2.840.10045.2.1",
  p256: "1.2.840.10045.3.1.7",
  p384: "1.3.132.0.34",
  sm2Curve: "1.2.156.10197.1.301",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  sha384WithRsa: "1.2.840.113549.1.1.12",
  sha512WithRsa: "1.2.840.113549.1.1.13",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  ecdsaWithSha384: "1.2.840.10045.4.3.3",
  ecdsaWithSha512: "1.2.840.10045.4.3.4",
  sm2WithSm3: "1.2.156.10197.1.501",
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
  sm3: "1.2.156.10197.1.401",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectKeyIdentifier: "2.5.29.14",
  timeStamping: "1.3.6.1.5.5.7.3.8"
};
var combinedAlgorithms = {
  [Oid.ecdsaWithSha256]: { key: "ec", hash: "SHA-256" },
  [Oid.ecdsaWithSha384]: { key: "ec", hash: "SHA-384" },
  [Oid.ecdsaWithSha512]: { key: "ec", hash: "SHA-512" },
  [Oid.sha256WithRsa]: { key: "rsa", hash: "SHA-256" },
  [Oid.sha384WithRsa]: { key: "rsa", hash: "SHA-384" },
  [Oid.sha512WithRsa]: { key: "rsa", hash: "SHA-512" },
  [Oid.sm2WithSm3]: { key: "sm2", hash: "SM3" }
};
var digestNames = {
  [Oid.sha256]: "SHA-256",
  [Oid.sha384]: "SHA-384",
  [Oid.sha512]: "SHA-512",
  [Oid.sm3]: "SM3"
};

// src/verify-page/verifier/receipt.ts
var receiptBytesMax = 1024 * 1024;

// src/verify-page/page/strings.ts
var strings = {
  title: { zh: "\u5B58\u8BC1\u6838\u9A8C", en: "Evidence verification" },
  auditTitle: { zh: "\u65E5\u5FD7\u5BA1\u8BA1", en: "Log audit" },
  intro: {
    zh: "\u5728\u60A8\u7684\u6D4F\u89C8\u5668\u91CC\u6838\u9A8C\u5B58\u8BC1\u56DE\u6267\u7684\u6BCF\u4E00\u9879\u8BC1\u660E\u3002\u5B58\u8BC1\u6587\u4EF6\u53EA\u5728\u672C\u673A\u8BA1\u7B97\u54C8\u5E0C\uFF0C\u7EDD\u4E0D\u4E0A\u4F20\u3002",
    en: "Checks every proof of a deposit receipt in your browser. The evidence file is hashed on this computer and never uploaded."
  },
  auditIntro: {
    zh: "\u6838\u9A8C\u516C\u8BC1\u5904\u65E5\u5FD7\u7684\u6700\u65B0\u68C0\u67E5\u70B9\u53CA\u5176\u533A\u5757\u94FE\u951A\u5B9A\uFF0C\u5E76\u6838\u9A8C\u4E24\u4E2A\u68C0\u67E5\u70B9\u4E4B\u95F4\u7684\u4E00\u81F4\u6027\uFF08\u65E5\u5FD7\u53EA\u589E\u4E0D\u6539\uFF09\u3002",
    en: "Checks the notary log's latest checkpoint and its chain anchors, and the consistency of two checkpoints (the log only grew)."
  },
  languageToggle: { zh: "English", en: "\u4E2D\u6587" },
  dropHere: {
    zh: "\u628A\u6587\u4EF6\u62D6\u5230\u8FD9\u91CC\uFF1A\u5B58\u8BC1\u6587\u4EF6\u3001\u56DE\u6267\uFF08.receipt.json\uFF09\u3001\u76D0\u503C\u6587\u4EF6\uFF08.salt.json\uFF09\u3001\u516C\u94A5\uFF08.vkeys\uFF09\u3001\u65F6\u95F4\u6233\u6839\u8BC1\u4E66\uFF08.pem\uFF09",
    en: "Drop files here: the evidence file, its receipt (.receipt.json), salt file (.salt.json), keys (.vkeys), TSA roots (.pem)"
  },
  evidenceLabel: { zh: "1. \u5B58\u8BC1\u6587\u4EF6\uFF08\u53EF\u9009\uFF09", en: "1. Evidence file (optional)" },
  receiptLabel: { zh: "2. \u56DE\u6267\u6587\u4EF6", en: "2. Receipt file" },
  locatorLabel: { zh: "\u6216\u8F93\u5165\u8BC1\u4E66\u4E8C\u7EF4\u7801\u4E2D\u7684\u56DE\u6267\u5B9A\u4F4D\u7801\u6216\u7F51\u5740\uFF1A", en: "or paste the locator or URL from the certificate's QR code:" },
  fetchReceipt: { zh: "\u53D6\u56DE\u6267", en: "Fetch receipt" },
  saltLabel: { zh: "3. \u76D0\u503C\u6587\u4EF6\uFF08\u6838\u9A8C\u6587\u4EF6\u5185\u5BB9\u65F6\u5FC5\u9700\uFF09", en: "3. Salt file (needed to check the file)" },
  keysLabel: { zh: "4. \u516C\u8BC1\u5904\u516C\u94A5\u6587\u4EF6\uFF08.vkeys\uFF09", en: "4. The notary's keys file (.vkeys)" },
  auditKeysLabel: { zh: "\u516C\u8BC1\u5904\u516C\u94A5\u6587\u4EF6\uFF08.vkeys\uFF09", en: "The notary's keys file (.vkeys)" },
  useServerKeys: { zh: "\u4F7F\u7528\u672C\u670D\u52A1\u5668\u516C\u5E03\u7684\u516C\u94A5", en: "Use this server's published keys" },
  serverKeysNote: {
    zh: "\u6CE8\u610F\uFF1A\u8FD9\u4E9B\u516C\u94A5\u6765\u81EA\u88AB\u6838\u9A8C\u7684\u670D\u52A1\u5668\u672C\u8EAB\u3002\u6CD5\u9662\u5E94\u5C06\u4E0B\u5217\u6307\u7EB9\u4E0E\u516C\u8BC1\u5904\u53E6\u884C\u516C\u5E03\u7684\u6307\u7EB9\u9010\u4E00\u6BD4\u5BF9\uFF1B\u4E0D\u4E00\u81F4\u5219\u6838\u9A8C\u7ED3\u679C\u4E0D\u53EF\u4FE1\u3002",
    en: "Note: these keys come from the very server being checked. A court should compare the fingerprints below with the ones the notary office publishes elsewhere; if they differ, the result means nothing."
  },
  tsaRootsLabel: { zh: "5. \u65F6\u95F4\u6233\u673A\u6784\u6839\u8BC1\u4E66\uFF08PEM\uFF0C\u53EF\u9009\uFF09", en: "5. TSA root certificates (PEM, optional)" },
  operatorTsaLabel: { zh: "\u516C\u8BC1\u5904\u81EA\u5DF1\u7684\u65F6\u95F4\u6233\u673A\u6784\u8BC1\u4E66\uFF08PEM\uFF0C\u53EF\u9009\uFF09", en: "The notary's own TSA certificates (PEM, optional)" },
  compromiseLabel: { zh: "\u5BC6\u94A5\u6CC4\u9732\u58F0\u660E\uFF08\u53EF\u9009\uFF0C\u53EF\u591A\u4E2A\uFF09", en: "Key compromise statements (optional, several allowed)" },
  compromiseNote: {
    zh: "\u58F0\u660E\u987B\u7531\u540E\u7EE7\u65E5\u5FD7\u7684\u516C\u94A5\u7B7E\u7F72\uFF0C\u4E14\u8FD9\u4E9B\u516C\u94A5\u987B\u5728\u4E0A\u9762\u7B2C 4 \u9879\u60A8\u4FE1\u4EFB\u7684\u516C\u94A5\u4E4B\u4E2D\uFF1B\u4E0D\u80FD\u6838\u9A8C\u7684\u58F0\u660E\u4E0D\u4F1A\u88AB\u91C7\u7528\uFF0C\u800C\u662F\u4F5C\u4E3A\u65E0\u6CD5\u4F7F\u7528\u7684\u8F93\u5165\u62A5\u544A\u3002\u56DE\u6267\u662F\u5426\u65E9\u4E8E\u6CC4\u9732\u65F6\u523B\uFF0C\u53EA\u770B\u72EC\u7ACB\u8BC1\u636E\uFF1A\u5916\u90E8\u65F6\u95F4\u6233\u673A\u6784\u6CE8\u660E\u4E86\u7CBE\u5EA6\u7684\u65F6\u95F4\u6233\uFF0C\u4EE5\u53CA\u7ECF\u7B2C 6 \u9879\u60A8\u4FE1\u4EFB\u7684\u4EE5\u592A\u574A\u8282\u70B9\u786E\u8BA4\u7684\u94FE\u4E0A\u951A\u5B9A\uFF08\u79BB\u7EBF\u6838\u9A8C\u7684\u533A\u5757\u5934\u53EF\u88AB\u4EFB\u610F\u4F2A\u9020\uFF09\u3002",
    en: "A statement must be signed by the successor log's keys, and those keys must be among the keys you trust (item 4); a statement that does not verify is not used but reported as unusable input. Whether a receipt predates the compromise rests on independent evidence only: an outside TSA's timestamp that states its accuracy, and chain anchors once the Ethereum node you trust (item 6) confirms them (a block header checked offline can be made with any time in it)."
  },
  serverStatementsNote: {
    zh: "\u672C\u670D\u52A1\u5668\u516C\u5E03\u4E86\u4EE5\u4E0B\u5BC6\u94A5\u6CC4\u9732\u58F0\u660E\u3002\u9009\u4E2D\u7684\u58F0\u660E\u53EA\u6709\u5728\u7528\u60A8\u4FE1\u4EFB\u7684\u516C\u94A5\u6838\u9A8C\u901A\u8FC7\u540E\u624D\u4F1A\u91C7\u7528\uFF1B\u672C\u9875\u4ECE\u4E0D\u4FE1\u4EFB\u670D\u52A1\u5668\u63D0\u4F9B\u7684\u516C\u94A5\u3002",
    en: "This server publishes the key compromise statements below. A chosen one is used only if it verifies with the keys you trust; this page never trusts keys from the server."
  },
  serverStatement: { zh: "\u672C\u670D\u52A1\u5668\u7684\u58F0\u660E", en: "This server's statement" },
  serverStatementOf: { zh: "\u65E5\u5FD7", en: "log" },
  successorLabel: { zh: "\u540E\u7EE7\u65E5\u5FD7", en: "successor" },
  serverStatementsFailed: { zh: "\u672A\u80FD\u53D6\u5F97\u672C\u670D\u52A1\u5668\u7684\u5BC6\u94A5\u58F0\u660E", en: "This server's key statements could not be fetched" },
  verdictValidCompromised: {
    zh: "\u5404\u9879\u8BC1\u660E\u5747\u6210\u7ACB\uFF0C\u4F46\u7B7E\u7F72\u68C0\u67E5\u70B9\u7684\u5BC6\u94A5\u5DF2\u88AB\u58F0\u660E\u6CC4\u9732\uFF1A\u89C1\u4E0B\u65B9\u8B66\u544A",
    en: "Every proof holds, but the keys that signed the checkpoint are declared compromised: see the warning below"
  },
  compromiseHeading: { zh: "\u5BC6\u94A5\u6CC4\u9732\u58F0\u660E", en: "Key compromise statement" },
  nodeLabel: { zh: "6. \u60A8\u4FE1\u4EFB\u7684\u4EE5\u592A\u574A\u8282\u70B9\uFF08JSON-RPC \u7F51\u5740\uFF0C\u53EF\u9009\uFF09", en: "6. Ethereum node you trust (JSON-RPC URL, optional)" },
  nodePlaceholder: { zh: "https://\u2026 \u6216\u672C\u673A\u7684 http://127.0.0.1:8545", en: "https://\u2026 or http://127.0.0.1:8545 on this computer" },
  nodeNote: {
    zh: "\u7ED9\u51FA\u65F6\uFF0C\u79BB\u7EBF\u8BC1\u660E\u5168\u90E8\u6210\u7ACB\u540E\uFF0C\u672C\u9875\u5411\u8BE5\u8282\u70B9\u67E5\u8BE2\u6BCF\u4E2A\u951A\u5B9A\u6240\u5728\u7684\u533A\u5757\u662F\u5426\u5728\u5176\u89C4\u8303\u94FE\u4E0A\u5E76\u5DF2\u6700\u7EC8\u786E\u8BA4\u3002\u53D1\u7ED9\u8282\u70B9\u7684\u53EA\u6709\u94FE\u6807\u8BC6\u548C\u533A\u5757\u53F7\u7684\u67E5\u8BE2\uFF0C\u7EDD\u4E0D\u542B\u6587\u4EF6\u3002\u8BF7\u7528\u60A8\u81EA\u5DF1\u7684\u6216\u72EC\u7ACB\u7B2C\u4E09\u65B9\u7684\u8282\u70B9\uFF0C\u4E0D\u8981\u7528\u516C\u8BC1\u5904\u7684\u8282\u70B9\u3002\u53EA\u5728\u672C\u6B21\u4F1A\u8BDD\u4E2D\u8BB0\u4F4F\u3002",
    en: "When given, and every offline proof held, the page asks this node whether each anchor's block is on its canonical chain and final. The node is sent only queries for a chain id and block numbers, never the file. Use your own node or an independent provider's, not the notary's. Remembered for this session only."
  },
  verify: { zh: "\u6838\u9A8C", en: "Verify" },
  chosen: { zh: "\u5DF2\u9009", en: "chosen" },
  hashing: { zh: "\u6B63\u5728\u672C\u673A\u8BA1\u7B97\u6587\u4EF6\u54C8\u5E0C", en: "Hashing the file on this computer" },
  verifying: { zh: "\u6B63\u5728\u6838\u9A8C", en: "Verifying" },
  needReceipt: { zh: "\u8BF7\u9009\u62E9\u56DE\u6267\u6587\u4EF6\uFF0C\u6216\u8F93\u5165\u56DE\u6267\u5B9A\u4F4D\u7801\u3002", en: "Choose a receipt file, or enter a receipt locator." },
  needKeys: { zh: "\u8BF7\u9009\u62E9\u516C\u8BC1\u5904\u7684\u516C\u94A5\u6587\u4EF6\uFF0C\u6216\u4F7F\u7528\u672C\u670D\u52A1\u5668\u516C\u5E03\u7684\u516C\u94A5\u3002", en: "Choose the notary's keys file, or use this server's published keys." },
  needSalt: { zh: "\u6838\u9A8C\u6587\u4EF6\u5185\u5BB9\u9700\u8981\u76D0\u503C\u6587\u4EF6\uFF1A\u8BF7\u9009\u62E9\u5B83\uFF0C\u6216\u79FB\u9664\u5B58\u8BC1\u6587\u4EF6\u53EA\u6838\u9A8C\u56DE\u6267\u3002", en: "Checking the file needs its salt file: choose it, or remove the file to check the receipt alone." },
  needFile: { zh: "\u5DF2\u9009\u76D0\u503C\u6587\u4EF6\u4F46\u672A\u9009\u5B58\u8BC1\u6587\u4EF6\uFF1A\u8BF7\u9009\u62E9\u5B58\u8BC1\u6587\u4EF6\u3002", en: "A salt file was chosen but no evidence file: choose the file." },
  badLocator: { zh: "\u8FD9\u4E0D\u662F\u56DE\u6267\u5B9A\u4F4D\u7801\uFF0832 \u4F4D\u5341\u516D\u8FDB\u5236\uFF09\u6216\u542B\u5B9A\u4F4D\u7801\u7684\u7F51\u5740\u3002", en: "This is not a receipt locator (32 hex digits) or a URL ending in one." },
  receiptNotFound: { zh: "\u672C\u670D\u52A1\u5668\u4E0A\u6CA1\u6709\u8BE5\u5B9A\u4F4D\u7801\u7684\u56DE\u6267\uFF08\u5B9A\u4F4D\u7801\u672A\u77E5\u6216\u5DF2\u64A4\u9500\uFF09\u3002", en: "This server has no receipt under that locator (unknown or revoked)." },
  receiptFetchFailed: { zh: "\u53D6\u56DE\u6267\u5931\u8D25", en: "Fetching the receipt failed" },
  receiptFetched: { zh: "\u5DF2\u4ECE\u672C\u670D\u52A1\u5668\u53D6\u5F97\u56DE\u6267", en: "Receipt fetched from this server" },
  otherOrigin: { zh: "\uFF08\u7F51\u5740\u6307\u5411\u53E6\u4E00\u670D\u52A1\u5668\uFF1B\u672C\u9875\u53EA\u4ECE\u672C\u670D\u52A1\u5668\u53D6\u56DE\u6267\uFF09", en: "(the URL names another server; this page fetches receipts from this server only)" },
  keysUnusable: { zh: "\u516C\u94A5\u6587\u4EF6\u65E0\u6CD5\u4F7F\u7528", en: "The keys file cannot be used" },
  keysFetchFailed: { zh: "\u53D6\u672C\u670D\u52A1\u5668\u516C\u94A5\u5931\u8D25", en: "Fetching this server's keys failed" },
  fileUnreadable: { zh: "\u6587\u4EF6\u65E0\u6CD5\u8BFB\u53D6", en: "The file cannot be read" },
  verdictValid: { zh: "\u6709\u6548\uFF1A\u56DE\u6267\u7684\u6BCF\u4E00\u9879\u8BC1\u660E\u5747\u6210\u7ACB", en: "Valid: every proof in the receipt holds" },
  verdictInvalid: { zh: "\u65E0\u6548", en: "Invalid" },
  verdictUnusable: { zh: "\u65E0\u6CD5\u6838\u9A8C\uFF1A\u6838\u9A8C\u6240\u7528\u7684\u8F93\u5165\u4E0D\u53EF\u7528", en: "Not verified: a trust input cannot be used" },
  contentMatches: { zh: "\u6240\u7ED9\u6587\u4EF6\u6B63\u662F\u5B58\u8BC1\u7684\u5185\u5BB9\u3002", en: "The given file is exactly the deposited content." },
  contentNotGiven: { zh: "\u672A\u7ED9\u51FA\u5B58\u8BC1\u6587\u4EF6\uFF1A\u53EA\u6838\u9A8C\u4E86\u56DE\u6267\u672C\u8EAB\u3002", en: "No file was given: only the receipt itself was checked." },
  failureRule: { zh: "\u8FDD\u53CD\u7684\u89C4\u5219", en: "Rule broken" },
  failureDetail: { zh: "\u8BE6\u60C5", en: "Details" },
  proofsHeading: { zh: "\u5404\u9879\u8BC1\u660E\u53CA\u5176\u65F6\u95F4\u6765\u6E90", en: "Each proof and where its time comes from" },
  logProof: { zh: "\u65E5\u5FD7\u6536\u5F55", en: "In the log" },
  logTime: { zh: "\u65E5\u5FD7\u65F6\u95F4\uFF08\u516C\u8BC1\u5904\u81EA\u5DF1\u7684\u58F0\u660E\uFF09", en: "Log time (the notary's own claim)" },
  promiseTime: { zh: "\u516C\u8BC1\u627F\u8BFA\u4E2D\u7684\u53D7\u7406\u65F6\u95F4\uFF08\u516C\u8BC1\u5904\u81EA\u5DF1\u7684\u58F0\u660E\uFF09", en: "Acceptance time in the notary's promise (the notary's own claim)" },
  origin: { zh: "\u65E5\u5FD7", en: "Log" },
  treeSize: { zh: "\u6811\u5927\u5C0F", en: "Tree size" },
  leafIndex: { zh: "\u53F6\u5B50\u5E8F\u53F7", en: "Leaf index" },
  depositorKey: { zh: "\u5B58\u8BC1\u4EBA\u516C\u94A5\u6307\u7EB9", en: "Depositor's key fingerprint" },
  timestampsHeading: { zh: "\u65F6\u95F4\u6233\uFF08RFC 3161\uFF09", en: "Timestamps (RFC 3161)" },
  noTimestamps: { zh: "\u65E0\u5DF2\u6838\u9A8C\u7684\u65F6\u95F4\u6233\u3002", en: "No verified timestamps." },
  independent: { zh: "\u72EC\u7ACB\u65F6\u95F4", en: "independent time" },
  operator: { zh: "\u8FD0\u8425\u65B9\u65F6\u95F4\uFF08\u516C\u8BC1\u5904\u81EA\u5DF1\u7684\u65F6\u95F4\u6233\u673A\u6784\uFF09", en: "operator time (the notary's own TSA)" },
  anchorsHeading: { zh: "\u533A\u5757\u94FE\u951A\u5B9A", en: "Chain anchors" },
  noAnchors: { zh: "\u65E0\u5DF2\u6838\u9A8C\u7684\u951A\u5B9A\u3002", en: "No verified anchors." },
  chain: { zh: "\u94FE", en: "Chain" },
  block: { zh: "\u533A\u5757", en: "Block" },
  blockTime: { zh: "\u533A\u5757\u65F6\u95F4", en: "Block time" },
  nodeUnusable: { zh: "\u4EE5\u592A\u574A\u8282\u70B9\u7F51\u5740\u65E0\u6CD5\u4F7F\u7528", en: "The Ethereum node URL cannot be used" },
  askingNode: { zh: "\u6B63\u5728\u5411\u60A8\u4FE1\u4EFB\u7684\u4EE5\u592A\u574A\u8282\u70B9\u67E5\u8BE2\u951A\u5B9A\u533A\u5757", en: "Asking the Ethereum node you trust about the anchors' blocks" },
  canonicalityHeading: { zh: "\u89C4\u8303\u6027\u4E0E\u6700\u7EC8\u786E\u8BA4\uFF08\u5411\u60A8\u4FE1\u4EFB\u7684\u8282\u70B9\u67E5\u8BE2\uFF09", en: "Canonical and final (asked of the node you trust)" },
  canonicalityChecked: {
    zh: "\u6BCF\u4E2A\u951A\u5B9A\u6240\u5728\u7684\u533A\u5757\u90FD\u5728\u8BE5\u8282\u70B9\u7684\u89C4\u8303\u94FE\u4E0A\uFF0C\u533A\u5757\u54C8\u5E0C\u4E0E\u56DE\u6267\u4E00\u81F4\uFF0C\u5E76\u5DF2\u6700\u7EC8\u786E\u8BA4\u3002\u8282\u70B9\uFF1A",
    en: "Every anchor's block is on this node's canonical chain with the receipt's hash, and final. Node:"
  },
  canonicalAndFinal: { zh: "\u5728\u89C4\u8303\u94FE\u4E0A\uFF0C\u5DF2\u6700\u7EC8\u786E\u8BA4", en: "canonical and final" },
  finalizedBlock: { zh: "\u8282\u70B9\u7684\u6700\u7EC8\u786E\u8BA4\u533A\u5757", en: "the node's finalized block" },
  blocksBelowHead: { zh: "\u4E2A\u533A\u5757\u4F4E\u4E8E\u8282\u70B9\u7684\u6700\u65B0\u533A\u5757", en: "blocks below the node's head" },
  notAsked: { zh: "\u672A\u67E5\u8BE2\uFF08\u524D\u4E00\u4E2A\u951A\u5B9A\u5DF2\u4E0D\u6210\u7ACB\uFF09", en: "not asked (an earlier anchor failed)" },
  couldNotCheck: { zh: "\u65E0\u6CD5\u6838\u9A8C\u89C4\u8303\u6027", en: "Could not check canonicality" },
  couldNotCheckNote: {
    zh: "\u8FD9\u4E0D\u662F\u5BF9\u56DE\u6267\u7684\u7ED3\u8BBA\uFF1A\u7ED3\u8BBA\u4ECD\u662F\u79BB\u7EBF\u6838\u9A8C\u7684\u7ED3\u8BBA\uFF0C\u89C4\u8303\u6027\u5217\u5728\u201C\u672A\u6838\u9A8C\u7684\u4E8B\u9879\u201D\u4E2D\u3002",
    en: "This is no finding about the receipt: the verdict is the offline one, and canonicality is listed as not checked."
  },
  nodeNotAsked: {
    zh: "\u5DF2\u7ED9\u51FA\u4EE5\u592A\u574A\u8282\u70B9\uFF0C\u4F46\u56DE\u6267\u4E2D\u6CA1\u6709\u79BB\u7EBF\u8BC1\u660E\u7684\u951A\u5B9A\uFF0C\u56E0\u6B64\u672A\u67E5\u8BE2\u8BE5\u8282\u70B9\u3002",
    en: "An Ethereum node was given, but the receipt has no anchor proven offline, so the node was not asked."
  },
  offlineReportHeading: { zh: "\u79BB\u7EBF\u6838\u9A8C\u62A5\u544A\uFF08\u5404\u9879\u79BB\u7EBF\u8BC1\u660E\u5747\u6210\u7ACB\uFF09", en: "The offline report (every offline proof held)" },
  chainIdLabel: { zh: "\u94FE\u6807\u8BC6", en: "chain id" },
  notCheckedHeading: { zh: "\u672A\u6838\u9A8C\u7684\u4E8B\u9879", en: "What was NOT checked" },
  nothingUnchecked: { zh: "\u65E0\u3002", en: "Nothing." },
  fetchCheckpoint: { zh: "\u53D6\u6700\u65B0\u68C0\u67E5\u70B9\u5E76\u6838\u9A8C", en: "Fetch and verify the latest checkpoint" },
  checkpointValid: { zh: "\u68C0\u67E5\u70B9\u7B7E\u540D\u6709\u6548", en: "The checkpoint signatures verify" },
  checkpointInvalid: { zh: "\u68C0\u67E5\u70B9\u65E0\u6548", en: "The checkpoint is invalid" },
  root: { zh: "\u6811\u6839", en: "Root" },
  signedBy: { zh: "\u7B7E\u540D\u516C\u94A5\u6307\u7EB9", en: "Signed by (fingerprints)" },
  anchoringOff: { zh: "\u672C\u670D\u52A1\u4E0D\u505A\u533A\u5757\u94FE\u951A\u5B9A\u3002", en: "This service does not anchor on a chain." },
  anchorsClaimed: {
    zh: "\u4EE5\u4E0B\u662F\u670D\u52A1\u5668\u6240\u62A5\u544A\u7684\u951A\u5B9A\uFF1B\u67D0\u4EFD\u56DE\u6267\u4E2D\u7684\u951A\u5B9A\u7531\u6838\u9A8C\u9875\u9762\u79BB\u7EBF\u8BC1\u660E\u3002",
    en: "These are the anchors the service reports; a receipt's anchor is proven offline by the verification page."
  },
  anchorState: { zh: "\u72B6\u6001", en: "State" },
  pasteCheckpoint: { zh: "\u6216\u7C98\u8D34\u6B64\u524D\u4FDD\u5B58\u7684\u5DF2\u7B7E\u540D\u68C0\u67E5\u70B9\uFF1A", en: "Or paste a signed checkpoint saved earlier:" },
  addCheckpoint: { zh: "\u6838\u9A8C\u5E76\u52A0\u5165", en: "Verify and add" },
  knownHeading: { zh: "\u5DF2\u6838\u9A8C\u7684\u68C0\u67E5\u70B9", en: "Verified checkpoints" },
  consistencyHeading: { zh: "\u4E00\u81F4\u6027\u6838\u9A8C", en: "Consistency check" },
  firstSize: { zh: "\u8F83\u65E9\u7684\u6811\u5927\u5C0F", en: "Earlier tree size" },
  secondSize: { zh: "\u8F83\u665A\u7684\u6811\u5927\u5C0F", en: "Later tree size" },
  checkConsistency: { zh: "\u6838\u9A8C\u4E00\u81F4\u6027", en: "Check consistency" },
  consistent: { zh: "\u4E00\u81F4\uFF1A\u8F83\u665A\u7684\u65E5\u5FD7\u5305\u542B\u8F83\u65E9\u7684\u65E5\u5FD7\uFF0C\u672A\u88AB\u6539\u52A8", en: "Consistent: the later log extends the earlier one unchanged" },
  inconsistent: { zh: "\u4E0D\u4E00\u81F4", en: "Inconsistent" },
  unknownSize: {
    zh: "\u6CA1\u6709\u8BE5\u5927\u5C0F\u7684\u5DF2\u6838\u9A8C\u68C0\u67E5\u70B9\uFF1A\u8BF7\u5148\u53D6\u5F97\u6216\u7C98\u8D34\u5B83\u3002",
    en: "No verified checkpoint of that size: fetch or paste it first."
  },
  requestFailed: { zh: "\u8BF7\u6C42\u5931\u8D25", en: "The request failed" },
  backToVerify: { zh: "\u6838\u9A8C\u56DE\u6267", en: "Verify a receipt" },
  toAudit: { zh: "\u5BA1\u8BA1\u65E5\u5FD7", en: "Audit the log" }
};

// src/verify-page/page/common.ts
var language = "zh";
var languageListeners = [];
function text(key) {
  return strings[key][language];
}
function sentence(value) {
  return value[language];
}
function onLanguage(render2) {
  languageListeners.push(render2);
  render2();
}
function setUpLanguage() {
  const apply = () => {
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
    for (const element2 of document.querySelectorAll("[data-text]")) {
      element2.textContent = text(element2.dataset.text);
    }
    for (const element2 of document.querySelectorAll("[data-placeholder]")) {
      element2.setAttribute("placeholder", text(element2.dataset.placeholder));
    }
    document.title = text(document.body.dataset.title);
  };
  byId("language-toggle").addEventListener("click", () => {
    language = language === "zh" ? "en" : "zh";
    apply();
    for (const render2 of languageListeners) render2();
  });
  apply();
}
function byId(id) {
  const element2 = document.getElementById(id);
  if (element2 === null) throw new Error(`the page has no #${id}`);
  return element2;
}
function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name2, value] of Object.entries(attributes)) made.setAttribute(name2, value);
  made.append(...children);
  return made;
}
function field(label, value, id) {
  const shown = element("span", id === void 0 ? { class: "value" } : { class: "value", id }, value);
  return element("div", { class: "field" }, element("span", { class: "label" }, `${label}: `), shown);
}
function showProblem(where, problem) {
  where.textContent = problem;
  where.hidden = problem === "";
}
async function fetchText(path) {
  const response = await fetch(path, { credentials: "omit", cache: "no-store" });
  const body = await response.text();
  return { status: response.status, body };
}
function refusalOf(body) {
  try {
    const parsed = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null && typeof parsed.error === "string") return parsed.error;
  } catch {
  }
  return body.slice(0, 200);
}
function setUpKeysPanel() {
  let keysText = null;
  let fromServer = false;
  let problem = "";
  const list = byId("key-fingerprints");
  const note = byId("server-keys-note");
  const problemLine2 = byId("keys-problem");
  const render2 = async () => {
    list.replaceChildren();
    note.hidden = !fromServer || keysText === null;
    showProblem(problemLine2, problem === "" ? "" : `${text("keysUnusable")}: ${problem}`);
    if (keysText === null) return;
    const parsed = parseVerifierKeys(keysText, await loadHashes());
    if (!parsed.ok) {
      showProblem(problemLine2, `${text("keysUnusable")}: ${parsed.problem}`);
      return;
    }
    for (const key of parsed.value.keys) {
      list.append(element("li", { "data-fingerprint": key.fingerprint }, `${key.name} (${key.algorithm}) SHA-256 `, element("code", {}, key.fingerprint)));
    }
  };
  const accept = async (candidate, server) => {
    const parsed = parseVerifierKeys(candidate, await loadHashes());
    keysText = parsed.ok ? candidate : null;
    problem = parsed.ok ? "" : parsed.problem;
    fromServer = server;
    await render2();
  };
  byId("keys-file").addEventListener("change", async (event) => {
    const file = event.target.files?.[0];
    if (file !== void 0) await accept(await file.text(), false);
  });
  byId("use-server-keys").addEventListener("click", async () => {
    try {
      const answer = await fetchText("/v1/keys");
      if (answer.status !== 200) throw new Error(refusalOf(answer.body));
      await accept(answer.body, true);
    } catch (error) {
      keysText = null;
      problem = "";
      await render2();
      showProblem(problemLine2, `${text("keysFetchFailed")}: ${error.message}`);
    }
  });
  onLanguage(() => void render2());
  return {
    current: () => keysText
  };
}

// src/verify-page/page/audit.ts
setUpLanguage();
var keys = setUpKeysPanel();
var problemLine = byId("audit-problem");
var verified = /* @__PURE__ */ new Map();
var latest = null;
var consistency = null;
async function check(note) {
  const keysText = keys.current();
  if (keysText === null) {
    showProblem(problemLine, text("needKeys"));
    return null;
  }
  const hashes = await loadHashes();
  const trusted = parseVerifierKeys(keysText, hashes);
  if (!trusted.ok) {
    showProblem(problemLine, `${text("keysUnusable")}: ${trusted.problem}`);
    return null;
  }
  const outcome = await verifyCheckpoint(note, trusted.value, hashes);
  if (!outcome.ok) {
    return { failure: { name: outcome.failure.name, ...failureSentences[outcome.failure.name], detail: outcome.failure.detail } };
  }
  verified.set(outcome.value.size, outcome.value);
  return { checkpoint: outcome.value };
}
byId("fetch-checkpoint").addEventListener("click", async () => {
  showProblem(problemLine, "");
  try {
    const answer = await fetchText("/v1/checkpoint");
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${refusalOf(answer.body)}`);
    const note = JSON.parse(answer.body).note;
    const checked = await check(note);
    if (checked === null) return;
    let anchors = null;
    if ("checkpoint" in checked) {
      const anchorAnswer = await fetchText(`/v1/anchors?tree_size=${checked.checkpoint.size}`);
      if (anchorAnswer.status !== 200) throw new Error(`HTTP ${anchorAnswer.status}: ${refusalOf(anchorAnswer.body)}`);
      anchors = JSON.parse(anchorAnswer.body);
    }
    latest = { checkpoint: "checkpoint" in checked ? checked.checkpoint : null, failure: "failure" in checked ? checked.failure : null, anchors };
    render();
  } catch (error) {
    showProblem(problemLine, `${text("requestFailed")}: ${error.message}`);
  }
});
byId("add-checkpoint").addEventListener("click", async () => {
  showProblem(problemLine, "");
  const pasted = byId("pasted-checkpoint").value.replace(/\r\n/g, "\n");
  const checked = await check(pasted.endsWith("\n") ? pasted : pasted + "\n");
  if (checked !== null && "failure" in checked) showProblem(problemLine, `${text("checkpointInvalid")}: ${checked.failure.name} \u2014 ${checked.failure.detail}`);
  render();
});
function sizeOf(id) {
  const value = byId(id).value.trim();
  return /^[0-9]{1,19}$/.test(value) ? BigInt(value) : null;
}
byId("check-consistency").addEventListener("click", async () => {
  showProblem(problemLine, "");
  const first = sizeOf("first-size");
  const second = sizeOf("second-size");
  const firstCheckpoint = first === null ? void 0 : verified.get(first);
  const secondCheckpoint = second === null ? void 0 : verified.get(second);
  if (first === null || second === null || firstCheckpoint === void 0 || secondCheckpoint === void 0) {
    showProblem(problemLine, text("unknownSize"));
    return;
  }
  try {
    const answer = await fetchText(`/v1/consistency?first=${first}&second=${second}`);
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${refusalOf(answer.body)}`);
    const proof = (JSON.parse(answer.body).proof ?? []).map((hash2) => fromBase64(hash2) ?? new Uint8Array());
    const hashes = await loadHashes();
    const outcome = verifyConsistency(treeHashOf(hashes, secondCheckpoint.treeHash), first, second, firstCheckpoint.root, secondCheckpoint.root, proof);
    consistency = { first, second, failure: outcome.ok ? null : outcome.failure };
    render();
  } catch (error) {
    showProblem(problemLine, `${text("requestFailed")}: ${error.message}`);
  }
});
function render() {
  const shown = byId("checkpoint-result");
  shown.replaceChildren();
  if (latest !== null) {
    if (latest.checkpoint === null) {
      const failure2 = latest.failure;
      shown.append(
        element("div", { id: "checkpoint-verdict", class: "verdict invalid", "data-verdict": "invalid", "data-failure": failure2.name }, `${text("checkpointInvalid")}: ${sentence(failure2)}`),
        field(text("failureDetail"), `${failure2.name}: ${failure2.detail}`)
      );
    } else {
      const checkpoint = latest.checkpoint;
      shown.append(
        element("div", { id: "checkpoint-verdict", class: "verdict valid", "data-verdict": "valid" }, text("checkpointValid")),
        field(text("origin"), checkpoint.origin, "checkpoint-origin"),
        field(text("treeSize"), checkpoint.size.toString(), "checkpoint-size"),
        field(text("root"), toHex(checkpoint.root), "checkpoint-root")
      );
      shown.append(renderAnchors(latest.anchors));
    }
  }
  const known = byId("known-checkpoints");
  known.replaceChildren();
  for (const [size, checkpoint] of [...verified.entries()].sort(([a2], [b2]) => a2 < b2 ? -1 : 1)) {
    known.append(element("li", { "data-size": size.toString() }, `${text("treeSize")} ${size} \xB7 ${text("root")} `, element("code", {}, toHex(checkpoint.root))));
  }
  const verdict = byId("consistency-result");
  verdict.replaceChildren();
  if (consistency !== null) {
    const range = ` (${consistency.first} \u2192 ${consistency.second})`;
    verdict.append(
      consistency.failure === null ? element("div", { id: "consistency-verdict", class: "verdict valid", "data-verdict": "consistent" }, text("consistent") + range) : element("div", { id: "consistency-verdict", class: "verdict invalid", "data-verdict": "inconsistent", "data-failure": consistency.failure.name }, `${text("inconsistent")}${range}: ${consistency.failure.name} \u2014 ${consistency.failure.detail}`)
    );
  }
}
function renderAnchors(answer) {
  const list = element("ul", { id: "checkpoint-anchors" });
  if (answer === null || !answer.anchoring_enabled) list.append(element("li", { class: "none" }, text("anchoringOff")));
  else if (answer.anchors.length === 0) list.append(element("li", { class: "none" }, text("noAnchors")));
  for (const anchor of answer?.anchors ?? []) {
    const blockTime = anchor.block_time === void 0 ? "" : ` \xB7 ${text("blockTime")} ${new Date(anchor.block_time * 1e3).toISOString()}`;
    const block = anchor.block_number === void 0 ? "" : ` \xB7 ${text("block")} ${anchor.block_number}${blockTime}`;
    list.append(element("li", { "data-state": anchor.state }, `${text("anchorState")} ${anchor.state} \xB7 ${text("chain")} ${anchor.chain.chain_id} \xB7 ${text("treeSize")} ${anchor.tree_size}${block}`));
  }
  return element("section", {}, element("h3", {}, text("anchorsHeading")), element("p", { class: "note" }, text("anchorsClaimed")), list);
}
onLanguage(render);
