// A minimal stand-in for the error class of the UQPAY Node SDK (`@uqpay/sdk`), so that this
// fixture type-checks without the package installed.
export class UQPayError extends Error {
  constructor(
    readonly type: string,
    readonly code: string,
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
  }
}

export interface RefundsApi {
  create(body: { payment_intent_id: string; amount: string; reason: string }): Promise<{ id: string }>;
}

export interface Client {
  payment: { refunds: RefundsApi };
}
