package loadtest

import (
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var placeholder = regexp.MustCompile(`\$(\d+)`)

// Inline returns the statement with its bound values written in as literals, the form a
// pgbench script replays. A quoted literal is of unknown type like a text parameter, so
// PostgreSQL resolves it the same way and plans the statement as it planned the server's
// unnamed one (which always gets a plan for its actual values).
func (c captured) Inline() string {
	sql := placeholder.ReplaceAllStringFunc(c.SQL, func(m string) string {
		i, err := strconv.Atoi(m[1:])
		if err != nil || i < 1 || i > len(c.Params) {
			return m
		}
		p := c.Params[i-1]
		switch {
		case p.Null:
			return "NULL"
		case p.Binary:
			return `'\x` + hex.EncodeToString(p.Value) + `'`
		default:
			return "'" + strings.ReplaceAll(string(p.Value), "'", "''") + "'"
		}
	})
	return strings.Join(strings.Fields(sql), " ")
}

// readable is the statements with their values written in, one a line: for people.
func readable(stmts []captured) string {
	var b strings.Builder
	for _, s := range stmts {
		if line := strings.TrimRight(s.Inline(), "; "); line != "" {
			b.WriteString(line + ";\n")
		}
	}
	return b.String()
}

// maxPgbenchParams is below pgbench's limit of arguments per statement (255).
const maxPgbenchParams = 250

// pgbenchScript turns one request's statements into a pgbench script, one statement a
// line, and the -D definitions of its variables: each bound value becomes a variable, so
// pgbench sends it as a parameter like the server did (and a colon in a value cannot be
// mistaken for a variable, as it would be in a literal). NULLs, and the values of a
// statement with more parameters than pgbench takes, are written in as literals.
func pgbenchScript(stmts []captured) (script string, defines []string) {
	var b strings.Builder
	for n, s := range stmts {
		sql := s.SQL
		if len(s.Params) > 0 && len(s.Params) <= maxPgbenchParams {
			sql = placeholder.ReplaceAllStringFunc(sql, func(m string) string {
				i, err := strconv.Atoi(m[1:])
				if err != nil || i < 1 || i > len(s.Params) || s.Params[i-1].Null {
					return m
				}
				name := fmt.Sprintf("s%dp%d", n, i)
				v := s.Params[i-1].Value
				if s.Params[i-1].Binary {
					v = []byte(`\x` + hex.EncodeToString(v))
				}
				defines = append(defines, name+"="+string(v))
				return ":" + name
			})
			s.SQL = sql // NULLs left as $n are written in below
		}
		line := strings.TrimRight(s.Inline(), "; ")
		if line == "" {
			continue
		}
		b.WriteString(line + ";\n")
	}
	return b.String(), slices.Compact(slices.Sorted(slices.Values(defines)))
}
