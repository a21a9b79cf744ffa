/**
 * The decode panel page. Decoding runs on the extension host (another process), so the page only
 * sends the text and draws the answer: a 10 MB paste never blocks this thread.
 */
import type { DecodeResult, Lang, Retry } from '../../../../catalog/src/types';
import { clear, h, hostApi, icon } from '../dom';
import { isToDecodeWebview, type DecodeInitMessage, type FromDecodeWebview, type InputOrigin, type ToDecodeWebview } from '../protocol';
import { format, UI_STRINGS, type UiStrings } from '../strings';
import { debounceDelay, findingCard, LARGE_INPUT, largePreview, sizeText, summaryText } from './model';

const vscode = hostApi();
/** Larger texts are not kept in the webview state (it is serialized on every save). */
const MAX_SAVED_TEXT = 1024 * 1024;

let strings: UiStrings = { ...UI_STRINGS };
let retryLabels = {} as Record<Retry, string>;
let lang: Lang = 'en';
let seq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastResult: DecodeResult | null = null;
let lastLength = 0;
/** A large paste, kept here instead of in the text area (which shows its beginning, read-only). */
let largeText: string | null = null;
/** What the paste area held before the host filled it from the clipboard: Escape puts it back. */
let beforeClipboard: string | null = null;

const saved = vscode.getState() as { text?: unknown } | undefined;
const root = document.getElementById('root') ?? document.body;
let ui: ReturnType<typeof buildUi> | undefined;

function post(msg: FromDecodeWebview): void {
  vscode.postMessage(msg);
}

function buildUi(initial: string) {
  clear(root);
  const input = h('textarea', {
    id: 'input', 'aria-label': strings.decodeInputLabel, placeholder: strings.decodePlaceholder, spellcheck: 'false', autocomplete: 'off',
  });
  input.value = initial;
  const copy = h('button', { id: 'copy-report', type: 'button', disabled: true }, icon('copy'), strings.decodeCopyReport);
  const clearButton = h('button', { id: 'clear', type: 'button', class: 'secondary' }, icon('clear-all'), strings.decodeClear);
  const progress = h('progress', { id: 'progress', hidden: true, 'aria-label': strings.decodeWorking.replace('{0}', '') });
  const status = h('div', { id: 'status', role: 'status', 'aria-live': 'polite', class: 'status' });
  const explain = h('div', { id: 'explain', class: 'explain' });
  const cards = h('div', { id: 'cards', class: 'cards', role: 'list', 'aria-label': strings.decodeTitle });
  const toast = h('div', { id: 'toast', role: 'status', 'aria-live': 'polite', class: 'status' });
  const undo = h('button', { id: 'undo-clipboard', type: 'button', class: 'link' }, strings.decodeUndo);
  const notice = h('div', { id: 'from-clipboard', class: 'notice', role: 'status', hidden: true }, icon('clippy'), h('span', {}, strings.decodeFromClipboard), undo);
  root.appendChild(h('header', { class: 'toolbar' }, h('h1', {}, strings.decodeTitle), h('span', { class: 'spacer' }), copy, clearButton));
  root.appendChild(notice);
  root.appendChild(input);
  root.appendChild(h('div', { class: 'status-line' }, progress, status));
  root.appendChild(toast);
  root.appendChild(explain);
  root.appendChild(cards);

  input.addEventListener('paste', (ev) => {
    const text = ev.clipboardData?.getData('text/plain') ?? '';
    if (text.length <= LARGE_INPUT) return;
    // Keep megabytes out of the text area: insert nothing, decode the whole paste.
    ev.preventDefault();
    setText(text);
  });
  input.addEventListener('input', () => {
    // An edit keeps what the clipboard gave: there is nothing left to undo.
    showClipboardNotice(null);
    if (largeText === null && input.value.length > LARGE_INPUT) setText(input.value);
    else schedule();
  });
  undo.addEventListener('click', () => undoClipboard());
  copy.addEventListener('click', () => post({ type: 'copyReport' }));
  clearButton.addEventListener('click', () => {
    setText('');
    input.focus();
  });
  return { input, copy, progress, status, explain, cards, toast, notice };
}

/** Puts the host's text in the paste area; from the clipboard, it says so and remembers what was there. */
function hostText(text: string, origin: InputOrigin | undefined): void {
  if (!ui) return;
  const before = largeText ?? ui.input.value;
  setText(text);
  showClipboardNotice(origin === 'clipboard' ? before : null);
}

function showClipboardNotice(before: string | null): void {
  beforeClipboard = before;
  if (ui) ui.notice.hidden = before === null;
}

