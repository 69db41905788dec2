using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>
/// The canonical record behind a record leaf, kept beside the log, and the keys it is found by: the
/// ids of the parties it names (their trails), and <see cref="AccountKey"/> of each ledger account it moved (its statement).
/// </summary>
public sealed record LeafRecord(byte[] Bytes, IReadOnlyList<string> Keys)
{
    /// <summary>The key of a ledger account's records: <c>account:</c> and the id in 32 lowercase hex digits.</summary>
    public static string AccountKey(UInt128 accountId) => "account:" + accountId.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The key of a case's records (its opening, transitions and artefacts): <c>case:</c> and the id in 32 lowercase hex digits.</summary>
    public static string CaseKey(UInt128 caseId) => "case:" + caseId.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The key of a pledge registry asset's records (its registration, valuations, pledge events, transfers and licences): <c>asset:</c> and the id in 32 lowercase hex digits.</summary>
    public static string AssetKey(UInt128 assetId) => "asset:" + assetId.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The key of the vault files kept for a deposit (their VaultStored custody records): <c>vault:</c> and the deposit id in 64 lowercase hex digits.</summary>
    public static string VaultKey(Digest depositId) => "vault:" + depositId.ToHex();
}
