using EvidenceChain.Cases.Calendar;

namespace EvidenceChain.Engine.Cases;

/// <summary>One deadline of a case: its rule, the day it runs from, its last day (null while the working-day calendar does not reach it), and whether the act is done.</summary>
public sealed record CaseDeadline(DeadlineRule Rule, DateOnly From, DateOnly? LastDay, bool Met);
