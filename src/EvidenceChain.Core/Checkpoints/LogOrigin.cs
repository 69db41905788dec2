using System.Text;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Checkpoints;

/// <summary>
/// A log's origin (log.md §Origin): <c>host/evidencechain/log-id/tree-hash</c>. The random log id
/// means a log started afresh can never be confused with an old one; the last segment fixes the
/// tree hash, so a verifier knows which hash to use before it looks at any proof.
/// </summary>
public sealed record LogOrigin(string Host, string LogId, TreeHash TreeHash)
{
    public const int LogIdLengthBytes = 16;
    public const int HostLengthMaxChars = 253;
    private const string Marker = "evidencechain";

    /// <summary>Makes a new origin with a fresh random log id.</summary>
    public static LogOrigin Create(string host, TreeHash treeHash, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!IsValidHost(host))
        {
            throw new ArgumentException($"'{host}' is not a host name: use lowercase letters, digits, '-' and '.', without a port.", nameof(host));
        }

        if (!Enum.IsDefined(treeHash))
        {
            throw Error.OutOfRange(nameof(treeHash), treeHash, "Unknown tree hash.");
        }

        Span<byte> id = stackalloc byte[LogIdLengthBytes];
        random(id);
        return new LogOrigin(host, Convert.ToHexStringLower(id), treeHash);
    }

    public static bool TryParse(string text, out LogOrigin? origin)
    {
        origin = null;
        string[] parts = (text ?? string.Empty).Split('/');
        if (parts.Length != 4 || parts[1] != Marker || !IsValidHost(parts[0]) || !IsLogId(parts[2])
            || !TreeHashNames.TryParse(parts[3], out TreeHash treeHash))
        {
            return false;
        }

        origin = new LogOrigin(parts[0], parts[2], treeHash);
        return true;
    }

    /// <summary>SHA-256 of the origin text: the id the anchor contract and receipts' anchors give the log (its <c>logId</c>).</summary>
    public Digest OriginHash => Sha256.HashData(Encoding.UTF8.GetBytes(ToString()));

    public override string ToString() => $"{Host}/{Marker}/{LogId}/{TreeHash.ToName()}";

    private static bool IsValidHost(string host) =>
        host is { Length: > 0 and <= HostLengthMaxChars }
        && host.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.')
        && !host.StartsWith('.') && !host.EndsWith('.') && !host.Contains("..", StringComparison.Ordinal);

    private static bool IsLogId(string id) =>
        id.Length == LogIdLengthBytes * 2 && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
