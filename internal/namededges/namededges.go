// Package namededges keeps a node's eager-loaded edges by the name (the GraphQL alias) they
// were loaded under. ent's generated code kept them in a map per node and edge: about 400
// bytes for the one or two names a query uses, for each of the 200 executions of the
// dashboard's read. A short slice searched in order costs one small allocation. ent's
// generated models use it (ent/entc.go replaces the namedges feature's model templates).
package namededges

// Pages are the pages of one edge of one node, by name.
type Pages[T any] []page[T]

type page[T any] struct {
	name  string
	nodes []*T
}

// Get returns the nodes loaded under name, and whether any were.
func (p Pages[T]) Get(name string) ([]*T, bool) {
	for i := range p {
		if p[i].name == name {
			return p[i].nodes, true
		}
	}
	return nil, false
}

// Set makes nodes the page loaded under name; no nodes make an empty page, not a missing one.
func (p *Pages[T]) Set(name string, nodes []*T) {
	if nodes == nil {
		nodes = []*T{}
	}
	for i := range *p {
		if (*p)[i].name == name {
			(*p)[i].nodes = nodes
			return
		}
	}
	*p = append(*p, page[T]{name: name, nodes: nodes})
}

// Append adds nodes to the page loaded under name, starting it when there is none; with no
// nodes it (re)starts the page empty, as ent's eager loading does before it adds a node's
// edges.
func (p *Pages[T]) Append(name string, nodes ...*T) {
	if len(nodes) == 0 {
		p.Set(name, nil)
		return
	}
	old, _ := p.Get(name)
	p.Set(name, append(old, nodes...))
}
