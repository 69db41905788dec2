using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <see cref="DepositContent"/> against a reference written straight from commitment.md over bytes in
/// memory, and its refusals: links, pipes, empty directories, names equal after NFC.
/// </summary>
public sealed class DepositContentTests
{
    [Fact]
    public void ComputeEvidence_RandomFilesAndChunkSizes_EqualsInMemoryReference()
    {
        Gen.Select(Gen.Int[0, 300_000], Gen.OneOf(0L, 65_536L, 131_072L))
            .Sample((length, chunkSizeBytes) =>
            {
                byte[] content = RandomNumberGenerator.GetBytes(length);
                MasterSalt masterSalt = MasterSalt.Create(RandomNumberGenerator.Fill);
                using var directory = new TempDirectory();
                string path = directory.Write("evidence.bin", content);

                DepositEvidence evidence = DepositContent.FromFile(path).ComputeEvidence(masterSalt, chunkSizeBytes);

                Assert.Equal(Reference(masterSalt, chunkSizeBytes, [(string.Empty, content)]), evidence);
            }, iter: 24);
    }

    [Fact]
    public void ComputeEvidence_NestedDirectory_EqualsReferenceInUtf8PathOrder()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["b.txt"] = Encoding.ASCII.GetBytes("b"),
            ["a/z.txt"] = RandomNumberGenerator.GetBytes(70_000),
            ["a/é.txt"] = Encoding.ASCII.GetBytes("accent"),
            ["a b/c"] = [],
            [".hidden"] = Encoding.ASCII.GetBytes("h"),
        };
        using var directory = new TempDirectory();
        foreach ((string relativePath, byte[] bytes) in files)
        {
            directory.Write("root/" + relativePath, bytes);
        }

        MasterSalt masterSalt = MasterSalt.Create(RandomNumberGenerator.Fill);
        var content = DepositContent.FromDirectory(directory.File("root"));

        Assert.Equal(
            [".hidden", "a b/c", "a/z.txt", "a/é.txt", "b.txt"],
            content.PlanUnits(0).Select(u => u.Path));
        Assert.Equal(
            Reference(masterSalt, 65_536, files.Select(f => (f.Key, f.Value)).ToList()),
            content.ComputeEvidence(masterSalt, 65_536));
    }

    [Fact]
    public void CreateSaltFile_RoundTripsThroughJson()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("evidence.bin", RandomNumberGenerator.GetBytes(150_000));
        MasterSalt masterSalt = MasterSalt.Create(RandomNumberGenerator.Fill);

        SaltFile saltFile = DepositContent.FromFile(path).CreateSaltFile(masterSalt, 65_536);
        Assert.True(SaltFile.TryParse(saltFile.ToJson(), out SaltFile? parsed).IsValid);

        Assert.Equal(3u, parsed!.UnitCount);
        Assert.Equal(65_536, parsed.ChunkSizeBytes);
        Assert.Equal(saltFile.UnitsRoot, parsed.UnitsRoot);
        Assert.Equal(masterSalt.Bytes.ToArray(), parsed.MasterSalt.Bytes.ToArray());
    }

    [Fact]
    public void FromFile_RenamedFile_GivesTheSameEvidence()
    {
        using var directory = new TempDirectory();
        string path = directory.Write("before.bin", RandomNumberGenerator.GetBytes(1000));
        MasterSalt masterSalt = MasterSalt.Create(RandomNumberGenerator.Fill);
        DepositEvidence before = DepositContent.FromFile(path).ComputeEvidence(masterSalt, 0);
        string renamed = directory.File("after.bin");
        File.Move(path, renamed);

        Assert.Equal(before, DepositContent.FromFile(renamed).ComputeEvidence(masterSalt, 0));
    }

    [Fact]
    public void FromDirectory_SymbolicLinkToDirectory_IsRefused()
    {
        using var directory = new TempDirectory();
        directory.Write("root/real/a.txt", "a");
        string link = directory.File("root/linked");
        Directory.CreateSymbolicLink(link, directory.File("root/real"));

        InputException refused = Assert.Throws<InputException>(() => DepositContent.FromDirectory(directory.File("root")));

        Assert.Equal(InputProblem.SymbolicLink, refused.Problem);
        Assert.Equal(link, refused.Subject);
    }

    [Fact]
    public void FromFile_SymbolicLink_IsRefusedNamingItsTarget()
    {
        using var directory = new TempDirectory();
        string target = directory.Write("a.txt", "a");
        string link = directory.File("link.txt");
        File.CreateSymbolicLink(link, target);

        InputException refused = Assert.Throws<InputException>(() => DepositContent.FromFile(link));

        Assert.Equal(InputProblem.SymbolicLink, refused.Problem);
        Assert.Equal(target, refused.Detail);
    }

    [Fact]
    public void FromDirectory_NamedPipe_IsRefusedWithoutOpeningIt()
    {
        using var directory = new TempDirectory();
        directory.Write("root/a.txt", "a");
        string pipe = directory.File("root/pipe");
        MakeFifo(pipe);

        // Opening a pipe with no writer would block forever; refusing it must not open it.
        InputException refused = Assert.Throws<InputException>(() => DepositContent.FromDirectory(directory.File("root")));

        Assert.Equal(InputProblem.SpecialFile, refused.Problem);
        Assert.Equal(pipe, refused.Subject);
    }

    [Fact]
    public void FromFile_Device_IsRefused()
    {
        InputException refused = Assert.Throws<InputException>(() => DepositContent.FromFile("/dev/null"));

        Assert.Equal(InputProblem.SpecialFile, refused.Problem);
    }

    [Fact]
    public void PlanUnits_EmptyDirectory_IsRefused()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.File("root/empty-folder"));
        var content = DepositContent.FromDirectory(directory.File("root"));

        InputException refused = Assert.Throws<InputException>(() => content.PlanUnits(0));

        Assert.Equal(InputProblem.ContentNotPlannable, refused.Problem);
    }

    [Fact]
    public void PlanUnits_NamesEqualAfterNfc_AreRefused()
    {
        using var directory = new TempDirectory();
        directory.Write("root/caf\u00e9.txt", "composed");
        directory.Write("root/cafe\u0301.txt", "decomposed");
        var content = DepositContent.FromDirectory(directory.File("root"));

        InputException refused = Assert.Throws<InputException>(() => content.PlanUnits(0));

        Assert.Equal(InputProblem.ContentNotPlannable, refused.Problem);
        Assert.Contains("appears twice", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDirectory_File_IsRefused()
    {
        using var directory = new TempDirectory();
        string file = directory.Write("a.txt", "a");

        Assert.Equal(InputProblem.NotADirectory, Assert.Throws<InputException>(() => DepositContent.FromDirectory(file)).Problem);
    }

    /// <summary>commitment.md §Units and §Units root, over bytes in memory: plan, slice, hash, commit.</summary>
    private static DepositEvidence Reference(MasterSalt masterSalt, long chunkSizeBytes, IReadOnlyList<(string Path, byte[] Content)> files)
    {
        var byPath = files.ToDictionary(f => f.Path.Normalize(NormalizationForm.FormC), f => f.Content, StringComparer.Ordinal);
        IReadOnlyList<UnitDescriptor> units = UnitPlan.Plan(byPath.Select(f => (f.Key, (ulong)f.Value.Length)), chunkSizeBytes);
        using var unitsRoot = new UnitsRoot(masterSalt);
        foreach (UnitDescriptor unit in units)
        {
            byte[] slice = byPath[unit.Path].AsSpan((int)unit.OffsetBytes, (int)unit.LengthBytes).ToArray();
            unitsRoot.Add(unit, new DigestPair(Digest.Read(SHA256.HashData(slice)), Sm3.HashData(slice)));
        }

        return new DepositEvidence(unitsRoot.Finish(), (uint)unitsRoot.UnitCount);
    }

    private static void MakeFifo(string path)
    {
        using Process process = Process.Start("mkfifo", [path]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
