/**
 * The catalog browser page. Logic lives in model.ts; this file draws it and wires events.
 * Search runs on the host (the catalog's `search`), filters and counts run here.
 */
import type { ErrorEntry, Lang, Retry } from '../../../../catalog/src/types';
import { clear, h, hostApi, icon } from '../dom';
import { isToCatalogWebview, type CatalogInitMessage, type CatalogSnapshot, type EntryAction, type FromCatalogWebview, type ToCatalogWebview } from '../protocol';
import { UI_STRINGS, type UiStrings } from '../strings';
import {
  entryDetail, FILTER_KEYS, filterOptions, listItemText, moveSelection, optionText, restoreState,
  resultCountText, stateAfterEscape, visibleEntries, type CatalogState, type FilterKey,
} from './model';

const vscode = hostApi();
let state: CatalogState = restoreState(vscode.getState());
let snapshot: CatalogSnapshot | undefined;
let strings: UiStrings = { ...UI_STRINGS };
let retryLabels = {} as Record<Retry, string>;
let lang: Lang = 'en';
/** Ids from the last search answer for `searchQuery`; null means "no query: catalog order". */
let searchIds: string[] | null = null;
let searchQuery = '';
let seq = 0;
let visible: ErrorEntry[] = [];
/** Scroll the selected entry to the middle of the list once it is laid out (a jump from elsewhere). */
let revealPending = false;
/** The user typed a new query: its answer selects its best hit (a restored query keeps the selection). */
let selectBestHit = false;

const root = document.getElementById('root') ?? document.body;
let ui: ReturnType<typeof buildUi> | undefined;
// The list gets its size when VS Code shows the panel (or the panel is resized): a jump that came
// while it was hidden is revealed then. Watching the list itself does not depend on a window
// `resize` event, which showing a panel does not always cause.
const listSized = new ResizeObserver(() => {
  if (revealPending) reveal();
});

function post(msg: FromCatalogWebview): void {
  vscode.postMessage(msg);
}

function save(): void {
  vscode.setState(state);
}

const FILTER_LABEL: Record<FilterKey, keyof UiStrings> = {
  group: 'filterGroup', type: 'filterType', status: 'filterStatus', retry: 'filterRetry', endpoint: 'filterEndpoint',
};

function buildUi() {
  clear(root);
  const search = h('input', {
    id: 'search', type: 'search', 'aria-label': strings.searchLabel, placeholder: strings.searchPlaceholder,
    autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'list',
  });
  const count = h('span', { id: 'count', class: 'count', 'aria-live': 'polite' });
  const selects = {} as Record<FilterKey, HTMLSelectElement>;
  const filterBox = h('div', { class: 'filters', role: 'group', 'aria-label': strings.filtersLabel });
  for (const key of FILTER_KEYS) {
    const select = h('select', { id: `filter-${key}`, 'data-filter': key });
    selects[key] = select;
    filterBox.appendChild(h('label', { class: 'filter' }, h('span', {}, strings[FILTER_LABEL[key]]), select));
    select.addEventListener('change', () => {
      if (select.value === '') delete state.filters[key];
      else state.filters[key] = select.value;
      update();
    });
  }
  const clearButton = h('button', { id: 'clear-filters', type: 'button', class: 'secondary' }, icon('clear-all'), strings.clearFilters);
  clearButton.addEventListener('click', () => {
    state.filters = {};
    update();
  });
  filterBox.appendChild(clearButton);

  const list = h('ul', { id: 'list', role: 'listbox', 'aria-label': strings.listLabel, tabindex: '0' });
  const detail = h('section', { id: 'detail', role: 'region', 'aria-label': strings.detailLabel, tabindex: '-1' });
  const status = h('div', { id: 'status', role: 'status', 'aria-live': 'polite', class: 'status' });
  root.appendChild(h('header', { class: 'toolbar' }, h('span', { class: 'search-box' }, icon('search'), search), count));
  root.appendChild(filterBox);
  root.appendChild(h('main', { class: 'panes' }, list, detail));
  root.appendChild(status);

  search.value = state.query;
  search.addEventListener('input', () => {
    state.query = search.value;
    selectBestHit = true;
    requestSearch();
    update();
  });
  list.addEventListener('click', (ev) => {
    const li = (ev.target as Element).closest('li[data-id]');
    if (li) {
      state.selectedId = li.getAttribute('data-id') ?? undefined;
      update();
      list.focus();
    }
  });
  list.addEventListener('dblclick', () => openDetail());
  return { search, count, selects, list, detail, status };
}

