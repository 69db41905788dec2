using System.Text;
using CsCheck;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Tests.Model;
using EvidenceChain.Ledger.Tests.Support;

namespace EvidenceChain.Ledger.Tests;

/// <summary>
/// The ledger against <see cref="LedgerModel"/>, a naive model written from docs/ledger.md alone,
/// on random sequences of batches (STYLE.md practice 9: a ledger model agrees with the ledger).
/// After every batch: every result, event by event; every account and balance; the invariants of
/// docs/ledger.md; the state and reversed amount of the transfers the batch touched (all of them
/// at the end).
/// </summary>
/// <remarks>
/// Samples per property: EVIDENCECHAIN_PROPERTY_ITERATIONS (default 100). CsCheck prints the seed
/// of a failing sample; replay it with the environment variable <c>CsCheck_Seed=&lt;seed&gt;</c>
/// (for example <c>CsCheck_Seed=0N0XIzNsQ0O2 dotnet test --filter EscrowLedgerPropertyTests</c>)
/// or by passing <c>seed: "&lt;seed&gt;"</c> to <c>Sample</c>. The failure message names the batch,
/// the event, the expected and the actual result, and lists the batch's events.
/// </remarks>
public class EscrowLedgerPropertyTests
{
    private const int BatchCountMax = 60;
    private const int BatchLengthMax = 16;

    private static readonly Gen<EventChoice> s_event =
        Gen.Int[0, EventChoice.ValueMax - 1].Array[EventChoice.ValueCount].Select(EventChoice.From);

    private static readonly Gen<BatchChoice[]> s_scenario =
        Gen.Select(Gen.Int[0, 99], s_event.Array[1, BatchLengthMax], (what, events) => new BatchChoice(what, events))
            .Array[1, BatchCountMax];

    [Fact]
    public void RandomBatches_EveryResultBalanceAndState_AgreeWithModel()
    {
        s_scenario.Sample(choices =>
        {
            var model = new LedgerModel();
            var ledger = new EscrowLedger();
            var builder = new ScenarioBuilder(model);
            var history = new StringBuilder();
            for (int b = 0; b < choices.Length; b++)
            {
                ScenarioBatch batch = builder.Next(choices[b]);
                IReadOnlyList<int> expected = batch.ApplyTo(model);
                IReadOnlyList<int> actual = Apply(ledger, batch, b);
                AssertResults(b, batch, expected, actual, history);
                history.AppendLine($"batch {b}: {string.Join(", ", actual.Select(batch.ResultName))}").AppendLine(batch.Describe());
                AssertAccounts(b, batch, model, ledger, builder);
                AssertInvariants(b, batch, model, ledger);
                AssertTransfers(b, batch, model, ledger, TouchedBy(batch));
            }

            AssertTransfers(choices.Length - 1, null, model, ledger, builder.SentTransfers.Select(t => t.Id).Distinct());
        }, iter: Soak.PropertyIterations, print: Summary);
    }

    [Fact]
    public void RandomBatches_SameSequenceOnTwoFreshLedgers_SameResultsAndBalances()
    {
        s_scenario.Sample(choices =>
        {
            var model = new LedgerModel();
            var builder = new ScenarioBuilder(model);
            var batches = new List<ScenarioBatch>();
            foreach (BatchChoice choice in choices)
            {
                ScenarioBatch batch = builder.Next(choice);
                batch.ApplyTo(model);
                batches.Add(batch);
            }

            IEnumerable<TransferId> transferIds = builder.SentTransfers.Select(t => t.Id).Distinct();
            string first = Transcript(batches, transferIds);
            string second = Transcript(batches, transferIds);
            Assert.Equal(first, second);
        }, iter: Math.Max(1, Soak.PropertyIterations / 4), print: Summary);
    }

