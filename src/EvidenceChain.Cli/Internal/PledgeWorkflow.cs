using System.Text.Json;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Records;
using EvidenceChain.Core.Signing;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Registry = EvidenceChain.Pledges;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The <c>pledge</c> commands (docs/pledges.md §CLI): the notary office proposes and applies the registry's events
/// over <c>PledgeService</c>; each acting party signs an event's exact message offline (<c>sign</c>); a lender
/// saves an asset's encumbrance statement, to check it offline with <see cref="PledgeStatementCheck"/>.
/// </summary>
internal static class PledgeWorkflow
{
    /// <summary>A registration of 64 deposits signs about 14 KiB; far larger files are the wrong file.</summary>
    private const int MessageLengthMaxBytes = 64 * 1024;

    private const int SignatureFileLengthMaxBytes = 4 * 1024;

    /// <summary>What the event would do: its number, the decision on the signatures it carries, who must sign; the message saved.</summary>
    public static async Task<ExitCode> ProposeAsync(CliContext context, PledgeText text, ServerChoice server, PledgeEventRequest request, string? outPath, CancellationToken cancellationToken)
    {
        CaseWorkflow.RefuseExisting(outPath);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ProposePledgeEventResponse response = await connection.ProposePledgeEventAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Message.IsEmpty)
        {
            throw new OnlineInputException(OnlineProblem.PledgeEventRefused, response.RejectionName, response.Detail);
        }

        TextWriter output = context.Output;
        output.WriteLine(text.Proposed(EventName(request.Event), response.EventNumber));
        output.WriteLine(response.Rejection == 0
            ? text.Acceptable(response.AssetStateName, response.PledgeStateName)
            : text.NotYet(response.RejectionName + (response.SignerRejectionName.Length > 0 ? $" ({response.SignerRejectionName}: {response.Signer})" : string.Empty), response.Detail));
        for (int i = 0; i < response.SignerAlternatives.Count; i++)
        {
            output.WriteLine(text.Alternative(i + 1, Slots(response.SignerAlternatives[i].Slots)));
        }

        if (response.OptionalSigners.Count > 0)
        {
            output.WriteLine(text.Optional(Slots(response.OptionalSigners)));
        }

        foreach (AssetDepositLine d in response.Deposits)
        {
            output.WriteLine(text.Deposit(d.LeafIndex, d.RoleName, Convert.ToHexStringLower(d.UnitsRoot.Sha256.Span), d.UnitCount));
        }

        if (outPath is not null)
        {
            OutputFile.WriteNew(outPath, Convert.ToBase64String(response.Message.Span) + "\n", ownerOnly: true);
            output.WriteLine(text.MessageSaved(outPath));
        }

