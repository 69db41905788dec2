namespace EvidenceChain.Vault;

/// <summary>
/// The AEAD a vault file's segments are sealed with, as the header's algorithm byte. The numbers are
/// written into files and never change or get reused.
/// </summary>
public enum VaultAlgorithm : byte
{
    /// <summary>XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha, libsodium through NSec): 32-byte key, 24-byte nonce, 16-byte tag.</summary>
    XChaCha20Poly1305 = 1,

    /// <summary>SM4 (GB/T 32907-2016) in GCM (NIST SP 800-38D, as RFC 8998 uses it): 16-byte key, 12-byte nonce, 16-byte tag.</summary>
    Sm4Gcm = 2,
}
