using BenchmarkDotNet.Running;

namespace EvidenceChain.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/EvidenceChain.Benchmarks -- --filter '*'</c>;
/// <c>-- compare</c> checks the key ones against the committed medians (<see cref="RegressionCheck"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "compare")
        {
            return RegressionCheck.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
