package database

import (
	"regexp"
	"strings"

	atlas "ariga.io/atlas/sql/schema"
	"entgo.io/ent/dialect/sql/schema"

	entschema "github.com/flowline/flowline/ent/schema"

	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/sqlite"
)

// samePartialIndexes drops from a diff the partial indexes that only look changed.
// PostgreSQL stores an index's WHERE clause in its own words (status = 'QUEUED' reads back
// as ((status)::text = 'QUEUED'::text)), and Atlas's open-source library compares the text,
// so without this every partial index would be dropped and created again by each generated
// migration, and the drift check would never pass. It also keeps the expression indexes of
// custom client fields (entschema.CustomFieldIndexPrefix), which live outside ent/schema.
func samePartialIndexes(next schema.Differ) schema.Differ {
	return schema.DiffFunc(func(current, desired *atlas.Schema) ([]atlas.Change, error) {
		changes, err := next.Diff(current, desired)
		if err != nil {
			return nil, err
		}
		for _, c := range changes {
			if m, ok := c.(*atlas.ModifyTable); ok {
				m.Changes = withoutSameIndexes(m.Changes)
			}
		}
		return changes, nil
	})
}

// withoutSameIndexes removes index modifications, and drop-then-add pairs of one index,
// whose two sides are the same index.
func withoutSameIndexes(changes []atlas.Change) []atlas.Change {
	dropped := map[string]*atlas.Index{}
	added := map[string]*atlas.Index{}
	for _, c := range changes {
		switch c := c.(type) {
		case *atlas.DropIndex:
			dropped[c.I.Name] = c.I
		case *atlas.AddIndex:
			added[c.I.Name] = c.I
		default:
		}
	}
	keep := changes[:0]
	for _, c := range changes {
		switch c := c.(type) {
		case *atlas.ModifyIndex:
			if sameIndex(c.From, c.To) {
				continue
			}
		case *atlas.DropIndex:
			if a, ok := added[c.I.Name]; ok && sameIndex(c.I, a) {
				continue
			}
			if strings.HasPrefix(c.I.Name, entschema.CustomFieldIndexPrefix) {
				continue // a custom field's own index (customfields.CreateIndex), not ent's
			}
		case *atlas.AddIndex:
			if d, ok := dropped[c.I.Name]; ok && sameIndex(d, c.I) {
				continue
			}
		default:
		}
		keep = append(keep, c)
	}
	return keep
}

func sameIndex(a, b *atlas.Index) bool {
	if a.Unique != b.Unique || len(a.Parts) != len(b.Parts) {
		return false
	}
	for i := range a.Parts {
		pa, pb := a.Parts[i], b.Parts[i]
		if pa.Desc != pb.Desc || (pa.C == nil) != (pb.C == nil) || (pa.C != nil && pa.C.Name != pb.C.Name) {
			return false
		}
	}
	return normalizePredicate(predicate(a)) == normalizePredicate(predicate(b))
}

func predicate(idx *atlas.Index) string {
	for _, attr := range idx.Attrs {
		switch p := attr.(type) {
		case *postgres.IndexPredicate:
			return p.P
		case *sqlite.IndexPredicate:
			return p.P
		default:
		}
	}
	return ""
}

// casts are PostgreSQL's explicit casts in a deparsed expression (::text,
// ::character varying).
var casts = regexp.MustCompile(`::(?:"?[a-z_]+"?)(?: varying)?`)

// anyArray is PostgreSQL's reading of "x IN (a, b)" once normalised: "x=anyarray[a,b][]".
var anyArray = regexp.MustCompile(`=anyarray\[([^\]]*)\](?:\[\])?`)

// normalizePredicate reduces a WHERE clause to what decides its meaning for the predicates
// Flowline writes (a column compared with a literal, or IN a list of literals): no casts,
// parentheses or spaces, and "= ANY (ARRAY[...])" read as IN.
func normalizePredicate(p string) string {
	p = casts.ReplaceAllString(strings.ToLower(p), "")
	p = strings.NewReplacer("(", "", ")", "", " ", "", "\t", "", "\n", "").Replace(p)
	return anyArray.ReplaceAllString(p, "in$1")
}
