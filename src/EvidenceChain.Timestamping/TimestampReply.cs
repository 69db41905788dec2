namespace EvidenceChain.Timestamping;

/// <summary>
/// What <see cref="TimestampAuthority.Respond"/> produced: the DER TimeStampResp to send back, and for the
/// service's own records the token inside it (to log it) or the refusal (to count it).
/// </summary>
/// <param name="ResponseDer">The DER TimeStampResp, granted or rejected; always present.</param>
/// <param name="Refusal">Why the request was refused, or <see cref="TimestampRefusal.None"/>.</param>
/// <param name="StatusText">The status string sent in a rejection, a sentence a person understands; empty when granted.</param>
/// <param name="TokenDer">The DER token (a CMS ContentInfo) when granted; null when refused.</param>
public sealed record TimestampReply(byte[] ResponseDer, TimestampRefusal Refusal, string StatusText, byte[]? TokenDer)
{
    public bool IsGranted => Refusal == TimestampRefusal.None;
}
