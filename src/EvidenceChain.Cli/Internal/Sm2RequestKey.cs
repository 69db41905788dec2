using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Core;
using EvidenceChain.Core.Access;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The party's SM2 request key (GB/T 32918): a private scalar <c>d</c> in [1, n − 2], stored like the
/// depositor key (<see cref="OwnerOnlyKeyFile"/>: one line of base64, 0600) in <c>--sm2-key</c>,
/// else <c>$EVIDENCECHAIN_SM2_KEY</c>, else <c>$XDG_CONFIG_HOME/evidencechain/request-sm2.key</c>.
/// It signs requests once the office has bound its public key with its user ID; the service takes
/// SM2-signed deposit requests (deposit-request.md §Signature). The scalar is cleared on dispose.
/// </summary>
internal sealed class Sm2RequestKey : IDisposable
{
    public const string PathOption = "--sm2-key";
    public const string PathVariable = "EVIDENCECHAIN_SM2_KEY";
    public const string FileName = "request-sm2.key";
    public const int PrivateKeyLengthBytes = 32;

    private static readonly X9ECParameters s_curve = GMNamedCurves.GetByName("sm2p256v1");
    private static readonly OwnerOnlyKeyFile s_file = new(PrivateKeyLengthBytes, OnlineProblem.Sm2KeyOpenToOthers, OnlineProblem.Sm2KeyMalformed);

    private readonly byte[] _privateKey;

    private Sm2RequestKey(string filePath, byte[] privateKey)
    {
        FilePath = filePath;
        _privateKey = privateKey;
        PublicKey = s_curve.G.Multiply(new BigInteger(1, privateKey)).Normalize().GetEncoded(false);
    }

    public string FilePath { get; }

    /// <summary>The 65-byte uncompressed public point <c>04 ‖ x ‖ y</c>.</summary>
    public byte[] PublicKey { get; }

    public static Option<string> CreateOption() => new(PathOption)
    {
        Description = $"The SM2 request key file (default: ${PathVariable}, else ~/.config/evidencechain/{FileName}); made on first use.",
        HelpName = "FILE",
    };

    public static string ResolvePath(string? option, CliContext context) => OwnerOnlyKeyFile.ResolvePath(option, PathVariable, FileName, context);

    /// <summary>Loads the key at <paramref name="path"/>, or makes one there from <paramref name="random"/> if there is none.</summary>
    public static Sm2RequestKey LoadOrCreate(string path, RandomSource random, out bool created)
    {
        ArgumentNullException.ThrowIfNull(random);
        byte[] privateKey = s_file.LoadOrCreate(path, d => NewPrivateKey(random, d), out created);
        if (!IsPrivateKey(privateKey))
        {
            CryptographicOperations.ZeroMemory(privateKey);
            throw new OnlineInputException(OnlineProblem.Sm2KeyMalformed, path, "the number is not an SM2 private key (1 to n − 2)");
        }

        return new Sm2RequestKey(path, privateKey);
    }

    /// <summary>The party key the office binds for it, under <paramref name="userId"/> (empty: the GB/T default; at most 255 bytes).</summary>
    public PartyKey ToPartyKey(ReadOnlySpan<byte> userId)
    {
        PartyKeyRejection rejection = PartyKey.TryCreate(PartyKeyAlgorithm.Sm2, PublicKey, userId, 0, out PartyKey? key);
        Debug.Assert(rejection == PartyKeyRejection.None, $"our own SM2 key was refused: {rejection}");
        return key!;
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_privateKey);

    /// <summary>GB/T 32918.1 §6.1: d is drawn uniformly from [1, n − 2]; redraw until it is (almost never needed).</summary>
    private static void NewPrivateKey(RandomSource random, Span<byte> destination)
    {
        do
        {
            random(destination);
        }
        while (!IsPrivateKey(destination));
    }

    private static bool IsPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        var d = new BigInteger(1, privateKey);
        return d.SignValue > 0 && d.CompareTo(s_curve.N.Subtract(BigInteger.One)) < 0;
    }
}
