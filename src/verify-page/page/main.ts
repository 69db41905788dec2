// The verification page (/verify): the court's inputs, the file hashed in a Web Worker, and the
// report as a judge reads it — the verdict first, then each proof with its source of time, then what
// was not checked. The only requests are same-origin: a receipt by locator, the server's keys.
import type { Report, ValidReport } from '../verifier/index.js';
import { acceptKeysFile, byId, element, fetchText, field, onLanguage, refusalOf, sentence, setUpKeysPanel, setUpLanguage, showProblem, text } from './common.js';
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
let worker: Worker | null = null;

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

byId('verify').addEventListener('click', async () => {
  showProblem(problemLine, '');
  const evidenceFile = fileOf('evidence-file');
  const saltFile = fileOf('salt-file');
  const logKeys = keys.current();
  if (receipt === null || logKeys === null || (evidenceFile === null) !== (saltFile === null)) {
    showProblem(problemLine, text(receipt === null ? 'needReceipt' : logKeys === null ? 'needKeys' : saltFile === null ? 'needSalt' : 'needFile'));
    return;
  }
  let request: VerifyRequest;
  try {
    request = {
      receiptJson: receipt.json,
      trust: { logKeys, tsaRoots: await readAll(filesOf('tsa-roots')), operatorTsa: await readAll(filesOf('operator-tsa')) },
      evidence: evidenceFile === null || saltFile === null ? null : { file: evidenceFile, saltJson: await saltFile.text() },
    };
  } catch (error) {
    showProblem(problemLine, `${text('fileUnreadable')}: ${(error as Error).message}`);
    return;
  }
  report = null;
  renderReport();
  run(request);
});

function run(request: VerifyRequest): void {
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
    verifyButton.disabled = false;
    byId('progress-area').hidden = true;
    if (message.kind === 'error') showProblem(problemLine, message.message);
    else {
      report = message.report;
      renderReport();
    }
  };
  started.onerror = (event) => {
    verifyButton.disabled = false;
    byId('progress-area').hidden = true;
    showProblem(problemLine, event.message);
  };
  started.postMessage(request);
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
  renderValid(report);
}

function renderValid(valid: ValidReport): void {
  result.append(
    element('div', { id: 'verdict', class: 'verdict valid', 'data-verdict': 'valid' }, text('verdictValid')),
    element('p', { id: 'content-verdict', 'data-content-checked': String(valid.contentChecked) }, text(valid.contentChecked ? 'contentMatches' : 'contentNotGiven')),
  );
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
  for (const anchor of valid.anchors) {
    anchors.append(
      element(
        'li',
        { 'data-block-number': String(anchor.blockNumber) },
        `${text('chain')} ${anchor.chainId} · ${text('block')} ${anchor.blockNumber} · ${text('blockTime')} `,
        element('strong', {}, anchor.blockTime),
        ' · ',
        element('code', {}, anchor.blockHash),
      ),
    );
  }
  if (valid.anchors.length === 0) anchors.append(element('li', { class: 'none' }, text('noAnchors')));

  const notChecked = element('ul', { id: 'not-checked' });
  for (const item of valid.notChecked) notChecked.append(element('li', {}, sentence(item)));
  if (valid.notChecked.length === 0) notChecked.append(element('li', { class: 'none' }, text('nothingUnchecked')));

  result.append(
    element('h2', {}, text('proofsHeading')),
    log,
    element('section', {}, element('h3', {}, text('timestampsHeading')), timestamps),
    element('section', {}, element('h3', {}, text('anchorsHeading')), anchors),
    element('h2', {}, text('notCheckedHeading')),
    notChecked,
  );
}

onLanguage(renderReport);
