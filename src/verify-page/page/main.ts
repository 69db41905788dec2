// The verification page (/verify): the court's inputs, the file hashed in a Web Worker, and the
// report as a judge reads it — the verdict first, then each proof with its source of time, then what
// was not checked. The requests are same-origin (a receipt by locator, the server's keys), and, when
// the user names an Ethereum node they trust, JSON-RPC queries about the proven anchors' blocks to that
// node (anchor-canonicality.ts), made here from the report, never from the worker that holds the file.
import { assessCompromises, keyCompromiseHeader, notCheckedSentences, type ProvenAnchor, type Report, type Sentence, type ValidReport } from '../verifier/index.js';
import { checkAnchorCanonicality, readNodeUrl, type CanonicalityOutcome, type Finality } from './anchor-canonicality.js';
import { acceptKeysFile, byId, currentLanguage, element, fetchText, field, onLanguage, refusalOf, sentence, setUpKeysPanel, setUpLanguage, showProblem, text } from './common.js';
import type { VerifyRequest, WorkerMessage } from './messages.js';

const receiptPathPrefix = '/v1/receipts/';
const locatorPattern = /^[0-9a-f]{32}$/;

setUpLanguage();
const keys = setUpKeysPanel();
const problemLine = byId('input-problem');
const progress = byId<HTMLProgressElement>('hash-progress');
const progressText = byId('progress-text');
const result = byId('result');

/** The receipt: from a chosen file, or fetched by locator (the later of the two wins). */
let receipt: { json: string; source: string } | null = null;
let report: Report | null = null;
/** The node's answer about a valid report's anchors: null when no node was given or none was asked. */
let canonicality: CanonicalityOutcome | null = null;
/** Whether a node was given for the report shown (to say it was not asked when nothing was anchored). */
let nodeGiven = false;
let worker: Worker | null = null;

// The node the user trusts is remembered for this tab's session only (sessionStorage), never stored on disk for longer.
const nodeStorageKey = 'evidencechain.verify.anchorNode';
const nodeInput = byId<HTMLInputElement>('anchor-node');
nodeInput.value = sessionStorage.getItem(nodeStorageKey) ?? '';
nodeInput.addEventListener('input', () => {
  if (nodeInput.value.trim() === '') sessionStorage.removeItem(nodeStorageKey);
  else sessionStorage.setItem(nodeStorageKey, nodeInput.value.trim());
});

// Compromise statements this server publishes (GET /v1/key-statements: a successor log serves the one it
// begins with). They are offered, chosen by default, and used only if they verify with the keys the user
// trusts, in the worker like a chosen file: a chosen one that does not verify is unusable input, never skipped.
const keyStatementsPath = '/v1/key-statements';
const offered: { note: string; origin: string; successor: string; chosen: boolean }[] = [];
let offeredProblem = '';

function renderOffered(): void {
  const list = byId('server-statement-list');
  list.replaceChildren();
  byId('server-statements').hidden = offered.length === 0;
  showProblem(byId('server-statements-problem'), offeredProblem === '' ? '' : `${text('serverStatementsFailed')}: ${offeredProblem}`);
  for (const [index, statement] of offered.entries()) {
    const box = element('input', { type: 'checkbox', 'data-statement-index': String(index) }) as HTMLInputElement;
    box.checked = statement.chosen;
    box.addEventListener('change', () => (statement.chosen = box.checked));
    list.append(
      element(
        'li',
        {},
        element('label', {}, box, ` ${text('serverStatement')} ${index + 1}: ${text('serverStatementOf')} `, element('code', {}, statement.origin), ` → ${text('successorLabel')} `, element('code', {}, statement.successor)),
      ),
    );
  }
}

