namespace EvidenceChain.Signing.Pkcs11.Internal;

/// <summary>
/// The PKCS#11 v3.0 values for Edwards-curve keys (PKCS#11 Current Mechanisms Specification v3.0
/// §2.3.5–2.3.6), which Pkcs11Interop 5.3.0's enums (v2.40) do not name.
/// </summary>
internal static class Pkcs11V3
{
    /// <summary>CKK_EC_EDWARDS: an Ed25519 or Ed448 key.</summary>
    public const ulong KeyTypeEcEdwards = 0x40;

    /// <summary>CKM_EC_EDWARDS_KEY_PAIR_GEN.</summary>
    public const ulong MechanismEcEdwardsKeyPairGen = 0x1055;

    /// <summary>CKM_EDDSA; without parameters it is pure Ed25519 (RFC 8032 §5.1) on an Ed25519 key.</summary>
    public const ulong MechanismEddsa = 0x1057;

    /// <summary>CKA_EC_PARAMS for Ed25519 as the DER of its OID, id-Ed25519 1.3.101.112 (RFC 8410 §3).</summary>
    public static readonly byte[] Ed25519ParamsOid = [0x06, 0x03, 0x2B, 0x65, 0x70];

    /// <summary>CKA_EC_PARAMS for Ed25519 as a PrintableString curve name, which v3.0 also allows.</summary>
    public static readonly byte[] Ed25519ParamsName = [0x13, 0x0C, .. "edwards25519"u8];
}
