using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Access;
using EvidenceChain.Pledges.Records;
using EvidenceChain.Pledges.Tests.Support;

namespace EvidenceChain.Pledges.Tests;

/// <summary>Records round-trip byte for byte, decode strictly, carry what was signed, and replay into the same registry.</summary>
public sealed class PledgeRecordTests : IDisposable
{
    private readonly PledgeHarness _h = new();

    [Fact]
    public void EveryTransition_RoundTrips_AndReplayRebuildsTheRegistry()
    {
        RunEveryKindOfEvent();
        Assert.Equal(Enum.GetValues<PledgeEvent>().Order(), _h.Log.Select(t => t.Command.Event).Distinct().Order());

        var decoded = new List<PledgeTransition>();
        foreach (PledgeTransition transition in _h.Log)
        {
            byte[] bytes = Record(transition).Encode();
            Assert.True(PledgeRecord.TryDecode(bytes, out PledgeRecord? record, out string reason), reason);
            Assert.Equal(bytes, record!.Encode());
            decoded.Add(record.Transition);
        }

        PledgeRegistry replayed = PledgeRegistry.Replay(decoded);
        Assert.Equal(Describe(_h.Registry), Describe(replayed));
        Assert.Equal(_h.Registry.DepositAssets.OrderBy(p => p.Key), replayed.DepositAssets.OrderBy(p => p.Key));
    }

    [Fact]
    public void DecodedRecords_CarryWhatTheirSignersSigned()
    {
        RunEveryKindOfEvent();

        foreach (PledgeTransition transition in _h.Log)
        {
            Assert.True(PledgeRecord.TryDecode(Record(transition).Encode(), out PledgeRecord? record, out _));
            PledgeCommand command = record!.Transition.Command;
            byte[] message = PledgeEventMessage.Of(command, record.Transition.Number);
            foreach (PledgeSignature signature in command.Signatures!)
            {
                PartyKey key = _h.Parties.Find(signature.PartyId)!.Keys.Single(k => k.Fingerprint == signature.KeyFingerprint);
                Assert.True(key.Verify(message, signature.Signature), $"{command.Event} by {signature.PartyId}");
            }
        }
    }

    [Fact]
    public void TryDecode_Corrupted_RefusedWithAReason()
    {
        RunEveryKindOfEvent();
        byte[] bytes = Record(_h.Log.First(t => t.Command.Event == PledgeEvent.ApplyPledge)).Encode();
        int head = 31 + 32 + 8;

        byte[] unknownEvent = (byte[])bytes.Clone();
        unknownEvent[head + 32] = 99;
        byte[] badFlag = (byte[])bytes.Clone();
        badFlag[head + 41] = 2;
        byte[] badMagic = (byte[])bytes.Clone();
        badMagic[0] ^= 1;

        foreach (byte[] corrupt in new[] { bytes[..^1], [.. bytes, 0], unknownEvent, badFlag, badMagic })
        {
            Assert.False(PledgeRecord.TryDecode(corrupt, out PledgeRecord? record, out string reason));
            Assert.Null(record);
            Assert.NotEmpty(reason);
        }
    }

    [Fact]
    public void Apply_OutOfOrder_Throws()
    {
        RunEveryKindOfEvent();
        PledgeTransition first = _h.Log[0];
        PledgeTransition later = _h.Log.First(t => t.Number == 3 && t.AssetId == first.AssetId);

        Assert.Throws<InvalidOperationException>(() => PledgeRegistry.Empty.Apply(later));
        Assert.Throws<InvalidOperationException>(() => PledgeRegistry.Empty.Apply(first).Apply(first));
    }

    [Fact]
    public void TryRead_EveryEventsMessage_GivesBackTheSignedEventAndNumber()
    {
        RunEveryKindOfEvent();

        foreach (PledgeTransition transition in _h.Log)
        {
            byte[] message = PledgeEventMessage.Of(transition.Command, transition.Number);
            Assert.True(PledgeEventMessage.TryRead(message, out PledgeCommand? command, out ulong number, out string reason), reason);
            Assert.Equal(transition.Number, number);
            Assert.Empty(command!.Signatures!);
            Assert.Equal(message, PledgeEventMessage.Of(command, number));
        }
    }

