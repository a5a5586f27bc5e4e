// Package workflowstore manages workflows as stored records: creating and editing them with
// validation and immutable versions, rollback, activation, duplication, templates (the
// built-in library and users' own) and webhook secrets. Resolvers and the start-up template
// installer call it inside the transaction they own; it never opens one itself.
package workflowstore

import (
	// The definition language knows the action types that the registry registers.
	_ "github.com/flowline/flowline/internal/action/registry"
)
