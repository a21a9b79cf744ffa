// Integration code shaped like a user of the Node SDK (`@uqpay/sdk`); written for the e2e tests.
import { RateLimitError } from '@uqpay/sdk';

export function describeFailure(err: unknown): string {
  if (err instanceof RateLimitError) return 'later';
  return 'failed';
}

export const expiredBody = { type: 'payment_error', code: 'expired_order', message: 'Expired payment intent' };
