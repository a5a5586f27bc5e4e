package playground_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/flowline/flowline/internal/testsupport"
)

// chromium finds Debian's chromium (.ci/run installs it). Without it the test is skipped
// loudly, unless CI is set.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no chromium on this machine (apt-get install chromium); CI needs it for the playground test")
	}
	t.Skip("SKIPPED: no chromium on this machine, so the playground was not tried in a browser (apt-get install chromium)")
	return ""
}

// TestPlaygroundRunsAQueryOffline drives the playground in headless Chromium: the page
// renders from the binary's own assets (every request the browser makes goes to this
// server), the development token goes in the Headers tab, a query typed into the editor
// runs, and a screenshot is kept.
func TestPlaygroundRunsAQueryOffline(t *testing.T) {
	t.Parallel()
	bin := chromium(t)
	api := testsupport.NewAPIWith(t, testsupport.Open(t, "sqlite3"), testsupport.APIOptions{Live: &testsupport.LiveOptions{}})
	token := strings.TrimPrefix(api.Header.Get("Authorization"), "Bearer ")

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1280, 800))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	editor := chromedp.CSS(`.graphiql-query-editor .CodeMirror`)
	err := chromedp.Do(ctx,
		chromedp.Navigate(api.Server.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`.graphiql-container`)),
	)
	if err != nil {
		t.Fatalf("open the playground: %v", err)
	}
	// The Headers tab keeps its content across reloads (shouldPersistHeaders), as the README's
	// development token flow relies on.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`localStorage.setItem("graphiql:headers", JSON.stringify({Authorization: "Bearer `+token+`"})), true`)); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Reload(),
		chromedp.WaitVisible(editor),
		chromedp.Click(chromedp.CSS(`.graphiql-query-editor .CodeMirror-code`)),
	)
	if err != nil {
		t.Fatalf("reload: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror.setValue(""), true`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`.graphiql-query-editor .CodeMirror textarea`), "query Typed { me { email role } }")); err != nil {
		t.Fatalf("type the query: %v", err)
	}
	typed, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror.getValue()`))
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.graphiql-execute-button`))); err != nil {
		t.Fatalf("run the query: %v", err)
	}
	result, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const t = (document.querySelector(".result-window") || {}).innerText || ""; return t.includes('"role"') || t.includes('"errors"') ? t : false })()`))
	if err != nil {
		t.Fatalf("wait for the result of %q: %v", typed, err)
	}
	if !strings.Contains(result, `"ADMIN"`) || strings.Contains(result, `"errors"`) {
		t.Fatalf("query %q answered: %s", typed, result)
	}
	// A subscription runs too, over a WebSocket authenticated by the same Headers tab.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror.setValue(""), true`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`.graphiql-query-editor .CodeMirror textarea`), "subscription Live { workflowChanged { name } }")); err != nil {
		t.Fatalf("type the subscription: %v", err)
	}
	// GraphiQL picks up the typed operation (its name and parsed document) after a short
	// debounce; until then it sends the text with the previous operation's name ("operation
	// Typed not found") or, judging by the previous document, as a plain request (which the
	// server refuses for a subscription). Like a user, click again until it goes over the
	// WebSocket.
	stale := func(answer string) bool {
		return strings.Contains(answer, "operation Typed not found") ||
			strings.Contains(answer, "not as a plain request")
	}
	// Each click is followed by one of two signals: the server's hub counts the subscription,
	// or the result window shows an answer (an error) it did not show before the click.
	resultText := `(document.querySelector(".result-window") || {}).innerText || ""`
	for attempt := 0; ; attempt++ {
		if attempt == 30 || ctx.Err() != nil {
			t.Fatal("the playground's subscription never reached the server")
		}
		before, _ := chromedp.Run(ctx, chromedp.Evaluate[string](resultText))
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.graphiql-execute-button`))); err != nil {
			t.Fatalf("run the subscription: %v", err)
		}
		subscribed := make(chan error, 1)
		waitCtx, stopWaiting := context.WithTimeout(ctx, 5*time.Second)
		go func() {
			err := api.Live.WaitSubscriptions(waitCtx, 1)
			stopWaiting() // ends the poll below at once
			subscribed <- err
		}()
		// The script sees the text from before the click through a JSON literal.
		prev, _ := json.Marshal(before)
		answered, errAnswer := chromedp.Run(waitCtx, chromedp.Poll[string](`(() => { const t = `+resultText+`; return t !== `+string(prev)+` && t.includes('"errors"') ? t : false })()`))
		stopWaiting()
		if err := <-subscribed; err == nil && api.Live.Subscriptions() >= 1 {
			break
		}
		if errAnswer == nil && !stale(answered) {
			t.Fatalf("the playground's subscription failed: %s", answered)
		}
	}
	api.MustData(`mutation { createWorkflow(input: {name: "Seen live", triggerType: MANUAL, actions: [{type: CREATE_TASK, config: {title: "x"}}]}) { id } }`, nil, nil)
	live, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const t = (document.querySelector(".result-window") || {}).innerText || ""; return t.includes("Seen live") || t.includes('"errors"') ? t : false })()`))
	if err != nil || !strings.Contains(live, "Seen live") {
		t.Fatalf("the subscription showed %q (%v)", live, err)
	}

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`performance.getEntriesByType("resource").map(e => e.name)`))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range loaded {
		if !strings.HasPrefix(u, api.Server.URL) {
			t.Errorf("the page loaded %s from another site", u)
		}
	}
	dir := os.Getenv("FLOWLINE_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	file := filepath.Join(dir, "playground.png")
	if err := os.WriteFile(file, shot, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", file, len(shot))
}
