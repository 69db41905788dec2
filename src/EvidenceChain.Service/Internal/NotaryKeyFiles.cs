using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Signing;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The notary's private keys as files in the data directory, owner-only (0600) from the moment
/// they are created, never in the repository or a log. Each file holds one line in the style of
/// Go's note signer keys, <c>PRIVATE+KEY+name+keyid+base64(type ‖ secret)</c>; the verifier keys
/// are published beside them in <c>notary.vkeys</c>. The Ed25519 key may instead live on a PKCS#11
/// device (<see cref="SigningSettings"/>); then there is no Ed25519 file, and the device's key must
/// be the one published.
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

    /// <summary>
    /// Makes the keys of a new log, named by its origin, and publishes the verifier keys: both keys as
    /// files, or only SM2 when the Ed25519 key is <paramref name="ed25519OnDevice"/> (only read here).
    /// </summary>
    public void Create(LogOrigin origin, SigningKey? ed25519OnDevice)
    {
        IReadOnlyList<NoteVerifier> keys = WritePair(origin, Ed25519Path, Sm2Path, ed25519OnDevice);
        File.WriteAllText(VerifierKeysPath, string.Concat(keys.Select(k => k.ToVerifierKey() + "\n")));
    }

    /// <summary>
    /// Makes the next pair of a planned rotation (key-statement.md §Rotation) beside the current one and
    /// publishes it after the keys already in <c>notary.vkeys</c>, which stay: old checkpoints keep verifying.
    /// </summary>
    public IReadOnlyList<NoteVerifier> CreateNext(LogOrigin origin)
    {
        if (File.Exists(NextEd25519Path) || File.Exists(NextSm2Path))
        {
            throw new InvalidOperationException($"A rotation is already pending ({NextEd25519Path}); start the service to finish it.");
        }

        IReadOnlyList<NoteVerifier> keys = WritePair(origin, NextEd25519Path, NextSm2Path, ed25519OnDevice: null);
        IEnumerable<string> published = File.Exists(VerifierKeysPath) ? File.ReadAllLines(VerifierKeysPath).Where(l => l.Length > 0) : [];
        WriteAtomically(VerifierKeysPath, string.Concat(published.Concat(keys.Select(k => k.ToVerifierKey())).Select(l => l + "\n")));
        return keys;
    }

    /// <summary>The paths of the next pair, while a rotation is pending.</summary>
    public string NextEd25519Path => Path.Combine(KeysDirectory, "next-notary-ed25519.key");

    public string NextSm2Path => Path.Combine(KeysDirectory, "next-notary-sm2.key");

    /// <summary>A key statement to record in the log at the next start (rotation, or the compromise a new log begins with).</summary>
    public string PendingStatementPath => Path.Combine(KeysDirectory, "pending-key-statement.note");

    public bool RotationPending => File.Exists(NextEd25519Path) && File.Exists(NextSm2Path);

    /// <summary>
    /// Ends a rotation on disk: each current key whose next key exists goes to <c>keys/retired-TIME/</c>, and the
    /// next key takes its name. Repeating it after a crash between the moves finishes what is left.
    /// </summary>
    public string CompleteRotation(TimeProvider time)
    {
        string retired = RetiredDirectory(time);
        foreach ((string current, string next) in new[] { (Ed25519Path, NextEd25519Path), (Sm2Path, NextSm2Path) }.Where(p => File.Exists(p.Item2)))
        {
            if (File.Exists(current))
            {
                File.Move(current, Path.Combine(retired, Path.GetFileName(current)));
            }

            File.Move(next, current);
        }

        return retired;
    }

    /// <summary>
    /// Finishes a rotation a crash interrupted while its files moved (one next key left, or a current key gone):
    /// a pending rotation has both next keys and both current ones, so this never ends one early.
    /// </summary>
    public void FinishInterruptedRotation(TimeProvider time)
    {
        bool nextLeft = File.Exists(NextEd25519Path) || File.Exists(NextSm2Path);
        bool pending = RotationPending && File.Exists(Ed25519Path) && File.Exists(Sm2Path);
        if (nextLeft && !pending)
        {
            CompleteRotation(time);
        }
    }

    /// <summary>The next pair, while a rotation is pending.</summary>
    public (Ed25519NoteSigner Ed25519, Sm2NoteSigner Sm2) LoadNext(LogOrigin origin) => LoadPair(origin, NextEd25519Path, NextSm2Path, ed25519OnDevice: null);

    /// <summary>Every key <c>notary.vkeys</c> publishes for the log, in its order.</summary>
    public IReadOnlyList<NoteVerifier> ReadPublished(LogOrigin origin)
    {
        if (!File.Exists(VerifierKeysPath))
        {
            return [];
        }

        var keys = new List<NoteVerifier>();
        foreach (string line in File.ReadAllLines(VerifierKeysPath).Where(l => l.Length > 0))
        {
            keys.Add(NoteVerifierKey.TryParse(line, out NoteVerifier? key, out string reason) && key!.Name == origin.ToString()
                ? key
                : throw new InvalidDataException($"{VerifierKeysPath}: '{line}' is not a verifier key of log {origin} ({reason})."));
        }

        return keys;
    }

    private IReadOnlyList<NoteVerifier> WritePair(LogOrigin origin, string ed25519Path, string sm2Path, SigningKey? ed25519OnDevice)
    {
        Directory.CreateDirectory(KeysDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeysDirectory, OwnerOnly | UnixFileMode.UserExecute);
        }

        byte[] seed = ed25519OnDevice is null ? RandomNumberGenerator.GetBytes(Ed25519NoteSigner.SeedLengthBytes) : [];
        byte[] d = NewSm2Scalar();
        try
        {
            NoteVerifier ed25519;
            if (ed25519OnDevice is null)
            {
                using var signer = new Ed25519NoteSigner(origin.ToString(), seed);
                ed25519 = signer.Verifier;
                WriteSecret(ed25519Path, $"{Prefix}{origin}+{ed25519.KeyId:x8}+{Convert.ToBase64String([Ed25519NoteVerifier.SignatureType, .. seed])}\n");
            }
            else
            {
                ed25519 = new Ed25519NoteVerifier(origin.ToString(), ed25519OnDevice.PublicKey);
            }

            using var sm2 = new Sm2NoteSigner(origin.ToString(), d, Sm2UserId, RandomNumberGenerator.Fill);
            WriteSecret(sm2Path, $"{Prefix}{origin}+{sm2.KeyId:x8}+{Convert.ToBase64String([0xff, .. d])}\n");
            return [ed25519, sm2.Verifier];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(d);
        }
    }

    /// <summary>
    /// Loads both keys; their names must be the log's origin and their key IDs must match. With
    /// <paramref name="ed25519OnDevice"/>, the Ed25519 key is that one, and it must be the Ed25519
    /// key published in <c>notary.vkeys</c>. The returned signer owns it; after a failure the caller
    /// still disposes it (a second Dispose does nothing).
    /// </summary>
    public (Ed25519NoteSigner Ed25519, Sm2NoteSigner Sm2) Load(LogOrigin origin, SigningKey? ed25519OnDevice)
    {
        if (ed25519OnDevice is null && !File.Exists(Ed25519Path) && File.Exists(Sm2Path))
        {
            throw new InvalidDataException($"{Ed25519Path} does not exist. If this log's Ed25519 key is on a PKCS#11 device, set Signing:Ed25519=pkcs11; otherwise restore keys/ from backup.");
        }

        if (ed25519OnDevice is not null && File.Exists(Ed25519Path))
        {
            throw new InvalidDataException($"Signing:Ed25519 is pkcs11, but this log's Ed25519 key is the file {Ed25519Path}; a log keeps the Ed25519 key it was created with.");
        }

        return LoadPair(origin, Ed25519Path, Sm2Path, ed25519OnDevice);
    }

    private (Ed25519NoteSigner Ed25519, Sm2NoteSigner Sm2) LoadPair(LogOrigin origin, string ed25519Path, string sm2Path, SigningKey? ed25519OnDevice)
    {
        uint edKeyId = 0;
        byte[] seed = ed25519OnDevice is null ? ReadSecret(ed25519Path, origin, Ed25519NoteVerifier.SignatureType, Ed25519NoteSigner.SeedLengthBytes, out edKeyId) : [];
        byte[] d = ReadSecret(sm2Path, origin, 0xff, Sm2NoteSigner.PrivateKeyLengthBytes, out uint sm2KeyId);
        try
        {
            Ed25519NoteSigner ed25519 = ed25519OnDevice is null ? new(origin.ToString(), seed) : new(origin.ToString(), ed25519OnDevice);
            if (ed25519OnDevice is not null)
            {
                NoteVerifier? published = ReadPublished(origin).FirstOrDefault(k => k is Ed25519NoteVerifier);
                if (!ed25519.Verifier.Equals(published))
                {
                    ed25519.Dispose();
                    throw new InvalidDataException($"The Ed25519 key on the device (key ID {ed25519.KeyId:x8}) is not the one {VerifierKeysPath} publishes for log {origin}{(published is null ? " (none)" : $" (key ID {published.KeyId:x8})")}: checkpoints it signed would not verify.");
                }
            }

            var sm2 = new Sm2NoteSigner(origin.ToString(), d, Sm2UserId, RandomNumberGenerator.Fill);
            if ((ed25519OnDevice is null && ed25519.KeyId != edKeyId) || sm2.KeyId != sm2KeyId)
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

    /// <summary>
    /// The key name (origin) the key files are for, to compare with the store: the Ed25519 file's,
    /// or the SM2 file's when the Ed25519 key is on a device.
    /// </summary>
    public string? ReadKeyName()
    {
        string? path = File.Exists(Ed25519Path) ? Ed25519Path : File.Exists(Sm2Path) ? Sm2Path : null;
        if (path is null)
        {
            return null;
        }

        string line = File.ReadAllText(path).Trim();
        string[] parts = line.StartsWith(Prefix, StringComparison.Ordinal) ? line[Prefix.Length..].Split('+', 3) : [];
        return parts.Length == 3 ? parts[0] : throw new InvalidDataException($"{path} is not a notary key file.");
    }

    /// <summary>
    /// Moves the keys of an abandoned or frozen log aside (never deletes them: old checkpoints stay verifiable),
    /// with <c>notary.vkeys</c> unless <paramref name="includePublished"/> is false.
    /// </summary>
    public string Retire(TimeProvider time, bool includePublished = true)
    {
        string retired = RetiredDirectory(time);
        foreach (string path in new[] { Ed25519Path, Sm2Path, includePublished ? VerifierKeysPath : "" }.Where(File.Exists))
        {
            File.Move(path, Path.Combine(retired, Path.GetFileName(path)));
        }

        return retired;
    }

    private string RetiredDirectory(TimeProvider time)
    {
        string retired = Path.Combine(KeysDirectory, "retired-" + time.GetUtcNow().ToString("yyyyMMddTHHmmssfffZ", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(retired);
        return retired;
    }

    private static void WriteAtomically(string path, string text)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
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
