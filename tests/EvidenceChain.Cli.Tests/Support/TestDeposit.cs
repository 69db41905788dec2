using System.Security.Cryptography;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A deposit as the depositor and the court hold it, on real files in a temp directory: the content
/// (one file or a directory), the salt file made by <see cref="DepositContent"/>, and the receipt
/// issued by a <see cref="TestNotary"/>.
/// </summary>
internal sealed class TestDeposit : IDisposable
{
    private TestDeposit(TempDirectory directory, TestNotary notary, string contentPath, bool isDirectory, SaltFile saltFile, IssuedReceipt receipt)
    {
        Directory = directory;
        Notary = notary;
        ContentPath = contentPath;
        IsDirectory = isDirectory;
        SaltFile = saltFile;
        Receipt = receipt;
        SaltPath = directory.Write("deposit.salt.json", saltFile.ToJson());
        ReceiptPath = directory.Write("deposit.receipt.json", receipt.ToJson());
    }

    public TempDirectory Directory { get; }

    public TestNotary Notary { get; }

    public string ContentPath { get; }

    public bool IsDirectory { get; }

    public SaltFile SaltFile { get; }

    public IssuedReceipt Receipt { get; }

    public string SaltPath { get; }

    public string ReceiptPath { get; }

    /// <summary>A single-file deposit of <paramref name="content"/>; the notary's keys and log id are fixed if asked, random otherwise.</summary>
    public static TestDeposit OfFile(
        byte[] content,
        long chunkSizeBytes = 0,
        bool fixedNotary = false,
        MasterSalt? masterSalt = null,
        long receivedAtMs = TestNotary.DefaultReceivedAtMs,
        bool withPromise = false)
    {
        var directory = new TempDirectory();
        string path = directory.Write("content/evidence.bin", content);
        SaltFile saltFile = DepositContent.FromFile(path).CreateSaltFile(masterSalt ?? MasterSalt.Create(RandomNumberGenerator.Fill), chunkSizeBytes);
        TestNotary notary = fixedNotary ? TestNotary.CreateFixed() : TestNotary.CreateRandom();
        return new TestDeposit(directory, notary, path, isDirectory: false, saltFile, notary.Issue(saltFile, receivedAtMs, withPromise));
    }

    /// <summary>A directory deposit of the given files ('/' separated relative paths).</summary>
    public static TestDeposit OfDirectory(IReadOnlyDictionary<string, byte[]> files, long chunkSizeBytes = 0)
    {
        var directory = new TempDirectory();
        string root = directory.File("content");
        System.IO.Directory.CreateDirectory(root);
        foreach ((string relativePath, byte[] content) in files)
        {
            directory.Write("content/" + relativePath, content);
        }

        SaltFile saltFile = DepositContent.FromDirectory(root).CreateSaltFile(MasterSalt.Create(RandomNumberGenerator.Fill), chunkSizeBytes);
        TestNotary notary = TestNotary.CreateRandom();
        return new TestDeposit(directory, notary, root, isDirectory: true, saltFile, notary.Issue(saltFile));
    }

    /// <summary><c>verify RECEIPT --file|--dir CONTENT --salt SALT</c> followed by <paramref name="more"/>.</summary>
    public string[] VerifyArgs(params string[] more) =>
        ["verify", ReceiptPath, IsDirectory ? "--dir" : "--file", ContentPath, "--salt", SaltPath, .. more];

    /// <summary>Both of the notary's keys as <c>--key</c> arguments.</summary>
    public string[] BothKeys => ["--key", Notary.Ed25519Key, "--key", Notary.Sm2Key];

    /// <summary>Writes a changed receipt beside the original and returns its path.</summary>
    public string WriteReceipt(string json, string name = "changed.receipt.json") => Directory.Write(name, json);

    public void Dispose()
    {
        Notary.Dispose();
        Directory.Dispose();
    }
}
