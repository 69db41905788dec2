namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// The result of one account event (docs/ledger.md, Results). Members name the rule broken and are
/// listed in the order the rules are checked: the first broken one is the result. Numbers never
/// change and are never reused. <see cref="Ok"/> and <see cref="Exists"/> are successes.
/// </summary>
public enum CreateAccountResult : byte
{
    /// <summary>Created.</summary>
    Ok = 0,

    /// <summary>Another event of its linked chain failed; nothing of the chain was created.</summary>
    LinkedEventFailed = 1,

    /// <summary>Its linked chain was not closed by the end of the batch; nothing of the chain was created.</summary>
    LinkedEventChainOpen = 2,

    /// <summary>The id is 0.</summary>
    IdMustNotBeZero = 3,

    /// <summary>The id is all ones.</summary>
    IdMustNotBeIntMax = 4,

    /// <summary>The kind is not one of <see cref="AccountKind"/>'s members.</summary>
    KindMustBeKnown = 5,

    /// <summary>The ledger is 0.</summary>
    LedgerMustNotBeZero = 6,

    /// <summary>The code is 0.</summary>
    CodeMustNotBeZero = 7,

    /// <summary>An account with this id and the same fields exists (a success: nothing is created again).</summary>
    Exists = 8,

    /// <summary>An account with this id and other fields exists.</summary>
    ExistsWithDifferentFields = 9,
}
