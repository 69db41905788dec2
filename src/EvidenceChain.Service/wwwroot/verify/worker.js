// src/verify-page/verifier/bytes.ts
function concatBytes(...parts) {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
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
function fromHex(text) {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}
function fromHex0x(text) {
  return text.startsWith("0x") ? fromHex(text.slice(2)) : null;
}
var base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function fromBase64(text) {
  if (!base64Pattern.test(text)) return null;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return toBase64(out) === text ? out : null;
}
function toBase64(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
var utf8Encoder = new TextEncoder();
var strictUtf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function utf8(text) {
  return utf8Encoder.encode(text);
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
function u64(value) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value);
  return out;
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
function parseDecimal(text) {
  return /^(?:0|[1-9][0-9]*)$/.test(text) ? BigInt(text) : null;
}
function isoTime(unixMilliseconds) {
  return new Date(unixMilliseconds).toISOString();
}
function ownBuffer(bytes) {
  return new Uint8Array(bytes);
}

// src/verify-page/verifier/failures.ts
var failureNumbers = {
  IndexOutOfRange: 1,
  WrongProofLength: 2,
  RootMismatch: 3,
  SizeDecreased: 4,
  EmptyTreeHasNoProof: 5,
  MalformedNote: 20,
  NoTrustedSignature: 21,
  BadSignature: 22,
  OriginMismatch: 23,
  MalformedCheckpoint: 24,
  TreeHashMismatch: 25,
  MalformedPromise: 26,
  MalformedReceipt: 40,
  UnsupportedVersion: 41,
  UnexpectedLeafType: 42,
  MalformedLeaf: 43,
  CommitmentMismatch: 44,
  PartyCommitmentMismatch: 45,
  MalformedSaltFile: 46,
  UnitCountMismatch: 47,
  AnchorOfAnotherLog: 60,
  AnchorInconsistent: 61,
  AnchorProofInvalid: 62,
  TimestampCheckpointInvalid: 90,
  TimestampInconsistent: 91,
  TimestampUntrustedTsa: 92,
  TimestampImprintMismatch: 93,
  TimestampTokenInvalid: 94,
  MalformedKeyStatement: 110
};
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
function concatBytes2(...arrays) {
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
var concatBytes3 = (...arrays) => concatBytes2(...arrays);
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
function validateField(field) {
  aobject2(field, "field");
  if (typeof field.ORDER !== "bigint")
    throw new TypeError('param "ORDER" is invalid: expected bigint, got ' + typeof field.ORDER);
  asafenumber(field.BYTES, "BYTES");
  asafenumber(field.BITS, "BITS");
  for (const name2 of FIELD_FIELDS)
    afunction(field[name2], "field." + name2);
  if (field.BYTES < 1 || field.BITS < 1)
    throw new Error("invalid field: expected BYTES/BITS > 0");
  if (field.ORDER <= _1n2)
    throw new Error("invalid field: expected ORDER > 1, got " + field.ORDER);
  return field;
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
function validateMSMScalars(scalars, field, maxScalar) {
  if (!Array.isArray(scalars))
    throw new Error("array of scalars expected");
  scalars.forEach((s, i) => {
    const ok = maxScalar === void 0 ? field.isValid(s) : isPosBig(s) && s < maxScalar;
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
function createField(order, field, isLE2) {
  if (field) {
    if (field.ORDER !== order)
      throw new Error("Field.ORDER must match order: Fp == p, Fn == n");
    validateField(field);
    return field;
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
      return concatBytes3(pprefix(hasEvenY), bx);
    } else {
      return concatBytes3(Uint8Array.of(4), bx, Fp.toBytes(y));
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
function parseVerifierKeys(text, hashes) {
  const keys = [];
  const ignored = [];
  const lines = text.split("\n").map((line) => line.replace(/\r$/, "")).filter((line) => line.trim() !== "");
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
      keys.push({ name: name2, id, algorithm: "ed25519", publicKey: encoding.slice(1), userId: new Uint8Array(), fingerprint });
    } else if (encoding[0] === sm2Type && bytesEqual(encoding.subarray(1, 1 + sm2Identifier.length), sm2Identifier)) {
      const sm2 = readSm2Encoding(encoding);
      if (sm2 === null) return { ok: false, problem: `${where}: not an SM2 key as checkpoint.md encodes it (type, user ID, point on sm2p256v1)` };
      keys.push({ name: name2, id, algorithm: "sm2-sm3", publicKey: sm2.point, userId: sm2.userId, fingerprint });
    } else {
      ignored.push(`${name2}+${idHex} (an algorithm this verifier does not know)`);
    }
  }
  if (keys.length === 0) return { ok: false, problem: "the verifier keys file holds no Ed25519 or SM2 key" };
  return { ok: true, value: { keys, ignored } };
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
  const text = note.slice(0, split2 + 1);
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
    if (!await verifyNoteSignature(key, utf8(text), blob.subarray(4), hashes)) {
      return failure("BadSignature", `the ${key.algorithm} signature of ${name2}+${toHex(keyId)} does not verify`);
    }
    if (!signers.includes(key)) signers.push(key);
  }
  if (signers.length === 0) {
    const seen = unknownSignatures.length === 0 ? "no signature lines" : `only signatures of keys not trusted: ${unknownSignatures.join(", ")}`;
    return failure("NoTrustedSignature", seen);
  }
  return success({ text, signers, unknownSignatures });
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
  const verified = await verifySignedNote(note, trusted, hashes);
  if (!verified.ok) return verified;
  const { text, signers, unknownSignatures } = verified.value;
  const lines = text.slice(0, -1).split("\n");
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
  return success({ origin, treeHash, size, root, text, signers, unknownSignatures });
}
var algorithmNames = { ed25519: "Ed25519", "sm2-sm3": "SM2" };
function algorithmNotSigned(name2, trusted, signers) {
  const keys = trusted.keys.filter((key) => key.name === name2);
  for (const algorithm of new Set(keys.map((key) => key.algorithm))) {
    if (signers.some((key) => key.name === name2 && key.algorithm === algorithm)) continue;
    return { name: algorithmNames[algorithm], fingerprints: keys.filter((key) => key.algorithm === algorithm).map((key) => key.fingerprint) };
  }
  return null;
}

// src/verify-page/verifier/der.ts
var DerError = class extends Error {
};
var Tag = {
  boolean: 1,
  integer: 2,
  bitString: 3,
  octetString: 4,
  null: 5,
  oid: 6,
  utf8String: 12,
  printableString: 19,
  teletexString: 20,
  ia5String: 22,
  utcTime: 23,
  generalizedTime: 24,
  bmpString: 30,
  sequence: 48,
  set: 49
};
var contextConstructed = (n2) => 160 | n2;
var contextPrimitive = (n2) => 128 | n2;
function readElement(bytes, offset) {
  const tag = bytes[offset];
  if (tag === void 0) throw new DerError("truncated: no tag");
  if ((tag & 31) === 31) throw new DerError("high tag numbers are not used here");
  let position = offset + 1;
  const first = bytes[position++];
  if (first === void 0) throw new DerError("truncated: no length");
  let length = first;
  if (first === 128) throw new DerError("indefinite length is BER, not DER");
  if (first > 128) {
    const count = first & 127;
    if (count > 4) throw new DerError("length too large");
    length = 0;
    for (let i = 0; i < count; i++) {
      const byte = bytes[position++];
      if (byte === void 0) throw new DerError("truncated length");
      if (i === 0 && byte === 0) throw new DerError("length not minimal");
      length = length * 256 + byte;
    }
    if (length < 128) throw new DerError("length not minimal");
  }
  const end = position + length;
  if (end > bytes.length) throw new DerError("truncated contents");
  return { element: { tag, contents: bytes.subarray(position, end), raw: bytes.subarray(offset, end) }, next: end };
}
function readDer(bytes) {
  const { element, next } = readElement(bytes, 0);
  if (next !== bytes.length) throw new DerError("bytes after the element");
  return element;
}
function childrenOf(element) {
  if ((element.tag & 32) === 0) throw new DerError(`tag 0x${element.tag.toString(16)} is not constructed`);
  const children = [];
  let offset = 0;
  while (offset < element.contents.length) {
    const { element: child, next } = readElement(element.contents, offset);
    children.push(child);
    offset = next;
  }
  return children;
}
function expectTag(element, tag, what) {
  if (element === void 0) throw new DerError(`${what} is missing`);
  if (element.tag !== tag) throw new DerError(`${what}: tag 0x${element.tag.toString(16)}, expected 0x${tag.toString(16)}`);
  return element;
}
function sequenceOf(element, what, tag = Tag.sequence) {
  return childrenOf(expectTag(element, tag, what));
}
function readOid(element, what) {
  const contents = expectTag(element, Tag.oid, what).contents;
  if (contents.length === 0 || (contents[contents.length - 1] & 128) !== 0) throw new DerError(`${what}: malformed OID`);
  const arcs = [];
  let value = 0n;
  for (const byte of contents) {
    if (value === 0n && byte === 128) throw new DerError(`${what}: OID arc not minimal`);
    value = value << 7n | BigInt(byte & 127);
    if ((byte & 128) === 0) {
      if (arcs.length === 0) {
        const first = value < 40n ? 0n : value < 80n ? 1n : 2n;
        arcs.push(first, value - first * 40n);
      } else {
        arcs.push(value);
      }
      value = 0n;
    }
  }
  return arcs.join(".");
}
function readInteger(element, what, tag = Tag.integer) {
  const contents = expectTag(element, tag, what).contents;
  if (contents.length === 0) throw new DerError(`${what}: empty INTEGER`);
  if (contents.length > 1 && (contents[0] === 0 && (contents[1] & 128) === 0 || contents[0] === 255 && (contents[1] & 128) !== 0)) {
    throw new DerError(`${what}: INTEGER not minimal`);
  }
  const unsigned = bigIntFromBytes(contents);
  return (contents[0] & 128) !== 0 ? unsigned - (1n << BigInt(contents.length * 8)) : unsigned;
}
function readBoolean(element, what) {
  const contents = expectTag(element, Tag.boolean, what).contents;
  if (contents.length !== 1 || contents[0] !== 0 && contents[0] !== 255) throw new DerError(`${what}: not a DER BOOLEAN`);
  return contents[0] === 255;
}
function readBitString(element, what) {
  const contents = expectTag(element, Tag.bitString, what).contents;
  const unusedBits = contents[0];
  if (unusedBits === void 0 || unusedBits > 7 || contents.length === 1 && unusedBits !== 0) throw new DerError(`${what}: malformed BIT STRING`);
  return { bytes: contents.subarray(1), unusedBits };
}
function readTime(element, what) {
  if (element === void 0) throw new DerError(`${what} is missing`);
  const text = decodeUtf8(element.contents) ?? "";
  let match;
  if (element.tag === Tag.utcTime && (match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text))) {
    const year = Number(match[1]);
    return Date.UTC(year < 50 ? 2e3 + year : 1900 + year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]));
  }
  if (element.tag === Tag.generalizedTime && (match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?Z$/.exec(text))) {
    const milliseconds = Number(((match[7] ?? "") + "000").slice(0, 3));
    return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]), milliseconds);
  }
  throw new DerError(`${what}: not a UTC time`);
}
function readAlgorithm(element, what) {
  const [oid, parameters, ...rest] = sequenceOf(element, what);
  if (rest.length > 0) throw new DerError(`${what}: too many members`);
  return { oid: readOid(oid, what), parameters };
}
function hasNoParameters(parameters) {
  return parameters === void 0 || parameters.tag === Tag.null && parameters.contents.length === 0;
}

