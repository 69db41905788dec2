using System.Diagnostics;

namespace EvidenceChain.Testing;

/// <summary>Runs a program of the machine (openssl, curl, bash) to its end: an independent implementation to agree with.</summary>
public static class ExternalProgram
{
    /// <summary>The exit code and everything written to stdout, then stderr.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
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
}