async function fetchOfferedStatements(): Promise<void> {
  try {
    const answer = await fetchText(keyStatementsPath);
    if (answer.status === 404) return;
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${refusalOf(answer.body)}`);
    const body: unknown = JSON.parse(answer.body);
    const statements = typeof body === 'object' && body !== null ? (body as { statements?: unknown }).statements : undefined;
    if (!Array.isArray(statements)) throw new Error('not {"origin", "statements": [...]}');
    for (const note of statements) {
      if (typeof note !== 'string' || !note.startsWith(keyCompromiseHeader + '\n')) continue;
      // Unverified until the user verifies: shown only to say which logs it names.
      const lines = note.split('\n');
      offered.push({ note, origin: lines[1] ?? '', successor: lines.find((line) => line.startsWith('successor '))?.slice('successor '.length) ?? '', chosen: true });
    }
  } catch (error) {
    offeredProblem = (error as Error).message;
  }
  renderOffered();
}
void fetchOfferedStatements();
onLanguage(renderOffered);

const fileOf = (id: string): File | null => byId<HTMLInputElement>(id).files?.[0] ?? null;
const filesOf = (id: string): File[] => Array.from(byId<HTMLInputElement>(id).files ?? []);

function setInputFiles(id: string, files: File[]): void {
  const input = byId<HTMLInputElement>(id);
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

byId<HTMLInputElement>('receipt-file').addEventListener('change', async () => {
  const file = fileOf('receipt-file');
  receipt = file === null ? null : { json: await file.text(), source: file.name };
  byId('receipt-source').textContent = receipt === null ? '' : `${text('chosen')}: ${receipt.source}`;
});

/** A locator alone, or any URL whose path ends in one (a certificate's QR code may name another host). */
function locatorOf(input: string): { locator: string; otherOrigin: boolean } | null {
  const trimmed = input.trim();
  if (locatorPattern.test(trimmed.toLowerCase())) return { locator: trimmed.toLowerCase(), otherOrigin: false };
  let url: URL;
  try {
    url = new URL(trimmed, location.origin);
  } catch {
    return null;
  }
  const last = url.pathname.replace(/\/$/, '').split('/').pop()?.toLowerCase() ?? '';
  return locatorPattern.test(last) ? { locator: last, otherOrigin: url.origin !== location.origin } : null;
}

byId('fetch-receipt').addEventListener('click', async () => {
  const source = byId('receipt-source');
  showProblem(problemLine, '');
  const found = locatorOf(byId<HTMLInputElement>('locator').value);
  if (found === null) {
    showProblem(problemLine, text('badLocator'));
    return;
  }
  try {
    const answer = await fetchText(receiptPathPrefix + found.locator);
    if (answer.status === 404) {
      showProblem(problemLine, text('receiptNotFound'));
      return;
    }
    if (answer.status !== 200) {
      showProblem(problemLine, `${text('receiptFetchFailed')} (HTTP ${answer.status}): ${refusalOf(answer.body)}`);
      return;
    }
    receipt = { json: answer.body, source: receiptPathPrefix + found.locator };
    source.textContent = `${text('receiptFetched')}: ${receipt.source}${found.otherOrigin ? ' ' + text('otherOrigin') : ''}`;
  } catch (error) {
    showProblem(problemLine, `${text('receiptFetchFailed')}: ${(error as Error).message}`);
  }
});

// Dropped files go where their names say; anything else is the evidence file.
const dropZone = byId('drop-zone');
dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('over');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('over');
  const pems: File[] = [];
  for (const file of Array.from(event.dataTransfer?.files ?? [])) {
    const name = file.name.toLowerCase();
    if (name.endsWith('.receipt.json')) setInputFiles('receipt-file', [file]);
    else if (name.endsWith('.salt.json')) setInputFiles('salt-file', [file]);
    else if (name.endsWith('.vkeys')) acceptKeysFile(file);
    else if (name.endsWith('.pem') || name.endsWith('.crt')) pems.push(file);
    else setInputFiles('evidence-file', [file]);
  }
  if (pems.length > 0) setInputFiles('tsa-roots', pems);
});

async function readAll(files: File[]): Promise<string[]> {
  return Promise.all(files.map((file) => file.text()));
}

/** The chosen statement files, then the server's statements still chosen, each named by where it came from. */
async function compromiseStatements(): Promise<{ source: string; note: string }[]> {
  const files = filesOf('compromise-files');
  const chosen = await Promise.all(files.map(async (file) => ({ source: file.name, note: await file.text() })));
  for (const [index, statement] of offered.entries()) {
    if (statement.chosen) chosen.push({ source: `${location.origin}${keyStatementsPath} #${index + 1}`, note: statement.note });
  }
  return chosen;
}

