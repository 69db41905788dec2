using System.Text;
using System.Text.Json.Nodes;

namespace EvidenceChain.Core.Tests.Receipts.Conformance;

/// <summary>
/// Keeps the committed conformance folder what its generator makes. With EVIDENCECHAIN_WRITE_VECTORS=1 it
/// first (re)writes the folder. Either way it regenerates in memory and compares with the committed files
/// every part that is deterministic: all but the PEM files and the tokens (random TSA keys, ECDSA and SM2).
/// </summary>
public sealed class ConformanceFolderTests
{
    private const string WriteVariable = "EVIDENCECHAIN_WRITE_VECTORS";

    [Fact]
    public void Generate_DeterministicParts_MatchTheCommittedFolder()
    {
        SortedDictionary<string, string> generated = ConformanceFolder.Generate();
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            foreach ((string name, string text) in generated)
            {
                File.WriteAllText(Path.Combine(ConformanceFolder.Directory, name), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
        }

        string[] differing = [.. generated
            .Where(file => !file.Key.EndsWith(".pem", StringComparison.Ordinal))
            .Where(file => WithoutTokens(file.Key, file.Value) != WithoutTokens(file.Key, ConformanceInputs.Read(file.Key)))
            .Select(file => file.Key)];

        Assert.Empty(differing);
    }

    /// <summary>A receipt's text with each timestamp token blanked, the one part of a receipt that changes between runs.</summary>
    private static string WithoutTokens(string fileName, string text)
    {
        if (!fileName.EndsWith(ConformanceFolder.ReceiptSuffix, StringComparison.Ordinal))
        {
            return text;
        }

        JsonNode receipt = JsonNode.Parse(text)!;
        foreach (JsonNode? entry in receipt["timestamps"]?.AsArray() ?? [])
        {
            entry!["token"] = string.Empty;
        }

        return receipt.ToJsonString();
    }
}
