package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/activity"
	"github.com/flowline/flowline/ent/apitoken"
	"github.com/flowline/flowline/ent/contact"
	"github.com/flowline/flowline/ent/document"
	"github.com/flowline/flowline/ent/email"
	"github.com/flowline/flowline/ent/task"
	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/ent/workflow"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/ent/workflowexecutionlog"
	"github.com/flowline/flowline/ent/workflowversion"
	"github.com/flowline/flowline/internal/database"
)

// nodeTables are the tables whose rows are Relay nodes.
var nodeTables = []string{
	workflow.Table, workflowexecution.Table, workflowexecutionlog.Table, contact.Table,
	user.Table, task.Table, document.Table, activity.Table,
	workflowversion.Table, apitoken.Table, email.Table,
}

// nodeTypes finds which table each id belongs to. UUIDs carry no type, so instead of
// encoding one into the id (which would make our ids differ from the database's), one
// statement asks every node table at once; each branch is a primary-key lookup. Ids that
// exist nowhere are absent from the result.
func nodeTypes(ctx context.Context, db *ent.Client, d database.Dialect, ids []uuid.UUID) (map[uuid.UUID]string, error) {
	if len(ids) == 0 {
		return map[uuid.UUID]string{}, nil
	}
	args := make([]any, len(ids))
	marks := make([]string, len(ids))
	for i, id := range ids {
		args[i] = id
		// Numbered parameters let every branch reuse the same arguments.
		marks[i] = d.Placeholder(i + 1)
	}
	in := strings.Join(marks, ", ")
	branches := make([]string, len(nodeTables))
	for i, table := range nodeTables {
		branches[i] = fmt.Sprintf("SELECT '%s', id FROM %s WHERE id IN (%s)", table, table, in)
	}
	query := strings.Join(branches, " UNION ALL ")
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("resolve node types: %w", err)
	}
	defer rows.Close()
	types := make(map[uuid.UUID]string, len(ids))
	for rows.Next() {
		var (
			table string
			id    uuid.UUID
		)
		if err := rows.Scan(&table, &id); err != nil {
			return nil, fmt.Errorf("scan node type: %w", err)
		}
		types[id] = table
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read node types: %w", err)
	}
	return types, nil
}

// nodeTypeOption hands ent's Noder the types found by nodeTypes.
func nodeTypeOption(types map[uuid.UUID]string) ent.NodeOption {
	return ent.WithNodeType(func(_ context.Context, id uuid.UUID) (string, error) {
		t, ok := types[id]
		if !ok {
			return "", &ent.NotFoundError{}
		}
		return t, nil
	})
}
