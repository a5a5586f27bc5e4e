package graph

import (
	"bytes"
	"context"
	"hash/maphash"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/flowline/flowline/internal/bufpool"
)

// fastState is what one operation's executor remembers across the objects it marshals
// (executionContext.fast, added by internal/tools/gqlgenfast with its fastState method): the elements of a list share
// their selection set and the nested fields their arguments, which gqlgen works out again
// for every object.
type fastState struct {
	mu     sync.Mutex // root fields may resolve concurrently
	fields map[collectKey][]graphql.CollectedField
	args   map[*ast.Field]map[string]any
}

// stateHolder is the executionContext once gqlgenfast has given it its fastState (the
// rewritten executor is the only caller of collectFields and fieldArgs; gqlgen must still be
// able to load this package with its own executor, before the rewrite).
type stateHolder interface{ fastState() *fastState }

// state is the operation's fastState, nil before gqlgenfast's rewrite.
func (ec *executionContext) state() *fastState {
	if h, ok := any(ec).(stateHolder); ok {
		return h.fastState()
	}
	return nil
}

// collectKey identifies a selection set and the types an object satisfies, as gqlgen's own
// cache does, but without hashing the type names for every object: the implementors lists
// are package variables, one per type.
type collectKey struct {
	sel        *ast.Selection
	n          int
	implements *string
}

// collectFields is graphql.CollectFields remembered per selection set and type for the
// operation (the collected fields depend only on them and on the operation's variables).
func (ec *executionContext) collectFields(sel ast.SelectionSet, implements []string) []graphql.CollectedField {
	key := collectKey{n: len(sel)}
	if len(sel) > 0 {
		key.sel = &sel[0]
	}
	if len(implements) > 0 {
		key.implements = &implements[0]
	}
	s := ec.state()
	if s == nil {
		return graphql.CollectFields(ec.OperationContext, sel, implements)
	}
	s.mu.Lock()
	fields, ok := s.fields[key]
	s.mu.Unlock()
	if ok {
		return fields
	}
	fields = graphql.CollectFields(ec.OperationContext, sel, implements)
	s.mu.Lock()
	if s.fields == nil {
		s.fields = map[collectKey][]graphql.CollectedField{}
	}
	s.fields[key] = fields
	s.mu.Unlock()
	return fields
}

// fieldArgs is parse(field.ArgumentMap(ec.Variables)) remembered per field of the query: a
// connection nested in a list (an execution's logs) has the same arguments under every
// parent. Only successful parses are remembered, so an invalid argument is reported under
// each parent's path as before. The map is shared; resolvers only read their arguments.
func (ec *executionContext) fieldArgs(ctx context.Context, field graphql.CollectedField,
	parse func(ec *executionContext, ctx context.Context, raw map[string]any) (map[string]any, error),
) (map[string]any, error) {
	s := ec.state()
	if s == nil {
		return parse(ec, ctx, field.ArgumentMap(ec.Variables))
	}
	s.mu.Lock()
	args, ok := s.args[field.Field]
	s.mu.Unlock()
	if ok {
		return args, nil
	}
	args, err := parse(ec, ctx, field.ArgumentMap(ec.Variables))
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.args == nil {
		s.args = map[*ast.Field]map[string]any{}
	}
	s.args[field.Field] = args
	s.mu.Unlock()
	return args, nil
}

// marshalData writes an operation's data into a buffer sized from the last answer to the
// same query text (dataSizes), so a large answer is one allocation of about its size instead
// of a bytes.Buffer doubling its way up to it, and returns the buffer's bytes without a copy.
// Under a request that lends buffers (bufpool.WithLoans: the POST transport, which gives them
// back once the answer is sent) the buffer is a lent one, which an earlier answer has usually
// grown already.
func (ec *executionContext) marshalData(ctx context.Context, data graphql.Marshaler) []byte {
	h := maphash.String(dataSizeSeed, ec.RawQuery)
	slot, tag := &dataSizes[h%uint64(len(dataSizes))], h>>32
	buf := bufpool.Borrow(ctx)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	if v := slot.Load(); v>>32 == tag && v&sizeMask > 0 {
		n := int(v & sizeMask)
		buf.Grow(n + n/16)
	}
	data.MarshalGQL(buf)
	slot.Store(tag<<32 | uint64(min(buf.Len(), maxSizeHint))) //nolint:gosec // a length, not negative
	return buf.Bytes()
}

// dataSizes remembers the size of recent answers per query text, in a small table indexed by
// a hash of the text and holding the hash's high 32 bits above the size: a collision only
// costs a buffer of the wrong size.
var dataSizes [256]atomic.Uint64

// maxSizeHint bounds what a hint makes marshalData allocate up front.
const maxSizeHint = 1 << 20

// sizeMask selects the size in a dataSizes entry.
const sizeMask = 1<<32 - 1

var dataSizeSeed = maphash.MakeSeed()
