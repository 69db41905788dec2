using EvidenceChain.Pledges.Tests.Support;

namespace EvidenceChain.Pledges.Tests;

/// <summary>
/// Default, enforcement and the split of its proceeds (Civil Code 436–438): the pledgee up to the
/// secured amount, the rest to the pledgor, a shortfall still owed; and never a transfer of the asset.
/// </summary>
public sealed class EnforcementTests : IDisposable
{
    private const long SecuredFen = 1_000_000_000;

    private static readonly PledgeId s_pledge = new(0xE4F0_0001);

    private readonly PledgeHarness _h = new();

    [Theory]
    [InlineData(800_000_000, PledgeState.PartiallySatisfied, 800_000_000, 0, 200_000_000)]
    [InlineData(1_200_000_000, PledgeState.Satisfied, 1_000_000_000, 200_000_000, 0)]
    [InlineData(1_000_000_000, PledgeState.Satisfied, 1_000_000_000, 0, 0)]
    public void Proceeds_SplitBetweenPledgeeAndPledgor(long proceedsFen, PledgeState state, long pledgeeFen, long pledgorFen, long shortfallFen)
    {
        AssetId asset = Pledged(0xE1);
        _h.Accept(_h.DeclareDefault(asset, s_pledge, _h.Bank));
        _h.Accept(_h.StartEnforcement(asset, s_pledge, _h.Bank, EnforcementRoute.SupervisedSale));

        PledgeDecision recorded = _h.Accept(_h.RecordProceeds(asset, s_pledge, proceedsFen));

        Pledge pledge = _h.AssetOf(asset).PledgeOf(s_pledge)!;
        Assert.Equal(state, pledge.State);
        Assert.Equal(new ProceedsSplit(proceedsFen, pledgeeFen, pledgorFen, shortfallFen), pledge.Split);
        Assert.Equal(EnforcementRoute.SupervisedSale, pledge.Route);
        if (shortfallFen > 0)
        {
            Assert.Contains($"{shortfallFen} fen of the secured claim stays owed", recorded.Detail, StringComparison.Ordinal);
        }

        _h.Accept(_h.Signed(new PledgeCommand(PledgeEvent.ClosePledge, asset, s_pledge), _h.Notary));
        Assert.Equal(PledgeState.Closed, _h.AssetOf(asset).PledgeOf(s_pledge)!.State);

        // Enforcement never moved the asset: 流质 is void.
        Assert.Equal(_h.Company.Id, _h.AssetOf(asset).OwnerPartyId);
        Assert.Empty(_h.AssetOf(asset).Dealings);
    }

    [Fact]
    public void CourtRoute_NeedsTheCourtsDocument_AndPledgeeAndNotary()
    {
        AssetId asset = Pledged(0xE2);
        _h.Accept(_h.DeclareDefault(asset, s_pledge, _h.Bank));

        _h.Refuse(_h.StartEnforcement(asset, s_pledge, _h.Bank, EnforcementRoute.CourtEnforcement), PledgeRejection.CommandInvalid);
        _h.Refuse(
            _h.Signed(new PledgeCommand(PledgeEvent.StartEnforcement, asset, s_pledge, Route: EnforcementRoute.SupervisedSale), _h.Bank),
            PledgeRejection.SignatureMissing);
        _h.Accept(_h.StartEnforcement(asset, s_pledge, _h.Bank, EnforcementRoute.CourtEnforcement, PledgeHarness.Doc("执行证书")));
    }

    [Fact]
    public void DeclareDefault_ByThePledgorOrWithoutEvidence_Refused()
    {
        AssetId asset = Pledged(0xE3);

        _h.Refuse(_h.DeclareDefault(asset, s_pledge, _h.Company), PledgeRejection.SignatureInvalid);
        _h.Refuse(_h.Signed(new PledgeCommand(PledgeEvent.DeclareDefault, asset, s_pledge), _h.Bank), PledgeRejection.CommandInvalid);
    }

