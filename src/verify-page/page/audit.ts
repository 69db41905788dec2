// The auditor's page (/verify/audit): the latest checkpoint verified with keys the auditor chose,
// its anchors, and a consistency proof between two verified checkpoints checked in the browser.
// The service only supplies data; every judgement is made here.
import { failureSentences, fromBase64, loadHashes, parseVerifierKeys, toHex, treeHashOf, verifyCheckpoint, verifyConsistency, type Checkpoint } from '../verifier/index.js';
import { byId, element, fetchText, field, onLanguage, refusalOf, sentence, setUpKeysPanel, setUpLanguage, showProblem, text } from './common.js';

setUpLanguage();
const keys = setUpKeysPanel();
const problemLine = byId('audit-problem');

/** Checkpoints whose signatures verified, by tree size: the only roots a consistency proof is checked against. */
const verified = new Map<bigint, Checkpoint>();

interface AnchorAnswer {
  readonly anchoring_enabled: boolean;
  readonly anchors: readonly {
    readonly state: string;
    readonly chain: { readonly chain_id: number; readonly contract: string };
    readonly tree_size: number;
    readonly block_number?: number;
    readonly block_time?: number;
    readonly transaction_hash?: string;
  }[];
}

let latest: { checkpoint: Checkpoint | null; failure: { name: string; zh: string; en: string; detail: string } | null; anchors: AnchorAnswer | null } | null = null;
let consistency: { first: bigint; second: bigint; failure: { name: string; detail: string } | null } | null = null;

/** Verifies a signed checkpoint note with the chosen keys; adds it to the verified ones when it holds. */
async function check(note: string): Promise<{ checkpoint: Checkpoint } | { failure: { name: string; zh: string; en: string; detail: string } } | null> {
  const keysText = keys.current();
  if (keysText === null) {
    showProblem(problemLine, text('needKeys'));
    return null;
  }
  const hashes = await loadHashes();
  const trusted = parseVerifierKeys(keysText, hashes);
  if (!trusted.ok) {
    showProblem(problemLine, `${text('keysUnusable')}: ${trusted.problem}`);
    return null;
  }
  const outcome = await verifyCheckpoint(note, trusted.value, hashes);
  if (!outcome.ok) {
    return { failure: { name: outcome.failure.name, ...failureSentences[outcome.failure.name], detail: outcome.failure.detail } };
  }
  verified.set(outcome.value.size, outcome.value);
  return { checkpoint: outcome.value };
}

byId('fetch-checkpoint').addEventListener('click', async () => {
  showProblem(problemLine, '');
  try {
    const answer = await fetchText('/v1/checkpoint');
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${refusalOf(answer.body)}`);
    const note = (JSON.parse(answer.body) as { note: string }).note;
    const checked = await check(note);
    if (checked === null) return;
    let anchors: AnchorAnswer | null = null;
    if ('checkpoint' in checked) {
      const anchorAnswer = await fetchText(`/v1/anchors?tree_size=${checked.checkpoint.size}`);
      if (anchorAnswer.status !== 200) throw new Error(`HTTP ${anchorAnswer.status}: ${refusalOf(anchorAnswer.body)}`);
      anchors = JSON.parse(anchorAnswer.body) as AnchorAnswer;
    }
    latest = { checkpoint: 'checkpoint' in checked ? checked.checkpoint : null, failure: 'failure' in checked ? checked.failure : null, anchors };
    render();
  } catch (error) {
    showProblem(problemLine, `${text('requestFailed')}: ${(error as Error).message}`);
  }
});

byId('add-checkpoint').addEventListener('click', async () => {
  showProblem(problemLine, '');
  const pasted = byId<HTMLTextAreaElement>('pasted-checkpoint').value.replace(/\r\n/g, '\n');
  const checked = await check(pasted.endsWith('\n') ? pasted : pasted + '\n');
  if (checked !== null && 'failure' in checked) showProblem(problemLine, `${text('checkpointInvalid')}: ${checked.failure.name} — ${checked.failure.detail}`);
  render();
});

function sizeOf(id: string): bigint | null {
  const value = byId<HTMLInputElement>(id).value.trim();
  return /^[0-9]{1,19}$/.test(value) ? BigInt(value) : null;
}

byId('check-consistency').addEventListener('click', async () => {
  showProblem(problemLine, '');
  const first = sizeOf('first-size');
  const second = sizeOf('second-size');
  const firstCheckpoint = first === null ? undefined : verified.get(first);
  const secondCheckpoint = second === null ? undefined : verified.get(second);
  if (first === null || second === null || firstCheckpoint === undefined || secondCheckpoint === undefined) {
    showProblem(problemLine, text('unknownSize'));
    return;
  }
  try {
    const answer = await fetchText(`/v1/consistency?first=${first}&second=${second}`);
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${refusalOf(answer.body)}`);
    const proof = ((JSON.parse(answer.body) as { proof: string[] }).proof ?? []).map((hash) => fromBase64(hash) ?? new Uint8Array());
    const hashes = await loadHashes();
    const outcome = verifyConsistency(treeHashOf(hashes, secondCheckpoint.treeHash), first, second, firstCheckpoint.root, secondCheckpoint.root, proof);
    consistency = { first, second, failure: outcome.ok ? null : outcome.failure };
    render();
  } catch (error) {
    showProblem(problemLine, `${text('requestFailed')}: ${(error as Error).message}`);
  }
});

