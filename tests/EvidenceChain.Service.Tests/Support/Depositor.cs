using System.Security.Cryptography;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using CoreDeposits = EvidenceChain.Core.Deposits;

namespace EvidenceChain.Service.Tests.Support;

/// <summary>
/// A depositor as the CLI will be one: its own Ed25519 key, content hashed and salted locally,
/// only commitments and the party salt sent, signed over the canonical request for the log's origin.
/// </summary>
internal sealed class Depositor
{
    private readonly byte[] _seed;

    public Depositor(byte[]? seed = null) => _seed = seed ?? RandomNumberGenerator.GetBytes(32);

    public byte[] PublicKey => CoreDeposits.DepositRequest.PublicKeyOf(_seed);

    /// <summary>A one-unit deposit of <paramref name="content"/> under a fresh master salt.</summary>
    public static (CoreDeposits.DepositEntry Entry, SaltFile Salt) Commit(byte[] content, Core.Leaves.ContentKind kind = Core.Leaves.ContentKind.TradeSecret)
    {
        MasterSalt salt = MasterSalt.Create(RandomNumberGenerator.Fill);
        using var units = new UnitsRoot(salt);
        units.Add(new UnitDescriptor(string.Empty, 0, (ulong)content.Length), ContentHasher.HashData(content));
        DigestPair roots = units.Finish();
        return (new CoreDeposits.DepositEntry(kind, 1, roots, salt.DerivePartySalt()), new SaltFile(salt, 0, 1, roots));
    }

    /// <summary>
    /// The signed wire request for <paramref name="entries"/> to the log named <paramref name="origin"/>:
    /// stamped (v2) with the given or the current time and a fresh nonce, or v1 when <paramref name="stamped"/> is false.
    /// </summary>
    public DepositRequest Request(string origin, IReadOnlyList<CoreDeposits.DepositEntry> entries, ulong requestId = 0, bool stamped = true, long? issuedAtMs = null)
    {
        Core.Checkpoints.LogOrigin logOrigin = Core.Checkpoints.LogOrigin.TryParse(origin, out var parsed) ? parsed! : throw new ArgumentException("not an origin: " + origin);
        CoreDeposits.RequestStamp? stamp = stamped
            ? new CoreDeposits.RequestStamp(issuedAtMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), System.Security.Cryptography.RandomNumberGenerator.GetBytes(CoreDeposits.RequestStamp.NonceLengthBytes))
            : null;
        var request = new CoreDeposits.DepositRequest(logOrigin, entries, stamp);
        var wire = new DepositRequest
        {
            RequestId = requestId,
            DepositorPublicKey = ByteString.CopyFrom(PublicKey),
            Signature = ByteString.CopyFrom(request.Sign(_seed)),
            IssuedAtMs = stamp?.IssuedAtMs ?? 0,
            Nonce = stamp is null ? ByteString.Empty : ByteString.CopyFrom(stamp.Nonce),
        };
        wire.Entries.AddRange(entries.Select(ToWire));
        return wire;
    }

    /// <summary>
    /// Deposits <paramref name="content"/> (random bytes when null) as one one-unit deposit of a new
    /// depositor, and returns its deposit id once a checkpoint includes it (bounded poll: the tests'
    /// services checkpoint every 100 ms).
    /// </summary>
    public static async Task<string> DepositIncludedAsync(ServiceProcess service, byte[]? content = null)
    {
        string origin = (await service.Client.GetLogInfoAsync(new GetLogInfoRequest())).Origin;
        string depositId = (await service.Client.DepositAsync(new Depositor().Request(origin, [Commit(content ?? Guid.NewGuid().ToByteArray()).Entry]))).Deposits[0].DepositId;
        for (int attempt = 0; attempt < 200 && !(await service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = depositId })).Included; attempt++)
        {
            await Task.Delay(50);
        }

        return depositId;
    }

    /// <summary>Opens this depositor's commitment in a receipt, as the CLI does for its own receipts.</summary>
    public DepositorOpening Opening(SaltFile salt) => new(PartyCommitment.FingerprintEd25519(PublicKey), salt.MasterSalt.DerivePartySalt());

    public static Protocol.V1.DepositEntry ToWire(CoreDeposits.DepositEntry entry) => new()
    {
        Kind = (Protocol.V1.ContentKind)(int)entry.Kind,
        UnitCount = entry.UnitCount,
        UnitsRootSha256 = ByteString.CopyFrom(Digest.AsBytes(entry.UnitsRoot.Sha256)),
        UnitsRootSm3 = ByteString.CopyFrom(Digest.AsBytes(entry.UnitsRoot.Sm3)),
        PartySalt = ByteString.CopyFrom(Digest.AsBytes(entry.PartySalt.Value)),
    };
}
