extern alias ServiceAssembly;

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ServiceAssembly::EvidenceChain.Service.Internal.Clock;

namespace EvidenceChain.Service.Tests.Support;

/// <summary>
/// A fake NTP server: a real UDP socket on 127.0.0.1 (port 0, read back as <see cref="Port"/>) that answers
/// SNTP requests with the host's clock moved by <see cref="Skew"/>, or with the fault a test sets. A fake,
/// because a test can neither move a real server's clock nor make one send a kiss-o'-death. Its packets
/// follow RFC 5905 §7.3 and are encoded here, apart from the client's decoder, so one checks the other.
/// Set its properties before the request they should shape.
/// </summary>
internal sealed class FakeNtpServer : IDisposable
{
    private static readonly DateTimeOffset s_eraZeroStart = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _forger = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly SemaphoreSlim _requests = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public FakeNtpServer()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _forger.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public NtpReference Reference => new("127.0.0.1", Port);

    /// <summary>How far this server's clock is ahead of the host's.</summary>
    public TimeSpan Skew { get; set; }

    public byte Stratum { get; set; } = 2;

    public int LeapIndicator { get; set; }

    public int Version { get; set; } = 4;

    public int Mode { get; set; } = 4;

    public TimeSpan RootDelay { get; set; }

    public TimeSpan RootDispersion { get; set; }

    /// <summary>When set, answers with a kiss-o'-death carrying this code (stratum 0, leap indicator 3).</summary>
    public string? KissCode { get; set; }

    /// <summary>Receives requests and never answers.</summary>
    public bool IsSilent { get; set; }

    /// <summary>Answers with an originate timestamp other than the request's transmit timestamp.</summary>
    public bool EchoesWrongOriginate { get; set; }

    /// <summary>Cuts the answer to this many bytes.</summary>
    public int? AnswerLengthBytes { get; set; }

    /// <summary>Before the true answer, sends one 1000 s ahead, correct in every field, from another port.</summary>
    public bool SendsForgeryFirst { get; set; }

    /// <summary>Completes when the next request (counting from the last wait) has arrived.</summary>
    public Task NextRequestAsync() => _requests.WaitAsync();

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _serving.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        _forger.Dispose();
        _stop.Dispose();
        _requests.Dispose();
    }

    // Seconds modulo 2^32: the era is left for the reader to infer, as on the wire.
    private static ulong ToTimestamp(DateTimeOffset time)
    {
        long ticks = (time - s_eraZeroStart).Ticks;
        ulong seconds = (ulong)(ticks / TimeSpan.TicksPerSecond) & uint.MaxValue;
        ulong fraction = ((ulong)(ticks % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    private static uint ToShort(TimeSpan duration) => (uint)((duration.Ticks << 16) / TimeSpan.TicksPerSecond);

    private async Task ServeAsync()
    {
        byte[] request = new byte[512];
        while (true)
        {
            SocketReceiveFromResult received = await _socket.ReceiveFromAsync(request, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            DateTimeOffset receivedAt = DateTimeOffset.UtcNow + Skew;
            _requests.Release();
            if (IsSilent || received.ReceivedBytes < 48)
            {
                continue;
            }

            ulong transmitted = BinaryPrimitives.ReadUInt64BigEndian(request.AsSpan(40));
            ulong originate = EchoesWrongOriginate ? ~transmitted : transmitted;
            if (SendsForgeryFirst)
            {
                TimeSpan ahead = TimeSpan.FromSeconds(1000);
                await _forger.SendToAsync(Answer(originate, receivedAt + ahead, DateTimeOffset.UtcNow + Skew + ahead), SocketFlags.None, received.RemoteEndPoint, _stop.Token);
            }

            byte[] answer = Answer(originate, receivedAt, DateTimeOffset.UtcNow + Skew);
            await _socket.SendToAsync(answer.AsMemory(0, AnswerLengthBytes ?? answer.Length), SocketFlags.None, received.RemoteEndPoint, _stop.Token);
        }
    }

    private byte[] Answer(ulong originate, DateTimeOffset receivedAt, DateTimeOffset sentAt)
    {
        byte[] answer = new byte[48];
        string? kissCode = KissCode;
        bool isKiss = kissCode is not null;
        answer[0] = (byte)(((isKiss ? 3 : LeapIndicator) << 6) | (Version << 3) | Mode);
        answer[1] = isKiss ? (byte)0 : Stratum;
        answer[2] = 6;
        answer[3] = unchecked((byte)-20);
        BinaryPrimitives.WriteUInt32BigEndian(answer.AsSpan(4), ToShort(RootDelay));
        BinaryPrimitives.WriteUInt32BigEndian(answer.AsSpan(8), ToShort(RootDispersion));
        if (kissCode is not null)
        {
            Encoding.ASCII.GetBytes(kissCode, answer.AsSpan(12, 4));
        }
        else
        {
            IPAddress.Loopback.TryWriteBytes(answer.AsSpan(12, 4), out _);
        }

        BinaryPrimitives.WriteUInt64BigEndian(answer.AsSpan(16), ToTimestamp(receivedAt));
        BinaryPrimitives.WriteUInt64BigEndian(answer.AsSpan(24), originate);
        BinaryPrimitives.WriteUInt64BigEndian(answer.AsSpan(32), ToTimestamp(receivedAt));
        BinaryPrimitives.WriteUInt64BigEndian(answer.AsSpan(40), ToTimestamp(sentAt));
        return answer;
    }
}
