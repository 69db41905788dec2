using System.Diagnostics;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// Receipts from the running service checked by a verifier that shares no code with us:
/// tests/independent-verifier/verify.mjs, written from RFC 9162 and the C2SP specifications on
/// Node's built-in crypto.
/// </summary>
public class IndependentVerifierTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Receipt_FromService_AcceptedByIndependentVerifierAndTamperingRejected()
    {
        // A few deposits first, so the proof has hashes in it.
        var depositor = new Depositor();
        DepositResponse deposited = await fixture.Client.DepositAsync(depositor.Request(
            fixture.Info.Origin,
            Enumerable.Range(0, 7).Select(i => Depositor.Commit(BitConverter.GetBytes(i + 500)).Entry).ToList()));
        GetReceiptResponse receipt = await fixture.WaitForReceiptAsync(deposited.Deposits[3].LeafIndex);
        using var folder = new TempDirectory();
        string valid = Path.Combine(folder.Path, "valid.receipt.json");
        string tampered = Path.Combine(folder.Path, "tampered.receipt.json");
        await File.WriteAllTextAsync(valid, receipt.ReceiptJson);
        await File.WriteAllTextAsync(tampered, receipt.ReceiptJson.Replace("\\nindex ", "\\nindex 1", StringComparison.Ordinal));

        (int validExit, string validOutput) = RunNode(valid);
        (int tamperedExit, _) = RunNode(tampered);

        Assert.True(validExit == 0, validOutput);
        Assert.Contains(fixture.Info.Origin, validOutput, StringComparison.Ordinal);
        Assert.Equal(1, tamperedExit);
    }

    private (int ExitCode, string Output) RunNode(string receiptPath)
    {
        string script = Path.Combine(ServiceProcess.RepoRoot(), "tests", "independent-verifier", "verify.mjs");
        var start = new ProcessStartInfo("node", [script, receiptPath, Path.Combine(fixture.DataDirectory, "notary.vkeys")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
