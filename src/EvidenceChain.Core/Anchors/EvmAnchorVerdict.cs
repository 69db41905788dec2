namespace EvidenceChain.Core.Anchors;

/// <summary>
/// The outcome of <see cref="EvmAnchorProof.Verify"/>: valid, or the rule that failed with a
/// sentence saying what was got and what was wanted. The block's number and time come from the
/// verified header, so they are filled once the header has been checked (also on a later failure)
/// and are null before.
/// </summary>
/// <param name="Failure">The rule broken, or <see cref="EvmAnchorFailure.None"/>.</param>
/// <param name="Detail">What was got and what was wanted; "valid" when nothing failed.</param>
/// <param name="BlockNumber">The header's number (field 8).</param>
/// <param name="BlockTimestampSeconds">The header's timestamp (field 11), seconds since the Unix epoch.</param>
public readonly record struct EvmAnchorVerdict(EvmAnchorFailure Failure, string Detail, ulong? BlockNumber, ulong? BlockTimestampSeconds)
{
    public bool IsValid => Failure == EvmAnchorFailure.None;

    public override string ToString() => IsValid ? $"valid (block {BlockNumber}, time {BlockTimestampSeconds})" : $"{Failure}: {Detail}";

    internal static EvmAnchorVerdict Valid { get; } = new(EvmAnchorFailure.None, "valid", null, null);

    internal static EvmAnchorVerdict Fail(EvmAnchorFailure failure, string detail) => new(failure, detail, null, null);

    internal EvmAnchorVerdict WithBlock(ulong blockNumber, ulong blockTimestampSeconds) =>
        this with { BlockNumber = blockNumber, BlockTimestampSeconds = blockTimestampSeconds };
}
