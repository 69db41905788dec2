namespace EvidenceChain.Engine.Vault;

/// <summary>Limits on the vault files the service takes (configuration section "Vault").</summary>
public sealed class VaultCustodyOptions
{
    /// <summary>The longest vault file taken: 64 GiB unless configured.</summary>
    public long ObjectLengthMaxBytes { get; set; } = 64L * 1024 * 1024 * 1024;

    /// <summary>Space left free on the blobs' volume after an upload, for the log and everything else: 1 GiB unless configured.</summary>
    public long FreeSpaceReserveBytes { get; set; } = 1024L * 1024 * 1024;
}
