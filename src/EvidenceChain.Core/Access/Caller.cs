namespace EvidenceChain.Core.Access;

/// <summary>An authenticated caller: the registered party its certificate maps to, and that party's role.</summary>
/// <param name="PartyId">32 lowercase hex digits, as in the party's certificate.</param>
/// <param name="Role">The role the notary office registered the party with (never taken from the certificate).</param>
public sealed record Caller(string PartyId, PartyRole Role);
