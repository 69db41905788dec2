namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The anchored history is inconsistent (exit code 1). Thrown where the check fails, after the
/// state file has kept the last anchor that did verify, and caught once, in <see cref="MonitorWorkflow"/>,
/// which prints one line: the rule, the sentence naming both tree sizes, roots and the offending
/// anchor's transaction and block, and Core's detail.
/// </summary>
internal sealed class MonitorAlarmException : Exception
{
    /// <param name="alarm">The rule broken.</param>
    /// <param name="sentence">What was found, already in the command's language (from <see cref="MonitorText"/>).</param>
    /// <param name="detail">The technical detail (Core's verdict), in English.</param>
    public MonitorAlarmException(MonitorAlarm alarm, string sentence, string detail)
        : base($"{alarm}: {sentence} ({detail})")
    {
        Alarm = alarm;
        Sentence = sentence;
        Detail = detail;
    }

    public MonitorAlarm Alarm { get; }

    public string Sentence { get; }

    public string Detail { get; }
}
