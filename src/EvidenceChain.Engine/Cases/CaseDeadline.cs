using EvidenceChain.Cases.Calendar;

namespace EvidenceChain.Engine.Cases;

/// <summary>One deadline of a case: its rule, the day it runs from, its last day (null while the working-day calendar does not reach it), and whether the act is done.</summary>
/// <param name="Rule">The rule (docs/deadlines.md).</param>
/// <param name="From">The day it runs from.</param>
/// <param name="LastDay">The last day on which the act is in time; null while the calendar does not reach it.</param>
/// <param name="NotBefore">The last day when known, else the earliest it can be: the period counted without the holiday extension, which only moves it later.</param>
/// <param name="Met">Whether the act is done.</param>
public sealed record CaseDeadline(DeadlineRule Rule, DateOnly From, DateOnly? LastDay, DateOnly NotBefore, bool Met);
