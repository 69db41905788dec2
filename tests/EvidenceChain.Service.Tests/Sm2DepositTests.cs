using System.Security.Cryptography;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Signing;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using CoreDeposits = EvidenceChain.Core.Deposits;
using CoreKey = EvidenceChain.Core.Access.PartyKey;
using CoreKeyAlgorithm = EvidenceChain.Core.Access.PartyKeyAlgorithm;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// A deposit signed with an SM2 key (GB/T 32918.2, under the key's user ID) on the real service:
/// accepted, its leaf commits to the SM2 key's fingerprint, and the key is the depositor's party's.
/// </summary>
public sealed class Sm2DepositTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Sm2SignedDeposit_Accepted_LeafCommitsToTheSm2KeyAndTheReceiptIsTheOwners()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", "--Security:DevelopmentRole=Enterprise");
        string origin = (await service.Client.GetLogInfoAsync(new GetLogInfoRequest())).Origin;
        using var key = new Sm2MemoryKey(RandomNumberGenerator.GetBytes(31).Prepend((byte)1).ToArray(), "Jinan Example Co."u8, RandomNumberGenerator.Fill);
        (CoreDeposits.DepositEntry entry, SaltFile salt) = Depositor.Commit("signed with SM2"u8.ToArray());

        DepositResponse deposited = await service.Client.DepositAsync(Sm2Request(origin, entry, key, "Jinan Example Co."u8.ToArray()));
        RpcException wrongUserId = await Assert.ThrowsAsync<RpcException>(async () => await service.Client.DepositAsync(Sm2Request(origin, entry, key, [])));

        var signer = new CoreKey(CoreKeyAlgorithm.Sm2, key.PublicKey.ToArray(), "Jinan Example Co."u8.ToArray(), 0, null);
        Assert.True(LeafEnvelope.TryDecodeDeposit(deposited.Deposits[0].Leaf.ToByteArray(), out DepositLeaf? leaf).IsValid);
        Assert.Equal(new DepositorOpening(signer.Fingerprint, salt.MasterSalt.DerivePartySalt()).Commitments(), leaf!.Depositor);
        Assert.Equal(StatusCode.InvalidArgument, wrongUserId.StatusCode);
        Assert.Contains("signature", wrongUserId.Status.Detail, StringComparison.Ordinal);

        // Development mode bound the SM2 key to the caller's party on its first deposit: the receipt is its own.
        Party me = await new PartyService.PartyServiceClient(service.Channel).WhoAmIAsync(new WhoAmIRequest());
        Assert.Contains(me.Keys, k => k.Algorithm == KeyAlgorithm.Sm2 && k.Fingerprint == signer.Fingerprint.ToHex());
        Assert.NotNull(await service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = deposited.Deposits[0].DepositId }));
        service.ThrowIfErrorsLogged();
    }

    public void Dispose() => _data.Dispose();

    private static DepositRequest Sm2Request(string origin, CoreDeposits.DepositEntry entry, Sm2MemoryKey key, byte[] userId)
    {
        var stamp = new CoreDeposits.RequestStamp(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), RandomNumberGenerator.GetBytes(CoreDeposits.RequestStamp.NonceLengthBytes));
        var request = new CoreDeposits.DepositRequest(Core.Checkpoints.LogOrigin.TryParse(origin, out var parsed) ? parsed! : throw new ArgumentException(origin), [entry], stamp);
        var wire = new DepositRequest
        {
            DepositorPublicKey = ByteString.CopyFrom(key.PublicKey),
            DepositorSm2UserId = ByteString.CopyFrom(userId),
            Signature = ByteString.CopyFrom(key.Sign(request.SignedBytes())),
            IssuedAtMs = stamp.IssuedAtMs,
            Nonce = ByteString.CopyFrom(stamp.Nonce),
        };
        wire.Entries.Add(Depositor.ToWire(entry));
        return wire;
    }
}
