using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using CoreDeposits = EvidenceChain.Core.Deposits;

namespace EvidenceChain.Service.Tests;

/// <summary>Deposits and receipts through the real service over HTTP/2 on 127.0.0.1.</summary>
public class DepositServiceTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private static readonly byte[] s_content = "the recipe, version 7\n"u8.ToArray();

    [Fact]
    public async Task Deposit_SignedRequest_PromiseVerifiesAndReceiptVerifiesOffline()
    {
        var depositor = new Depositor();
        (CoreDeposits.DepositEntry entry, SaltFile salt) = Depositor.Commit(s_content);

        DepositResponse response = await fixture.Client.DepositAsync(depositor.Request(fixture.Info.Origin, [entry]));

        AcceptedDeposit accepted = Assert.Single(response.Deposits);
        Assert.False(accepted.AlreadyDeposited);
        string promiseNote = response.PromiseNotes[(int)response.PromiseOfDeposit[0]];
        Assert.True(SignedNote.TryOpen(promiseNote, fixture.TrustedKeys, out OpenedNote? opened).IsValid);
        Assert.True(Promise.TryParse(opened!.Text, out Promise? promise).IsValid);
        using MerkleHasher hasher = MerkleHasher.Create(TreeHash.Sha256);
        Verdict inBatch = InclusionProof.Verify(hasher, accepted.BatchIndex, promise!.BatchLeafCount, hasher.HashLeaf(accepted.Leaf.Span),
            accepted.BatchProof.Select(b => Digest.Read(b.Span)).ToArray(), promise.BatchRoot);
        Assert.True(inBatch.IsValid, inBatch.ToString());

        GetReceiptResponse receipt = await fixture.WaitForReceiptAsync(accepted.LeafIndex);
        Assert.True(Receipt.TryParse(receipt.ReceiptJson, out Receipt? parsed).IsValid);
        string withOpening = (parsed! with { Depositor = depositor.Opening(salt) }).ToJson();
        ReceiptReport report = ReceiptVerifier.Verify(withOpening, fixture.TrustedKeys, new DepositEvidence(salt.UnitsRoot, 1));
        Assert.True(report.IsValid, report.Verdict.ToString());
        Assert.Equal(Enum.GetValues<ReceiptCheck>().Where(c => c is not (ReceiptCheck.Anchors or ReceiptCheck.Timestamps)), report.Passed);
        Assert.Equal(accepted.DepositId, hasher.HashLeaf(accepted.Leaf.Span).ToHex());
    }

    [Fact]
    public async Task Deposit_SameEntryResent_ReturnsOriginalDepositAndPromise()
    {
        var depositor = new Depositor();
        (CoreDeposits.DepositEntry entry, _) = Depositor.Commit("resent\n"u8.ToArray());
        DepositResponse first = await fixture.Client.DepositAsync(depositor.Request(fixture.Info.Origin, [entry]));

        DepositResponse again = await fixture.Client.DepositAsync(depositor.Request(fixture.Info.Origin, [entry], requestId: 2));

        Assert.True(again.Deposits[0].AlreadyDeposited);
        Assert.Equal(first.Deposits[0].LeafIndex, again.Deposits[0].LeafIndex);
        Assert.Equal(first.Deposits[0].Leaf, again.Deposits[0].Leaf);
        Assert.Equal(first.PromiseNotes[0], again.PromiseNotes[0]);
        Assert.Equal(2UL, again.RequestId);
    }

    [Fact]
    public async Task Deposit_SameEntryFromAnotherKey_IsANewDeposit()
    {
        (CoreDeposits.DepositEntry entry, _) = Depositor.Commit("shared\n"u8.ToArray());
        DepositResponse first = await fixture.Client.DepositAsync(new Depositor().Request(fixture.Info.Origin, [entry]));

        DepositResponse second = await fixture.Client.DepositAsync(new Depositor().Request(fixture.Info.Origin, [entry]));

        Assert.False(second.Deposits[0].AlreadyDeposited);
        Assert.NotEqual(first.Deposits[0].LeafIndex, second.Deposits[0].LeafIndex);
    }

    [Fact]
    public async Task DepositStream_ManyRequests_AllAcknowledgedWithTheirIds()
    {
        var depositor = new Depositor();
        using AsyncDuplexStreamingCall<DepositRequest, DepositResponse> call = fixture.Client.DepositStream();
        var sent = new HashSet<ulong>();
        for (ulong id = 1; id <= 20; id++)
        {
            var entries = Enumerable.Range(0, 50).Select(i => Depositor.Commit(BitConverter.GetBytes(((int)id * 1000) + i)).Entry).ToList();
            await call.RequestStream.WriteAsync(depositor.Request(fixture.Info.Origin, entries, id));
            sent.Add(id);
        }

        await call.RequestStream.CompleteAsync();
        var answered = new HashSet<ulong>();
        await foreach (DepositResponse response in call.ResponseStream.ReadAllAsync())
        {
            Assert.Equal(50, response.Deposits.Count);
            answered.Add(response.RequestId);
        }

        Assert.Equal(sent, answered);
    }

    [Fact]
    public async Task Checkpoints_Grow_ConsistencyProofVerifies()
    {
        GetCheckpointResponse before = await fixture.Client.GetCheckpointAsync(new GetCheckpointRequest());
        DepositResponse deposited = await fixture.Client.DepositAsync(new Depositor().Request(fixture.Info.Origin, [Depositor.Commit("grow\n"u8.ToArray()).Entry]));
        GetReceiptResponse receipt = await fixture.WaitForReceiptAsync(deposited.Deposits[0].LeafIndex);
        GetCheckpointResponse after = await fixture.Client.GetCheckpointAsync(new GetCheckpointRequest());
        Assert.True(after.TreeSize > before.TreeSize);
        Assert.True(after.TreeSize >= receipt.TreeSize);
        if (before.TreeSize == 0)
        {
            return;
        }

        GetConsistencyProofResponse proof = await fixture.Client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = before.TreeSize, SecondTreeSize = after.TreeSize });

        Checkpoint first = OpenCheckpoint(before.Checkpoint);
        Checkpoint second = OpenCheckpoint(after.Checkpoint);
        using MerkleHasher hasher = MerkleHasher.Create(TreeHash.Sha256);
        Verdict verdict = ConsistencyProof.Verify(hasher, first.TreeSize, second.TreeSize, proof.Proof.Select(b => Digest.Read(b.Span)).ToArray(), first.Root, second.Root);
        Assert.True(verdict.IsValid, verdict.ToString());
    }

    [Fact]
    public async Task GetReceipt_AtAnEarlierCheckpoint_ProvenAgainstThatCheckpoint()
    {
        DepositResponse first = await fixture.Client.DepositAsync(new Depositor().Request(fixture.Info.Origin, [Depositor.Commit("early\n"u8.ToArray()).Entry]));
        GetReceiptResponse early = await fixture.WaitForReceiptAsync(first.Deposits[0].LeafIndex);
        DepositResponse second = await fixture.Client.DepositAsync(new Depositor().Request(fixture.Info.Origin, [Depositor.Commit("later\n"u8.ToArray()).Entry]));
        await fixture.WaitForReceiptAsync(second.Deposits[0].LeafIndex);

        GetReceiptResponse atEarly = await fixture.Client.GetReceiptAsync(new GetReceiptRequest { LeafIndex = first.Deposits[0].LeafIndex, TreeSize = early.TreeSize });
        RpcException unsigned = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetReceiptAsync(new GetReceiptRequest { LeafIndex = first.Deposits[0].LeafIndex, TreeSize = early.TreeSize + 1_000_000 }).ResponseAsync);

        Assert.Equal(early.TreeSize, atEarly.TreeSize);
        Assert.True(ReceiptVerifier.Verify(atEarly.ReceiptJson, fixture.TrustedKeys, null).IsValid);
        Assert.Equal(StatusCode.OutOfRange, unsigned.StatusCode);
    }

    [Fact]
    public async Task Health_Serving_AndReflectionOn()
    {
        var health = new Health.HealthClient(fixture.Service.Channel);

        HealthCheckResponse response = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task GetLeaves_ReturnsTheAcknowledgedLeafBytes()
    {
        DepositResponse deposited = await fixture.Client.DepositAsync(new Depositor().Request(fixture.Info.Origin, [Depositor.Commit("leaves\n"u8.ToArray()).Entry]));

        GetLeavesResponse leaves = await fixture.Client.GetLeavesAsync(new GetLeavesRequest { StartIndex = deposited.Deposits[0].LeafIndex, Count = 1 });

        Assert.Equal(deposited.Deposits[0].Leaf, Assert.Single(leaves.Leaves));
    }

    [Fact]
    public async Task Verify_ReceiptFromService_ValidAndTamperedInvalid()
    {
        DepositResponse deposited = await fixture.Client.DepositAsync(new Depositor().Request(fixture.Info.Origin, [Depositor.Commit("verify\n"u8.ToArray()).Entry]));
        GetReceiptResponse receipt = await fixture.WaitForReceiptAsync(deposited.Deposits[0].LeafIndex);

        VerifyResponse valid = await fixture.Client.VerifyAsync(new VerifyRequest { ReceiptJson = receipt.ReceiptJson });
        VerifyResponse tampered = await fixture.Client.VerifyAsync(new VerifyRequest { ReceiptJson = receipt.ReceiptJson.Replace("index ", "index 1", StringComparison.Ordinal) });

        Assert.True(valid.Valid, valid.Detail);
        Assert.False(tampered.Valid);
        Assert.NotEmpty(tampered.Failure);
    }

    private Checkpoint OpenCheckpoint(string note)
    {
        Assert.True(SignedNote.TryOpen(note, fixture.TrustedKeys, out OpenedNote? opened).IsValid);
        Assert.True(Checkpoint.TryParse(opened!.Text, out Checkpoint? checkpoint).IsValid);
        Assert.Equal(2, opened.SignedBy.Count);
        return checkpoint!;
    }
}
