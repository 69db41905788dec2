using EvidenceChain.Chain.Ethereum;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A real anvil block that anchors the checkpoint of the fixed deposit (ReportGoldenTests: the fixed
/// notary's log, tree size 6, root lMJ5RP…), so a report with an anchor is the same on every run.
/// Provenance: anvil 1.7.1 started with <c>--chain-id 31337 --timestamp 1764400000</c>; anvil's first
/// development key deployed EvidenceAnchor at block time 1764400010, allowed itself as notary at
/// 1764400020, and anchored (SHA-256 of the origin, 6, root) at 1764400060 (each time set with
/// <c>evm_setNextBlockTimestamp</c>); the header and proof are what <c>EvmReceiptProofBuilder</c> built
/// from that node. <see cref="ReplayAsync"/> does the same on a fresh anvil, which gives exactly this
/// block again, so a test can also ask a real node about it.
/// </summary>
internal static class AnchoredFixedDeposit
{
    public const long GenesisTime = 1_764_400_000;
    public const string Contract = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    public const string TransactionHash = "0xfe4a38f787086cfe3a23a583764d67fcd654c22e51405a8bd345e0c4a04d1462";
    public const ulong TransactionIndex = 0;
    public const ulong BlockNumber = 3;
    public const string BlockHash = "0xcee923ab017eaf0166041028fd0adc425fd279799b9851e9738bcc83f88cabe4";
    public const ulong BlockTime = 1_764_400_060;
    public const ulong LogIndex = 0;
    public const ulong TreeSize = 6;

    /// <summary>The block header, RLP as hashed.</summary>
    public const string HeaderHex =
        "0xf90262a0b87874fdf232a40762aae4019834c3325d0fc36b605d432628e63f831a594938a01dcc4de8dec75d7aab85b567"
        + "b6ccd41ad312451b948a7413f0a142fd40d49347940000000000000000000000000000000000000000a0336c36319093563e"
        + "181a164ad2b8246af4b6150364a84df4cda3874f3e592663a0990a9f9061cc5a4a125d5b0a1aa5303b8c582ffac43128f74b"
        + "48478613e9ebd7a03232ea8e7135797594d4eba16f06e11462fa98fcb1a99457c405257ff6a7dc30b9010000000000000000"
        + "0000000000000000000000000000000000000000000000000000000800000000000000000000100000000000000004000000"
        + "0800000000000000000000000000000000000000000000000000000000000000000000000000000000004000000000000000"
        + "0100000000000000000000000000000000000000000000000400000000000000000000000000000000000000200000000200"
        + "0000000000000000000000000000000000000000000000000000000000000800000000000000400000002040000000000000"
        + "0000000000200000000000000000000000000000000000000000000000000000000000000000000000000000000000020080"
        + "038401c9c3808301c82684692a9bbc80a0663872c512ab3599945431fd6ec8e0b817bd5d9ca045bc377b2972048ee5a26288"
        + "0000000000000000842e0044dba056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b4218080a000"
        + "00000000000000000000000000000000000000000000000000000000000000a0e3b0c44298fc1c149afbf4c8996fb92427ae"
        + "41e4649b934ca495991b7852b855";

    /// <summary>The only receipt trie node: the block has one transaction, so the root is the leaf.</summary>
    public const string ReceiptProofNodeHex =
        "0xf901f3822080b901ed02f901e9018301c826b9010000000000000000000000000000000000000000000000000000000000"
        + "0000000000000800000000000000000000100000000000000004000000080000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000004000000000000000010000000000000000000000000000000000000000"
        + "0000000400000000000000000000000000000000000000200000000200000000000000000000000000000000000000000000"
        + "0000000000000000000800000000000000400000002040000000000000000000000020000000000000000000000000000000"
        + "00000000000000000000000000000000000000000000000000000200f8dff8dd945fbdb2315678afecb367f032d93f642f64"
        + "180aa3f884a0f5cf47b23e714fc808d81e3712ab1dc2a51bc0a586ddf574992690a6edc02f45a0f395e3ee45e63dda83f916"
        + "3bae3ade266e1a4aa43fd36c4daddbc3a83900c96fa000000000000000000000000000000000000000000000000000000000"
        + "00000006a0000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266b84094c27944f6b09f3f9a67c9"
        + "6c3b680204f06482dec4e1d9eb341c3df52fc32f590000000000000000000000000000000000000000000000000000000069"
        + "2a9bbc";

    /// <summary>The evm anchor entry for <paramref name="checkpoint"/> (the fixed deposit's), claimed <paramref name="status"/>.</summary>
    public static EvmAnchorSection Section(Checkpoint checkpoint, AnchorState status = AnchorState.Final) => new(
        status,
        AnvilProcess.ChainId,
        Contract,
        checkpoint.Origin.OriginHash,
        TreeSize,
        checkpoint.Root,
        [],
        new EvmLanding(TransactionHash, TransactionIndex, BlockNumber, BlockHash, BlockTime, LogIndex, Convert.FromHexString(HeaderHex[2..]), [Convert.FromHexString(ReceiptProofNodeHex[2..])]));

    /// <summary>The same steps on <paramref name="anvil"/> (started with <c>--timestamp</c> <see cref="GenesisTime"/>); returns where the anchor landed.</summary>
    public static async Task<AnchorInclusion> ReplayAsync(AnvilProcess anvil, LogOrigin origin, Digest root)
    {
        await anvil.CallAsync("evm_setNextBlockTimestamp", GenesisTime + 10);
        (EvidenceAnchorContract contract, _) = await EvidenceAnchorContract.DeployAsync(anvil.Rpc, AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, CancellationToken.None);
        await anvil.CallAsync("evm_setNextBlockTimestamp", GenesisTime + 20);
        await contract.SetNotaryAsync(contract.Sender, true, CancellationToken.None);
        await anvil.CallAsync("evm_setNextBlockTimestamp", GenesisTime + 60);
        return await contract.AnchorAsync(origin.OriginHash, TreeSize, root, CancellationToken.None);
    }
}
