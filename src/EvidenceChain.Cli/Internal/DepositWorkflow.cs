using System.Globalization;
using System.Security.Cryptography;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Grpc.Core;
using CoreDepositEntry = EvidenceChain.Core.Deposits.DepositEntry;
using CoreDepositRequest = EvidenceChain.Core.Deposits.DepositRequest;
using WireDepositEntry = EvidenceChain.Protocol.V1.DepositEntry;
using WireDepositRequest = EvidenceChain.Protocol.V1.DepositRequest;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>deposit</c>, step by step. The order is the point: local inputs are checked before the server
/// is asked or the content read; the salt file is on disk (owner-only, flushed) before anything is
/// sent, because a deposit whose salt is lost can never be proven; only commitments and the party
/// salt leave the machine, signed with the depositor's key for this log; every answer is verified
/// before it is written; and nothing already written is overwritten.
/// </summary>
internal static class DepositWorkflow
{
    public static async Task<ExitCode> RunAsync(CliContext context, OnlineText text, ReportText report, DepositArguments arguments, CancellationToken cancellationToken)
    {
        TextWriter output = context.Output;
        using NotaryConnection connection = NotaryConnection.Open(arguments.Server, context);
        TrustedKeySet? trusted = TrustedKeysOption.LoadOptional(arguments.KeyArguments, arguments.TrustFile, context);
        DepositContent content = FileKinds.Get(Path.GetFullPath(arguments.ContentPath)) == FileKind.Directory
            ? DepositContent.FromDirectory(arguments.ContentPath)
            : DepositContent.FromFile(arguments.ContentPath);
        DepositFiles files = DepositFiles.Beside(content, arguments.OutDirectory);
        string? existing = files.All.FirstOrDefault(path => File.Exists(path) || Directory.Exists(path));
        if (existing is not null)
        {
            throw new OnlineInputException(OnlineProblem.DepositFileExists, existing);
        }

        // Planning reads no content: a wrong chunk size or too many files fails before anything else.
        content.PlanUnits(arguments.ChunkSizeBytes);
        using DepositorKey key = DepositorKey.LoadOrCreate(DepositorKey.ResolvePath(arguments.DepositorKeyPath, context), RandomNumberGenerator.Fill, out bool created);
        if (created)
        {
            output.WriteLine(text.DepositorKeyCreated(key.FilePath));
        }

        output.WriteLine(text.Server(connection.Address));
        LogInfo log = LogInfo.From(await connection.GetLogInfoAsync(cancellationToken).ConfigureAwait(false), text.LogInfoFrom(connection.Address));
        output.WriteLine(report.OriginLabel + log.Origin);
        output.WriteLine(text.Content(content.SourcePath, report.Kind(arguments.Kind)));

        MasterSalt masterSalt = MasterSalt.Create(RandomNumberGenerator.Fill);
        SaltFile saltFile = ProgressDisplay.Run(
            context,
            report.HashingProgress,
            content.TotalLengthBytes,
            advance => content.CreateSaltFile(masterSalt, arguments.ChunkSizeBytes, advance));
        OutputFile.WriteNew(files.SaltPath, saltFile.ToJson(), ownerOnly: true);
        output.WriteLine(report.UnitCountLabel + saltFile.UnitCount.ToString(CultureInfo.InvariantCulture));
        output.WriteLine(text.SaltFileWritten(files.SaltPath));
        WriteSaltWarning(output, files.SaltPath);

        DerivedSalt partySalt = masterSalt.DerivePartySalt();
        var entry = new CoreDepositEntry(arguments.Kind, saltFile.UnitCount, saltFile.UnitsRoot, partySalt);
        // Stamped (v2): the notary takes this signed request once, within minutes of its clock.
        var request = new CoreDepositRequest(log.Origin, [entry], RequestStamp.Create(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), RandomNumberGenerator.Fill));
        DepositResponse response;
        try
        {
            response = await connection.DepositAsync(ToWire(request, key), cancellationToken).ConfigureAwait(false);
        }
        catch (ServerException e)
        {
            context.Error.WriteLine(report.ErrorPrefix + OnlineCommand.Describe(text, e) + ForgetSaltFileIfRefused(e, files.SaltPath, text));
            return ExitCode.UnusableInput;
        }

        (AcceptedDeposit accepted, PromiseSection promise) = ReadAnswer(response, text.PromiseFrom(connection.Address));
        byte[] leaf = accepted.Leaf.ToByteArray();
        Verdict verdict = PromiseVerification.Verify(log, entry, key.Fingerprint, leaf, accepted.DepositId, promise);
        if (!verdict.IsValid)
        {
            throw new InvalidAnswerException(text.PromiseFrom(connection.Address), verdict);
        }

        var promiseFile = new PromiseFile(connection.Address, log.Origin.ToString(), accepted.DepositId, accepted.LeafIndex, leaf, promise);
        OutputFile.WriteNew(files.PromisePath, promiseFile.ToJson(), ownerOnly: false);
        output.WriteLine(text.Accepted(accepted.DepositId, accepted.LeafIndex));
        output.WriteLine(text.PromiseSaved(files.PromisePath));

        output.WriteLine(text.Waiting(arguments.WaitSeconds));
        string receiptCommandLine = ReceiptCommandLine(accepted.DepositId, files.SaltPath, connection.Address, arguments.Server);
        GetReceiptResponse? included;
        try
        {
            var receiptRequest = new GetReceiptRequest { DepositId = accepted.DepositId };
            included = await Polling.ForCheckpoint.WaitAsync(
                async token => await connection.GetReceiptAsync(receiptRequest, token).ConfigureAwait(false) is { Included: true } response ? response : null,
                TimeSpan.FromSeconds(arguments.WaitSeconds),
                cancellationToken).ConfigureAwait(false);
        }
        catch (ServerException e)
        {
            // The deposit stands; only the wait failed. The line says how to finish.
            context.Error.WriteLine(report.ErrorPrefix + OnlineCommand.Describe(text, e) + text.AcceptedRunReceiptLater(receiptCommandLine));
            return ExitCode.UnusableInput;
        }

