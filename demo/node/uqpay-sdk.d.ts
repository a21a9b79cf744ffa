// Type declarations standing in for the UQPAY Node SDK (`@uqpay/sdk`), so this demo type-checks
// without installing it. Only the members the demo uses are declared.
declare module '@uqpay/sdk' {
  export class UQPayError extends Error {
    readonly type: string;
    readonly code: string;
    readonly httpStatus: number;
    readonly idempotencyKey?: string;
  }
  export class RateLimitError extends UQPayError {}
  export class NotFoundError extends UQPayError {}

  export interface Refund {
    refund_id: string;
    refund_status: 'INITIATED' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED';
  }
  export interface Payout {
    payout_id: string;
    payout_status: 'INITIATED' | 'PROCESSING' | 'COMPLETED' | 'FAILED' | 'FAILED_REFUNDED';
  }
  export interface UQPayClient {
    payment: {
      refunds: {
        create(body: { payment_intent_id: string; amount: string; reason: string }, options?: { idempotencyKey?: string }): Promise<Refund>;
      };
      payouts: {
        create(body: { payout_currency: string; payout_amount: string; statement_descriptor: string }, options?: { idempotencyKey?: string }): Promise<Payout>;
      };
    };
  }
}

// The one Node built-in the demo uses (the demo folder has no node_modules with @types/node).
declare module 'node:crypto' {
  export function randomUUID(): string;
}
