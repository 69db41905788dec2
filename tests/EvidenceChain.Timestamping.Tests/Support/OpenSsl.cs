using System.Diagnostics;

namespace EvidenceChain.Timestamping.Tests.Support;

/// <summary>OpenSSL's command line, run as a separate program: an RFC 3161 implementation that shares no code with BouncyCastle.</summary>
internal static class OpenSsl
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>Runs and fails the test, showing OpenSSL's output, unless the exit code is 0.</summary>
    public static string Succeed(string workingDirectory, params string[] arguments)
    {
        (int exitCode, string output) = Run(workingDirectory, arguments);
        Assert.True(exitCode == 0, $"openssl {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
        return output;
    }
}
