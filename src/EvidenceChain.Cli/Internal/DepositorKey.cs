using System.CommandLine;
using System.Security.Cryptography;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Core;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The depositor's Ed25519 key (deposit-request.md): a 32-byte seed, stored as one line of base64 in
/// <c>--depositor-key</c>, else <c>$EVIDENCECHAIN_DEPOSITOR_KEY</c>, else
/// <c>$XDG_CONFIG_HOME/evidencechain/depositor.key</c>. It is made on first use, owner-only (0600)
/// from the moment the file exists, and a key file that other users can read or change is refused:
/// whoever holds it can deposit in the depositor's name. The seed is cleared on dispose.
/// </summary>
internal sealed class DepositorKey : IDisposable
{
    public const string PathOption = "--depositor-key";
    public const string PathVariable = "EVIDENCECHAIN_DEPOSITOR_KEY";
    public const string FileName = "depositor.key";
    public const int SeedLengthBytes = 32;

    private static readonly OwnerOnlyKeyFile s_file = new(SeedLengthBytes, OnlineProblem.DepositorKeyOpenToOthers, OnlineProblem.DepositorKeyMalformed);

    private readonly byte[] _seed;

    private DepositorKey(string filePath, byte[] seed)
    {
        FilePath = filePath;
        _seed = seed;
        PublicKey = DepositRequest.PublicKeyOf(seed);
    }

    public string FilePath { get; }

    /// <summary>The 32-byte Ed25519 public key the notary builds the leaf's depositor commitments from.</summary>
    public byte[] PublicKey { get; }

    /// <summary><c>SHA-256(0x01 ‖ public key)</c>, as a receipt's depositor opening carries it.</summary>
    public Digest Fingerprint => PartyCommitment.FingerprintEd25519(PublicKey);

    /// <param name="madeOnFirstUse">Whether the command makes the key when there is none (<c>deposit</c>) or only reads it (<c>receipt</c>).</param>
    public static Option<string> CreateOption(bool madeOnFirstUse) => new(PathOption)
    {
        Description = $"The depositor's key file (default: ${PathVariable}, else ~/.config/evidencechain/{FileName})"
            + (madeOnFirstUse ? "; made on first use." : "; used to add the depositor opening, never made here."),
        HelpName = "FILE",
    };

    public static string ResolvePath(string? option, CliContext context) => OwnerOnlyKeyFile.ResolvePath(option, PathVariable, FileName, context);

    /// <summary>Loads the key at <paramref name="path"/>, or makes one there from <paramref name="random"/> if there is none.</summary>
    public static DepositorKey LoadOrCreate(string path, RandomSource random, out bool created) =>
        new(path, s_file.LoadOrCreate(path, random, out created));

    /// <summary>The key at <paramref name="path"/>, or null if there is no file (a key is never made just to read receipts).</summary>
    public static DepositorKey? LoadIfExists(string path) => File.Exists(path) ? Load(path) : null;

    /// <summary>Signs a request's canonical bytes; returns the 64-byte signature.</summary>
    public byte[] Sign(DepositRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Sign(_seed);
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_seed);

    private static DepositorKey Load(string path) => new(path, s_file.Load(path));
}
