using System.Security.Cryptography;
using EvidenceChain.Certificates;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The work of the <c>party</c> commands: each checks its input here, makes one call to the
/// service's PartyService and prints the party as the service answers it. Whether the caller may do
/// it is the service's decision (docs/roles.md); a refusal is printed with the service's reason.
/// </summary>
internal static class PartyWorkflow
{
    /// <summary>A depositor key's fingerprint, SHA-256 in lowercase hex, and a certificate's.</summary>
    private const int FingerprintLengthChars = 64;

    public static async Task<ExitCode> WhoAmIAsync(CliContext context, PartyText text, ServerChoice server, CancellationToken cancellationToken)
    {
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        text.Write(context.Output, await connection.WhoAmIAsync(cancellationToken).ConfigureAwait(false));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> RegisterAsync(
        CliContext context, PartyText text, ServerChoice server, PartyRole role, string displayName, bool canApprove, CancellationToken cancellationToken)
    {
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        Party party = await connection.RegisterPartyAsync(
            new RegisterPartyRequest { Role = role, DisplayName = displayName, CanApprove = canApprove },
            cancellationToken).ConfigureAwait(false);
        text.Write(context.Output, party);
        context.Output.WriteLine(text.RegisteredNext(party.Id, party.DisplayName));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> BindKeyAsync(
        CliContext context, PartyText text, ServerChoice server, string partyId, string? keyFile, string? publicKeyHex, CancellationToken cancellationToken)
    {
        CheckPartyId(partyId);
        byte[] publicKey = ReadPublicKey(context, keyFile, publicKeyHex);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        Party party = await connection.BindKeyAsync(
            new BindKeyRequest { PartyId = partyId, PublicKey = ByteString.CopyFrom(publicKey) },
            cancellationToken).ConfigureAwait(false);
        text.Write(context.Output, party);
        context.Output.WriteLine(text.KeyBound(Core.Commitments.PartyCommitment.FingerprintEd25519(publicKey).ToHex()));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> RevokeKeyAsync(
        CliContext context, PartyText text, ServerChoice server, string partyId, string fingerprint, CancellationToken cancellationToken)
    {
        CheckPartyId(partyId);
        string normalized = CheckFingerprint(fingerprint);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        Party party = await connection.RevokeKeyAsync(new RevokeKeyRequest { PartyId = partyId, KeyFingerprint = normalized }, cancellationToken).ConfigureAwait(false);
        text.Write(context.Output, party);
        context.Output.WriteLine(text.KeyRevoked(normalized));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> RevokeCertificateAsync(
        CliContext context, PartyText text, ServerChoice server, string partyId, string fingerprint, CancellationToken cancellationToken)
    {
        CheckPartyId(partyId);
        string normalized = CheckFingerprint(fingerprint);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        Party party = await connection.RevokeCertificateAsync(
            new RevokeCertificateRequest { PartyId = partyId, CertificateFingerprint = normalized },
            cancellationToken).ConfigureAwait(false);
        text.Write(context.Output, party);
        context.Output.WriteLine(text.CertificateRevoked(normalized));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> DeactivateAsync(CliContext context, PartyText text, ServerChoice server, string partyId, CancellationToken cancellationToken)
    {
        CheckPartyId(partyId);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        Party party = await connection.DeactivatePartyAsync(new DeactivatePartyRequest { PartyId = partyId }, cancellationToken).ConfigureAwait(false);
        text.Write(context.Output, party);
        context.Output.WriteLine(text.PartyDeactivated);
        return ExitCode.Success;
    }

    public static async Task<ExitCode> ListAsync(CliContext context, PartyText text, ServerChoice server, CancellationToken cancellationToken)
    {
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ListPartiesResponse response = await connection.ListPartiesAsync(cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(text.ListHeading(response.Parties.Count));
        foreach (Party party in response.Parties)
        {
            context.Output.WriteLine(text.ListLine(party.Id, text.RoleName(party.Role), party.DisplayName, text.StatusOf(party), party.Keys.Count(k => k.RevokedAtMs == 0)));
        }

        return ExitCode.Success;
    }

    /// <summary>
    /// <c>party my-key</c>: the local depositor key's public half and fingerprint, for the office to
    /// bind. The key is made here if there is none yet, as <c>deposit</c> would: a depositor of a
    /// mutual TLS deployment needs it bound before the first deposit.
    /// </summary>
    public static ExitCode MyKey(CliContext context, OnlineText online, PartyText text, string? keyPath)
    {
        using DepositorKey key = DepositorKey.LoadOrCreate(DepositorKey.ResolvePath(keyPath, context), RandomNumberGenerator.Fill, out bool created);
        if (created)
        {
            context.Output.WriteLine(online.DepositorKeyCreated(key.FilePath));
        }

        string publicKey = Convert.ToHexStringLower(key.PublicKey);
        context.Output.WriteLine(text.MyKeyFile(key.FilePath));
        context.Output.WriteLine(text.MyPublicKey + publicKey);
        context.Output.WriteLine(text.MyFingerprint + key.Fingerprint.ToHex());
        context.Output.WriteLine(text.MyKeyHandOver(publicKey));
        return ExitCode.Success;
    }

    private static void CheckPartyId(string partyId)
    {
        if (!PartyId.TryParse(partyId, out _))
        {
            throw new OnlineInputException(OnlineProblem.PartyIdMalformed, partyId);
        }
    }

    /// <summary>Fingerprints are compared as lowercase hex; one pasted from <c>openssl</c> may have colons and capitals.</summary>
    private static string CheckFingerprint(string fingerprint)
    {
        string normalized = fingerprint.Replace(":", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (normalized.Length != FingerprintLengthChars || !normalized.All(char.IsAsciiHexDigitLower))
        {
            throw new OnlineInputException(OnlineProblem.FingerprintMalformed, fingerprint);
        }

        return normalized;
    }

    private static byte[] ReadPublicKey(CliContext context, string? keyFile, string? publicKeyHex)
    {
        if ((keyFile is null) == (publicKeyHex is null))
        {
            throw new OnlineInputException(OnlineProblem.KeySourceNeeded, string.Empty);
        }

        if (publicKeyHex is not null)
        {
            byte[] publicKey = new byte[DepositorKey.SeedLengthBytes];
            if (publicKeyHex.Length != 2 * publicKey.Length
                || Convert.FromHexString(publicKeyHex, publicKey, out _, out int written) != System.Buffers.OperationStatus.Done
                || written != publicKey.Length)
            {
                throw new OnlineInputException(OnlineProblem.PublicKeyMalformed, publicKeyHex);
            }

            return publicKey;
        }

        string path = DepositorKey.ResolvePath(keyFile, context);
        using DepositorKey key = DepositorKey.LoadIfExists(path) ?? throw new OnlineInputException(OnlineProblem.DepositorKeyNotFound, path);
        return key.PublicKey;
    }
}
