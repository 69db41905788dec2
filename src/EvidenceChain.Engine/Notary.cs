using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Pledges;

namespace EvidenceChain.Engine;

/// <summary>
/// The notary's signing keys for one log, all named by its origin: Ed25519 signs promises,
/// checkpoints and encumbrance claims, SM2 signs checkpoints and encumbrance claims only (an SM2
/// signature costs milliseconds: per batch or per lender's statement at most, never per deposit).
/// During a planned rotation (key-statement.md §Rotation) an incoming pair co-signs every checkpoint
/// until <see cref="CompleteRotation"/> hands the log to it; the keys of earlier pairs stay published.
/// </summary>
public sealed class Notary : IDisposable
{
    private readonly Lock _gate = new();
    private IReadOnlyList<NoteVerifier> _earlierKeys;
    private (Ed25519NoteSigner Ed25519, Sm2NoteSigner Sm2) _current;
    private (Ed25519NoteSigner Ed25519, Sm2NoteSigner Sm2)? _incoming;

    public Notary(LogOrigin origin, Ed25519NoteSigner ed25519, Sm2NoteSigner sm2)
        : this(origin, ed25519, sm2, earlierKeys: [], incoming: null)
    {
    }

    /// <param name="origin">The log.</param>
    /// <param name="ed25519">The current Ed25519 key.</param>
    /// <param name="sm2">The current SM2 key.</param>
    /// <param name="earlierKeys">The verifier keys of the log's earlier pairs: published, never used to sign.</param>
    /// <param name="incoming">The next pair while a rotation is pending, else null.</param>
    public Notary(LogOrigin origin, Ed25519NoteSigner ed25519, Sm2NoteSigner sm2, IReadOnlyList<NoteVerifier> earlierKeys, (Ed25519NoteSigner Ed25519, Sm2NoteSigner Sm2)? incoming)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(ed25519);
        ArgumentNullException.ThrowIfNull(sm2);
        ArgumentNullException.ThrowIfNull(earlierKeys);
        NoteSigner[] signers = incoming is { } next ? [ed25519, sm2, next.Ed25519, next.Sm2] : [ed25519, sm2];
        if (signers.Any(s => s.Name != origin.ToString()) || earlierKeys.Any(k => k.Name != origin.ToString()))
        {
            throw new ArgumentException($"The notary's keys must be named by the log's origin {origin}.", nameof(origin));
        }

        Origin = origin;
        _current = (ed25519, sm2);
        _incoming = incoming;
        _earlierKeys = earlierKeys;
    }

    public LogOrigin Origin { get; }

    /// <summary>
    /// Every key of the log a verifier should trust, oldest pair first and each pair Ed25519 then SM2:
    /// earlier pairs (their checkpoints stay verifiable), the current one, and the incoming one.
    /// </summary>
    public IReadOnlyList<NoteVerifier> VerifierKeys
    {
        get
        {
            lock (_gate)
            {
                IEnumerable<NoteVerifier> keys = [.. _earlierKeys, _current.Ed25519.Verifier, _current.Sm2.Verifier];
                if (_incoming is { } next)
                {
                    keys = keys.Append(next.Ed25519.Verifier).Append(next.Sm2.Verifier);
                }

                return [.. keys.Distinct()];
            }
        }
    }

    /// <summary>True while an incoming pair co-signs checkpoints.</summary>
    public bool RotationPending
    {
        get
        {
            lock (_gate)
            {
                return _incoming is not null;
            }
        }
    }

    /// <summary>Signs with the current pair and, during a rotation, the incoming one too.</summary>
    public string SignCheckpoint(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        lock (_gate)
        {
            return _incoming is { } next
                ? SignedNote.Sign(checkpoint.ToNoteText(), _current.Ed25519, _current.Sm2, next.Ed25519, next.Sm2)
                : SignedNote.Sign(checkpoint.ToNoteText(), _current.Ed25519, _current.Sm2);
        }
    }

    public string SignPromise(Promise promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        lock (_gate)
        {
            return SignedNote.Sign(promise.ToNoteText(), _current.Ed25519);
        }
    }

    /// <summary>Signs with both keys, as a checkpoint: a lender checks the claim with the keys that check the statement's checkpoint.</summary>
    public string SignEncumbrance(EncumbranceClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Origin != Origin)
        {
            throw new ArgumentException($"The claim is for the log {claim.Origin}, not this notary's {Origin}.", nameof(claim));
        }

        lock (_gate)
        {
            return SignedNote.Sign(claim.ToNoteText(), _current.Ed25519, _current.Sm2);
        }
    }

    /// <summary>
    /// Ends a rotation: the incoming pair becomes the current one and the old pair signs nothing more.
    /// Call it only once a checkpoint both pairs signed is durable (it announces the new keys).
    /// </summary>
    public void CompleteRotation()
    {
        lock (_gate)
        {
            if (_incoming is not { } next)
            {
                throw new InvalidOperationException("No rotation is pending.");
            }

            _earlierKeys = [.. _earlierKeys, _current.Ed25519.Verifier, _current.Sm2.Verifier];
            _current.Ed25519.Dispose();
            _current.Sm2.Dispose();
            _current = next;
            _incoming = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current.Ed25519.Dispose();
            _current.Sm2.Dispose();
            _incoming?.Ed25519.Dispose();
            _incoming?.Sm2.Dispose();
        }
    }
}
