using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Engine.Timestamping;

/// <summary>The built-in TSA asked in process, as the development default for checkpoint time; its tokens are operator time.</summary>
public sealed class BuiltInTsaClient(BuiltInTsa tsa) : ITimestampAuthorityClient
{
    public const string BuiltInName = "built-in";

    public string Name => BuiltInName;

    public async Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> requestDer, CancellationToken cancellationToken) =>
        (await tsa.IssueAsync(requestDer, cancellationToken).ConfigureAwait(false)).ResponseDer;
}
