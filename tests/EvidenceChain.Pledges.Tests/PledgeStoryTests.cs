using EvidenceChain.Core.Hashing;
using EvidenceChain.Pledges.Tests.Support;

namespace EvidenceChain.Pledges.Tests;

/// <summary>
/// DOMAIN.md §7's story with real keys: a company registers a trade secret, an appraiser values it at
/// 35,000,000.00 yuan, a bank's 10,000,000.00-yuan senior pledge is applied for, notarized, put in
/// force and released; what the registry refuses along the way, and what a lender's statement shows.
/// </summary>
public sealed class PledgeStoryTests : IDisposable
{
    private const long ValueFen = 3_500_000_000;
    private const long SecuredFen = 1_000_000_000;

    private static readonly AssetId s_asset = new(0xA55E7_0001);
    private static readonly PledgeId s_first = new(0x91ED_0001);
    private static readonly PledgeId s_second = new(0x91ED_0002);

    private readonly PledgeHarness _h = new();

    [Fact]
    public void Story_RegisterValuePledgeRelease_SecondSeniorOnlyAfterRelease()
    {
        _h.RegisterSecret(s_asset);
        PledgeAsset registered = _h.AssetOf(s_asset);
        Assert.Equal((AssetState.Registered, _h.Company.Id, 1UL), (registered.State, registered.OwnerPartyId, registered.EventCount));
        Assert.Equal(2, registered.SecretDeposits.Count);

        // No pledge on an asset nobody has valued.
        _h.Refuse(_h.Apply(s_asset, s_first, _h.Terms(_h.Bank, SecuredFen)), PledgeRejection.AssetNotValued);

        _h.Value(s_asset, ValueFen);
        Assert.Equal(AssetState.Valued, _h.AssetOf(s_asset).State);

        _h.Accept(_h.Apply(s_asset, s_first, _h.Terms(_h.Bank, SecuredFen)));
        _h.Accept(_h.Notarize(s_asset, s_first));
        _h.Accept(_h.Activate(s_asset, s_first));
        Assert.Equal(PledgeState.Active, _h.AssetOf(s_asset).PledgeOf(s_first)!.State);

        Encumbrance statement = EncumbranceView.Of(_h.AssetOf(s_asset));
        Assert.Equal(_h.Company.Id, statement.OwnerPartyId);
        Assert.Equal(_h.AssetOf(s_asset).SecretDeposits.Select(d => d.UnitsRoot), statement.SecretDeposits.Select(d => d.UnitsRoot));
        ValuationLine valuation = Assert.Single(statement.Valuations);
        Assert.Equal((_h.Appraiser.Id, ValueFen), (valuation.AppraiserPartyId, valuation.ValueFen));
        PledgeLine line = Assert.Single(statement.PledgesInForce);
        Assert.Equal((s_first, (byte)1, SecuredFen, _h.Bank.Id), (line.PledgeId, line.Rank, line.SecuredFen, line.PledgeePartyId));
        Assert.Contains("no priority over third parties", statement.Notice, StringComparison.Ordinal);

        // A second senior pledge may be applied for and notarized, but not put in force beside the first.
        _h.Accept(_h.Apply(s_asset, s_second, _h.Terms(_h.Bank2, 500_000_000)));
        _h.Accept(_h.Notarize(s_asset, s_second));
        _h.Refuse(_h.Activate(s_asset, s_second), PledgeRejection.SeniorPledgeActive);

        _h.Accept(_h.RequestRelease(s_asset, s_first, _h.Company));
        Assert.Single(EncumbranceView.Of(_h.AssetOf(s_asset)).PledgesInForce);
        _h.Refuse(_h.Activate(s_asset, s_second), PledgeRejection.SeniorPledgeActive);
        _h.Accept(_h.Release(s_asset, s_first, _h.Bank));
        Assert.Equal(PledgeState.Released, _h.AssetOf(s_asset).PledgeOf(s_first)!.State);
        Assert.Empty(EncumbranceView.Of(_h.AssetOf(s_asset)).PledgesInForce);

        _h.Accept(_h.Activate(s_asset, s_second));
        Assert.Equal(s_second, Assert.Single(EncumbranceView.Of(_h.AssetOf(s_asset)).PledgesInForce).PledgeId);
        Assert.Equal(_h.Company.Id, _h.AssetOf(s_asset).OwnerPartyId);
    }

