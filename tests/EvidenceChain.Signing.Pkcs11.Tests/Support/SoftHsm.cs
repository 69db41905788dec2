using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using EvidenceChain.Signing.Pkcs11.Internal;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using NSec.Cryptography;

namespace EvidenceChain.Signing.Pkcs11.Tests.Support;

/// <summary>
/// A fresh SoftHSM 2 token in a temp folder, for the whole test run: its own configuration and
/// token directory (SOFTHSM2_CONF, set for this process before the module is first loaded, since
/// SoftHSM reads it once in C_Initialize), initialized with <c>softhsm2-util --init-token</c>.
/// SoftHSM is a real PKCS#11 module, not a fake; CI installs it (.ci/run). Its absence fails the
/// tests rather than skipping them.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SoftHsm : IDisposable
{
    public const string TokenLabel = "evidencechain-test";
    public const string UserPin = "314159";
    public const string SecurityOfficerPin = "271828";

    private readonly TempDirectory _directory = new();

    public SoftHsm()
    {
        LibraryPath = FindLibrary();
        string tokens = _directory.File("tokens");
        Directory.CreateDirectory(tokens);
        string config = _directory.Write(
            "softhsm2.conf",
            $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        // .NET keeps its own copy of the environment on Unix: children see Environment's, the
        // module (in this process) sees only the C library's, so set both.
        Environment.SetEnvironmentVariable("SOFTHSM2_CONF", config);
        if (SetEnvironmentVariableNative("SOFTHSM2_CONF", config, overwrite: 1) != 0)
        {
            throw new InvalidOperationException("setenv(SOFTHSM2_CONF) failed.");
        }

        RunUtil("--init-token", "--free", "--label", TokenLabel, "--pin", UserPin, "--so-pin", SecurityOfficerPin);
        PinFile = WritePinFile("user.pin", UserPin + "\n");
    }

    public string LibraryPath { get; }

    /// <summary>A 0600 file with the right user PIN.</summary>
    public string PinFile { get; }

    public Pkcs11KeyLocation Location(string keyLabel, string? pinFile = null, string tokenLabel = TokenLabel) =>
        new(LibraryPath, tokenLabel, keyLabel, pinFile ?? PinFile);

    public string WritePinFile(string name, string content, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        string path = _directory.Write(name, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    /// <summary>Generates an Ed25519 key pair inside the token (CKM_EC_EDWARDS_KEY_PAIR_GEN); returns its raw public key.</summary>
    public byte[] GenerateEd25519(string label) => WithUserSession(session =>
    {
        var attributes = LibraryLease.Factories.ObjectAttributeFactory;
        List<IObjectAttribute> publicTemplate =
        [
            attributes.Create(CKA.CKA_TOKEN, true),
            attributes.Create(CKA.CKA_LABEL, label),
            attributes.Create(CKA.CKA_VERIFY, true),
            attributes.Create(CKA.CKA_EC_PARAMS, Pkcs11V3.Ed25519ParamsOid),
        ];
        List<IObjectAttribute> privateTemplate =
        [
            attributes.Create(CKA.CKA_TOKEN, true),
            attributes.Create(CKA.CKA_LABEL, label),
            attributes.Create(CKA.CKA_PRIVATE, true),
            attributes.Create(CKA.CKA_SENSITIVE, true),
            attributes.Create(CKA.CKA_EXTRACTABLE, false),
            attributes.Create(CKA.CKA_SIGN, true),
        ];
        IMechanism generation = LibraryLease.Factories.MechanismFactory.Create(Pkcs11V3.MechanismEcEdwardsKeyPairGen);
        session.GenerateKeyPair(generation, publicTemplate, privateTemplate, out IObjectHandle publicKey, out _);
        byte[] point = session.GetAttributeValue(publicKey, [CKA.CKA_EC_POINT])[0].GetValueAsByteArray();
        return point.Length == 34 ? point[2..] : point;
    });

    /// <summary>
    /// Puts an Ed25519 key with a known seed on the token (C_CreateObject), with the public key of
    /// <paramref name="publicSeed"/> (the same seed, unless a test wants two halves that do not match).
    /// </summary>
    public void ImportEd25519(string label, byte[] seed, byte[]? publicSeed = null) => WithUserSession(session =>
    {
        var attributes = LibraryLease.Factories.ObjectAttributeFactory;
        using var publicOf = Key.Import(SignatureAlgorithm.Ed25519, publicSeed ?? seed, KeyBlobFormat.RawPrivateKey);
        byte[] point = [0x04, 0x20, .. publicOf.PublicKey.Export(KeyBlobFormat.RawPublicKey)];
        session.CreateObject(
        [
            attributes.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY),
            attributes.Create(CKA.CKA_KEY_TYPE, Pkcs11V3.KeyTypeEcEdwards),
            attributes.Create(CKA.CKA_TOKEN, true),
            attributes.Create(CKA.CKA_LABEL, label),
            attributes.Create(CKA.CKA_PRIVATE, true),
            attributes.Create(CKA.CKA_SENSITIVE, true),
            attributes.Create(CKA.CKA_SIGN, true),
            attributes.Create(CKA.CKA_EC_PARAMS, Pkcs11V3.Ed25519ParamsOid),
            attributes.Create(CKA.CKA_VALUE, seed),
        ]);
        session.CreateObject(
        [
            attributes.Create(CKA.CKA_CLASS, CKO.CKO_PUBLIC_KEY),
            attributes.Create(CKA.CKA_KEY_TYPE, Pkcs11V3.KeyTypeEcEdwards),
            attributes.Create(CKA.CKA_TOKEN, true),
            attributes.Create(CKA.CKA_LABEL, label),
            attributes.Create(CKA.CKA_VERIFY, true),
            attributes.Create(CKA.CKA_EC_PARAMS, Pkcs11V3.Ed25519ParamsOid),
            attributes.Create(CKA.CKA_EC_POINT, point),
        ]);
        return 0;
    });

    public void Dispose() => _directory.Dispose();

    /// <summary>
    /// Runs <paramref name="action"/> in a read-write session logged in as the user, then closes it,
    /// which logs the token out again: a test of a wrong PIN must find nobody logged in.
    /// </summary>
    private T WithUserSession<T>(Func<ISession, T> action)
    {
        using LibraryLease lease = LibraryLease.Acquire(LibraryPath);
        ISlot slot = lease.Library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label.TrimEnd() == TokenLabel);
        using ISession session = slot.OpenSession(SessionType.ReadWrite);
        session.Login(CKU.CKU_USER, UserPin);
        return action(session);
    }

    /// <summary>Debian's path first, then the multiarch and other usual places.</summary>
    private static string FindLibrary()
    {
        string[] candidates =
        [
            "/usr/lib/softhsm/libsofthsm2.so",
            .. Directory.Exists("/usr/lib") ? Directory.GetDirectories("/usr/lib", "*-linux-gnu*").Select(d => Path.Combine(d, "softhsm", "libsofthsm2.so")) : [],
            "/usr/lib64/softhsm/libsofthsm2.so",
            "/usr/lib64/pkcs11/libsofthsm2.so",
            "/usr/local/lib/softhsm/libsofthsm2.so",
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"SoftHSM 2 is not installed (apt-get install softhsm2; .ci/run installs it). Looked for: {string.Join(", ", candidates)}.");
    }

    private static int SetEnvironmentVariableNative(string name, string value, int overwrite) =>
        SetEnv([.. Encoding.UTF8.GetBytes(name), 0], [.. Encoding.UTF8.GetBytes(value), 0], overwrite);

    /// <summary>setenv(3), with NUL-terminated UTF-8 passed as bytes.</summary>
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(byte[] name, byte[] value, int overwrite);

    private static void RunUtil(params string[] arguments)
    {
        var start = new ProcessStartInfo("softhsm2-util") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("softhsm2-util did not start.");
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"softhsm2-util {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
        }
    }
}
