using System.Text;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Commitments;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The whole report, word for word, for the deposit of docs/formats (the 13 bytes "hello, court\n",
/// master salt 00 01 … 1f) in a log with the published test keys: what a court clerk reads. The
/// temp directory is replaced by &lt;tmp&gt;; everything else is fixed by the inputs. The anchored
/// reports add a real anvil block that anchors that checkpoint (<see cref="AnchoredFixedDeposit"/>);
/// with <c>--rpc</c>, the same block replayed on a fresh anvil, whose address is replaced by &lt;rpc&gt;.
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
              - 受理时间是公证处自己的声明，未经独立时间戳机构的可信时间戳核验

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
              - the acceptance time is the notary's own claim; no timestamp of an independent TSA was verified

            """,
            report);
    }

    [Fact]
    public void Verify_FixedDepositWithFinalAnchor_PrintsTheChineseReport()
    {
        string report = VerifyFixedDeposit("zh", anchored: true);

        Assert.Equal(
            """
            EvidenceChain 存证回执核验报告

            结论：有效

            核验材料
              回执文件：<tmp>/anchored.receipt.json
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

            区块链锚定（EVM 链；以下哈希和地址可在任何以太坊客户端或区块浏览器中查询）
              公证处声明的锚定状态：已最终确认
              链 ID：31337
              锚定合约地址：0x5fbdb2315678afecb367f032d93f642f64180aa3
              日志 ID（日志名称的 SHA-256）：0xf395e3ee45e63dda83f9163bae3ade266e1a4aa43fd36c4daddbc3a83900c96f
              锚定的检查点树大小：6
              锚定的检查点根哈希（十六进制）：0x94c27944f6b09f3f9a67c96c3b680204f06482dec4e1d9eb341c3df52fc32f59
              交易哈希：0xfe4a38f787086cfe3a23a583764d67fcd654c22e51405a8bd345e0c4a04d1462
              区块号：3
              区块哈希：0xcee923ab017eaf0166041028fd0adc425fd279799b9851e9738bcc83f88cabe4
              区块时间（UTC，取自已核验的区块头）：2025-11-29T07:07:40Z

            已通过的核验
              ✓ 回执格式正确，版本受支持
              ✓ 检查点上的签名经受信任公钥验证有效
              ✓ 检查点格式正确，日志名称与受信任公钥一致
              ✓ 存证记录包含在检查点所签的日志中（Merkle 包含证明）
              ✓ 该日志记录是格式正确的存证记录
              ✓ 内容与存证记录中的 SHA-256 承诺一致
              ✓ 内容与存证记录中的 SM3 承诺一致
              ✓ 回执披露的存证人与存证记录中的存证人承诺一致
              ✓ 区块链锚定有效：锚定的检查点是回执检查点的延续（一致性证明），区块头哈希与收据的 Merkle-Patricia 证明表明该区块含有锚定合约记录此检查点的事件

            签署检查点的受信任公钥（指纹为公钥编码的 SHA-256）
              Ed25519  bcd1d56b5845f21e54ce5b764fc1d5520cc2c462e08fade2668dae9353621237
              SM2      44bea0a1507f46fc16e3a70231bc6799f0cc39cf93a0a1c8c788bdc2094d2fef

            未核验的事项
              - 未核验公证处是否向所有人展示同一份日志（需要见证人联署或后续的一致性证明）
              - 回执未附受理承诺，未核验
              - 未核验锚定区块是否位于链的规范历史上并已最终确认（需用 --rpc 指定您信任的以太坊节点，而非公证处的节点）
              - 受理时间是公证处自己的声明，未经独立时间戳机构的可信时间戳核验

            """,
            report);
    }

    [Fact]
    public async Task Verify_FixedDepositWithFinalAnchorAndRpc_PrintsTheEnglishReportNamingTheNode()
    {
        // --slots-in-an-epoch 1: anvil finalizes two blocks behind its head, so two more blocks make block 3 final.
        using var anvil = AnvilProcess.Start("--timestamp", AnchoredFixedDeposit.GenesisTime.ToString(System.Globalization.CultureInfo.InvariantCulture), "--slots-in-an-epoch", "1");
        using TestDeposit deposit = FixedDeposit();
        Checkpoint checkpoint = AnchoredReceipt.CheckpointOf(deposit);
        Chain.Ethereum.AnchorInclusion replayed = await AnchoredFixedDeposit.ReplayAsync(anvil, checkpoint.Origin, checkpoint.Root);
        Assert.Equal(AnchoredFixedDeposit.BlockHash, replayed.BlockHash);
        await anvil.MineAsync(2);
        string rpc = anvil.Rpc.GetLeftPart(UriPartial.Authority);

        string report = VerifyFixedDeposit(deposit, "en", anchored: true, "--rpc", rpc).Replace(rpc, "<rpc>", StringComparison.Ordinal);

        Assert.Equal(
            """
            EvidenceChain deposit receipt verification report

            Verdict: valid

            Inputs
              receipt file: <tmp>/anchored.receipt.json
              deposited content (one file): <tmp>/content/evidence.bin
              salt file: <tmp>/deposit.salt.json
              trusted keys: 2 (from --key)
              Ethereum node trusted for the anchors' blocks (--rpc): <rpc>

            Facts
              log: notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/sha256
              checkpoint tree size: 6
              leaf index: 3
              accepted at (UTC, the notary's claim): 2025-11-29T07:06:40.000Z
              content kind: trade secret
              units: 1
              checkpoint root (base64): lMJ5RPawnz+aZ8lsO2gCBPBkgt7E4dnrNBw99S/DL1k=
              depositor's key fingerprint (SHA-256): b9a1d68767f30d770cff9d09936a774e559705d05424429a382f0ff265f2b378

            Chain anchor (EVM; look the hashes and addresses up in any Ethereum client or explorer)
              status the notary claims: final
              chain id: 31337
              anchor contract: 0x5fbdb2315678afecb367f032d93f642f64180aa3
              log id (SHA-256 of the origin): 0xf395e3ee45e63dda83f9163bae3ade266e1a4aa43fd36c4daddbc3a83900c96f
              anchored checkpoint tree size: 6
              anchored checkpoint root (hex): 0x94c27944f6b09f3f9a67c96c3b680204f06482dec4e1d9eb341c3df52fc32f59
              transaction hash: 0xfe4a38f787086cfe3a23a583764d67fcd654c22e51405a8bd345e0c4a04d1462
              block number: 3
              block hash: 0xcee923ab017eaf0166041028fd0adc425fd279799b9851e9738bcc83f88cabe4
              block time (UTC, from the verified block header): 2025-11-29T07:07:40Z

            Checks passed
              ✓ the receipt is well formed and its version is supported
              ✓ the checkpoint's signatures verify with the trusted keys
              ✓ the checkpoint is well formed and names the trusted keys' log
              ✓ the deposit record is in the log the checkpoint signs (Merkle inclusion proof)
              ✓ the log entry is a well-formed deposit record
              ✓ the content matches the deposit record's SHA-256 commitment
              ✓ the content matches the deposit record's SM3 commitment
              ✓ the depositor the receipt names matches the deposit record's depositor commitment
              ✓ the chain anchor holds: its checkpoint extends the receipt's (consistency proof), and the block header's hash and the receipt's Merkle-Patricia proof show the anchor contract's event for that checkpoint in the block
              ✓ canonicality checked against <rpc> (chain id 31337, finalized block 3): the anchor's block 3 is on its canonical chain with the receipt's hash, and final

            Trusted keys that signed the checkpoint (fingerprint: SHA-256 of the public key encoding)
              Ed25519  bcd1d56b5845f21e54ce5b764fc1d5520cc2c462e08fade2668dae9353621237
              SM2      44bea0a1507f46fc16e3a70231bc6799f0cc39cf93a0a1c8c788bdc2094d2fef

            Not checked
              - that the notary shows everyone the same log was not checked (this needs witness cosignatures or a later consistency proof)
              - the receipt carries no acceptance promise, so none was checked
              - the acceptance time is the notary's own claim; no timestamp of an independent TSA was verified

            """,
            report);
    }

    private static TestDeposit FixedDeposit()
    {
        MasterSalt masterSalt = MasterSalt.FromBytes(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        return TestDeposit.OfFile(Encoding.ASCII.GetBytes("hello, court\n"), fixedNotary: true, masterSalt: masterSalt);
    }

    private static string VerifyFixedDeposit(string language, bool anchored = false)
    {
        using TestDeposit deposit = FixedDeposit();
        return VerifyFixedDeposit(deposit, language, anchored);
    }

    private static string VerifyFixedDeposit(TestDeposit deposit, string language, bool anchored, params string[] more)
    {
        string receipt = anchored
            ? AnchoredReceipt.Write(deposit, [AnchoredFixedDeposit.Section(AnchoredReceipt.CheckpointOf(deposit))])
            : deposit.ReceiptPath;

        CliResult result = CliRunner.Run(AnchoredReceipt.VerifyArgs(deposit, receipt, [.. more, "--lang", language]));

        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Replace(deposit.Directory.Path, "<tmp>", StringComparison.Ordinal);
    }
}
