// Compiles contracts/EvidenceAnchor.sol with the pinned npm `solc`, from one fixed source path and
// with the EVM version pinned (solc's default is the newest fork; chains lagging mainnet need an
// older one), so anyone reproduces the committed bytecode byte for byte.
//
// Usage (from the repository root): node contracts/compile.mjs          writes contracts/build/
//                                   node contracts/compile.mjs --check  fails if build/ differs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const solc = require('solc');
const sourcePath = 'contracts/EvidenceAnchor.sol';
const outputPath = 'contracts/build/EvidenceAnchor.json';
const evmVersion = 'paris';

const input = {
  language: 'Solidity',
  sources: { [sourcePath]: { content: readFileSync(sourcePath, 'utf8') } },
  settings: {
    evmVersion,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { EvidenceAnchor: ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter(e => e.severity === 'error');
for (const e of output.errors ?? []) process.stderr.write(e.formattedMessage + '\n');
if (errors.length > 0) process.exit(1);

const contract = output.contracts[sourcePath].EvidenceAnchor;
const artifact = JSON.stringify({
  contractName: 'EvidenceAnchor',
  compiler: `solc ${solc.version()}`,
  evmVersion,
  optimizerRuns: 200,
  sourcePath,
  abi: contract.abi,
  bytecode: '0x' + contract.evm.bytecode.object,
  deployedBytecode: '0x' + contract.evm.deployedBytecode.object,
}, null, 2) + '\n';

if (process.argv.includes('--check')) {
  const committed = readFileSync(outputPath, 'utf8');
  if (committed !== artifact) {
    process.stderr.write(`${outputPath} differs from what ${sourcePath} compiles to; run node contracts/compile.mjs and commit the result\n`);
    process.exit(1);
  }
  process.stdout.write(`${outputPath} matches a fresh compile (${solc.version()}, evm ${evmVersion})\n`);
} else {
  writeFileSync(outputPath, artifact);
  process.stdout.write(`wrote ${outputPath} (${solc.version()}, evm ${evmVersion})\n`);
}