byId('verify').addEventListener('click', async () => {
  showProblem(problemLine, '');
  const evidenceFile = fileOf('evidence-file');
  const saltFile = fileOf('salt-file');
  const logKeys = keys.current();
  if (receipt === null || logKeys === null || (evidenceFile === null) !== (saltFile === null)) {
    showProblem(problemLine, text(receipt === null ? 'needReceipt' : logKeys === null ? 'needKeys' : saltFile === null ? 'needSalt' : 'needFile'));
    return;
  }
  let node: string | null = null;
  if (nodeInput.value.trim() !== '') {
    const read = readNodeUrl(nodeInput.value);
    if (!read.ok) {
      showProblem(problemLine, `${text('nodeUnusable')}: ${sentence(read.problem)}`);
      return;
    }
    node = read.url;
  }
  let request: VerifyRequest;
  try {
    request = {
      receiptJson: receipt.json,
      trust: {
        logKeys,
        tsaRoots: await readAll(filesOf('tsa-roots')),
        operatorTsa: await readAll(filesOf('operator-tsa')),
        compromiseStatements: await compromiseStatements(),
      },
      evidence: evidenceFile === null || saltFile === null ? null : { file: evidenceFile, saltJson: await saltFile.text() },
    };
  } catch (error) {
    showProblem(problemLine, `${text('fileUnreadable')}: ${(error as Error).message}`);
    return;
  }
  report = null;
  canonicality = null;
  renderReport();
  run(request, node);
});

function run(request: VerifyRequest, node: string | null): void {
  worker?.terminate();
  const verifyButton = byId<HTMLButtonElement>('verify');
  verifyButton.disabled = true;
  byId('progress-area').hidden = false;
  progress.removeAttribute('value');
  progressText.textContent = text('verifying');
  const started = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker = started;
  started.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.kind === 'progress') {
      progress.max = Math.max(message.totalBytes, 1);
      progress.value = message.hashedBytes;
      const percent = message.totalBytes === 0 ? 100 : Math.floor((message.hashedBytes * 100) / message.totalBytes);
      progressText.textContent = `${text('hashing')}: ${percent}% (${message.hashedBytes.toLocaleString()} / ${message.totalBytes.toLocaleString()} bytes)`;
      progress.dataset.hashedBytes = String(message.hashedBytes);
      return;
    }
    if (message.kind === 'error') {
      verifyButton.disabled = false;
      byId('progress-area').hidden = true;
      showProblem(problemLine, message.message);
      return;
    }
    void finish(message.report, node);
  };
  started.onerror = (event) => {
    verifyButton.disabled = false;
    byId('progress-area').hidden = true;
    showProblem(problemLine, event.message);
  };
  started.postMessage(request);
}

/**
 * Shows the report, after asking the node about its anchors when one was given and every offline proof
 * held. The verdict appears once, complete: a court never sees "valid" turn into "invalid".
 */
async function finish(offline: Report, node: string | null): Promise<void> {
  const verifyButton = byId<HTMLButtonElement>('verify');
  let outcome: CanonicalityOutcome | null = null;
  try {
    if (node !== null && offline.verdict === 'valid' && offline.anchors.length > 0) {
      progress.removeAttribute('value');
      progressText.textContent = `${text('askingNode')}: ${node}`;
      outcome = await checkAnchorCanonicality(node, offline.anchors, (url, init) => fetch(url, init));
    }
  } catch (error) {
    outcome = { state: 'could-not-check', node: node ?? '', problem: error instanceof Error ? error.message : String(error) };
  }
  verifyButton.disabled = false;
  byId('progress-area').hidden = true;
  // The compromise statements are judged after the node's answer: an anchor proves a time only once the
  // node the user trusts confirmed its block (key-statement.md); the worker's assessment counted none.
  report = offline.verdict === 'valid' ? { ...offline, compromise: assessCompromises(offline.compromiseStatements, offline, confirmedAnchors(offline, outcome)) } : offline;
  canonicality = outcome;
  nodeGiven = node !== null;
  renderReport();
}

/** The report's anchors whose blocks the node confirmed canonical and final: none without a node's answer. */
function confirmedAnchors(valid: ValidReport, outcome: CanonicalityOutcome | null): readonly ProvenAnchor[] {
  if (outcome === null || outcome.state === 'could-not-check') return [];
  // The node was asked about the anchors in order; `finality` holds one entry per anchor that held.
  return valid.anchors.slice(0, outcome.finality.length);
}

