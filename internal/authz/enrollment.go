package authz

import (
	"entgo.io/ent"

	"github.com/flowline/flowline/ent/privacy"
)

// EnrollmentPolicy keeps enrollment records (who entered a ONCE workflow, which triggers an
// enrollment rule skipped) to event matching, which writes them as the system; the API shows
// them only as counts in workflowStats.
func EnrollmentPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}
