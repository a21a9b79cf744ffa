import { UQPayError } from './sdk';

// Coverage fixture: one Create Payout call whose catch handles two of its errors.
export async function withdraw(client: { payment: { payouts: { create(b: object): Promise<{ payout_id: string }> } } }): Promise<string> {
  try {
    const payout = await client.payment.payouts.create({ payout_currency: 'SGD', payout_amount: '10.00', statement_descriptor: 'ACME' });
    return payout.payout_id;
  } catch (err) {
    if (err instanceof UQPayError && err.code === 'insufficient_balance') return 'top up';
    if (err instanceof UQPayError && err.code === 'velocity_limit_exceeded') return 'later';
    throw err;
  }
}
