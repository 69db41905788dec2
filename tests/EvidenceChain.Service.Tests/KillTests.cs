using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Grpc.Core;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// kill -9 during a stream of deposits: after a restart, every acknowledged deposit is there with
/// the same leaf at the same index, and gets a receipt. (The OS page cache outlives a killed
/// process, so this test cannot see a missing fsync; the storage tests record the fsyncs.)
/// Cycles: EVIDENCECHAIN_KILL_CYCLES (CI 2, soak run in docs/testing.md).
/// </summary>
public class KillTests
{
    private static readonly int s_cycles = int.TryParse(Environment.GetEnvironmentVariable("EVIDENCECHAIN_KILL_CYCLES"), out int cycles) && cycles > 0 ? cycles : 2;

    [Fact]
    public async Task KillDuringDepositStream_EveryAcknowledgedDepositSurvives()
    {
        using var data = new TempDirectory();
        var acknowledged = new Dictionary<ulong, byte[]>();
        var depositor = new Depositor();
        for (int cycle = 0; cycle < s_cycles; cycle++)
        {
            using ServiceProcess service = ServiceProcess.Start(data.Path, "--Sequencer:Interval=00:00:00.050");
            string origin = service.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
            CheckAcknowledged(service, acknowledged);

            using var call = service.Client.DepositStream();
            int acknowledgedThisCycle = 0;
            var reader = Task.Run(async () =>
            {
                try
                {
                    await foreach (DepositResponse response in call.ResponseStream.ReadAllAsync())
                    {
                        lock (acknowledged)
                        {
                            foreach (AcceptedDeposit deposit in response.Deposits)
                            {
                                acknowledged[deposit.LeafIndex] = deposit.Leaf.ToByteArray();
                            }

                            acknowledgedThisCycle++;
                        }
                    }
                }
                catch (RpcException)
                {
                    // The kill ends the stream; what was acknowledged before it is what counts.
                }
            });

            try
            {
                for (ulong id = 0; id < 10_000; id++)
                {
                    var entries = Enumerable.Range(0, 20).Select(_ => Depositor.Commit(Guid.NewGuid().ToByteArray()).Entry).ToList();
                    await call.RequestStream.WriteAsync(depositor.Request(origin, entries, id));
                    bool enough;
                    lock (acknowledged)
                    {
                        enough = acknowledgedThisCycle >= 25 + (10 * cycle);
                    }

                    if (enough)
                    {
                        break;
                    }
                }

                // Mid-stream: requests are in flight and batches are being committed.
                service.Kill();
            }
            catch (RpcException)
            {
                service.Kill();
            }
            catch (IOException)
            {
                service.Kill();
            }

            await reader;
        }

        using ServiceProcess last = ServiceProcess.Start(data.Path, "--Sequencer:Interval=00:00:00.050");
        CheckAcknowledged(last, acknowledged);
        Assert.True(acknowledged.Count >= 20 * 25, $"only {acknowledged.Count} deposits were acknowledged");

        // After restart the sequencer signs them all, so each acknowledged deposit gets a receipt.
        ulong highest = acknowledged.Keys.Max();
        GetReceiptResponse receipt = await WaitForReceiptAsync(last, highest);
        Assert.True(receipt.Included);
    }

    private static void CheckAcknowledged(ServiceProcess service, Dictionary<ulong, byte[]> acknowledged)
    {
        if (acknowledged.Count == 0)
        {
            return;
        }

        var stored = new List<byte[]>();
        ulong highest = acknowledged.Keys.Max();
        while ((ulong)stored.Count <= highest)
        {
            GetLeavesResponse page = service.Client.GetLeaves(new GetLeavesRequest { StartIndex = (ulong)stored.Count, Count = 1000 });
            Assert.NotEmpty(page.Leaves);
            stored.AddRange(page.Leaves.Select(l => l.ToByteArray()));
        }

        foreach ((ulong index, byte[] leaf) in acknowledged)
        {
            Assert.Equal(leaf, stored[(int)index]);
        }
    }

    private static async Task<GetReceiptResponse> WaitForReceiptAsync(ServiceProcess service, ulong leafIndex)
    {
        for (int attempt = 0; attempt < 300; attempt++)
        {
            GetReceiptResponse response = await service.Client.GetReceiptAsync(new GetReceiptRequest { LeafIndex = leafIndex });
            if (response.Included)
            {
                return response;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Leaf {leafIndex} was not included within 15 s.");
    }
}
