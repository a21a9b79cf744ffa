package payouts

import (
	"errors"

	"github.com/uqpay/uqpay-sdk-go/common"
)

// Classify tells the scheduler whether a failed payout should be retried later.
func Classify(err error) string {
	var apiErr *common.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.Code {
		case "velocity_limit_exceeded":
			return "later"
		}
	}
	return "fail"
}
