using System.Collections.Concurrent;
using System.Security.Cryptography;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Observability;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Sequencing;
using EvidenceChain.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace EvidenceChain.Engine.Tests.Support;

/// <summary>
/// An engine over a real LiteDB store in a temp folder, with random notary keys; every storage
/// event and every acknowledgement go into one ordered journal.
/// </summary>
internal sealed class TestLog : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evidencechain-engine-").FullName;
    private readonly byte[] _depositorSeed = RandomNumberGenerator.GetBytes(32);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _intakeLoop;

    public TestLog(Func<ILogStore, ILogStore>? decorate = null, IntakeOptions? intake = null, LogMetrics? metrics = null)
    {
        Origin = LogOrigin.Create("notary.example.cn", TreeHash.Sha256, RandomNumberGenerator.Fill);
        RealStore = LiteDbLogStore.Open(_directory, e => Journal.Enqueue(e));
        RealStore.CreateIdentity(new LogIdentity(Origin.ToString(), 0));
        Store = decorate is null ? RealStore : decorate(RealStore);
        Notary = new Notary(
            Origin,
            new Ed25519NoteSigner(Origin.ToString(), RandomNumberGenerator.GetBytes(32)),
            new Sm2NoteSigner(Origin.ToString(), RandomNumberGenerator.GetBytes(31).Prepend((byte)1).ToArray(), "1234567812345678"u8, RandomNumberGenerator.Fill));
        Intake = new LogIntake(Store, Notary, TimeProvider.System, intake ?? new IntakeOptions(), NullLogger<LogIntake>.Instance, metrics);
        Sequencer = new Sequencer(Store, Notary, TimeProvider.System, new SequencerOptions(), NullLogger<Sequencer>.Instance, metrics);
        _intakeLoop = Intake.RunAsync(_stop.Token);
    }

    public LogOrigin Origin { get; }

    public LiteDbLogStore RealStore { get; }

    public ILogStore Store { get; }

    public Notary Notary { get; }

    public LogIntake Intake { get; }

    public Sequencer Sequencer { get; }

    /// <summary>Storage events and acknowledgements (strings "ack:leafIndex"), in the order they happened.</summary>
    public ConcurrentQueue<object> Journal { get; } = new();

    public byte[] PublicKey => DepositRequest.PublicKeyOf(_depositorSeed);

    public DepositSubmission Submission(int entries, int seed = 0) =>
        Submission(Enumerable.Range(0, entries).Select(i => Entry((seed * 100_000) + i)).ToList());

    /// <summary>The entries, signed by this log's test depositor (stamped, v2, when <paramref name="stamp"/> is given).</summary>
    public DepositSubmission Submission(IReadOnlyList<DepositEntry> entries, RequestStamp? stamp = null) =>
        new(entries, PublicKey, new DepositRequest(Origin, entries, stamp).Sign(_depositorSeed), stamp);

    public static DepositEntry Entry(int value)
    {
        byte[] content = BitConverter.GetBytes(value);
        MasterSalt salt = MasterSalt.FromBytes(SHA256.HashData(content));
        using var units = new UnitsRoot(salt);
        units.Add(new UnitDescriptor(string.Empty, 0, (ulong)content.Length), ContentHasher.HashData(content));
        return new DepositEntry(ContentKind.Data, 1, units.Finish(), salt.DerivePartySalt());
    }

    public async Task<DepositOutcome> DepositAsync(int entries, int seed = 0) =>
        await Intake.SubmitAsync(Submission(entries, seed), CancellationToken.None);

    public void Dispose()
    {
        _stop.Cancel();
        _intakeLoop.GetAwaiter().GetResult();
        _stop.Dispose();
        Sequencer.Dispose();
        Notary.Dispose();
        RealStore.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
