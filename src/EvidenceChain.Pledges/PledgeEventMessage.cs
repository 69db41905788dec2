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

    // Lets the shape check run on a command not yet signed.
    private static PledgeSignature Placeholder { get; } = new(new string('0', 32), default, new byte[PledgeSignature.SignatureLengthBytes]);
}
