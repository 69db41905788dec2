using System.Diagnostics;

namespace EvidenceChain.DepositCertificates.Tests.Support;

/// <summary>
/// poppler-utils, an independent PDF reader: <c>pdftotext</c> shows what a reader's copy-and-paste and
/// search would find, <c>pdftoppm</c> what a screen or printer shows. .ci/run installs them.
/// </summary>
internal static class Poppler
{
    public static string Text(string pdfPath) => Run("pdftotext", "-layout", "-enc", "UTF-8", pdfPath, "-");

    /// <summary>Page 1 as an image file <c>PREFIX-1.png</c> (or <c>.pgm</c> in gray); returns its path.</summary>
    public static string RenderFirstPage(string pdfPath, string prefix, int dotsPerInch, bool gray)
    {
        Run("pdftoppm", gray ? "-gray" : "-png", "-r", dotsPerInch.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", pdfPath, prefix);
        string extension = gray ? ".pgm" : ".png";
        return System.IO.Directory.GetFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + "-*" + extension).Single();
    }

    /// <summary><c>pdfsig</c>'s report on every signature; it exits non-zero for a signature it finds invalid, so the code is returned, not asserted.</summary>
    public static (int ExitCode, string Output) Signatures(string pdfPath) => RunAnyExit("pdfsig", pdfPath);

    private static string Run(string program, params string[] arguments)
    {
        (int exitCode, string output) = RunAnyExit(program, arguments);
        Assert.True(exitCode == 0, $"{program} exited {exitCode}: {output}");
        return output;
    }

    private static (int ExitCode, string Output) RunAnyExit(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, process.ExitCode == 0 ? output : output + error.Result);
    }
}
