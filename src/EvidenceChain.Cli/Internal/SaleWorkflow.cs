using System.Globalization;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Records;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The <c>sale</c> commands (docs/sealed-sale.md): a notary office runs a 带封过户 case over <c>EscrowService</c>
/// (open, propose and apply events, show, and the software's distribution proposal for the court); notaries
/// approve payouts offline (<c>approve</c>, as <c>case approve</c>, naming 带封过户 events); a court clerk
/// recomputes a plan's digests offline (<c>plan-digests</c>); a court verifies a saved statement offline
/// with <c>case verify</c>, which replays a 带封过户 case here (<see cref="WriteVerified"/>). Artefacts and
/// statements are the <c>case</c> commands'.
/// </summary>
internal static class SaleWorkflow
{
    private static readonly TimeSpan s_chinaStandardTime = TimeSpan.FromHours(8);

    public static Task<ExitCode> OpenAsync(
        CliContext context, SaleText text, ServerChoice server, string caseHex, string caseNumber, string bankAccountHex, uint ledger, CancellationToken cancellationToken) =>
        CaseWorkflow.OpenAsync(context, server, caseHex, caseNumber, bankAccountHex, ledger, (c, r, t) => c.OpenSealedSaleAsync(r, t), text.Opened, cancellationToken);

    /// <summary>What the event would do, booking nothing, printed as <c>case propose</c> prints it.</summary>
    public static async Task<ExitCode> ProposeAsync(CliContext context, CaseText text, ServerChoice server, SealedSaleEventRequest request, string? outPath, CancellationToken cancellationToken)
    {
        CaseWorkflow.RefuseExisting(outPath);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ProposeTransitionResponse response = await connection.ProposeSealedSaleEventAsync(request, cancellationToken).ConfigureAwait(false);
        return CaseWorkflow.WriteProposal(context, text, response, EventName(request.Event), outPath);
    }

    public static async Task<ExitCode> ApplyAsync(CliContext context, CaseText text, ServerChoice server, SealedSaleEventRequest request, IReadOnlyList<string> approvalPaths, CancellationToken cancellationToken)
    {
        request.Approvals.AddRange(approvalPaths.Select(CaseWorkflow.ReadApproval));
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ApplyTransitionResponse response = await connection.ApplySealedSaleEventAsync(request, cancellationToken).ConfigureAwait(false);
        return CaseWorkflow.WriteApplied(context, text, response, EventName(request.Event));
    }

    /// <summary>The name of a 带封过户 event number, or null.</summary>
    public static string? SaleEventName(byte number) => Enum.IsDefined((SealedSaleEvent)number) ? ((SealedSaleEvent)number).ToString() : null;

    public static async Task<ExitCode> ShowAsync(CliContext context, CaseText caseText, SaleText text, ServerChoice server, string caseHex, CancellationToken cancellationToken)
    {
        CaseId id = CaseArguments.CaseId(caseHex);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        GetSealedSaleResponse found = await connection.GetSealedSaleAsync(new GetCaseRequest { CaseId = Hex128.Bytes(id.Value) }, cancellationToken).ConfigureAwait(false);
        TextWriter output = context.Output;
        CaseWorkflow.WriteStanding(output, caseText, id, found.CaseNumber, found.StateName, found.TransitionCount, found.ResumeStateName, found.EscrowBankAccount, found.UnrecordedTransferIds.Count);

        if (found.EnforcingCourtPartyId.Length > 0)
        {
            output.WriteLine(text.EnforcingCourt(found.EnforcingCourtPartyId));
        }

        foreach (SealedSaleSeizure s in found.Seizures)
        {
            string rank = Enum.IsDefined((SeizureRank)s.Rank) ? ((SeizureRank)s.Rank).ToString() : s.Rank.ToString(CultureInfo.InvariantCulture);
            output.WriteLine(text.Seizure(s.Number, s.Property, rank, s.CourtPartyId, s.CourtCaseNumber, DayOf(s.SeizedAtMs), s.ClaimFen));
        }

        if (found.Seizures.Count == 0)
        {
            output.WriteLine(text.NoSeizure);
        }

        output.WriteLine(text.Prices(found.ProposedPriceFen, found.FloorPriceFen));
        if (found.Terms is SealedSaleTerms t)
        {
            output.WriteLine(text.Terms(t.PriceFen, t.PaymentDueDate, t.ForfeitOnDefaultFen));
            output.WriteLine(text.Parties(string.Join(", ", t.BuyerPartyIds), string.Join(", ", t.DebtorPartyIds), ((DebtorKind)t.DebtorKind).ToString()));
            output.WriteLine(text.Payees(Payee(t.BuyerRefundPayee), Payee(t.DebtorPayee)));
        }
        else
        {
            output.WriteLine(text.NoTerms);
        }

        output.WriteLine(found.DepositDate.Length > 0 ? caseText.DepositDate(found.DepositDate) : caseText.NoDepositDate);
        for (int i = 0; i < found.TranchesFen.Count; i++)
        {
            output.WriteLine(caseText.Tranche(i + 1, found.TranchesFen[i]));
        }

        if (found.RemittedToCourt)
        {
            output.WriteLine(text.Remitted);
        }
        else if (found.Plan is CourtDistributionPlan plan)
        {
            WritePlan(output, text, SalePlanJson.Of(plan).ToPlan(), found.PlanRevision, null);
            output.WriteLine(text.ObjectionWindow(found.PlanReceivedDay, found.ObjectionLastDay));
        }
        else
        {
            output.WriteLine(text.NoPlan);
        }

        return ExitCode.Success;
    }

