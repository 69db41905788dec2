using System.Buffers;
using System.Text.Json;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Records;
using EvidenceChain.Core.Signing;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The <c>case</c> commands (docs/cases.md): a notary office runs a 带押过户 case over <c>EscrowService</c>
/// (open, record artefacts it or an issuer signs here, propose and apply events, show, deadlines, statement);
/// notaries approve payouts offline (<c>approve</c>: the message decoded and shown, then signed); a court
/// verifies a saved statement offline (<c>verify</c>: proofs, then the case replayed from its opening).
/// </summary>
internal static class CaseWorkflow
{
    /// <summary>A case statement holds at most 1,000 small records; far larger files are the wrong file.</summary>
    private const int StatementFileLengthMaxBytes = 64 * 1024 * 1024;

    /// <summary>An approval file is three short fields.</summary>
    private const int ApprovalFileLengthMaxBytes = 4 * 1024;

    public static Task<ExitCode> OpenAsync(
        CliContext context, CaseText text, ServerChoice server, string caseHex, string caseNumber, string bankAccountHex, uint ledger, CancellationToken cancellationToken) =>
        OpenAsync(context, server, caseHex, caseNumber, bankAccountHex, ledger, (c, r, t) => c.OpenCaseAsync(r, t), text.Opened, cancellationToken);

    /// <summary>Opens a case of either kind with <paramref name="open"/> and prints <paramref name="opened"/> (case id, leaf).</summary>
    internal static async Task<ExitCode> OpenAsync(
        CliContext context,
        ServerChoice server,
        string caseHex,
        string caseNumber,
        string bankAccountHex,
        uint ledger,
        Func<NotaryConnection, OpenCaseRequest, CancellationToken, Task<OpenCaseResponse>> open,
        Func<string, ulong, string> opened,
        CancellationToken cancellationToken)
    {
        CaseId id = CaseArguments.CaseId(caseHex);
        var request = new OpenCaseRequest { CaseId = Hex128.Bytes(id.Value), CaseNumber = caseNumber, EscrowBankAccount = CaseArguments.AccountId(bankAccountHex), Ledger = ledger };
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        OpenCaseResponse response = await open(connection, request, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(opened(id.ToString(), response.LeafIndex));
        return ExitCode.Success;
    }

    /// <summary>The artefact is made and signed here, issued now; only its bytes go to the server, never the document.</summary>
    public static async Task<ExitCode> ArtefactAsync(CliContext context, CaseText text, ServerChoice server, CaseArtefactArguments arguments, TimeProvider time, CancellationToken cancellationToken)
    {
        CaseId id = CaseArguments.CaseId(arguments.CaseId);
        ArtefactType type = CaseArguments.Member<ArtefactType>(arguments.Type, OnlineProblem.ArtefactTypeUnknown);
        string issuer = CaseArguments.PartyId(arguments.Issuer);
        string signer = CaseArguments.PartyId(arguments.Signer ?? arguments.Issuer);
        DateOnly? validThrough = arguments.ValidThrough is string day ? IsoDay.Parse(day) : null;
        DigestPair document = HashDocument(arguments.DocumentPath);
        using Ed25519MemoryKey key = CaseSigningKey.Load(arguments.KeyPath);
        Digest fingerprint = CaseSigningKey.FingerprintOf(key);
        var artefact = new CaseArtefact(
            id, type, arguments.Subject, arguments.Leg, issuer, signer, fingerprint, time.GetUtcNow().ToUnixTimeMilliseconds(), validThrough,
            arguments.AmountFen, arguments.Reference, document.Sha256, document.Sm3, []);
        try
        {
            artefact = artefact with { Signature = key.Sign(artefact.SignedBytes()) };
        }
        catch (InvalidOperationException e)
        {
            // SignedBytes names the field out of range (a negative amount, a reference too long).
            throw new OnlineInputException(OnlineProblem.ArtefactInvalid, arguments.CaseId, e.Message);
        }

        using NotaryConnection connection = NotaryConnection.Open(server, context);
        RecordArtefactResponse response = await connection.RecordArtefactAsync(new RecordArtefactRequest { Artefact = ByteString.CopyFrom(artefact.Encode()) }, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(text.ArtefactRecorded(type.ToString(), id.ToString(), response.LeafIndex));
        context.Output.WriteLine(text.Document(document.Sha256.ToHex(), document.Sm3.ToHex()));
        context.Output.WriteLine(text.SignedBy(signer, fingerprint.ToHex()));
        return ExitCode.Success;
    }

    /// <summary>
    /// What the event would do, booking nothing. Only missing approvals is not a refusal here: the
    /// proposal's payouts and message are what the notaries approve, saved with <paramref name="outPath"/>.
    /// </summary>
    public static async Task<ExitCode> ProposeAsync(CliContext context, CaseText text, ServerChoice server, CaseEventRequest request, string? outPath, CancellationToken cancellationToken)
    {
        RefuseExisting(outPath);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ProposeTransitionResponse response = await connection.ProposeTransitionAsync(request, cancellationToken).ConfigureAwait(false);
        return WriteProposal(context, text, response, ((MortgageEvent)request.Event).ToString(), outPath);
    }

    /// <summary>An output file that already exists is refused before anything is asked of the server.</summary>
    internal static void RefuseExisting(string? outPath)
    {
        if (outPath is not null && (File.Exists(outPath) || Directory.Exists(outPath)))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, outPath);
        }
    }

