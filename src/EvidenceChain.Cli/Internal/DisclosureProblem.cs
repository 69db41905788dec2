namespace EvidenceChain.Cli.Internal;

/// <summary>Why <c>disclose</c> cannot use its input (exit code 2). Each member has one sentence per language in <see cref="DisclosureOwnerText"/>.</summary>
internal enum DisclosureProblem
{
    ReceiptNotOfADeposit = 1,
    SaltFileNotOfReceipt = 2,
    ContentNotDeposited = 3,
    UnitNotFound = 4,
    PathNotFound = 5,
    TooManyUnits = 6,
}
