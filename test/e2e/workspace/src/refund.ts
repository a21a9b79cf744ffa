import { Client, UQPayError } from './sdk';

// Refund a captured PaymentIntent and map the gateway's refusals to our own outcomes.
export async function refund(client: Client, paymentIntentId: string, amount: string): Promise<string> {
  try {
    const created = await client.payment.refunds.create({ payment_intent_id: paymentIntentId, amount, reason: 'customer request' });
    return created.id;
  } catch (err) {
    if (!(err instanceof UQPayError)) throw err;
    // Older versions also checked err.code === 'insufficient_balance' here; payouts handle that now.
    if (err.code === 'refund_amount_exceeded') {
      return 'too-much';
    }
    if (err.code === '') {
      return 'other';
    }
    throw err;
  }
}
