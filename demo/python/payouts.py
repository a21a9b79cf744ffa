"""Settlement payouts with the UQPAY Python SDK: which failures are worth retrying."""
from uqpay import RateLimitError, UQPayError


def create_payout(client, currency: str, amount: str) -> dict:
    try:
        return client.payment.payouts.create(
            payout_currency=currency,
            payout_amount=amount,
            statement_descriptor="ACME PAYOUT",
        )
    except RateLimitError:
        return {"retry": True}
    except UQPayError as e:
        if e.code == "insufficient_balance":
            return {"retry": False, "reason": "top up the balance first"}
        if e.code in ("payout_settlement_account_not_found", "merchant_account_invalid"):
            return {"retry": False, "reason": "ask UQPAY to enable payouts for this currency"}
        if e.code == "create_payout_failed":
            return {"retry": True}
        raise
