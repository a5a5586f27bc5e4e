package httpapi_test

import (
	"bytes"
	"net/http"
	"os"
	"testing"

	"github.com/flowline/flowline/internal/testsupport"
)

// TestDefinitionSchemaIsServed: GET /schema/workflow-definition.json answers, without a
// token, exactly the committed sdk/workflow-definition.schema.json.
func TestDefinitionSchemaIsServed(t *testing.T) {
	t.Parallel()
	api := testsupport.NewAPI(t, testsupport.Open(t, "sqlite3")).Anonymous()
	res, err := api.Server.Client().Get(api.Server.URL + "/schema/workflow-definition.json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var got bytes.Buffer
	if _, err := got.ReadFrom(res.Body); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../sdk/workflow-definition.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/schema+json" || !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("status %d, type %q, %d bytes (committed: %d)", res.StatusCode, res.Header.Get("Content-Type"), got.Len(), len(want))
	}
}
