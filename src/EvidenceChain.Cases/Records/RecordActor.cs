using EvidenceChain.Cases.Internal;

namespace EvidenceChain.Cases.Records;

/// <summary>The fields every case record starts with after its magic: its nonce, time and actor (docs/formats/case-transition.md).</summary>
internal static class RecordActor
{
    public static void Write(RecordWriter writer, byte[] nonce, long recordedAtMs, byte role, byte[] partyId, byte[] salt)
    {
        writer.Put(nonce);
        writer.PutInt64(recordedAtMs);
        writer.Put(role);
        if (role != 0)
        {
            writer.Put(partyId);
            writer.Put(salt);
        }
    }

    public static (byte[] Nonce, long RecordedAtMs, byte Role, byte[] PartyId, byte[] Salt) Read(ref RecordReader reader)
    {
        byte[] nonce = reader.Take(CaseRecord.NonceLengthBytes).ToArray();
        long recordedAtMs = reader.Int64();
        byte role = reader.Byte();
        return (nonce, recordedAtMs, role, role == 0 ? [] : reader.Take(16).ToArray(), role == 0 ? [] : reader.Take(32).ToArray());
    }

    /// <summary>Why the fields are out of range, or null.</summary>
    public static string? Problem(byte[] nonce, long recordedAtMs, byte role, byte[] partyId, byte[] salt) =>
        nonce.Length != CaseRecord.NonceLengthBytes || recordedAtMs < 0 ? $"the nonce is {CaseRecord.NonceLengthBytes} bytes and the time not negative"
        : (role == 0) != (partyId.Length == 0) || (role == 0) != (salt.Length == 0) || (role != 0 && (partyId.Length != 16 || salt.Length != 32)) ? "an actor (16-byte id, 32-byte salt) is present exactly when the role is not 0"
        : null;
}
