namespace EvidenceChain.Core.Signing;

/// <summary>The signature algorithms a <see cref="SigningKey"/> can sign with. The numbers never change.</summary>
public enum SigningAlgorithm
{
    /// <summary>Ed25519 (RFC 8032 §5.1, pure, deterministic): a 32-byte public key, 64-byte signatures.</summary>
    Ed25519 = 1,

    /// <summary>
    /// SM2 with SM3 (GB/T 32918.2) under the key's user ID: a 65-byte uncompressed public point,
    /// 64-byte signatures r ‖ s.
    /// </summary>
    Sm2WithSm3 = 2,
}
