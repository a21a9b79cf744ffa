/**
 * Which Global Acquiring endpoint each resource method of the official SDKs calls. Facts from
 * shared/reference/uqpay-sdk-facts.md (§3.6 Node, §4.5 Python, §5.4 Go, §6.4 Java), checked against
 * the SDK sources (uqpay/uqpay-sdk-java PaymentClient + *Service.java at cc4409a). Endpoint names
 * are the catalog's. The PHP SDK (uqpay/uqpay-php) talks to the older signed gateway (`/pay`,
 * `/refund`…), not to these endpoints, so PHP code is recognised by its request paths only.
 * Terminals and settlements have no catalog endpoint (the error page names none) and are left out.
 */

export type SdkCallId = 'node' | 'python' | 'go' | 'java';

/** One resource method: `resource.method(` as written after the SDK's `payment` client. */
export interface SdkCall {
  sdk: SdkCallId;
  /** The accessor of the resource: `paymentIntents`, `payment_intents`, `PaymentIntents`, `getPaymentIntents()`. */
  resource: string;
  method: string;
  /** The catalog endpoint name. */
  endpoint: string;
}

type Row = [endpoint: string, node: string, python: string, go: string, java: string];

// resource.method per SDK; Java's resources are getters on client.payment()
const ROWS: Row[] = [
  ['Create a PaymentIntent', 'paymentIntents.create', 'payment_intents.create', 'PaymentIntents.Create', 'getPaymentIntents().create'],
  ['Retrieve a PaymentIntent', 'paymentIntents.retrieve', 'payment_intents.retrieve', 'PaymentIntents.Get', 'getPaymentIntents().get'],
  ['Update a PaymentIntent', 'paymentIntents.update', 'payment_intents.update', 'PaymentIntents.Update', 'getPaymentIntents().update'],
  ['Confirm a PaymentIntent', 'paymentIntents.confirm', 'payment_intents.confirm', 'PaymentIntents.Confirm', 'getPaymentIntents().confirm'],
  ['Capture a PaymentIntent', 'paymentIntents.capture', 'payment_intents.capture', 'PaymentIntents.Capture', 'getPaymentIntents().capture'],
  ['Cancel a PaymentIntent', 'paymentIntents.cancel', 'payment_intents.cancel', 'PaymentIntents.Cancel', 'getPaymentIntents().cancel'],
  ['List all PaymentIntents', 'paymentIntents.list', 'payment_intents.list', 'PaymentIntents.List', 'getPaymentIntents().list'],
  ['Retrieve a PaymentAttempt', 'paymentAttempts.retrieve', 'attempts.retrieve', 'PaymentAttempts.Get', 'getPaymentAttempts().get'],
  ['List all PaymentAttempts', 'paymentAttempts.list', 'attempts.list', 'PaymentAttempts.List', 'getPaymentAttempts().list'],
  ['Create a refund', 'refunds.create', 'refunds.create', 'Refunds.Create', 'getRefunds().create'],
  ['Retrieve a refund', 'refunds.retrieve', 'refunds.retrieve', 'Refunds.Get', 'getRefunds().get'],
  ['List all refunds', 'refunds.list', 'refunds.list', 'Refunds.List', 'getRefunds().list'],
  ['Create Payout', 'payouts.create', 'payouts.create', 'Payouts.Create', 'getPayouts().create'],
  ['Retrieve Payout', 'payouts.retrieve', 'payouts.retrieve', 'Payouts.Get', 'getPayouts().get'],
  ['List all Payouts', 'payouts.list', 'payouts.list', 'Payouts.List', 'getPayouts().list'],
  ['Retrieve Balance', 'balances.retrieve', 'balances.retrieve', 'Balances.Get', 'getBalances().get'],
  ['List Balances', 'balances.list', 'balances.list', 'Balances.List', 'getBalances().list'],
  ['Create Bank Account', 'bankAccounts.create', 'bank_accounts.create', 'BankAccounts.Create', 'getBankAccounts().create'],
  ['Retrieve Bank Account', 'bankAccounts.retrieve', 'bank_accounts.retrieve', 'BankAccounts.Get', 'getBankAccounts().get'],
  ['Update Bank Account', 'bankAccounts.update', 'bank_accounts.update', 'BankAccounts.Update', 'getBankAccounts().update'],
  ['List all Bank Accounts', 'bankAccounts.list', 'bank_accounts.list', 'BankAccounts.List', 'getBankAccounts().list'],
];

const SDK_ORDER: SdkCallId[] = ['node', 'python', 'go', 'java'];

/** Every SDK resource method that calls a Global Acquiring endpoint. */
export const SDK_CALLS: readonly SdkCall[] = ROWS.flatMap(([endpoint, ...names]) =>
  names.map((name, i) => {
    const dot = name.lastIndexOf('.');
    return { sdk: SDK_ORDER[i], resource: name.slice(0, dot), method: name.slice(dot + 1), endpoint };
  }),
);

/** The SDK families whose files may call each SDK (the server's scanner families). */
export const SDK_FAMILIES: Record<SdkCallId, readonly string[]> = {
  node: ['js'],
  python: ['python'],
  go: ['go'],
  java: ['java', 'kotlin'],
};