    /// <summary>A proposal of either kind of case: its requirements, then its refusal, or its transfers, payouts and the approval message saved.</summary>
    internal static ExitCode WriteProposal(CliContext context, CaseText text, ProposeTransitionResponse response, string eventName, string? outPath)
    {
        for (int i = 0; i < response.Requirements.Count; i++)
        {
            context.Output.WriteLine(text.Requirement(i + 1, response.Requirements[i]));
        }

        if (response.Requirements.Count == 0)
        {
            context.Output.WriteLine(text.NoRequirement);
        }

        if (response.Rejection is not (0 or (uint)CaseRejection.ApprovalsInvalid))
        {
            string rule = response.RejectionName + (response.GuardRejectionName.Length > 0 ? "/" + response.GuardRejectionName : string.Empty);
            throw new OnlineInputException(OnlineProblem.CaseEventRefused, rule, response.Detail);
        }

        context.Output.WriteLine(response.Rejection == 0 ? text.Acceptable(eventName, response.ToState) : text.NeedsApprovals(eventName));
        foreach (ByteString id in response.TransferIds)
        {
            context.Output.WriteLine(text.Transfer(Hex128.Of(id)));
        }

        WritePayouts(context.Output, text, response.Payouts);
        if (outPath is not null)
        {
            if (response.ApprovalMessage.IsEmpty)
            {
                context.Output.WriteLine(text.NothingToApprove);
            }
            else
            {
                OutputFile.WriteNew(outPath, Convert.ToBase64String(response.ApprovalMessage.Span) + "\n", ownerOnly: true);
                context.Output.WriteLine(text.MessageSaved(outPath));
            }
        }

        return ExitCode.Success;
    }

