/**
 * The workspace's error coverage, kept in the server: a first index of every source file of the
 * workspace folders (the CLI's walk: .gitignore honoured, node_modules and .git skipped), built in
 * slices between other messages so typing is never kept waiting, then kept current file by file
 * (open documents from their text, others from disk when the client reports a change) and folder
 * by folder as folders are added or removed.
 */
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { collectFiles, readSourceFile, skippedByWalk } from '../../cli/src/files';
import type { Catalog } from '../../catalog/src/catalog';
import { buildCoverageReport, coversLanguage, fileCoverage, languageIdForPath, mayCallEndpoints, type CoverageReport, type ErrorCodeService, type FileCoverage, type ServiceSettings } from './service';

const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Work done in one turn of the event loop before yielding to waiting messages. */
const SLICE_MS = 8;

/** Is `file` inside `folder` (or the folder itself)? */
function inside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return !rel.startsWith('..') && !/^[A-Za-z]:|^[\\/]/.test(rel);
}

/** The deepest folder holding every one of `folders` (the first one when they share none, e.g. other drives). */
function commonFolder(folders: readonly string[]): string | undefined {
  let base = folders[0];
  for (const f of folders.slice(1)) {
    while (base && !inside(base, f)) {
      const up = dirname(base);
      if (up === base) return folders[0];
      base = up;
    }
  }
  return base;
}

/** What the report shows of one file: its calls and where each error is handled, by line and column. */
function signature(f: FileCoverage | undefined): string {
  if (!f) return '';
  const at = (o: number) => {
    const p = f.position(o);
    return `${p.line}:${p.column}`;
  };
  return f.calls.map((c) => `${c.call.endpoint}@${at(c.call.start)}[${c.errors.map((e) => e.handled.map((h) => at(h.start)).join(',')).join(';')}]`).join('|');
}

export class CoverageIndex {
  /** By absolute path. */
  private readonly files = new Map<string, FileCoverage>();
  private roots: readonly string[] = [];
  private generation = 0;
  private built = false;
  private report: CoverageReport | undefined;
  /** Files that changed while a build ran: indexed again once it ends, so no edit is lost. */
  private readonly changedDuringBuild = new Set<string>();

  constructor(
    private readonly service: ErrorCodeService,
    private readonly catalog: () => Catalog,
    private readonly settings: () => ServiceSettings,
    /** Called after the index changed (the server tells the client). */
    private readonly changed: () => void,
    /** The text of an open document (it may differ from the disk), else undefined. */
    private readonly openText: (uri: string) => string | undefined = () => undefined,
  ) {}

  get ready(): boolean {
    return this.built;
  }

  /**
   * The folder the report's paths are relative to: the workspace folder, or with several the
   * deepest folder holding them all (so `file` stays one path, as in the CLI over several folders).
   */
  get folder(): string | undefined {
    return commonFolder(this.roots);
  }

  /** Index the folders from scratch; an earlier build still running stops. Resolves when done. */
  async build(roots: readonly string[]): Promise<void> {
    const gen = ++this.generation;
    this.roots = [...roots];
    this.files.clear();
    this.report = undefined;
    this.built = false;
    if (!(await this.walk(roots, gen))) return;
    this.built = true;
    for (const uri of this.changedDuringBuild) this.update(uri, this.openText(uri));
    this.changedDuringBuild.clear();
    this.changed();
  }

  /**
   * The workspace folders changed: files of removed folders leave the index, added folders are
   * walked (in slices; the report stays available meanwhile). Before the first build ends, the
   * build starts over with the new folders.
   */
  async setFolders(roots: readonly string[]): Promise<void> {
    if (!this.built) return this.build(roots);
    const added = roots.filter((r) => !this.roots.includes(r));
    this.roots = [...roots];
    for (const file of [...this.files.keys()]) if (!this.covers(file)) this.files.delete(file);
    this.report = undefined;
    const gen = this.generation;
    await this.walk(added, gen);
    this.changed();
  }

  /** Indexes every source file under `roots` (open documents from their text); false when a newer build took over. */
  private async walk(roots: readonly string[], gen: number): Promise<boolean> {
    if (!roots.length) return true;
    const { files } = collectFiles([...roots], roots[0], (f) => coversLanguage(languageIdForPath(f) ?? ''));
    const folders = this.roots;
    let sliceStart = performance.now();
    for (const file of files) {
      if (gen !== this.generation) return false;
      // a folder removed while it was being walked
      if (this.roots !== folders && !this.roots.some((r) => inside(r, file))) continue;
      this.indexFile(file, this.openText(pathToFileURL(file).toString()), true);
      if (performance.now() - sliceStart > SLICE_MS) {
        // a report asked for meanwhile holds the files so far: the next one is built afresh
        this.report = undefined;
        await new Promise<void>((r) => setImmediate(r));
        sliceStart = performance.now();
      }
    }
    this.report = undefined;
    return gen === this.generation;
  }

  /** A file one of the folders' walks would index (inside it, not ignored). */
  private covers(file: string): boolean {
    return this.roots.some((r) => inside(r, file) && !skippedByWalk(file, r));
  }

  /** Re-index one file: `text` for an open document, else read from disk (gone: dropped). */
  update(uri: string, text?: string): void {
    if (!this.built) {
      this.changedDuringBuild.add(uri);
      return;
    }
    if (!this.roots.length || !uri.startsWith('file:')) return;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return;
    }
    if (!coversLanguage(languageIdForPath(file) ?? '') || !this.covers(file)) return;
    const before = this.files.get(file);
    this.indexFile(file, text);
    const after = this.files.get(file);
    // an edit that moves no call and no handling (most typing) changes nothing the client shows
    if (signature(before) !== signature(after)) {
      this.report = undefined;
      this.changed();
    }
  }

  /** The report over every indexed file, paths relative to `folder`, in path order; undefined until the first build ends. */
  current(): CoverageReport | undefined {
    if (!this.built) return undefined;
    if (!this.report) {
      const base = this.folder ?? '';
      const list = [...this.files.values()]
        .map((f) => ({ ...f, file: relative(base, f.file).split(sep).join('/') }))
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      this.report = buildCoverageReport(this.catalog(), list);
    }
    return this.report;
  }

  /** The catalog changed: every file's errors may have. */
  async rebuild(): Promise<void> {
    if (this.roots.length) await this.build(this.roots);
  }

  /** `walked`: the folder walk found it as a regular file, so it can be read without a stat first. */
  private indexFile(file: string, text: string | undefined, walked = false): void {
    if (text === undefined) {
      const read = readSourceFile(file, MAX_FILE_BYTES, !walked);
      if (!('text' in read)) {
        this.files.delete(file);
        return;
      }
      text = read.text;
    }
    // most files name no endpoint: the service would find no call, so build no document for them
    if (!mayCallEndpoints(text)) {
      this.files.delete(file);
      return;
    }
    const uri = pathToFileURL(file).toString();
    const doc = TextDocument.create(`${uri}#coverage-index`, languageIdForPath(file)!, 0, text);
    const calls = this.service.doCoverage(doc, this.settings());
    this.service.forget(doc.uri);
    if (calls.length) this.files.set(file, fileCoverage(file, doc, calls));
    else this.files.delete(file);
  }
}
