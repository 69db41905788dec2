namespace EvidenceChain.Core.Access;

/// <summary>What a caller asks to do. One member per kind of call; stable numbers (custody events name them).</summary>
public enum Operation
{
    /// <summary>Deposit commitments (signed by the depositor's key).</summary>
    SubmitDeposit = 1,

    /// <summary>Read a deposit's receipt.</summary>
    ReadReceipt = 2,

    /// <summary>Read where a deposit's anchors stand.</summary>
    ReadDepositAnchors = 3,

    /// <summary>Read checkpoints, consistency proofs, checkpoint anchors and the log's public keys.</summary>
    ReadPublicProofs = 4,

    /// <summary>Read raw leaves (commitments only, never content), to rebuild the tree.</summary>
    ReadLeaves = 5,

    /// <summary>Have the service check a receipt the caller already holds.</summary>
    VerifyReceipt = 6,

    /// <summary>Register a party, bind or rotate its keys and certificates, revoke them.</summary>
    ManageParties = 7,

    /// <summary>Read a party's custody trail (who did what to its deposits, keys and certificates).</summary>
    ReadCustodyTrail = 8,

    /// <summary>Mint, list and revoke public locators of one's own deposits' receipts.</summary>
    ManageLocators = 9,

    /// <summary>Create escrow ledger accounts and transfers; payouts out of escrow only through cases (OperateCases), unless the deployment allows raw ones.</summary>
    OperateLedger = 10,

    /// <summary>Read escrow ledger accounts and balances.</summary>
    ReadLedger = 11,

    /// <summary>Operate the escrow ledger's bank desk: import statements, reconcile, resolve incidents, export payment instructions.</summary>
    OperateBank = 12,

    /// <summary>Read the bank desk's incidents, open and resolved.</summary>
    ReadBank = 13,

    /// <summary>Open 带押过户 cases and propose and apply their events (payouts also need two notaries' signed approvals).</summary>
    OperateCases = 14,

    /// <summary>Record a case's evidence artefact, signed by its issuer (or attested by a notary).</summary>
    RecordCaseEvidence = 15,

    /// <summary>Read cases, their statements with proofs, and their deadlines.</summary>
    ReadCases = 16,

    /// <summary>Propose and apply the pledge registry's events (docs/pledges.md), each signed offline by the parties who act in it.</summary>
    OperatePledges = 17,

    /// <summary>Read a pledge registry asset and its encumbrance statement: "own" when the caller is its owner, or pledgor or pledgee of one of its pledges.</summary>
    ReadPledges = 18,

    /// <summary>Record that some units of a deposit were disclosed to a party (a court): the deposit's depositor, or the notary office.</summary>
    RecordDisclosure = 19,

    /// <summary>Hand the service a vault file of a deposit to keep (ciphertext only).</summary>
    StoreVault = 20,

    /// <summary>List and fetch the vault files kept for a deposit.</summary>
    ReadVault = 21,

    /// <summary>Have the office issue a signed deposit certificate (存证证书) of a deposit: its depositor, or the notary office and its notaries.</summary>
    IssueCertificate = 22,

    /// <summary>Take an online backup of the log store (docs/backup.md): the notary office only.</summary>
    BackUpStore = 23,
}
