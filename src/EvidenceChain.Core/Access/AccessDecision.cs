namespace EvidenceChain.Core.Access;

/// <summary>The policy's answer: allowed, or denied with a sentence a person understands.</summary>
public readonly record struct AccessDecision(bool Allowed, string Reason)
{
    public static AccessDecision Allow { get; } = new(true, "allowed");

    public static AccessDecision Deny(string reason) => new(false, reason);
}