function requestSearch(): void {
  const q = state.query.trim();
  if (q === '') {
    searchIds = null;
    searchQuery = '';
    return;
  }
  if (q === searchQuery && searchIds) return;
  seq += 1;
  post({ type: 'search', seq, query: q });
}

function update(): void {
  save();
  render();
}

function render(): void {
  if (!ui || !snapshot) return;
  const labels = { strings, retryLabels };
  // While an answer for a new query is on its way, keep showing the previous results.
  visible = visibleEntries(snapshot.entries, state.query.trim() === '' ? null : searchIds, state.filters);
  if (state.selectedId === undefined || !visible.some((e) => e.id === state.selectedId)) {
    state.selectedId = visible[0]?.id;
    save();
  }
  ui.count.textContent = resultCountText(visible.length, snapshot.entries.length, strings);
  for (const key of FILTER_KEYS) {
    const { total, options } = filterOptions(key, snapshot, state.query.trim() === '' ? null : searchIds, state.filters, labels);
    const select = ui.selects[key];
    clear(select);
    select.appendChild(h('option', { value: '' }, strings.filterAny.replace('{0}', String(total))));
    // A value no entry of the current list has is shown (the list does not jump) but cannot be chosen.
    for (const o of options) select.appendChild(h('option', { value: o.value, disabled: o.count === 0 && o.value !== state.filters[key] }, optionText(o, strings)));
    select.value = state.filters[key] ?? '';
  }
  renderList();
  renderDetail();
}

function renderList(): void {
  if (!ui) return;
  const list = ui.list;
  clear(list);
  if (visible.length === 0) {
    list.appendChild(h('li', { class: 'empty', role: 'presentation' }, strings.noResults));
    list.removeAttribute('aria-activedescendant');
    return;
  }
  for (const e of visible) {
    const t = listItemText(e, strings);
    const selected = e.id === state.selectedId;
    list.appendChild(h('li', {
      id: optionId(e.id), role: 'option', 'data-id': e.id, 'aria-selected': selected ? 'true' : 'false', class: selected ? 'selected' : undefined,
    }, h('span', { class: 'code' }, t.code), h('span', { class: 'badge' }, t.group), h('span', { class: 'message' }, t.message)));
  }
  if (state.selectedId) {
    list.setAttribute('aria-activedescendant', optionId(state.selectedId));
    document.getElementById(optionId(state.selectedId))?.scrollIntoView({ block: 'nearest' });
  }
  if (revealPending) requestAnimationFrame(reveal);
}

/** Brings the selected entry into the middle of the list, once the list has a size. */
function reveal(): void {
  if (!ui || !state.selectedId) return;
  const li = document.getElementById(optionId(state.selectedId));
  // A panel that is not shown yet has no layout; the list's observer calls again when it gets one.
  if (!li || ui.list.clientHeight === 0) return;
  revealPending = false;
  li.scrollIntoView({ block: 'center' });
}

