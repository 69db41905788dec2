namespace EvidenceChain.Engine.Ports;

/// <summary>A depositor's request as signed (deposit-request.md), kept beside the log as proof of who asked.</summary>
public sealed record SignedRequest(byte[] PublicKey, byte[] SignedBytes, byte[] Signature);
