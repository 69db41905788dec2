using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Grpc.Net.Client;

/// <summary>
/// Escrow ledger load: 999 party accounts funded from one escrow bank account, then concurrent
/// callers each sending CreateTransfers batches of single-phase transfers between the parties. A
/// batch is answered once its ledger-batch leaf is durable, so the figure is durable transfers/s.
/// </summary>
internal static class LedgerLoad
{
    private const int Parties = 999; // with the bank account, one request of 1,000 accounts
    private const uint Cny = 1;

    public static async Task<int> RunAsync(GrpcChannel channel, int callers, int batchesPerCaller, int transfersPerBatch)
    {
        var escrow = new EscrowService.EscrowServiceClient(channel);
        ulong run = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000; // fresh ids for every run against the same service
        ulong bank = run + 1;
        var accounts = new CreateAccountsRequest();
        accounts.Accounts.Add(new LedgerAccount { Id = Id(bank), Kind = LedgerAccountKind.EscrowBank, Ledger = Cny, Code = 1 });
        accounts.Accounts.AddRange(Enumerable.Range(0, Parties).Select(i => new LedgerAccount { Id = Id(Party(run, i)), Kind = LedgerAccountKind.Liability, Ledger = Cny, Code = 2 }));
        await escrow.CreateAccountsAsync(accounts);
        var funding = new CreateTransfersRequest();
        funding.Transfers.AddRange(Enumerable.Range(0, Parties).Select(i => Transfer(run + 10_000 + (ulong)i, bank, Party(run, i), 1_000_000_000_00)));
        await escrow.CreateTransfersAsync(funding);

        // Batches are built before the clock starts: the run measures the service.
        ulong nextId = run + 1_000_000;
        var prepared = Enumerable.Range(0, callers).Select(_ => Enumerable.Range(0, batchesPerCaller).Select(_ =>
        {
            var request = new CreateTransfersRequest();
            for (int t = 0; t < transfersPerBatch; t++)
            {
                ulong id = nextId++;
                int from = (int)(id % Parties);
                request.Transfers.Add(Transfer(id, Party(run, from), Party(run, (from + 1 + (t % (Parties - 1))) % Parties), 1 + (long)(id % 997)));
            }

            return request;
        }).ToList()).ToList();
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(prepared.Select(async batches =>
        {
            foreach (CreateTransfersRequest batch in batches)
            {
                long started = Stopwatch.GetTimestamp();
                CreateTransfersResponse response = await escrow.CreateTransfersAsync(batch);
                if (response.Results.Any(r => r != 0))
                {
                    throw new InvalidOperationException("a transfer was refused: " + response.ResultNames.First(n => n != "Ok"));
                }

                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }));
        clock.Stop();

        long transfers = (long)callers * batchesPerCaller * transfersPerBatch;
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{transfers} durable ledger transfers in {clock.Elapsed.TotalSeconds:F2} s = {transfers / clock.Elapsed.TotalSeconds:F0} transfers/s " +
            $"({callers} callers x {batchesPerCaller} batches x {transfersPerBatch} transfers); " +
            $"ack latency per batch p50 {latencies[latencies.Count / 2]:F1} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:F1} ms"));
        return 0;
    }

    private static ulong Party(ulong run, int index) => run + 100 + (ulong)index;

    private static ByteString Id(ulong value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return ByteString.CopyFrom(bytes);
    }

    private static LedgerTransfer Transfer(ulong id, ulong debit, ulong credit, long amountFen) =>
        new() { Id = Id(id), DebitAccountId = Id(debit), CreditAccountId = Id(credit), AmountFen = amountFen, Ledger = Cny, Code = 1 };
}
