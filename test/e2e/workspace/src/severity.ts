import { UQPayError } from './sdk';

export function shouldAskForSmallerAmount(err: unknown): boolean {
  return err instanceof UQPayError && err.code === 'insuficient_balance';
}
