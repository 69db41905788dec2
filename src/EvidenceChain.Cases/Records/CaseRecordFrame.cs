using EvidenceChain.Core.Records;

namespace EvidenceChain.Cases.Records;

/// <summary>Reads a kind of case's transition from its record.</summary>
internal delegate T TransitionReader<T>(ref RecordReader reader);

/// <summary>The fields of a case record of any kind: its nonce, time and actor, then an opening or a transition.</summary>
internal sealed record CaseRecordFields<T>(byte[] Nonce, long RecordedAtMs, byte ActorRole, byte[] ActorPartyId, byte[] ActorSalt, CaseOpening? Opening, T? Transition)
    where T : class;

/// <summary>
/// The frame every kind of case record shares (docs/formats/case-transition.md): its magic, nonce,
/// time and actor, a kind byte (1 opened, 2 transition), then the opening or the kind's transition.
/// </summary>
internal static class CaseRecordFrame
{
    private const byte KindOpened = 1;
    private const byte KindTransition = 2;

    public static byte[] Encode<T>(ReadOnlySpan<byte> magic, CaseRecordFields<T> fields, Action<RecordWriter, T> writeTransition)
        where T : class
    {
        var writer = new RecordWriter();
        writer.Put(magic);
        writer.Put(fields.Nonce);
        writer.PutInt64(fields.RecordedAtMs);
        writer.Put(fields.ActorRole);
        if (fields.ActorRole != 0)
        {
            writer.Put(fields.ActorPartyId);
            writer.Put(fields.ActorSalt);
        }

        if (fields.Opening is CaseOpening opening)
        {
            writer.Put(KindOpened);
            opening.WriteTo(writer);
        }
        else
        {
            writer.Put(KindTransition);
            writeTransition(writer, fields.Transition!);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a record strictly: the frame (the magic, a known kind, nothing left over), then the record's own check.</summary>
    public static bool TryDecode<T, TRecord>(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> magic, string name, TransitionReader<T> readTransition, Func<CaseRecordFields<T>, TRecord> make, Func<TRecord, string?> check, out TRecord? record, out string reason)
        where T : class
        where TRecord : class
    {
        record = null;
        if (!TryDecode(bytes, magic, name, readTransition, out CaseRecordFields<T>? fields, out reason))
        {
            return false;
        }

        TRecord decoded = make(fields!);
        if (check(decoded) is string problem)
        {
            reason = problem;
            return false;
        }

        record = decoded;
        return true;
    }

    private static bool TryDecode<T>(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> magic, string name, TransitionReader<T> readTransition, out CaseRecordFields<T>? fields, out string reason)
        where T : class
    {
        fields = null;
        try
        {
            var reader = new RecordReader(bytes);
            if (!reader.Take(magic.Length).SequenceEqual(magic))
            {
                reason = $"it does not start with the {name} magic";
                return false;
            }

            byte[] nonce = reader.Take(CaseRecord.NonceLengthBytes).ToArray();
            long recordedAtMs = reader.Int64();
            byte role = reader.Byte();
            byte[] actor = role == 0 ? [] : reader.Take(16).ToArray();
            byte[] salt = role == 0 ? [] : reader.Take(32).ToArray();
            CaseOpening? opening = null;
            T? transition = null;
            switch (reader.Byte())
            {
                case KindOpened:
                    opening = CaseOpening.ReadFrom(ref reader);
                    break;
                case KindTransition:
                    transition = readTransition(ref reader);
                    break;
                default:
                    reason = "its kind is neither an opening (1) nor a transition (2)";
                    return false;
            }

            if (!reader.IsAtEnd)
            {
                reason = "bytes follow the record";
                return false;
            }

            fields = new CaseRecordFields<T>(nonce, recordedAtMs, role, actor, salt, opening, transition);
            reason = string.Empty;
            return true;
        }
        catch (FormatException e)
        {
            reason = e.Message;
            return false;
        }
    }

    /// <summary>Why the frame's fields are out of range, or null; the transition is the caller's to check.</summary>
    public static string? Problem<T>(CaseRecordFields<T> fields)
        where T : class =>
        fields.Nonce.Length != CaseRecord.NonceLengthBytes || fields.RecordedAtMs < 0 ? $"the nonce is {CaseRecord.NonceLengthBytes} bytes and the time not negative"
        : (fields.ActorRole == 0) != (fields.ActorPartyId.Length == 0) || (fields.ActorRole == 0) != (fields.ActorSalt.Length == 0)
            || (fields.ActorRole != 0 && (fields.ActorPartyId.Length != 16 || fields.ActorSalt.Length != 32)) ? "an actor (16-byte id, 32-byte salt) is present exactly when the role is not 0"
        : (fields.Opening is null) == (fields.Transition is null) ? "a record is an opening or a transition, one of the two"
        : fields.Opening?.Problem();
}
