import type { CommandName } from './args';

const COMMON = `Options for every command:
  --json               machine-readable output (stable keys)
  --lang en|zh-CN      documentation language (default: from LC_ALL / LC_MESSAGES / LANG)
  --catalog FILE       add a catalog file (same format as catalog/schema.json); repeatable.
                       Problems in it go to stderr; the built-in catalog keeps working
  --color auto|always|never
                       colour output (default auto: only on a terminal, never with NO_COLOR)
  -h, --help           show help`;

const TOOL = `uqpay-errors: explain UQPAY Global Acquiring API errors

Usage:
  uqpay-errors lookup CODE             every catalog entry for a code, all fields
  uqpay-errors search QUERY            find codes by words (English or Chinese), typos allowed
  uqpay-errors decode [FILE|-]         explain error responses in a file or on stdin
  uqpay-errors check [PATHS...]        report unknown or misused error codes in source files
  uqpay-errors coverage [PATHS...]     which errors of each called endpoint the code handles
  uqpay-errors help [COMMAND]          help for one command

${COMMON}
  -V, --version        print the version

Exit codes: 0 success; 1 nothing found (lookup, search, decode), problems found (check) or
coverage below --min-coverage; 2 usage error.

Examples:
  uqpay-errors lookup velocity_limit_exceeded
  uqpay-errors search "退款 金额"
  curl -si -H "x-auth-token: Bearer $TOKEN" \
    https://api-sandbox.uqpaytech.com/api/v2/payment_intents/PI1 | uqpay-errors decode
  uqpay-errors decode app.log --json
  uqpay-errors check src --format sarif > uqpay.sarif
  uqpay-errors coverage src --format markdown --min-coverage 60
`;

const COMMANDS: Record<Exclude<CommandName, 'help'>, string> = {
  lookup: `Usage: uqpay-errors lookup CODE [--type TYPE] [--group GROUP] [--json]

Shows every catalog entry for CODE: a code can stand in several groups (api_error,
invalid_parameter, product_not_found, retrieve_refund_failed), and each is shown. Fields: group,
envelope, type(s), HTTP status, the API's message, endpoints, retry verdict, meaning, what to do,
docs. Numeric envelope-B codes work too (lookup 200). Given a type name (payment_error), lists the
type's codes. A code with spaces may be quoted or not.

  --type TYPE          keep only entries of this type
  --group GROUP        keep only entries of this group (general, payment, refund, customer, payout)

${COMMON}

Exit: 0 found; 1 no entry (suggestions on stderr); 2 usage error.
--json prints an array of catalog entries ([] when nothing is found).
`,
  search: `Usage: uqpay-errors search QUERY [--limit N] [--json]

Ranks catalog entries by how well they match QUERY: codes, API messages, meanings and advice in
English and Chinese, endpoint names, types. Tolerates typos; an exact code comes first.

  -n, --limit N        at most N results (default 10)

${COMMON}

Exit: 0 results found; 1 nothing matched; 2 usage error.
--json prints an array of catalog entries, best first.
`,
  decode: `Usage: uqpay-errors decode [FILE|-] [--json]

Finds every UQPAY error response in FILE (or stdin, with - or when input is piped): JSON bodies
(envelope A {type, code, message} or numeric envelope B), raw HTTP responses, curl -i / -v output,
log lines with JSON inside, NDJSON, SDK error strings such as
"retrieve_payment_intent_failed: Retrieve payment intent failed (HTTP 400)". For each: the matching
entries, the HTTP status it should come with, whether and how to retry, and problems such as
http-status-mismatch, status-body-disagree, unknown-code, sdk-made. A failing HTTP status wins over
a legacy body's code 200; a body with no code is read by its status, an unknown code by its type.
Secrets and card numbers are redacted.

${COMMON}

Exit: 0 at least one error response found; 1 none found; 2 usage error (e.g. unreadable FILE).
--json prints {"findings":[{"envelope","code","type","message","httpStatus",
"expectedHttpStatus","known","matches":[{"id","group"}],"retry","problems":[{"code","message"}],
"requestId","basis","readAs":{"type","httpStatus"},"sdkMade":[{"field","value","sdks","httpStatus"}],
"retryAfter"}],"notes":[...]}.
`,
  check: `Usage: uqpay-errors check [PATHS...] [--format text|json|sarif] [--severity CODE=LEVEL]

Runs the language server's diagnostics over files and folders (default: the current folder),
recursing into folders, honouring .gitignore files, skipping node_modules, .git and binary files.
Languages come from file extensions (TypeScript, JavaScript, Python, Go, Java, Kotlin, C#, PHP,
Ruby, Rust, Swift, JSON, JSON Lines, YAML, Markdown, text, logs, .http files).

  -f, --format F       text (default: path:line:col severity code message), json, or sarif
                       (SARIF 2.1.0, for GitHub code scanning); --json is --format json
  --severity CODE=LEVEL
                       set a diagnostic's level (error, warning, information, hint, off);
                       repeatable, e.g. --severity non-exhaustive-switch=warning

${COMMON}

Exit: 0 no warnings or errors; 1 at least one warning or error; 2 usage error.
The text lines go to stdout, the tally to stderr. --format json prints {"filesChecked",
"diagnostics":[{"path","line","column","endLine","endColumn","severity","code","message"}],
"summary":{"error","warning","information","hint"}} with 1-based lines and columns.
`,
  coverage: `Usage: uqpay-errors coverage [PATHS...] [--format text|json|markdown] [--min-coverage P]

Finds the calls of Global Acquiring endpoints in source files (default: the current folder;
.gitignore honoured, node_modules and .git skipped): the official SDKs' resource methods
(client.payment.payouts.create, client.Payment.Payouts.Create, getPayouts().create...) and
string literals holding an endpoint path (/v2/payment/payout/create). For each endpoint, the
catalog errors it can return (its own, then the general ones) and which of them the calls' error
paths handle: a code or type comparison, a case label, or an SDK error class that covers the
error, in the catch/except/rescue clause, the if err != nil block, the .catch handler, or a
function of the same file they pass the error to.

  -f, --format F       text (default: a table, then each error), json, or markdown (for a
                       pull-request comment); --json is --format json
  --min-coverage P     exit 1 when fewer than P percent of the errors are handled

${COMMON}

Exit: 0 done; 1 coverage below --min-coverage; 2 usage error.
--json prints {"endpoints":[{"endpoint","calls":[{"file","line","column","via","handled","total"}],
"errors":[{"id","code","general","retry","handled":[{"file","line","column"}]}],"handled","total"}],
"summary":{"endpoints","calls","handled","total","files"},"timeMs"}; file is relative to the folder
given, lines and columns 1-based.
`,
};

export function toolHelp(): string {
  return TOOL;
}

export function commandHelp(command: CommandName | undefined): string {
  if (!command || command === 'help') return TOOL;
  return COMMANDS[command];
}
