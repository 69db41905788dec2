using System.Diagnostics;

namespace EvidenceChain.Core.Tests.Support;

/// <summary>Runs the machine's OpenSSL command line as an independent implementation to agree with.</summary>
internal static class OpenSsl
{
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
