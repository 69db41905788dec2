using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Engine.Locators;

/// <summary>A locator just minted: the capability itself (shown to its owner once, never stored) and what the store keeps.</summary>
public sealed record MintedLocator(ReceiptLocator Locator, StoredLocator Stored);
