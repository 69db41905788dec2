namespace EvidenceChain.Cases.Mortgage;

/// <summary>
/// Which event may happen in which state (docs/cases.md §States and events): the table the case
/// engine checks first, so an event out of order is refused before any guard is looked at.
/// </summary>
public static class MortgageTransitions
{
    private static readonly MortgageState[] s_terminal = [MortgageState.Closed, MortgageState.Cancelled, MortgageState.RemittedToTreasury];

    /// <summary>The states an event may happen in.</summary>
    public static IReadOnlyList<MortgageState> FromStates(MortgageEvent @event) => @event switch
    {
        MortgageEvent.Accept => [MortgageState.Draft],
        MortgageEvent.NotarizeAgreement => [MortgageState.Accepted],
        MortgageEvent.ExpectDeposit => [MortgageState.AgreementNotarized, MortgageState.Funded, MortgageState.TitleLocked, MortgageState.PayoffReserved, MortgageState.PayoffSent, MortgageState.PayoffConfirmed],
        MortgageEvent.ConfirmFunding => [MortgageState.AgreementNotarized],
        MortgageEvent.LockTitle => [MortgageState.Funded],
        MortgageEvent.ReservePayoff => [MortgageState.Funded, MortgageState.TitleLocked, MortgageState.PayoffReserved, MortgageState.PayoffSent],
        MortgageEvent.SendPayoff => [MortgageState.PayoffReserved, MortgageState.PayoffSent],
        MortgageEvent.ConfirmPayoff or MortgageEvent.ReturnPayoff => [MortgageState.PayoffSent],
        MortgageEvent.ReleaseMortgage => [MortgageState.PayoffConfirmed],
        MortgageEvent.ExpectLoan => [MortgageState.MortgageReleased, MortgageState.Transferred],
        MortgageEvent.ConfirmTransfer => [MortgageState.MortgageReleased],
        MortgageEvent.Settle => [MortgageState.Transferred],
        MortgageEvent.Close => [MortgageState.Settling, MortgageState.Refunding, MortgageState.UnwindingAfterPayoff],
        MortgageEvent.Dispute => [.. Enum.GetValues<MortgageState>().Where(s => !s_terminal.Contains(s) && s != MortgageState.Disputed)],
        MortgageEvent.ResolveDispute => [MortgageState.Disputed],
        MortgageEvent.Freeze => [MortgageState.Funded, MortgageState.TitleLocked, MortgageState.PayoffReserved, MortgageState.PayoffSent, MortgageState.PayoffConfirmed, MortgageState.MortgageReleased, MortgageState.Transferred, MortgageState.Settling, MortgageState.FrozenByCourt],
        MortgageEvent.Unfreeze or MortgageEvent.Deduct => [MortgageState.FrozenByCourt],
        MortgageEvent.Cancel => [MortgageState.Draft, MortgageState.Accepted, MortgageState.AgreementNotarized],
        MortgageEvent.Refund => [MortgageState.Funded, MortgageState.TitleLocked, MortgageState.PayoffReserved],
        MortgageEvent.Unwind => [MortgageState.PayoffConfirmed, MortgageState.MortgageReleased],
        MortgageEvent.Lapse => [MortgageState.Settling],
        MortgageEvent.RemitToTreasury => [MortgageState.Unclaimed],
        MortgageEvent.RecordCertificate or MortgageEvent.RecordNotice => [.. Enum.GetValues<MortgageState>().Where(s => s >= MortgageState.Funded && !s_terminal.Contains(s))],
        MortgageEvent.AmendPayee => [MortgageState.AgreementNotarized, MortgageState.Funded, MortgageState.TitleLocked, MortgageState.PayoffReserved, MortgageState.PayoffConfirmed, MortgageState.MortgageReleased, MortgageState.Transferred],
        _ => [],
    };

    /// <summary>Whether <paramref name="event"/> may happen in <paramref name="state"/>.</summary>
    public static bool IsAllowed(MortgageState state, MortgageEvent @event) => FromStates(@event).Contains(state);
}
