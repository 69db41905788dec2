namespace EvidenceChain.Service.Internal.Clock;

/// <summary>
/// An SNTP exchange gave no reading. The message is one sentence naming the reference and the reason;
/// <see cref="ClockReferenceWorker"/> catches it, logs it and keeps it for the health check.
/// </summary>
internal sealed class SntpException : Exception
{
    /// <param name="reference">The reference asked, as <see cref="NtpReference.Source"/> (never carries user information).</param>
    /// <param name="failure">The rule the exchange broke.</param>
    /// <param name="reason">What went wrong, as a clause without the reference: "no answer within 2 s".</param>
    /// <param name="kissCode">The server's four-letter kiss code, for <see cref="SntpFailure.KissOfDeath"/>.</param>
    /// <param name="innerException">The socket error behind a network failure.</param>
    public SntpException(string reference, SntpFailure failure, string reason, string? kissCode = null, Exception? innerException = null)
        : base($"{reference}: {reason}.", innerException)
    {
        Reference = reference;
        Failure = failure;
        Reason = reason;
        KissCode = kissCode;
    }

    public string Reference { get; }

    public SntpFailure Failure { get; }

    public string Reason { get; }

    public string? KissCode { get; }
}
