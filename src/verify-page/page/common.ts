// What both pages share: the language switch, small DOM helpers, and the trusted-keys panel.
import { loadHashes, parseVerifierKeys, type Sentence } from '../verifier/index.js';
import { strings, type Language, type StringKey } from './strings.js';

let language: Language = 'zh';
const languageListeners: (() => void)[] = [];

export function currentLanguage(): Language {
  return language;
}

export function text(key: StringKey): string {
  return strings[key][language];
}

export function sentence(value: Sentence): string {
  return value[language];
}

/** Runs `render` now and again whenever the language changes. */
export function onLanguage(render: () => void): void {
  languageListeners.push(render);
  render();
}

/** Static labels carry `data-text="<key>"`; the toggle switches between Chinese (first) and English. */
export function setUpLanguage(): void {
  const apply = () => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
      element.textContent = text(element.dataset.text as StringKey);
    }
    for (const element of document.querySelectorAll<HTMLElement>('[data-placeholder]')) {
      element.setAttribute('placeholder', text(element.dataset.placeholder as StringKey));
    }
    document.title = text(document.body.dataset.title as StringKey);
  };
  byId('language-toggle').addEventListener('click', () => {
    language = language === 'zh' ? 'en' : 'zh';
    apply();
    for (const render of languageListeners) render();
  });
  apply();
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element as T;
}

/** An element with text, optional attributes and children; text is never parsed as HTML. */
export function element(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

/** A line "label: value" of a result, the value in a monospace span when it is a hash. */
export function field(label: string, value: string, id?: string): HTMLElement {
  const shown = element('span', id === undefined ? { class: 'value' } : { class: 'value', id }, value);
  return element('div', { class: 'field' }, element('span', { class: 'label' }, `${label}: `), shown);
}

export function showProblem(where: HTMLElement, problem: string): void {
  where.textContent = problem;
  where.hidden = problem === '';
}

/** A same-origin GET, without cookies or cache: the status and the body, for the caller to judge. */
export async function fetchText(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(path, { credentials: 'omit', cache: 'no-store' });
  const body = await response.text();
  return { status: response.status, body };
}

/** The service's refusal sentence from its JSON body ({"error": "…"}), or the start of whatever came back. */
export function refusalOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { error?: unknown }).error === 'string') return (parsed as { error: string }).error;
  } catch {
    // Not the service's JSON refusal: show the start of what came back.
  }
  return body.slice(0, 200);
}

/** The trusted keys: a file the user chose, or this server's, shown only beside the warning to compare fingerprints. */
export interface KeysPanel {
  /** The keys file's text, or null when none is chosen or it does not parse. */
  current(): string | null;
}

export function setUpKeysPanel(): KeysPanel {
  let keysText: string | null = null;
  let fromServer = false;
  let problem = '';
  const list = byId('key-fingerprints');
  const note = byId('server-keys-note');
  const problemLine = byId('keys-problem');

  const render = async () => {
    list.replaceChildren();
    note.hidden = !fromServer || keysText === null;
    showProblem(problemLine, problem === '' ? '' : `${text('keysUnusable')}: ${problem}`);
    if (keysText === null) return;
    const parsed = parseVerifierKeys(keysText, await loadHashes());
    if (!parsed.ok) {
      showProblem(problemLine, `${text('keysUnusable')}: ${parsed.problem}`);
      return;
    }
    for (const key of parsed.value.keys) {
      list.append(element('li', { 'data-fingerprint': key.fingerprint }, `${key.name} (${key.algorithm}) SHA-256 `, element('code', {}, key.fingerprint)));
    }
  };
  const accept = async (candidate: string, server: boolean) => {
    const parsed = parseVerifierKeys(candidate, await loadHashes());
    keysText = parsed.ok ? candidate : null;
    problem = parsed.ok ? '' : parsed.problem;
    fromServer = server;
    await render();
  };

  byId<HTMLInputElement>('keys-file').addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file !== undefined) await accept(await file.text(), false);
  });
  byId('use-server-keys').addEventListener('click', async () => {
    try {
      const answer = await fetchText('/v1/keys');
      if (answer.status !== 200) throw new Error(refusalOf(answer.body));
      await accept(answer.body, true);
    } catch (error) {
      keysText = null;
      problem = '';
      await render();
      showProblem(problemLine, `${text('keysFetchFailed')}: ${(error as Error).message}`);
    }
  });
  onLanguage(() => void render());
  return {
    current: () => keysText,
  };
}

/** Lets the keys panel take a dropped file as if chosen. */
export function acceptKeysFile(file: File): void {
  const input = byId<HTMLInputElement>('keys-file');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}
