package changes_test

import (
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/testsupport"
)

// BenchmarkFanOut measures subscriptions end to end on PostgreSQL with its LISTEN/NOTIFY
// bus: up to 1,000 WebSocket subscribers (graphql-transport-ws) on one server follow one
// workflow, all as one user (who share one reload per event) or each as its own user; each
// iteration commits a rename. It reports commit → subscriber latency
// (p50, p99) of the renames delivered, deliveries per second until every subscriber has the
// last name, the share of renames delivered (a subscriber that is behind gets the current
// row, so renames in between coalesce), and the heap each subscriber adds (server and this
// process's client side together, so an upper bound).
//
//	go test ./internal/changes -run '^$' -bench FanOut -benchtime 50x
func BenchmarkFanOut(b *testing.B) {
	for _, n := range []int{1, 100, 1000} {
		b.Run(fmt.Sprintf("subscribers=%d/viewers=1", n), func(b *testing.B) { fanOut(b, n, false) })
		if n > 1 {
			// Every subscriber its own user: no two share a reload.
			b.Run(fmt.Sprintf("subscribers=%d/viewers=%d", n, n), func(b *testing.B) { fanOut(b, n, true) })
		}
	}
}

func fanOut(b *testing.B, subscribers int, distinct bool) {
	lastName := -1
	db := testsupport.Open(b, "postgres")
	api := testsupport.NewAPIWith(b, db, testsupport.APIOptions{Live: &testsupport.LiveOptions{
		Bus:                  changes.NewPostgresBus(db.SQL, db.URL),
		Hub:                  changes.HubConfig{PerCaller: subscribers, PerConnection: 1},
		ConnectionsPerCaller: subscribers,
	}})
	var out struct{ CreateWorkflow struct{ ID string } }
	api.MustData(`mutation { createWorkflow(input: {name: "0", triggerType: MANUAL, actions: [{type: CREATE_TASK, config: {title: "x"}}]}) { id } }`, nil, &out)
	wf := out.CreateWorkflow.ID

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var mu sync.Mutex
	committed := map[int]time.Time{}
	var latencies []time.Duration
	finished := make(chan struct{}, subscribers) // one per subscriber that got the last name
	var wg sync.WaitGroup
	for range subscribers {
		as := api
		if distinct {
			as = api.As(api.NewUser(auth.RoleViewer))
		}
		ws, err := testsupport.DialWS(b, api.Server.URL, testsupport.WSOptions{Init: map[string]any{"Authorization": as.Header.Get("Authorization")}})
		if err != nil {
			b.Fatal(err)
		}
		_, msgs := ws.Subscribe(`subscription($id: ID) { workflowChanged(id: $id) { name } }`, map[string]any{"id": wf})
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range msgs {
				at := time.Now()
				var body struct {
					Data struct{ WorkflowChanged struct{ Name string } }
				}
				if json.Unmarshal(m.Payload, &body) != nil {
					continue
				}
				i, _ := strconv.Atoi(body.Data.WorkflowChanged.Name)
				mu.Lock()
				if t, ok := committed[i]; ok {
					latencies = append(latencies, at.Sub(t))
				}
				if i == lastName {
					select {
					case finished <- struct{}{}:
					default:
					}
				}
				mu.Unlock()
			}
		}()
	}
	if err := api.Live.WaitSubscriptions(b.Context(), subscribers); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)

	b.ResetTimer()
	mu.Lock()
	lastName = b.N
	mu.Unlock()
	start := time.Now()
	for i := 1; i <= b.N; i++ {
		mu.Lock()
		committed[i] = time.Now()
		mu.Unlock()
		api.MustData(`mutation($id: ID!, $name: String!) { updateWorkflow(id: $id, input: {name: $name}) { id } }`, map[string]any{"id": wf, "name": strconv.Itoa(i)}, nil)
	}
	timeout := time.After(5 * time.Minute)
	for got := range subscribers {
		select {
		case <-finished:
		case <-timeout:
			b.Fatalf("%d of %d subscribers got the last rename", got, subscribers)
		}
	}
	elapsed := time.Since(start)
	b.StopTimer()
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(latencies)
	b.ReportMetric(float64(latencies[len(latencies)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(latencies[len(latencies)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "deliveries/s")
	b.ReportMetric(100*float64(len(latencies))/float64(b.N*subscribers), "%delivered")
	if subscribers >= 100 { // below that, GC noise is larger than the subscribers
		b.ReportMetric(float64(int64(after.HeapInuse)-int64(before.HeapInuse))/float64(subscribers)/1024, "KiB/subscriber")
	}
	b.ReportMetric(0, "ns/op")
}
