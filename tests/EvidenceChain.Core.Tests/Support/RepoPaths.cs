namespace EvidenceChain.Core.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder (the folder holding EvidenceChain.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Vector(string fileName) => Path.Combine(Root, "tests", "vectors", fileName);

    public static string Doc(string relativePath) => Path.Combine(Root, "docs", relativePath);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EvidenceChain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EvidenceChain.sln not found above " + AppContext.BaseDirectory);
    }
}
