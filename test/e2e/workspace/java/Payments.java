package com.example.payments;

import com.uqpay.sdk.exception.UqpayApiException;

public final class Payments {
    public static String outcome(UqpayApiException e) {
        if ("invalid_order_status".equals(e.getCode())) {
            return "reload-intent";
        }
        return "fail";
    }
}
