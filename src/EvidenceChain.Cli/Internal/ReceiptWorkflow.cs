using System.Globalization;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Protocol.V1;
using AnchorState = EvidenceChain.Core.Receipts.AnchorState;
using ProtoAnchorState = EvidenceChain.Protocol.V1.AnchorState;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>receipt</c>, step by step: fetch a deposit's receipt, by deposit id, leaf index, or from an
/// existing receipt file (an upgrade). Which checkpoint it proves against: the one of the earliest
/// landed anchor covering the deposit, if the server reports one (so its anchor proves the earliest
/// time on chain), else the latest. With <c>--until</c>, it first asks the server's anchor status
/// until an anchor covering the deposit is included or final, bounded by <c>--timeout</c>. The
/// depositor opening is kept, or added from the salt file and the depositor key; an upgrade keeps
/// every section the CLI does not read. An upgrade also proves that the new checkpoint and the old
/// receipt's are of one log (a consistency proof), so a notary that rewrote history is caught by the
/// depositor, not years later in court. Nothing that fails a check is written.
/// </summary>
internal static class ReceiptWorkflow
{
    public static async Task<ExitCode> RunAsync(
        CliContext context,
        OnlineText text,
        ReportText report,
        ReceiptAnchorText anchorText,
        ReceiptArguments arguments,
        CancellationToken cancellationToken)
    {
        TextWriter output = context.Output;
        using NotaryConnection connection = NotaryConnection.Open(arguments.Server, context);
        TrustedKeySet? trusted = TrustedKeysOption.LoadOptional(arguments.KeyArguments, arguments.TrustFile, context);
        bool isFile = !arguments.ByLeafIndex && File.Exists(arguments.Target);
        PromiseFile? promised = isFile && PromiseFile.IsPromiseFile(arguments.Target) ? PromiseFile.Read(arguments.Target) : null;
        ExistingReceipt? existing = isFile && promised is null ? ExistingReceipt.Read(arguments.Target) : null;
        GetReceiptRequest? request = existing is not null ? null
            : promised is not null ? new GetReceiptRequest { DepositId = promised.DepositId }
            : RequestFor(arguments);
        string? saltPath = arguments.SaltPath ?? (existing is not null ? SaltFileBeside(existing.Path) : promised is not null ? SaltFileBeside(arguments.Target) : null);
        SaltFile? salt = saltPath is null ? null : VerifyCommand.ReadSaltFile(saltPath);
        bool replacing = existing is not null && arguments.OutPath is null;
        string outPath = replacing ? existing!.Path : OutPath(arguments, saltPath);
        // A promise file is asked about first (is the deposit still in the log?); the receipt is written only if it is.
        if (!replacing && promised is null && (File.Exists(outPath) || Directory.Exists(outPath)))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, outPath, text.UpdateHint(outPath));
        }

        output.WriteLine(text.Server(connection.Address));
        GetLogInfoResponse info = await connection.GetLogInfoAsync(cancellationToken).ConfigureAwait(false);
        LogInfo log = LogInfo.From(info, text.LogInfoFrom(connection.Address));
        if (existing is not null)
        {
            // By the leaf's hash, not its index: a receipt from another log must not fetch whatever sits at that index here.
            using MerkleHasher hasher = MerkleHasher.Create(log.Origin.TreeHash);
            request = new GetReceiptRequest { DepositId = hasher.HashLeaf(existing.Proof.Leaf).ToHex() };
        }

        if (promised is not null)
        {
            // The file is the depositor's proof that this log acknowledged the deposit: it must verify with the log's keys.
            Verdict promiseVerdict = VerifyPromiseFile(log, promised);
            if (!promiseVerdict.IsValid)
            {
                throw new InvalidAnswerException(arguments.Target, promiseVerdict);
            }
        }

        string subject = text.ReceiptFrom(connection.Address);
        var fetch = new AnchoredFetch(connection, request!, subject);
        GetReceiptResponse? response = null;
        if (arguments.Until is AnchorState until)
        {
            if (info.AnchorChain is null)
            {
                context.Error.WriteLine(report.ErrorPrefix + anchorText.AnchoringOff(connection.Address, anchorText.UntilState(until)));
                return ExitCode.UnusableInput;
            }

            output.WriteLine(anchorText.Waiting(anchorText.UntilState(until), arguments.TimeoutSeconds));
            response = await Polling.ForAnchor.WaitAsync(
                token => fetch.ReceiptOnceAnchoredAsync(until, token),
                TimeSpan.FromSeconds(arguments.TimeoutSeconds),
                cancellationToken).ConfigureAwait(false);
        }

        bool untilReached = response is not null;
        try
        {
            response ??= await fetch.ReceiptAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ServerException e) when (e.Code == Grpc.Core.StatusCode.NotFound && (existing is not null || promised is not null))
        {
            // The log signed for this leaf (a promise or a receipt, checked with its keys) and no longer has it: it
            // was restored from a backup taken before the deposit. Say so, instead of "not found".
            output.WriteLine(existing is not null
                ? text.NotInRestoredLog(request!.DepositId, existing.Proof.LeafIndex, existing.Path)
                : text.NotInRestoredLog(promised!.DepositId, promised.LeafIndex, Path.GetFullPath(arguments.Target)));
            return ExitCode.NotInLog;
        }
        if (!response.Included)
        {
            output.WriteLine(text.NotYetIncluded);
            return ExitCode.NotYetIncluded;
        }

        (Receipt fetched, TlogProof proof) = ReceiptJson.Parse(response.ReceiptJson, subject);
        if (existing is not null && !proof.Leaf.AsSpan().SequenceEqual(existing.Proof.Leaf))
        {
            throw new InvalidAnswerException(subject, Verdict.Fail(VerificationFailure.MalformedLeaf, $"the receipt is for another leaf than the one in {existing.Path}"));
        }

        IReadOnlyList<EvmAnchorSection> fetchedAnchors = ReceiptJson.EvmAnchors(fetched, subject);
        (DepositorOpening? opening, string openingLine) = ChooseOpening(existing?.Receipt.Depositor, salt, saltPath, arguments.DepositorKeyPath, context, text);
        Receipt written = existing is null
            ? fetched with { Depositor = opening }
            : existing.Upgrade(fetched, fetchedAnchors, ReceiptJson.Timestamps(fetched, subject), opening);
        string receiptJson = written.ToJson();
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
            : await CheckGrowthAsync(connection, log, existing, checkpoint, text, anchorText, cancellationToken).ConfigureAwait(false);

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
        WriteAnchors(output, report, anchorText, ReceiptJson.EvmAnchors(written, subject), anchoringEnabled: info.AnchorChain is not null);
        ReceiptVerification.Write(output, text, verified);
        if (arguments.Until is AnchorState wanted && !untilReached)
        {
            output.WriteLine(anchorText.TimedOut(anchorText.UntilState(wanted), arguments.TimeoutSeconds, LaterCommandLine(outPath, wanted, connection.Address)));
            return ExitCode.NotYetIncluded;
        }

        return ExitCode.Success;
    }

    /// <summary>Each evm anchor the written receipt holds: its state, chain and contract, and for a landed one the transaction and block.</summary>
    private static void WriteAnchors(TextWriter output, ReportText report, ReceiptAnchorText anchorText, IReadOnlyList<EvmAnchorSection> anchors, bool anchoringEnabled)
    {
        if (anchors.Count == 0)
        {
            if (anchoringEnabled)
            {
                output.WriteLine(anchorText.NoAnchorYet);
            }

            return;
        }

        foreach (EvmAnchorSection anchor in anchors)
        {
            string state = report.AnchorStateText(anchor.Status);
            output.WriteLine((anchor.Status, anchor.Landing) switch
            {
                (AnchorState.Lost, _) => anchorText.Lost(state, anchor.ChainId, anchor.Contract, anchor.TreeSize),
                (_, EvmLanding landing) => anchorText.Landed(
                    state,
                    anchor.ChainId,
                    anchor.Contract,
                    anchor.TreeSize,
                    landing.TransactionHash,
                    landing.BlockNumber,
                    landing.BlockHash,
                    ReportWriter.FormatBlockTime(landing.BlockTime, report)),
                _ => anchorText.Pending(state, anchor.ChainId, anchor.Contract, anchor.TreeSize),
            });
        }

        if (anchors.Any(a => a.Landing is not null && a.Status != AnchorState.Lost))
        {
            output.WriteLine(anchorText.CheckOnChain);
        }
    }

    private static string LaterCommandLine(string receiptPath, AnchorState until, string server) =>
        $"evidencechain receipt {receiptPath} --server {server} --until {(until == AnchorState.Final ? "final" : "included")}";

    /// <summary>
    /// The receipt fetches of one run: the anchor status of the deposit decides which checkpoint the
    /// receipt proves against. The server puts in a receipt, per chain, the first anchored checkpoint
    /// at least as large as the receipt's; asking for the receipt at exactly the tree size of the
    /// earliest landed anchor covering the deposit gets that anchor, with an empty consistency proof.
    /// </summary>
    private sealed class AnchoredFetch(NotaryConnection connection, GetReceiptRequest request, string subject)
    {
        /// <summary>The receipt at the best landed anchor's checkpoint, or at the latest when none has landed (or the server has no anchor status).</summary>
        public async Task<GetReceiptResponse> ReceiptAsync(CancellationToken cancellationToken)
        {
            GetAnchorStatusResponse? status;
            try
            {
                status = await connection.GetAnchorStatusAsync(StatusRequest(), cancellationToken).ConfigureAwait(false);
            }
            catch (ServerException e) when (e.Code == Grpc.Core.StatusCode.Unimplemented)
            {
                // A server from before anchoring: there is no anchor to choose.
                status = null;
            }

            AnchorInfo? best = status is null ? null : Best(status, AnchorState.Included);
            return await connection.GetReceiptAsync(new GetReceiptRequest(request) { TreeSize = best?.TreeSize ?? 0 }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The receipt once an anchor covering the deposit is at least <paramref name="until"/>, and
        /// the receipt the server gives at its checkpoint carries it proven (the server adds the
        /// proof moments after it sees the block); null until then.
        /// </summary>
        public async Task<GetReceiptResponse?> ReceiptOnceAnchoredAsync(AnchorState until, CancellationToken cancellationToken)
        {
            GetAnchorStatusResponse status = await connection.GetAnchorStatusAsync(StatusRequest(), cancellationToken).ConfigureAwait(false);
            if (Best(status, until) is not AnchorInfo best)
            {
                return null;
            }

            GetReceiptResponse response = await connection.GetReceiptAsync(new GetReceiptRequest(request) { TreeSize = best.TreeSize }, cancellationToken).ConfigureAwait(false);
            if (!response.Included)
            {
                return null;
            }

            (Receipt receipt, _) = ReceiptJson.Parse(response.ReceiptJson, subject);
            return ReceiptJson.EvmAnchors(receipt, subject).Any(a => a.Landing is not null && a.Status != AnchorState.Lost && a.Status >= until)
                ? response
                : null;
        }

        /// <summary>The landed anchor to prove against: final before included, then the smallest tree (the earliest anchor).</summary>
        private static AnchorInfo? Best(GetAnchorStatusResponse status, AnchorState atLeast) => status.Anchors
            .Where(a => a.State is ProtoAnchorState.Final || (a.State is ProtoAnchorState.Included && atLeast == AnchorState.Included))
            .OrderBy(a => a.State == ProtoAnchorState.Final ? 0 : 1)
            .ThenBy(a => a.TreeSize)
            .FirstOrDefault();

        private GetAnchorStatusRequest StatusRequest() => request.DepositCase == GetReceiptRequest.DepositOneofCase.LeafIndex
            ? new GetAnchorStatusRequest { LeafIndex = request.LeafIndex }
            : new GetAnchorStatusRequest { DepositId = request.DepositId };
    }

    /// <summary>A promise file's promise: signed by the log's keys, for this log, and leading from its leaf to the promised batch root.</summary>
    private static Verdict VerifyPromiseFile(LogInfo log, PromiseFile promised)
    {
        Verdict verdict = PromiseVerification.TryOpen(log, promised.Promise.Note, out Promise? parsed);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        using MerkleHasher hasher = MerkleHasher.Create(log.Origin.TreeHash);
        Digest leafHash = hasher.HashLeaf(promised.Leaf);
        if (leafHash.ToHex() != promised.DepositId)
        {
            return Verdict.Fail(VerificationFailure.MalformedLeaf, $"the deposit id {promised.DepositId} is not the leaf's hash {leafHash.ToHex()}");
        }

        return InclusionProof.Verify(hasher, promised.Promise.BatchIndex, parsed!.BatchLeafCount, leafHash, [.. promised.Promise.BatchProof], parsed.BatchRoot);
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

    /// <summary>
    /// Proves that the new checkpoint and the old receipt's are of one log: the new one extends the
    /// old, or, when the receipt moves back to an earlier anchored checkpoint, the old one extends it.
    /// Returns the line that says so.
    /// </summary>
    private static async Task<string> CheckGrowthAsync(
        NotaryConnection connection,
        LogInfo log,
        ExistingReceipt existing,
        Checkpoint latest,
        OnlineText text,
        ReceiptAnchorText anchorText,
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
            // Only an anchored checkpoint is ever asked for below the latest: it must be a prefix of the old one.
            await ProveConsistentAsync(connection, log, latest, old, subject, text, cancellationToken).ConfigureAwait(false);
            return anchorText.AnchoredCheckpoint(latest.TreeSize, old.TreeSize);
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

        await ProveConsistentAsync(connection, log, old, latest, subject, text, cancellationToken).ConfigureAwait(false);
        return text.LogGrew(old.TreeSize, latest.TreeSize);
    }

    /// <summary>Fetches and checks the consistency proof from <paramref name="first"/> to the larger <paramref name="second"/>.</summary>
    private static async Task ProveConsistentAsync(
        NotaryConnection connection,
        LogInfo log,
        Checkpoint first,
        Checkpoint second,
        string subject,
        OnlineText text,
        CancellationToken cancellationToken)
    {
        GetConsistencyProofResponse response = await connection.GetConsistencyProofAsync(first.TreeSize, second.TreeSize, cancellationToken).ConfigureAwait(false);
        Digest[] proof = ProofHashes.Read(response.Proof, subject);
        using MerkleHasher hasher = MerkleHasher.Create(log.Origin.TreeHash);
        Verdict verdict = ConsistencyProof.Verify(hasher, first.TreeSize, second.TreeSize, proof, first.Root, second.Root);
        if (!verdict.IsValid)
        {
            throw new InvalidAnswerException(subject, verdict, text.NotAnExtension);
        }
    }
}
