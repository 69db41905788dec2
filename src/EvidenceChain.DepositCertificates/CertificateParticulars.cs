namespace EvidenceChain.DepositCertificates;

/// <summary>
/// What a certificate shows that the receipt cannot prove: the depositor's declared files, the
/// operator's name and filing details (its configuration), and the receipt's locator URL for the QR
/// code. Each is optional; the certificate marks what is missing rather than leaving a gap.
/// </summary>
public sealed record CertificateParticulars(
    IReadOnlyList<DeclaredFile> DeclaredFiles,
    string? OperatorName = null,
    string? Filing = null,
    Uri? Locator = null)
{
    /// <summary>Longer names, filing texts and URLs do not fit on the page; they are a mistake, not a certificate.</summary>
    public const int TextLengthMaxChars = 300;

    /// <summary>A deposit's files listed one per line; more would push the proofs off the first page.</summary>
    public const int DeclaredFileCountMax = 20;

    /// <summary>A locator as a certificate takes it: an absolute http or https URL without user information.</summary>
    public static bool TryParseLocator(string value, out Uri? locator) =>
        Uri.TryCreate(value, UriKind.Absolute, out locator) && locator.Scheme is "http" or "https" && locator.UserInfo.Length == 0;

    /// <summary>Why these particulars cannot go on a certificate, or null when they can.</summary>
    public string? Problem()
    {
        if (DeclaredFiles.Count > DeclaredFileCountMax)
        {
            return $"{DeclaredFiles.Count} declared files; a certificate lists at most {DeclaredFileCountMax}";
        }

        if (DeclaredFiles.FirstOrDefault(f => f.LengthBytes < 0) is DeclaredFile negative)
        {
            return $"the declared length of {negative.Name} is negative";
        }

        string? tooLong = DeclaredFiles.Select(f => f.Name).Append(OperatorName).Append(Filing).Append(Locator?.AbsoluteUri)
            .FirstOrDefault(text => text?.Length > TextLengthMaxChars);
        return tooLong is null ? null : $"'{tooLong[..40]}…' is longer than {TextLengthMaxChars} characters";
    }
}