const optionId = (id: string): string => `entry-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function renderDetail(): void {
  if (!ui || !snapshot) return;
  const detail = ui.detail;
  clear(detail);
  const entry = snapshot.entries.find((e) => e.id === state.selectedId);
  if (!entry) {
    detail.appendChild(h('p', { class: 'placeholder' }, strings.nothingSelected));
    return;
  }
  const d = entryDetail(entry, snapshot, lang, strings, retryLabels);
  const actions = h('div', { class: 'actions', role: 'toolbar', 'aria-label': d.code });
  const button = (action: EntryAction, iconName: string, label: string) => {
    const b = h('button', { type: 'button', 'data-action': action }, icon(iconName), label);
    b.addEventListener('click', () => post({ type: 'action', action, id: entry.id }));
    actions.appendChild(b);
  };
  button('copyCode', 'copy', strings.actionCopyCode);
  button('insertCode', 'insert', strings.actionInsert);
  button('copySnippet', 'code', strings.actionSnippet);
  button('openDocs', 'link-external', strings.actionDocs);
  detail.appendChild(h('h2', { id: 'detail-title', tabindex: '-1' }, d.title));
  detail.appendChild(actions);
  for (const s of d.sections) {
    const dl = h('dl');
    for (const f of s.fields) {
      dl.appendChild(h('dt', {}, f.label));
      const dd = h('dd', {}, f.value || null);
      if (f.items) dd.appendChild(h('ul', {}, f.items.map((i) => h('li', {}, i))));
      dl.appendChild(dd);
    }
    const heading = h('h3', {}, s.heading);
    if (s.entryId !== entry.id) {
      const go = h('button', { type: 'button', class: 'link', 'data-select': s.entryId }, s.heading);
      go.addEventListener('click', () => select(s.entryId));
      detail.appendChild(h('section', { class: 'shared', 'aria-label': s.heading }, h('h3', {}, go), dl));
    } else {
      detail.appendChild(h('section', { 'aria-label': s.heading }, heading, dl));
    }
  }
}

function openDetail(): void {
  document.getElementById('detail-title')?.focus();
}

/** Selects an entry and reveals it, clearing the query and filters if they hide it. */
function select(id: string): void {
  if (!snapshot || !snapshot.entries.some((e) => e.id === id)) return;
  state.selectedId = id;
  revealPending = true;
  selectBestHit = false;
  // Only an answered search says what is listed: a query still on its way may hide the entry.
  const answered = state.query.trim() === '' || searchQuery === state.query.trim();
  const shown = visibleEntries(snapshot.entries, state.query.trim() === '' ? null : searchIds, state.filters);
  if (!answered || !shown.some((e) => e.id === id)) {
    state = { query: '', filters: {}, selectedId: id };
    searchIds = null;
    searchQuery = '';
    if (ui) ui.search.value = '';
  }
  update();
}

function onKey(ev: KeyboardEvent): void {
  if (!ui) return;
  const target = ev.target as HTMLElement | null;
  const inField = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
  const inNav = target === ui.search || target === ui.list;
  if (ev.key === '/' && !inField) {
    ev.preventDefault();
    ui.search.focus();
    ui.search.select();
    return;
  }
  if (ev.key === 'Escape') {
    ev.preventDefault();
    state = stateAfterEscape(state);
    ui.search.value = state.query;
    requestSearch();
    update();
    ui.search.focus();
    return;
  }
  if (!inNav) return;
  const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
  if (target === ui.list) Object.assign(moves, { Home: -Infinity, End: Infinity });
  const delta = moves[ev.key];
  if (delta !== undefined) {
    ev.preventDefault();
    state.selectedId = moveSelection(visible, state.selectedId, delta);
    update();
    return;
  }
  if (ev.key === 'Enter' && state.selectedId) {
    ev.preventDefault();
    openDetail();
  }
}

function onInit(msg: CatalogInitMessage): void {
  snapshot = msg.catalog;
  strings = { ...UI_STRINGS, ...msg.strings };
  retryLabels = msg.retryLabels;
  lang = msg.lang;
  document.documentElement.lang = lang;
  document.title = strings.catalogTitle;
  ui = buildUi();
  listSized.disconnect();
  listSized.observe(ui.list);
  searchIds = null;
  searchQuery = '';
  if (msg.select) select(msg.select);
  requestSearch();
  if (!msg.select) update();
  // Typing is what a user does first here, also after a jump (the entry is selected and revealed).
  ui.search.focus();
}

function onMessage(msg: ToCatalogWebview): void {
  switch (msg.type) {
    case 'init':
      onInit(msg);
      break;
    case 'searchResult':
      // Only the answer to the latest question counts.
      if (msg.seq !== seq || msg.query !== state.query.trim()) return;
      searchIds = msg.ids;
      searchQuery = msg.query;
      // A new search selects its best hit: the entry shown and acted on is the one seen selected.
      if (selectBestHit) state.selectedId = visibleEntries(snapshot?.entries ?? [], searchIds, state.filters)[0]?.id;
      selectBestHit = false;
      update();
      break;
    case 'select':
      select(msg.id);
      break;
    case 'actionResult':
      if (ui) {
        ui.status.textContent = msg.message;
        ui.status.className = msg.ok ? 'status ok' : 'status error';
      }
      break;
  }
}

window.addEventListener('message', (ev: MessageEvent) => {
  if (isToCatalogWebview(ev.data)) onMessage(ev.data);
  else console.warn('uqpay-errors: ignored a message of unknown shape', typeof ev.data === 'object' && ev.data ? (ev.data as { type?: unknown }).type : typeof ev.data);
});
document.addEventListener('keydown', onKey);
post({ type: 'ready' });
