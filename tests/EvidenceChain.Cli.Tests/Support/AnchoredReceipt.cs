using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>A <see cref="TestDeposit"/>'s receipt with chain anchors added, as files a court is handed.</summary>
internal static class AnchoredReceipt
{
    /// <summary>The deposit's signed checkpoint, verified with its notary's keys.</summary>
    public static Checkpoint CheckpointOf(TestDeposit deposit)
    {
        Assert.True(CheckpointVerifier.Verify(deposit.Receipt.CheckpointNote, [deposit.Notary.Ed25519.Verifier, deposit.Notary.Sm2.Verifier], out VerifiedCheckpoint? verified).IsValid);
        return verified!.Checkpoint;
    }

    /// <summary>The deposit's receipt with <paramref name="anchors"/> as its evm anchors, written beside it; returns the path.</summary>
    public static string Write(TestDeposit deposit, IEnumerable<EvmAnchorSection> anchors, string name = "anchored.receipt.json")
    {
        Assert.True(Receipt.TryParse(deposit.Receipt.ToJson(), out Receipt? receipt).IsValid);
        return deposit.WriteReceipt(receipt!.WithEvmAnchors(anchors).ToJson(), name);
    }

    /// <summary><c>verify RECEIPT --file CONTENT --salt SALT --key …</c> for an anchored receipt, followed by <paramref name="more"/>.</summary>
    public static string[] VerifyArgs(TestDeposit deposit, string receiptPath, params string[] more) =>
        ["verify", receiptPath, "--file", deposit.ContentPath, "--salt", deposit.SaltPath, .. deposit.BothKeys, .. more];
}
