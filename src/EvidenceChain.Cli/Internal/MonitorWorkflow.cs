using EvidenceChain.Chain.Ethereum;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>monitor</c>: checks that what the notary anchored on chain is one append-only log. It reads
/// every Anchored event of the log from the contract, in order of tree size, and for each
/// consecutive pair asks the server for the consistency proof and verifies it with Core against the
/// roots on chain (not the server's word for them); then it checks that the server's latest signed
/// checkpoint extends the last anchor. The last anchor it verified is kept in a state file, so the
/// next run starts there, after checking that the chain still holds that root at that size.
/// </summary>
/// <remarks>
/// The log id is computed here, as SHA-256 of the origin; the contract is the one pinned with
/// <c>--contract</c> when given, since a monitor should not learn from the server it watches where
/// to look. The chain's head is read before the server's checkpoint: every anchor mined by then is
/// of a checkpoint signed by then, so an anchor larger than that checkpoint is never a race, always
/// a tree the log does not have.
/// </remarks>
internal static class MonitorWorkflow
{
    /// <summary>What <see cref="AnchorChain.Kind"/> says for an EVM chain.</summary>
    public const string EvmKind = "evm";

    public static async Task<ExitCode> RunAsync(
        CliContext context,
        OnlineText online,
        ReportText report,
        MonitorText text,
        MonitorArguments arguments,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(arguments);
        try
        {
            return arguments.WatchSeconds is uint seconds
                ? await WatchAsync(context, online, report, text, arguments, seconds, cancellationToken).ConfigureAwait(false)
                : await CheckAsync(context, online, text, arguments, firstRound: true, cancellationToken).ConfigureAwait(false);
        }
        catch (MonitorAlarmException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + text.Describe(e));
            return ExitCode.Invalid;
        }
        catch (MonitorInputException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + text.Describe(e.Problem, e.Subject, e.Detail));
            return ExitCode.UnusableInput;
        }
        catch (AnchorEventReader.ChainReadException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + text.Describe(MonitorProblem.ChainUnreadable, RpcName(arguments.Rpc), e.Message));
            return ExitCode.UnusableInput;
        }
    }

    /// <summary>
    /// Checks every <paramref name="seconds"/> until interrupted. An unreachable server or chain is
    /// reported and tried again next round; an inconsistency or unusable input ends the watch.
    /// </summary>
    private static async Task<ExitCode> WatchAsync(
        CliContext context,
        OnlineText online,
        ReportText report,
        MonitorText text,
        MonitorArguments arguments,
        uint seconds,
        CancellationToken cancellationToken)
    {
        try
        {
            for (bool firstRound = true; ; firstRound = false)
            {
                try
                {
                    await CheckAsync(context, online, text, arguments, firstRound, cancellationToken).ConfigureAwait(false);
                }
                catch (ServerException e) when (!cancellationToken.IsCancellationRequested)
                {
                    context.Error.WriteLine(report.ErrorPrefix + OnlineCommand.Describe(online, e) + text.Retrying(seconds));
                }
                catch (AnchorEventReader.ChainReadException e) when (!cancellationToken.IsCancellationRequested)
                {
                    context.Error.WriteLine(report.ErrorPrefix + text.Describe(MonitorProblem.ChainUnreadable, RpcName(arguments.Rpc), e.Message) + text.Retrying(seconds));
                }

                context.Output.WriteLine(text.Waiting(seconds));
                await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted: every round that finished was consistent.
            return ExitCode.Success;
        }
    }

    /// <summary>One check: from the state file (or the first block) to the chain's head.</summary>
    private static async Task<ExitCode> CheckAsync(CliContext context, OnlineText online, MonitorText text, MonitorArguments arguments, bool firstRound, CancellationToken cancellationToken)
    {
        TextWriter output = context.Output;
        using NotaryConnection connection = NotaryConnection.Open(arguments.Server, context);
        Uri rpc = ResolveRpc(arguments.Rpc);
        string rpcName = RpcName(arguments.Rpc);
        string? pinnedContract = arguments.Contract is null ? null : ValidateContract(arguments.Contract);
        TrustedKeySet? trusted = TrustedKeysOption.LoadOptional(arguments.KeyArguments, arguments.TrustFile, context);

        GetLogInfoResponse info = await connection.GetLogInfoAsync(cancellationToken).ConfigureAwait(false);
        LogInfo log = LogInfo.From(info, online.LogInfoFrom(connection.Address));
        string origin = log.Origin.ToString();
        Digest logId = log.Origin.OriginHash;
        AnchorChain? announced = info.AnchorChain;
        if (announced is { LogId.Length: > 0 } && !announced.LogId.Span.SequenceEqual(Digest.AsBytes(logId)))
        {
            string serverLogId = Convert.ToHexStringLower(announced.LogId.Span);
            throw new MonitorAlarmException(
                MonitorAlarm.LogIdMismatch,
                text.LogIdMismatch(serverLogId, logId.ToHex()),
                $"GetLogInfo of {connection.Address}: anchor_chain.log_id {serverLogId}, origin '{origin}'");
        }

        if (announced is { Kind.Length: > 0 } && announced.Kind != EvmKind)
        {
            throw new MonitorInputException(MonitorProblem.AnchorKindUnsupported, announced.Kind);
        }

        string? announcedContract = announced is { Contract.Length: > 0 } ? announced.Contract : null;
        string contract = pinnedContract
            ?? (announcedContract is null ? throw new MonitorInputException(MonitorProblem.ContractUnknown, connection.Address) : ValidateContract(announcedContract));

        using var reader = new AnchorEventReader(rpc, contract);
        ulong chainId = await reader.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        await CheckChainAsync(reader, announced, chainId, rpcName, cancellationToken).ConfigureAwait(false);
        if (firstRound)
        {
            output.WriteLine(text.Heading(origin));
            output.WriteLine(text.LogIdLine(logId.ToHex()));
            output.WriteLine(pinnedContract is null ? text.ContractFromServer(contract, chainId, rpcName) : text.ContractPinned(contract, chainId, rpcName));
            if (pinnedContract is not null && announcedContract is not null && !string.Equals(announcedContract, pinnedContract, StringComparison.OrdinalIgnoreCase))
            {
                output.WriteLine(text.ServerNamesOtherContract(announcedContract));
            }
        }

        if (!await reader.HasCodeAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new MonitorInputException(MonitorProblem.ContractNotFound, contract, $"{chainId} ({rpcName})");
        }

        string statePath = Path.GetFullPath(arguments.StatePath ?? MonitorState.DefaultPath(context, logId));
        MonitorState? state = MonitorState.ReadIfExists(statePath);
        if (state is not null && (state.Origin != origin || state.LogId != logId || state.ChainId != chainId || state.Contract != contract))
        {
            throw new MonitorInputException(
                MonitorProblem.StateOfAnotherLog,
                statePath,
                $"log {state.Origin}, chain {state.ChainId}, contract {state.Contract}; now log {origin}, chain {chainId}, contract {contract}");
        }

        // The head first, then the checkpoint (see the remarks above).
        ulong headBlock = await reader.BlockNumberAsync(cancellationToken).ConfigureAwait(false);
        GetCheckpointResponse latest = await connection.GetCheckpointAsync(cancellationToken).ConfigureAwait(false);
        Checkpoint checkpoint = VerifyCheckpoint(latest.Checkpoint, log, trusted, online, connection.Address);
        ulong anchoredTreeSize = await LatestTreeSizeAsync(reader, logId, headBlock, contract, cancellationToken).ConfigureAwait(false);

        ulong fromBlock = arguments.FromBlock;
        MonitorAnchor? verified = null;
        if (state is not null)
        {
            await CheckStillAnchoredAsync(reader, logId, state.Anchor, headBlock, statePath, text, cancellationToken).ConfigureAwait(false);
            verified = state.Anchor;

            // The same block, not the one after: another anchor of the log may follow it in that block.
            fromBlock = state.Anchor.BlockNumber;
            if (firstRound)
            {
                output.WriteLine(text.Resumed(state.Anchor.TreeSize, state.Anchor.BlockNumber, statePath));
            }
        }

        IReadOnlyList<AnchorEventReader.AnchoredEntry> events = await reader.ReadAnchoredAsync(logId, fromBlock, headBlock, arguments.BlockRangeBlocks, cancellationToken).ConfigureAwait(false);
        List<MonitorAnchor> anchors = NewAnchors(events, verified, text);
        ulong lastTreeSize = anchors.Count > 0 ? anchors[^1].TreeSize : verified?.TreeSize ?? 0;
        if (lastTreeSize != anchoredTreeSize)
        {
            // A monitor that misses an anchor is silent exactly when it should speak: the events must end where the contract's state does.
            throw new MonitorInputException(
                MonitorProblem.EventsIncomplete,
                rpcName,
                $"the contract's latest anchored tree size of the log is {anchoredTreeSize} as of block {headBlock}, but the Anchored events read from block {fromBlock} end at tree size {lastTreeSize}"
                + (state is null && fromBlock > 0 ? " (is --from-block later than the log's first anchor?)" : string.Empty));
        }

        using MerkleHasher hasher = MerkleHasher.Create(log.Origin.TreeHash);
        MonitorAnchor? resumedFrom = verified;
        void Keep()
        {
            if (verified is not null && verified != resumedFrom)
            {
                new MonitorState(origin, logId, chainId, contract, verified).Write(statePath);
            }
        }

        foreach (MonitorAnchor anchor in anchors)
        {
            if (anchor.TreeSize > checkpoint.TreeSize)
            {
                Keep();
                throw new MonitorAlarmException(
                    MonitorAlarm.AnchorBeyondLog,
                    text.AnchorBeyondLog(text.Describe(anchor), checkpoint.TreeSize),
                    $"anchored tree size {anchor.TreeSize}, the latest signed checkpoint of {connection.Address} has tree size {checkpoint.TreeSize} and root {checkpoint.Root.ToHex()}");
            }

            if (verified is null)
            {
                output.WriteLine(text.FirstAnchor(text.Describe(anchor)));
            }
            else
            {
                Verdict verdict = await VerifyConsistencyAsync(connection, hasher, verified.TreeSize, verified.Root, anchor.TreeSize, anchor.Root, cancellationToken).ConfigureAwait(false);
                if (!verdict.IsValid)
                {
                    Keep();
                    throw new MonitorAlarmException(MonitorAlarm.AnchorsInconsistent, text.AnchorsInconsistent(text.Describe(anchor), text.Describe(verified)), verdict.ToString());
                }

                output.WriteLine(text.AnchorVerified(text.Describe(anchor), verified.TreeSize));
            }

            verified = anchor;
        }

        if (verified is null)
        {
            output.WriteLine(text.SummaryNone(fromBlock, headBlock));
            return ExitCode.Success;
        }

        if (checkpoint.TreeSize == verified.TreeSize)
        {
            if (checkpoint.Root != verified.Root)
            {
                Keep();
                throw new MonitorAlarmException(
                    MonitorAlarm.CheckpointInconsistent,
                    text.CheckpointInconsistent(checkpoint.TreeSize, checkpoint.Root.ToHex(), text.Describe(verified)),
                    $"{VerificationFailure.RootMismatch}: equal sizes {checkpoint.TreeSize} but different roots");
            }

            output.WriteLine(text.CheckpointIsAnchored(checkpoint.TreeSize));
        }
        else
        {
            Verdict verdict = await VerifyConsistencyAsync(connection, hasher, verified.TreeSize, verified.Root, checkpoint.TreeSize, checkpoint.Root, cancellationToken).ConfigureAwait(false);
            if (!verdict.IsValid)
            {
                Keep();
                throw new MonitorAlarmException(
                    MonitorAlarm.CheckpointInconsistent,
                    text.CheckpointInconsistent(checkpoint.TreeSize, checkpoint.Root.ToHex(), text.Describe(verified)),
                    verdict.ToString());
            }

            output.WriteLine(text.CheckpointExtends(checkpoint.TreeSize, verified.TreeSize));
        }

        if (firstRound && trusted is null)
        {
            output.WriteLine(text.CheckpointKeysFromServer);
        }

        Keep();
        output.WriteLine(anchors.Count > 0
            ? text.Summary(anchors.Count, anchors[0].TreeSize, anchors[^1].TreeSize, fromBlock, headBlock)
            : text.SummaryNoNew(verified.TreeSize, fromBlock, headBlock));
        output.WriteLine(text.StateSaved(statePath));
        return ExitCode.Success;
    }

    /// <summary>The chain at <c>--rpc</c> must be the one the server says it anchors on, when it says.</summary>
    private static async Task CheckChainAsync(AnchorEventReader reader, AnchorChain? announced, ulong chainId, string rpcName, CancellationToken cancellationToken)
    {
        if (announced is null)
        {
            return;
        }

        if (announced.ChainId != 0 && announced.ChainId != chainId)
        {
            throw new MonitorInputException(MonitorProblem.ChainMismatch, rpcName, $"the server anchors on chain {announced.ChainId}, the node is of chain {chainId}");
        }

        if (announced.GenesisHash.Length > 0)
        {
            string? genesis = await reader.BlockHashAsync(0, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(genesis, announced.GenesisHash, StringComparison.OrdinalIgnoreCase))
            {
                throw new MonitorInputException(MonitorProblem.GenesisMismatch, rpcName, $"the server's genesis block is {announced.GenesisHash}, the node's is {genesis ?? "none"}");
            }
        }
    }

    /// <summary>The contract's latest anchored size of the log; a call it cannot answer means it is not EvidenceAnchor.</summary>
    private static async Task<ulong> LatestTreeSizeAsync(AnchorEventReader reader, Digest logId, ulong headBlock, string contract, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.LatestTreeSizeAsync(logId, headBlock, cancellationToken).ConfigureAwait(false);
        }
        catch (AnchorEventReader.ChainReadException e)
        {
            throw new MonitorInputException(MonitorProblem.NotAnAnchorContract, contract, e.Message, e);
        }
    }

    /// <summary>The anchor an earlier run verified must still be on chain, with the same root at the same size.</summary>
    private static async Task CheckStillAnchoredAsync(AnchorEventReader reader, Digest logId, MonitorAnchor anchor, ulong headBlock, string statePath, MonitorText text, CancellationToken cancellationToken)
    {
        Digest? root = await reader.RootAtAsync(logId, anchor.TreeSize, headBlock, cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            throw new MonitorAlarmException(
                MonitorAlarm.VerifiedAnchorMissing,
                text.VerifiedAnchorMissing(text.Describe(anchor), statePath),
                $"rootAt({logId.ToHex()}, {anchor.TreeSize}) is empty as of block {headBlock}");
        }

        if (root.Value != anchor.Root)
        {
            throw new MonitorAlarmException(
                MonitorAlarm.VerifiedAnchorChanged,
                text.VerifiedAnchorChanged(text.Describe(anchor), root.Value.ToHex(), statePath),
                $"{VerificationFailure.RootMismatch}: rootAt({logId.ToHex()}, {anchor.TreeSize}) is {root.Value.ToHex()} as of block {headBlock}, the state file says {anchor.Root.ToHex()}");
        }
    }

    /// <summary>The anchors after <paramref name="verified"/>, by tree size; two of one size are an alarm.</summary>
    private static List<MonitorAnchor> NewAnchors(IReadOnlyList<AnchorEventReader.AnchoredEntry> events, MonitorAnchor? verified, MonitorText text)
    {
        // From the state's own block on, the events include the verified anchor and any before it in that block.
        List<MonitorAnchor> anchors = events
            .Where(e => verified is null || e.TreeSize > verified.TreeSize)
            .OrderBy(e => e.TreeSize)
            .Select(e => new MonitorAnchor(e.TreeSize, e.Root, e.BlockNumber, e.TransactionHash))
            .ToList();
        for (int i = 1; i < anchors.Count; i++)
        {
            if (anchors[i].TreeSize == anchors[i - 1].TreeSize)
            {
                throw new MonitorAlarmException(
                    MonitorAlarm.TreeSizeRepeated,
                    text.TreeSizeRepeated(text.Describe(anchors[i]), text.Describe(anchors[i - 1])),
                    $"two Anchored events of tree size {anchors[i].TreeSize}");
            }
        }

        return anchors;
    }

    /// <summary>The server's latest checkpoint, verified with the log's keys and, if the user has any, the trusted ones.</summary>
    private static Checkpoint VerifyCheckpoint(string note, LogInfo log, TrustedKeySet? trusted, OnlineText online, string server)
    {
        string subject = online.CheckpointFrom(server);
        Verdict verdict = CheckpointVerifier.Verify(note, log.Keys, out VerifiedCheckpoint? verified);
        if (!verdict.IsValid)
        {
            throw new InvalidAnswerException(subject, verdict);
        }

        if (verified!.Checkpoint.Origin != log.Origin)
        {
            throw new InvalidAnswerException(subject, Verdict.Fail(VerificationFailure.OriginMismatch, $"the checkpoint is of {verified.Checkpoint.Origin}, the log is {log.Origin}"));
        }

        if (trusted is not null)
        {
            _ = CheckpointWorkflow.Verify(note, trusted, subject, out _);
        }

        return verified.Checkpoint;
    }

    /// <summary>
    /// Asks the server for the proof from (<paramref name="firstSize"/>, <paramref name="firstRoot"/>) to
    /// (<paramref name="secondSize"/>, <paramref name="secondRoot"/>) and verifies it against those
    /// roots. Every way the answer can be wrong is a failed verdict: it is the anchors' verdict too.
    /// </summary>
    private static async Task<Verdict> VerifyConsistencyAsync(
        NotaryConnection connection,
        MerkleHasher hasher,
        ulong firstSize,
        Digest firstRoot,
        ulong secondSize,
        Digest secondRoot,
        CancellationToken cancellationToken)
    {
        GetConsistencyProofResponse response = await connection.GetConsistencyProofAsync(firstSize, secondSize, cancellationToken).ConfigureAwait(false);
        if (response.FirstTreeSize != firstSize || response.SecondTreeSize != secondSize)
        {
            return Verdict.Fail(
                VerificationFailure.WrongProofLength,
                $"asked {connection.Address} for {firstSize} to {secondSize}, the answer is for {response.FirstTreeSize} to {response.SecondTreeSize}");
        }

        if (response.Proof.Count > ProofPlan.ProofLengthMax || response.Proof.Any(hash => hash.Length != Digest.SizeInBytes))
        {
            return Verdict.Fail(VerificationFailure.WrongProofLength, $"the proof has {response.Proof.Count} hashes, not all of {Digest.SizeInBytes} bytes, or more than {ProofPlan.ProofLengthMax}");
        }

        Digest[] proof = response.Proof.Select(hash => Digest.Read(hash.Span)).ToArray();
        return ConsistencyProof.Verify(hasher, firstSize, secondSize, proof, firstRoot, secondRoot);
    }

    private static Uri ResolveRpc(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.UserInfo.Length == 0
            ? uri
            : throw new MonitorInputException(MonitorProblem.RpcAddressInvalid, value);

    /// <summary>The node as messages name it: scheme, host and port only, since a provider's path often holds an access key.</summary>
    private static string RpcName(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) ? uri.GetLeftPart(UriPartial.Authority) : value;

    private static string ValidateContract(string value) =>
        AnchorEventReader.IsAddress(value) ? value.ToLowerInvariant() : throw new MonitorInputException(MonitorProblem.ContractAddressInvalid, value);
}