    /// <summary>One batch of the largest size allowed, mixed events, against the model.</summary>
    [Fact]
    public void LargestBatch_MixedEvents_AgreesWithModel()
    {
        Gen.Select(s_event.Array[EscrowLedger.BatchEventsMax], s_scenario).Sample((events, setup) =>
        {
            var model = new LedgerModel();
            var ledger = new EscrowLedger();
            var builder = new ScenarioBuilder(model);
            var history = new StringBuilder();
            // Accounts first (What 0 is an account batch), then a random sequence, then the largest batch.
            BatchChoice[] choices =
            [
                .. Enumerable.Range(0, 3).Select(i => new BatchChoice(0, events[(6 * i)..(6 * i + 6)])),
                .. setup,
                new BatchChoice(3, events),
            ];
            ScenarioBatch? batch = null;
            for (int b = 0; b < choices.Length; b++)
            {
                batch = builder.Next(choices[b]);
                AssertResults(b, batch, batch.ApplyTo(model), Apply(ledger, batch, b), history);
            }

            Assert.Equal(EscrowLedger.BatchEventsMax, batch!.Count);
            AssertAccounts(choices.Length - 1, batch, model, ledger, builder);
            AssertInvariants(choices.Length - 1, batch, model, ledger);
        }, iter: 1, threads: 1, print: _ => "one sequence ending in a batch of BatchEventsMax events");
    }

    /// <summary>
    /// The generator is biased towards meaningful events: over a fixed number of sequences (on the
    /// model alone), the results that need a state to reach must all occur, or the property above
    /// would be checking little more than the first rules.
    /// </summary>
    [Fact]
    public void Generator_ManySequences_ReachesTheDeepRules()
    {
        var seen = new HashSet<CreateTransferResult>();
        s_scenario.Sample(choices =>
        {
            var model = new LedgerModel();
            var builder = new ScenarioBuilder(model);
            foreach (BatchChoice choice in choices)
            {
                ScenarioBatch batch = builder.Next(choice);
                IReadOnlyList<int> results = batch.ApplyTo(model);
                if (batch.Transfers is not null)
                {
                    seen.UnionWith(results.Select(r => (CreateTransferResult)r));
                }
            }
        }, iter: 200, threads: 1, print: Summary);

        CreateTransferResult[] deep =
        [
            CreateTransferResult.Ok,
            CreateTransferResult.LinkedEventFailed,
            CreateTransferResult.LinkedEventChainOpen,
            CreateTransferResult.Exists,
            CreateTransferResult.ExistsWithDifferentFields,
            CreateTransferResult.ExceedsPendingTransferAmount,
            CreateTransferResult.PendingTransferHasDifferentAmount,
            CreateTransferResult.PendingTransferAlreadyPosted,
            CreateTransferResult.PendingTransferAlreadyVoided,
            CreateTransferResult.ReversedTransferNotReversible,
            CreateTransferResult.ReversalMustSwapAccounts,
            CreateTransferResult.ExceedsReversibleAmount,
            CreateTransferResult.Overflows,
            CreateTransferResult.ExceedsCredits,
            CreateTransferResult.ExceedsDebits,
        ];
        Assert.Empty(deep.Except(seen));
    }

    private static string Summary(BatchChoice[] choices) =>
        $"{choices.Length} batches of {string.Join(",", choices.Select(c => c.Events.Length))} event choices";

