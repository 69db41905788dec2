namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A service whose built-in TSA stamps the latest checkpoint every half second (the default is a minute), so a
/// receipt soon carries a token over its own checkpoint, and a later checkpoint soon has one too.
/// </summary>
public sealed class StampingServiceFixture : ServiceFixture
{
    public StampingServiceFixture()
        : base("00:00:00.100", "--Tsa:Stamping:Interval=00:00:00.500", "--Tsa:Stamping:PollInterval=00:00:00.100")
    {
    }

    /// <summary>The built-in TSA's root certificate, published beside the verifier keys.</summary>
    public string TsaRootPath => DataFile("tsa-root.crt");

    /// <summary>The built-in TSA's own certificate: the operator's TSA, whose tokens are operator time.</summary>
    public string TsaCertificatePath => DataFile("tsa.crt");
}
