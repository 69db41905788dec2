namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// Why a statement line matched no transfer (docs/formats/bank-statement.md, Matching), in the order
/// the rules are checked. An unmatched credit goes to suspense, an unmatched debit is an incident;
/// both keep this reason. Numbers never change and are never reused.
/// </summary>
public enum MatchFailure : byte
{
    /// <summary>It matched.</summary>
    None = 0,

    /// <summary>The reference holds no transfer reference token.</summary>
    NoReference = 1,

    /// <summary>The reference holds tokens for two different transfers.</summary>
    AmbiguousReference = 2,

    /// <summary>No transfer with the referenced id succeeded.</summary>
    TransferNotFound = 3,

    /// <summary>The referenced transfer is not a pending transfer still pending (a single-phase one, or one posted or voided already).</summary>
    TransferNotPending = 4,

    /// <summary>The referenced transfer does not move money through this line's escrow bank account in this line's direction.</summary>
    OtherAccountOrDirection = 5,

    /// <summary>The line's amount is not the pending transfer's amount.</summary>
    AmountDiffers = 6,
}
