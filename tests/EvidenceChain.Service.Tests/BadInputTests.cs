using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace EvidenceChain.Service.Tests;

/// <summary>Bad input gets the right status and a sentence a person understands, and changes nothing.</summary>
public class BadInputTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    public static TheoryData<string, string> MalformedRequests() => new()
    {
        { "short-digest", "entries[0].units_root_sha256" },
        { "short-salt", "entries[0].party_salt" },
        { "unknown-kind", "entries[0].kind" },
        { "too-many", "entries" },
        { "no-entries", "entries" },
        { "zero-units", "entries" },
        { "bad-signature", "signature" },
        { "short-signature", "signature" },
        { "short-key", "depositor_public_key" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task Deposit_Malformed_InvalidArgumentNamingTheFieldAndNothingStored(string fault, string field)
    {
        var depositor = new Depositor();
        DepositRequest request = depositor.Request(fixture.Info.Origin, [Depositor.Commit("x"u8.ToArray()).Entry]);
        switch (fault)
        {
            case "short-digest":
                request.Entries[0].UnitsRootSha256 = ByteString.CopyFrom(new byte[31]);
                break;
            case "short-salt":
                request.Entries[0].PartySalt = ByteString.Empty;
                break;
            case "unknown-kind":
                request.Entries[0].Kind = (ContentKind)9;
                break;
            case "too-many":
                request.Entries.AddRange(Enumerable.Repeat(request.Entries[0], 1000));
                break;
            case "no-entries":
                request = depositor.Request(fixture.Info.Origin, [Depositor.Commit("y"u8.ToArray()).Entry]);
                request.Entries.Clear();
                break;
            case "zero-units":
                request.Entries[0].UnitCount = 0;
                break;
            case "bad-signature":
                request = depositor.Request(fixture.Info.Origin, [Depositor.Commit("z"u8.ToArray()).Entry]);
                request.Entries[0].UnitCount = 2;
                break;
            case "short-signature":
                request.Signature = ByteString.CopyFrom(new byte[10]);
                break;
            case "short-key":
                request.DepositorPublicKey = ByteString.CopyFrom(new byte[5]);
                break;
        }

        ulong leavesBefore = await LeafCountAsync();
        RpcException error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.DepositAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
        BadRequest detail = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>() is { } bad ? [bad] : Array.Empty<BadRequest>());
        Assert.StartsWith(field.Split('[')[0], detail.FieldViolations[0].Field, StringComparison.Ordinal);
        Assert.Equal(leavesBefore, await LeafCountAsync());
    }

    [Fact]
    public async Task GetReceipt_IndexBeyondTheLog_NotFound()
    {
        RpcException error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetReceiptAsync(new GetReceiptRequest { LeafIndex = 1_000_000 }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("1000000", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    public async Task GetReceipt_MalformedDepositId_InvalidArgument(string depositId)
    {
        RpcException error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task GetConsistencyProof_BeyondTheLatestCheckpoint_OutOfRange()
    {
        RpcException error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetConsistencyProofAsync(new GetConsistencyProofRequest { FirstTreeSize = 1, SecondTreeSize = 1_000_000_000 }).ResponseAsync);

        Assert.Equal(StatusCode.OutOfRange, error.StatusCode);
    }

    [Fact]
    public async Task GetLeaves_TooMany_InvalidArgument()
    {
        RpcException error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetLeavesAsync(new GetLeavesRequest { StartIndex = 0, Count = 1001 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Metadata_OverTheLimit_RefusedAndTheServiceStillAnswers()
    {
        var oversized = new Metadata { { "padding", new string('x', 12 * 1024) } };

        RpcException error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetCheckpointAsync(new GetCheckpointRequest(), oversized).ResponseAsync);
        GetCheckpointResponse after = await fixture.Client.GetCheckpointAsync(new GetCheckpointRequest());

        Assert.NotEqual(StatusCode.OK, error.StatusCode);
        Assert.NotEmpty(after.Checkpoint);
    }

    private async Task<ulong> LeafCountAsync()
    {
        // Leaves are counted from what GetLeaves can read: the first index it refuses is the count.
        ulong low = 0;
        ulong high = 1 << 20;
        while (low < high)
        {
            ulong middle = (low + high) / 2;
            bool exists = true;
            try
            {
                await fixture.Client.GetLeavesAsync(new GetLeavesRequest { StartIndex = middle, Count = 1 });
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.OutOfRange)
            {
                exists = false;
            }

            (low, high) = exists ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}
