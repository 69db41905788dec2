using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Pledges;

namespace EvidenceChain.Engine;

/// <summary>
/// The notary's two signing keys for one log, both named by its origin: Ed25519 signs promises,
/// checkpoints and encumbrance claims, SM2 signs checkpoints and encumbrance claims only (an SM2
/// signature costs milliseconds: per batch or per lender's statement at most, never per deposit).
/// </summary>
public sealed class Notary : IDisposable
{
    private readonly Ed25519NoteSigner _ed25519;
    private readonly Sm2NoteSigner _sm2;

    public Notary(LogOrigin origin, Ed25519NoteSigner ed25519, Sm2NoteSigner sm2)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(ed25519);
        ArgumentNullException.ThrowIfNull(sm2);
        if (ed25519.Name != origin.ToString() || sm2.Name != origin.ToString())
        {
            throw new ArgumentException($"The notary's keys must be named by the log's origin {origin}.", nameof(origin));
        }

        Origin = origin;
        _ed25519 = ed25519;
        _sm2 = sm2;
    }

    public LogOrigin Origin { get; }

    /// <summary>The published verifier keys: Ed25519 first, then SM2.</summary>
    public IReadOnlyList<NoteVerifier> VerifierKeys => [_ed25519.Verifier, _sm2.Verifier];

    public string SignCheckpoint(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return SignedNote.Sign(checkpoint.ToNoteText(), _ed25519, _sm2);
    }

    public string SignPromise(Promise promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        return SignedNote.Sign(promise.ToNoteText(), _ed25519);
    }

    /// <summary>Signs with both keys, as a checkpoint: a lender checks the claim with the keys that check the statement's checkpoint.</summary>
    public string SignEncumbrance(EncumbranceClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Origin != Origin)
        {
            throw new ArgumentException($"The claim is for the log {claim.Origin}, not this notary's {Origin}.", nameof(claim));
        }

        return SignedNote.Sign(claim.ToNoteText(), _ed25519, _sm2);
    }

    public void Dispose()
    {
        _ed25519.Dispose();
        _sm2.Dispose();
    }
}
