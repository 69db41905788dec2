namespace EvidenceChain.Pledges;

/// <summary>Why one signer's signature is not acceptable, in the order checked (<see cref="SignatureCheck"/>). Numbers never change.</summary>
public enum SignerRejection : byte
{
    /// <summary>Every signature is acceptable and every party needed signed.</summary>
    None = 0,

    /// <summary>The signature names no registered party, or a key the party never had.</summary>
    SignerUnknown = 1,

    /// <summary>The party was deactivated by the time of the event.</summary>
    SignerInactive = 2,

    /// <summary>The key was revoked, or not yet bound, at the time of the event.</summary>
    KeyNotValid = 3,

    /// <summary>The signature is not the key's over this event's message (another event, number, field or asset was signed, or none).</summary>
    SignatureNotValid = 4,

    /// <summary>One party signed twice.</summary>
    SignerRepeated = 5,

    /// <summary>The party is not one the event asks for (another party, or a role the event does not accept), or one too many.</summary>
    SignerNotExpected = 6,

    /// <summary>A party the event needs did not sign.</summary>
    SignerMissing = 7,
}
