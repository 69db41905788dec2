using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace EvidenceChain.Signing.Pkcs11.Internal;

/// <summary>
/// One initialized PKCS#11 module per process, shared by every key on it. A module is initialized
/// once (C_Initialize) and finalized once (C_Finalize, which closes every session of the process),
/// so two keys on one device must not each load and finalize it: the last lease to go finalizes.
/// Modules are told apart by their resolved file, since a link and its target are one module.
/// </summary>
internal sealed class LibraryLease : IDisposable
{
    private static readonly Lock s_gate = new();
    private static readonly Dictionary<string, Entry> s_open = new(StringComparer.Ordinal);

    private readonly string _key;
    private bool _disposed;

    private LibraryLease(string key, IPkcs11Library library)
    {
        _key = key;
        Library = library;
    }

    public static Pkcs11InteropFactories Factories { get; } = new();

    public IPkcs11Library Library { get; }

    public static LibraryLease Acquire(string path)
    {
        if (!File.Exists(path))
        {
            throw Error.ModuleMissing(path);
        }

        DynamicLoader.EnsureRegistered();
        string key = new FileInfo(Path.GetFullPath(path)).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        lock (s_gate)
        {
            if (!s_open.TryGetValue(key, out Entry? entry))
            {
                IPkcs11Library library;
                try
                {
                    library = Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, key, AppType.MultiThreaded);
                }
                catch (Exception e) when (e is Pkcs11Exception or UnmanagedException or DllNotFoundException or BadImageFormatException)
                {
                    throw Error.ModuleUnusable(path, e);
                }

                entry = new Entry(library);
                s_open.Add(key, entry);
            }

            entry.Leases++;
            return new LibraryLease(key, entry.Library);
        }
    }

    public void Dispose()
    {
        lock (s_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Entry entry = s_open[_key];
            entry.Leases--;
            if (entry.Leases == 0)
            {
                s_open.Remove(_key);
                entry.Library.Dispose();
            }
        }
    }

    private sealed class Entry(IPkcs11Library library)
    {
        public IPkcs11Library Library { get; } = library;

        public int Leases { get; set; }
    }
}
