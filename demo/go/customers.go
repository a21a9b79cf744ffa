// Package customers wraps Card-on-File customer calls and classifies UQPAY errors.
package customers

import (
	"errors"
	"fmt"

	"github.com/uqpay/uqpay-sdk-go/common"
)

// Describe turns an SDK error into a message for the operations dashboard.
func Describe(err error) string {
	var apiErr *common.APIError
	if !errors.As(err, &apiErr) {
		return fmt.Sprintf("network or client error: %v", err)
	}
	if apiErr.IsNotFound() {
		return "no such customer for this account"
	}
	switch apiErr.Code {
	case "create_customer_failed":
		return "the gateway could not save the customer; retry with the same idempotency key"
	case "update_customer_failed":
		return "check the customer id and the fields sent"
	case "retrieve_customer_failed":
		return "the customer does not belong to this account"
	default:
		return fmt.Sprintf("%s (HTTP %d)", apiErr.Message, apiErr.StatusCode)
	}
}
