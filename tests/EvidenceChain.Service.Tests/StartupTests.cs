using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;

namespace EvidenceChain.Service.Tests;

/// <summary>A log must never sign two histories: the service refuses to start on keys without a log or a log without keys.</summary>
public class StartupTests
{
    [Fact]
    public void Start_KeysWithoutStore_RefusesWithReason()
    {
        using var data = new TempDirectory();
        string origin;
        using (ServiceProcess first = ServiceProcess.Start(data.Path))
        {
            origin = first.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
        }

        Directory.Delete(Path.Combine(data.Path, "log"), recursive: true);

        (int exitCode, string output) = ServiceProcess.RunToExit(data.Path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("no log", output, StringComparison.Ordinal);
        Assert.Contains(origin, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_StoreWithoutKeys_Refuses()
    {
        using var data = new TempDirectory();
        using (ServiceProcess.Start(data.Path))
        {
        }

        Directory.Delete(Path.Combine(data.Path, "keys"), recursive: true);

        (int exitCode, string output) = ServiceProcess.RunToExit(data.Path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("not its keys", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NewLogAfterLostStore_NewOriginAndOldKeysKept()
    {
        using var data = new TempDirectory();
        string oldOrigin;
        using (ServiceProcess first = ServiceProcess.Start(data.Path))
        {
            oldOrigin = first.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
        }

        Directory.Delete(Path.Combine(data.Path, "log"), recursive: true);

        using ServiceProcess second = ServiceProcess.Start(data.Path, "--new-log");
        string newOrigin = second.Client.GetLogInfo(new GetLogInfoRequest()).Origin;

        Assert.NotEqual(oldOrigin, newOrigin);
        Assert.Single(Directory.GetDirectories(Path.Combine(data.Path, "keys"), "retired-*"));
    }

    [Fact]
    public void Start_KeyFiles_AreOwnerOnly()
    {
        using var data = new TempDirectory();
        using (ServiceProcess.Start(data.Path))
        {
        }

        foreach (string key in Directory.GetFiles(Path.Combine(data.Path, "keys")))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }

        Assert.Equal(2, File.ReadAllLines(Path.Combine(data.Path, "notary.vkeys")).Length);
    }

    [Fact]
    public void Start_KeyReadableByOthers_Refuses()
    {
        using var data = new TempDirectory();
        using (ServiceProcess.Start(data.Path))
        {
        }

        string key = Directory.GetFiles(Path.Combine(data.Path, "keys"), "*ed25519*").Single();
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        (int exitCode, string output) = ServiceProcess.RunToExit(data.Path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("chmod 600", output, StringComparison.Ordinal);
    }
}
