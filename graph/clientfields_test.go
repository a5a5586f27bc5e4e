package graph_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/testsupport"
)

const (
	createClientFieldMutation = `mutation($in: CreateClientFieldInput!) { createClientField(input: $in) { key label type options } }`
	updateClientFieldMutation = `mutation($key: String!, $in: UpdateClientFieldInput!) { updateClientField(key: $key, input: $in) { key label type options } }`
	deleteClientFieldMutation = `mutation($key: String!) { deleteClientField(key: $key) }`
	createClientCustom        = `mutation($in: CreateClientInput!) { createClient(input: $in) { id customFields } }`
	updateClientCustom        = `mutation($id: ID!, $in: UpdateClientInput!) { updateClient(id: $id, input: $in) { id customFields } }`
)

// defineClientFields defines tier (SELECT gold/silver), renewalDate (DATE), seats (NUMBER),
// vip (BOOLEAN), note (TEXT) and lastCall (DATETIME) as an ADMIN.
func defineClientFields(t *testing.T, api *testsupport.APIClient) {
	t.Helper()
	for _, in := range []map[string]any{
		{"key": "tier", "label": "Tier", "type": "SELECT", "options": []string{"gold", "silver"}},
		{"key": "renewalDate", "label": "Renewal date", "type": "DATE"},
		{"key": "seats", "label": "Seats", "type": "NUMBER"},
		{"key": "vip", "label": "VIP", "type": "BOOLEAN"},
		{"key": "note", "label": "Note", "type": "TEXT"},
		{"key": "lastCall", "label": "Last call", "type": "DATETIME"},
	} {
		api.MustData(createClientFieldMutation, map[string]any{"in": in}, nil)
	}
}

// mustFailAt checks an error's code, extensions.field and that it has a path.
func mustFailAt(t *testing.T, api *testsupport.APIClient, query string, vars map[string]any, code, field string) {
	t.Helper()
	e := api.MustFail(query, vars, code)
	if got, _ := e.Extensions["field"].(string); got != field {
		t.Errorf("%s: extensions.field = %q, want %q (%s)", code, got, field, e.Message)
	}
	if len(e.Path) == 0 {
		t.Errorf("%s at %s: no path", code, field)
	}
}

func TestClientFieldDefinitions(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		defineClientFields(t, api)

		var got struct {
			ClientFields []struct {
				Key, Label, Type string
				Options          []string
			}
		}
		api.As(api.NewUser(auth.RoleViewer)).MustData(`{ clientFields { key label type options } }`, nil, &got)
		if len(got.ClientFields) != 6 || got.ClientFields[0].Key != "lastCall" || got.ClientFields[5].Key != "vip" {
			t.Fatalf("clientFields = %+v", got.ClientFields)
		}
		for _, f := range got.ClientFields {
			if f.Key == "tier" && (f.Type != "SELECT" || len(f.Options) != 2) {
				t.Errorf("tier = %+v", f)
			}
		}

		var upd struct {
			UpdateClientField struct {
				Label   string
				Options []string
			}
		}
		api.MustData(updateClientFieldMutation, map[string]any{"key": "tier", "in": map[string]any{"label": "Plan", "options": []string{"gold", "silver", "bronze"}}}, &upd)
		if upd.UpdateClientField.Label != "Plan" || len(upd.UpdateClientField.Options) != 3 {
			t.Errorf("updateClientField = %+v", upd.UpdateClientField)
		}

		bad := func(in map[string]any) map[string]any { return map[string]any{"in": in} }
		mustFailAt(t, api, createClientFieldMutation, bad(map[string]any{"key": "Tier", "label": "x", "type": "TEXT"}), "BAD_USER_INPUT", "input.key")
		mustFailAt(t, api, createClientFieldMutation, bad(map[string]any{"key": "tier", "label": "x", "type": "TEXT"}), "BAD_USER_INPUT", "input.key")
		mustFailAt(t, api, createClientFieldMutation, bad(map[string]any{"key": "size", "label": " ", "type": "TEXT"}), "BAD_USER_INPUT", "input.label")
		mustFailAt(t, api, createClientFieldMutation, bad(map[string]any{"key": "size", "label": "x", "type": "SELECT"}), "BAD_USER_INPUT", "input.options")
		mustFailAt(t, api, createClientFieldMutation, bad(map[string]any{"key": "size", "label": "x", "type": "SELECT", "options": []string{"a", "a"}}), "BAD_USER_INPUT", "input.options")
		mustFailAt(t, api, createClientFieldMutation, bad(map[string]any{"key": "size", "label": "x", "type": "SELECT", "options": []string{""}}), "BAD_USER_INPUT", "input.options")
		mustFailAt(t, api, createClientFieldMutation, bad(map[string]any{"key": "size", "label": "x", "type": "NUMBER", "options": []string{"a"}}), "BAD_USER_INPUT", "input.options")
		mustFailAt(t, api, updateClientFieldMutation, map[string]any{"key": "seats", "in": map[string]any{"options": []string{"a"}}}, "BAD_USER_INPUT", "input.options")
		mustFailAt(t, api, updateClientFieldMutation, map[string]any{"key": "nope", "in": map[string]any{"label": "x"}}, "NOT_FOUND", "key")

		editor := api.As(api.NewUser(auth.RoleEditor))
		editor.MustFail(createClientFieldMutation, bad(map[string]any{"key": "size", "label": "x", "type": "TEXT"}), "FORBIDDEN")
		editor.MustFail(updateClientFieldMutation, map[string]any{"key": "tier", "in": map[string]any{"label": "x"}}, "FORBIDDEN")
		editor.MustFail(deleteClientFieldMutation, map[string]any{"key": "tier"}, "FORBIDDEN")

		var del struct{ DeleteClientField string }
		api.MustData(deleteClientFieldMutation, map[string]any{"key": "note"}, &del)
		if del.DeleteClientField != "note" {
			t.Errorf("deleteClientField = %q", del.DeleteClientField)
		}
	})
}

