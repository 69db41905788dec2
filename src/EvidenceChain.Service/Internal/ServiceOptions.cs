using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Service.Internal;

/// <summary>The service's own settings (section "Log"); intake and sequencer limits have their own sections.</summary>
internal sealed class ServiceOptions
{
    /// <summary>The data directory: the log store and the notary's keys. <c>--data DIR</c>; default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The host named in a new log's origin (the notary office's DNS name).</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>The tree hash of a new log: sha256 (default) or sm3.</summary>
    public TreeHash TreeHash { get; set; } = TreeHash.Sha256;

    /// <summary><c>--new-log</c>: start a new log although keys of an old one exist.</summary>
    public bool NewLog { get; set; }
}