    [Fact]
    public void EncumbranceAsOfAnEarlierEvent_ShowsThePledgeThenInForce()
    {
        _h.RegisterSecret(s_asset);
        _h.Value(s_asset, ValueFen);
        _h.PutInForce(s_asset, s_first, _h.Terms(_h.Bank, SecuredFen));
        ulong whileActive = _h.AssetOf(s_asset).EventCount;
        _h.Accept(_h.RequestRelease(s_asset, s_first, _h.Bank));
        _h.Accept(_h.Release(s_asset, s_first, _h.Bank));

        Assert.Single(EncumbranceView.Of(_h.Log, s_asset, whileActive)!.PledgesInForce);
        Assert.Empty(EncumbranceView.Of(_h.Log, s_asset, ulong.MaxValue)!.PledgesInForce);
        Assert.Empty(EncumbranceView.Of(_h.Log, s_asset, 1)!.Valuations);
        Assert.Null(EncumbranceView.Of(_h.Log, new AssetId(42), ulong.MaxValue));
    }

    [Fact]
    public void JuniorPledge_SeniorContractForbids_JuniorNotAllowed()
    {
        _h.RegisterSecret(s_asset);
        _h.Value(s_asset, ValueFen);
        _h.PutInForce(s_asset, s_first, _h.Terms(_h.Bank, SecuredFen, juniorAllowed: false));
        _h.Accept(_h.Apply(s_asset, s_second, _h.Terms(_h.Bank2, 500_000_000, rank: 2)));
        _h.Accept(_h.Notarize(s_asset, s_second));

        _h.Refuse(_h.Activate(s_asset, s_second, PledgeHarness.Doc("notice to the senior pledgee")), PledgeRejection.JuniorNotAllowed);
    }

    [Fact]
    public void JuniorPledge_SeniorContractAllows_NeedsTheNotice_ThenRanksBehind()
    {
        _h.RegisterSecret(s_asset);
        _h.Value(s_asset, ValueFen);
        _h.PutInForce(s_asset, s_first, _h.Terms(_h.Bank, SecuredFen, juniorAllowed: true));
        _h.Accept(_h.Apply(s_asset, s_second, _h.Terms(_h.Bank2, 500_000_000, rank: 2)));
        _h.Accept(_h.Notarize(s_asset, s_second));

        _h.Refuse(_h.Activate(s_asset, s_second), PledgeRejection.JuniorNotAllowed);
        DigestPair notice = PledgeHarness.Doc("notice to the senior pledgee");
        _h.Accept(_h.Activate(s_asset, s_second, notice));

        Pledge junior = _h.AssetOf(s_asset).PledgeOf(s_second)!;
        Assert.Equal((PledgeState.Active, notice), (junior.State, junior.JuniorNotice!.Value));
        Assert.Equal([(byte)1, (byte)2], EncumbranceView.Of(_h.AssetOf(s_asset)).PledgesInForce.Select(p => p.Rank));

        // At most one pledge per rank; and once the senior is released, no new pledge jumps ahead of the junior in force.
        var third = new PledgeId(0x91ED_0003);
        _h.Accept(_h.Apply(s_asset, third, _h.Terms(_h.Bank, 100_000_000, rank: 2)));
        _h.Accept(_h.Notarize(s_asset, third));
        _h.Refuse(_h.Activate(s_asset, third, notice), PledgeRejection.RankInForce);
        var fourth = new PledgeId(0x91ED_0004);
        _h.Accept(_h.RequestRelease(s_asset, s_first, _h.Company));
        _h.Accept(_h.Release(s_asset, s_first, _h.Bank));
        _h.Accept(_h.Apply(s_asset, fourth, _h.Terms(_h.Bank, 100_000_000)));
        _h.Accept(_h.Notarize(s_asset, fourth));
        _h.Refuse(_h.Activate(s_asset, fourth), PledgeRejection.RankInForce);
    }

