using System.Globalization;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>receipt</c>, step by step: fetch a deposit's receipt against the latest checkpoint, by deposit
/// id, leaf index, or from an existing receipt file (an update). The depositor opening is kept, or
/// added from the salt file and the depositor key. An update also proves that the log only grew
/// since the old receipt's checkpoint (a consistency proof), so a notary that rewrote history is
/// caught by the depositor, not years later in court. Nothing that fails a check is written.
/// </summary>
internal static class ReceiptWorkflow
{
    public static async Task<ExitCode> RunAsync(CliContext context, OnlineText text, ReportText report, ReceiptArguments arguments, CancellationToken cancellationToken)
    {
        TextWriter output = context.Output;
        Uri server = ServerAddress.Resolve(arguments.Server, context);
        TrustedKeySet? trusted = TrustedKeysOption.LoadOptional(arguments.KeyArguments, arguments.TrustFile, context);
        ExistingReceipt? existing = !arguments.ByLeafIndex && File.Exists(arguments.Target) ? ExistingReceipt.Read(arguments.Target) : null;
        GetReceiptRequest? request = existing is null ? RequestFor(arguments) : null;
        string? saltPath = arguments.SaltPath ?? (existing is null ? null : SaltFileBeside(existing.Path));
        SaltFile? salt = saltPath is null ? null : VerifyCommand.ReadSaltFile(saltPath);
        bool replacing = existing is not null && arguments.OutPath is null;
        string outPath = replacing ? existing!.Path : OutPath(arguments, saltPath);
        if (!replacing && (File.Exists(outPath) || Directory.Exists(outPath)))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, outPath, text.UpdateHint(outPath));
        }

        using var connection = new NotaryConnection(server);
        output.WriteLine(text.Server(connection.Address));
        LogInfo log = LogInfo.From(await connection.GetLogInfoAsync(cancellationToken).ConfigureAwait(false), text.LogInfoFrom(connection.Address));
        if (existing is not null)
        {
            // By the leaf's hash, not its index: a receipt from another log must not fetch whatever sits at that index here.
            using MerkleHasher hasher = MerkleHasher.Create(log.Origin.TreeHash);
            request = new GetReceiptRequest { DepositId = hasher.HashLeaf(existing.Proof.Leaf).ToHex() };
        }

        GetReceiptResponse response = await connection.GetReceiptAsync(request!, cancellationToken).ConfigureAwait(false);
        if (!response.Included)
        {
            output.WriteLine(text.NotYetIncluded);
            return ExitCode.NotYetIncluded;
        }

        string subject = text.ReceiptFrom(connection.Address);
        (Receipt fetched, TlogProof proof) = ReceiptJson.Parse(response.ReceiptJson, subject);
        if (existing is not null && !proof.Leaf.AsSpan().SequenceEqual(existing.Proof.Leaf))
        {
            throw new InvalidAnswerException(subject, Verdict.Fail(VerificationFailure.MalformedLeaf, $"the receipt is for another leaf than the one in {existing.Path}"));
        }

        (DepositorOpening? opening, string openingLine) = ChooseOpening(existing?.Receipt.Depositor, salt, saltPath, arguments.DepositorKeyPath, context, text);
        string receiptJson = (fetched with { Depositor = opening }).ToJson();
        VerifiedReceipt verified = ReceiptVerification.Verify(
            receiptJson,
            log,
            trusted,
            salt is null ? null : new DepositEvidence(salt.UnitsRoot, salt.UnitCount),
            text,
            connection.Address);
        Checkpoint checkpoint = verified.WithLogKeys.Checkpoint!;
        string? growthLine = existing is null
            ? null
            : await CheckGrowthAsync(connection, log, existing, checkpoint, text, cancellationToken).ConfigureAwait(false);

        if (replacing)
        {
            OutputFile.Replace(outPath, receiptJson);
        }
        else
        {
            OutputFile.WriteNew(outPath, receiptJson, ownerOnly: false, text.UpdateHint(outPath));
        }

        output.WriteLine(report.OriginLabel + log.Origin);
        output.WriteLine(report.LeafIndexLabel + proof.LeafIndex.ToString(CultureInfo.InvariantCulture));
        output.WriteLine(text.Included(checkpoint.TreeSize));
        if (growthLine is not null)
        {
            output.WriteLine(growthLine);
        }

        output.WriteLine(replacing ? text.ReceiptUpdated(outPath) : text.ReceiptSaved(outPath));
        output.WriteLine(openingLine);
        ReceiptVerification.Write(output, text, verified);
        return ExitCode.Success;
    }

    private static GetReceiptRequest RequestFor(ReceiptArguments arguments)
    {
        if (arguments.ByLeafIndex)
        {
            return ulong.TryParse(arguments.Target, NumberStyles.None, CultureInfo.InvariantCulture, out ulong leafIndex)
                ? new GetReceiptRequest { LeafIndex = leafIndex }
                : throw new OnlineInputException(OnlineProblem.LeafIndexMalformed, arguments.Target);
        }

        return arguments.Target.Length == 2 * Digest.SizeInBytes && arguments.Target.All(char.IsAsciiHexDigitLower)
            ? new GetReceiptRequest { DepositId = arguments.Target }
            : throw new OnlineInputException(OnlineProblem.DepositIdMalformed, arguments.Target);
    }

    /// <summary>Where a fetched (not updated) receipt goes: <c>--out</c>, else beside its salt file, else the current folder.</summary>
    private static string OutPath(ReceiptArguments arguments, string? saltPath)
    {
        if (arguments.OutPath is not null)
        {
            return Path.GetFullPath(arguments.OutPath);
        }

        if (saltPath is not null && DepositFiles.TryFromFileName(saltPath, out DepositFiles? files))
        {
            return files!.ReceiptPath;
        }

        string name = arguments.ByLeafIndex ? "leaf-" + arguments.Target : arguments.Target;
        return Path.GetFullPath(name + DepositFiles.ReceiptSuffix);
    }

    /// <summary><c>NAME.salt.json</c> beside <c>NAME.receipt.json</c>, if it is there.</summary>
    private static string? SaltFileBeside(string receiptPath) =>
        DepositFiles.TryFromFileName(receiptPath, out DepositFiles? files) && File.Exists(files!.SaltPath) ? files.SaltPath : null;

    private static (DepositorOpening? Opening, string Line) ChooseOpening(
        DepositorOpening? kept,
        SaltFile? salt,
        string? saltPath,
        string? depositorKeyOption,
        CliContext context,
        OnlineText text)
    {
        if (kept is not null)
        {
            return (kept, text.OpeningKept);
        }

        if (salt is null)
        {
            return (null, text.NoOpeningWithoutSalt);
        }

        string keyPath = DepositorKey.ResolvePath(depositorKeyOption, context);
        using DepositorKey? key = DepositorKey.LoadIfExists(keyPath);
        return key is null
            ? (null, text.NoOpeningWithoutKey(keyPath))
            : (new DepositorOpening(key.Fingerprint, salt.MasterSalt.DerivePartySalt()), text.OpeningAdded(saltPath!));
    }

    /// <summary>Proves that the new checkpoint extends the old receipt's; returns the line that says so.</summary>
    private static async Task<string> CheckGrowthAsync(
        NotaryConnection connection,
        LogInfo log,
        ExistingReceipt existing,
        Checkpoint latest,
        OnlineText text,
        CancellationToken cancellationToken)
    {
        Verdict verdict = CheckpointVerifier.Verify(existing.Proof.CheckpointNote, log.Keys, out VerifiedCheckpoint? verified);
        if (!verdict.IsValid)
        {
            throw new InvalidAnswerException(text.CheckpointFile(existing.Path), verdict);
        }

        string subject = text.ConsistencyProofFrom(connection.Address);
        Checkpoint old = verified!.Checkpoint;
        if (latest.TreeSize < old.TreeSize)
        {
            throw new InvalidAnswerException(subject, Verdict.Fail(
                VerificationFailure.SizeDecreased,
                $"the log's checkpoint has tree size {latest.TreeSize}, smaller than the {old.TreeSize} of the receipt in {existing.Path}"),
                text.NotAnExtension);
        }

        if (latest.TreeSize == old.TreeSize)
        {
            return latest.Root == old.Root
                ? text.LogUnchanged(latest.TreeSize)
                : throw new InvalidAnswerException(subject, Verdict.Fail(
                    VerificationFailure.RootMismatch,
                    $"two checkpoints of tree size {latest.TreeSize} with different roots {old.Root.ToHex()} and {latest.Root.ToHex()}"),
                    text.NotAnExtension);
        }

        GetConsistencyProofResponse response = await connection.GetConsistencyProofAsync(old.TreeSize, latest.TreeSize, cancellationToken).ConfigureAwait(false);
        Digest[] proof = ProofHashes.Read(response.Proof, subject);
        using MerkleHasher hasher = MerkleHasher.Create(log.Origin.TreeHash);
        verdict = ConsistencyProof.Verify(hasher, old.TreeSize, latest.TreeSize, proof, old.Root, latest.Root);
        return verdict.IsValid ? text.LogGrew(old.TreeSize, latest.TreeSize) : throw new InvalidAnswerException(subject, verdict, text.NotAnExtension);
    }
}
