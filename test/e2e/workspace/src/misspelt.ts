import { UQPayError } from './sdk';

export function isRetryableRefundFailure(err: unknown): boolean {
  return err instanceof UQPayError && err.code === 'refund_amount_exceded';
}
