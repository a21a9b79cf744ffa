/**
 * The workspace's error coverage, kept in the server: a first index of every source file of the
 * folder (the CLI's walk: .gitignore honoured, node_modules and .git skipped), built in slices
 * between other messages so typing is never kept waiting, then kept current file by file (open
 * documents from their text, others from disk when the client reports a change).
 */
import { relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { collectFiles, readSourceFile, skippedByWalk } from '../../cli/src/files';
import type { Catalog } from '../../catalog/src/catalog';
import { buildCoverageReport, coversLanguage, fileCoverage, languageIdForPath, mayCallEndpoints, type CoverageReport, type ErrorCodeService, type FileCoverage, type ServiceSettings } from './service';

const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Work done in one turn of the event loop before yielding to waiting messages. */
const SLICE_MS = 8;

export class CoverageIndex {
  private readonly files = new Map<string, FileCoverage>();
  private root: string | undefined;
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

  get folder(): string | undefined {
    return this.root;
  }

  /** Index the folder from scratch; an earlier build still running stops. Resolves when done. */
  async build(root: string): Promise<void> {
    const gen = ++this.generation;
    this.root = root;
    this.files.clear();
    this.report = undefined;
    this.built = false;
    const { files } = collectFiles([root], root, (f) => coversLanguage(languageIdForPath(f) ?? ''));
    let sliceStart = performance.now();
    for (const file of files) {
      if (gen !== this.generation) return;
      this.indexFile(file, this.openText(pathToFileURL(file).toString()), true);
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise<void>((r) => setImmediate(r));
        sliceStart = performance.now();
      }
    }
    if (gen !== this.generation) return;
    this.built = true;
    for (const uri of this.changedDuringBuild) this.update(uri, this.openText(uri));
    this.changedDuringBuild.clear();
    this.changed();
  }

  /** Re-index one file: `text` for an open document, else read from disk (gone: dropped). */
  update(uri: string, text?: string): void {
    if (!this.built) {
      this.changedDuringBuild.add(uri);
      return;
    }
    if (!this.root || !uri.startsWith('file:')) return;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return;
    }
    if (!coversLanguage(languageIdForPath(file) ?? '') || skippedByWalk(file, this.root)) return;
    const before = this.files.get(file);
    this.indexFile(file, text);
    const after = this.files.get(file);
    if (before || after) {
      this.report = undefined;
      this.changed();
    }
  }

  /** The report over every indexed file, in path order; undefined until the first build ends. */
  current(): CoverageReport | undefined {
    if (!this.built) return undefined;
    if (!this.report) {
      const list = [...this.files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      this.report = buildCoverageReport(this.catalog(), list);
    }
    return this.report;
  }

  /** The catalog changed: every file's errors may have. */
  async rebuild(): Promise<void> {
    if (this.root) await this.build(this.root);
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
    if (calls.length) this.files.set(file, fileCoverage(relative(this.root!, file).split(sep).join('/'), doc, calls));
    else this.files.delete(file);
  }
}