        if (included is null)
        {
            output.WriteLine(text.WaitTimedOut(arguments.WaitSeconds, receiptCommandLine));
            return ExitCode.NotYetIncluded;
        }

        (Receipt fetched, _) = ReceiptJson.Parse(included.ReceiptJson, text.ReceiptFrom(connection.Address));
        string receiptJson = (fetched with { Depositor = new DepositorOpening(key.Fingerprint, partySalt) }).ToJson();
        VerifiedReceipt verified = ReceiptVerification.Verify(
            receiptJson,
            log,
            trusted,
            new DepositEvidence(saltFile.UnitsRoot, saltFile.UnitCount),
            text,
            connection.Address);
        OutputFile.WriteNew(files.ReceiptPath, receiptJson, ownerOnly: false);
        output.WriteLine(text.Included(verified.WithLogKeys.Checkpoint!.TreeSize));
        output.WriteLine(text.ReceiptSaved(files.ReceiptPath));
        output.WriteLine(report.DepositorLabel + key.Fingerprint.ToHex());
        ReceiptVerification.Write(output, text, verified);
        return ExitCode.Success;
    }

    /// <summary>The warning about the salt file, in Chinese and in English whatever the language: it must not be missed.</summary>
    private static void WriteSaltWarning(TextWriter output, string saltPath)
    {
        output.WriteLine();
        output.WriteLine(OnlineText.Chinese.SaltWarning(saltPath));
        output.WriteLine(OnlineText.English.SaltWarning(saltPath));
        output.WriteLine();
    }

    private static WireDepositRequest ToWire(CoreDepositRequest request, DepositorKey key)
    {
        var wire = new WireDepositRequest
        {
            RequestId = 1,
            DepositorPublicKey = ByteString.CopyFrom(key.PublicKey),
            Signature = ByteString.CopyFrom(key.Sign(request)),
            IssuedAtMs = request.Stamp?.IssuedAtMs ?? 0,
            Nonce = request.Stamp is null ? ByteString.Empty : ByteString.CopyFrom(request.Stamp.Nonce),
        };
        foreach (CoreDepositEntry entry in request.Entries)
        {
            wire.Entries.Add(new WireDepositEntry
            {
                Kind = (Protocol.V1.ContentKind)(int)entry.Kind,
                UnitCount = entry.UnitCount,
                UnitsRootSha256 = ByteString.CopyFrom(Digest.AsBytes(entry.UnitsRoot.Sha256)),
                UnitsRootSm3 = ByteString.CopyFrom(Digest.AsBytes(entry.UnitsRoot.Sm3)),
                PartySalt = ByteString.CopyFrom(Digest.AsBytes(entry.PartySalt.Value)),
            });
        }

        return wire;
    }

    /// <summary>The one deposit of the answer and its promise, in the shape of a receipt's promise section.</summary>
    private static (AcceptedDeposit Accepted, PromiseSection Promise) ReadAnswer(DepositResponse response, string subject)
    {
        if (response.Deposits.Count != 1 || response.PromiseOfDeposit.Count != 1 || response.PromiseOfDeposit[0] >= response.PromiseNotes.Count)
        {
            throw new InvalidAnswerException(subject, Verdict.Fail(
                VerificationFailure.MalformedPromise,
                $"one deposit was sent; the answer has {response.Deposits.Count} deposits and {response.PromiseNotes.Count} promises"));
        }

        AcceptedDeposit accepted = response.Deposits[0];
        var promise = new PromiseSection(response.PromiseNotes[(int)response.PromiseOfDeposit[0]], accepted.BatchIndex, ProofHashes.Read(accepted.BatchProof, subject));
        return (accepted, promise);
    }

    /// <summary>
    /// A salt file commits to nothing if the request certainly never became a deposit: the connection
    /// failed, or the service refused it (it changes nothing when it does). Then it goes, so the same
    /// content can be deposited again at once. After any other failure the deposit may have been
    /// accepted and its salt is the only proof: it stays. (RESOURCE_EXHAUSTED is the service's "queue
    /// full"; the client's own receive limit, which also reports it, is far above a one-deposit answer.)
    /// </summary>
    private static string ForgetSaltFileIfRefused(ServerException exception, string saltPath, OnlineText text)
    {
        bool refused = exception.IsUnreachable
            || exception.Code is StatusCode.InvalidArgument or StatusCode.ResourceExhausted or StatusCode.FailedPrecondition
                or StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.Unimplemented;
        if (!refused)
        {
            return text.SaltFileKept(saltPath);
        }

        File.Delete(saltPath);
        return text.SaltFileRemoved(saltPath);
    }

    /// <summary>The command that finishes the deposit later: the same server and the certificate files given now (those from the environment are found again there).</summary>
    private static string ReceiptCommandLine(string depositId, string saltPath, string server, ServerChoice given) =>
        $"evidencechain receipt {depositId} --salt {Quote(saltPath)} --server {server}"
        + (given.CertificatePath is null ? string.Empty : $" --cert {Quote(Path.GetFullPath(given.CertificatePath))}")
        + (given.KeyPath is null ? string.Empty : $" --cert-key {Quote(Path.GetFullPath(given.KeyPath))}")
        + (given.CaPath is null ? string.Empty : $" --ca {Quote(Path.GetFullPath(given.CaPath))}");

    private static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '&' or ';') ? $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'" : path;
}