    /// <summary>Offline: shows exactly what the message approves, then signs it and writes the approval file.</summary>
    /// <param name="context">Where it prints.</param>
    /// <param name="text">What it prints.</param>
    /// <param name="messagePath">The message file.</param>
    /// <param name="partyId">The approving notary.</param>
    /// <param name="keyPath">The notary's key file.</param>
    /// <param name="outPath">The approval file to write.</param>
    /// <param name="eventName">The name of an event number of the kind of case the command is for, or null where that kind has none.</param>
    public static ExitCode Approve(CliContext context, CaseText text, string messagePath, string partyId, string keyPath, string outPath, Func<byte, string?> eventName)
    {
        string party = CaseArguments.PartyId(partyId);
        byte[] message = new byte[CaseApprovalMessage.LengthMaxBytes];
        string encoded = InputFile.ReadText(messagePath, ((CaseApprovalMessage.LengthMaxBytes + 2) / 3 * 4) + 2).Trim();
        if (!Convert.TryFromBase64String(encoded, message, out int length))
        {
            throw new OnlineInputException(OnlineProblem.ApprovalMessageMalformed, messagePath, "it is not one line of base64");
        }

        if (!CaseApprovalMessage.TryDecode(message[..length], eventName, out CaseApprovalMessage? decoded, out string reason))
        {
            throw new OnlineInputException(OnlineProblem.ApprovalMessageMalformed, messagePath, reason);
        }

        context.Output.WriteLine(text.Approving(decoded!.CaseId.ToString(), decoded.TransitionNumber, decoded.EventName, decoded.Payouts.Count));
        foreach (Payout payout in decoded.Payouts)
        {
            context.Output.WriteLine(text.Payout(payout.TransferId.Value.ToString("x32", System.Globalization.CultureInfo.InvariantCulture), payout.AmountFen, payout.Payee.BankAccount, payout.Payee.Name));
        }

        using Ed25519MemoryKey key = CaseSigningKey.Load(keyPath);
        string fingerprint = CaseSigningKey.FingerprintOf(key).ToHex();
        var approval = new CaseApprovalJson(party, fingerprint, Convert.ToBase64String(key.Sign(message.AsSpan(0, length))));
        OutputFile.WriteNew(outPath, JsonSerializer.Serialize(approval, CaseJsonContext.Default.CaseApprovalJson) + "\n", ownerOnly: false);
        context.Output.WriteLine(text.ApprovalSaved(party, fingerprint, outPath));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> ApplyAsync(CliContext context, CaseText text, ServerChoice server, CaseEventRequest request, IReadOnlyList<string> approvalPaths, CancellationToken cancellationToken)
    {
        request.Approvals.AddRange(approvalPaths.Select(ReadApproval));
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ApplyTransitionResponse response = await connection.ApplyTransitionAsync(request, cancellationToken).ConfigureAwait(false);
        return WriteApplied(context, text, response, ((MortgageEvent)request.Event).ToString());
    }

    /// <summary>An applied event of either kind of case: the new state and leaf, each transfer's result, the payouts.</summary>
    internal static ExitCode WriteApplied(CliContext context, CaseText text, ApplyTransitionResponse response, string eventName)
    {
        context.Output.WriteLine(text.Applied(eventName, response.StateName, response.LeafIndex));
        for (int i = 0; i < response.TransferIds.Count; i++)
        {
            context.Output.WriteLine(text.TransferBooked(Hex128.Of(response.TransferIds[i]), i < response.TransferResultNames.Count ? response.TransferResultNames[i] : string.Empty));
        }

        WritePayouts(context.Output, text, response.Payouts);
        return ExitCode.Success;
    }

    /// <summary>The name of a 带押过户 event number, or null.</summary>
    internal static string? MortgageEventName(byte number) => Enum.IsDefined((MortgageEvent)number) ? ((MortgageEvent)number).ToString() : null;

    /// <summary>What <c>case show</c> and <c>sale show</c> open with: the case, its state, where a dispute returns to, its escrow account, and any transfers booked but not recorded.</summary>
    internal static void WriteStanding(TextWriter output, CaseText text, CaseId id, string caseNumber, string stateName, ulong transitionCount, string resumeStateName, ByteString escrowBankAccount, int unrecordedCount)
    {
        output.WriteLine(text.Heading(id.ToString(), caseNumber, stateName, transitionCount));
        if (resumeStateName.Length > 0)
        {
            output.WriteLine(text.Resume(resumeStateName));
        }

        output.WriteLine(text.EscrowAccount(Hex128.Of(escrowBankAccount)));
        if (unrecordedCount > 0)
        {
            output.WriteLine(text.Unrecorded(unrecordedCount));
        }
    }

    public static async Task<ExitCode> ShowAsync(CliContext context, CaseText text, ServerChoice server, string caseHex, CancellationToken cancellationToken)
    {
        CaseId id = CaseArguments.CaseId(caseHex);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        GetCaseResponse found = await connection.GetCaseAsync(new GetCaseRequest { CaseId = Hex128.Bytes(id.Value) }, cancellationToken).ConfigureAwait(false);
        TextWriter output = context.Output;
        WriteStanding(output, text, id, found.CaseNumber, found.StateName, found.TransitionCount, found.ResumeStateName, found.EscrowBankAccount, found.UnrecordedTransferIds.Count);

        output.WriteLine(found.DepositDate.Length > 0 ? text.DepositDate(found.DepositDate) : text.NoDepositDate);
        for (int i = 0; i < found.TranchesFen.Count; i++)
        {
            output.WriteLine(text.Tranche(i + 1, found.TranchesFen[i]));
        }

        foreach (CaseLegStanding leg in found.Legs)
        {
            output.WriteLine(text.Leg(leg.Leg, leg.StateName, leg.ReservedFen, leg.Attempt));
        }

        if (found.Conditions is not CaseConditions c)
        {
            output.WriteLine(text.NoConditions);
            return ExitCode.Success;
        }

        output.WriteLine(text.Price(c.PriceFen, c.FeeFen, ((FeePayer)c.FeePayer).ToString()));
        output.WriteLine(text.Parties(string.Join(", ", c.BuyerPartyIds), string.Join(", ", c.SellerPartyIds)));
        foreach (CasePayoffLeg leg in c.PayoffLegs)
        {
            output.WriteLine(text.PayoffLeg(leg.Leg, ((LoanKind)leg.LoanKind).ToString(), leg.LenderPartyId, leg.Payee.BankAccount, leg.Payee.Name));
        }

        output.WriteLine(text.SellerPayee(c.SellerPayee.BankAccount, c.SellerPayee.Name));
        output.WriteLine(text.RefundPayee(c.BuyerRefundPayee.BankAccount, c.BuyerRefundPayee.Name));
        output.WriteLine(text.FeePayee(c.FeePayee.BankAccount, c.FeePayee.Name));
        output.WriteLine(text.Loan(((LoanRoute)c.LoanRoute).ToString(), c.LoanFen, c.BuyerLenderPartyId));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> DeadlinesAsync(CliContext context, CaseText text, ServerChoice server, string caseHex, CancellationToken cancellationToken)
    {
        CaseId id = CaseArguments.CaseId(caseHex);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        GetCaseDeadlinesResponse response = await connection.GetCaseDeadlinesAsync(new GetCaseDeadlinesRequest { CaseId = Hex128.Bytes(id.Value) }, cancellationToken).ConfigureAwait(false);
        foreach (CaseDeadlineEntry deadline in response.Deadlines)
        {
            context.Output.WriteLine(text.Deadline(deadline.RuleName, deadline.From, deadline.LastDay, deadline.Met));
        }

        return ExitCode.Success;
    }

    /// <summary>Prints the case's records as the server sent them (not verified here) and saves them with <paramref name="outPath"/>.</summary>
    public static async Task<ExitCode> StatementAsync(
        CliContext context, OnlineText online, CaseText text, ServerChoice server, string caseHex, ulong from, string? outPath, CancellationToken cancellationToken)
    {
        CaseId id = CaseArguments.CaseId(caseHex);
        if (outPath is not null && (File.Exists(outPath) || Directory.Exists(outPath)))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, outPath);
        }

        using NotaryConnection connection = NotaryConnection.Open(server, context);
        GetCaseStatementResponse response = await connection.GetCaseStatementAsync(
            new GetCaseStatementRequest { CaseId = Hex128.Bytes(id.Value), FromLeafIndex = from },
            cancellationToken).ConfigureAwait(false);
        Verdict parsed = RecordStatement.TryParse(response.StatementJson, out RecordStatement? statement);
        if (!parsed.IsValid)
        {
            throw new InvalidAnswerException(online.CheckpointFrom(connection.Address), parsed);
        }

        CaseRecords.TryDecode(statement!, null, out IReadOnlyList<CaseRecords.Entry> entries);
        context.Output.WriteLine(text.StatementHeading(statement!.Subject, entries.Count, statement.StatedTreeSize));
        CaseRecords.Write(context.Output, text, entries);
        context.Output.WriteLine(text.NotVerified);
        if (statement.Entries.Count == RecordStatement.EntriesMax)
        {
            context.Output.WriteLine(text.NextPage(response.NextLeafIndex));
        }

        if (outPath is not null)
        {
            OutputFile.WriteNew(outPath, response.StatementJson, ownerOnly: true);
            context.Output.WriteLine(text.Saved(outPath));
        }

        return ExitCode.Success;
    }

