using System.Reflection;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.Common;

namespace EvidenceChain.Signing.Pkcs11.Internal;

/// <summary>
/// Pkcs11Interop 5.3.0 loads modules with <c>dlopen</c> from a library it names <c>libdl</c>, a file
/// (libdl.so) that only development packages install; since glibc 2.34 <c>dlopen</c> lives in
/// libc.so.6 itself. This points that name at the C library that exports it (the maintainer's
/// advice, Pkcs11Interop issue 239), before the first module is loaded.
/// </summary>
internal static class DynamicLoader
{
    private static readonly Lazy<bool> s_registered = new(Register);

    public static void EnsureRegistered() => _ = s_registered.Value;

    private static bool Register()
    {
        if (OperatingSystem.IsLinux())
        {
            NativeLibrary.SetDllImportResolver(typeof(Pkcs11Exception).Assembly, Resolve);
        }

        return true;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != "libdl")
        {
            return IntPtr.Zero;
        }

        foreach (string candidate in (string[])["libc.so.6", "libdl.so.2"])
        {
            if (NativeLibrary.TryLoad(candidate, out IntPtr handle))
            {
                if (NativeLibrary.TryGetExport(handle, "dlopen", out _))
                {
                    return handle;
                }

                NativeLibrary.Free(handle);
            }
        }

        return IntPtr.Zero;
    }
}