    /// <summary>
    /// The software's proposal for the court (<c>ProposeDistribution</c>) over the claims of <paramref name="tiersPath"/>,
    /// written as a plan file the court may adopt, with the digests its plan artefact must carry, recomputed here.
    /// </summary>
    public static async Task<ExitCode> PlanAsync(CliContext context, SaleText text, ServerChoice server, string caseHex, string tiersPath, string outPath, CancellationToken cancellationToken)
    {
        CaseId id = CaseArguments.CaseId(caseHex);
        CaseWorkflow.RefuseExisting(outPath);
        SaleTiersJson tiers = CaseJsonContext.Read(tiersPath, SalePlanJson.FileLengthMaxBytes, CaseJsonContext.Default.SaleTiersJson, OnlineProblem.PlanFileMalformed);
        var request = new ProposeDistributionRequest { CaseId = Hex128.Bytes(id.Value) };
        request.Tiers.AddRange(tiers.Tiers.Select(t => t.ToProto()));
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ProposeDistributionResponse response = await connection.ProposeDistributionAsync(request, cancellationToken).ConfigureAwait(false);
        SalePlanJson proposed = SalePlanJson.Of(response.Plan);
        DistributionPlan plan = proposed.ToPlan();
        WritePlan(context.Output, text, plan, 0, null);
        OutputFile.WriteNew(outPath, System.Text.Json.JsonSerializer.Serialize(proposed, CaseJsonContext.Default.SalePlanJson) + "\n", ownerOnly: false);
        context.Output.WriteLine(text.PlanSaved(outPath));
        WriteDigests(context.Output, text, plan.Digests(id), plan.NetProceedsFen);
        return ExitCode.Success;
    }

    /// <summary>
    /// Offline: the digests of a plan file's canonical bytes for a case (<see cref="DistributionPlan.Digests"/>), the
    /// plan check's verdict, and with <paramref name="bytesPath"/> the bytes themselves, the document the court's
    /// plan artefact is made from (<c>case artefact --document</c>).
    /// </summary>
    public static ExitCode PlanDigests(CliContext context, SaleText text, string planPath, string caseHex, string? bytesPath)
    {
        CaseId id = CaseArguments.CaseId(caseHex);
        CaseWorkflow.RefuseExisting(bytesPath);
        DistributionPlan plan = SalePlanJson.Read(planPath).ToPlan();
        if (plan.Problem() is string problem)
        {
            throw new OnlineInputException(OnlineProblem.PlanFileMalformed, planPath, problem);
        }

        WritePlan(context.Output, text, plan, 0, null);
        (PlanRejection rejection, string detail) = PlanCheck.Verify(plan.NetProceedsFen, plan.Tiers, plan.Allocations, plan.DebtorSurplusFen);
        context.Output.WriteLine(rejection == PlanRejection.None ? text.PlanChecked : text.PlanCheckFailed(rejection.ToString(), detail));
        WriteDigests(context.Output, text, plan.Digests(id), plan.NetProceedsFen);
        if (bytesPath is not null)
        {
            OutputFile.WriteNew(bytesPath, plan.Encode(id), ownerOnly: false);
            context.Output.WriteLine(text.BytesSaved(bytesPath, id.ToString(), plan.NetProceedsFen));
        }

        return ExitCode.Success;
    }