    /// <summary>
    /// Offline, with the log's trusted keys only: the statement's proofs, its records, then the case replayed
    /// from its opening, a 带押过户 case here and a 带封过户 case by <see cref="SaleWorkflow.WriteVerified"/>. 0 valid, 1 invalid.
    /// </summary>
    public static ExitCode Verify(CliContext context, ReportText report, CaseText text, string statementPath, IReadOnlyList<string> keyArguments, string? trustFile)
    {
        TrustedKeySet trusted = TrustedKeys.Load(keyArguments, trustFile, context);
        Verdict verdict = CaseRecords.TryVerify(InputFile.ReadText(statementPath, StatementFileLengthMaxBytes), trusted, out RecordStatement? statement, out CaseId id, out IReadOnlyList<CaseRecords.Entry> entries);
        if (!verdict.IsValid)
        {
            context.Output.WriteLine(report.Failure(verdict.Failure) + ": " + verdict.Detail);
            return ExitCode.Invalid;
        }

        if (CaseRecords.IsSealedSale(entries))
        {
            return SaleWorkflow.WriteVerified(context, text, statement!, id, entries);
        }

        if (!CaseRecords.TryReplay(id, entries, out MortgageCase? replayed, out string reason))
        {
            context.Output.WriteLine(text.DoesNotReplay(reason));
            return ExitCode.Invalid;
        }

        context.Output.WriteLine(text.StatementHeading(statement!.Subject, entries.Count, statement.StatedTreeSize));
        CaseRecords.Write(context.Output, text, entries);
        context.Output.WriteLine(text.Proven(replayed!.State.ToString(), replayed.TransitionCount));
        context.Output.WriteLine(text.Verified);
        return ExitCode.Success;
    }

