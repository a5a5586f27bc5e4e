package httpapi

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/flowline/flowline/internal/bufpool"
	"github.com/flowline/flowline/internal/httpapi/gqlguard"
)

// postTransport is gqlgen's POST transport (transport.POST, whose request handling it
// follows line for line) writing its answers with writeResponse: gqlgen encodes the whole
// response with encoding/json, which validates and compacts the already encoded data again,
// byte by byte (a tenth of the server's CPU for the dashboard's 250 KB answer).
type postTransport struct{}

var _ graphql.Transport = postTransport{}

const (
	contentTypeJSON            = "application/json"
	contentTypeGraphQLResponse = "application/graphql-response+json"
)

// Supports takes JSON POST requests that are not upgrades.
func (postTransport) Supports(r *http.Request) bool {
	if r.Header.Get("Upgrade") != "" {
		return false
	}
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && r.Method == http.MethodPost && mediaType == contentTypeJSON
}

// Do runs one request.
func (postTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	contentType := responseContentType(r)
	w.Header().Add("Content-Type", contentType)
	start := graphql.Now()

	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("could not read request body: %+v", err)}))
		return
	}
	params := &graphql.RawParams{}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(params); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("json request body could not be decoded: %+v body:%s", err, string(body))}))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	rc, opErr := exec.CreateOperationContext(ctx, params)
	if opErr != nil {
		status := http.StatusOK
		if errcode.GetErrorKind(opErr) == errcode.KindProtocol {
			status = http.StatusUnprocessableEntity
			if contentType == contentTypeGraphQLResponse {
				status = http.StatusBadRequest
			}
		}
		w.WriteHeader(status)
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, rc), opErr))
		return
	}
	// The answer's data is written into a lent buffer (graph's marshalData), given back once
	// writeResponse has handed it on: the response writer copies what it is given.
	ctx, loans := bufpool.WithLoans(ctx)
	defer loans.Return()
	responses, ctx := exec.DispatchOperation(ctx, rc)
	writeResponse(w, responses(ctx))
}

// responseContentType is what the client accepts: application/json unless it asks for
// application/graphql-response+json first (or accepts neither).
func responseContentType(r *http.Request) string {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return contentTypeJSON
	}
	for part := range strings.SplitSeq(accept, ",") {
		mediaType, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mediaType {
		case "*/*", "application/*", contentTypeJSON:
			return contentTypeJSON
		case contentTypeGraphQLResponse:
			return contentTypeGraphQLResponse
		}
	}
	return contentTypeGraphQLResponse
}

// responseTail is the part of graphql.Response after "data", encoded as encoding/json
// encodes graphql.Response.
type responseTail struct {
	Label      string         `json:"label,omitempty"`
	Path       ast.Path       `json:"path,omitempty"`
	HasNext    *bool          `json:"hasNext,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// The constant pieces of an answer, as byte slices so that writing them does not convert.
var (
	openErrors = []byte(`{"errors":`)
	openData   = []byte(`"data":`)
	openBrace  = []byte(`{`)
	comma      = []byte(`,`)
	closeBrace = []byte(`}`)
	null       = []byte(`null`)
)

// writeResponse writes resp as encoding/json writes a graphql.Response (same fields, same
// order), except that the data, which the executor wrote as compact JSON, is copied as it
// is instead of being parsed and compacted again. (So "<", ">" and "&" in strings are sent
// as they are, not as \u003c, \u003e and \u0026: the same JSON values.) It hands the answer
// in pieces rather than assembling a copy of it first, to the response limit
// (gqlguard.WholeWriter) when w is its writer, which then sends it as it is.
func writeResponse(w io.Writer, resp *graphql.Response) {
	if resp == nil {
		_, _ = w.Write(null)
		return
	}
	var parts [8][]byte // errors (3), data (2), the tail (2) and the closing brace
	n := 0
	add := func(p []byte) { parts[n] = p; n++ }
	if len(resp.Errors) > 0 {
		errs, err := json.Marshal(resp.Errors)
		if err != nil {
			panic("encode errors: " + err.Error()) // as gqlgen's transport: the presenter's errors always encode
		}
		add(openErrors)
		add(errs)
		add(comma)
	} else {
		add(openBrace)
	}
	add(openData)
	if len(resp.Data) == 0 {
		add(null)
	} else {
		add(resp.Data)
	}
	if resp.Label != "" || len(resp.Path) > 0 || resp.HasNext != nil || len(resp.Extensions) > 0 {
		tail, err := json.Marshal(responseTail{Label: resp.Label, Path: resp.Path, HasNext: resp.HasNext, Extensions: resp.Extensions})
		if err != nil {
			panic("encode response extensions: " + err.Error())
		}
		if len(tail) > 2 { // more than {}
			add(comma)
			add(tail[1 : len(tail)-1])
		}
	}
	add(closeBrace)
	if whole, ok := w.(gqlguard.WholeWriter); ok {
		whole.WriteWhole(parts[:n]...)
		return
	}
	for _, p := range parts[:n] {
		_, _ = w.Write(p)
	}
}
