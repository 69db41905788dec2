namespace EvidenceChain.Cases;

/// <summary>Why a case event is refused, in the order the rules are checked. Numbers never change.</summary>
public enum CaseRejection : byte
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>The event may not happen in the case's state (docs/cases.md §States and events).</summary>
    EventNotAllowedInState = 1,

    /// <summary>The command is malformed for its event: a missing or extra field, an amount out of range, a leg, tranche or order the case does not have.</summary>
    CommandInvalid = 2,

    /// <summary>The condition set is not valid.</summary>
    ConditionSetInvalid = 3,

    /// <summary>More or fewer artefacts than the event's guard names.</summary>
    ArtefactCountMismatch = 4,

    /// <summary>An artefact does not satisfy its requirement (the <see cref="Evidence.GuardRejection"/> says why).</summary>
    GuardNotSatisfied = 5,

    /// <summary>The title must be locked before any payoff (the case's condition set says so).</summary>
    TitleNotLocked = 6,

    /// <summary>A payment the step needs is not yet on the bank statement.</summary>
    PaymentNotOnStatement = 7,

    /// <summary>The money is not there: a balance below the amount to move.</summary>
    InsufficientFunds = 8,

    /// <summary>A court freeze is still active.</summary>
    FreezeActive = 9,

    /// <summary>A case account is not 0, or a case transfer is still pending.</summary>
    CaseNotSettled = 10,

    /// <summary>The 5-year lapse has not yet run.</summary>
    LapseNotDue = 11,

    /// <summary>The approvals do not authorize the payouts (the <see cref="Approvals.ApprovalRejection"/> says why).</summary>
    ApprovalsInvalid = 12,

    /// <summary>带封过户: the agreed price is below the floor the court's approval set.</summary>
    PriceBelowFloor = 13,

    /// <summary>带封过户: the court's distribution plan breaks a rule (docs/distribution.md §Checks; the detail names it).</summary>
    PlanInvalid = 14,

    /// <summary>带封过户: the plan given is not the one the court signed (its digests differ from the plan artefact's document digests).</summary>
    PlanNotTheCourts = 15,

    /// <summary>带封过户: the 15-day objection window of the plan has not ended.</summary>
    ObjectionWindowOpen = 16,

    /// <summary>带封过户: an objection to the plan issued after its window ended.</summary>
    ObjectionLate = 17,

    /// <summary>带封过户: nothing is seized (a waiting-list seizure always waits behind a first one).</summary>
    SeizuresIncomplete = 18,

    /// <summary>带封过户: the buyer is not in default: the payment date has not passed, or the price is paid.</summary>
    NotInDefault = 19,
}