    [Fact]
    public void JuniorPledge_NothingInForceAhead_JuniorNotAllowed()
    {
        _h.RegisterSecret(s_asset);
        _h.Value(s_asset, ValueFen);
        _h.Accept(_h.Apply(s_asset, s_second, _h.Terms(_h.Bank2, 500_000_000, rank: 2)));
        _h.Accept(_h.Notarize(s_asset, s_second));

        _h.Refuse(_h.Activate(s_asset, s_second, PledgeHarness.Doc("notice")), PledgeRejection.JuniorNotAllowed);
    }

    [Fact]
    public void Transfer_WhilePledged_RefusedWithoutThePledgee_AcceptedWithItsCoSignature()
    {
        _h.RegisterSecret(s_asset);
        _h.Value(s_asset, ValueFen);
        _h.PutInForce(s_asset, s_first, _h.Terms(_h.Bank, SecuredFen));

        _h.Refuse(_h.Transfer(s_asset, _h.Buyer, _h.Company, _h.Notary, _h.Buyer), PledgeRejection.AssetLocked);
        _h.Refuse(_h.Licence(s_asset, _h.Company, _h.Notary), PledgeRejection.AssetLocked);
        Assert.Equal(_h.Company.Id, _h.AssetOf(s_asset).OwnerPartyId);

        _h.Accept(_h.Licence(s_asset, _h.Company, _h.Notary, _h.Bank));
        Assert.Equal(_h.Company.Id, _h.AssetOf(s_asset).OwnerPartyId);
        _h.Accept(_h.Transfer(s_asset, _h.Buyer, _h.Company, _h.Notary, _h.Bank, _h.Buyer));

        PledgeAsset transferred = _h.AssetOf(s_asset);
        Assert.Equal(_h.Buyer.Id, transferred.OwnerPartyId);
        Assert.Equal([_h.Bank.Id], transferred.Dealings[^1].ConsentingPledgees);
        Assert.Equal(PledgeState.Active, transferred.PledgeOf(s_first)!.State);

        // The old owner cannot deal with it any more; the new one can, still with the pledgee's consent.
        _h.Refuse(_h.Licence(s_asset, _h.Company, _h.Notary, _h.Bank), PledgeRejection.SignatureInvalid);
        _h.Accept(_h.Licence(s_asset, _h.Buyer, _h.Notary, _h.Bank));
    }

    [Fact]
    public void Transfer_Unpledged_NeedsOwnerNotaryAndTransferee_AndPendingPledgeCannotActivate()
    {
        _h.RegisterSecret(s_asset);
        _h.Value(s_asset, ValueFen);
        _h.Accept(_h.Apply(s_asset, s_first, _h.Terms(_h.Bank, SecuredFen)));
        _h.Accept(_h.Notarize(s_asset, s_first));

        PledgeDecision missing = _h.Refuse(_h.Transfer(s_asset, _h.Buyer, _h.Company, _h.Notary), PledgeRejection.SignatureMissing);
        Assert.Equal("the transferee", missing.SignerName);
        _h.Accept(_h.Transfer(s_asset, _h.Buyer, _h.Company, _h.Notary, _h.Buyer));

        _h.Refuse(_h.Activate(s_asset, s_first), PledgeRejection.PledgorNotOwner);
        _h.Refuse(_h.Apply(s_asset, s_second, _h.Terms(_h.Bank, SecuredFen)), PledgeRejection.CommandInvalid);
        _h.Accept(_h.Apply(s_asset, s_second, _h.Terms(_h.Bank, SecuredFen, pledgor: _h.Buyer)));
    }