        return ExitCode.Success;
    }

    /// <summary>Offline: shows the asset, pledge, event and number the message is for and every field of it, then signs it with the party's key.</summary>
    public static ExitCode Sign(CliContext context, PledgeText text, string messagePath, string partyId, string keyPath, string outPath)
    {
        string party = CaseArguments.PartyId(partyId);
        CaseWorkflow.RefuseExisting(outPath);
        byte[] buffer = new byte[MessageLengthMaxBytes];
        string encoded = InputFile.ReadText(messagePath, ((MessageLengthMaxBytes + 2) / 3 * 4) + 2).Trim();
        if (!Convert.TryFromBase64String(encoded, buffer, out int length))
        {
            throw new OnlineInputException(OnlineProblem.PledgeMessageMalformed, messagePath, "it is not one line of base64");
        }

        ReadOnlySpan<byte> message = buffer.AsSpan(0, length);
        if (!Registry.PledgeEventMessage.TryRead(message, out Registry.PledgeCommand? command, out ulong number, out string reason))
        {
            throw new OnlineInputException(OnlineProblem.PledgeMessageMalformed, messagePath, reason);
        }

        context.Output.WriteLine(text.Signing(command!.AssetId.ToString(), command.PledgeId?.ToString() ?? string.Empty, command.Event.ToString(), number));
        foreach (string line in text.Fields.Lines(command))
        {
            context.Output.WriteLine(line);
        }

        using Ed25519MemoryKey key = CaseSigningKey.Load(keyPath);
        string fingerprint = CaseSigningKey.FingerprintOf(key).ToHex();
        var signature = new PledgeSignatureJson(party, fingerprint, Convert.ToBase64String(key.Sign(message)));
        OutputFile.WriteNew(outPath, JsonSerializer.Serialize(signature, PledgeJsonContext.Default.PledgeSignatureJson) + "\n", ownerOnly: false);
        context.Output.WriteLine(text.SignatureSaved(party, fingerprint, outPath));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> ApplyAsync(CliContext context, PledgeText text, ServerChoice server, PledgeEventRequest request, IReadOnlyList<string> signaturePaths, CancellationToken cancellationToken)
    {
        request.Signatures.AddRange(signaturePaths.Select(ReadSignature));
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ApplyPledgeEventResponse response = await connection.ApplyPledgeEventAsync(request, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(text.Applied(EventName(request.Event), response.EventNumber, response.LeafIndex));
        context.Output.WriteLine(text.States(response.AssetStateName, response.PledgeStateName));
        if (response.Split is PledgeSplit split)
        {
            context.Output.WriteLine(text.Split(split.ProceedsFen, split.PledgeeFen, split.PledgorFen, split.ShortfallFen));
        }

        return ExitCode.Success;
    }

    public static async Task<ExitCode> ShowAsync(CliContext context, PledgeText text, ServerChoice server, string assetHex, CancellationToken cancellationToken)
    {
        Registry.AssetId id = PledgeEventOptions.AssetId(assetHex);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        GetAssetResponse asset = await connection.GetAssetAsync(new GetAssetRequest { AssetId = Hex128.Bytes(id.Value) }, cancellationToken).ConfigureAwait(false);
        TextWriter output = context.Output;
        output.WriteLine(text.Asset(id.ToString(), asset.StateName, asset.OwnerPartyId, asset.EventCount));
        output.WriteLine(text.Category(asset.Category));
        foreach (AssetDepositLine d in asset.Deposits)
        {
            output.WriteLine(text.Deposit(d.LeafIndex, d.RoleName, Convert.ToHexStringLower(d.UnitsRoot.Sha256.Span), d.UnitCount));
        }

        foreach (PledgeValuationLine v in asset.Valuations)
        {
            output.WriteLine(text.Valuation(v.AppraiserPartyId, v.ValueFen, v.Date));
        }

        foreach (PledgeSummary p in asset.Pledges)
        {
            output.WriteLine(text.Pledge(Hex128.Of(p.PledgeId), p.StateName, p.Terms.Rank, p.Terms.SecuredFen, p.Terms.TermStart, p.Terms.TermEnd, p.Terms.PledgeePartyId));
        }

        output.WriteLine(text.PledgesShown(asset.PledgesShown));
        foreach (AssetDealingLine d in asset.Dealings)
        {
            output.WriteLine(text.Dealing(d.EventNumber, d.EventName, d.OwnerPartyId, d.TransfereePartyId));
        }

        return ExitCode.Success;
    }

    /// <summary>
    /// Saves the server's encumbrance statement (its answer as proto JSON) for <c>pledge verify</c>; nothing is verified
    /// here. The file keeps the event the lender asked for, not the server's echo of it: the records must reach it.
    /// </summary>
    public static async Task<ExitCode> StatementAsync(CliContext context, PledgeText text, ServerChoice server, string assetHex, ulong asOfEvent, string outPath, CancellationToken cancellationToken)
    {
        Registry.AssetId id = PledgeEventOptions.AssetId(assetHex);
        CaseWorkflow.RefuseExisting(outPath);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        GetEncumbranceStatementResponse response = await connection.GetEncumbranceStatementAsync(
            new GetEncumbranceStatementRequest { AssetId = Hex128.Bytes(id.Value), AsOfEvent = asOfEvent }, cancellationToken).ConfigureAwait(false);
        if (response.AsOfEvent == 0)
        {
            context.Output.WriteLine(text.NoRecordsYet);
        }

        response.AskedAsOfEvent = asOfEvent;
        OutputFile.WriteNew(outPath, JsonFormatter.Default.Format(response) + "\n", ownerOnly: true);
        int records = RecordStatement.TryParse(response.StatementJson, out RecordStatement? statement).IsValid ? statement!.Entries.Count : 0;
        context.Output.WriteLine(text.StatementSaved(outPath, response.AsOfEvent, records, response.TreeSize));
        return ExitCode.Success;
    }

    private static PledgeSignature ReadSignature(string path)
    {
        PledgeSignatureJson signature = CaseJsonContext.Read(path, SignatureFileLengthMaxBytes, PledgeJsonContext.Default.PledgeSignatureJson, OnlineProblem.PledgeSignatureFileMalformed);
        byte[] bytes = new byte[SigningKey.SignatureLengthBytes];
        string? problem = !Core.Access.PartyIds.IsValid(signature.PartyId) ? "$.party_id: not a party id (32 lowercase hex digits)"
            : signature.KeyFingerprint.Length != 64 || !signature.KeyFingerprint.All(char.IsAsciiHexDigitLower) ? "$.key_fingerprint: not 64 lowercase hex digits"
            : !Convert.TryFromBase64String(signature.Signature, bytes, out int length) || length != bytes.Length ? "$.signature: not the base64 of 64 bytes"
            : null;
        if (problem is not null)
        {
            throw new OnlineInputException(OnlineProblem.PledgeSignatureFileMalformed, path, problem);
        }

        return new PledgeSignature
        {
            PartyId = signature.PartyId,
            KeyFingerprint = ByteString.CopyFrom(Convert.FromHexString(signature.KeyFingerprint)),
            Signature = ByteString.CopyFrom(bytes),
        };
    }

    private static string Slots(IEnumerable<SignerSlot> slots) =>
        string.Join(", ", slots.Select(s => s.PartyId.Length > 0 ? $"{s.Name} {s.PartyId}" : $"{s.Name} (any {s.RoleName})"));

    private static string EventName(uint number) => ((Registry.PledgeEvent)number).ToString();
}
