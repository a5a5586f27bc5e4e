package graph

import (
	"bytes"
	"io"
	"reflect"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
)

// Ints and enum values are the most frequent scalars of a large answer (a log row's
// stepIndex and status), and gqlgen's marshallers allocate for each: a closure for an int,
// the boxed value and its quoted copy for an enum. gqlgenfast (rewrite 9) makes the
// generated marshallers call these, which hand out marshallers made once.

// rawJSON is a value's JSON, written as it is.
type rawJSON []byte

// MarshalGQL writes r.
func (r rawJSON) MarshalGQL(w io.Writer) { _, _ = w.Write(r) }

// smallInts are the marshallers of 0 to 1023 (step indexes, counts, page sizes).
var smallInts = func() (m [1024]graphql.Marshaler) {
	for i := range m {
		m[i] = rawJSON(strconv.AppendInt(nil, int64(i), 10))
	}
	return m
}()

// marshalInt is graphql.MarshalInt without an allocation for 0 to 1023.
func marshalInt(v int) graphql.Marshaler {
	if v >= 0 && v < len(smallInts) {
		return smallInts[v]
	}
	return graphql.MarshalInt(v)
}

// enumKey is an enum value of one Go type.
type enumKey struct {
	t reflect.Type
	v string
}

// maxCachedEnums bounds the cache below: enum values come from the schema, far fewer.
const maxCachedEnums = 4096

var (
	// enums maps an enum value to its marshalled JSON. It is replaced, never changed, so
	// reads take no lock: it is written once per value in a process's life.
	enums   atomic.Pointer[map[enumKey]graphql.Marshaler]
	enumsMu sync.Mutex // serialises replacements
)

// marshalEnum returns what v's own MarshalGQL writes, as a marshaller made once per value.
func marshalEnum[E interface {
	~string
	MarshalGQL(w io.Writer)
}](v E) graphql.Marshaler {
	k := enumKey{reflect.TypeFor[E](), string(v)}
	if m := enums.Load(); m != nil {
		if out, ok := (*m)[k]; ok {
			return out
		}
	}
	var b bytes.Buffer
	v.MarshalGQL(&b)
	out := rawJSON(b.Bytes())
	enumsMu.Lock()
	defer enumsMu.Unlock()
	var old map[enumKey]graphql.Marshaler
	if m := enums.Load(); m != nil {
		old = *m
	}
	if len(old) >= maxCachedEnums {
		return out
	}
	next := make(map[enumKey]graphql.Marshaler, len(old)+1)
	for key, m := range old {
		next[key] = m
	}
	next[k] = out
	enums.Store(&next)
	return out
}