function renderReport(): void {
  result.replaceChildren();
  result.hidden = report === null;
  if (report === null) return;
  if (report.verdict === 'unusable-input') {
    result.append(element('div', { id: 'verdict', class: 'verdict unusable', 'data-verdict': 'unusable-input' }, text('verdictUnusable')), element('p', { id: 'failure-detail' }, report.problem));
    return;
  }
  if (report.verdict === 'invalid') {
    const { failure } = report;
    result.append(
      element('div', { id: 'verdict', class: 'verdict invalid', 'data-verdict': 'invalid', 'data-failure': failure.name }, `${text('verdictInvalid')}: ${sentence(failure)}`),
      field(text('failureRule'), `${failure.name} (${failure.number})`, 'failure-name'),
      field(text('failureDetail'), failure.detail, 'failure-detail'),
    );
    return;
  }
  if (canonicality?.state === 'not-canonical') {
    // The node's "no" is the verdict; every offline proof held, and the report below still shows them.
    const { failure } = canonicality;
    result.append(
      element('div', { id: 'verdict', class: 'verdict invalid', 'data-verdict': 'invalid', 'data-failure': failure.name }, `${text('verdictInvalid')}: ${sentence(failure)}`),
      field(text('failureRule'), failure.name, 'failure-name'),
      field(text('failureDetail'), failure.detail, 'failure-detail'),
      element('h2', {}, text('offlineReportHeading')),
    );
  } else {
    const warned = report.compromise.some((finding) => finding.warning);
    const attributes: Record<string, string> = { id: 'verdict', class: warned ? 'verdict valid compromised' : 'verdict valid', 'data-verdict': 'valid' };
    if (report.compromise.length > 0) attributes['data-compromise'] = warned ? 'warning' : 'proven';
    result.append(element('div', attributes, text(warned ? 'verdictValidCompromised' : 'verdictValid')));
  }
  // Beside an invalid verdict (the node's "no") no compromise line is shown, as the CLI prints none.
  if (report.compromise.length > 0 && canonicality?.state !== 'not-canonical') result.append(compromiseFindings(report));
  renderValid(report);
}

/**
 * What each compromise statement means for the receipt, beside the verdict (key-statement.md): a warning
 * when it is not proven older than the compromise or is a fork, a line naming the proof otherwise.
 */
function compromiseFindings(valid: ValidReport): HTMLElement {
  const section = element('section', { id: 'compromise' }, element('h3', {}, text('compromiseHeading')));
  for (const finding of valid.compromise) {
    section.append(
      element('p', { class: `compromise ${finding.warning ? 'warning' : 'info'}`, role: finding.warning ? 'alert' : 'status', 'data-finding': finding.finding }, sentence(finding.sentence)),
    );
  }
  return section;
}

/** What the node said about anchor `index`, for its line in the anchors list. */
function anchorCanonicality(index: number): { state: string; shown: string } | null {
  if (canonicality === null || canonicality.state === 'could-not-check') return null;
  if (canonicality.state === 'not-canonical' && index === canonicality.anchorIndex) return { state: canonicality.failure.name, shown: `✗ ${sentence(canonicality.failure)}` };
  const finality = canonicality.finality[index];
  if (finality === undefined) return { state: 'not-asked', shown: text('notAsked') };
  return { state: 'canonical', shown: `✓ ${text('canonicalAndFinal')}${inParentheses(finalityText(finality))}` };
}

/** A remark in parentheses, full-width in Chinese. */
function inParentheses(remark: string): string {
  return currentLanguage() === 'zh' ? `（${remark}）` : ` (${remark})`;
}

function finalityText(finality: Finality): string {
  return finality.by === 'finalized' ? `${text('finalizedBlock')} ${finality.finalizedNumber}` : `${finality.depthBlocks} ${text('blocksBelowHead')} ${finality.headNumber}`;
}

/** The offline report's unchecked items, without the canonicality of the anchors the node answered for. */
function stillNotChecked(valid: ValidReport): readonly Sentence[] {
  if (canonicality === null || canonicality.state === 'could-not-check') return valid.notChecked;
  const answered = canonicality.state === 'canonical' ? valid.anchors.length : canonicality.anchorIndex + 1;
  const settled = new Set(valid.anchors.slice(0, answered).map((anchor: ProvenAnchor) => notCheckedSentences.anchorCanonicality(anchor).en));
  return valid.notChecked.filter((item) => !settled.has(item.en));
}

