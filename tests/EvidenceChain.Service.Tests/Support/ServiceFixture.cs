using EvidenceChain.Core.Notes;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Service.Tests.Support;

/// <summary>One running service (real process, own data directory) shared by a test class.</summary>
public sealed class ServiceFixture : IDisposable
{
    private readonly TempDirectory _data = new();

    public ServiceFixture()
    {
        Service = ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100");
        Info = Service.Client.GetLogInfo(new GetLogInfoRequest());
        TrustedKeys = File.ReadAllLines(System.IO.Path.Combine(_data.Path, "notary.vkeys")).Select(NoteVerifierKey.Parse).ToList();
    }

    internal ServiceProcess Service { get; }

    public string DataDirectory => _data.Path;

    public GetLogInfoResponse Info { get; }

    /// <summary>The verifier keys the service published in its data directory: what a court would be given.</summary>
    public IReadOnlyList<NoteVerifier> TrustedKeys { get; }

    public EvidenceService.EvidenceServiceClient Client => Service.Client;

    /// <summary>Polls (bounded) until the deposit is in a signed checkpoint, then returns its receipt.</summary>
    public async Task<GetReceiptResponse> WaitForReceiptAsync(ulong leafIndex)
    {
        for (int attempt = 0; attempt < 300; attempt++)
        {
            GetReceiptResponse response = await Client.GetReceiptAsync(new GetReceiptRequest { LeafIndex = leafIndex });
            if (response.Included)
            {
                return response;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Leaf {leafIndex} was not included in a checkpoint within 15 s.\n{Service.Output}");
    }

    public void Dispose()
    {
        Service.Dispose();
        _data.Dispose();

        // A test class whose service logged an error or a critical event fails, even if every
        // assertion held: errors nobody expected are bugs (STYLE.md practice 10).
        string[] errors = Service.Output.Split('\n').Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("The service logged unexpected errors:\n" + Service.Output);
        }
    }
}
