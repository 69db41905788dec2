using System.Buffers.Binary;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// The escrow ledger on the real service: batches over gRPC, durable before they are answered,
/// rebuilt from the log at every start — after a clean stop and after kill -9 in the middle of
/// batches, when nothing acknowledged may be lost and nothing applied twice.
/// Kill cycles: EVIDENCECHAIN_KILL_CYCLES (CI 2, soak run in docs/testing.md).
/// </summary>
public sealed class EscrowServiceTests : IDisposable
{
    private const uint Cny = 1;
    private const long Yuan = 100;
    private static readonly int s_cycles = int.TryParse(Environment.GetEnvironmentVariable("EVIDENCECHAIN_KILL_CYCLES"), out int cycles) && cycles > 0 ? cycles : 2;

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Batches_AnsweredOnceStored_TheLedgerComesBackAfterARestart()
    {
        CreateTransfersResponse posted;
        using (ServiceProcess service = Start())
        {
            var escrow = new EscrowService.EscrowServiceClient(service.Channel);
            CreateAccountsResponse accounts = await escrow.CreateAccountsAsync(Accounts(1, 2, 3));
            CreateTransfersResponse deposit = await escrow.CreateTransfersAsync(Transfers(Transfer(10, 1, 2, 1_000_000 * Yuan)));
            CreateTransfersResponse reserve = await escrow.CreateTransfersAsync(Transfers(Transfer(11, 2, 3, 600_000 * Yuan, pending: true)));
            posted = await escrow.CreateTransfersAsync(Transfers(
                Transfer(12, 2, 3, 600_000 * Yuan, post: 11),
                Transfer(13, 2, 3, 500_000 * Yuan)));

            Assert.Equal(["Ok", "Ok", "Ok"], accounts.ResultNames);
            Assert.Equal(["Ok"], deposit.ResultNames);
            Assert.Equal(["Ok"], reserve.ResultNames);
            Assert.Equal(["Ok", "ExceedsCredits"], posted.ResultNames);
            Assert.Equal([0u, 39u], posted.Results);
            Assert.Equal(4UL, posted.BatchNumber);
            Assert.Equal(0, service.Terminate());
        }

        using ServiceProcess restarted = Start();
        var client = new EscrowService.EscrowServiceClient(restarted.Channel);
        LookupAccountsResponse balances = await client.LookupAccountsAsync(Lookup(1, 2, 3));
        CreateTransfersResponse retried = await client.CreateTransfersAsync(Transfers(
            Transfer(12, 2, 3, 600_000 * Yuan, post: 11),
            Transfer(13, 2, 3, 500_000 * Yuan)));

        Assert.Equal((1_000_000 * Yuan, 0L), (balances.Accounts[0].DebitsPosted, balances.Accounts[0].CreditsPosted));
        Assert.Equal((600_000 * Yuan, 1_000_000 * Yuan, 0L), (balances.Accounts[1].DebitsPosted, balances.Accounts[1].CreditsPosted, balances.Accounts[1].DebitsPending));
        Assert.Equal(600_000 * Yuan, balances.Accounts[2].CreditsPosted);
        Assert.Equal(["Exists", "ExceedsCredits"], retried.ResultNames);
        Assert.Equal(posted.BatchNumber + 1, retried.BatchNumber);
        restarted.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task BadInput_InvalidArgumentNamingTheField_NothingStored()
    {
        using ServiceProcess service = Start();
        var escrow = new EscrowService.EscrowServiceClient(service.Channel);
        CreateTransfersRequest shortId = Transfers(Transfer(10, 1, 2, 5));
        shortId.Transfers[0].DebitAccountId = ByteString.CopyFrom(new byte[15]);

        RpcException badId = await Assert.ThrowsAsync<RpcException>(async () => await escrow.CreateTransfersAsync(shortId));
        RpcException empty = await Assert.ThrowsAsync<RpcException>(async () => await escrow.CreateAccountsAsync(new CreateAccountsRequest()));
        CreateAccountsResponse first = await escrow.CreateAccountsAsync(Accounts(1));

        Assert.Equal(StatusCode.InvalidArgument, badId.StatusCode);
        Assert.Contains("transfers[0].debit_account_id", badId.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal(1UL, first.BatchNumber);
    }

    [Fact]
    public async Task RawPayout_RefusedByDefault_PayoutsAreMadeByCases()
    {
        using ServiceProcess service = Start();
        var escrow = new EscrowService.EscrowServiceClient(service.Channel);
        await escrow.CreateAccountsAsync(Accounts(1, 2));
        await escrow.CreateTransfersAsync(Transfers(Transfer(10, 1, 2, 1_000 * Yuan)));
        ulong batches = (await escrow.CreateTransfersAsync(Transfers(Transfer(11, 2, 2, 1)))).BatchNumber;

        RpcException pending = await Assert.ThrowsAsync<RpcException>(async () => await escrow.CreateTransfersAsync(Transfers(Transfer(12, 2, 1, 1_000, pending: true))));
        RpcException single = await Assert.ThrowsAsync<RpcException>(async () => await escrow.CreateTransfersAsync(Transfers(Transfer(13, 2, 2, 1), Transfer(14, 2, 1, 1_000))));

        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (pending.StatusCode, single.StatusCode));
        Assert.Contains("payouts are made by cases", pending.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("transfers[1]", single.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(batches + 1, (await escrow.CreateTransfersAsync(Transfers(Transfer(15, 2, 2, 1)))).BatchNumber); // nothing was applied in between
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task KillDuringBatches_NothingAcknowledgedLost_NothingAppliedTwice()
    {
        var sent = new Dictionary<ulong, long>();
        var acknowledged = new HashSet<ulong>();
        var random = new Random(20261129);
        ulong nextId = 100;
        for (int cycle = 0; cycle < s_cycles; cycle++)
        {
            using ServiceProcess service = Start();
            var escrow = new EscrowService.EscrowServiceClient(service.Channel);
            if (cycle == 0)
            {
                await escrow.CreateAccountsAsync(Accounts(1, 2));
            }

            await CheckAsync(escrow, sent, acknowledged);

            // Batches from several callers at once, killed while some are being stored.
            int target = 10 + random.Next(20);
            var inFlight = new List<Task>();
            for (int caller = 0; caller < 4; caller++)
            {
                var batches = Enumerable.Range(0, 100).Select(_ =>
                    Enumerable.Range(0, 1 + random.Next(5)).Select(_ => (Id: nextId++, Amount: 1 + (long)random.Next(1_000_000))).ToList()).ToList();
                foreach ((ulong id, long amount) in batches.SelectMany(b => b))
                {
                    sent[id] = amount;
                }

                inFlight.Add(Task.Run(async () =>
                {
                    foreach (var batch in batches)
                    {
                        try
                        {
                            CreateTransfersResponse response = await escrow.CreateTransfersAsync(Transfers([.. batch.Select(t => Transfer(t.Id, 1, 2, t.Amount))]));
                            Assert.All(response.ResultNames, r => Assert.Equal("Ok", r));
                            lock (acknowledged)
                            {
                                acknowledged.UnionWith(batch.Select(t => t.Id));
                            }
                        }
                        catch (RpcException)
                        {
                            return; // the kill
                        }
                    }
                }));
            }

            while (true)
            {
                lock (acknowledged)
                {
                    if (acknowledged.Count >= target * (cycle + 1))
                    {
                        break;
                    }
                }

                await Task.Delay(5);
            }

            service.Kill();
            await Task.WhenAll(inFlight);
        }

        using ServiceProcess last = Start();
        var client = new EscrowService.EscrowServiceClient(last.Channel);
        await CheckAsync(client, sent, acknowledged);

        // Sending every transfer again with its id applies each exactly once in all: the balance is
        // then the sum of all, whether or not their first answer was lost to a kill.
        foreach (var chunk in sent.Chunk(500))
        {
            CreateTransfersResponse response = await client.CreateTransfersAsync(Transfers([.. chunk.Select(t => Transfer(t.Key, 1, 2, t.Value))]));
            Assert.All(response.ResultNames, r => Assert.Contains(r, (string[])["Ok", "Exists"]));
        }

        LookupAccountsResponse final = await client.LookupAccountsAsync(Lookup(2));
        Assert.Equal(sent.Values.Sum(), final.Accounts[0].CreditsPosted);
        last.ThrowIfErrorsLogged();
    }

    public void Dispose() => _data.Dispose();

    /// <summary>The payee's balance holds every acknowledged transfer, and nothing that was never sent.</summary>
    private static async Task CheckAsync(EscrowService.EscrowServiceClient escrow, Dictionary<ulong, long> sent, HashSet<ulong> acknowledged)
    {
        LookupAccountsResponse balances = await escrow.LookupAccountsAsync(Lookup(2));
        long credited = balances.Accounts[0].CreditsPosted;
        long acknowledgedSum;
        lock (acknowledged)
        {
            acknowledgedSum = acknowledged.Sum(id => sent[id]);
        }

        Assert.InRange(credited, acknowledgedSum, sent.Values.Sum());
    }

    private ServiceProcess Start() => ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100");

    private static ByteString Id(ulong value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return ByteString.CopyFrom(bytes);
    }

    /// <summary>Account 1 is the escrow bank account; the others are liabilities to parties.</summary>
    private static CreateAccountsRequest Accounts(params ulong[] ids)
    {
        var request = new CreateAccountsRequest();
        request.Accounts.AddRange(ids.Select(id => new LedgerAccount
        {
            Id = Id(id),
            Kind = id == 1 ? LedgerAccountKind.EscrowBank : LedgerAccountKind.Liability,
            Ledger = Cny,
            Code = (uint)id,
        }));
        return request;
    }

    /// <summary>A transfer; account 1 (the bank account) as debit means money arriving in escrow.</summary>
    private static LedgerTransfer Transfer(ulong id, ulong debit, ulong credit, long amountFen, bool pending = false, ulong post = 0) => new()
    {
        Id = Id(id),
        DebitAccountId = Id(debit),
        CreditAccountId = Id(credit),
        AmountFen = amountFen,
        Ledger = Cny,
        Code = 1,
        Flags = pending ? 2u : post != 0 ? 4u : 0u,
        PendingId = post == 0 ? ByteString.Empty : Id(post),
    };

    private static CreateTransfersRequest Transfers(params LedgerTransfer[] transfers)
    {
        var request = new CreateTransfersRequest();
        request.Transfers.AddRange(transfers);
        return request;
    }

    private static LookupAccountsRequest Lookup(params ulong[] ids)
    {
        var request = new LookupAccountsRequest();
        request.Ids.AddRange(ids.Select(Id));
        return request;
    }
}