function renderValid(valid: ValidReport): void {
  result.append(element('p', { id: 'content-verdict', 'data-content-checked': String(valid.contentChecked) }, text(valid.contentChecked ? 'contentMatches' : 'contentNotGiven')));
  const log = element('section', { id: 'log-proof' }, element('h3', {}, text('logProof')));
  log.append(
    field(text('logTime'), valid.logTime, 'log-time'),
    field(text('origin'), valid.log.origin, 'log-origin'),
    field(text('treeSize'), valid.log.treeSize),
    field(text('leafIndex'), valid.log.leafIndex, 'leaf-index'),
  );
  if (valid.promiseTime !== null) log.append(field(text('promiseTime'), valid.promiseTime, 'promise-time'));
  if (valid.depositorKeyFingerprint !== null) log.append(field(text('depositorKey'), valid.depositorKeyFingerprint, 'depositor-key'));

  const timestamps = element('ul', { id: 'timestamps' });
  for (const stamp of valid.timestamps) {
    timestamps.append(
      element(
        'li',
        { 'data-source': stamp.source },
        element('strong', {}, stamp.genTime),
        ` — ${stamp.authority} (${stamp.tsa}) — `,
        element('span', { class: `source ${stamp.source}` }, text(stamp.source === 'independent' ? 'independent' : 'operator')),
      ),
    );
  }
  if (valid.timestamps.length === 0) timestamps.append(element('li', { class: 'none' }, text('noTimestamps')));

  const anchors = element('ul', { id: 'anchors' });
  for (const [index, anchor] of valid.anchors.entries()) {
    const item = element(
      'li',
      { 'data-block-number': String(anchor.blockNumber) },
      `${text('chain')} ${anchor.chainId} · ${text('block')} ${anchor.blockNumber} · ${text('blockTime')} `,
      element('strong', {}, anchor.blockTime),
      ' · ',
      element('code', {}, anchor.blockHash),
    );
    const answered = anchorCanonicality(index);
    if (answered !== null) {
      item.dataset.canonicality = answered.state;
      item.append(element('div', { class: `canonicality ${answered.state === 'canonical' ? 'held' : answered.state === 'not-asked' ? 'not-asked' : 'broken'}` }, answered.shown));
    }
    anchors.append(item);
  }
  if (valid.anchors.length === 0) anchors.append(element('li', { class: 'none' }, text('noAnchors')));
  const anchorSection = element('section', {}, element('h3', {}, text('anchorsHeading')), anchors);
  if (canonicality !== null) anchorSection.append(canonicalityNote(canonicality));
  else if (nodeGiven && valid.anchors.length === 0) anchorSection.append(element('p', { id: 'canonicality', class: 'note', 'data-state': 'not-asked' }, text('nodeNotAsked')));

  const notChecked = element('ul', { id: 'not-checked' });
  const unchecked = stillNotChecked(valid);
  for (const item of unchecked) notChecked.append(element('li', {}, sentence(item)));
  if (unchecked.length === 0) notChecked.append(element('li', { class: 'none' }, text('nothingUnchecked')));

  result.append(
    element('h2', {}, text('proofsHeading')),
    log,
    element('section', {}, element('h3', {}, text('timestampsHeading')), timestamps),
    anchorSection,
    element('h2', {}, text('notCheckedHeading')),
    notChecked,
  );
}

/** The node's answer as a whole, under the anchors: `#canonicality[data-state]`. */
function canonicalityNote(outcome: CanonicalityOutcome): HTMLElement {
  const note = element('div', { id: 'canonicality', 'data-state': outcome.state }, element('h3', {}, text('canonicalityHeading')));
  if (outcome.state === 'canonical') {
    note.append(element('p', {}, `${text('canonicalityChecked')} `, element('code', {}, outcome.node), inParentheses(`${text('chainIdLabel')} ${outcome.chainId}`)));
  } else if (outcome.state === 'not-canonical') {
    note.append(element('p', { class: 'problem' }, `${sentence(outcome.failure)} — `, element('code', {}, outcome.node)));
  } else {
    note.className = 'could-not-check';
    note.append(
      element('p', { class: 'warning', id: 'canonicality-problem' }, `${text('couldNotCheck')}: ${outcome.problem}`),
      element('p', { class: 'note' }, text('couldNotCheckNote')),
    );
  }
  return note;
}

onLanguage(renderReport);