    private static IReadOnlyList<int> Apply(EscrowLedger ledger, ScenarioBatch batch, int batchIndex)
    {
        try
        {
            return batch.ApplyTo(ledger);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"batch {batchIndex}: the ledger threw {e.GetType().Name}: {e.Message}{Environment.NewLine}{batch.Describe()}", e);
        }
    }

    /// <summary>Results event by event; a mismatch names the batch and event and lists every batch so far.</summary>
    private static void AssertResults(int b, ScenarioBatch batch, IReadOnlyList<int> expected, IReadOnlyList<int> actual, StringBuilder history)
    {
        if (actual.Count != expected.Count)
        {
            Assert.Fail($"batch {b}: {actual.Count} results for {expected.Count} events{Environment.NewLine}{batch.Describe()}");
        }

        for (int i = 0; i < expected.Count; i++)
        {
            if (expected[i] != actual[i])
            {
                Assert.Fail(
                    $"batch {b}, event {i}: expected {batch.ResultName(expected[i])}, actual {batch.ResultName(actual[i])}{Environment.NewLine}" +
                    $"expected: {string.Join(", ", expected.Select(batch.ResultName))}{Environment.NewLine}" +
                    $"actual:   {string.Join(", ", actual.Select(batch.ResultName))}{Environment.NewLine}" +
                    batch.Describe() + Environment.NewLine +
                    $"earlier batches (the ledger's results, which agreed with the model):{Environment.NewLine}{history}");
            }
        }
    }

    private static void AssertAccounts(int b, ScenarioBatch batch, LedgerModel model, EscrowLedger ledger, ScenarioBuilder builder)
    {
        string where = $"after batch {b}{Environment.NewLine}{batch.Describe()}{Environment.NewLine}";
        var expectedIds = model.Accounts.Select(a => a.Id).ToHashSet();
        var actualIds = ledger.Accounts.Select(a => a.Id).ToHashSet();
        if (!expectedIds.SetEquals(actualIds) || ledger.Accounts.Count != model.Accounts.Count)
        {
            Assert.Fail($"{where}accounts: expected {string.Join(",", expectedIds.Select(i => ScenarioBatch.Id(i.Value)))}; actual {string.Join(",", ledger.Accounts.Select(a => ScenarioBatch.Id(a.Id.Value)))}");
        }

        foreach (Account account in model.Accounts)
        {
            Account? found = ledger.FindAccount(account.Id);
            if (found != account)
            {
                Assert.Fail($"{where}FindAccount({ScenarioBatch.Id(account.Id.Value)}): expected {ScenarioBatch.Format(account)}, actual {(found is null ? "null" : ScenarioBatch.Format(found))}");
            }

            AccountBalance? expected = model.BalanceOf(account.Id);
            AccountBalance? actual = ledger.BalanceOf(account.Id);
            if (expected != actual)
            {
                Assert.Fail($"{where}BalanceOf({ScenarioBatch.Id(account.Id.Value)}, {account.Kind}): expected {expected}, actual {actual}");
            }
        }

        foreach (AccountId id in builder.SentAccounts.Select(a => a.Id).Distinct().Where(id => !expectedIds.Contains(id)))
        {
            if (ledger.FindAccount(id) is not null || ledger.BalanceOf(id) is not null)
            {
                Assert.Fail($"{where}account {ScenarioBatch.Id(id.Value)} was never created, yet the ledger finds it");
            }
        }
    }

    /// <summary>The invariants of docs/ledger.md, computed from the ledger's own answers (sums in 128 bits).</summary>
    private static void AssertInvariants(int b, ScenarioBatch batch, LedgerModel model, EscrowLedger ledger)
    {
        string where = $"after batch {b}{Environment.NewLine}{batch.Describe()}{Environment.NewLine}";
        Int128 debitsPosted = 0;
        Int128 creditsPosted = 0;
        Int128 debitsPending = 0;
        Int128 creditsPending = 0;
        Int128 bankHeld = 0;
        Int128 owed = 0;
        foreach (Account account in ledger.Accounts)
        {
            AccountBalance balance = ledger.BalanceOf(account.Id) ?? throw new InvalidOperationException($"{where}no balance for listed account {account.Id}");
            if (balance.DebitsPending < 0 || balance.DebitsPosted < 0 || balance.CreditsPending < 0 || balance.CreditsPosted < 0)
            {
                Assert.Fail($"{where}negative balance field: {ScenarioBatch.Format(account)} {balance}");
            }

            debitsPosted += balance.DebitsPosted;
            creditsPosted += balance.CreditsPosted;
            debitsPending += balance.DebitsPending;
            creditsPending += balance.CreditsPending;
            if (account.Kind == AccountKind.EscrowBank)
            {
                bankHeld += (Int128)balance.DebitsPosted - balance.CreditsPosted;
                if ((Int128)balance.CreditsPending + balance.CreditsPosted > balance.DebitsPosted)
                {
                    Assert.Fail($"{where}escrow bank account overdrawn: {ScenarioBatch.Format(account)} {balance}");
                }
            }

            if (account.Kind == AccountKind.Liability)
            {
                owed += (Int128)balance.CreditsPosted - balance.DebitsPosted;
                if ((Int128)balance.DebitsPending + balance.DebitsPosted > balance.CreditsPosted)
                {
                    Assert.Fail($"{where}liability account negative: {ScenarioBatch.Format(account)} {balance}");
                }
            }
        }

        Assert.True(debitsPosted == creditsPosted, $"{where}posted debits {debitsPosted} ≠ posted credits {creditsPosted}");
        Assert.True(debitsPending == creditsPending, $"{where}pending debits {debitsPending} ≠ pending credits {creditsPending}");
        Assert.True(bankHeld == owed, $"{where}escrow coverage: banks hold {bankHeld}, liabilities owe {owed}");

        // Invariant 4: the pending fields are the sums of the transfers the ledger says are still pending.
        var pendingSums = new Dictionary<AccountId, (long Debits, long Credits)>();
        foreach (Transfer t in model.Transfers.Where(t => ModelState.IsPending(t) && ledger.StateOf(t.Id) == TransferState.Pending))
        {
            (long d, long _) = pendingSums.GetValueOrDefault(t.DebitAccountId);
            pendingSums[t.DebitAccountId] = (d + t.AmountFen, pendingSums.GetValueOrDefault(t.DebitAccountId).Credits);
            (long _, long c) = pendingSums.GetValueOrDefault(t.CreditAccountId);
            pendingSums[t.CreditAccountId] = (pendingSums.GetValueOrDefault(t.CreditAccountId).Debits, c + t.AmountFen);
        }

        foreach (Account account in ledger.Accounts)
        {
            AccountBalance balance = ledger.BalanceOf(account.Id)!.Value;
            (long debits, long credits) = pendingSums.GetValueOrDefault(account.Id);
            if (balance.DebitsPending != debits || balance.CreditsPending != credits)
            {
                Assert.Fail($"{where}pending fields of {ScenarioBatch.Id(account.Id.Value)} are {balance.DebitsPending}/{balance.CreditsPending}, the transfers still pending sum to {debits}/{credits}");
            }
        }
    }

    /// <summary>The transfer ids a batch can change the state of: its own, and those it posts, voids or reverses.</summary>
    private static IEnumerable<TransferId> TouchedBy(ScenarioBatch batch) =>
        batch.Transfers is null
            ? []
            : batch.Transfers.SelectMany(t => new[] { t.Id, t.PendingId, t.ReversedId }).Distinct();

    private static void AssertTransfers(int b, ScenarioBatch? batch, LedgerModel model, EscrowLedger ledger, IEnumerable<TransferId> ids)
    {
        string where = batch is null ? $"after the last batch ({b}){Environment.NewLine}" : $"after batch {b}{Environment.NewLine}{batch.Describe()}{Environment.NewLine}";
        foreach (TransferId id in ids)
        {
            TransferState? expected = model.StateOf(id);
            TransferState? actual = ledger.StateOf(id);
            if (expected != actual)
            {
                Assert.Fail($"{where}StateOf({ScenarioBatch.Id(id.Value)}): expected {expected?.ToString() ?? "null"}, actual {actual?.ToString() ?? "null"}");
            }

            long expectedReversed = model.ReversedAmountOf(id);
            long actualReversed = ledger.ReversedAmountOf(id);
            if (expectedReversed != actualReversed)
            {
                Assert.Fail($"{where}ReversedAmountOf({ScenarioBatch.Id(id.Value)}): expected {expectedReversed}, actual {actualReversed}");
            }
        }
    }

    /// <summary>Everything observable after applying the batches to a fresh ledger, as text.</summary>
    private static string Transcript(List<ScenarioBatch> batches, IEnumerable<TransferId> transferIds)
    {
        var ledger = new EscrowLedger();
        var text = new StringBuilder();
        for (int b = 0; b < batches.Count; b++)
        {
            text.AppendLine($"batch {b}: {string.Join(",", Apply(ledger, batches[b], b))}");
        }

        foreach (Account account in ledger.Accounts)
        {
            text.AppendLine($"{ScenarioBatch.Format(account)}: {ledger.BalanceOf(account.Id)}");
        }

        foreach (TransferId id in transferIds)
        {
            text.AppendLine($"{ScenarioBatch.Id(id.Value)}: {ledger.StateOf(id)} {ledger.ReversedAmountOf(id)}");
        }

        return text.ToString();
    }
}
