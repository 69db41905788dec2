using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Cli.Internal;

/// <summary>A receipt that passed <see cref="ReceiptVerification"/>: the report with the server's keys, and with the user's if given.</summary>
internal sealed record VerifiedReceipt(ReceiptReport WithLogKeys, ReceiptReport? WithTrustedKeys, TrustedKeySet? Trusted);
