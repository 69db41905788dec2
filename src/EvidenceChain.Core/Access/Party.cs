namespace EvidenceChain.Core.Access;

/// <summary>
/// A registered party: an institution or a person the notary office knows, with its role, its
/// request-signing keys and the certificates it may no longer use. Registered, changed and revoked
/// only by the office (<see cref="Operation.ManageParties"/>).
/// </summary>
/// <param name="Id">See <see cref="PartyIds"/>.</param>
/// <param name="Role">What the party is to the office; decides its rights (<see cref="AccessPolicy"/>).</param>
/// <param name="DisplayName">The name people read (the certificate's CN), at most 200 characters.</param>
/// <param name="CanApprove">For notaries: may approve payouts (two distinct approvers are needed).</param>
/// <param name="RegisteredAtMs">When the office registered it, Unix milliseconds.</param>
/// <param name="Keys">Every key ever bound to it, revoked ones included.</param>
/// <param name="RevokedCertificates">SHA-256 fingerprints (lowercase hex) of the party's certificates the office revoked.</param>
/// <param name="DeactivatedAtMs">When the office deactivated the whole party (no calls from then on), or null.</param>
public sealed record Party(
    string Id,
    PartyRole Role,
    string DisplayName,
    bool CanApprove,
    long RegisteredAtMs,
    IReadOnlyList<PartyKey> Keys,
    IReadOnlyList<string> RevokedCertificates,
    long? DeactivatedAtMs)
{
    public const int DisplayNameLengthMax = 200;

    public bool IsActive => DeactivatedAtMs is null;
}
