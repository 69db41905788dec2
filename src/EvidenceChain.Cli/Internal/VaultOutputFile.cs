namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Where a <c>vault</c> command writes: a new file beside the output path, renamed to it only by
/// <see cref="Commit"/> once all of it is written and flushed to disk. Disposed without a commit,
/// the partial file is deleted, so a decryption that fails half-way never leaves content that did
/// not authenticate under the name asked for. An existing output is never overwritten.
/// </summary>
internal sealed class VaultOutputFile : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _path;
    private readonly string _partialPath;
    private bool _committed;

    private VaultOutputFile(string path, string partialPath, FileStream stream)
    {
        _path = path;
        _partialPath = partialPath;
        Stream = stream;
    }

    public FileStream Stream { get; }

    /// <summary>Starts writing <paramref name="path"/>; owner-only (0600) from creation when <paramref name="ownerOnly"/>.</summary>
    public static VaultOutputFile Create(string path, bool ownerOnly)
    {
        string fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath) || Directory.Exists(fullPath))
        {
            throw new VaultInputException(VaultProblem.OutputExists, path);
        }

        string partialPath = fullPath + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            return new VaultOutputFile(fullPath, partialPath, new FileStream(partialPath, options));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VaultInputException(VaultProblem.OutputUnwritable, path, e.Message, e);
        }
    }

    /// <summary>Flushes the file to disk and gives it its name; refuses if something took the name meanwhile.</summary>
    public void Commit()
    {
        try
        {
            Stream.Flush(flushToDisk: true);
            Stream.Dispose();
            File.Move(_partialPath, _path, overwrite: false);
            _committed = true;
        }
        catch (IOException) when (File.Exists(_path) || Directory.Exists(_path))
        {
            throw new VaultInputException(VaultProblem.OutputExists, _path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VaultInputException(VaultProblem.OutputUnwritable, _path, e.Message, e);
        }
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed)
        {
            try
            {
                File.Delete(_partialPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done; the partial name never becomes the output's.
            }
        }
    }
}