    /// <summary>
    /// A verified 带封过户 statement (<see cref="CaseRecords.TryVerify"/>) replayed from its opening, each plan checked
    /// against the court's artefact and every posting against the statement's ledger batches; then the distribution
    /// as a court reads it: each claim, its allocation and its payout. 0 valid, 1 invalid.
    /// </summary>
    public static ExitCode WriteVerified(CliContext context, CaseText caseText, RecordStatement statement, CaseId id, IReadOnlyList<CaseRecords.Entry> entries)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(statement);
        SaleText text = SaleText.Of(caseText);
        if (!CaseRecords.TryReplaySale(id, entries, out SealedSaleCase? replayed, out string reason))
        {
            context.Output.WriteLine(caseText.DoesNotReplay(reason));
            return ExitCode.Invalid;
        }

        TextWriter output = context.Output;
        output.WriteLine(caseText.StatementHeading(statement.Subject, entries.Count, statement.StatedTreeSize));
        CaseRecords.Write(output, caseText, entries);
        output.WriteLine(caseText.Proven(replayed!.State.ToString(), replayed.TransitionCount));
        IReadOnlyDictionary<TransferId, Transfer> booked = CaseRecords.Booked(entries);
        string? PayoutOf(TransferId payout) =>
            !booked.TryGetValue(payout, out Transfer? transfer) ? null
            : text.Payout(
                Hex128.Of(Hex128.Bytes(payout.Value)),
                transfer.AmountFen,
                booked.Values.Any(t => t.PendingId == payout && t.Flags.HasFlag(TransferFlags.PostPending)) ? text.PayoutPosted : text.PayoutBooked);
        if (replayed.RemittedToCourt)
        {
            output.WriteLine(text.RemittedAll);
            output.WriteLine(PayoutOf(CaseTransferIds.Of(id, CaseStep.CourtRemittance)) ?? text.NoPayout);
        }
        else if (replayed.Plan is DistributionPlan plan)
        {
            output.WriteLine(text.Distribution);
            WritePlan(output, text, plan, replayed.PlanRevision, claim => PayoutOf(CaseTransferIds.Of(id, CaseStep.DistributionPayout, claim, replayed.PlanRevision)) ?? text.NoPayout);
        }
        else
        {
            output.WriteLine(text.NoDistribution);
        }

        output.WriteLine(text.PlansAreTheCourts);
        output.WriteLine(caseText.Verified);
        return ExitCode.Success;
    }

    /// <summary>The plan in yuan: its totals, then each claim by tier with its allocation and account, and each payout where <paramref name="payoutOf"/> gives one (claim 0 is the debtor's surplus).</summary>
    private static void WritePlan(TextWriter output, SaleText text, DistributionPlan plan, uint revision, Func<byte, string>? payoutOf)
    {
        output.WriteLine(text.Plan(plan.NetProceedsFen, plan.DebtorSurplusFen, revision));
        foreach (ClaimTier tier in plan.Tiers)
        {
            foreach (Claim claim in tier.Claims)
            {
                PayeeAccount payee = plan.PayeeOf(claim.Number);
                long allocated = plan.Allocations.FirstOrDefault(a => a.ClaimNumber == claim.Number)?.AmountFen ?? 0;
                output.WriteLine(text.Claim(claim.Number, tier.Kind.ToString(), tier.Mode.ToString(), claim.AmountFen, allocated, payee.BankAccount, payee.Name));
                if (payoutOf is not null && allocated > 0)
                {
                    output.WriteLine(payoutOf(claim.Number));
                }
            }
        }

        if (payoutOf is not null && plan.DebtorSurplusFen > 0)
        {
            output.WriteLine(payoutOf(0));
        }
    }

    private static void WriteDigests(TextWriter output, SaleText text, DigestPair digests, long netProceedsFen) =>
        output.WriteLine(text.Digests(digests.Sha256.ToHex(), digests.Sm3.ToHex(), netProceedsFen));

    private static string EventName(uint number) => ((SealedSaleEvent)number).ToString();

    private static string Payee(CasePayee payee) => $"{payee.BankAccount} ({payee.Name})";

    private static string DayOf(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(s_chinaStandardTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
