using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Service.Internal.Clock;

/// <summary>
/// An SNTP client (RFC 4330, packet layout of RFC 5905 §7.3): one 48-byte request over UDP, one answer,
/// no retry and no clock filter. The worker asks again next interval, and <see cref="ClockGuard"/> takes
/// each reading's worst case. Unauthenticated (no NTS, no symmetric key): anyone on the path can lie about
/// the time, which is why a deployment should list references it reaches over paths it trusts.
/// </summary>
internal sealed class SntpClient(TimeProvider time)
{
    /// <summary>Room for the header and a MAC or extension fields, which we do not read; a longer datagram is cut.</summary>
    private const int AnswerLengthMax = 512;

    private const byte RequestVersion4ModeClient = (4 << 3) | 3;
    private const int TransmitOffset = 40;

    /// <summary>
    /// Asks <paramref name="reference"/> for its time. <c>SentAt</c> and <c>ReceivedAt</c> of the reading
    /// come from our <see cref="TimeProvider"/>, which also runs <paramref name="timeout"/> (name lookup included).
    /// </summary>
    /// <exception cref="SntpException">No reading: the failure says why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ClockReading> ReadAsync(NtpReference reference, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        using CancellationTokenSource timeoutSource = new(timeout, time);
        using CancellationTokenSource stopSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            IPAddress address = await ResolveAsync(reference, stopSource.Token).ConfigureAwait(false);
            using Socket socket = new(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);

            // Connected, so the kernel drops datagrams from any other address or port (only the server can
            // answer) and reports an ICMP port unreachable as refused.
            await socket.ConnectAsync(address, reference.Port, stopSource.Token).ConfigureAwait(false);

            // The transmit timestamp is random, not our clock: the server echoes it as the originate, so it
            // is the nonce an off-path forger must guess, and it tells the server nothing about our clock.
            // We never read it back as a time; SentAt comes from our TimeProvider.
            byte[] request = new byte[SntpAnswer.HeaderLengthBytes];
            request[0] = RequestVersion4ModeClient;
            RandomNumberGenerator.Fill(request.AsSpan(TransmitOffset));
            ulong originate = BinaryPrimitives.ReadUInt64BigEndian(request.AsSpan(TransmitOffset));

            byte[] answer = new byte[AnswerLengthMax];
            DateTimeOffset sentAt = time.GetUtcNow();
            await socket.SendAsync(request, SocketFlags.None, stopSource.Token).ConfigureAwait(false);
            int answerLengthBytes = await socket.ReceiveAsync(answer, SocketFlags.None, stopSource.Token).ConfigureAwait(false);
            DateTimeOffset receivedAt = time.GetUtcNow();
            if (receivedAt < sentAt)
            {
                // A step of the host's clock, not a fault of the reference; the next round measures again.
                throw new SntpException(reference.Source, SntpFailure.ClockWentBack, "cannot be compared with our clock, which was set back during the exchange");
            }

            SntpAnswer checkedAnswer = SntpAnswer.Read(answer.AsSpan(0, answerLengthBytes), originate, receivedAt, reference.Source);
            return new ClockReading(reference.Source, checkedAnswer.ReferenceTime, checkedAnswer.ReferenceAccuracy, sentAt, receivedAt);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SntpException(reference.Source, SntpFailure.Timeout, $"no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            throw new SntpException(reference.Source, SntpFailure.Refused, "refused: nothing listens on that port", innerException: e);
        }
        catch (SocketException e)
        {
            throw new SntpException(reference.Source, SntpFailure.Unreachable, $"cannot be reached ({e.SocketErrorCode})", innerException: e);
        }
    }

    private static async Task<IPAddress> ResolveAsync(NtpReference reference, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(reference.Host, out IPAddress? literal))
        {
            return literal;
        }

        try
        {
            IPAddress[] addresses = await Dns.GetHostAddressesAsync(reference.Host, cancellationToken).ConfigureAwait(false);
            return addresses.Length != 0
                ? addresses[0]
                : throw new SntpException(reference.Source, SntpFailure.Unresolved, "has a host name with no address");
        }
        catch (SocketException e)
        {
            throw new SntpException(reference.Source, SntpFailure.Unresolved, $"has a host name that does not resolve ({e.SocketErrorCode})", innerException: e);
        }
    }
}
