namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The online options as given on the command line (each null when not given): the server's address
/// and, for an <c>https://</c> server, the party certificate, its key and the deployment CA certificate.
/// <see cref="NotaryConnection.Open"/> fills the gaps from the environment and checks them.
/// </summary>
internal sealed record ServerChoice(string? Server, string? CertificatePath, string? KeyPath, string? CaPath)
{
    public static ServerChoice Plain(string? server) => new(server, null, null, null);
}
