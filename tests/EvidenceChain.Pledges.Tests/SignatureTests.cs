using EvidenceChain.Core.Access;
using EvidenceChain.Pledges.Tests.Support;

namespace EvidenceChain.Pledges.Tests;

/// <summary>Who signs, with which key, over what: each fault named with its signer.</summary>
public sealed class SignatureTests : IDisposable
{
    private static readonly AssetId s_asset = new(0x516_0001);
    private static readonly PledgeId s_pledge = new(0x516_0002);

    private readonly PledgeHarness _h = new();

    public SignatureTests()
    {
        _h.RegisterSecret(s_asset);
        _h.Value(s_asset, 3_500_000_000);
    }

    [Fact]
    public void ApplyPledge_WithoutThePledgee_SignatureMissingNamesIt()
    {
        var unsigned = new PledgeCommand(PledgeEvent.ApplyPledge, s_asset, s_pledge, Terms: _h.Terms(_h.Bank, 1_000_000_000));

        PledgeDecision refused = _h.Refuse(_h.Signed(unsigned, _h.Company), PledgeRejection.SignatureMissing);

        Assert.Equal((SignerRejection.SignerMissing, "the pledgee"), (refused.Signer, refused.SignerName));
    }

    [Fact]
    public void ApplyPledge_ByAnotherLender_SignerNotExpected()
    {
        var unsigned = new PledgeCommand(PledgeEvent.ApplyPledge, s_asset, s_pledge, Terms: _h.Terms(_h.Bank, 1_000_000_000));

        PledgeDecision refused = _h.Refuse(_h.Signed(unsigned, _h.Company, _h.Bank2), PledgeRejection.SignatureInvalid);

        Assert.Equal((SignerRejection.SignerNotExpected, _h.Bank2.Id), (refused.Signer, refused.SignerName));
    }

    [Fact]
    public void Signature_OverAnotherEventNumberOrField_SignatureNotValid()
    {
        var unsigned = new PledgeCommand(PledgeEvent.ApplyPledge, s_asset, s_pledge, Terms: _h.Terms(_h.Bank, 1_000_000_000));
        PledgeCommand signed = _h.Signed(unsigned, _h.Company, _h.Bank);

        // The same signatures on a larger secured amount; and replayed one event later.
        PledgeCommand raised = signed with { Terms = signed.Terms! with { SecuredFen = 2_000_000_000 } };
        Assert.Equal(SignerRejection.SignatureNotValid, _h.Refuse(raised, PledgeRejection.SignatureInvalid).Signer);
        _h.Accept(_h.Licence(s_asset, _h.Company, _h.Notary));
        Assert.Equal(SignerRejection.SignatureNotValid, _h.Refuse(signed, PledgeRejection.SignatureInvalid).Signer);
    }

    [Fact]
    public void Signature_RevokedKeyOrDeactivatedParty_Refused()
    {
        PledgeCommand signed = _h.Signed(new PledgeCommand(PledgeEvent.ApplyPledge, s_asset, s_pledge, Terms: _h.Terms(_h.Bank, 1_000_000_000)), _h.Company, _h.Bank);
        Party bank = _h.Bank;

        _h.Parties.Replace(bank with { Keys = [bank.Keys[0] with { RevokedAtMs = _h.AtMs }] });
        Assert.Equal(SignerRejection.KeyNotValid, _h.Refuse(signed, PledgeRejection.SignatureInvalid).Signer);
        _h.Parties.Replace(bank with { DeactivatedAtMs = _h.AtMs - 1 });
        Assert.Equal(SignerRejection.SignerInactive, _h.Refuse(signed, PledgeRejection.SignatureInvalid).Signer);
        _h.Parties.Replace(bank);
        _h.Accept(signed);
    }

    [Fact]
    public void Signature_PartyTwiceOrUnknown_Refused()
    {
        PledgeCommand once = _h.Signed(new PledgeCommand(PledgeEvent.ApplyPledge, s_asset, s_pledge, Terms: _h.Terms(_h.Bank, 1_000_000_000)), _h.Company, _h.Bank);
        PledgeCommand twice = once with { Signatures = [.. once.Signatures!, once.Signatures![0]] };
        PledgeCommand unknown = once with { Signatures = [once.Signatures![0] with { PartyId = new string('a', 32) }, once.Signatures[1]] };

        Assert.Equal(SignerRejection.SignerRepeated, _h.Refuse(twice, PledgeRejection.SignatureInvalid).Signer);
        Assert.Equal(SignerRejection.SignerUnknown, _h.Refuse(unknown, PledgeRejection.SignatureInvalid).Signer);
    }

    [Fact]
    public void RecordValuation_TwoNotaries_OneTooMany()
    {
        Party second = _h.Parties.Add(PartyRole.Notary);
        var command = new PledgeCommand(PledgeEvent.RecordValuation, s_asset, Valuation: _h.Valuation(s_asset, 1));

        PledgeDecision refused = _h.Refuse(_h.Signed(command, _h.Notary, second), PledgeRejection.SignatureInvalid);

        Assert.Equal((SignerRejection.SignerNotExpected, second.Id), (refused.Signer, refused.SignerName));
    }

    [Fact]
    public void Message_NamesContextAssetPledgeEventAndNumber()
    {
        var command = new PledgeCommand(PledgeEvent.NotarizePledge, s_asset, s_pledge);

        byte[] message = PledgeEventMessage.Of(command, 7);

        Assert.Equal("evidencechain/pledge-event/v1\n"u8.ToArray(), message[..30]);
        Assert.Equal(Convert.FromHexString("00000000000000000000000005160001" + "00000000000000000000000005160002" + "04" + "0000000000000007"), message[30..71]);
        Assert.NotEqual(message, PledgeEventMessage.Of(command, 8));
        Assert.Throws<ArgumentException>(() => PledgeEventMessage.Of(command with { PledgeId = null }, 7));
    }

    public void Dispose() => _h.Dispose();
}