    [Fact]
    public void TryRead_Malformed_RefusedWithAReason()
    {
        RunEveryKindOfEvent();
        PledgeTransition applied = _h.Log.First(t => t.Command.Event == PledgeEvent.ApplyPledge);
        byte[] message = PledgeEventMessage.Of(applied.Command, applied.Number);
        int head = 30;
        byte[] badContext = (byte[])message.Clone();
        badContext[0] ^= 1;
        byte[] numberZero = (byte[])message.Clone();
        numberZero.AsSpan(head + 33, 8).Clear();
        byte[] badFlag = (byte[])message.Clone();
        badFlag[head + 41] = 2;
        byte[] unknownEvent = (byte[])message.Clone();
        unknownEvent[head + 32] = 99;

        foreach ((byte[] corrupt, string expected) in new[]
        {
            (badContext, "pledge event context"), (message[..^1], "ends early"), ([.. message, 0], "bytes follow"),
            (numberZero, "numbered from 1"), (badFlag, "a flag is 0 or 1"), (unknownEvent, "event 99 is not defined"),
        })
        {
            Assert.False(PledgeEventMessage.TryRead(corrupt, out PledgeCommand? command, out _, out string reason));
            Assert.Null(command);
            Assert.Contains(expected, reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Encode_Malformed_Throws()
    {
        RunEveryKindOfEvent();
        PledgeRecord record = Record(_h.Log[0]);

        Assert.Throws<InvalidOperationException>(() => (record with { Nonce = new byte[31] }).Encode());
        Assert.Throws<InvalidOperationException>(() => (record with { Transition = record.Transition with { AssetFrom = AssetState.Registered } }).Encode());
    }

    internal static string Describe(PledgeRegistry registry)
    {
        var text = new StringBuilder();
        foreach (PledgeAsset asset in registry.Assets.Values.OrderBy(a => a.Id.Value))
        {
            text.AppendLine($"asset {asset.Id} {asset.State} owner {asset.OwnerPartyId} '{asset.Category}' events {asset.EventCount}");
            foreach (AssetDeposit d in asset.Deposits)
            {
                text.AppendLine($"  deposit {d}");
            }

            foreach (Valuation v in asset.Valuations)
            {
                text.AppendLine($"  valuation {v.AppraiserPartyId} {v.KeyFingerprint} {string.Join(",", v.MatchedRoots)} {v.ValueFen} {v.ReportDigest} {v.Date} {Convert.ToHexString(v.Signature)}");
            }

            foreach (Pledge p in asset.Pledges)
            {
                text.AppendLine($"  pledge {p}");
            }

            foreach (AssetDealing d in asset.Dealings)
            {
                text.AppendLine($"  dealing {d.Number} {d.Event} {d.OwnerPartyId} {d.TransfereePartyId} {d.Agreement} {string.Join(",", d.ConsentingPledgees)} {d.AtMs}");
            }
        }

        return text.ToString();
    }

    private static PledgeRecord Record(PledgeTransition transition) => new(RandomNumberGenerator.GetBytes(PledgeRecord.NonceLengthBytes), transition.AtMs, transition);

    // Two assets, every event at least once.
    private void RunEveryKindOfEvent()
    {
        var a = new AssetId(0x2EC_0001);
        var b = new AssetId(0x2EC_0002);
        var p1 = new PledgeId(1);
        var p2 = new PledgeId(2);
        var p3 = new PledgeId(3);
        _h.RegisterSecret(a, firstLeaf: 100);
        _h.RegisterSecret(b, firstLeaf: 200);
        _h.Value(a, 3_500_000_000);
        _h.Value(b, 900_000_000);
        _h.PutInForce(a, p1, _h.Terms(_h.Bank, 1_000_000_000, juniorAllowed: true));
        _h.PutInForce(a, p2, _h.Terms(_h.Bank2, 300_000_000, rank: 2, enforceable: false), PledgeHarness.Doc("notice"));
        _h.Accept(_h.Licence(a, _h.Company, _h.Notary, _h.Bank, _h.Bank2));
        _h.Accept(_h.RequestRelease(a, p2, _h.Company));
        _h.Accept(_h.Release(a, p2, _h.Notary, PledgeHarness.Doc("repaid")));
        _h.Accept(_h.Typical(PledgeEvent.Dispute, a, p1));
        _h.Accept(_h.Typical(PledgeEvent.ResolveDispute, a, p1));
        _h.Accept(_h.DeclareDefault(a, p1, _h.Bank));
        _h.Accept(_h.StartEnforcement(a, p1, _h.Bank, EnforcementRoute.CourtEnforcement, PledgeHarness.Doc("执行证书")));
        _h.Accept(_h.RecordProceeds(a, p1, 800_000_000));
        _h.Accept(_h.Typical(PledgeEvent.ClosePledge, a, p1));
        _h.Accept(_h.Transfer(a, _h.Buyer, _h.Company, _h.Notary, _h.Buyer));
        _h.Accept(_h.Apply(b, p3, _h.Terms(_h.Bank, 100_000_000)));
        _h.Accept(_h.Typical(PledgeEvent.Withdraw, b, p3));
    }

    public void Dispose() => _h.Dispose();
}