/** Escape (or the Undo link) after a clipboard fill: back to what the area held before. */
function undoClipboard(): boolean {
  if (!ui || beforeClipboard === null) return false;
  const before = beforeClipboard;
  showClipboardNotice(null);
  setText(before);
  ui.input.focus();
  return true;
}

/** Replaces the whole input (a paste, the host's text, Clear) and decodes it. */
function setText(text: string, delay = 0): void {
  if (!ui) return;
  if (text.length > LARGE_INPUT) {
    largeText = text;
    ui.input.value = largePreview(text, strings);
    ui.input.readOnly = true;
  } else {
    largeText = null;
    ui.input.readOnly = false;
    ui.input.value = text;
  }
  schedule(delay);
}

function schedule(delay?: number): void {
  if (!ui) return;
  const text = largeText ?? ui.input.value;
  vscode.setState({ text: text.length <= MAX_SAVED_TEXT ? text : '' });
  if (timer !== undefined) clearTimeout(timer);
  // A new keystroke makes any answer on its way stale.
  seq += 1;
  if (text.trim() === '') {
    lastResult = null;
    lastLength = 0;
    draw();
    return;
  }
  const mySeq = seq;
  ui.progress.hidden = false;
  ui.status.textContent = format(strings.decodeWorking, sizeText(text.length));
  timer = setTimeout(() => {
    timer = undefined;
    if (mySeq === seq) post({ type: 'decode', seq: mySeq, text });
  }, delay ?? debounceDelay(text.length));
}

function draw(): void {
  if (!ui) return;
  ui.progress.hidden = true;
  const s = summaryText(lastResult, lastLength, strings, lang);
  ui.status.textContent = s.status;
  clear(ui.explain);
  for (const line of s.explain) ui.explain.appendChild(h('p', {}, line));
  clear(ui.cards);
  ui.copy.disabled = !lastResult || lastResult.findings.length === 0;
  if (!lastResult) return;
  lastResult.findings.forEach((f, i) => {
    const card = findingCard(f, i, lang, strings, retryLabels);
    const dl = h('dl');
    for (const r of card.rows) {
      const cls = `row-${r.key}${r.problem ? ' problem' : ''}`;
      dl.appendChild(h('dt', { class: cls }, r.problem ? icon('warning') : null, r.label));
      const dd = h('dd', { class: cls }, r.value || null);
      if (r.items) dd.appendChild(h('ul', {}, r.items.map((t) => h('li', {}, t))));
      dl.appendChild(dd);
    }
    const links = h('div', { class: 'actions' });
    for (const e of card.entryIds) {
      const b = h('button', { type: 'button', class: 'secondary', 'data-entry': e.id }, icon('book'), e.label);
      b.addEventListener('click', () => post({ type: 'openEntry', id: e.id }));
      links.appendChild(b);
    }
    const classes = ['card', card.known ? 'known' : 'unknown', card.hasProblems ? 'has-problems' : ''].filter(Boolean).join(' ');
    ui!.cards.appendChild(h('article', { class: classes, role: 'listitem', 'aria-label': card.title }, h('h2', {}, card.title), dl, links));
  });
}

function onInit(msg: DecodeInitMessage): void {
  strings = { ...UI_STRINGS, ...msg.strings };
  retryLabels = msg.retryLabels;
  lang = msg.lang;
  document.documentElement.lang = lang;
  document.title = strings.decodeTitle;
  const keep = ui && largeText === null ? ui.input.value : typeof saved?.text === 'string' ? saved.text : '';
  ui = buildUi('');
  setText(largeText ?? keep);
  if (msg.text !== undefined) hostText(msg.text, msg.origin);
  ui.input.focus();
}

function onMessage(msg: ToDecodeWebview): void {
  switch (msg.type) {
    case 'init':
      onInit(msg);
      break;
    case 'setInput':
      hostText(msg.text, msg.origin);
      break;
    case 'decodeResult':
      if (msg.seq !== seq) return;
      lastResult = msg.result;
      lastLength = msg.inputLength;
      draw();
      break;
    case 'actionResult':
      if (ui) {
        ui.toast.textContent = msg.message;
        ui.toast.className = msg.ok ? 'status ok' : 'status error';
      }
      break;
  }
}

window.addEventListener('message', (ev: MessageEvent) => {
  if (isToDecodeWebview(ev.data)) onMessage(ev.data);
  else console.warn('uqpay-errors: ignored a message of unknown shape', typeof ev.data === 'object' && ev.data ? (ev.data as { type?: unknown }).type : typeof ev.data);
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && undoClipboard()) ev.preventDefault();
});
post({ type: 'ready' });