    [Fact]
    public void Release_ByNotary_NeedsRepaymentEvidence()
    {
        _h.RegisterSecret(s_asset);
        _h.Value(s_asset, ValueFen);
        _h.PutInForce(s_asset, s_first, _h.Terms(_h.Bank, SecuredFen));
        _h.Accept(_h.RequestRelease(s_asset, s_first, _h.Company));

        _h.Refuse(_h.Release(s_asset, s_first, _h.Notary), PledgeRejection.NotReleasable);
        _h.Refuse(_h.Release(s_asset, s_first, _h.Company), PledgeRejection.SignatureInvalid);
        _h.Accept(_h.Release(s_asset, s_first, _h.Notary, PledgeHarness.Doc("bank record: loan repaid in full")));
        Assert.Equal(PledgeState.Released, _h.AssetOf(s_asset).PledgeOf(s_first)!.State);
    }

    [Fact]
    public void Valuation_NamingARootNotTheAssets_ValuationNotOfAsset()
    {
        _h.RegisterSecret(s_asset);
        PledgeAsset asset = _h.AssetOf(s_asset);
        DigestPair nda = asset.Deposits.First(d => d.Role == AssetDepositRole.ConfidentialityMeasure).UnitsRoot;
        DigestPair elsewhere = PledgeHarness.Deposit(_h.Company, 7_000, AssetDepositRole.Secret, "another secret").Deposit.UnitsRoot;

        foreach (DigestPair[] roots in new[] { new[] { asset.SecretDeposits[0].UnitsRoot, elsewhere }, new[] { nda } })
        {
            var command = new PledgeCommand(PledgeEvent.RecordValuation, s_asset, Valuation: _h.Valuation(s_asset, ValueFen, roots));
            _h.Refuse(_h.Signed(command, _h.Notary), PledgeRejection.ValuationNotOfAsset);
        }

        Assert.Equal(AssetState.Registered, _h.AssetOf(s_asset).State);
    }

    [Fact]
    public void Valuation_NotTheAppraisersStatement_ValuationSignatureInvalid()
    {
        _h.RegisterSecret(s_asset);
        Valuation genuine = _h.Valuation(s_asset, ValueFen);

        // Raised after signing; signed by a notary instead of an appraiser; signed for another asset.
        Valuation raised = genuine with { ValueFen = ValueFen * 2 };
        Valuation byNotary = _h.Valuation(s_asset, ValueFen, appraiser: _h.Notary);
        Valuation otherAsset = genuine with { Signature = _h.Parties.Sign(_h.Appraiser, genuine.SignedBytes(new AssetId(99))) };
        foreach ((Valuation valuation, SignerRejection why) in new[] { (raised, SignerRejection.SignatureNotValid), (byNotary, SignerRejection.SignerNotExpected), (otherAsset, SignerRejection.SignatureNotValid) })
        {
            PledgeDecision refused = _h.Refuse(_h.Signed(new PledgeCommand(PledgeEvent.RecordValuation, s_asset, Valuation: valuation), _h.Notary), PledgeRejection.ValuationSignatureInvalid);
            Assert.Equal(why, refused.Signer);
        }

        _h.Refuse(_h.Signed(new PledgeCommand(PledgeEvent.RecordValuation, s_asset, Valuation: _h.Valuation(s_asset, ValueFen, date: _h.Day.AddDays(1))), _h.Notary), PledgeRejection.CommandInvalid);
        _h.Accept(_h.Signed(new PledgeCommand(PledgeEvent.RecordValuation, s_asset, Valuation: genuine), _h.Notary));
    }

