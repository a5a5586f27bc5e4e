package delivery

// Exported for the external tests (package delivery_test), which use the shared peers of
// internal/testsupport; testsupport imports this package, so those tests cannot be internal.

// MessageIDValue is messageIDValue: how the SMTP sender checks a Message-ID.
var MessageIDValue = messageIDValue
