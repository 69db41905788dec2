namespace EvidenceChain.Storage.LiteDb.Internal;

/// <summary>
/// A store file as LiteDB sees it, in which every <see cref="Flush"/> is an fsync. LiteDB 5.0.21
/// flushes a stream it was given with plain <c>Flush()</c> (it fsyncs only a FileStream it opened
/// itself), so without this wrapper its checkpoint would never reach the disk; the store fsyncs
/// the log after each commit through the same method. The file is unbuffered, so every write
/// reaches the OS at once, in the order the observer is told.
/// </summary>
/// <remarks>
/// After a failed write or fsync the file refuses every further write and flush: a retried fsync
/// can report success for pages the kernel already dropped, so the only safe way on is to reopen.
/// </remarks>
internal sealed class DurableFileStream : Stream
{
    private readonly FileStream _file;
    private readonly StorageFile _name;
    private readonly Action<StorageEvent>? _observer;
    private volatile IOException? _fault;

    private DurableFileStream(FileStream file, StorageFile name, Action<StorageEvent>? observer)
    {
        _file = file;
        _name = name;
        _observer = observer;
    }

    public static DurableFileStream Open(string path, StorageFile name, Action<StorageEvent>? observer)
    {
        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,

            // One store per file: on Unix .NET takes an exclusive flock, so a second store, in
            // this process or another, fails to open instead of interleaving its pages.
            Share = FileShare.None,
            BufferSize = 0,
        });
        return new DurableFileStream(file, name, observer);
    }

    public override bool CanRead => _file.CanRead;

    public override bool CanSeek => _file.CanSeek;

    public override bool CanWrite => _file.CanWrite;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);

    /// <summary>
    /// Copies the whole file to <paramref name="destination"/> with positional reads, so LiteDB's position is left
    /// alone; the caller holds the engine so nothing writes meanwhile. Returns the bytes copied.
    /// </summary>
    public long CopyTo(Stream destination, System.Security.Cryptography.IncrementalHash hash)
    {
        byte[] buffer = new byte[1 << 20];
        long offset = 0;
        long length = _file.Length;
        while (offset < length)
        {
            int read = RandomAccess.Read(_file.SafeFileHandle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - offset)), offset);
            if (read == 0)
            {
                throw new IOException($"The {_name} file ended at {offset} bytes while {length} were expected.");
            }

            destination.Write(buffer, 0, read);
            hash.AppendData(buffer, 0, read);
            offset += read;
        }

        return offset;
    }

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void Write(byte[] buffer, int offset, int count)
    {
        ThrowIfFailed();
        long position = _file.Position;
        try
        {
            _file.Write(buffer, offset, count);
        }
        catch (IOException e)
        {
            _fault = e;
            throw;
        }

        _observer?.Invoke(new FileWritten(_name, position, count));
    }

    public override void SetLength(long value)
    {
        ThrowIfFailed();
        try
        {
            _file.SetLength(value);
        }
        catch (IOException e)
        {
            _fault = e;
            throw;
        }

        _observer?.Invoke(new FileLengthSet(_name, value));
    }

    /// <summary>Writes everything written so far to the disk (fsync) before returning.</summary>
    public override void Flush()
    {
        ThrowIfFailed();
        try
        {
            _file.Flush(flushToDisk: true);
        }
        catch (IOException e)
        {
            _fault = e;
            throw;
        }

        _observer?.Invoke(new FileFlushedToDisk(_name));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void ThrowIfFailed()
    {
        if (_fault is IOException fault)
        {
            throw new IOException($"An earlier write or fsync of '{_file.Name}' failed, so what it holds on disk is unknown; reopen the store.", fault);
        }
    }
}
