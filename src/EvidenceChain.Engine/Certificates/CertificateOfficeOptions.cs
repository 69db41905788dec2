using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Engine.Certificates;

/// <summary>What the office puts on every certificate besides the receipt, and how long it waits for a checkpoint.</summary>
public sealed class CertificateOfficeOptions
{
    /// <summary>The operator's name as it appears on certificates; "not given" when null.</summary>
    public string? OperatorName { get; init; }

    /// <summary>The operator's filing details (registration, ICP filing); "not given" when null.</summary>
    public string? Filing { get; init; }

    /// <summary>TSA roots the office trusts for the receipts' tokens, its own TSA marked as operator time; no times when null.</summary>
    public TimestampTrust? TimestampTrust { get; init; }

    /// <summary>How long an issue waits for the checkpoint that proves its record: 30 s unless configured.</summary>
    public TimeSpan CheckpointWaitMax { get; init; } = TimeSpan.FromSeconds(30);
}