    private static void WritePayouts(TextWriter output, CaseText text, IEnumerable<CasePayout> payouts)
    {
        foreach (CasePayout payout in payouts)
        {
            output.WriteLine(text.Payout(Hex128.Of(payout.TransferId), payout.AmountFen, payout.Payee.BankAccount, payout.Payee.Name));
        }
    }

    /// <summary>An approval file (<see cref="CaseApprovalJson"/>) as the request carries it; the server checks the signature.</summary>
    internal static CaseApproval ReadApproval(string path)
    {
        CaseApprovalJson? approval;
        try
        {
            approval = JsonSerializer.Deserialize(InputFile.ReadText(path, ApprovalFileLengthMaxBytes), CaseJsonContext.Default.CaseApprovalJson);
        }
        catch (JsonException e)
        {
            throw new OnlineInputException(OnlineProblem.ApprovalFileMalformed, path, CaseJsonContext.Describe(e));
        }

        byte[] signature = new byte[SigningKey.SignatureLengthBytes];
        string? problem = approval is null ? "$: null"
            : !Core.Access.PartyIds.IsValid(approval.NotaryPartyId) ? "$.notary_party_id: not a party id (32 lowercase hex digits)"
            : approval.KeyFingerprint.Length != 2 * Digest.SizeInBytes || !approval.KeyFingerprint.All(char.IsAsciiHexDigitLower) ? "$.key_fingerprint: not 64 lowercase hex digits"
            : !Convert.TryFromBase64String(approval.Signature, signature, out int length) || length != signature.Length ? "$.signature: not the base64 of 64 bytes"
            : null;
        if (problem is not null)
        {
            throw new OnlineInputException(OnlineProblem.ApprovalFileMalformed, path, problem);
        }

        return new CaseApproval
        {
            NotaryPartyId = approval!.NotaryPartyId,
            KeyFingerprint = ByteString.CopyFrom(Convert.FromHexString(approval.KeyFingerprint)),
            Signature = ByteString.CopyFrom(signature),
        };
    }

    /// <summary>SHA-256 and SM3 of the document in one streaming pass; the pooled buffer is cleared, as the document may be confidential.</summary>
    private static DigestPair HashDocument(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(InputProblem.IsADirectory, path);
        }

        if (!File.Exists(path))
        {
            throw new InputException(InputProblem.FileNotFound, path);
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(StreamHashing.BufferLengthBytes);
        try
        {
            using var hasher = new ContentHasher();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return StreamHashing.HashToEnd(stream, hasher, buffer.AsMemory(0, StreamHashing.BufferLengthBytes), static _ => { });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputProblem.Unreadable, path, e.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }
}
