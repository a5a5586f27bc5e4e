package graph_test

import (
	"fmt"
	"testing"

	"github.com/flowline/flowline/ent/activity"
	"github.com/flowline/flowline/internal/testsupport"
)

// TestFindClientsByCustomFieldRange: FIND_CLIENTS' gt, gte, lt and lte on NUMBER, DATE and
// DATETIME custom fields find exactly the matching clients (the database narrows by a bound
// rounded to the second, the evaluator decides), on both databases. On PostgreSQL the
// fields' expression indexes exist while the fields do, and the drift check ignores them.
func TestFindClientsByCustomFieldRange(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		defineClientFields(t, api)
		api.MustData(createClientFieldMutation, map[string]any{"in": map[string]any{"key": "churnedAt", "label": "Churned", "type": "DATETIME"}}, nil)
		startTestEngine(t, db)
		var ids []string
		for i, custom := range []map[string]any{
			{"seats": 2, "renewalDate": "2027-01-30", "lastCall": "2026-05-01T10:00:00.5Z"},
			{"seats": 10, "renewalDate": "2027-01-31", "lastCall": "2026-05-01T12:00:00+02:00"},
			{"seats": 2.5, "renewalDate": "2027-02-01", "lastCall": "2026-05-01T10:00:01Z"},
			{"note": "no values"},
		} {
			var c struct{ CreateClient struct{ ID string } }
			api.MustData(createClientCustom, map[string]any{"in": map[string]any{"name": fmt.Sprintf("C%d", i),
				"email": fmt.Sprintf("r%d@example.com", i), "customFields": custom}}, &c)
			ids = append(ids, c.CreateClient.ID)
		}
		leaf := func(field, op string, v any) map[string]any {
			return map[string]any{"field": field, "operator": op, "value": v}
		}
		finds := []struct {
			key   string
			where map[string]any
			want  int
		}{
			{"seatsgt", leaf("custom.seats", "gt", 2), 2},
			{"seatsrange", map[string]any{"all": []any{leaf("custom.seats", "gte", 2), leaf("custom.seats", "lt", 10)}}, 2},
			{"seatslte", leaf("custom.seats", "lte", 2.5), 2},
			// A DATE is midnight UTC: gte the 31st at midnight holds for the 31st itself.
			{"dategte", leaf("client.custom.renewalDate", "gte", "2027-01-31"), 2},
			{"dategtnoon", leaf("custom.renewalDate", "gt", "2027-01-31T12:00:00Z"), 1},
			{"datelte", leaf("custom.renewalDate", "lte", "2027-01-31T00:00:00+01:00"), 1},
			// Fractions of a second and offsets compare as instants.
			{"callgt", leaf("custom.lastCall", "gt", "2026-05-01T10:00:00Z"), 2},
			{"calllt", leaf("custom.lastCall", "lt", "2026-05-01T10:00:00.7Z"), 2},
			{"calllte", leaf("custom.lastCall", "lte", "2026-05-01T12:00:00+02:00"), 1},
		}
		var actions []any
		message := ""
		for _, f := range finds {
			actions = append(actions, map[string]any{"key": f.key, "type": "FIND_CLIENTS", "config": map[string]any{"where": f.where}})
			message += fmt.Sprintf("%s={{steps.%s.output.count}} ", f.key, f.key)
		}
		actions = append(actions, map[string]any{"type": "LOG_ACTIVITY", "config": map[string]any{"message": message}})
		var wf struct{ CreateWorkflow struct{ ID string } }
		api.MustData(createWorkflowMutation, map[string]any{"input": map[string]any{"name": "Ranges", "triggerType": "MANUAL",
			"isActive": true, "actions": actions}}, &wf)
		var r struct{ TriggerWorkflow struct{ ID string } }
		api.MustData(`mutation($id: ID!, $c: ID) { triggerWorkflow(id: $id, clientId: $c) { id } }`,
			map[string]any{"id": wf.CreateWorkflow.ID, "c": ids[3]}, &r)
		if status, msg := waitExecution(t, api, r.TriggerWorkflow.ID); status != "COMPLETED" {
			t.Fatalf("run: %s %s", status, msg)
		}
		want := ""
		for _, f := range finds {
			want += fmt.Sprintf("%s=%d ", f.key, f.want)
		}
		acts := db.Client.Activity.Query().Where(activity.ClientID(mustUUID(t, ids[3]))).AllX(testsupport.Ctx())
		if len(acts) != 1 || acts[0].Message != want {
			t.Errorf("activities = %+v\nwant message %q", acts, want)
		}

		if !db.Dialect.IsPostgres() {
			return
		}
		if got := customIndexes(t, db); got != "clients_cf_churnedAt clients_cf_lastCall clients_cf_renewalDate clients_cf_seats " {
			t.Errorf("custom field indexes = %q", got)
		}
		if drift, err := db.DB.Drift(testsupport.Ctx()); err != nil || drift != "" {
			t.Errorf("drift with custom field indexes: %v\n%s", err, drift)
		}
		api.MustData(deleteClientFieldMutation, map[string]any{"key": "churnedAt"}, nil)
		if got := customIndexes(t, db); got != "clients_cf_lastCall clients_cf_renewalDate clients_cf_seats " {
			t.Errorf("custom field indexes after deleting churnedAt = %q", got)
		}
	})
}

// customIndexes lists the custom fields' indexes on clients in the test's schema.
func customIndexes(t *testing.T, db *testsupport.DB) string {
	t.Helper()
	rows, err := db.SQL.QueryContext(testsupport.Ctx(),
		`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'clients'
		 AND indexname LIKE 'clients\_cf\_%' ORDER BY indexname`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := ""
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		out += name + " "
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
