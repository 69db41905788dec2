namespace EvidenceChain.Core.Hashing;

/// <summary>The lowercase names of <see cref="TreeHash"/> values used in origins, receipts and reports.</summary>
public static class TreeHashNames
{
    public const string Sha256 = "sha256";
    public const string Sm3 = "sm3";

    public static string ToName(this TreeHash hash) => hash switch
    {
        TreeHash.Sha256 => Sha256,
        TreeHash.Sm3 => Sm3,
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "Unknown tree hash."),
    };

    public static bool TryParse(string? name, out TreeHash hash)
    {
        switch (name)
        {
            case Sha256:
                hash = TreeHash.Sha256;
                return true;
            case Sm3:
                hash = TreeHash.Sm3;
                return true;
            default:
                hash = default;
                return false;
        }
    }
}
