using System.Text.Json;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>What a test reads back from the files a deposit left: verified with the service's published keys, never trusted blindly.</summary>
internal static class SavedReceipt
{
    public static ReceiptReport Verify(string receiptPath, string verifierKeysPath, SaltFile? salt = null)
    {
        IReadOnlyList<NoteVerifier> keys = File.ReadAllLines(verifierKeysPath).Where(l => l.Length > 0).Select(NoteVerifierKey.Parse).ToList();
        ReceiptReport report = ReceiptVerifier.Verify(File.ReadAllText(receiptPath), keys, salt is null ? null : new DepositEvidence(salt.UnitsRoot, salt.UnitCount));
        Assert.True(report.IsValid, report.Verdict.ToString());
        return report;
    }

    public static SaltFile ReadSalt(string saltPath)
    {
        Assert.True(SaltFile.TryParse(File.ReadAllText(saltPath), out SaltFile? salt).IsValid);
        return salt!;
    }

    /// <summary>The deposit id and leaf index recorded in a promise file.</summary>
    public static (string DepositId, ulong LeafIndex) ReadPromise(string promisePath)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(promisePath));
        JsonElement root = document.RootElement;
        Assert.Equal("evidencechain-promise/v1", root.GetProperty("format").GetString());
        return (root.GetProperty("deposit_id").GetString()!, root.GetProperty("leaf_index").GetUInt64());
    }
}
