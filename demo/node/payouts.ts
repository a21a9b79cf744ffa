import { randomUUID } from 'node:crypto';
import { RateLimitError, UQPayClient, UQPayError } from '@uqpay/sdk';

/** Withdraws settled funds; tells the caller when to try again instead of failing hard. */
export async function withdraw(client: UQPayClient, currency: string, amount: string): Promise<string | 'later'> {
  try {
    const payout = await client.payment.payouts.create(
      { payout_currency: currency, payout_amount: amount, statement_descriptor: 'ACME PAYOUT' },
      { idempotencyKey: randomUUID() },
    );
    return payout.payout_id;
  } catch (err) {
    if (err instanceof RateLimitError || (err instanceof UQPayError && err.code === 'velocity_limit_exceeded')) {
      return 'later';
    }
    if (err instanceof UQPayError && err.code === 'insufficient_balance') {
      throw new Error(`Not enough ${currency} available for a payout of ${amount}.`);
    }
    // Completion: put the cursor between the quotes and press Ctrl+Space.
    if (err instanceof UQPayError && err.code === '') {
      return 'later';
    }
    throw err;
  }
}