func TestClientFieldLimit(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		for i := range 100 {
			if _, err := db.Client.CustomField.Create().SetKey(fmt.Sprintf("f%d", i)).SetLabel("F").SetType("TEXT").Save(testsupport.Ctx()); err != nil {
				t.Fatal(err)
			}
		}
		mustFailAt(t, api, createClientFieldMutation, map[string]any{"in": map[string]any{"key": "one_more", "label": "x", "type": "TEXT"}}, "BAD_USER_INPUT", "input.key")
	})
}

func TestClientCustomFieldValues(t *testing.T) {
	t.Parallel()
	testsupport.Each(t, func(t *testing.T, db *testsupport.DB) {
		api := testsupport.NewAPI(t, db)
		defineClientFields(t, api)
		var created struct {
			CreateClient struct {
				ID           string
				CustomFields map[string]any
			}
		}
		api.MustData(createClientCustom, map[string]any{"in": map[string]any{"name": "Ada", "email": "ada@example.com",
			"customFields": map[string]any{"tier": "gold", "seats": 12, "renewalDate": "2027-01-31", "vip": true,
				"lastCall": "2026-12-01T10:00:00+01:00"}}}, &created)
		c := created.CreateClient
		want := map[string]any{"tier": "gold", "seats": 12.0, "renewalDate": "2027-01-31", "vip": true, "lastCall": "2026-12-01T09:00:00Z"}
		if fmt.Sprint(c.CustomFields) != fmt.Sprint(want) {
			t.Fatalf("customFields = %v, want %v", c.CustomFields, want)
		}

		// An update merges: seats changes, vip goes, the others stay.
		var updated struct {
			UpdateClient struct{ CustomFields map[string]any }
		}
		api.MustData(updateClientCustom, map[string]any{"id": c.ID, "in": map[string]any{"customFields": map[string]any{"seats": 3.5, "vip": nil}}}, &updated)
		want = map[string]any{"tier": "gold", "seats": 3.5, "renewalDate": "2027-01-31", "lastCall": "2026-12-01T09:00:00Z"}
		if fmt.Sprint(updated.UpdateClient.CustomFields) != fmt.Sprint(want) {
			t.Fatalf("after update customFields = %v, want %v", updated.UpdateClient.CustomFields, want)
		}

		long := make([]byte, 10001)
		for i := range long {
			long[i] = 'a'
		}
		for _, tc := range []struct {
			key   string
			value any
		}{
			{"unknown", "x"},
			{"tier", "platinum"},
			{"tier", 1},
			{"seats", "12"},
			{"renewalDate", "31/01/2027"},
			{"renewalDate", "2027-02-30"},
			{"lastCall", "2026-12-01 10:00"},
			{"vip", "yes"},
			{"note", string(long)},
		} {
			field := "input.customFields." + tc.key
			mustFailAt(t, api, updateClientCustom, map[string]any{"id": c.ID, "in": map[string]any{"name": "Changed",
				"customFields": map[string]any{"tier": "silver", tc.key: tc.value}}}, "BAD_USER_INPUT", field)
			mustFailAt(t, api, createClientCustom, map[string]any{"in": map[string]any{"name": "Bob", "email": "bob@example.com",
				"customFields": map[string]any{tc.key: tc.value}}}, "BAD_USER_INPUT", field)
		}
		// Nothing was written by the refused mutations.
		row := db.Client.Contact.GetX(testsupport.Ctx(), mustUUID(t, c.ID))
		raw, _ := json.Marshal(row.CustomFields)
		if row.Name != "Ada" || fmt.Sprint(row.CustomFields) != fmt.Sprint(want) {
			t.Errorf("after refusals: name %q, customFields %s", row.Name, raw)
		}
		if n := db.Client.Contact.Query().CountX(testsupport.Ctx()); n != 1 {
			t.Errorf("%d clients, want 1", n)
		}
	})
}
