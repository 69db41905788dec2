namespace EvidenceChain.Certificates;

/// <summary>
/// The outcome of <see cref="PartyCertificateValidator.Verify"/>: the party the certificate
/// identifies, or the rule that failed with a sentence saying what was got and what was wanted.
/// </summary>
/// <param name="Failure">The rule broken, or <see cref="PartyCertificateFailure.None"/>.</param>
/// <param name="Detail">A sentence a person understands; "valid for party …" when nothing failed.</param>
/// <param name="PartyId">The party the certificate identifies; null unless valid.</param>
public readonly record struct PartyCertificateVerdict(PartyCertificateFailure Failure, string Detail, PartyId? PartyId)
{
    public bool IsValid => Failure == PartyCertificateFailure.None;

    public override string ToString() => IsValid ? Detail : $"{Failure}: {Detail}";

    internal static PartyCertificateVerdict Valid(PartyId partyId) => new(PartyCertificateFailure.None, $"valid for party {partyId}", partyId);

    internal static PartyCertificateVerdict Fail(PartyCertificateFailure failure, string detail) => new(failure, detail, null);
}
