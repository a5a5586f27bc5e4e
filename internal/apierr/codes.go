// Package apierr is the one list of error codes that Flowline's API answers in
// extensions.code (GraphQL errors) and in the JSON errors of its HTTP endpoints. Clients and
// SDKs switch on these strings; they never change meaning.
package apierr

// Codes of errors in the caller's request or rights.
const (
	// BadUserInput: an argument or input field is invalid (extensions.field names it).
	BadUserInput = "BAD_USER_INPUT"
	// ValidationFailed: a workflow definition breaks the definition language's rules
	// (extensions.problems lists each with a JSON pointer).
	ValidationFailed = "VALIDATION_FAILED"
	// NotFound: the record does not exist, or the caller may not read it.
	NotFound = "NOT_FOUND"
	// Conflict: the record's state or a concurrent change forbids the operation.
	Conflict = "CONFLICT"
	// Forbidden: the caller may read but not do this.
	Forbidden = "FORBIDDEN"
	// Unauthenticated: no valid token.
	Unauthenticated = "UNAUTHENTICATED"
	// BadRequest: the HTTP request itself is malformed.
	BadRequest = "BAD_REQUEST"
	// RateLimited: too many requests; retry after the Retry-After header.
	RateLimited = "RATE_LIMITED"
	// ServerBusy: the server's queue of waiting requests is full; retry after the
	// Retry-After header (another replica may answer sooner).
	ServerBusy = "SERVER_BUSY"
)

// Codes of requests refused by the GraphQL limits before any resolver runs.
const (
	QueryTooDeep    = "QUERY_TOO_DEEP"
	TooManyAliases  = "TOO_MANY_ALIASES"
	QueryTooComplex = "QUERY_TOO_COMPLEX"
)

// Codes of HTTP requests refused by the transport middlewares.
const (
	RequestTooLarge      = "REQUEST_TOO_LARGE"
	BatchingNotSupported = "BATCHING_NOT_SUPPORTED"
	UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE"
	MethodNotAllowed     = "METHOD_NOT_ALLOWED"
	// ResponseTooLarge: the answer would exceed the response-size limit.
	ResponseTooLarge = "RESPONSE_TOO_LARGE"
)

// Internal is an unexpected failure; the message carries a request id to find the details
// in the server log.
const Internal = "INTERNAL_SERVER_ERROR"

// Codes of subscriptions refused or ended by the server.
const (
	// TooManySubscriptions: the caller or the connection has as many subscriptions (or
	// connections) open as it may.
	TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS"
	// SubscriberTooSlow: the subscriber fell too far behind its events and was cut off;
	// subscribe again (and read what was missed with a query).
	SubscriberTooSlow = "SUBSCRIBER_TOO_SLOW"
	// ServerStopping: the server is shutting down; subscribe again (another replica answers).
	ServerStopping = "SERVER_STOPPING"
)
