using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Tests.Support;
using EvidenceChain.Core.Access;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Tests.Approvals;

/// <summary>Payout approvals: two distinct notaries who may approve, each signing exactly the transfer ids, amounts and payee accounts.</summary>
public sealed class ApprovalCheckTests : IDisposable
{
    private static readonly CaseId s_case = new(0x1234);
    private static readonly long s_now = TestRegistry.BoundAtMs + 1000;
    private static readonly Payout[] s_payouts = [new(new TransferId(8), 139_615_000, new PayeeAccount("6228480000000000001", "李四"))];

    private readonly TestRegistry _registry = new();

    [Fact]
    public void Verify_TwoNotariesSignTheExactPayout_Accepted_AndAnSm2KeyToo()
    {
        Party first = _registry.Add(PartyRole.Notary, canApprove: true);
        Party second = _registry.Add(PartyRole.Notary, canApprove: true, sm2: true);
        byte[] message = ApprovalMessage.Of(s_case, 7, 12, s_payouts);

        Assert.Equal(ApprovalRejection.None, ApprovalCheck.Verify(message, [Approve(first, message), Approve(second, message)], _registry.Find, s_now));
    }

    [Fact]
    public void Verify_EachBrokenRule_NamedRejection()
    {
        Party first = _registry.Add(PartyRole.Notary, canApprove: true);
        Party second = _registry.Add(PartyRole.Notary, canApprove: true);
        Party clerk = _registry.Add(PartyRole.Notary, canApprove: false);
        Party bank = _registry.Add(PartyRole.Lender);
        Party revoked = _registry.Add(PartyRole.Notary, canApprove: true, revokedAtMs: s_now - 1);
        byte[] message = ApprovalMessage.Of(s_case, 7, 12, s_payouts);

        // Another amount, payee, transition or case is another message.
        byte[] otherAmount = ApprovalMessage.Of(s_case, 7, 12, [s_payouts[0] with { AmountFen = 139_615_001 }]);
        byte[] otherPayee = ApprovalMessage.Of(s_case, 7, 12, [s_payouts[0] with { Payee = new PayeeAccount("6228480000000000002", "李四") }]);
        byte[] otherTransition = ApprovalMessage.Of(s_case, 8, 12, s_payouts);
        byte[] otherCase = ApprovalMessage.Of(new CaseId(0x1235), 7, 12, s_payouts);

        Assert.Equal(ApprovalRejection.TooFewApprovals, ApprovalCheck.Verify(message, [Approve(first, message)], _registry.Find, s_now));
        Assert.Equal(ApprovalRejection.ApproverRepeated, ApprovalCheck.Verify(message, [Approve(first, message), Approve(first, message)], _registry.Find, s_now));
        Assert.Equal(ApprovalRejection.ApproverMayNotApprove, ApprovalCheck.Verify(message, [Approve(first, message), Approve(clerk, message)], _registry.Find, s_now));
        Assert.Equal(ApprovalRejection.ApproverMayNotApprove, ApprovalCheck.Verify(message, [Approve(first, message), Approve(bank, message)], _registry.Find, s_now));
        Assert.Equal(ApprovalRejection.ApproverKeyNotValid, ApprovalCheck.Verify(message, [Approve(first, message), Approve(revoked, message)], _registry.Find, s_now));
        Assert.Equal(ApprovalRejection.ApproverUnknown, ApprovalCheck.Verify(message, [Approve(first, message), Approve(second, message) with { NotaryPartyId = new string('0', 32) }], _registry.Find, s_now));
        foreach (byte[] other in new[] { otherAmount, otherPayee, otherTransition, otherCase })
        {
            Assert.Equal(ApprovalRejection.SignatureInvalid, ApprovalCheck.Verify(message, [Approve(first, message), Approve(second, other)], _registry.Find, s_now));
        }
    }

    public void Dispose() => _registry.Dispose();

    private PayoutApproval Approve(Party notary, byte[] message) => new(notary.Id, notary.Keys[0].Fingerprint, _registry.Sign(notary, message));
}
