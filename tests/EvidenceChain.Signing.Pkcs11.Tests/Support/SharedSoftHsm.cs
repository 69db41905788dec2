namespace EvidenceChain.Signing.Pkcs11.Tests.Support;

/// <summary>
/// One token for every test, and the tests one after another: SoftHSM reads its configuration once
/// per process, and login state belongs to the token, so tests on it must not overlap.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedSoftHsm : ICollectionFixture<SoftHsm>
{
    public const string Name = "SoftHSM";
}
