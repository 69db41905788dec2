using System.Numerics;
using EvidenceChain.Core;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Engine.Timestamping;

/// <summary>
/// The service's own RFC 3161 time-stamp authority (docs/timestamping.md §The built-in TSA): answers a
/// DER TimeStampReq with a DER TimeStampResp, and records every token it grants as a timestamp token
/// leaf (type 6, record_schema 1: the token's DER) before the answer leaves, so no token of ours exists
/// that the log does not hold. Its time is the operator's, never independent evidence.
/// </summary>
/// <param name="authority">The responder: credential, policy, accuracy and clock guard.</param>
/// <param name="intake">Where the token leaves go, through the deposits' group commit.</param>
/// <param name="time">The TSA's clock: genTime, and the leaf's time.</param>
/// <param name="random">Serial numbers.</param>
/// <param name="clockReading">The latest reading of the clock's reference, or null when there is none.</param>
public sealed class BuiltInTsa(TimestampAuthority authority, LogIntake intake, TimeProvider time, RandomSource random, Func<ClockReading?> clockReading)
{
    /// <summary>The record_schema of a token the built-in TSA issued: the token's DER, as sent.</summary>
    public const ushort IssuedTokenSchema = 1;

    /// <summary>Random serial numbers of 128 bits less one, so they are positive and unique without a counter to keep.</summary>
    private const int SerialLengthBytes = 16;

    /// <summary>The responder's certificate and policy, to publish.</summary>
    public TimestampAuthority Authority => authority;

    /// <summary>
    /// The answer to <paramref name="requestDer"/>: a refusal as the TSA's status says, or a granted token
    /// once its leaf is durable. Bad input never throws: it is a refusal in the answer.
    /// </summary>
    /// <exception cref="Queries.QueryException">Unavailable: the log cannot take the token's leaf now, so no token is given.</exception>
    public async Task<TimestampReply> IssueAsync(ReadOnlyMemory<byte> requestDer, CancellationToken cancellationToken)
    {
        // The reading first: a clock read after it can only be later, never "gone back".
        ClockReading? reading = clockReading();
        DateTimeOffset now = time.GetUtcNow();
        TimestampReply reply = authority.Respond(requestDer.Span, now, NewSerial(), reading);
        if (reply.TokenDer is byte[] token)
        {
            RecordLeaf leaf = RecordLeaf.Over(LeafType.TimestampToken, IssuedTokenSchema, now.ToUnixTimeMilliseconds(), token, []);
            await intake.RecordAsync(leaf, new LeafRecord(token, [TokenKey]), cancellationToken).ConfigureAwait(false);
        }

        return reply;
    }

    /// <summary>The key the built-in TSA's tokens are kept under beside the log.</summary>
    public static string TokenKey => "tsa:issued";

    private BigInteger NewSerial()
    {
        Span<byte> bytes = stackalloc byte[SerialLengthBytes];
        random(bytes);
        bytes[0] &= 0x7F;
        bytes[0] |= 0x40;
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }
}