    [Fact]
    public void AgreedValuation_TheTransferToThePledgeeIsItsOwnSignedEvent()
    {
        AssetId asset = Pledged(0xE4);
        _h.Accept(_h.DeclareDefault(asset, s_pledge, _h.Bank));
        _h.Accept(_h.StartEnforcement(asset, s_pledge, _h.Bank, EnforcementRoute.AgreedValuation));
        _h.Accept(_h.RecordProceeds(asset, s_pledge, 1_500_000_000));
        Assert.Equal(_h.Company.Id, _h.AssetOf(asset).OwnerPartyId);

        // 折价: the pledgee takes the right at the agreed value only by a transfer the owner signs.
        Core.Access.Party lenderAsEnterprise = _h.Parties.Add(Core.Access.PartyRole.Enterprise);
        _h.Accept(_h.Transfer(asset, lenderAsEnterprise, _h.Company, _h.Notary, lenderAsEnterprise));
        Assert.Equal(lenderAsEnterprise.Id, _h.AssetOf(asset).OwnerPartyId);
    }

    [Fact]
    public void Dispute_ResolvedByACourtToEnforcement_OrJointlyBackToActive()
    {
        AssetId asset = Pledged(0xE5);
        _h.Accept(_h.Signed(new PledgeCommand(PledgeEvent.Dispute, asset, s_pledge, Evidence: PledgeHarness.Doc("ownership challenged")), _h.Company));
        Assert.Single(EncumbranceView.Of(_h.AssetOf(asset)).PledgesInForce);

        _h.Refuse(_h.Signed(new PledgeCommand(PledgeEvent.ResolveDispute, asset, s_pledge, ResolveTo: PledgeState.Active, Evidence: PledgeHarness.Doc("settlement")), _h.Company), PledgeRejection.SignatureMissing);
        _h.Refuse(_h.Signed(new PledgeCommand(PledgeEvent.ResolveDispute, asset, s_pledge, ResolveTo: PledgeState.Enforcement, Evidence: PledgeHarness.Doc("judgment")), _h.Court), PledgeRejection.CommandInvalid);
        _h.Refuse(_h.Signed(new PledgeCommand(PledgeEvent.ResolveDispute, asset, s_pledge, ResolveTo: PledgeState.Closed, Evidence: PledgeHarness.Doc("judgment")), _h.Court), PledgeRejection.CommandInvalid);
        _h.Accept(_h.Signed(new PledgeCommand(PledgeEvent.ResolveDispute, asset, s_pledge, ResolveTo: PledgeState.Active, Evidence: PledgeHarness.Doc("settlement")), _h.Company, _h.Bank));
        Assert.Equal(PledgeState.Active, _h.AssetOf(asset).PledgeOf(s_pledge)!.State);

        _h.Accept(_h.Signed(new PledgeCommand(PledgeEvent.Dispute, asset, s_pledge, Evidence: PledgeHarness.Doc("validity challenged")), _h.Court));
        _h.Accept(_h.Signed(new PledgeCommand(PledgeEvent.ResolveDispute, asset, s_pledge, Route: EnforcementRoute.CourtEnforcement, ResolveTo: PledgeState.Enforcement, Evidence: PledgeHarness.Doc("judgment")), _h.Court));
        Pledge pledge = _h.AssetOf(asset).PledgeOf(s_pledge)!;
        Assert.Equal((PledgeState.Enforcement, EnforcementRoute.CourtEnforcement), (pledge.State, pledge.Route));
    }

    [Fact]
    public void ProceedsSplit_RefusesNothingButNonPositiveAmounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProceedsSplit.Of(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProceedsSplit.Of(1, 0));
        Assert.Equal(new ProceedsSplit(long.MaxValue, 1, long.MaxValue - 1, 0), ProceedsSplit.Of(1, long.MaxValue));
    }

    private AssetId Pledged(ulong id)
    {
        var asset = new AssetId(id);
        _h.RegisterSecret(asset, firstLeaf: id * 10);
        _h.Value(asset, 3_500_000_000);
        _h.PutInForce(asset, s_pledge, _h.Terms(_h.Bank, SecuredFen));
        return asset;
    }

    public void Dispose() => _h.Dispose();
}
