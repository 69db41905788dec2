using EvidenceChain.Pledges.Records;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Pledges;

/// <summary>
/// What the acting parties sign (docs/formats/pledge-event.md §Signed message):
/// <c>"evidencechain/pledge-event/v1\n" ‖ asset id (16) ‖ pledge id or 16 zero bytes ‖ event (1)
/// ‖ the asset's event number (8) ‖ the event's fields</c>. A signature covers that event, at that
/// place in the asset's history, with those fields, and nothing else: replaying it as another event,
/// on another asset or pledge, or later, is another message.
/// </summary>
public static class PledgeEventMessage
{
    private static readonly byte[] s_context = "evidencechain/pledge-event/v1\n"u8.ToArray();

    /// <summary>The message's bytes.</summary>
    /// <param name="command">The event; its signatures are not part of the message.</param>
    /// <param name="number">The number the event will have among the asset's events (1 for its registration).</param>
    /// <exception cref="ArgumentException">The command is malformed (<see cref="PledgeCommand.Problem"/>, signatures aside).</exception>
    public static byte[] Of(PledgeCommand command, ulong number)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfZero(number);
        if ((command with { Signatures = [Placeholder] }).Problem() is string problem)
        {
            throw new ArgumentException("Not a pledge event: " + problem, nameof(command));
        }

        var writer = new RecordWriter();
        writer.Put(s_context);
        PledgeFields.WriteHead(writer, command, number);
        PledgeFields.WriteBody(writer, command);
        return writer.ToArray();
    }

    /// <summary>
    /// Reads a message back into the event it is over (no signatures) and the asset's event number, strictly: the
    /// context, the fields in range for the event, and exactly the bytes <see cref="Of"/> writes for them, so a
    /// signer can be shown everything it is about to sign.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out PledgeCommand? command, out ulong number, out string reason)
    {
        command = null;
        number = 0;
        if (!message.StartsWith(s_context))
        {
            reason = "it does not start with the pledge event context";
            return false;
        }

        PledgeCommand read;
        ulong readNumber;
        try
        {
            var reader = new RecordReader(message[s_context.Length..]);
            read = PledgeFields.Read(ref reader, out readNumber);
            if (!reader.IsAtEnd)
            {
                reason = "bytes follow the event's fields";
                return false;
            }
        }
        catch (FormatException e)
        {
            reason = e.Message;
            return false;
        }

        if (readNumber == 0)
        {
            reason = "the asset's events are numbered from 1";
            return false;
        }

        if ((read with { Signatures = [Placeholder] }).Problem() is string problem)
        {
            reason = "not a pledge event: " + problem;
            return false;
        }

        // What a signer is shown must be exactly what it signs: the event read must write back to this very message.
        if (!Of(read, readNumber).AsSpan().SequenceEqual(message))
        {
            reason = "it is not the canonical encoding of its event";
            return false;
        }

        command = read;
        number = readNumber;
        reason = string.Empty;
        return true;
    }

    // Lets the shape check run on a command not yet signed.
    private static PledgeSignature Placeholder { get; } = new(new string('0', 32), default, new byte[PledgeSignature.SignatureLengthBytes]);
}
