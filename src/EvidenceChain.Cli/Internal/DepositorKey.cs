using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
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

    /// <summary>44 characters of base64 and a newline; anything this large is the wrong file.</summary>
    private const int FileLengthMaxBytes = 1024;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

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

    public static string ResolvePath(string? option, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrEmpty(option))
        {
            return Path.GetFullPath(option);
        }

        string? fromEnvironment = context.GetEnvironmentVariable(PathVariable);
        return Path.GetFullPath(string.IsNullOrEmpty(fromEnvironment) ? Path.Combine(context.ConfigDirectory(), FileName) : fromEnvironment);
    }

    /// <summary>Loads the key at <paramref name="path"/>, or makes one there from <paramref name="random"/> if there is none.</summary>
    public static DepositorKey LoadOrCreate(string path, RandomSource random, out bool created)
    {
        ArgumentNullException.ThrowIfNull(random);
        created = false;
        if (File.Exists(path))
        {
            return Load(path);
        }

        byte[] seed = new byte[SeedLengthBytes];
        random(seed);
        try
        {
            string? directory = Path.GetDirectoryName(path);
            if (directory is not null && !Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, OwnerOnlyDirectory);
                }
            }

            // CreateNew with the mode given at creation: there is no moment at which the file exists readable by others.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(path, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(seed) + "\n"));
                stream.Flush(flushToDisk: true);
            }

            created = true;
            return new DepositorKey(path, seed);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another command made the key at the same moment: use that one.
            CryptographicOperations.ZeroMemory(seed);
            return Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CryptographicOperations.ZeroMemory(seed);
            throw new OnlineInputException(OnlineProblem.Unwritable, path, e.Message);
        }
    }

    /// <summary>The key at <paramref name="path"/>, or null if there is no file (a key is never made just to read receipts).</summary>
    public static DepositorKey? LoadIfExists(string path) => File.Exists(path) ? Load(path) : null;

    /// <summary>Signs a request's canonical bytes; returns the 64-byte signature.</summary>
    public byte[] Sign(DepositRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Sign(_seed);
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_seed);

    private static DepositorKey Load(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            UnixFileMode mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOthers) != 0)
            {
                throw new OnlineInputException(OnlineProblem.DepositorKeyOpenToOthers, path, "0" + Convert.ToString((int)mode, 8).PadLeft(3, '0'));
            }
        }

        string text = InputFile.ReadText(path, FileLengthMaxBytes).Trim();
        byte[] seed = new byte[SeedLengthBytes];
        if (!Convert.TryFromBase64String(text, seed, out int length) || length != SeedLengthBytes)
        {
            CryptographicOperations.ZeroMemory(seed);
            throw new OnlineInputException(
                OnlineProblem.DepositorKeyMalformed,
                path,
                string.Create(CultureInfo.InvariantCulture, $"{text.Length} characters that are not the base64 of {SeedLengthBytes} bytes"));
        }

        return new DepositorKey(path, seed);
    }
}
