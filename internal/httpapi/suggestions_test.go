package httpapi_test

import (
	"strings"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestProductionGivesNoSuggestions checks that in production no error message hints at the
// schema's names ("Did you mean ...?"), whether the typo is in a field, an argument or an
// enum value, while development keeps the hints.
func TestProductionGivesNoSuggestions(t *testing.T) {
	t.Parallel()
	db := testsupport.Open(t, "sqlite3")
	typos := []string{
		`{ workflowz(first: 1) { totalCount } }`,                                // field
		`{ workflows(firs: 1) { totalCount } }`,                                 // argument
		`{ clients(first: 1, where: {status: ACTIV}) { totalCount } }`,          // enum value
		`{ workflows(first: 1, orderBy: [{field: CREATED_A}]) { totalCount } }`, // enum value in a list
	}
	for _, production := range []bool{true, false} {
		api := testsupport.NewAPIWith(t, db, testsupport.APIOptions{Production: production})
		for _, q := range typos {
			res := api.Do(q, nil)
			if len(res.Errors) == 0 {
				t.Fatalf("%s: no error", q)
			}
			hinted := strings.Contains(res.Errors[0].Message, "Did you mean")
			if production && hinted {
				t.Errorf("production: %s answered %q", q, res.Errors[0].Message)
			}
			if !production && !hinted {
				t.Errorf("development lost the hint: %s answered %q", q, res.Errors[0].Message)
			}
		}
	}
}
