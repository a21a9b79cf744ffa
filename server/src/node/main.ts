import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';

// `--stdio`, `--node-ipc` or `--socket=N`: createConnection reads the transport from argv, and
// `--clientProcessId` / initialize's processId make the server exit when its parent dies.
startServer(createConnection(ProposedFeatures.all));
