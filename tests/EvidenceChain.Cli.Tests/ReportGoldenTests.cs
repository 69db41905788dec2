using System.Text;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Commitments;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The whole report, word for word, for the deposit of docs/formats (the 13 bytes "hello, court\n",
/// master salt 00 01 … 1f) in a log with the published test keys: what a court clerk reads. The
/// temp directory is replaced by &lt;tmp&gt;; everything else is fixed by the inputs.
/// </summary>
public sealed class ReportGoldenTests
{
    [Fact]
    public void Verify_FixedDeposit_PrintsTheChineseReport()
    {
        string report = VerifyFixedDeposit("zh");

        Assert.Equal(
            """
            EvidenceChain 存证回执核验报告

            结论：有效

            核验材料
              回执文件：<tmp>/deposit.receipt.json
              存证内容（单个文件）：<tmp>/content/evidence.bin
              盐文件：<tmp>/deposit.salt.json
              受信任公钥：2 个（来源：--key）

            存证事实
              日志：notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/sha256
              检查点树大小：6
              叶索引：3
              受理时间（UTC，公证处声明）：2025-11-29T07:06:40.000Z
              内容类别：商业秘密
              单元数：1
              检查点根哈希（base64）：lMJ5RPawnz+aZ8lsO2gCBPBkgt7E4dnrNBw99S/DL1k=
              存证人公钥指纹（SHA-256）：b9a1d68767f30d770cff9d09936a774e559705d05424429a382f0ff265f2b378

            已通过的核验
              ✓ 回执格式正确，版本受支持
              ✓ 检查点上的签名经受信任公钥验证有效
              ✓ 检查点格式正确，日志名称与受信任公钥一致
              ✓ 存证记录包含在检查点所签的日志中（Merkle 包含证明）
              ✓ 该日志记录是格式正确的存证记录
              ✓ 内容与存证记录中的 SHA-256 承诺一致
              ✓ 内容与存证记录中的 SM3 承诺一致
              ✓ 回执披露的存证人与存证记录中的存证人承诺一致

            签署检查点的受信任公钥（指纹为公钥编码的 SHA-256）
              Ed25519  bcd1d56b5845f21e54ce5b764fc1d5520cc2c462e08fade2668dae9353621237
              SM2      44bea0a1507f46fc16e3a70231bc6799f0cc39cf93a0a1c8c788bdc2094d2fef

            未核验的事项
              - 未核验公证处是否向所有人展示同一份日志（需要见证人联署或后续的一致性证明）
              - 回执未附受理承诺，未核验
              - 受理时间是公证处自己的声明，未经可信时间戳核验

            """,
            report);
    }

    [Fact]
    public void Verify_FixedDeposit_PrintsTheEnglishReport()
    {
        string report = VerifyFixedDeposit("en");

        Assert.Equal(
            """
            EvidenceChain deposit receipt verification report

            Verdict: valid

            Inputs
              receipt file: <tmp>/deposit.receipt.json
              deposited content (one file): <tmp>/content/evidence.bin
              salt file: <tmp>/deposit.salt.json
              trusted keys: 2 (from --key)

            Facts
              log: notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/sha256
              checkpoint tree size: 6
              leaf index: 3
              accepted at (UTC, the notary's claim): 2025-11-29T07:06:40.000Z
              content kind: trade secret
              units: 1
              checkpoint root (base64): lMJ5RPawnz+aZ8lsO2gCBPBkgt7E4dnrNBw99S/DL1k=
              depositor's key fingerprint (SHA-256): b9a1d68767f30d770cff9d09936a774e559705d05424429a382f0ff265f2b378

            Checks passed
              ✓ the receipt is well formed and its version is supported
              ✓ the checkpoint's signatures verify with the trusted keys
              ✓ the checkpoint is well formed and names the trusted keys' log
              ✓ the deposit record is in the log the checkpoint signs (Merkle inclusion proof)
              ✓ the log entry is a well-formed deposit record
              ✓ the content matches the deposit record's SHA-256 commitment
              ✓ the content matches the deposit record's SM3 commitment
              ✓ the depositor the receipt names matches the deposit record's depositor commitment

            Trusted keys that signed the checkpoint (fingerprint: SHA-256 of the public key encoding)
              Ed25519  bcd1d56b5845f21e54ce5b764fc1d5520cc2c462e08fade2668dae9353621237
              SM2      44bea0a1507f46fc16e3a70231bc6799f0cc39cf93a0a1c8c788bdc2094d2fef

            Not checked
              - that the notary shows everyone the same log was not checked (this needs witness cosignatures or a later consistency proof)
              - the receipt carries no acceptance promise, so none was checked
              - the acceptance time is the notary's own claim; no trusted timestamp was checked

            """,
            report);
    }

    private static string VerifyFixedDeposit(string language)
    {
        MasterSalt masterSalt = MasterSalt.FromBytes(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        using TestDeposit deposit = TestDeposit.OfFile(Encoding.ASCII.GetBytes("hello, court\n"), fixedNotary: true, masterSalt: masterSalt);

        CliResult result = CliRunner.Run(deposit.VerifyArgs([.. deposit.BothKeys, "--lang", language]));

        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Replace(deposit.Directory.Path, "<tmp>", StringComparison.Ordinal);
    }
}
