using System.Text;
using EvidenceChain.Cases.Internal;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Accounts;

/// <summary>
/// A case's ledger accounts, derived from its id, purpose and leg (docs/cases.md §Accounts), so the
/// engine, a statement reader and a court all name the same account without a lookup table.
/// </summary>
public static class CaseAccounts
{
    private static readonly byte[] s_context = Encoding.ASCII.GetBytes("evidencechain/case-account/v1\n");

    /// <summary>The account of <paramref name="purpose"/> (and, for payoffs and holds, of leg or order <paramref name="leg"/>) of <paramref name="caseId"/>.</summary>
    public static AccountId Of(CaseId caseId, CaseAccountPurpose purpose, byte leg = 0) =>
        new(Derived.Id(s_context, caseId, [(byte)purpose, leg]));

    /// <summary>The account code of a case account: 100 plus its purpose.</summary>
    public static ushort CodeOf(CaseAccountPurpose purpose) => (ushort)(100 + (byte)purpose);

    /// <summary>The ledger kind of an account of <paramref name="purpose"/>: memo for claims kept off the escrow balance, liability otherwise.</summary>
    public static AccountKind KindOf(CaseAccountPurpose purpose) =>
        purpose is CaseAccountPurpose.BuyerClaim or CaseAccountPurpose.SellerDebt ? AccountKind.Memo : AccountKind.Liability;
}