// src/verify-page/verifier/merkle.ts
var proofLengthMax = 64;
var leafPrefix = new Uint8Array([0]);
var nodePrefix = new Uint8Array([1]);
function leafHash(hash2, leaf) {
  return hash2(leafPrefix, leaf);
}
function nodeHash(hash2, left, right) {
  return hash2(nodePrefix, left, right);
}
var isOdd = (value) => (value & 1n) === 1n;
var hashBytes = 32;
function wrongHashLength(hashes) {
  const wrong = hashes.find((hash2) => hash2.length !== hashBytes);
  return wrong === void 0 ? null : failure("RootMismatch", `a hash of ${wrong.length} bytes, not ${hashBytes}`);
}
function verifyInclusion(hash2, leafIndex, treeSize, leafHashValue, proof, root) {
  if (leafIndex >= treeSize) return failure("IndexOutOfRange", `leaf index ${leafIndex} in a tree of ${treeSize} leaves`);
  if (proof.length > proofLengthMax) return failure("WrongProofLength", `${proof.length} hashes, at most ${proofLengthMax}`);
  const malformed2 = wrongHashLength([leafHashValue, root, ...proof]);
  if (malformed2) return malformed2;
  let fn = leafIndex;
  let sn = treeSize - 1n;
  let r = leafHashValue;
  for (const p2 of proof) {
    if (sn === 0n) return failure("WrongProofLength", `${proof.length} hashes is too many for leaf ${leafIndex} of ${treeSize}`);
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(hash2, p2, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(hash2, r, p2);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return failure("WrongProofLength", `${proof.length} hashes is too few for leaf ${leafIndex} of ${treeSize}`);
  if (!bytesEqual(r, root)) return failure("RootMismatch", `the proof leads to ${toHex(r)}, the root is ${toHex(root)}`);
  return success(void 0);
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
  const malformed2 = wrongHashLength([firstRoot, secondRoot, ...proof]);
  if (malformed2) return malformed2;
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
var MerkleRootBuilder = class {
  constructor(hash2) {
    this.hash = hash2;
  }
  hash;
  stack = [];
  leafCount = 0n;
  /** Appends a leaf input (hashed here as H(0x00 ‖ leaf)). */
  push(leaf) {
    let node = { size: 1n, hash: leafHash(this.hash, leaf) };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop();
      node = { size: left.size * 2n, hash: nodeHash(this.hash, left.hash, node.hash) };
    }
    this.stack.push(node);
    this.leafCount++;
  }
  get size() {
    return this.leafCount;
  }
  root() {
    if (this.stack.length === 0) return this.hash();
    let root = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) root = nodeHash(this.hash, this.stack[i].hash, root);
    return root;
  }
};

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
async function createStreamingHash(name2) {
  const hasher = name2 === "sha256" ? await createSHA256() : await createSM3();
  hasher.init();
  return {
    update: (bytes) => void hasher.update(bytes),
    finish: () => {
      const digest = hasher.digest("binary").slice();
      hasher.init();
      return digest;
    }
  };
}
function treeHashOf(hashes, name2) {
  return name2 === "sha256" ? hashes.sha256 : hashes.sm3;
}

// src/verify-page/verifier/content-hasher.ts
function isChunkSize(chunkSizeBytes) {
  return chunkSizeBytes === 0 || Number.isInteger(chunkSizeBytes) && chunkSizeBytes >= 65536 && chunkSizeBytes <= 1073741824 && (chunkSizeBytes & chunkSizeBytes - 1) === 0;
}
async function createContentHasher(chunkSizeBytes) {
  if (!isChunkSize(chunkSizeBytes)) throw new RangeError(`chunk size ${chunkSizeBytes}: 0, or a power of two from 65536 to 1073741824`);
  const sha256 = await createStreamingHash("sha256");
  const sm3 = await createStreamingHash("sm3");
  const units = [];
  let unitOffset = 0;
  let unitLength = 0;
  let finished = false;
  const closeUnit = () => {
    units.push({ path: "", offsetBytes: unitOffset, lengthBytes: unitLength, sha256: sha256.finish(), sm3: sm3.finish() });
    unitOffset += unitLength;
    unitLength = 0;
  };
  return {
    update(bytes) {
      if (finished) throw new Error("the content hasher is finished");
      let position = 0;
      while (position < bytes.length) {
        const room = chunkSizeBytes === 0 ? bytes.length - position : Math.min(bytes.length - position, chunkSizeBytes - unitLength);
        const piece = bytes.subarray(position, position + room);
        sha256.update(piece);
        sm3.update(piece);
        unitLength += room;
        position += room;
        if (chunkSizeBytes !== 0 && unitLength === chunkSizeBytes) closeUnit();
      }
    },
    finish() {
      if (finished) throw new Error("the content hasher is finished");
      finished = true;
      if (unitLength > 0 || units.length === 0) closeUnit();
      return { chunkSizeBytes, units };
    }
  };
}

// src/verify-page/verifier/commitments.ts
var saltFileFormat = "evidencechain-salt/v1";
var unitCountMax = 1048576;
function readSaltFile(json) {
  let file;
  try {
    file = JSON.parse(json);
  } catch {
    return failure("MalformedSaltFile", "not JSON");
  }
  if (typeof file !== "object" || file === null) return failure("MalformedSaltFile", "not a JSON object");
  const { format, master_salt: masterSaltHex, chunk_size_bytes: chunkSizeBytes, unit_count: unitCount } = file;
  if (format !== saltFileFormat) return failure("MalformedSaltFile", `format ${JSON.stringify(format)}, this verifier knows ${saltFileFormat}`);
  const masterSalt = typeof masterSaltHex === "string" && /^[0-9a-f]{64,128}$/.test(masterSaltHex) ? fromHex(masterSaltHex) : null;
  if (masterSalt === null) return failure("MalformedSaltFile", "master_salt is not 32 to 64 bytes of lowercase hex");
  if (typeof chunkSizeBytes !== "number" || !isChunkSize(chunkSizeBytes)) return failure("MalformedSaltFile", `chunk_size_bytes ${JSON.stringify(chunkSizeBytes)}: 0, or a power of two from 65536 to 1073741824`);
  if (typeof unitCount !== "number" || !Number.isInteger(unitCount) || unitCount < 1 || unitCount > unitCountMax) {
    return failure("MalformedSaltFile", `unit_count ${JSON.stringify(unitCount)}: from 1 to ${unitCountMax}`);
  }
  return success({ masterSalt, chunkSizeBytes, unitCount });
}
function unitSalt(hashes, masterSalt, unitIndex) {
  return hashes.hmacSha256(masterSalt, utf8("evidencechain/v1/unit-salt"), u64(BigInt(unitIndex)));
}
function unitCommitment(hash2, salt, unit, contentDigest) {
  const path = utf8(unit.path);
  return hash2(
    new Uint8Array([2]),
    salt,
    u64(BigInt(unit.offsetBytes)),
    u64(BigInt(unit.lengthBytes)),
    u16(path.length),
    path,
    contentDigest
  );
}
function unitsRoots(hashes, masterSalt, units) {
  const sha256Tree = new MerkleRootBuilder(hashes.sha256);
  const sm3Tree = new MerkleRootBuilder(hashes.sm3);
  units.forEach((unit, index) => {
    const salt = unitSalt(hashes, masterSalt, index);
    sha256Tree.push(unitCommitment(hashes.sha256, salt, unit, unit.sha256));
    sm3Tree.push(unitCommitment(hashes.sm3, salt, unit, unit.sm3));
  });
  return { sha256: sha256Tree.root(), sm3: sm3Tree.root() };
}
function partyCommitment(hash2, salt, keyFingerprint) {
  return hash2(concatBytes(new Uint8Array([3]), salt, keyFingerprint));
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

// src/verify-page/verifier/rlp.ts
var RlpError = class extends Error {
};
function readLength(bytes, offset, count) {
  if (offset + count > bytes.length) throw new RlpError("truncated length");
  if (bytes[offset] === 0) throw new RlpError("length with a leading zero");
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + i];
  if (length < 56) throw new RlpError("long form for a short length");
  return length;
}
function decodeAt(bytes, offset) {
  const prefix = bytes[offset];
  if (prefix === void 0) throw new RlpError("truncated item");
  if (prefix < 128) return { item: bytes.subarray(offset, offset + 1), next: offset + 1 };
  if (prefix < 192) {
    const short2 = prefix <= 183;
    const lengthBytes2 = short2 ? 0 : prefix - 183;
    const length2 = short2 ? prefix - 128 : readLength(bytes, offset + 1, lengthBytes2);
    const start2 = offset + 1 + lengthBytes2;
    if (start2 + length2 > bytes.length) throw new RlpError("truncated string");
    if (length2 === 1 && bytes[start2] < 128) throw new RlpError("a single byte below 0x80 must stand alone");
    return { item: bytes.subarray(start2, start2 + length2), next: start2 + length2 };
  }
  const short = prefix <= 247;
  const lengthBytes = short ? 0 : prefix - 247;
  const length = short ? prefix - 192 : readLength(bytes, offset + 1, lengthBytes);
  const start = offset + 1 + lengthBytes;
  const end = start + length;
  if (end > bytes.length) throw new RlpError("truncated list");
  const items = [];
  let position = start;
  while (position < end) {
    const { item, next } = decodeAt(bytes, position);
    if (next > end) throw new RlpError("list member overruns the list");
    items.push(item);
    position = next;
  }
  return { item: items, next: end };
}
function decodeRlp(bytes) {
  const { item, next } = decodeAt(bytes, 0);
  if (next !== bytes.length) throw new RlpError("bytes after the item");
  return item;
}
function asList(item, what) {
  if (!Array.isArray(item)) throw new RlpError(`${what} is not a list`);
  return item;
}
function asBytes(item, what) {
  if (!(item instanceof Uint8Array)) throw new RlpError(`${what} is not a byte string`);
  return item;
}
function asInteger(item, what) {
  const bytes = asBytes(item, what);
  if (bytes.length > 0 && bytes[0] === 0) throw new RlpError(`${what} has a leading zero`);
  let value = 0n;
  for (const byte of bytes) value = value << 8n | BigInt(byte);
  return value;
}
function encodeRlpInteger(value) {
  if (value === 0n) return new Uint8Array([128]);
  const bytes = [];
  for (let rest = value; rest > 0n; rest >>= 8n) bytes.unshift(Number(rest & 0xffn));
  if (bytes.length === 1 && bytes[0] < 128) return new Uint8Array(bytes);
  if (bytes.length > 55) throw new RlpError("integer too large");
  return new Uint8Array([128 + bytes.length, ...bytes]);
}

// src/verify-page/verifier/mpt.ts
var TrieProofError = class extends Error {
};
function nibblesOf(bytes) {
  const nibbles = [];
  for (const byte of bytes) nibbles.push(byte >> 4, byte & 15);
  return nibbles;
}
function decodeHexPrefix(encoded) {
  const all = nibblesOf(encoded);
  const flag = all[0];
  if (flag === void 0 || flag > 3) throw new TrieProofError("malformed hex-prefix path");
  const odd = (flag & 1) === 1;
  if (!odd && all[1] !== 0) throw new TrieProofError("malformed hex-prefix padding");
  return { nibbles: all.slice(odd ? 1 : 2), leaf: (flag & 2) === 2 };
}
function verifyTrieProof(root, key, proof) {
  const path = nibblesOf(key);
  let position = 0;
  let expected = { hash: root };
  let nodeIndex = 0;
  const found = (value) => {
    if (value.length === 0) throw new TrieProofError("the key is not in the trie");
    if (nodeIndex !== proof.length) throw new TrieProofError(`${proof.length - nodeIndex} proof nodes after the value`);
    return value;
  };
  for (; ; ) {
    let node;
    if ("hash" in expected) {
      const encoded = proof[nodeIndex++];
      if (encoded === void 0) throw new TrieProofError("the proof ends before the value");
      if (!bytesEqual(keccak_256(encoded), expected.hash)) throw new TrieProofError(`proof node ${nodeIndex - 1} is not the node its parent references`);
      node = decodeRlp(encoded);
    } else {
      node = expected.inline;
    }
    if (!Array.isArray(node)) throw new TrieProofError("a trie node is not a list");
    let next;
    if (node.length === 17) {
      if (position === path.length) return found(asBytes(node[16], "branch value"));
      next = node[path[position++]];
    } else if (node.length === 2) {
      const { nibbles, leaf } = decodeHexPrefix(asBytes(node[0], "node path"));
      const segment = path.slice(position, position + nibbles.length);
      if (segment.length !== nibbles.length || segment.some((nibble, i) => nibble !== nibbles[i])) throw new TrieProofError("the key is not in the trie");
      position += nibbles.length;
      if (leaf) {
        if (position !== path.length) throw new TrieProofError("a leaf ends before the key");
        return found(asBytes(node[1], "leaf value"));
      }
      next = node[1];
    } else {
      throw new TrieProofError(`a trie node of ${node.length} members`);
    }
    if (next === void 0) throw new TrieProofError("malformed node");
    if (Array.isArray(next)) expected = { inline: next };
    else if (next.length === 32) expected = { hash: next };
    else throw new TrieProofError("the key is not in the trie");
  }
}

// src/verify-page/verifier/evm-anchor.ts
var anchoredTopic = keccak_256(utf8("Anchored(bytes32,uint64,bytes32,address,uint64)"));
var headerReceiptsRoot = 5;
var headerNumber = 8;
var headerTimestamp = 11;
var isCount = (value) => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
function readEntry(entry) {
  const hex = (value, length) => {
    const bytes = typeof value === "string" ? fromHex0x(value) : null;
    return bytes !== null && (length === void 0 || bytes.length === length) ? bytes : null;
  };
  const consistencyProof = Array.isArray(entry.consistency_proof) ? entry.consistency_proof.map((hash2) => typeof hash2 === "string" ? fromBase64(hash2) : null) : null;
  const receiptProof = Array.isArray(entry.receipt_proof) ? entry.receipt_proof.map((node) => hex(node)) : null;
  const contract = hex(entry.contract, 20);
  const logId = hex(entry.log_id, 32);
  const root = hex(entry.root, 32);
  const blockHash = hex(entry.block_hash, 32);
  const blockHeader = hex(entry.block_header);
  const { chain_id: chainId, tree_size: treeSize, transaction_index: transactionIndex, block_number: blockNumber, block_time: blockTime } = entry;
  if (contract === null || logId === null || root === null || blockHash === null || blockHeader === null || consistencyProof === null || consistencyProof.some((hash2) => hash2 === null || hash2.length !== 32) || receiptProof === null || receiptProof.some((node) => node === null) || !isCount(chainId) || !isCount(treeSize) || !isCount(transactionIndex) || !isCount(blockNumber) || !isCount(blockTime)) {
    return null;
  }
  return {
    chainId,
    contract,
    logId,
    treeSize,
    root,
    transactionIndex,
    blockNumber,
    blockHash,
    blockTime,
    blockHeader,
    consistencyProof,
    receiptProof
  };
}
function verifyEvmAnchor(entry, checkpoint, hashes) {
  const anchor = readEntry(entry);
  if (anchor === null) return failure("MalformedReceipt", "an evm anchor entry lacks a member or has one of the wrong form");
  const logId = hashes.sha256(utf8(checkpoint.origin));
  if (!bytesEqual(anchor.logId, logId)) return failure("AnchorOfAnotherLog", `log_id 0x${toHex(anchor.logId)}, this log's is 0x${toHex(logId)}`);
  const consistent = verifyConsistency(treeHashOf(hashes, checkpoint.treeHash), checkpoint.size, BigInt(anchor.treeSize), checkpoint.root, anchor.root, anchor.consistencyProof);
  if (!consistent.ok) return failure("AnchorInconsistent", `from the receipt's ${checkpoint.size} leaves to the anchored ${anchor.treeSize}: ${consistent.failure.detail}`);
  const headerHash = keccak_256(anchor.blockHeader);
  if (!bytesEqual(headerHash, anchor.blockHash)) return failure("AnchorProofInvalid", `the header hashes to 0x${toHex(headerHash)}, block_hash is 0x${toHex(anchor.blockHash)}`);
  try {
    const header2 = asList(decodeRlp(anchor.blockHeader), "block header");
    const number = asInteger(header2[headerNumber], "header number");
    const timestamp = asInteger(header2[headerTimestamp], "header timestamp");
    if (number !== BigInt(anchor.blockNumber) || timestamp !== BigInt(anchor.blockTime)) {
      return failure("AnchorProofInvalid", `the header is of block ${number} at ${timestamp}, the entry says ${anchor.blockNumber} at ${anchor.blockTime}`);
    }
    const receiptsRoot = asBytes(header2[headerReceiptsRoot], "receiptsRoot");
    const receipt = verifyTrieProof(receiptsRoot, encodeRlpInteger(BigInt(anchor.transactionIndex)), anchor.receiptProof);
    const problem = anchoredLogProblem(receipt, anchor);
    if (problem !== null) return failure("AnchorProofInvalid", problem);
  } catch (error) {
    if (error instanceof RlpError || error instanceof TrieProofError) {
      return failure("AnchorProofInvalid", `the receipt proof does not lead from the header's receiptsRoot to transaction ${anchor.transactionIndex}'s receipt: ${error.message}`);
    }
    throw error;
  }
  return success({
    type: "evm",
    chainId: anchor.chainId,
    treeSize: anchor.treeSize,
    blockNumber: anchor.blockNumber,
    blockTime: new Date(anchor.blockTime * 1e3).toISOString(),
    blockHash: `0x${toHex(anchor.blockHash)}`,
    contract: `0x${toHex(anchor.contract)}`
  });
}
function anchoredLogProblem(receiptBytes, anchor) {
  const body = receiptBytes[0] < 128 ? receiptBytes.subarray(1) : receiptBytes;
  const [status, , , logs] = asList(decodeRlp(body), "receipt");
  if (asInteger(status, "receipt status") !== 1n) return "the transaction failed (receipt status is not 1)";
  const treeSizeTopic = new Uint8Array(32);
  new DataView(treeSizeTopic.buffer).setBigUint64(24, BigInt(anchor.treeSize));
  for (const log of asList(logs, "receipt logs")) {
    const [address, topics, data2] = asList(log, "log");
    const topicList = asList(topics, "log topics").map((topic) => asBytes(topic, "topic"));
    const dataBytes = asBytes(data2, "log data");
    if (bytesEqual(asBytes(address, "log address"), anchor.contract) && topicList.length === 4 && bytesEqual(topicList[0], anchoredTopic) && bytesEqual(topicList[1], anchor.logId) && bytesEqual(topicList[2], treeSizeTopic) && dataBytes.length === 64 && bytesEqual(dataBytes.subarray(0, 32), anchor.root)) {
      return null;
    }
  }
  return `the receipt holds no Anchored(log_id, ${anchor.treeSize}, root) log of the contract 0x${toHex(anchor.contract)}`;
}

// src/verify-page/verifier/leaf.ts
var leafBytesMax = 1024;
var depositLeafType = 1;
var depositBodyBytes = 142;
var unitCountMax2 = 1048576;
var leafTypeNames = {
  2: "custody event",
  3: "ledger batch",
  4: "case transition",
  5: "pledge event",
  6: "timestamp token",
  7: "certificate"
};
function parseDepositLeaf(leaf) {
  if (leaf.length > leafBytesMax) return failure("MalformedLeaf", `${leaf.length} bytes, at most ${leafBytesMax}`);
  if (leaf.length < 4) return failure("MalformedLeaf", `${leaf.length} bytes, shorter than the envelope`);
  if (leaf[0] !== 1) return failure("MalformedLeaf", `leaf version ${leaf[0]}, only 1 is known`);
  const bodyLength = leaf[2] << 8 | leaf[3];
  if (bodyLength !== leaf.length - 4) return failure("MalformedLeaf", `body_length ${bodyLength}, but ${leaf.length - 4} bytes follow`);
  const leafType = leaf[1];
  if (leafType !== depositLeafType) {
    return failure("UnexpectedLeafType", `leaf type ${leafType} (${leafTypeNames[leafType] ?? "reserved"}), a receipt is for a deposit (type 1)`);
  }
  if (bodyLength !== depositBodyBytes) return failure("MalformedLeaf", `a deposit body of ${bodyLength} bytes, it is ${depositBodyBytes}`);
  const body = leaf.subarray(4);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const contentKind = body[0];
  const commitmentScheme = body[1];
  if (contentKind < 1 || contentKind > 4) return failure("MalformedLeaf", `content_kind ${contentKind}, from 1 to 4`);
  if (commitmentScheme !== 1) return failure("MalformedLeaf", `commitment_scheme ${commitmentScheme}, only 1 is known`);
  const unitCount = view.getUint32(10);
  if (unitCount < 1 || unitCount > unitCountMax2) return failure("MalformedLeaf", `unit_count ${unitCount}, from 1 to ${unitCountMax2}`);
  return success({
    contentKind,
    commitmentScheme,
    receivedAtMs: Number(bigIntFromBytes(body.subarray(2, 10))),
    unitCount,
    unitsRootSha256: body.slice(14, 46),
    unitsRootSm3: body.slice(46, 78),
    depositorSha256: body.slice(78, 110),
    depositorSm3: body.slice(110, 142)
  });
}

// src/verify-page/verifier/key-compromise.ts
var keyCompromiseHeader = "evidencechain/key-compromise/v1";
var timePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/;
function parseTime(text) {
  if (!timePattern.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && isoTime(ms) === text ? ms : null;
}
var logIdOf = (origin) => origin.split("/")[2];
var malformed = (detail) => failure("MalformedKeyStatement", detail);
function parseKeyCompromise(text, hashes) {
  const lines = text.split("\n");
  if (lines.length !== 8 || lines[7] !== "" || lines[0] !== keyCompromiseHeader) {
    return malformed(`a compromise is the line ${keyCompromiseHeader}, the origin, compromised-at, frozen, two keys and the successor`);
  }
  const [, origin, atLine, frozenLine, key1, key2, successorLine] = lines;
  if (treeHashOfOrigin(origin) === null) return malformed(`${JSON.stringify(origin)} is not an EvidenceChain origin`);
  const compromisedAtMs = atLine.startsWith("compromised-at ") ? parseTime(atLine.slice("compromised-at ".length)) : null;
  if (compromisedAtMs === null) return malformed(`${JSON.stringify(atLine)} is not 'compromised-at yyyy-MM-ddTHH:mm:ss.fffZ'`);
  const frozen = frozenLine.split(" ");
  const frozenSize = frozen.length === 3 && frozen[0] === "frozen" ? parseDecimal(frozen[1]) : null;
  const frozenRoot = frozen.length === 3 ? fromBase64(frozen[2]) : null;
  if (frozenSize === null || frozenSize > 2n ** 63n - 1n || frozenRoot === null || frozenRoot.length !== 32) {
    return malformed(`${JSON.stringify(frozenLine)} is not 'frozen TREE_SIZE BASE64_ROOT'`);
  }
  if (!key1.startsWith("key ") || !key2.startsWith("key ")) return malformed("the compromised keys are two lines 'key KEY'");
  const keys = [];
  for (const line of [key1, key2]) {
    const parsed = parseVerifierKeys(line.slice("key ".length), hashes);
    if (!parsed.ok) return malformed(`${JSON.stringify(line)}: ${parsed.problem}`);
    if (parsed.value.keys.length !== 1 || parsed.value.ignored.length !== 0) return malformed(`${JSON.stringify(line)} is not one Ed25519 or SM2 verifier key`);
    keys.push(parsed.value.keys[0]);
  }
  if (keys[0].algorithm !== "ed25519" || keys[1].algorithm !== "sm2-sm3") return malformed("a key pair is one Ed25519 key and then one SM2 key");
  if (keys.some((key) => key.name !== origin)) return malformed(`a key of the pair is not named by the log's origin ${origin}`);
  const successor = successorLine.startsWith("successor ") ? successorLine.slice("successor ".length) : "";
  if (treeHashOfOrigin(successor) === null) return malformed(`${JSON.stringify(successorLine)} is not 'successor ORIGIN'`);
  if (logIdOf(successor) === logIdOf(origin)) return malformed("the successor must be a new log, with a new log id");
  return success({ origin, compromisedAtMs, frozenSize, frozenRoot, compromisedKeys: keys, successor });
}
async function verifyKeyCompromise(note, trusted, hashes) {
  const opened = await verifySignedNote(note, trusted, hashes);
  if (!opened.ok) return opened;
  const parsed = parseKeyCompromise(opened.value.text, hashes);
  if (!parsed.ok) return parsed;
  const { successor } = parsed.value;
  const signers = opened.value.signers.filter((key) => key.name === successor);
  if (signers.length === 0) return failure("NoTrustedSignature", `no trusted key of the successor log ${successor} signed the statement`);
  const unsigned = algorithmNotSigned(successor, trusted, signers);
  if (unsigned !== null) return failure("NoTrustedSignature", `no trusted ${unsigned.name} key of the successor log signed the compromise statement (trusted ones: fingerprint ${unsigned.fingerprints.join(", ")})`);
  return parsed;
}
function termsOf(statement) {
  return {
    origin: statement.origin,
    compromisedAtMs: statement.compromisedAtMs,
    frozenSize: statement.frozenSize.toString(),
    frozenRoot: toBase64(statement.frozenRoot),
    compromisedKeys: statement.compromisedKeys.map((key) => key.fingerprint),
    successor: statement.successor
  };
}
function assessCompromise(statement, report, confirmedAnchors) {
  if (report.log.origin !== statement.origin) return null;
  if (!statement.compromisedKeys.some((fingerprint) => report.log.signedBy.includes(fingerprint))) return null;
  const base = {
    origin: statement.origin,
    successor: statement.successor,
    compromisedAt: isoTime(statement.compromisedAtMs),
    frozenSize: statement.frozenSize
  };
  if (report.log.treeSize === statement.frozenSize) {
    const same = report.log.root === statement.frozenRoot;
    const finding2 = same ? "frozen-checkpoint" : "fork";
    return { finding: finding2, warning: !same, ...base, provenBefore: null, provenBy: null, unconfirmedAnchors: 0, sentence: sentenceOf(finding2, base, null, null, 0) };
  }
  const confirmed = report.anchors.filter((anchor) => confirmedAnchors.some((other) => sameBlock(anchor, other)));
  const unconfirmedAnchors = report.anchors.length - confirmed.length;
  const earliest = earliestProof(report.timestamps, confirmed);
  const proven = earliest !== null && earliest.ms < statement.compromisedAtMs ? earliest : null;
  const finding = proven === null ? "not-proven-older" : "proven-older";
  const provenBefore = proven === null ? null : isoTime(proven.ms);
  const provenBy = proven?.by ?? null;
  return {
    finding,
    warning: proven === null,
    ...base,
    provenBefore,
    provenBy,
    unconfirmedAnchors,
    sentence: sentenceOf(finding, base, provenBefore, provenBy, unconfirmedAnchors)
  };
}
function assessCompromises(statements, report, confirmedAnchors) {
  return statements.map((statement) => assessCompromise(statement, report, confirmedAnchors)).filter((finding) => finding !== null);
}
function sameBlock(anchor, other) {
  return anchor.chainId === other.chainId && anchor.blockNumber === other.blockNumber && anchor.blockHash.toLowerCase() === other.blockHash.toLowerCase();
}
function timestampProofMs(stamp) {
  if (stamp.source !== "independent" || stamp.accuracyMs === null) return null;
  return Date.parse(stamp.genTime) + stamp.accuracyMs;
}
function earliestProof(timestamps, confirmedAnchors) {
  let earliest = null;
  const consider = (ms, by) => {
    if (Number.isFinite(ms) && (earliest === null || ms < earliest.ms)) earliest = { ms, by };
  };
  for (const stamp of timestamps) {
    const ms = timestampProofMs(stamp);
    if (ms === null) continue;
    consider(ms, {
      zh: `\u65F6\u95F4\u6233\u673A\u6784 ${stamp.tsa}\uFF08${stamp.authority}\uFF09\u7684\u65F6\u95F4\u6233`,
      en: `timestamp by ${stamp.tsa} (${stamp.authority})`
    });
  }
  for (const anchor of confirmedAnchors) {
    consider(Date.parse(anchor.blockTime) + 999, {
      zh: `\u94FE ${anchor.chainId} \u7B2C ${anchor.blockNumber} \u53F7\u533A\u5757\u4E2D\u7684\u951A\u5B9A`,
      en: `anchor in block ${anchor.blockNumber} of chain ${anchor.chainId}`
    });
  }
  return earliest;
}
function sentenceOf(finding, base, provenBefore, provenBy, unconfirmedAnchors) {
  switch (finding) {
    case "frozen-checkpoint":
      return {
        zh: `\u56DE\u6267\u7684\u68C0\u67E5\u70B9\u6B63\u662F\u65E5\u5FD7 ${base.origin} \u51BB\u7ED3\u65F6\u7684\u68C0\u67E5\u70B9\uFF08\u5DF2\u5728\u94FE\u4E0A\u951A\u5B9A\uFF09\uFF0C\u4E0D\u53D7\u6CC4\u9732\u5F71\u54CD\u3002`,
        en: `The receipt's checkpoint is the one log ${base.origin} was frozen at (anchored on a chain): the compromise does not touch it.`
      };
    case "proven-older":
      return {
        zh: `\u72EC\u7ACB\u8BC1\u636E\u8BC1\u660E\u8BE5\u8BB0\u5F55\u5728\u5BC6\u94A5\u6CC4\u9732\u65F6\u523B ${base.compromisedAt} \u4E4B\u524D\u5DF2\u5728\u65E5\u5FD7\u4E2D\uFF1A${provenBy.zh}\uFF0C\u4E0D\u665A\u4E8E ${provenBefore}\u3002`,
        en: `Independent evidence proves the leaf was in the log before the keys were compromised at ${base.compromisedAt}: ${provenBy.en}, by ${provenBefore}.`
      };
    case "not-proven-older":
      return {
        zh: `\u8B66\u544A\uFF1A\u56DE\u6267\u7684\u68C0\u67E5\u70B9\u7531\u81EA ${base.compromisedAt} \u8D77\u89C6\u4E3A\u5DF2\u6CC4\u9732\u7684\u5BC6\u94A5\u7B7E\u7F72\uFF0C\u4E14\u56DE\u6267\u4E2D\u6CA1\u6709\u4EFB\u4F55\u72EC\u7ACB\u8BC1\u636E\uFF08\u5916\u90E8\u65F6\u95F4\u6233\u6216\u94FE\u4E0A\u951A\u5B9A\uFF09\u8BC1\u660E\u5B83\u65E9\u4E8E\u8BE5\u65F6\u523B\uFF1B\u5B83\u53EF\u80FD\u662F\u4F2A\u9020\u7684\u3002\u65E5\u5FD7\u5DF2\u51BB\u7ED3\u4E8E\u68C0\u67E5\u70B9 ${base.frozenSize}\uFF0C\u540E\u7EE7\u65E5\u5FD7\u4E3A ${base.successor}\u3002` + (unconfirmedAnchors > 0 ? `\u56DE\u6267\u4E2D\u7684 ${unconfirmedAnchors} \u4E2A\u94FE\u4E0A\u951A\u5B9A\u672A\u7ECF\u60A8\u4FE1\u4EFB\u7684\u8282\u70B9\u786E\u8BA4\uFF0C\u79BB\u7EBF\u6838\u9A8C\u7684\u533A\u5757\u5934\u53EF\u88AB\u4EFB\u610F\u4F2A\u9020\uFF0C\u6545\u4E0D\u8BA1\u4E3A\u65F6\u95F4\u8BC1\u636E\u3002` : ""),
        en: `WARNING: the receipt's checkpoint is signed with keys compromised from ${base.compromisedAt}, and nothing independent in it (an outside timestamp or a chain anchor) proves it existed before then; it may be forged. The log is frozen at checkpoint ${base.frozenSize}; its successor is ${base.successor}.` + (unconfirmedAnchors > 0 ? ` Its ${unconfirmedAnchors} chain anchor(s) count only once a node you trust confirms them: a block header checked offline can be made with any time in it.` : "")
      };
    case "fork":
      return {
        zh: `\u8B66\u544A\uFF1A\u56DE\u6267\u7684\u68C0\u67E5\u70B9\u4E0E\u51BB\u7ED3\u68C0\u67E5\u70B9 ${base.frozenSize} \u5927\u5C0F\u76F8\u540C\u4F46\u6839\u4E0D\u540C\uFF1A\u8FD9\u662F\u7528\u5DF2\u6CC4\u9732\u5BC6\u94A5\u7B7E\u7F72\u7684\u53E6\u4E00\u6BB5\u5386\u53F2\uFF0C\u4E0D\u662F\u516C\u8BC1\u5904\u7684\u65E5\u5FD7\u3002`,
        en: `WARNING: the receipt's checkpoint has the frozen checkpoint's size ${base.frozenSize} but another root: a second history signed with the compromised keys, not the notary's log.`
      };
  }
}

// src/verify-page/verifier/promise.ts
var promiseHeader = "evidencechain/promise/v1";
async function verifyPromise(section, origin, treeHash, leafHashValue, trusted, hashes) {
  if (typeof section !== "object" || section === null) return failure("MalformedPromise", "promise is not an object");
  const { note, batch_index: batchIndex, batch_proof: batchProof } = section;
  if (typeof note !== "string") return failure("MalformedPromise", "promise.note is not a string");
  if (typeof batchIndex !== "number" || !Number.isSafeInteger(batchIndex) || batchIndex < 0) return failure("MalformedPromise", "promise.batch_index is not a leaf index");
  if (!Array.isArray(batchProof)) return failure("MalformedPromise", "promise.batch_proof is not a list");
  const proof = [];
  for (const line of batchProof) {
    const hash2 = typeof line === "string" ? fromBase64(line) : null;
    if (hash2 === null || hash2.length !== 32) return failure("MalformedPromise", "promise.batch_proof holds something other than 32-byte base64 hashes");
    proof.push(hash2);
  }
  const verified = await verifySignedNote(note, trusted, hashes);
  if (!verified.ok) return verified;
  const lines = verified.value.text.slice(0, -1).split("\n");
  if (lines.length !== 5 || lines[0] !== promiseHeader) return failure("MalformedPromise", `the promise text is not the 5 lines of ${promiseHeader}`);
  const [, promiseOrigin, countText, rootText, acceptedText] = lines;
  if (promiseOrigin !== origin) return failure("OriginMismatch", `the promise is of the log ${promiseOrigin}, the checkpoint of ${origin}`);
  const foreignSigner = verified.value.signers.find((key) => key.name !== origin);
  if (foreignSigner) return failure("OriginMismatch", `the promise is signed by a key of ${foreignSigner.name}`);
  const batchLeafCount = parseDecimal(countText);
  const batchRoot = fromBase64(rootText);
  const acceptedAtMs = parseDecimal(acceptedText);
  if (batchLeafCount === null || batchLeafCount === 0n || batchRoot === null || batchRoot.length !== 32 || acceptedAtMs === null) {
    return failure("MalformedPromise", "the promise has no batch size, 32-byte batch root or acceptance time");
  }
  const included = verifyInclusion(treeHash, BigInt(batchIndex), batchLeafCount, leafHashValue, proof, batchRoot);
  if (!included.ok) return failure(included.failure.name, `the promise's batch proof: ${included.failure.detail}`);
  return success({ batchLeafCount, acceptedAtMs: Number(acceptedAtMs) });
}

// src/verify-page/verifier/report.ts
function invalidReport(failure2) {
  const sentence = failureSentences[failure2.name];
  return { verdict: "invalid", failure: { name: failure2.name, number: failureNumbers[failure2.name], zh: sentence.zh, en: sentence.en, detail: failure2.detail } };
}
var notCheckedSentences = {
  noEvidence: () => ({
    zh: "\u672A\u63D0\u4F9B\u5B58\u8BC1\u6587\u4EF6\u548C\u76D0\u503C\u6587\u4EF6\uFF1A\u672A\u6838\u5BF9\u5B58\u8BC1\u7684\u662F\u54EA\u4E00\u4EFD\u5185\u5BB9\u3002",
    en: "No file and salt file were given: which content was deposited is not checked."
  }),
  noDepositorOpening: () => ({
    zh: "\u56DE\u6267\u4E2D\u6CA1\u6709\u5B58\u8BC1\u4EBA\u8EAB\u4EFD\u7684\u5F00\u542F\u503C\uFF1A\u672A\u6838\u5BF9\u5B58\u8BC1\u4EBA\u662F\u8C01\u3002",
    en: "The receipt has no depositor opening: who the depositor is is not checked."
  }),
  noPromise: () => ({
    zh: "\u56DE\u6267\u4E2D\u6CA1\u6709\u516C\u8BC1\u627F\u8BFA\u3002",
    en: "The receipt carries no notary's promise."
  }),
  unknownCheckpointSignatures: (keys) => ({
    zh: `\u68C0\u67E5\u70B9\u4E0A\u672A\u53D7\u4FE1\u4EFB\u5BC6\u94A5\u7684\u7B7E\u540D\u672A\u6838\u5BF9\uFF1A${keys.join("\uFF0C")}\u3002`,
    en: `Signatures of keys not trusted were not checked: ${keys.join(", ")}.`
  }),
  ignoredTrustedKeys: (keys) => ({
    zh: `\u672A\u77E5\u7B97\u6CD5\u7684\u53D7\u4FE1\u4EFB\u5BC6\u94A5\u88AB\u5FFD\u7565\uFF1A${keys.join("\uFF0C")}\u3002`,
    en: `Trusted keys of algorithms this verifier does not know were ignored: ${keys.join(", ")}.`
  }),
  unknownMember: (where, member) => ({
    zh: `${where.zh}\u4E2D\u7684\u672A\u77E5\u6210\u5458\u201C${member}\u201D\u88AB\u5FFD\u7565\uFF0C\u672A\u6838\u5BF9\u3002`,
    en: `The unknown member "${member}" of ${where.en} was ignored and not checked.`
  }),
  unknownAnchorType: (index, type) => ({
    zh: `\u7B2C ${index + 1} \u4E2A\u951A\u5B9A\u7684\u7C7B\u578B\u201C${type}\u201D\u672A\u77E5\uFF0C\u672A\u6838\u5BF9\u3002`,
    en: `Anchor ${index + 1} is of the unknown type "${type}": not checked.`
  }),
  anchorNotLanded: (index, status) => ({
    zh: `\u7B2C ${index + 1} \u4E2A\u951A\u5B9A\u7684\u72B6\u6001\u4E3A\u201C${status}\u201D\uFF0C\u4E0D\u8BC1\u660E\u4EFB\u4F55\u4E8B\uFF0C\u672A\u6838\u5BF9\u3002`,
    en: `Anchor ${index + 1} is "${status}": it proves nothing and was not checked.`
  }),
  anchorCanonicality: (anchor) => ({
    zh: `\u533A\u5757 ${anchor.blockNumber}\uFF08${anchor.blockHash}\uFF09\u662F\u5426\u5728\u94FE ${anchor.chainId} \u7684\u89C4\u8303\u94FE\u4E0A\u5E76\u5DF2\u6700\u7EC8\u786E\u5B9A\uFF0C\u9700\u8981\u5411\u60A8\u4FE1\u4EFB\u7684\u8282\u70B9\uFF08\u4E0D\u662F\u516C\u8BC1\u5904\u7684\u8282\u70B9\uFF09\u67E5\u8BE2\uFF1A\u5728\u6838\u9A8C\u9875\u9762\u586B\u5199\u201C\u60A8\u4FE1\u4EFB\u7684\u4EE5\u592A\u574A\u8282\u70B9\u201D\uFF0C\u6216\u7528 evidencechain verify --rpc URL\uFF1B\u79BB\u7EBF\u4E5F\u65E0\u6CD5\u786E\u8BA4\u94FE\u6807\u8BC6\u3002`,
    en: `Whether block ${anchor.blockNumber} (${anchor.blockHash}) is on chain ${anchor.chainId}'s canonical history and final needs a node you trust, not the notary's: name one on the verification page ("Ethereum node you trust"), or use evidencechain verify --rpc URL; offline, the chain id is not pinned either.`
  }),
  v1Timestamps: (count) => ({
    zh: `\u7248\u672C 1 \u56DE\u6267\u672A\u89C4\u5B9A\u65F6\u95F4\u6233\u90E8\u5206\uFF1A\u5176\u4E2D ${count} \u9879\u672A\u6838\u5BF9\u3002`,
    en: `A version 1 receipt leaves its timestamps unspecified: its ${count} entries were not checked.`
  }),
  noTsaRoots: (count) => ({
    zh: `\u672A\u63D0\u4F9B\u65F6\u95F4\u6233\u673A\u6784\u6839\u8BC1\u4E66\uFF1A${count} \u4E2A\u65F6\u95F4\u6233\u4EE4\u724C\u672A\u6838\u5BF9\uFF0C\u4E5F\u4E0D\u663E\u793A\u5176\u65F6\u95F4\uFF08\u53EF\u7528 evidencechain verify --tsa-root \u6587\u4EF6 \u6838\u5BF9\uFF09\u3002`,
    en: `No TSA roots were given: ${count} timestamp tokens were not checked and their times are not shown (check them with evidencechain verify --tsa-root FILE).`
  }),
  unknownTimestampType: (index, type) => ({
    zh: `\u7B2C ${index + 1} \u4E2A\u65F6\u95F4\u6233\u7684\u7C7B\u578B\u201C${type}\u201D\u672A\u77E5\uFF0C\u672A\u6838\u5BF9\u3002`,
    en: `Timestamp ${index + 1} is of the unknown type "${type}": not checked.`
  }),
  tsaRevocation: () => ({
    zh: "\u65F6\u95F4\u6233\u673A\u6784\u8BC1\u4E66\u7684\u540A\u9500\u72B6\u6001\u672A\u6838\u5BF9\uFF1B\u8BC1\u4E66\u94FE\u6309\u4EE4\u724C\u7684\u751F\u6210\u65F6\u95F4\u5224\u65AD\u3002",
    en: "Revocation of the TSA certificates is not checked; their chains are judged at each token's genTime."
  }),
  operatorTime: (authority) => ({
    zh: `\u65F6\u95F4\u6233\u201C${authority}\u201D\u6765\u81EA\u516C\u8BC1\u5904\u81EA\u5DF1\u7684\u65F6\u95F4\u6233\u673A\u6784\uFF1A\u662F\u8FD0\u8425\u65B9\u65F6\u95F4\uFF0C\u4E0D\u662F\u72EC\u7ACB\u65F6\u95F4\u3002`,
    en: `Timestamp "${authority}" is from the notary's own TSA: operator time, not independent.`
  })
};

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
var attributeNames = {
  "2.5.4.3": "CN",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.5": "SERIALNUMBER",
  "1.2.840.113549.1.9.1": "E"
};
function directoryString(element) {
  switch (element.tag) {
    case Tag.utf8String:
    case Tag.printableString:
    case Tag.ia5String:
      return decodeUtf8(element.contents) ?? "";
    case Tag.teletexString:
      return String.fromCharCode(...element.contents);
    case Tag.bmpString: {
      let text = "";
      for (let i = 0; i + 1 < element.contents.length; i += 2) text += String.fromCharCode(element.contents[i] << 8 | element.contents[i + 1]);
      return text;
    }
    default:
      throw new DerError(`a name attribute of tag 0x${element.tag.toString(16)}`);
  }
}
function nameText(name2) {
  const rdns = sequenceOf(name2, "Name").map(
    (rdn) => sequenceOf(rdn, "RelativeDistinguishedName", Tag.set).map((attribute) => {
      const [type, value] = sequenceOf(attribute, "AttributeTypeAndValue");
      const oid = readOid(type, "attribute type");
      if (value === void 0) throw new DerError("attribute value missing");
      const text = directoryString(value);
      return `${attributeNames[oid] ?? oid}=${text.replace(/([,+"\\<>;])/g, "\\$1")}`;
    }).join("+")
  );
  return rdns.reverse().join(", ");
}
function keyAlgorithmOf(spki) {
  const [algorithm, key] = sequenceOf(spki, "SubjectPublicKeyInfo");
  const { oid, parameters } = readAlgorithm(algorithm, "subjectPublicKeyInfo algorithm");
  const publicKey = readBitString(key, "subjectPublicKey").bytes;
  if (oid === Oid.rsaEncryption) return { keyAlgorithm: "rsa", publicKey };
  if (oid !== Oid.ecPublicKey || parameters?.tag !== Tag.oid) return { keyAlgorithm: "other", publicKey };
  const curve = readOid(parameters, "namedCurve");
  const keyAlgorithm = curve === Oid.p256 ? "p256" : curve === Oid.p384 ? "p384" : curve === Oid.sm2Curve ? "sm2" : "other";
  return { keyAlgorithm, publicKey };
}
function parseCertificate(raw) {
  const certificate = readDer(raw);
  const [tbsElement, signatureAlgorithm, signatureValue, ...extra] = sequenceOf(certificate, "Certificate");
  if (extra.length > 0) throw new DerError("Certificate: too many members");
  const tbs = sequenceOf(tbsElement, "TBSCertificate");
  let index = 0;
  if (tbs[0]?.tag === contextConstructed(0)) index++;
  const serial = readInteger(tbs[index++], "serialNumber");
  index++;
  const issuer = tbs[index++];
  const [notBefore, notAfter] = sequenceOf(tbs[index++], "Validity");
  const subject = tbs[index++];
  const spki = tbs[index++];
  if (issuer === void 0 || subject === void 0 || spki === void 0) throw new DerError("TBSCertificate: members missing");
  const { keyAlgorithm, publicKey } = keyAlgorithmOf(spki);
  let basicConstraints;
  let keyUsage;
  let extendedKeyUsage;
  let subjectKeyId;
  const extensions = tbs.slice(index).find((element) => element.tag === contextConstructed(3));
  for (const extension of extensions ? sequenceOf(childrenOf(extensions)[0], "Extensions") : []) {
    const members = sequenceOf(extension, "Extension");
    const oid = readOid(members[0], "extnID");
    const critical = members.length === 3 ? readBoolean(members[1], "critical") : false;
    const value = readDer(members[members.length - 1].contents);
    if (oid === Oid.basicConstraints) {
      const fields = childrenOf(value);
      const ca = fields[0]?.tag === Tag.boolean ? readBoolean(fields[0], "cA") : false;
      const pathField = fields.find((field) => field.tag === Tag.integer);
      basicConstraints = { ca, pathLength: pathField ? readInteger(pathField, "pathLenConstraint") : void 0 };
    } else if (oid === Oid.keyUsage) {
      keyUsage = readBitString(value, "keyUsage").bytes;
    } else if (oid === Oid.extKeyUsage) {
      extendedKeyUsage = { critical, purposes: childrenOf(value).map((purpose) => readOid(purpose, "KeyPurposeId")) };
    } else if (oid === Oid.subjectKeyIdentifier) {
      subjectKeyId = expectTag(value, Tag.octetString, "subjectKeyIdentifier").contents;
    }
  }
  return {
    raw,
    tbs: tbsElement.raw,
    serial,
    issuer: issuer.raw,
    subject: subject.raw,
    subjectText: nameText(subject),
    notBeforeMs: readTime(notBefore, "notBefore"),
    notAfterMs: readTime(notAfter, "notAfter"),
    spki: spki.raw,
    keyAlgorithm,
    publicKey,
    signatureAlgorithm: readAlgorithm(signatureAlgorithm, "signatureAlgorithm").oid,
    signature: readBitString(signatureValue, "signatureValue").bytes,
    basicConstraints,
    keyUsage,
    extendedKeyUsage,
    subjectKeyId
  };
}
function pemCertificates(pem) {
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  const certificates = [];
  for (const block of blocks) {
    const der = fromBase64(block[1].replace(/\s+/g, ""));
    if (der === null) return null;
    certificates.push(der);
  }
  return certificates;
}
function bitSet(bits, bit) {
  return ((bits[bit >> 3] ?? 0) & 128 >> (bit & 7)) !== 0;
}
var keyCertSignBit = 5;
function isCertificateAuthority(certificate) {
  return certificate.basicConstraints?.ca === true && (certificate.keyUsage === void 0 || bitSet(certificate.keyUsage, keyCertSignBit));
}
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
async function verifySignature(signer, signatureAlgorithm, digestAlgorithm, message, signature, hashes) {
  let algorithm = combinedAlgorithms[signatureAlgorithm];
  const bareHash = digestAlgorithm === void 0 ? void 0 : digestNames[digestAlgorithm];
  if (algorithm === void 0 && bareHash !== void 0) {
    if (signatureAlgorithm === Oid.ecPublicKey) algorithm = signer.keyAlgorithm === "sm2" ? { key: "sm2", hash: bareHash } : { key: "ec", hash: bareHash };
    if (signatureAlgorithm === Oid.rsaEncryption) algorithm = { key: "rsa", hash: bareHash };
  }
  if (algorithm === void 0) return false;
  try {
    if (algorithm.key === "sm2") {
      if (signer.keyAlgorithm !== "sm2" || algorithm.hash !== "SM3") return false;
      const { r, s } = readEcdsaSignature(signature);
      return verifySm2(hashes.sm3, signer.publicKey, defaultSm2UserId, message, r, s);
    }
    if (algorithm.hash === "SM3") return false;
    if (algorithm.key === "ec") {
      if (signer.keyAlgorithm !== "p256" && signer.keyAlgorithm !== "p384") return false;
      const namedCurve = signer.keyAlgorithm === "p256" ? "P-256" : "P-384";
      const size = signer.keyAlgorithm === "p256" ? 32 : 48;
      const { r, s } = readEcdsaSignature(signature);
      if (r >= 1n << BigInt(size * 8) || s >= 1n << BigInt(size * 8)) return false;
      const fixed = new Uint8Array([...bytesFromBigInt(r, size), ...bytesFromBigInt(s, size)]);
      const key2 = await crypto.subtle.importKey("spki", ownBuffer(signer.spki), { name: "ECDSA", namedCurve }, false, ["verify"]);
      return await crypto.subtle.verify({ name: "ECDSA", hash: algorithm.hash }, key2, fixed, ownBuffer(message));
    }
    if (signer.keyAlgorithm !== "rsa") return false;
    const key = await crypto.subtle.importKey("spki", ownBuffer(signer.spki), { name: "RSASSA-PKCS1-v1_5", hash: algorithm.hash }, false, ["verify"]);
    return await crypto.subtle.verify({ name: "RSASSA-PKCS1-v1_5" }, key, ownBuffer(signature), ownBuffer(message));
  } catch (error) {
    if (error instanceof DerError || error instanceof DOMException || error instanceof TypeError) return false;
    throw error;
  }
}
function readEcdsaSignature(der) {
  const [r, s, ...rest] = sequenceOf(readDer(der), "ECDSA signature");
  if (rest.length > 0) throw new DerError("ECDSA signature: too many members");
  const rValue = readInteger(r, "r");
  const sValue = readInteger(s, "s");
  if (rValue <= 0n || sValue <= 0n) throw new DerError("ECDSA signature: not positive");
  return { r: rValue, s: sValue };
}
async function digestByOid(oid, data2, hashes) {
  if (oid === Oid.sha256) return hashes.sha256(data2);
  if (oid === Oid.sm3) return hashes.sm3(data2);
  const webName = oid === Oid.sha1 ? "SHA-1" : oid === Oid.sha384 ? "SHA-384" : oid === Oid.sha512 ? "SHA-512" : null;
  return webName === null ? null : new Uint8Array(await crypto.subtle.digest(webName, ownBuffer(data2)));
}

// src/verify-page/verifier/rfc3161.ts
var tokenBytesMax = 65536;
var chainLengthMax = 6;
var CmsOid = {
  signedData: "1.2.840.113549.1.7.2",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificate: "1.2.840.113549.1.9.16.2.12",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47"
};
var invalid = (detail) => failure("TimestampTokenInvalid", detail);
function imprintAlgorithmOf(tokenDer) {
  try {
    const tstInfo = readTstInfo(readSignedToken(tokenDer).content);
    return tstInfo.imprintAlgorithm === Oid.sha256 ? "sha256" : tstInfo.imprintAlgorithm === Oid.sm3 ? "sm3" : "other";
  } catch (error) {
    if (error instanceof DerError) return null;
    throw error;
  }
}
async function verifyToken(tokenDer, expectedImprint, trust, hashes) {
  if (tokenDer.length > tokenBytesMax) return invalid(`${tokenDer.length} bytes, at most ${tokenBytesMax}`);
  let token;
  try {
    token = readSignedToken(tokenDer);
  } catch (error) {
    if (error instanceof DerError) return invalid(`not a DER time-stamp token: ${error.message}`);
    throw error;
  }
  const signer = token.certificates.find(
    (certificate) => token.subjectKeyId === void 0 ? bytesEqual(certificate.issuer, token.issuer) && certificate.serial === token.serial : certificate.subjectKeyId !== void 0 && bytesEqual(certificate.subjectKeyId, token.subjectKeyId)
  );
  if (signer === void 0) return invalid("the token does not carry its signer's certificate");
  const chain = await chainToRoot(signer, token.certificates, trust.roots, hashes);
  if (!chain.ok) return chain;
  const attributes = readAttributes(token.signedAttributes);
  if (attributes === null) return invalid("the signed attributes are malformed");
  const contentType = attributes.get(CmsOid.contentType);
  const messageDigest = attributes.get(CmsOid.messageDigest);
  const contentDigest = await digestByOid(token.digestAlgorithm, token.content, hashes);
  if (contentDigest === null) return invalid(`the digest algorithm ${token.digestAlgorithm} is not supported`);
  try {
    if (contentType === void 0 || readOid(contentType, "content-type") !== CmsOid.tstInfo) return invalid("the content-type attribute is not id-ct-TSTInfo");
    if (messageDigest === void 0 || !bytesEqual(expectTag(messageDigest, Tag.octetString, "message-digest").contents, contentDigest)) {
      return invalid("the message-digest attribute is not the digest of the TSTInfo");
    }
  } catch (error) {
    if (error instanceof DerError) return invalid(error.message);
    throw error;
  }
  const signedBytes = new Uint8Array(token.signedAttributes.raw);
  signedBytes[0] = Tag.set;
  if (!await verifySignature(signer, token.signatureAlgorithm, token.digestAlgorithm, signedBytes, token.signature, hashes)) {
    return invalid(`the signature (${token.signatureAlgorithm}) does not verify with ${signer.subjectText}'s key`);
  }
  let tstInfo;
  try {
    tstInfo = readTstInfo(token.content);
  } catch (error) {
    if (error instanceof DerError) return invalid(`not a version 1 TSTInfo: ${error.message}`);
    throw error;
  }
  const binding = await checkCertificateBinding(attributes, signer, hashes);
  if (binding !== null) return invalid(binding);
  const usage = signer.extendedKeyUsage;
  if (usage === void 0 || !usage.critical || usage.purposes.length !== 1 || usage.purposes[0] !== Oid.timeStamping) {
    return invalid(`${signer.subjectText}'s certificate is not a TSA's: its extended key usage is not critical timeStamping alone`);
  }
  const expired = chain.value.find((certificate) => tstInfo.genTimeMs < certificate.notBeforeMs || tstInfo.genTimeMs > certificate.notAfterMs);
  if (expired) return invalid(`${expired.subjectText}'s certificate was not valid at genTime ${new Date(tstInfo.genTimeMs).toISOString()}`);
  if (tstInfo.imprintAlgorithm !== Oid.sha256 && tstInfo.imprintAlgorithm !== Oid.sm3 || !tstInfo.imprintParametersAbsentOrNull) {
    return invalid(`the imprint algorithm ${tstInfo.imprintAlgorithm} is neither SHA-256 nor SM3`);
  }
  if (!bytesEqual(tstInfo.imprint, expectedImprint)) {
    return failure("TimestampImprintMismatch", `the token dates ${toHex(tstInfo.imprint)}, the stamped checkpoint's text hashes to ${toHex(expectedImprint)}`);
  }
  return success({ genTimeMs: tstInfo.genTimeMs, accuracyMs: tstInfo.accuracyMs, serial: tstInfo.serial, policy: tstInfo.policy, signer });
}
function readSignedToken(tokenDer) {
  const [contentType, explicitContent, ...rest] = sequenceOf(readDer(tokenDer), "ContentInfo");
  if (rest.length > 0 || readOid(contentType, "contentType") !== CmsOid.signedData) throw new DerError("not a ContentInfo of SignedData");
  const [signedData, ...moreContent] = childrenOf(expectTag(explicitContent, contextConstructed(0), "content"));
  if (moreContent.length > 0) throw new DerError("ContentInfo: more than one content");
  const members = sequenceOf(signedData, "SignedData");
  if (readInteger(members[0], "SignedData version") !== 3n) throw new DerError("SignedData version is not 3");
  const digestAlgorithms = sequenceOf(members[1], "digestAlgorithms", Tag.set).map((algorithm) => readAlgorithm(algorithm, "digestAlgorithm").oid);
  const [eContentType, eContentExplicit, ...eRest] = sequenceOf(members[2], "encapContentInfo");
  if (eRest.length > 0 || readOid(eContentType, "eContentType") !== CmsOid.tstInfo) throw new DerError("the encapsulated content is not a TSTInfo");
  const [eContent, ...moreEContent] = childrenOf(expectTag(eContentExplicit, contextConstructed(0), "eContent"));
  if (moreEContent.length > 0) throw new DerError("more than one eContent");
  const content = expectTag(eContent, Tag.octetString, "eContent").contents;
  let index = 3;
  const certificates = [];
  if (members[index]?.tag === contextConstructed(0)) {
    for (const certificate of childrenOf(members[index])) certificates.push(parseCertificate(certificate.raw));
    index++;
  }
  if (members[index]?.tag === contextConstructed(1)) index++;
  const signerInfos = sequenceOf(members[index], "signerInfos", Tag.set);
  if (members.length !== index + 1) throw new DerError("SignedData: members after signerInfos");
  if (signerInfos.length !== 1) throw new DerError(`${signerInfos.length} signer infos, a token has exactly one`);
  const info = sequenceOf(signerInfos[0], "SignerInfo");
  const version = readInteger(info[0], "SignerInfo version");
  const sid = info[1];
  let issuer;
  let serial;
  let subjectKeyId;
  if (version === 1n && sid?.tag === Tag.sequence) {
    const [issuerName, serialNumber] = sequenceOf(sid, "IssuerAndSerialNumber");
    issuer = expectTag(issuerName, Tag.sequence, "issuer").raw;
    serial = readInteger(serialNumber, "serialNumber");
  } else if (version === 3n && sid?.tag === contextPrimitive(0)) {
    subjectKeyId = sid.contents;
  } else {
    throw new DerError("the SignerInfo version does not match its signer identifier (RFC 5652 \xA75.3)");
  }
  const digestAlgorithm = readAlgorithm(info[2], "SignerInfo digestAlgorithm").oid;
  if (digestAlgorithms.length !== 1 || digestAlgorithms[0] !== digestAlgorithm) throw new DerError("digestAlgorithms is not exactly the signer's");
  const signedAttributes = expectTag(info[3], contextConstructed(0), "signedAttrs");
  const signatureAlgorithm = readAlgorithm(info[4], "signatureAlgorithm").oid;
  const signature = expectTag(info[5], Tag.octetString, "signature").contents;
  if (info.length > 7 || info.length === 7 && info[6].tag !== contextConstructed(1)) throw new DerError("SignerInfo: unexpected members");
  return { certificates, issuer, serial, subjectKeyId, digestAlgorithm, signedAttributes, signatureAlgorithm, signature, content };
}
function readAttributes(signedAttributes) {
  try {
    const attributes = /* @__PURE__ */ new Map();
    for (const attribute of childrenOf(signedAttributes)) {
      const [type, values, ...rest] = sequenceOf(attribute, "Attribute");
      const oid = readOid(type, "attrType");
      const valueList = sequenceOf(values, "attrValues", Tag.set);
      if (rest.length > 0 || valueList.length !== 1 || attributes.has(oid)) return null;
      attributes.set(oid, valueList[0]);
    }
    return attributes;
  } catch (error) {
    if (error instanceof DerError) return null;
    throw error;
  }
}
async function chainToRoot(signer, carried, roots, hashes) {
  const chain = [signer];
  for (; ; ) {
    const current = chain[chain.length - 1];
    if (roots.some((root) => bytesEqual(root.raw, current.raw))) return success(chain);
    if (chain.length >= chainLengthMax) break;
    let issuer;
    for (const candidate of [...roots, ...carried]) {
      if (chain.includes(candidate) || !bytesEqual(candidate.subject, current.issuer)) continue;
      if (await verifySignature(candidate, current.signatureAlgorithm, void 0, current.tbs, current.signature, hashes)) {
        issuer = candidate;
        break;
      }
    }
    if (issuer === void 0) break;
    const casBelow = BigInt(chain.length - 1);
    if (!isCertificateAuthority(issuer) || issuer.basicConstraints?.pathLength !== void 0 && casBelow > issuer.basicConstraints.pathLength) {
      return failure("TimestampUntrustedTsa", `${issuer.subjectText} is not a CA that may issue ${current.subjectText}`);
    }
    chain.push(issuer);
  }
  return failure("TimestampUntrustedTsa", `${signer.subjectText} does not chain to any of the ${roots.length} TSA roots given`);
}
async function checkCertificateBinding(attributes, signer, hashes) {
  const v2 = attributes.get(CmsOid.signingCertificateV2);
  const v1 = attributes.get(CmsOid.signingCertificate);
  const attribute = v2 ?? v1;
  if (attribute === void 0) return "no signing-certificate attribute binds the signer certificate";
  try {
    const [certIds] = sequenceOf(attribute, "SigningCertificate");
    const [first] = sequenceOf(certIds, "certs");
    const fields = sequenceOf(first, "ESSCertID");
    let hashAlgorithm = Oid.sha1;
    let index = 0;
    if (v2 !== void 0) {
      hashAlgorithm = fields[0]?.tag === Tag.sequence ? readAlgorithm(fields[index++], "hashAlgorithm").oid : Oid.sha256;
    }
    const certHash = expectTag(fields[index++], Tag.octetString, "certHash").contents;
    const expected = await digestByOid(hashAlgorithm, signer.raw, hashes);
    if (expected === null) return `the signing-certificate hash ${hashAlgorithm} is not supported`;
    if (!bytesEqual(certHash, expected)) return "the signing-certificate attribute names another certificate";
    const issuerSerial = fields[index];
    if (issuerSerial !== void 0) {
      const [generalNames, serial] = sequenceOf(issuerSerial, "IssuerSerial");
      const names = sequenceOf(generalNames, "GeneralNames");
      const directoryNames = names.filter((name2) => name2.tag === contextConstructed(4)).map((name2) => childrenOf(name2)[0]?.raw);
      if (readInteger(serial, "serialNumber") !== signer.serial || !directoryNames.some((name2) => name2 !== void 0 && bytesEqual(name2, signer.issuer))) {
        return "the signing-certificate attribute names another issuer and serial than the signer's";
      }
    }
    return null;
  } catch (error) {
    if (error instanceof DerError) return `the signing-certificate attribute is malformed: ${error.message}`;
    throw error;
  }
}
function readTstInfo(content) {
  const members = sequenceOf(readDer(content), "TSTInfo");
  if (readInteger(members[0], "TSTInfo version") !== 1n) throw new DerError("TSTInfo version is not 1");
  const policy = readOid(members[1], "policy");
  const [algorithm, hashedMessage, ...imprintRest] = sequenceOf(members[2], "messageImprint");
  if (imprintRest.length > 0) throw new DerError("messageImprint: too many members");
  const { oid: imprintAlgorithm, parameters } = readAlgorithm(algorithm, "imprint hashAlgorithm");
  const imprint = expectTag(hashedMessage, Tag.octetString, "hashedMessage").contents;
  const serial = readInteger(members[3], "serialNumber");
  const genTimeMs = readTime(expectTag(members[4], Tag.generalizedTime, "genTime"), "genTime");
  const accuracy = members[5]?.tag === Tag.sequence ? members[5] : void 0;
  return {
    policy,
    imprintAlgorithm,
    imprintParametersAbsentOrNull: hasNoParameters(parameters),
    imprint,
    serial,
    genTimeMs,
    accuracyMs: accuracy === void 0 ? null : readAccuracyMs(accuracy)
  };
}
function readAccuracyMs(accuracy) {
  let microseconds = 0n;
  for (const field of childrenOf(accuracy)) {
    if (field.tag === Tag.integer) microseconds += readInteger(field, "seconds") * 1000000n;
    else if (field.tag === contextPrimitive(0)) microseconds += readInteger(field, "millis", contextPrimitive(0)) * 1000n;
    else if (field.tag === contextPrimitive(1)) microseconds += readInteger(field, "micros", contextPrimitive(1));
    else throw new DerError("Accuracy: unexpected member");
  }
  return Number((microseconds + 999n) / 1000n);
}

// src/verify-page/verifier/timestamps.ts
var authorityLengthMax = 256;
async function verifyTimestampEntry(entry, receiptCheckpoint, leafIndex, logKeys, tsaTrust, hashes) {
  const { authority, tree_size: treeSize, checkpoint: note, consistency_proof: proofList, token: tokenBase64 } = entry;
  if (typeof authority !== "string" || authority.length < 1 || authority.length > authorityLengthMax) return failure("MalformedReceipt", "a timestamp entry has no authority label of 1 to 256 characters");
  if (typeof treeSize !== "number" || !Number.isSafeInteger(treeSize) || treeSize < 0) return failure("MalformedReceipt", `timestamp ${authority}: tree_size is not a tree size`);
  const proof = Array.isArray(proofList) ? proofList.map((hash2) => typeof hash2 === "string" ? fromBase64(hash2) : null) : null;
  if (proof === null || proof.some((hash2) => hash2 === null || hash2.length !== 32)) return failure("MalformedReceipt", `timestamp ${authority}: consistency_proof is not a list of base64 hashes`);
  if (note !== void 0 && typeof note !== "string") return failure("MalformedReceipt", `timestamp ${authority}: checkpoint is not a string`);
  let stamped = receiptCheckpoint;
  if (note === void 0) {
    if (BigInt(treeSize) !== receiptCheckpoint.size) return failure("TimestampInconsistent", `timestamp ${authority} stamps the receipt's own checkpoint of ${receiptCheckpoint.size} leaves but says ${treeSize}`);
  } else {
    const verified = await verifyCheckpoint(note, logKeys, hashes);
    if (!verified.ok) return failure("TimestampCheckpointInvalid", `timestamp ${authority}: ${verified.failure.name}: ${verified.failure.detail}`);
    if (verified.value.origin !== receiptCheckpoint.origin) return failure("TimestampCheckpointInvalid", `timestamp ${authority} stamps a checkpoint of ${verified.value.origin}`);
    stamped = verified.value;
    if (stamped.size !== BigInt(treeSize)) return failure("TimestampInconsistent", `timestamp ${authority} says ${treeSize} leaves, its checkpoint has ${stamped.size}`);
  }
  if (stamped.size <= leafIndex) return failure("TimestampInconsistent", `timestamp ${authority} stamps ${stamped.size} leaves, which do not hold leaf ${leafIndex}`);
  const [smaller, larger] = stamped.size <= receiptCheckpoint.size ? [stamped, receiptCheckpoint] : [receiptCheckpoint, stamped];
  const consistent = verifyConsistency(treeHashOf(hashes, receiptCheckpoint.treeHash), smaller.size, larger.size, smaller.root, larger.root, proof);
  if (!consistent.ok) return failure("TimestampInconsistent", `timestamp ${authority}, from ${smaller.size} leaves to ${larger.size}: ${consistent.failure.detail}`);
  const tokenDer = typeof tokenBase64 === "string" ? fromBase64(tokenBase64) : null;
  if (tokenDer === null) return failure("TimestampTokenInvalid", `timestamp ${authority}: token is not base64`);
  const algorithm = imprintAlgorithmOf(tokenDer);
  const text = utf8(stamped.text);
  const expectedImprint = algorithm === "sha256" ? hashes.sha256(text) : algorithm === "sm3" ? hashes.sm3(text) : new Uint8Array();
  const token = await verifyToken(tokenDer, expectedImprint, tsaTrust, hashes);
  if (!token.ok) return failure(token.failure.name, `timestamp ${authority}: ${token.failure.detail}`);
  const signer = token.value.signer;
  return success({
    authority,
    treeSize,
    genTime: new Date(token.value.genTimeMs).toISOString(),
    accuracyMs: token.value.accuracyMs,
    tsa: signer.subjectText,
    source: tsaTrust.operator.some((certificate) => bytesEqual(certificate.raw, signer.raw)) ? "operator" : "independent"
  });
}

// src/verify-page/verifier/tlog-proof.ts
var header = "c2sp.org/tlog-proof@v1";
function parseTlogProof(text) {
  const blank = text.indexOf("\n\n");
  if (blank < 0) return failure("MalformedReceipt", "tlog_proof has no blank line before its checkpoint");
  const lines = text.slice(0, blank).split("\n");
  const checkpointNote = text.slice(blank + 2);
  if (lines[0] !== header) return failure("MalformedReceipt", `tlog_proof does not start with ${header}`);
  const extraLine = lines[1] ?? "";
  const indexLine = lines[2] ?? "";
  if (!extraLine.startsWith("extra ")) return failure("MalformedReceipt", "tlog_proof has no extra line carrying the leaf");
  const leaf = fromBase64(extraLine.slice("extra ".length));
  if (leaf === null) return failure("MalformedReceipt", "the extra line is not base64");
  const index = indexLine.startsWith("index ") ? parseDecimal(indexLine.slice("index ".length)) : null;
  if (index === null) return failure("MalformedReceipt", "tlog_proof has no index line with a decimal leaf index");
  const hashLines = lines.slice(3);
  if (hashLines.length > proofLengthMax) return failure("MalformedReceipt", `${hashLines.length} proof lines, at most ${proofLengthMax}`);
  const inclusionProof = [];
  for (const line of hashLines) {
    const hash2 = fromBase64(line);
    if (hash2 === null || hash2.length !== 32) return failure("MalformedReceipt", `the proof line ${JSON.stringify(line)} is not a 32-byte base64 hash`);
    inclusionProof.push(hash2);
  }
  return success({ leaf, index, inclusionProof, checkpointNote });
}

// src/verify-page/verifier/receipt.ts
var receiptBytesMax = 1024 * 1024;
var receiptFormatPattern = /^evidencechain-receipt\/v(\d+)$/;
var knownMembers = ["format", "tlog_proof", "depositor_opening", "promise", "anchors", "timestamps"];
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
async function verifyReceipt(receiptJson, trust, evidence) {
  const hashes = await loadHashes();
  const keys = parseVerifierKeys(trust.logKeys, hashes);
  if (!keys.ok) return { verdict: "unusable-input", problem: keys.problem };
  const tsaTrust = readTsaTrust(trust);
  if (!tsaTrust.ok) return { verdict: "unusable-input", problem: tsaTrust.problem };
  const notChecked = [];
  if (keys.value.ignored.length > 0) notChecked.push(notCheckedSentences.ignoredTrustedKeys(keys.value.ignored));
  const statements = [];
  for (const { source, note } of trust.compromiseStatements ?? []) {
    const statement = await verifyKeyCompromise(note, keys.value, hashes);
    if (!statement.ok) {
      const { name: name2, detail } = statement.failure;
      return { verdict: "unusable-input", problem: `${source} is not a usable key compromise statement: ${name2}: ${detail} (it must be signed by the successor log's keys, which you trust)` };
    }
    statements.push(termsOf(statement.value));
  }
  const outcome = await verifyInOrder(receiptJson, keys.value, tsaTrust.value, evidence, hashes, notChecked);
  if (!outcome.ok) return invalidReport(outcome.failure);
  if (outcome.value.verdict !== "valid") return outcome.value;
  const valid = { ...outcome.value, compromiseStatements: statements };
  return { ...valid, compromise: assessCompromises(statements, valid, []) };
}
function readTsaTrust(trust) {
  const read = (pems, what) => {
    const certificates = [];
    for (const [index, pem] of pems.entries()) {
      const blocks = pemCertificates(pem);
      if (blocks === null || blocks.length === 0) return `${what} ${index + 1} holds no PEM certificate`;
      try {
        certificates.push(...blocks.map(parseCertificate));
      } catch (error) {
        if (error instanceof DerError) return `${what} ${index + 1} is not an X.509 certificate: ${error.message}`;
        throw error;
      }
    }
    return certificates;
  };
  const roots = read(trust.tsaRoots, "TSA root");
  if (typeof roots === "string") return { ok: false, problem: roots };
  const operator = read(trust.operatorTsa, "operator TSA certificate");
  if (typeof operator === "string") return { ok: false, problem: operator };
  return { ok: true, value: { roots, operator } };
}
async function verifyInOrder(receiptJson, keys, tsaTrust, evidence, hashes, notChecked) {
  const receiptBytes = utf8(receiptJson).length;
  if (receiptBytes > receiptBytesMax) return failure("MalformedReceipt", `${receiptBytes} bytes, at most ${receiptBytesMax}`);
  let receipt;
  try {
    receipt = JSON.parse(receiptJson);
  } catch {
    return failure("MalformedReceipt", "not JSON");
  }
  if (!isObject(receipt)) return failure("MalformedReceipt", "not a JSON object");
  const version = typeof receipt.format === "string" ? receiptFormatPattern.exec(receipt.format)?.[1] : void 0;
  if (version === void 0) return failure("MalformedReceipt", `format ${JSON.stringify(receipt.format)} is not evidencechain-receipt/vN`);
  if (version !== "1" && version !== "2") return failure("UnsupportedVersion", `${receipt.format}: this verifier knows v1 and v2`);
  for (const member of Object.keys(receipt)) if (!knownMembers.includes(member)) notChecked.push(notCheckedSentences.unknownMember({ zh: "\u56DE\u6267", en: "the receipt" }, member));
  if (typeof receipt.tlog_proof !== "string") return failure("MalformedReceipt", "tlog_proof is not a string");
  const proof = parseTlogProof(receipt.tlog_proof);
  if (!proof.ok) return proof;
  const checkpoint = await verifyCheckpoint(proof.value.checkpointNote, keys, hashes);
  if (!checkpoint.ok) return checkpoint;
  if (checkpoint.value.unknownSignatures.length > 0) notChecked.push(notCheckedSentences.unknownCheckpointSignatures(checkpoint.value.unknownSignatures));
  const treeHash = treeHashOf(hashes, checkpoint.value.treeHash);
  const leafHashValue = leafHash(treeHash, proof.value.leaf);
  const included = verifyInclusion(treeHash, proof.value.index, checkpoint.value.size, leafHashValue, proof.value.inclusionProof, checkpoint.value.root);
  if (!included.ok) return included;
  const leaf = parseDepositLeaf(proof.value.leaf);
  if (!leaf.ok) return leaf;
  if (evidence === void 0) notChecked.push(notCheckedSentences.noEvidence());
  else {
    const content = checkContent(evidence, leaf.value, hashes);
    if (!content.ok) return content;
  }
  let depositorKeyFingerprint = null;
  if (receipt.depositor_opening === void 0) notChecked.push(notCheckedSentences.noDepositorOpening());
  else {
    const opening = checkDepositorOpening(receipt.depositor_opening, leaf.value, hashes, notChecked);
    if (!opening.ok) return opening;
    depositorKeyFingerprint = opening.value;
  }
  let promiseTime = null;
  if (receipt.promise === void 0) notChecked.push(notCheckedSentences.noPromise());
  else {
    const promise = await verifyPromise(receipt.promise, checkpoint.value.origin, treeHash, leafHashValue, keys, hashes);
    if (!promise.ok) return promise;
    promiseTime = isoTime(promise.value.acceptedAtMs);
  }
  const anchors = checkAnchors(receipt.anchors, checkpoint.value, hashes, notChecked);
  if (!anchors.ok) return anchors;
  const timestamps = await checkTimestamps(receipt.timestamps, version === "1" ? 1 : 2, checkpoint.value, proof.value.index, keys, tsaTrust, hashes, notChecked);
  if (!timestamps.ok) return timestamps;
  return success({
    verdict: "valid",
    receiptVersion: version === "1" ? 1 : 2,
    log: {
      origin: checkpoint.value.origin,
      treeSize: checkpoint.value.size.toString(),
      leafIndex: proof.value.index.toString(),
      root: toBase64(checkpoint.value.root),
      signedBy: checkpoint.value.signers.map((key) => key.fingerprint)
    },
    logTime: isoTime(leaf.value.receivedAtMs),
    promiseTime,
    contentChecked: evidence !== void 0,
    depositorKeyFingerprint,
    timestamps: timestamps.value,
    anchors: anchors.value,
    notChecked,
    compromiseStatements: [],
    compromise: []
  });
}
function checkContent(evidence, leaf, hashes) {
  const salt = readSaltFile(evidence.saltJson);
  if (!salt.ok) return salt;
  if (salt.value.chunkSizeBytes !== evidence.units.chunkSizeBytes) {
    throw new RangeError(`the content was cut in chunks of ${evidence.units.chunkSizeBytes} bytes, the salt file says ${salt.value.chunkSizeBytes}`);
  }
  if (salt.value.unitCount !== leaf.unitCount) return failure("UnitCountMismatch", `the salt file has ${salt.value.unitCount} units, the leaf ${leaf.unitCount}`);
  const unitCount = evidence.units.units.length;
  if (unitCount !== leaf.unitCount) return failure("UnitCountMismatch", `the content makes ${unitCount} units, the leaf has ${leaf.unitCount}`);
  const roots = unitsRoots(hashes, salt.value.masterSalt, evidence.units.units);
  if (!bytesEqual(roots.sha256, leaf.unitsRootSha256)) {
    return failure("CommitmentMismatch", `the SHA-256 units root is ${toHex(roots.sha256)}, the leaf commits to ${toHex(leaf.unitsRootSha256)}`);
  }
  if (!bytesEqual(roots.sm3, leaf.unitsRootSm3)) {
    return failure("CommitmentMismatch", `the SM3 units root is ${toHex(roots.sm3)}, the leaf commits to ${toHex(leaf.unitsRootSm3)}`);
  }
  return success(void 0);
}
function checkDepositorOpening(opening, leaf, hashes, notChecked) {
  if (!isObject(opening)) return failure("MalformedReceipt", "depositor_opening is not an object");
  const fingerprint = typeof opening.key_fingerprint === "string" ? fromHex(opening.key_fingerprint) : null;
  const salt = typeof opening.party_salt === "string" ? fromHex(opening.party_salt) : null;
  if (fingerprint === null || fingerprint.length !== 32 || salt === null || salt.length !== 32) {
    return failure("MalformedReceipt", "depositor_opening needs key_fingerprint and party_salt, 32 bytes of hex each");
  }
  for (const member of Object.keys(opening)) {
    if (member !== "key_fingerprint" && member !== "party_salt") notChecked.push(notCheckedSentences.unknownMember({ zh: "\u5B58\u8BC1\u4EBA\u5F00\u542F\u503C", en: "depositor_opening" }, member));
  }
  if (!bytesEqual(partyCommitment(hashes.sha256, salt, fingerprint), leaf.depositorSha256)) {
    return failure("PartyCommitmentMismatch", "the opening does not give the leaf's SHA-256 depositor commitment");
  }
  if (!bytesEqual(partyCommitment(hashes.sm3, salt, fingerprint), leaf.depositorSm3)) {
    return failure("PartyCommitmentMismatch", "the opening does not give the leaf's SM3 depositor commitment");
  }
  return success(toHex(fingerprint));
}
var anchorMembers = [
  "type",
  "status",
  "chain_id",
  "contract",
  "log_id",
  "tree_size",
  "root",
  "consistency_proof",
  "transaction_hash",
  "transaction_index",
  "block_number",
  "block_hash",
  "block_time",
  "log_index",
  "block_header",
  "receipt_proof"
];
function checkAnchors(section, checkpoint, hashes, notChecked) {
  if (section === void 0) return success([]);
  if (!Array.isArray(section)) return failure("MalformedReceipt", "anchors is not a list");
  const proven = [];
  for (const [index, entry] of section.entries()) {
    if (!isObject(entry) || typeof entry.type !== "string") return failure("MalformedReceipt", `anchor ${index + 1} has no type`);
    if (entry.type !== "evm") {
      notChecked.push(notCheckedSentences.unknownAnchorType(index, entry.type));
      continue;
    }
    if (entry.status !== "included" && entry.status !== "final") {
      notChecked.push(notCheckedSentences.anchorNotLanded(index, String(entry.status)));
      continue;
    }
    for (const member of Object.keys(entry)) if (!anchorMembers.includes(member)) notChecked.push(notCheckedSentences.unknownMember({ zh: `\u7B2C ${index + 1} \u4E2A\u951A\u5B9A`, en: `anchor ${index + 1}` }, member));
    const anchor = verifyEvmAnchor(entry, checkpoint, hashes);
    if (!anchor.ok) return anchor;
    proven.push(anchor.value);
    notChecked.push(notCheckedSentences.anchorCanonicality(anchor.value));
  }
  return success(proven);
}
var timestampMembers = ["type", "authority", "tree_size", "checkpoint", "consistency_proof", "token"];
async function checkTimestamps(section, version, checkpoint, leafIndex, keys, tsaTrust, hashes, notChecked) {
  if (section === void 0) return success([]);
  if (!Array.isArray(section)) return failure("MalformedReceipt", "timestamps is not a list");
  if (section.length === 0) return success([]);
  if (version === 1) {
    notChecked.push(notCheckedSentences.v1Timestamps(section.length));
    return success([]);
  }
  const shown = [];
  const tokens = [];
  for (const [index, entry] of section.entries()) {
    if (!isObject(entry) || typeof entry.type !== "string") return failure("MalformedReceipt", `timestamp ${index + 1} has no type`);
    if (entry.type === "rfc3161") tokens.push(entry);
    else notChecked.push(notCheckedSentences.unknownTimestampType(index, entry.type));
  }
  if (tokens.length === 0) return success([]);
  if (tsaTrust.roots.length === 0) {
    notChecked.push(notCheckedSentences.noTsaRoots(tokens.length));
    return success([]);
  }
  for (const [index, entry] of tokens.entries()) {
    for (const member of Object.keys(entry)) if (!timestampMembers.includes(member)) notChecked.push(notCheckedSentences.unknownMember({ zh: `\u7B2C ${index + 1} \u4E2A\u65F6\u95F4\u6233`, en: `timestamp ${index + 1}` }, member));
    const verified = await verifyTimestampEntry(entry, checkpoint, leafIndex, keys, tsaTrust, hashes);
    if (!verified.ok) return verified;
    shown.push(verified.value);
    if (verified.value.source === "operator") notChecked.push(notCheckedSentences.operatorTime(verified.value.authority));
  }
  notChecked.push(notCheckedSentences.tsaRevocation());
  return success(shown);
}

// src/verify-page/page/worker.ts
var progressStepBytes = 16 * 1024 * 1024;
var scope = self;
var post = (message) => scope.postMessage(message);
async function hashFile(file, chunkSizeBytes) {
  const hasher = await createContentHasher(chunkSizeBytes);
  const reader = file.stream().getReader();
  let hashedBytes = 0;
  let reportedBytes = 0;
  post({ kind: "progress", hashedBytes, totalBytes: file.size });
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    hasher.update(value);
    hashedBytes += value.length;
    if (hashedBytes - reportedBytes >= progressStepBytes) {
      reportedBytes = hashedBytes;
      post({ kind: "progress", hashedBytes, totalBytes: file.size });
    }
  }
  post({ kind: "progress", hashedBytes, totalBytes: file.size });
  return hasher.finish();
}
scope.onmessage = async (event) => {
  const request = event.data;
  try {
    let evidence;
    if (request.evidence !== null) {
      const salt = readSaltFile(request.evidence.saltJson);
      const units = salt.ok ? await hashFile(request.evidence.file, salt.value.chunkSizeBytes) : { chunkSizeBytes: 0, units: [] };
      evidence = { units, saltJson: request.evidence.saltJson };
    }
    const report = await verifyReceipt(request.receiptJson, request.trust, evidence);
    post({ kind: "report", report });
  } catch (error) {
    post({ kind: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
