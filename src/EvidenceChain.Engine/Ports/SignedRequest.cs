using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Ports;

/// <summary>A depositor's request as signed (deposit-request.md), kept beside the log as proof of who asked.</summary>
/// <param name="PublicKey">The depositor's Ed25519 public key.</param>
/// <param name="SignedBytes">The signed message, exactly as verified.</param>
/// <param name="Signature">The depositor's signature over it.</param>
/// <param name="ReplayKey">For a stamped (v2) request, what the store remembers so the same signed request is never taken twice.</param>
public sealed record SignedRequest(byte[] PublicKey, byte[] SignedBytes, byte[] Signature, Digest? ReplayKey = null);
