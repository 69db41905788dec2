using System.Globalization;
using EvidenceChain.Core.Notes;
using EvidenceChain.Storage.LiteDb;
using EvidenceChain.Storage.LiteDb.Backups;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The store's offline commands, run with the service stopped (docs/backup.md): they live in the service's
/// executable because only it knows the store's files; the depositor's CLI stays free of LiteDB.
/// <code>
/// EvidenceChain.Service store restore BACKUP_DIR --data DATA_DIR [--replace]
/// EvidenceChain.Service store rebuild --data DATA_DIR
/// EvidenceChain.Service store check --data DATA_DIR
/// </code>
/// Exit codes: 0 done and checked; 1 the backup or the store does not check (nothing was written); 2 bad usage.
/// </summary>
internal static class StoreCommand
{
    public const string Name = "store";

    private const string Usage = "usage: store restore BACKUP_DIR --data DATA_DIR [--replace] | store rebuild --data DATA_DIR | store check --data DATA_DIR";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? data = Value(args, "--data");
        string[] positional = [.. args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--data"))];
        try
        {
            switch (positional)
            {
                case ["restore", string backup] when data is not null:
                {
                    StoreCheckReport report = StoreMaintenance.Restore(backup, data, args.Contains("--replace"), VerifierKeys);
                    output.WriteLine($"Restored {backup} into {Path.GetFullPath(data)}: {Describe(report)}");
                    output.WriteLine("Put the log's private keys (keys/) in place before starting the service; depositors whose deposits were acknowledged after the backup must re-submit them (docs/backup.md).");
                    return 0;
                }

                case ["rebuild"] when data is not null:
                {
                    (StoreCheckReport before, StoreCheckReport after, long lengthBefore, long lengthAfter) = StoreMaintenance.Rebuild(
                        Path.Combine(data, StoreMaintenance.StoreDirectoryName), VerifierKeys(data));
                    output.WriteLine($"Rebuilt: {lengthBefore.ToString(CultureInfo.InvariantCulture)} → {lengthAfter.ToString(CultureInfo.InvariantCulture)} bytes; every root unchanged (roots digest {after.RootsDigest}, was {before.RootsDigest}): {Describe(after)}");
                    return 0;
                }

                case ["check"] when data is not null:
                {
                    using LiteDbLogStore store = LiteDbLogStore.Open(Path.Combine(data, StoreMaintenance.StoreDirectoryName));
                    output.WriteLine("Checked: " + Describe(StoreMaintenance.Check(store, null, VerifierKeys(data))));
                    return 0;
                }

                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (BackupException e)
        {
            error.WriteLine("store " + positional.FirstOrDefault() + ": " + e.Message);
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or FormatException)
        {
            error.WriteLine("store " + positional.FirstOrDefault() + ": " + e.Message);
            return 1;
        }
    }

    private static string Describe(StoreCheckReport report) =>
        $"log {report.Origin}, {report.LeafCount} leaves, checkpoint {report.CheckpointTreeSize} root {report.CheckpointRoot} recomputed from the leaves and from {report.SubtreesChecked} stored subtrees"
        + (report.AnchoredCheckpoint is BackupCheckpoint anchored ? $", anchored checkpoint {anchored.TreeSize} recomputed too" : string.Empty)
        + (report.SignaturesChecked ? ", signatures verified with notary.vkeys" : ", signatures NOT checked (no notary.vkeys)");

    /// <summary>The log's verifier keys from <c>notary.vkeys</c> in <paramref name="directory"/>, or null when there is none.</summary>
    private static IReadOnlyList<NoteVerifier> VerifierKeys(string directory)
    {
        string path = Path.Combine(directory, "notary.vkeys");
        if (!File.Exists(path))
        {
            throw new BackupException($"there is no notary.vkeys in '{directory}': the checkpoint signatures cannot be checked");
        }

        return [.. File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#')).Select(l => NoteVerifierKey.Parse(l.Trim()))];
    }

    /// <summary>The value after <paramref name="name"/> on the command line, if any: the offline commands' options.</summary>
    internal static string? Value(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
