import { randomUUID } from 'node:crypto';
import { UQPayClient, UQPayError } from '@uqpay/sdk';

export type RefundOutcome =
  | { kind: 'created'; refundId: string }
  | { kind: 'retry-later'; idempotencyKey: string }
  | { kind: 'rejected'; reason: string };

/**
 * Refunds part of a captured PaymentIntent. Hover the codes below for what they mean; one of them
 * is misspelt (try the quick fix), and the switch misses most refund errors (put the cursor on
 * `switch` and press Ctrl+. to add them).
 */
export async function refundOrder(client: UQPayClient, paymentIntentId: string, amount: string): Promise<RefundOutcome> {
  // Reuse the same key when retrying this refund, never for a new one.
  const idempotencyKey = randomUUID();
  try {
    const refund = await client.payment.refunds.create(
      { payment_intent_id: paymentIntentId, amount, reason: 'Customer returned the item' },
      { idempotencyKey },
    );
    return { kind: 'created', refundId: refund.refund_id };
  } catch (err) {
    if (!(err instanceof UQPayError)) throw err;

    if (err.code === 'refund_amount_exeeded') {
      return { kind: 'rejected', reason: 'The refund is larger than what is left to refund.' };
    }

    switch (err.code) {
      case 'refund_processing':
        return { kind: 'retry-later', idempotencyKey };
      case 'create_refund_failed':
        return { kind: 'retry-later', idempotencyKey };
      default:
        throw err;
    }
  }
}
