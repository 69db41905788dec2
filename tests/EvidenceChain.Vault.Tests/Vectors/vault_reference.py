#!/usr/bin/env python3
"""An independent writer of vault files (docs/formats/vault.md), written from the spec alone, for
cross-checking the C# code: SM4-GCM and ChaCha20-Poly1305 from Python `cryptography` (over its own
OpenSSL), XChaCha20 as HChaCha20 (draft-irtf-cfrg-xchacha-03 §2.2, written out here) followed by
the IETF ChaCha20-Poly1305 with nonce 0x00000000 ‖ nonce[16:24].

    python3 vault_reference.py > vault-examples.json

The output is the examples the C# tests (VaultExampleTests) decrypt and re-encrypt byte for byte.
"""
import json
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

MAGIC = b"evidencechain/vault/v1\n"


def rotl(v, c):
    return ((v << c) & 0xFFFFFFFF) | (v >> (32 - c))


def quarter(s, a, b, c, d):
    s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = rotl(s[d] ^ s[a], 16)
    s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = rotl(s[b] ^ s[c], 12)
    s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = rotl(s[d] ^ s[a], 8)
    s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = rotl(s[b] ^ s[c], 7)


def hchacha20(key, nonce16):
    s = list(struct.unpack("<4I", b"expand 32-byte k")) + list(struct.unpack("<8I", key)) + list(struct.unpack("<4I", nonce16))
    for _ in range(10):
        quarter(s, 0, 4, 8, 12); quarter(s, 1, 5, 9, 13); quarter(s, 2, 6, 10, 14); quarter(s, 3, 7, 11, 15)
        quarter(s, 0, 5, 10, 15); quarter(s, 1, 6, 11, 12); quarter(s, 2, 7, 8, 13); quarter(s, 3, 4, 9, 14)
    return struct.pack("<8I", *(s[0:4] + s[12:16]))


def xchacha20poly1305_seal(key, nonce24, aad, plaintext):
    subkey = hchacha20(key, nonce24[:16])
    return ChaCha20Poly1305(subkey).encrypt(b"\0\0\0\0" + nonce24[16:], plaintext, aad)


def sm4gcm_seal(key, nonce12, aad, plaintext):
    e = Cipher(algorithms.SM4(key), modes.GCM(nonce12)).encryptor()
    e.authenticate_additional_data(aad)
    return e.update(plaintext) + e.finalize() + e.tag


def vault(algorithm, key, prefix, segment_size, plaintext):
    header = MAGIC + bytes([algorithm]) + struct.pack(">I", segment_size) + prefix
    seal = xchacha20poly1305_seal if algorithm == 1 else sm4gcm_seal
    pieces = [plaintext[i:i + segment_size] for i in range(0, len(plaintext), segment_size)] or [b""]
    out = header
    for counter, piece in enumerate(pieces):
        nonce = prefix + struct.pack(">I", counter) + bytes([1 if counter == len(pieces) - 1 else 0])
        out += seal(key, nonce, header, piece)
    return out


def main():
    # HChaCha20 against draft-irtf-cfrg-xchacha-03 §2.2.1 before anything is trusted to it.
    assert hchacha20(bytes(range(32)), bytes.fromhex("000000090000004a0000000031415927")).hex() == \
        "82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc"
    examples = []
    content = bytes((i * 7) & 0xFF for i in range(4096 + 100))
    for name, algorithm, key, prefix in [
        ("xchacha20-poly1305", 1, bytes(range(32)), bytes(range(0xA0, 0xA0 + 19))),
        ("sm4-gcm", 2, bytes(range(16)), bytes(range(0xA0, 0xA0 + 7))),
    ]:
        for plaintext in [b"", b"hello, vault\n", content]:
            examples.append({
                "algorithm": name,
                "key": key.hex(),
                "nonce_prefix": prefix.hex(),
                "segment_size": 4096,
                "plaintext": plaintext.hex(),
                "vault": vault(algorithm, key, prefix, 4096, plaintext).hex(),
            })
    print(json.dumps({"source": "tests/EvidenceChain.Vault.Tests/Vectors/vault_reference.py", "examples": examples}, indent=2))


main()
