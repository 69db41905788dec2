namespace EvidenceChain.Cases.Calendar;

/// <summary>
/// The deadlines of a notarial escrow case (DOMAIN §2.3, §2.4), each counted from an event date by
/// <see cref="Deadlines.PeriodOf"/>. The table, with lengths, count kinds and the articles, is in
/// docs/deadlines.md. Numbers never change and are never reused.
/// </summary>
#pragma warning disable CA1008 // There is no "no rule": every value names a deadline.
public enum DeadlineRule : byte
#pragma warning restore CA1008
{
    /// <summary>The notary decides whether to accept an escrow application: 3 days from the application (提存公证规则, acceptance article).</summary>
    Acceptance = 1,

    /// <summary>The notary issues the escrow certificate: 3 days from the deposit date (提存公证规则 art. 17).</summary>
    Certificate = 2,

    /// <summary>The notary writes to the creditor: 7 days from the deposit date (提存公证规则 art. 18 para. 2).</summary>
    Notice = 3,

    /// <summary>Public notice when the creditor is unknown or cannot be reached: 60 days from the deposit date (提存公证规则 art. 18 para. 3).</summary>
    PublicNotice = 4,

    /// <summary>The creditor's right to collect lapses: 5 years after the deposit date (Civil Code art. 574).</summary>
    Lapse = 5,

    /// <summary>带封过户: objections to a court's distribution plan: 15 days from receiving it (DOMAIN §4.1).</summary>
    PlanObjection = 6,
}
