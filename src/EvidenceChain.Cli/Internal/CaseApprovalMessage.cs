using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// A payout approval message read back (docs/cases.md §Approvals), so a notary sees exactly what a
/// signature approves before making it: <c>"evidencechain/payout-approval/v1\n"</c> ‖ case id (16) ‖
/// transition number (8) ‖ event (1) ‖ count (1) ‖ per payout: transfer id (16) ‖ amount fen (8, signed)
/// ‖ account (1-byte length, ASCII) ‖ name (1-byte length, UTF-8), all big-endian. Decoding is strict:
/// the fields must be in range and <see cref="ApprovalMessage.Of"/> must give back exactly these bytes,
/// so what is shown is all that is signed. The message does not say which kind of case it is for: the
/// command reading it names the event (<c>case approve</c> a 带押过户 one, <c>sale approve</c> a 带封过户 one),
/// and an event number the kind does not define is refused.
/// </summary>
internal sealed record CaseApprovalMessage(CaseId CaseId, ulong TransitionNumber, byte Event, string EventName, IReadOnlyList<Payout> Payouts)
{
    /// <summary>The longest message: 64 payouts of a 34-byte account and a 60-character name (up to 240 bytes of UTF-8).</summary>
    public const int LengthMaxBytes = 64 + (ApprovalMessage.PayoutCountMax * (16 + 8 + 1 + 34 + 1 + 240));

    private static readonly byte[] s_context = Encoding.ASCII.GetBytes("evidencechain/payout-approval/v1\n");
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="message">The message's bytes.</param>
    /// <param name="eventName">The name of an event number of the case's kind, or null where the kind has none.</param>
    /// <param name="decoded">The message read back.</param>
    /// <param name="reason">Why it is refused.</param>
    public static bool TryDecode(byte[] message, Func<byte, string?> eventName, out CaseApprovalMessage? decoded, out string reason)
    {
        decoded = null;
        int at = s_context.Length + 16 + 8 + 2;
        if (message.Length < at || !message.AsSpan().StartsWith(s_context))
        {
            reason = "it does not start with \"evidencechain/payout-approval/v1\" and the case, transition, event and count";
            return false;
        }

        var caseId = new CaseId(BinaryPrimitives.ReadUInt128BigEndian(message.AsSpan(s_context.Length)));
        ulong transition = BinaryPrimitives.ReadUInt64BigEndian(message.AsSpan(s_context.Length + 16));
        byte @event = message[at - 2];
        string? name = eventName(@event);
        int count = message[at - 1];
        if (!caseId.IsValid || transition == 0 || name is null || count is 0 or > ApprovalMessage.PayoutCountMax)
        {
            reason = $"its case id, transition number ({transition}), event ({@event}) or payout count ({count}) is out of range";
            return false;
        }

        var payouts = new List<Payout>(count);
        for (int i = 0; i < count; i++)
        {
            if (!TryReadPayout(message, ref at, out Payout? payout))
            {
                reason = $"payout {i + 1} is cut short or not text";
                return false;
            }

            if (payout!.AmountFen <= 0 || payout.Payee.Problem() is not null)
            {
                reason = $"payout {i + 1}: " + (payout.Payee.Problem() ?? $"its amount is {payout.AmountFen} fen");
                return false;
            }

            payouts.Add(payout);
        }

        if (!ApprovalMessage.Of(caseId, transition, @event, payouts).AsSpan().SequenceEqual(message))
        {
            reason = "bytes follow the last payout, or a field is not in its canonical form";
            return false;
        }

        decoded = new CaseApprovalMessage(caseId, transition, @event, name!, payouts);
        reason = string.Empty;
        return true;
    }

    private static bool TryReadPayout(byte[] message, ref int at, out Payout? payout)
    {
        payout = null;
        if (message.Length < at + 16 + 8 + 1)
        {
            return false;
        }

        var id = new TransferId(BinaryPrimitives.ReadUInt128BigEndian(message.AsSpan(at)));
        long amountFen = BinaryPrimitives.ReadInt64BigEndian(message.AsSpan(at + 16));
        at += 24;
        if (!TryReadText(message, ref at, out string account) || !TryReadText(message, ref at, out string name))
        {
            return false;
        }

        payout = new Payout(id, amountFen, new PayeeAccount(account, name));
        return true;
    }

    /// <summary>A one-byte length and that many bytes of UTF-8 (an account's ASCII is UTF-8 too; the re-encoding check holds it to ASCII).</summary>
    private static bool TryReadText(byte[] message, ref int at, out string text)
    {
        text = string.Empty;
        if (message.Length <= at || message.Length < at + 1 + message[at])
        {
            return false;
        }

        int length = message[at];
        try
        {
            text = s_strictUtf8.GetString(message, at + 1, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        at += 1 + length;
        return true;
    }
}
