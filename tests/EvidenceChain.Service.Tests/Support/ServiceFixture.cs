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
        Service.ThrowIfErrorsLogged();
    }
}
