// Package gqlguard enforces Flowline's GraphQL request limits before any
// resolver runs: page size (first/last), selection depth, alias count and
// query cost as a gqlgen handler extension, plus the HTTP-level guards (body
// size, batching, CSRF, CORS, rate limiting) as net/http middlewares.
//
// # Operation limits (Extension)
//
// New returns an *Extension; add it with (*handler.Server).Use. gqlgen calls
// its MutateOperationContext after the document has been parsed and
// validated and the variables coerced, and before the root resolver runs. A
// refused operation gets one GraphQL error and no resolver runs.
//
// The extension walks the selected operation once, following fragment spreads
// and inline fragments (each named fragment is walked once per context and its
// result reused, so a document whose fragments spread each other many times
// costs linear time to check; a fragment spread that reaches itself, which
// validation already forbids, contributes nothing). Fields carrying @skip or
// @include are counted as if they ran, and fields that gqlgen would merge
// (same response key twice) are counted twice: the checks err on the side of
// refusing.
//
//   - Page size: every field argument named first or last whose value (literal,
//     variable or schema default) is above Limits.MaxPageSize, or negative, is
//     refused with extensions.code BAD_USER_INPUT, a message such as
//     "first must be at most 100, got 1000", and the response path of the
//     offending field (alias-aware, e.g. ["workflows","edges","node","executions"]).
//     A larger value is an error, never a silent clamp.
//   - Depth: the deepest field (a top-level field is depth 1) must be at most
//     Limits.MaxDepth, else QUERY_TOO_DEEP. Introspection subtrees are exempt:
//     a __schema or __type field counts as depth 1 and nothing below it counts,
//     because the standard GraphiQL/graphql-js introspection query nests 15
//     levels deep (its TypeRef fragment follows ofType nine times). Those
//     subtrees are still bounded by gqlparser's MaxIntrospectionDepth
//     validation rule, the parser's nesting and token limits, and the cost and
//     alias limits below; introspection itself is off in production.
//   - Aliases: more than Limits.MaxAliases aliased fields (a field written as
//     "alias: name", counted in the operation with every fragment expanded
//     where it is spread) is refused with TOO_MANY_ALIASES.
//   - Cost: every field costs 1. A field with a first or last argument
//     multiplies the cost of its selection set by that value (the larger of
//     the two when both are given, at least 1 so that pageInfo and totalCount
//     under first: 0 still count); a field without them whose type is named
//     "...Connection" multiplies by Limits.DefaultPageSize. So
//     cost(field) = 1 + multiplier × Σ cost(children), summed over the
//     operation with saturating arithmetic. Above Limits.MaxCost the operation
//     is refused with QUERY_TOO_COMPLEX, the message giving the cost and the
//     limit. Example: the foundation issue's query
//     workflows(first: N){edges{node{id name executions(first: M){totalCount
//     edges{node{id status logs(first: K){edges{node{id status stepIndex}}}}}}}}}
//     costs 1 + N·(5 + M·(6 + 5K)): 5651 at 10×10×10 and 11301 at
//     20×10×10, so a deployment that must serve the latter needs MaxCost ≥ 11301.
//
// When an operation breaks several limits, only one error is returned (gqlgen's
// OperationContextMutator hook returns a single error), chosen in this order:
// page size (the first offending field in document order), depth, aliases,
// cost. Fixing it reveals the next one. The computed figures are available to
// logging middleware through GetStats.
//
// The codes BAD_USER_INPUT, QUERY_TOO_DEEP, TOO_MANY_ALIASES and
// QUERY_TOO_COMPLEX are registered (in init) with gqlgen's errcode package as
// protocol errors, so when the extension refuses an operation the HTTP
// transports answer 422 (application/json responses) or 400
// (application/graphql-response+json responses), as for parse and validation
// errors. gqlgen consults that table only for errors raised before execution,
// so resolver errors with these codes keep HTTP 200.
//
// # Validation cost (pre-validation check)
//
// The extension is also a graphql.OperationParameterMutator: before gqlgen
// parses and validates a document it parses it itself (linear, within
// Limits.ParserTokenLimit) and refuses with QUERY_TOO_COMPLEX documents that
// would make validation itself expensive. gqlparser's
// OverlappingFieldsCanBeMerged rule is quadratic: "{ __typename … }" with
// 10,000 fields, well inside a 15000-token limit, costs about 4 s of CPU to
// validate, then passes every post-validation limit (cost 9,998). See
// MutateOperationParameters for the estimate and its threshold. Register the
// extension after any extension that rewrites the query (APQ).
//
// # Parser token limit
//
// The token limit itself is gqlgen's: server wiring must call
//
//	srv.SetParserTokenLimit(gqlguard.DefaultParserTokenLimit) // 15000
//
// (or the same value as Limits.ParserTokenLimit). A document with more tokens
// is refused before validation with HTTP 422, the message
// "exceeded token limit of 15000" and extensions.code GRAPHQL_PARSE_FAILED
// (gqlgen's errcode.ParseFailed). Without that call gqlgen parses documents of
// any size. Note that the OWASP probe "a 10,000-token query" is under this
// limit: it is the pre-validation check and the operation limits that refuse
// such documents, not the token limit.
//
// # HTTP middlewares
//
// BodyLimit, RejectBatch, CSRF, CORS and RateLimit wrap the GraphQL endpoint.
// Every error body they write is GraphQL-shaped, written by WriteError:
//
//	{"errors":[{"message":"...","extensions":{"code":"..."}}]}
//
// Recommended order, outermost first (requests pass through them in this
// order):
//
//	CORS(origins) → BodyLimit(DefaultMaxBodyBytes) → RejectBatch → CSRF →
//	[authentication] → RateLimit(rps, burst, key) → gqlgen handler
//
// CORS comes first so that preflights are answered and refusals carry CORS
// headers the browser can read; BodyLimit comes before anything that reads the
// body; RateLimit comes after authentication so that its key can be the
// authenticated subject (use ClientIP for anonymous requests). Use
// OriginAllowed with the same list in the WebSocket upgrader's CheckOrigin.
// Do not add gqlgen's multipart transport.
package gqlguard
