using EvidenceChain.Core.Records;

namespace EvidenceChain.Pledges.Records;

/// <summary>
/// A pledge registry event's record beside the log (docs/formats/pledge-event.md; leaf type 5,
/// record_schema 1): one applied transition, with the exact bytes its parties signed and their
/// signatures. Replaying an asset's records in order rebuilds it (<see cref="PledgeRules.Apply"/>,
/// <see cref="PledgeRegistry.Replay"/>).
/// </summary>
/// <param name="Nonce">32 random bytes: the record's digest cannot be confirmed by guessing its contents.</param>
/// <param name="RecordedAtMs">When it was recorded, Unix milliseconds (the leaf's is the same).</param>
/// <param name="Transition">The transition applied.</param>
public sealed record PledgeRecord(byte[] Nonce, long RecordedAtMs, PledgeTransition Transition)
{
    /// <summary>The record_schema of pledge event records among pledge event leaves (type 5).</summary>
    public const ushort Schema = 1;

    public const int NonceLengthBytes = 32;

    private static readonly byte[] s_magic = "evidencechain/pledge-record/v1\n"u8.ToArray();

    /// <exception cref="InvalidOperationException">A field is out of range (<see cref="Problem"/>).</exception>
    public byte[] Encode()
    {
        if (Problem() is string problem)
        {
            throw new InvalidOperationException("Not a valid pledge record: " + problem);
        }

        PledgeTransition t = Transition;
        var writer = new RecordWriter();
        writer.Put(s_magic);
        writer.Put(Nonce);
        writer.PutInt64(RecordedAtMs);
        PledgeFields.WriteHead(writer, t.Command, t.Number);
        PledgeFields.WriteBody(writer, t.Command);
        writer.Put((byte)(t.AssetFrom ?? 0));
        writer.Put((byte)t.AssetTo);
        writer.Put((byte)(t.PledgeFrom ?? 0));
        writer.Put((byte)(t.PledgeTo ?? 0));
        writer.PutInt64(t.AtMs);
        PledgeFields.WriteSignatures(writer, t.Command.Signatures!);
        return writer.ToArray();
    }

    /// <summary>Decodes a canonical record strictly: every field in range, nothing left over.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out PledgeRecord? record, out string reason)
    {
        record = null;
        try
        {
            var reader = new RecordReader(bytes);
            if (!reader.Take(s_magic.Length).SequenceEqual(s_magic))
            {
                reason = "it does not start with the pledge record magic";
                return false;
            }

            byte[] nonce = reader.Take(NonceLengthBytes).ToArray();
            long recordedAtMs = reader.Int64();
            PledgeCommand command = PledgeFields.Read(ref reader, out ulong number);
            byte assetFrom = reader.Byte();
            byte assetTo = reader.Byte();
            byte pledgeFrom = reader.Byte();
            byte pledgeTo = reader.Byte();
            long atMs = reader.Int64();
            PledgeSignature[] signatures = PledgeFields.ReadSignatures(ref reader);
            if (!reader.IsAtEnd)
            {
                reason = "bytes follow the record";
                return false;
            }

            var decoded = new PledgeRecord(
                nonce,
                recordedAtMs,
                new PledgeTransition(
                    number,
                    command with { Signatures = signatures },
                    assetFrom == 0 ? null : (AssetState)assetFrom,
                    (AssetState)assetTo,
                    pledgeFrom == 0 ? null : (PledgeState)pledgeFrom,
                    pledgeTo == 0 ? null : (PledgeState)pledgeTo,
                    atMs));
            if (decoded.Problem() is string problem)
            {
                reason = problem;
                return false;
            }

            record = decoded;
            reason = string.Empty;
            return true;
        }
        catch (FormatException e)
        {
            reason = e.Message;
            return false;
        }
    }

    /// <summary>Why a field is out of range, or null. The event's rules are not re-run: a replay trusts that it was checked when applied.</summary>
    public string? Problem()
    {
        if (Nonce is not { Length: NonceLengthBytes } || RecordedAtMs < 0)
        {
            return $"the nonce is {NonceLengthBytes} bytes and the time not negative";
        }

        PledgeTransition? t = Transition;
        if (t?.Command is null)
        {
            return "a record carries a transition";
        }

        if (t.Number == 0 || t.AtMs < 0)
        {
            return "a transition has a number from 1 and a time not negative";
        }

        if (t.Command.Problem() is string command)
        {
            return "its event: " + command;
        }

        bool assetEvent = PledgeTransitions.IsAssetEvent(t.Command.Event);
        bool register = t.Command.Event == PledgeEvent.RegisterAsset;
        return !Enum.IsDefined(t.AssetTo) || t.AssetFrom is AssetState from && !Enum.IsDefined(from) ? "an asset state is not defined"
            : (t.AssetFrom is null) != register ? "the asset's state before is absent exactly for RegisterAsset"
            : t.PledgeTo is PledgeState to && !Enum.IsDefined(to) || t.PledgeFrom is PledgeState before && !Enum.IsDefined(before) ? "a pledge state is not defined"
            : (t.PledgeTo is null) != assetEvent ? "the pledge's state after is present exactly for a pledge event"
            : (t.PledgeFrom is null) != (assetEvent || t.Command.Event == PledgeEvent.ApplyPledge) ? "the pledge's state before is absent exactly for an asset event and ApplyPledge"
            : null;
    }
}
