namespace EvidenceChain.Pledges;

/// <summary>How a pledge is enforced (Civil Code 436; DOMAIN.md §7.2). Numbers never change. None transfers the asset by itself.</summary>
public enum EnforcementRoute : byte
{
    /// <summary>折价: pledgor and pledgee agree a value at which the pledgee takes the right (its transfer is a separate <see cref="PledgeEvent.RecordTransfer"/>).</summary>
    AgreedValuation = 1,

    /// <summary>A sale to a third party under notary supervision, buyers bound by NDA.</summary>
    SupervisedSale = 2,

    /// <summary>A licence to a third party under notary supervision.</summary>
    SupervisedLicence = 3,

    /// <summary>Court enforcement: the court's document (the 执行证书 for a 赋强 loan, or a judgment).</summary>
    CourtEnforcement = 4,
}
