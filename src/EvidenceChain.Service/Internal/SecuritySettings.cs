using EvidenceChain.Core.Access;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Who callers are (section "Security"). For now the service runs in development mode only: every
/// caller on the loopback listener acts as one development party of <see cref="DevelopmentRole"/>,
/// and request keys it has not seen are bound to that party on first use. Mutual TLS, mapping each
/// client certificate to its registered party, replaces this outside development (issue 5).
/// </summary>
internal sealed class SecuritySettings
{
    /// <summary>The role loopback callers act as in development mode; the notary office by default.</summary>
    public PartyRole DevelopmentRole { get; set; } = PartyRole.NotaryOffice;
}
