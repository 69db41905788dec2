namespace EvidenceChain.Core;

/// <summary>
/// Which implementation Core's SHA-256, HMAC-SHA256 and Ed25519 verification run on (<see cref="Sha256"/>,
/// <see cref="IncrementalSha256"/>, <see cref="HmacSha256"/>, <see cref="Ed25519Signature"/>). By default the
/// platform's: .NET's (OpenSSL on Linux, CNG on Windows) and NSec's (libsodium), the fast ones the service runs on.
/// With the AppContext switch <c>EvidenceChain.Crypto.ManagedOnly</c> on, BouncyCastle's managed code, so the
/// court's single-file verifier loads no cryptographic library of the system it runs on (docs/verifier.md).
/// </summary>
internal static class CryptoMode
{
    public const string ManagedOnlySwitchName = "EvidenceChain.Crypto.ManagedOnly";

    // Read once, at start: the tiered JIT treats a static readonly bool as a constant and drops the branch
    // not taken, so neither path pays for the choice.
    public static readonly bool IsManagedOnly = AppContext.TryGetSwitch(ManagedOnlySwitchName, out bool isOn) && isOn;
}
