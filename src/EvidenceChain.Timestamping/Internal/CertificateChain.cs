using Org.BouncyCastle.X509;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>
/// Builds the path from a signer certificate up to a trust anchor, checking only what does not depend on
/// time: each link's signature and that each issuer is a CA allowed to issue at that depth. Validity is
/// checked separately, at the token's genTime (<see cref="ValidityProblem"/>). No revocation: a court
/// verifying offline years later has no CRL, and a TSA certificate revoked after the fact does not undo a
/// token issued before (RFC 3161 §4.1 leaves this to policy).
/// </summary>
internal static class CertificateChain
{
    /// <summary>The path signer first, anchor last; null when none reaches an anchor within <paramref name="lengthMax"/> certificates.</summary>
    public static List<X509Certificate>? Build(X509Certificate signer, IReadOnlyCollection<X509Certificate> carried, IReadOnlyCollection<X509Certificate> anchors, int lengthMax)
    {
        var path = new List<X509Certificate> { signer };
        while (true)
        {
            X509Certificate current = path[^1];
            if (anchors.Any(anchor => anchor.Equals(current)))
            {
                return path;
            }

            if (path.Count == lengthMax)
            {
                return null;
            }

            // Intermediates between the issuer and the signer: the issuer's path length constraint bounds them.
            int below = path.Count - 1;
            X509Certificate? issuer = anchors.FirstOrDefault(c => Issued(c, current, below))
                ?? carried.FirstOrDefault(c => !path.Contains(c) && Issued(c, current, below));
            if (issuer is null)
            {
                return null;
            }

            path.Add(issuer);
        }
    }

    /// <summary>What is wrong with the path at <paramref name="time"/>, or null when every certificate is valid then.</summary>
    public static string? ValidityProblem(IEnumerable<X509Certificate> path, DateTime time, string timeName = "genTime")
    {
        X509Certificate? invalid = path.FirstOrDefault(c => !c.IsValid(time));
        return invalid is null
            ? null
            : $"{timeName} {TimeText.Utc(time)} is outside the validity of '{invalid.SubjectDN}' ({TimeText.Utc(invalid.NotBefore)} to {TimeText.Utc(invalid.NotAfter)})";
    }

    private static bool Issued(X509Certificate issuer, X509Certificate subject, int intermediatesBelow)
    {
        try
        {
            if (!issuer.SubjectDN.Equivalent(subject.IssuerDN) || issuer.GetBasicConstraints() < intermediatesBelow)
            {
                return false;
            }

            bool[]? keyUsage = issuer.GetKeyUsage();
            if (keyUsage is not null && !keyUsage[5])
            {
                return false;
            }

            subject.Verify(Sm2Verification.ForVerification(issuer.GetPublicKey()));
            return true;
        }
#pragma warning disable CA1031 // A carried certificate is untrusted input: whatever BouncyCastle throws reading or verifying it means "not issued by this one".
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
