// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title EvidenceAnchor: public, append-only anchors of EvidenceChain checkpoint roots.
/// @notice A notary anchors (logId, treeSize, root) of its signed checkpoints; anyone can find an
/// anchor by root or by (log, size) and read the block it landed in. logId = SHA-256 of the log's
/// origin (docs/formats/log.md). Tree sizes of one log only grow, and a root is anchored once.
/// The owner manages which addresses may anchor and publishes each log's verifier keys, so a
/// verifier can take trusted keys from the chain rather than from the notary's server.
contract EvidenceAnchor {
    struct Anchor {
        bytes32 logId;
        uint64 treeSize;
        uint64 blockNumber;
        uint64 timestamp;
    }

    address public owner;
    mapping(address => bool) public isNotary;
    mapping(bytes32 => uint64) public latestTreeSize;
    mapping(bytes32 => mapping(uint64 => bytes32)) public rootAt;
    mapping(bytes32 => Anchor) private _byRoot;
    mapping(bytes32 => string[]) private _logKeys;

    event Anchored(bytes32 indexed logId, uint64 indexed treeSize, bytes32 root, address indexed notary, uint64 timestamp);
    event NotarySet(address indexed notary, bool allowed);
    event LogKeysSet(bytes32 indexed logId, string[] verifierKeys);
    event OwnerChanged(address indexed previousOwner, address indexed newOwner);

    error NotOwner(address caller);
    error NotNotary(address caller);
    error RootAlreadyAnchored(bytes32 root, bytes32 logId, uint64 treeSize);
    error TreeSizeMustGrow(bytes32 logId, uint64 latestTreeSize, uint64 treeSize);
    error EmptyTree();

    constructor() {
        owner = msg.sender;
        emit OwnerChanged(address(0), msg.sender);
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    function setOwner(address newOwner) external onlyOwner {
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }

    function setNotary(address notary, bool allowed) external onlyOwner {
        isNotary[notary] = allowed;
        emit NotarySet(notary, allowed);
    }

    function setLogKeys(bytes32 logId, string[] calldata verifierKeys) external onlyOwner {
        delete _logKeys[logId];
        for (uint256 i = 0; i < verifierKeys.length; i++) {
            _logKeys[logId].push(verifierKeys[i]);
        }
        emit LogKeysSet(logId, verifierKeys);
    }

    /// @notice Anchors a checkpoint root. Reverts for a root anchored before (by any log) and for a
    /// tree size that does not exceed the log's latest anchored size.
    function anchor(bytes32 logId, uint64 treeSize, bytes32 root) external {
        if (!isNotary[msg.sender]) revert NotNotary(msg.sender);
        if (treeSize == 0) revert EmptyTree();
        Anchor storage existing = _byRoot[root];
        if (existing.treeSize != 0) revert RootAlreadyAnchored(root, existing.logId, existing.treeSize);
        uint64 latest = latestTreeSize[logId];
        if (treeSize <= latest) revert TreeSizeMustGrow(logId, latest, treeSize);

        latestTreeSize[logId] = treeSize;
        rootAt[logId][treeSize] = root;
        _byRoot[root] = Anchor(logId, treeSize, uint64(block.number), uint64(block.timestamp));
        emit Anchored(logId, treeSize, root, msg.sender, uint64(block.timestamp));
    }

    /// @notice The anchor of a root: its log, tree size, block number and block time (all zero if none).
    function anchorByRoot(bytes32 root) external view returns (bytes32 logId, uint64 treeSize, uint64 blockNumber, uint64 timestamp) {
        Anchor storage a = _byRoot[root];
        return (a.logId, a.treeSize, a.blockNumber, a.timestamp);
    }

    function logKeys(bytes32 logId) external view returns (string[] memory) {
        return _logKeys[logId];
    }
}