function render(): void {
  const shown = byId('checkpoint-result');
  shown.replaceChildren();
  if (latest !== null) {
    if (latest.checkpoint === null) {
      const failure = latest.failure!;
      shown.append(
        element('div', { id: 'checkpoint-verdict', class: 'verdict invalid', 'data-verdict': 'invalid', 'data-failure': failure.name }, `${text('checkpointInvalid')}: ${sentence(failure)}`),
        field(text('failureDetail'), `${failure.name}: ${failure.detail}`),
      );
    } else {
      const checkpoint = latest.checkpoint;
      shown.append(
        element('div', { id: 'checkpoint-verdict', class: 'verdict valid', 'data-verdict': 'valid' }, text('checkpointValid')),
        field(text('origin'), checkpoint.origin, 'checkpoint-origin'),
        field(text('treeSize'), checkpoint.size.toString(), 'checkpoint-size'),
        field(text('root'), toHex(checkpoint.root), 'checkpoint-root'),
      );
      shown.append(renderAnchors(latest.anchors));
    }
  }

  const known = byId('known-checkpoints');
  known.replaceChildren();
  for (const [size, checkpoint] of [...verified.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    known.append(element('li', { 'data-size': size.toString() }, `${text('treeSize')} ${size} · ${text('root')} `, element('code', {}, toHex(checkpoint.root))));
  }

  const verdict = byId('consistency-result');
  verdict.replaceChildren();
  if (consistency !== null) {
    const range = ` (${consistency.first} → ${consistency.second})`;
    verdict.append(
      consistency.failure === null
        ? element('div', { id: 'consistency-verdict', class: 'verdict valid', 'data-verdict': 'consistent' }, text('consistent') + range)
        : element('div', { id: 'consistency-verdict', class: 'verdict invalid', 'data-verdict': 'inconsistent', 'data-failure': consistency.failure.name }, `${text('inconsistent')}${range}: ${consistency.failure.name} — ${consistency.failure.detail}`),
    );
  }
}

function renderAnchors(answer: AnchorAnswer | null): HTMLElement {
  const list = element('ul', { id: 'checkpoint-anchors' });
  if (answer === null || !answer.anchoring_enabled) list.append(element('li', { class: 'none' }, text('anchoringOff')));
  else if (answer.anchors.length === 0) list.append(element('li', { class: 'none' }, text('noAnchors')));
  for (const anchor of answer?.anchors ?? []) {
    const blockTime = anchor.block_time === undefined ? '' : ` · ${text('blockTime')} ${new Date(anchor.block_time * 1000).toISOString()}`;
    const block = anchor.block_number === undefined ? '' : ` · ${text('block')} ${anchor.block_number}${blockTime}`;
    list.append(element('li', { 'data-state': anchor.state }, `${text('anchorState')} ${anchor.state} · ${text('chain')} ${anchor.chain.chain_id} · ${text('treeSize')} ${anchor.tree_size}${block}`));
  }
  return element('section', {}, element('h3', {}, text('anchorsHeading')), element('p', { class: 'note' }, text('anchorsClaimed')), list);
}

onLanguage(render);
