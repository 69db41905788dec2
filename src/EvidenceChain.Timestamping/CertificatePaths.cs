using EvidenceChain.Timestamping.Internal;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Timestamping;

/// <summary>
/// Whether a signer's certificate reaches one of the anchors a verifier trusts, with the same rules as a TSA's
/// (each link's signature, each issuer a CA allowed to issue at that depth) and every certificate on the path
/// valid at <c>time</c>. For signers other than TSAs: the notary's document-signing certificate.
/// </summary>
public static class CertificatePaths
{
    /// <summary>Anchors and intermediates given as trusted: a path is at most this long, signer included.</summary>
    public const int LengthMax = 4;

    /// <summary>Why <paramref name="signer"/> is not trusted at <paramref name="time"/>, or null when it is.</summary>
    public static string? Problem(X509Certificate signer, IReadOnlyCollection<X509Certificate> anchors, DateTime time)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(anchors);
        List<X509Certificate>? path = CertificateChain.Build(signer, anchors, anchors, LengthMax);
        return path is null
            ? $"'{signer.SubjectDN}' does not chain to any of the {anchors.Count} certificates trusted"
            : CertificateChain.ValidityProblem(path, time, "the time");
    }
}
