namespace EvidenceChain.Testing;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("evidencechain-tests-").FullName;

    public string Path { get; }

    /// <summary>The full path of <paramref name="relativePath"/> ('/' separated) inside this directory.</summary>
    public string File(string relativePath) => System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>Writes a file, creating its folders.</summary>
    public string Write(string relativePath, byte[] content)
    {
        string path = File(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public string Write(string relativePath, string text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        // Links and pipes made by a test are removed as entries; Delete never follows a link.
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A killed child may still be closing files; the temp folder is cleaned by the OS later.
        }
    }
}
