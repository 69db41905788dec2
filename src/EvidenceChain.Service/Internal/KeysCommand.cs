using System.Security.Cryptography;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.KeyStatements;
using EvidenceChain.Core.Notes;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb;
using EvidenceChain.Storage.LiteDb.Backups;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The log keys' lifetime (docs/operations.md, key-statement.md), run with the service stopped:
/// <code>
/// EvidenceChain.Service keys rotate --data DATA_DIR
/// EvidenceChain.Service keys compromise --data DATA_DIR --successor-data NEW_DIR [--at yyyy-MM-ddTHH:mm:ss.fffZ]
/// </code>
/// <c>rotate</c> makes the next pair, publishes it beside the old keys and leaves the rotation statement,
/// signed by both pairs, for the next start to record. <c>compromise</c> freezes the log at its last final
/// anchor and creates the successor log, whose first leaf will be the statement linking the two.
/// Exit codes: 0 done; 1 refused (nothing changed); 2 bad usage.
/// </summary>
internal static class KeysCommand
{
    public const string Name = "keys";

    private const string Usage = "usage: keys rotate --data DATA_DIR | keys compromise --data DATA_DIR --successor-data NEW_DIR [--at yyyy-MM-ddTHH:mm:ss.fffZ]";

    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider time)
    {
        string? data = StoreCommand.Value(args, "--data");
        string? successor = StoreCommand.Value(args, "--successor-data");
        string? at = StoreCommand.Value(args, "--at");
        string verb = args.FirstOrDefault() ?? "";
        try
        {
            switch (verb)
            {
                case "rotate" when data is not null && successor is null && at is null:
                    Rotate(Path.GetFullPath(data), output);
                    return 0;
                case "compromise" when data is not null && successor is not null:
                    long atMs = time.GetUtcNow().ToUnixTimeMilliseconds();
                    if (at is not null && !KeyStatementText.TryParseTime(at, out atMs))
                    {
                        error.WriteLine($"keys compromise: --at '{at}' is not a UTC time like 2026-11-30T05:00:00.000Z");
                        return 2;
                    }

                    Compromise(Path.GetFullPath(data), Path.GetFullPath(successor), atMs, time, output);
                    return 0;
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // The store's lock is the sign of a running service: these commands need it stopped.
            error.WriteLine($"keys {verb}: {e.Message}" + (e.Message.Contains("already open", StringComparison.Ordinal) ? " Stop the service first." : string.Empty));
            return 1;
        }
    }

    private static void Rotate(string data, TextWriter output)
    {
        LogOrigin origin = ReadOrigin(data, out _);
        var keys = new NotaryKeyFiles(data);
        if (!File.Exists(keys.Ed25519Path))
        {
            throw new InvalidOperationException($"there is no {keys.Ed25519Path}: a log whose Ed25519 key is on a PKCS#11 device rotates it on the device; this command rotates file keys only");
        }

        if (File.Exists(keys.PendingStatementPath))
        {
            throw new InvalidOperationException($"a key statement is still waiting to be recorded ({keys.PendingStatementPath}); start the service once to record it first");
        }

        (Ed25519NoteSigner oldEd25519, Sm2NoteSigner oldSm2) = keys.Load(origin, ed25519OnDevice: null);
        using (oldEd25519)
        using (oldSm2)
        {
            keys.CreateNext(origin);
            (Ed25519NoteSigner newEd25519, Sm2NoteSigner newSm2) = keys.LoadNext(origin);
            using (newEd25519)
            using (newSm2)
            {
                var rotation = new KeyRotation(origin, [oldEd25519.Verifier, oldSm2.Verifier], [newEd25519.Verifier, newSm2.Verifier]);
                string note = SignedNote.Sign(rotation.ToNoteText(), oldEd25519, oldSm2, newEd25519, newSm2);
                WriteNew(keys.PendingStatementPath, note);
                output.WriteLine($"Next key pair of log {origin}:");
                foreach (NoteVerifier key in rotation.NewKeys)
                {
                    output.WriteLine($"  {key.ToVerifierKey()}  ({key.AlgorithmName}, fingerprint {key.Fingerprint})");
                }

                output.WriteLine($"Published after the old keys in {keys.VerifierKeysPath}. Start the service: its next checkpoint is signed by both pairs and records the rotation statement ({keys.PendingStatementPath}); then the new pair signs alone and the old pair's files move to keys/retired-TIME/.");
            }
        }
    }

    private static void Compromise(string data, string successorData, long atMs, TimeProvider time, TextWriter output)
    {
        if (Directory.Exists(successorData) && Directory.EnumerateFileSystemEntries(successorData).Any())
        {
            throw new InvalidOperationException($"the successor's data directory {successorData} is not empty; a new log needs a new, empty one");
        }

        LogOrigin origin = ReadOrigin(data, out StoredCheckpoint? frozen);
        if (frozen is null)
        {
            throw new InvalidOperationException($"no checkpoint of log {origin} is anchored final on a chain, so there is nothing to freeze it at that the chain can vouch for; see docs/operations.md#when-the-log-keys-are-compromised");
        }

        var keys = new NotaryKeyFiles(data);
        IReadOnlyList<NoteVerifier> published = keys.ReadPublished(origin);
        NoteVerifier? ed25519 = published.LastOrDefault(k => k is Ed25519NoteVerifier);
        NoteVerifier? sm2 = published.LastOrDefault(k => k is Sm2NoteVerifier);
        if (ed25519 is null || sm2 is null)
        {
            throw new InvalidOperationException($"{keys.VerifierKeysPath} does not publish an Ed25519 and an SM2 key of log {origin}");
        }

        LogOrigin successor = LogOrigin.Create(origin.Host, origin.TreeHash, RandomNumberGenerator.Fill);
        var successorKeys = new NotaryKeyFiles(successorData);
        successorKeys.Create(successor, ed25519OnDevice: null);
        using (LiteDbLogStore store = LiteDbLogStore.Open(Path.Combine(successorData, StoreMaintenance.StoreDirectoryName)))
        {
            store.CreateIdentity(new LogIdentity(successor.ToString(), time.GetUtcNow().ToUnixTimeMilliseconds()));
        }

        var compromise = new KeyCompromise(origin, atMs, frozen.TreeSize, frozen.Root, [ed25519, sm2], successor);
        (Ed25519NoteSigner newEd25519, Sm2NoteSigner newSm2) = successorKeys.Load(successor, ed25519OnDevice: null);
        string note;
        using (newEd25519)
        using (newSm2)
        {
            note = SignedNote.Sign(compromise.ToNoteText(), newEd25519, newSm2);
        }

        WriteNew(successorKeys.PendingStatementPath, note);
        File.WriteAllText(Path.Combine(successorData, "key-compromise.note"), note);
        WriteNew(LogComposition.FrozenStatementPath(data), note);
        string retired = keys.Retire(time, includePublished: false);
        output.WriteLine($"Log {origin} is frozen at its last final anchor, checkpoint {frozen.TreeSize} (root {frozen.Root}); its keys count as compromised from {KeyStatementText.FormatTime(atMs)}.");
        output.WriteLine($"The successor log {successor} is in {successorData}; its first leaf will be the signed statement {Path.Combine(successorData, "key-compromise.note")}, recorded and anchored when the service starts there.");
        output.WriteLine($"The old keys were moved to {retired}. Publish the statement and the successor's keys ({successorKeys.VerifierKeysPath}); courts give it to `evidencechain verify --compromise`.");
    }

    /// <summary>The log's origin from its store, which must not be open elsewhere, and its last checkpoint anchored final on a chain.</summary>
    private static LogOrigin ReadOrigin(string data, out StoredCheckpoint? frozen)
    {
        string storeDirectory = Path.Combine(data, StoreMaintenance.StoreDirectoryName);
        if (!Directory.Exists(storeDirectory))
        {
            throw new InvalidOperationException($"{data} holds no log store");
        }

        using LiteDbLogStore store = LiteDbLogStore.Open(storeDirectory);
        LogIdentity identity = store.ReadIdentity() ?? throw new InvalidOperationException($"{data} holds no log");
        if (!LogOrigin.TryParse(identity.Origin, out LogOrigin? origin))
        {
            throw new InvalidDataException($"the store's origin '{identity.Origin}' is not an EvidenceChain origin");
        }

        ulong? anchored = store.ReadAnchors().Where(a => a.Status == AnchorStatus.Final).Select(a => (ulong?)a.TreeSize).Max();
        frozen = anchored is ulong size ? store.FindCheckpoint(size) : null;
        return origin!;
    }

    private static void WriteNew(string path, string text)
    {
        using var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough });
        stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }
}
