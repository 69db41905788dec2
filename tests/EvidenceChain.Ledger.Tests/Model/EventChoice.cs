namespace EvidenceChain.Ledger.Tests.Model;

/// <summary>
/// The random numbers one event is built from (by <see cref="ScenarioBuilder"/>), each in
/// [0, 2^20). They are choices, not ids or amounts: the builder reads them against the model's
/// state, so most events name accounts and transfers that exist. CsCheck shrinks them towards 0,
/// the first and plainest option of every choice.
/// </summary>
internal sealed record EventChoice(int What, int A, int B, int C, int D, int E, int Link)
{
    public const int ValueMax = 1 << 20;

    public static EventChoice From(int[] values) =>
        new(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);

    public const int ValueCount = 7;
}
