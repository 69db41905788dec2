using System.Globalization;

namespace EvidenceChain.Cases.Distribution;

/// <summary>Fen written as yuan for a person: thousands separated, two decimals (20,571,429 fen is "205,714.29"). Int128 so that a sum of allocations, which may pass long, prints too.</summary>
internal static class YuanText
{
    public static string Of(Int128 fen)
    {
        Int128 magnitude = Int128.Abs(fen);
        string yuan = (magnitude / 100).ToString("N0", CultureInfo.InvariantCulture);
        string cents = ((int)(magnitude % 100)).ToString("D2", CultureInfo.InvariantCulture);
        return (fen < 0 ? "-" : string.Empty) + yuan + "." + cents;
    }
}
