using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The notary's private keys as files in the data directory, owner-only (0600) from the moment
/// they are created, never in the repository or a log. Each file holds one line in the style of
/// Go's note signer keys, <c>PRIVATE+KEY+name+keyid+base64(type ‖ secret)</c>; the verifier keys
/// are published beside them in <c>notary.vkeys</c>.
/// </summary>
internal sealed class NotaryKeyFiles
{
    private const string Prefix = "PRIVATE+KEY+";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public NotaryKeyFiles(string dataDirectory)
    {
        KeysDirectory = Path.Combine(dataDirectory, "keys");
        Ed25519Path = Path.Combine(KeysDirectory, "notary-ed25519.key");
        Sm2Path = Path.Combine(KeysDirectory, "notary-sm2.key");
        VerifierKeysPath = Path.Combine(dataDirectory, "notary.vkeys");
    }

    public string KeysDirectory { get; }

    public string Ed25519Path { get; }

    public string Sm2Path { get; }

    public string VerifierKeysPath { get; }

    public bool AnyExist => File.Exists(Ed25519Path) || File.Exists(Sm2Path);

    /// <summary>Makes both keys for a new log, named by its origin, and publishes the verifier keys.</summary>
    public void Create(LogOrigin origin)
    {
        Directory.CreateDirectory(KeysDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeysDirectory, OwnerOnly | UnixFileMode.UserExecute);
        }

        byte[] seed = RandomNumberGenerator.GetBytes(Ed25519NoteSigner.SeedLengthBytes);
        byte[] d = NewSm2Scalar();
        try
        {
            using var ed25519 = new Ed25519NoteSigner(origin.ToString(), seed);
            using var sm2 = new Sm2NoteSigner(origin.ToString(), d, Sm2UserId, RandomNumberGenerator.Fill);
            WriteSecret(Ed25519Path, $"{Prefix}{origin}+{ed25519.KeyId:x8}+{Convert.ToBase64String([Ed25519NoteVerifier.SignatureType, .. seed])}\n");
            WriteSecret(Sm2Path, $"{Prefix}{origin}+{sm2.KeyId:x8}+{Convert.ToBase64String([0xff, .. d])}\n");
            File.WriteAllText(VerifierKeysPath, ed25519.Verifier.ToVerifierKey() + "\n" + sm2.Verifier.ToVerifierKey() + "\n");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(d);
        }
    }

    /// <summary>Loads both keys; their names must be the log's origin and their key IDs must match.</summary>
    public (Ed25519NoteSigner Ed25519, Sm2NoteSigner Sm2) Load(LogOrigin origin)
    {
        byte[] seed = ReadSecret(Ed25519Path, origin, Ed25519NoteVerifier.SignatureType, Ed25519NoteSigner.SeedLengthBytes, out uint edKeyId);
        byte[] d = ReadSecret(Sm2Path, origin, 0xff, Sm2NoteSigner.PrivateKeyLengthBytes, out uint sm2KeyId);
        try
        {
            var ed25519 = new Ed25519NoteSigner(origin.ToString(), seed);
            var sm2 = new Sm2NoteSigner(origin.ToString(), d, Sm2UserId, RandomNumberGenerator.Fill);
            if (ed25519.KeyId != edKeyId || sm2.KeyId != sm2KeyId)
            {
                ed25519.Dispose();
                sm2.Dispose();
                throw new InvalidDataException($"A key file in {KeysDirectory} does not hold the key its key ID names; it is damaged.");
            }

            return (ed25519, sm2);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(d);
        }
    }

    /// <summary>The key name (origin) the Ed25519 key file is for, to compare with the store.</summary>
    public string? ReadKeyName()
    {
        if (!File.Exists(Ed25519Path))
        {
            return null;
        }

        string line = File.ReadAllText(Ed25519Path).Trim();
        string[] parts = line.StartsWith(Prefix, StringComparison.Ordinal) ? line[Prefix.Length..].Split('+', 3) : [];
        return parts.Length == 3 ? parts[0] : throw new InvalidDataException($"{Ed25519Path} is not a notary key file.");
    }

    /// <summary>Moves the keys of an abandoned log aside (never deletes them: old checkpoints stay verifiable).</summary>
    public string Retire(TimeProvider time)
    {
        string retired = Path.Combine(KeysDirectory, "retired-" + time.GetUtcNow().ToString("yyyyMMddTHHmmssZ", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(retired);
        foreach (string path in new[] { Ed25519Path, Sm2Path, VerifierKeysPath }.Where(File.Exists))
        {
            File.Move(path, Path.Combine(retired, Path.GetFileName(path)));
        }

        return retired;
    }

    /// <summary>GM/T 0009's default user ID, stated in every key (checkpoint.md).</summary>
    private static byte[] Sm2UserId => "1234567812345678"u8.ToArray();

    private static byte[] NewSm2Scalar()
    {
        // A uniformly random 256-bit value lies in [1, n − 2] with overwhelming probability; retry otherwise.
        while (true)
        {
            byte[] d = RandomNumberGenerator.GetBytes(Sm2NoteSigner.PrivateKeyLengthBytes);
            try
            {
                using var probe = new Sm2NoteSigner("probe", d, Sm2UserId, RandomNumberGenerator.Fill);
                return d;
            }
            catch (ArgumentException)
            {
                CryptographicOperations.ZeroMemory(d);
            }
        }
    }

    private static void WriteSecret(string path, string line)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(line));
            stream.Flush(flushToDisk: true);
        }
    }

    private static byte[] ReadSecret(string path, LogOrigin origin, byte type, int lengthBytes, out uint keyId)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            throw new InvalidDataException($"{path} can be read by others (mode {Convert.ToString((int)File.GetUnixFileMode(path), 8)}); make it 0600 (chmod 600) before starting.");
        }

        string line = File.ReadAllText(path).Trim();
        string[] parts = line.StartsWith(Prefix, StringComparison.Ordinal) ? line[Prefix.Length..].Split('+', 3) : [];
        if (parts.Length != 3 || parts[0] != origin.ToString() || !uint.TryParse(parts[1], System.Globalization.NumberStyles.AllowHexSpecifier, null, out keyId))
        {
            throw new InvalidDataException($"{path} is not the notary key of log {origin}.");
        }

        byte[] blob = Convert.FromBase64String(parts[2]);
        if (blob.Length != 1 + lengthBytes || blob[0] != type)
        {
            throw new InvalidDataException($"{path} does not hold a key of the expected type.");
        }

        return blob[1..];
    }
}
