using EvidenceChain.Timestamping;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// What a verifier trusts for the RFC 3161 time in receipts (receipt.md §Timestamps): the TSA roots a
/// token must chain to, and the operator's own TSA certificates. Both come from the verifier's own
/// configuration (a court's choice of authorities), never from the receipt under examination. Tokens
/// signed by an operator certificate verify but are labelled "operator time, not independent": the
/// operator's TSA is no more a witness against the operator than its log is.
/// </summary>
public sealed class TimestampTrust
{
    /// <param name="tsaRoots">The root (or pinned TSA) certificates tokens must chain to; at least one.</param>
    /// <param name="operatorTsaCertificates">The operator's own TSA certificates (the signer's, not its root); may be empty.</param>
    /// <exception cref="ArgumentException">No root was given.</exception>
    public TimestampTrust(IEnumerable<X509Certificate> tsaRoots, IEnumerable<X509Certificate> operatorTsaCertificates)
    {
        ArgumentNullException.ThrowIfNull(tsaRoots);
        ArgumentNullException.ThrowIfNull(operatorTsaCertificates);
        TsaRoots = tsaRoots.ToArray();
        OperatorTsaCertificates = operatorTsaCertificates.ToArray();
        TokenVerifier = new TimestampTokenVerifier(TsaRoots, OperatorTsaCertificates);
    }

    public IReadOnlyList<X509Certificate> TsaRoots { get; }

    public IReadOnlyList<X509Certificate> OperatorTsaCertificates { get; }

    internal TimestampTokenVerifier TokenVerifier { get; }
}
