namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// Who receives the interest a party sub-account earned, as the case's agreement says (DOMAIN.md
/// §2.4, §6.4). Numbers never change.
/// </summary>
#pragma warning disable CA1008 // The default is a legal rule with a name, not "none".
public enum InterestRule : byte
#pragma warning restore CA1008
{
    /// <summary>The default, Civil Code art. 573: the fruits of the escrowed money belong to the payee (提存物的孳息归债权人所有).</summary>
    ToPayee = 1,

    /// <summary>As agreed: each sub-account keeps the interest its own balance earned.</summary>
    FollowsBalance = 2,
}
