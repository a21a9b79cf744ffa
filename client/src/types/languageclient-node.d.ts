// tsconfig uses `moduleResolution: node`, which ignores package "exports"; this maps the
// subpath the way esbuild (which honours "exports") resolves it.
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
