using Org.BouncyCastle.Asn1.Cmp;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>The RFC 3161 §2.4.2 names of the PKIFailureInfo bits a TSA sets.</summary>
internal static class FailureInfoNames
{
    private static readonly (int Bit, string Name)[] s_names =
    [
        (PkiFailureInfo.BadAlg, "badAlg"),
        (PkiFailureInfo.BadRequest, "badRequest"),
        (PkiFailureInfo.BadDataFormat, "badDataFormat"),
        (PkiFailureInfo.TimeNotAvailable, "timeNotAvailable"),
        (PkiFailureInfo.UnacceptedPolicy, "unacceptedPolicy"),
        (PkiFailureInfo.UnacceptedExtension, "unacceptedExtension"),
        (PkiFailureInfo.AddInfoNotAvailable, "addInfoNotAvailable"),
        (PkiFailureInfo.SystemFailure, "systemFailure"),
    ];

    /// <summary>"badAlg, unacceptedPolicy"; "other" for bits RFC 3161 does not use.</summary>
    public static string Of(int bits)
    {
        string[] names = s_names.Where(n => (bits & n.Bit) != 0).Select(n => n.Name).ToArray();
        bool other = (bits & ~s_names.Aggregate(0, (all, n) => all | n.Bit)) != 0;
        return string.Join(", ", other ? [.. names, "other"] : names);
    }
}
