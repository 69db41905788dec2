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

    private static string Run(string program, params string[] arguments)
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
        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}: {error.Result}");
        return output;
    }
}
