using System.Diagnostics;
namespace EvidenceChain.Testing;

/// <summary>The service executable's offline commands (<c>store …</c>, <c>keys …</c>), run with the service stopped.</summary>
public static class ServiceCommand
{
    /// <summary>Runs <c>EvidenceChain.Service ARGUMENTS</c> to its exit (bounded) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])[Path.Combine(ServiceHostProcess.RepoRoot(), "src", "EvidenceChain.Service", "bin", configuration, "net10.0", "EvidenceChain.Service.dll"), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(string.Join(' ', arguments) + " did not finish within 120 s");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
