from uqpay import UQPayError


def create_payout(client, currency: str, amount: str) -> str:
    try:
        payout = client.payment.payouts.create(
            payout_currency=currency,
            payout_amount=amount,
            statement_descriptor="ACME SETTLE",
        )
        return payout["payout_id"]
    except UQPayError as e:
        if e.code == "insufficient_balance":
            return "top-up-needed"
        raise
