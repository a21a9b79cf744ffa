package com.example.checkout;

import com.uqpay.sdk.exception.UqpayApiException;
import com.uqpay.sdk.exception.UqpayNetworkException;

/** Decides what checkout does when confirming a PaymentIntent fails. */
public final class PaymentIntentService {

    public enum Next { RETRY_SAME_KEY, RELOAD_INTENT, ASK_FOR_3DS, NEW_INTENT, GIVE_UP }

    public Next onConfirmFailure(Exception failure) {
        if (failure instanceof UqpayNetworkException) {
            return Next.RETRY_SAME_KEY;
        }
        if (!(failure instanceof UqpayApiException e)) {
            return Next.GIVE_UP;
        }
        if ("3ds_required".equals(e.getCode())) {
            return Next.ASK_FOR_3DS;
        }
        if ("invalid_order_status".equals(e.getCode()) || "confirm_payment_intent_failed".equals(e.getCode())) {
            return Next.RELOAD_INTENT;
        }
        if (e.getCode().equals("expired_order")) {
            return Next.NEW_INTENT;
        }
        return Next.GIVE_UP;
    }
}
