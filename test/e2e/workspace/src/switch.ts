import { UQPayError } from './sdk';

export function describeRefundFailure(err: UQPayError): string {
  switch (err.code) {
    case 'refund_amount_exceeded':
    case 'refund_amount_invalid':
      return 'amount';
    default:
      return 'unexpected';
  }
}
