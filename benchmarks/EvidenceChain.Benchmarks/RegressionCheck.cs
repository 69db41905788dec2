using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EvidenceChain.Benchmarks;

/// <summary>
/// <c>compare [--update]</c>: runs the key benchmarks in BenchmarkDotNet's short mode and prints each median beside
/// the committed one (benchmarks/baseline.json), flagging a median more than <see cref="NoiseRatio"/> slower, so a
/// developer sees a regression before committing. <c>--update</c> rewrites the baseline from this run: do it on a
/// quiet machine, after a deliberate change, and commit the file with the figures in docs/benchmarks.md.
/// </summary>
internal static class RegressionCheck
{
    /// <summary>Short-mode medians on this machine agree within a few percent between runs; more than this is a finding.</summary>
    public const double NoiseRatio = 1.10;

    /// <summary>The benchmarks that guard the hot paths: hashing, tree building, the ledger core.</summary>
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    private static readonly string[] s_keyBenchmarks = ["*HashingBenchmarks*", "*Sha256TreeBenchmarks*", "*MerkleBenchmarks.RootOf2Pow20Leaves*", "*LedgerBenchmarks*"];

    public static int Run(string[] args)
    {
        bool update = args.Contains("--update");
        string baselinePath = Path.Combine(RepoRoot(), "benchmarks", "baseline.json");
        Dictionary<string, double> committed = File.Exists(baselinePath)
            ? JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(baselinePath)) ?? []
            : [];

        IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(RegressionCheck).Assembly)
            .Run(["--filter", .. s_keyBenchmarks, "--job", "short"]);
        var measured = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (BenchmarkReport report in summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null))
        {
            measured[NameOf(report.BenchmarkCase)] = Math.Round(report.ResultStatistics!.Median, 1);
        }

        int slower = 0;
        Console.WriteLine();
        Console.WriteLine($"{"benchmark",-64} {"committed",14} {"now",14} {"ratio",7}");
        foreach ((string name, double now) in measured)
        {
            string before = committed.TryGetValue(name, out double was) ? Nanoseconds(was) : "—";
            double ratio = was > 0 ? now / was : double.NaN;
            bool regressed = ratio > NoiseRatio;
            slower += regressed ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-64} {before,14} {Nanoseconds(now),14} {ratio,7:F2}{(regressed ? "  SLOWER" : string.Empty)}"));
        }

        if (update)
        {
            File.WriteAllText(baselinePath, JsonSerializer.Serialize(measured, s_indented) + "\n");
            Console.WriteLine($"wrote {baselinePath}");
            return 0;
        }

        Console.WriteLine(slower == 0
            ? $"no benchmark is more than {NoiseRatio:0.00}x slower than committed"
            : $"{slower} benchmark(s) more than {NoiseRatio:0.00}x slower than committed: rerun on a quiet machine, then find the cause");
        return slower == 0 ? 0 : 1;
    }

    /// <summary>Type.Method [parameters]: the job is left out, so the names stay when the job changes.</summary>
    private static string NameOf(BenchmarkDotNet.Running.BenchmarkCase benchmark)
    {
        string name = benchmark.Descriptor.Type.Name + "." + benchmark.Descriptor.WorkloadMethod.Name;
        return benchmark.HasParameters
            ? name + " [" + string.Join(", ", benchmark.Parameters.Items.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name}={p.Value}"))) + "]"
            : name;
    }

    private static string Nanoseconds(double value) => value.ToString("N1", CultureInfo.InvariantCulture) + " ns";

    private static string RepoRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EvidenceChain.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository: EvidenceChain.sln was not found above " + AppContext.BaseDirectory);
    }
}
