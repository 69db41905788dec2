namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A service whose sequencer signs only the empty tree at start (the next checkpoint would come after an
/// hour, or 10,000 waiting leaves): every deposit stays accepted and promised but not in a checkpoint.
/// A real way to hold a deposit in that state, without a fake.
/// </summary>
public sealed class StalledServiceFixture : ServiceFixture
{
    public StalledServiceFixture()
        : base("01:00:00")
    {
    }
}