    [Fact]
    public void Registration_OpeningThatDoesNotMatch_DepositNotTheOwners()
    {
        var own = PledgeHarness.Deposit(_h.Company, 100, AssetDepositRole.Secret, "recipe");
        var buyers = PledgeHarness.Deposit(_h.Buyer, 101, AssetDepositRole.Secret, "someone else's recipe");
        var otherSalt = PledgeHarness.Deposit(_h.Company, 102, AssetDepositRole.Secret, "x");

        // The buyer's deposit opened with the buyer's key, but registered by the company.
        _h.Refuse(_h.Signed(PledgeHarness.Register(s_asset, _h.Company, [own, buyers]), _h.Company, _h.Notary), PledgeRejection.DepositNotTheOwners);

        // The company's key, with the salt of another of its deposits.
        var mismatched = (own.Deposit, otherSalt.Opening);
        _h.Refuse(_h.Signed(PledgeHarness.Register(s_asset, _h.Company, [mismatched]), _h.Company, _h.Notary), PledgeRejection.DepositNotTheOwners);

        // The right salt, but the fingerprint of another party's key.
        var foreignKey = (own.Deposit, own.Opening with { KeyFingerprint = _h.Buyer.Keys[0].Fingerprint });
        _h.Refuse(_h.Signed(PledgeHarness.Register(s_asset, _h.Company, [foreignKey]), _h.Company, _h.Notary), PledgeRejection.DepositNotTheOwners);

        _h.Accept(_h.Signed(PledgeHarness.Register(s_asset, _h.Company, [own]), _h.Company, _h.Notary));
    }

    [Fact]
    public void Registration_Malformed_CommandInvalid()
    {
        var secret = PledgeHarness.Deposit(_h.Company, 100, AssetDepositRole.Secret, "recipe");
        var nda = PledgeHarness.Deposit(_h.Company, 101, AssetDepositRole.ConfidentialityMeasure, "NDA");

        _h.Refuse(_h.Signed(PledgeHarness.Register(s_asset, _h.Company, [nda]), _h.Company, _h.Notary), PledgeRejection.CommandInvalid);
        _h.Refuse(_h.Signed(PledgeHarness.Register(s_asset, _h.Company, [secret, secret]), _h.Company, _h.Notary), PledgeRejection.CommandInvalid);
        foreach (string category in new[] { string.Empty, new string('密', 43), "line\nbreak" })
        {
            _h.Refuse(_h.Signed(PledgeHarness.Register(s_asset, _h.Company, [secret], category), _h.Company, _h.Notary), PledgeRejection.CommandInvalid);
        }

        _h.Refuse(_h.Signed(PledgeHarness.Register(s_asset, _h.Bank, [PledgeHarness.Deposit(_h.Bank, 102, AssetDepositRole.Secret, "bank")]), _h.Bank, _h.Notary), PledgeRejection.CommandInvalid);
        _h.Accept(_h.Signed(PledgeHarness.Register(s_asset, _h.Company, [secret, nda], new string('密', 42)), _h.Company, _h.Notary));
    }

    [Fact]
    public void Registration_DepositOutsideTheSignedTreeOrInAnotherAsset_Refused()
    {
        _h.SignedTreeSize = 100;
        _h.Refuse(_h.Signed(PledgeHarness.Register(s_asset, _h.Company, [PledgeHarness.Deposit(_h.Company, 100, AssetDepositRole.Secret, "late")]), _h.Company, _h.Notary), PledgeRejection.LeafNotInLog);
        _h.SignedTreeSize = 10_000;

        _h.RegisterSecret(s_asset, firstLeaf: 200);
        var again = PledgeHarness.Deposit(_h.Company, 201, AssetDepositRole.Secret, "same leaf, another asset");
        _h.Refuse(_h.Signed(PledgeHarness.Register(new AssetId(0xA55E7_0002), _h.Company, [again]), _h.Company, _h.Notary), PledgeRejection.DepositInAnotherAsset);
    }

    public void Dispose() => _h.Dispose();
}
