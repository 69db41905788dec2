using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Certificates;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using CorePartyKey = EvidenceChain.Core.Access.PartyKey;
using CorePartyKeyAlgorithm = EvidenceChain.Core.Access.PartyKeyAlgorithm;

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

    /// <summary>A file handed in as an SM2 public key: its hex or a PEM public key, far below this.</summary>
    private const int Sm2PublicKeyFileLengthMaxBytes = 16 * 1024;

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

    /// <summary>
    /// <c>party bind-key</c>: exactly one of a depositor key file, a depositor (Ed25519) public key in
    /// hex, or an SM2 public key (<paramref name="sm2"/>: hex, or a file with the hex or a PEM public
    /// key) with its user ID (<paramref name="userId"/>, UTF-8; none means the GB/T default).
    /// </summary>
    public static async Task<ExitCode> BindKeyAsync(
        CliContext context,
        PartyText text,
        ServerChoice server,
        string partyId,
        string? keyFile,
        string? publicKeyHex,
        string? sm2,
        string? userId,
        CancellationToken cancellationToken)
    {
        CheckPartyId(partyId);
        if (new[] { keyFile, publicKeyHex, sm2 }.Count(source => source is not null) != 1)
        {
            throw new OnlineInputException(OnlineProblem.KeySourceNeeded, string.Empty);
        }

        if (userId is not null && sm2 is null)
        {
            throw new OnlineInputException(OnlineProblem.UserIdWithoutSm2, userId);
        }

        CorePartyKeyAlgorithm algorithm = sm2 is null ? CorePartyKeyAlgorithm.Ed25519 : CorePartyKeyAlgorithm.Sm2;
        byte[] publicKey = sm2 is null ? ReadPublicKey(context, keyFile, publicKeyHex) : ReadSm2PublicKey(sm2);
        byte[] userIdBytes = UserIdBytes(userId);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        Party party = await connection.BindKeyAsync(
            new BindKeyRequest
            {
                PartyId = partyId,
                Algorithm = algorithm == CorePartyKeyAlgorithm.Sm2 ? KeyAlgorithm.Sm2 : KeyAlgorithm.Ed25519,
                PublicKey = ByteString.CopyFrom(publicKey),
                Sm2UserId = ByteString.CopyFrom(userIdBytes),
            },
            cancellationToken).ConfigureAwait(false);
        text.Write(context.Output, party);

        // The service accepted the key, so it is one; its fingerprint is computed here, not taken on trust.
        Core.Access.PartyKeyRejection rejection = CorePartyKey.TryCreate(algorithm, publicKey, userIdBytes, 0, out CorePartyKey? key);
        System.Diagnostics.Debug.Assert(rejection == Core.Access.PartyKeyRejection.None, $"the service bound a key we refuse: {rejection}");
        context.Output.WriteLine(text.KeyBound(algorithm, key!.Fingerprint.ToHex()));
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
            context.Output.WriteLine(text.ListLine(party.Id, text.RoleName(party.Role), party.DisplayName, text.StatusOf(party), text.ActiveKeys(party)));
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

    /// <summary>
    /// <c>party my-key --sm2</c>: the local SM2 request key's public point, the user ID it is to be
    /// bound under, and the fingerprint the office will see; the key is made here if there is none.
    /// </summary>
    public static ExitCode MySm2Key(CliContext context, PartyText text, string? keyPath, string? userId)
    {
        byte[] userIdBytes = UserIdBytes(userId);
        using Sm2RequestKey key = Sm2RequestKey.LoadOrCreate(Sm2RequestKey.ResolvePath(keyPath, context), RandomNumberGenerator.Fill, out bool created);
        if (created)
        {
            context.Output.WriteLine(text.Sm2KeyCreated(key.FilePath));
        }

        CorePartyKey partyKey = key.ToPartyKey(userIdBytes);
        string publicKey = Convert.ToHexStringLower(key.PublicKey);
        context.Output.WriteLine(text.MySm2KeyFile(key.FilePath));
        context.Output.WriteLine(text.MyPublicKey + publicKey);
        context.Output.WriteLine(text.MyUserId + CorePartyKey.DescribeUserId(partyKey.Sm2UserId));
        context.Output.WriteLine(text.MyFingerprint + partyKey.Fingerprint.ToHex());
        context.Output.WriteLine(text.MySm2KeyHandOver(publicKey, userId is null ? string.Empty : $" --user-id '{userId}'"));
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

    /// <summary>
    /// An SM2 public key as given to <c>--sm2</c>: 130 hex digits (<c>04 ‖ x ‖ y</c>, as <c>party
    /// my-key --sm2</c> prints them), or a file holding them or a PEM public key (as <c>openssl pkey
    /// -pubout</c> writes it). Whether the point is on the curve is the service's check, which answers
    /// with the reason.
    /// </summary>
    private static byte[] ReadSm2PublicKey(string value)
    {
        if (TryReadPointHex(value.Trim(), out byte[]? point))
        {
            return point;
        }

        if (!File.Exists(value))
        {
            throw new OnlineInputException(OnlineProblem.Sm2PublicKeyMalformed, value);
        }

        string text = InputFile.ReadText(Path.GetFullPath(value), Sm2PublicKeyFileLengthMaxBytes).Trim();
        if (TryReadPointHex(text, out point))
        {
            return point;
        }

        if (PemEncoding.TryFind(text, out PemFields pem) && text[pem.Label].SequenceEqual("PUBLIC KEY"))
        {
            try
            {
                if (PublicKeyFactory.CreateKey(Convert.FromBase64String(text[pem.Base64Data].ToString())) is ECPublicKeyParameters ec)
                {
                    return ec.Q.Normalize().GetEncoded(false);
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or IOException or SecurityUtilityException)
            {
                throw new OnlineInputException(OnlineProblem.Sm2PublicKeyMalformed, value, e.Message);
            }
        }

        throw new OnlineInputException(OnlineProblem.Sm2PublicKeyMalformed, value);
    }

    private static bool TryReadPointHex(string hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? point)
    {
        point = null;
        byte[] bytes = new byte[CorePartyKey.Sm2PublicKeyLengthBytes];
        if (hex.Length != 2 * bytes.Length
            || Convert.FromHexString(hex, bytes, out _, out int written) != System.Buffers.OperationStatus.Done
            || written != bytes.Length)
        {
            return false;
        }

        point = bytes;
        return true;
    }

    /// <summary>An SM2 user ID as typed, in UTF-8; none is empty, which the service reads as the GB/T default.</summary>
    private static byte[] UserIdBytes(string? userId)
    {
        byte[] bytes = userId is null ? [] : Encoding.UTF8.GetBytes(userId);
        return bytes.Length <= CorePartyKey.Sm2UserIdLengthMaxBytes
            ? bytes
            : throw new OnlineInputException(OnlineProblem.UserIdTooLong, bytes.Length.ToString(CultureInfo.InvariantCulture));
    }
}
