namespace EvidenceChain.Core.Access;

/// <summary>
/// Who may do what: the one place the rules live (docs/roles.md shows the same table, checked by a
/// test). A decision depends on the caller's role, the operation and whose resource it touches.
/// Anything not granted here is denied.
/// </summary>
public static class AccessPolicy
{
    /// <summary>Roles that bring evidence: everyone but the read-only auditor (banks, registries and courts deposit their documents too).</summary>
    private static readonly PartyRole[] s_depositors =
        [PartyRole.NotaryOffice, PartyRole.Notary, PartyRole.Enterprise, PartyRole.Lender, PartyRole.Registry, PartyRole.Court, PartyRole.Appraiser];

    /// <summary>The office runs the log: its notaries see every deposit's standing.</summary>
    private static readonly PartyRole[] s_office = [PartyRole.NotaryOffice, PartyRole.Notary];

    public static AccessDecision Decide(Caller caller, Operation operation, Ownership ownership)
    {
        ArgumentNullException.ThrowIfNull(caller);
        PartyRole role = caller.Role;
        return operation switch
        {
            Operation.ReadPublicProofs or Operation.VerifyReceipt => AccessDecision.Allow,
            Operation.SubmitDeposit => s_depositors.Contains(role)
                ? AccessDecision.Allow
                : AccessDecision.Deny("an auditor reads; it does not deposit"),
            Operation.ReadReceipt or Operation.ReadDepositAnchors => ownership switch
            {
                _ when role == PartyRole.Auditor => AccessDecision.Deny("an auditor reads checkpoints, proofs and public anchors, not deposits"),
                Ownership.Own => AccessDecision.Allow,
                _ when s_office.Contains(role) => AccessDecision.Allow,
                _ => AccessDecision.Deny("a deposit's receipt is its depositor's (a court sees others' under a disclosure order)"),
            },
            Operation.ReadLeaves => role is PartyRole.NotaryOffice or PartyRole.Notary or PartyRole.Auditor
                ? AccessDecision.Allow
                : AccessDecision.Deny("raw leaves are for the office and auditors, who rebuild the tree"),
            Operation.ReadCustodyTrail => ownership == Ownership.Own || role == PartyRole.NotaryOffice
                ? AccessDecision.Allow
                : AccessDecision.Deny("a party reads its own custody trail; the notary office audits others'"),
            Operation.OperateLedger or Operation.ReadLedger => s_office.Contains(role)
                ? AccessDecision.Allow
                : AccessDecision.Deny("the escrow ledger is operated and read by the notary office and its notaries"),
            Operation.OperateCases => s_office.Contains(role)
                ? AccessDecision.Allow
                : AccessDecision.Deny("cases are run by the notary office and its notaries"),
            Operation.RecordCaseEvidence => role is PartyRole.NotaryOffice or PartyRole.Notary or PartyRole.Enterprise or PartyRole.Lender or PartyRole.Registry or PartyRole.Court
                ? AccessDecision.Allow
                : AccessDecision.Deny("a case's evidence comes from the office, the parties, banks, the registry and courts"),
            Operation.ReadCases => role is PartyRole.NotaryOffice or PartyRole.Notary or PartyRole.Court
                ? AccessDecision.Allow
                : AccessDecision.Deny("cases are read by the notary office, its notaries and courts"),
            Operation.OperatePledges => s_office.Contains(role)
                ? AccessDecision.Allow
                : AccessDecision.Deny("the pledge registry's events are applied by the notary office and its notaries; the parties sign them offline"),
            Operation.ReadPledges => ownership switch
            {
                _ when role is PartyRole.NotaryOffice or PartyRole.Notary or PartyRole.Court => AccessDecision.Allow,
                Ownership.Own when role is PartyRole.Enterprise or PartyRole.Lender => AccessDecision.Allow,
                _ when role == PartyRole.Auditor => AccessDecision.Deny("an auditor reads checkpoints, proofs and public anchors, not the pledge registry"),
                _ => AccessDecision.Deny("a pledged asset is read by its owner, the pledgors and pledgees of its pledges, the notary office and courts; a lender sees only assets it holds a pledge of"),
            },
            Operation.OperateBank or Operation.ReadBank => s_office.Contains(role)
                ? AccessDecision.Allow
                : AccessDecision.Deny("the escrow ledger's bank desk (statements, reconciliation, incidents, payment instructions) is the notary office's and its notaries'"),
            Operation.ManageLocators => ownership switch
            {
                _ when role == PartyRole.Auditor => AccessDecision.Deny("an auditor has no deposits, so no receipts to publish"),
                Ownership.Own => AccessDecision.Allow,
                _ => AccessDecision.Deny("only a deposit's owner publishes its receipt through locators or revokes them"),
            },
            Operation.RecordDisclosure => ownership switch
            {
                Ownership.Own when s_depositors.Contains(role) => AccessDecision.Allow,
                _ when role == PartyRole.NotaryOffice => AccessDecision.Allow,
                _ => AccessDecision.Deny("a deposit's disclosure is recorded by its depositor or by the notary office"),
            },
            Operation.StoreVault or Operation.ReadVault => ownership == Ownership.Own && s_depositors.Contains(role)
                ? AccessDecision.Allow
                : AccessDecision.Deny("a deposit's vault files are its depositor's alone: the service keeps ciphertext it cannot read and hands it back to nobody else"),
            Operation.IssueCertificate => ownership switch
            {
                _ when role == PartyRole.Auditor => AccessDecision.Deny("an auditor has no deposits, so no certificates"),
                Ownership.Own when s_depositors.Contains(role) => AccessDecision.Allow,
                _ when s_office.Contains(role) => AccessDecision.Allow,
                _ => AccessDecision.Deny("a deposit's certificate is issued to its depositor, or by the notary office"),
            },
            Operation.ManageParties => role == PartyRole.NotaryOffice
                ? AccessDecision.Allow
                : AccessDecision.Deny("only the notary office registers parties and their keys"),
            Operation.BackUpStore => role == PartyRole.NotaryOffice
                ? AccessDecision.Allow
                : AccessDecision.Deny("only the notary office backs up the log store"),
            _ => AccessDecision.Deny($"operation {operation} is not granted to anyone"),
        };
    }
}
