namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>What importing one statement line did. Numbers never change and are never reused.</summary>
public enum StatementLineStatus : byte
{
    /// <summary>Booked: the named pending transfer posted, interest credited, or the credit put in suspense.</summary>
    Booked = 0,

    /// <summary>The line was imported before with the same content: nothing changed.</summary>
    AlreadyImported = 1,

    /// <summary>An incident was recorded (an unmatched debit, or a line the ledger refused); payouts from the account are held.</summary>
    IncidentRaised = 2,

    /// <summary>Refused: the line's bank account is not a configured escrow bank account.</summary>
    UnknownBankAccount = 3,

    /// <summary>Refused: this serial was imported before with other content.</summary>
    DuplicateSerialWithDifferentContent = 4,
}
