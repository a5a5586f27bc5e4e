// Package metrics holds Flowline's Prometheus metrics (all named flowline_*) and serves them.
// The packages that do the work record into the process-wide set; /metrics renders it.
package metrics

import (
	"net/http"
	"regexp"
	"strconv"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Registry is the process's registry: Flowline's metrics plus Go runtime and process ones.
var Registry = prometheus.NewRegistry()

var (
	// Requests counts HTTP requests by route, GraphQL operation and status.
	Requests = counterVec("flowline_http_requests_total", "HTTP requests by route, GraphQL operation name and status code.", "route", "operation", "status")
	// RequestSeconds is the latency of HTTP requests by route and GraphQL operation.
	RequestSeconds = histogramVec("flowline_http_request_duration_seconds", "HTTP request latency by route and GraphQL operation name.", prometheus.DefBuckets, "route", "operation")
	// GraphQLErrors counts GraphQL errors by extensions.code.
	GraphQLErrors = counterVec("flowline_graphql_errors_total", "GraphQL errors in answers, by extensions.code.", "code")
	// Claims counts executions claimed by workers (a start, a resume after a delay, a retry or a reclaim).
	Claims = counter("flowline_execution_claims_total", "Executions claimed by a worker.")
	// ExecutionsStarted counts runs that began (their first claim).
	ExecutionsStarted = counter("flowline_executions_started_total", "Execution runs started (first claim of a run).")
	// ExecutionsFinished counts executions that ended, by status.
	ExecutionsFinished = counterVec("flowline_executions_finished_total", "Executions that ended, by final status.", "status")
	// ClaimDelay is how long due executions waited for a worker.
	ClaimDelay = histogram("flowline_claim_delay_seconds", "Time from an execution being due (run_at) to a worker claiming it.", []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30})
	// StepSeconds is the duration of step attempts by action type and outcome.
	StepSeconds = histogramVec("flowline_step_duration_seconds", "Duration of step attempts by action type and outcome (SUCCESS, FAILED, SKIPPED).", prometheus.DefBuckets, "action_type", "status")
	// Webhooks counts outgoing HTTP calls (SEND_WEBHOOK, HTTP_REQUEST) by outcome.
	Webhooks = counterVec("flowline_webhook_requests_total", "Outgoing webhook and HTTP_REQUEST calls by outcome (2xx, 3xx, 4xx, 5xx, error).", "outcome")
	// Emails counts outbox delivery attempts by outcome.
	Emails = counterVec("flowline_email_deliveries_total", "SMTP delivery attempts by outcome (sent, retry, failed).", "outcome")
	// LeaseReclaims counts executions returned to the queue after their worker's lease expired.
	LeaseReclaims = counter("flowline_lease_reclaims_total", "Executions whose worker's lease expired and that were queued again.")
	// RetentionDeleted counts rows the retention job deleted, by kind (executions, emails);
	// an execution's logs and step outputs go with it and are not counted.
	RetentionDeleted = counterVec("flowline_retention_deleted_total", "Rows deleted by the retention job, by kind (executions, emails).", "kind")
	// RetentionPasses counts retention passes by outcome: ran, skipped (another replica held
	// the lock) or failed.
	RetentionPasses = counterVec("flowline_retention_passes_total", "Retention job passes by outcome (ran, skipped: another replica ran it, failed).", "outcome")
)

func init() {
	Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
}

func counter(name, help string) prometheus.Counter {
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: name, Help: help})
	Registry.MustRegister(c)
	return c
}

func counterVec(name, help string, labels ...string) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
	Registry.MustRegister(c)
	return c
}

func histogram(name, help string, buckets []float64) prometheus.Histogram {
	h := prometheus.NewHistogram(prometheus.HistogramOpts{Name: name, Help: help, Buckets: buckets})
	Registry.MustRegister(h)
	return h
}

func histogramVec(name, help string, buckets []float64, labels ...string) *prometheus.HistogramVec {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: name, Help: help, Buckets: buckets}, labels)
	Registry.MustRegister(h)
	return h
}

// QueueDepth registers the gauge of due PENDING executions, computed by count at each scrape.
// A second registration (tests start many engines) is ignored.
func QueueDepth(count func() (float64, error)) {
	g := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "flowline_queue_depth",
		Help: "Executions due now and waiting for a worker (PENDING with run_at passed).",
	}, func() float64 {
		n, err := count()
		if err != nil {
			return -1
		}
		return n
	})
	_ = Registry.Register(g)
}

// Handler serves the metrics in Prometheus' text format.
func Handler() http.Handler {
	return promhttp.HandlerFor(Registry, promhttp.HandlerOpts{})
}

// maxOperations bounds the distinct operation names that get a label of their own: clients
// choose the names, and every name is a new series.
const maxOperations = 200

var operationName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

var operations = struct {
	sync.Mutex
	seen map[string]bool
}{seen: map[string]bool{}}

// Operation is the label for a GraphQL operation name: the name itself while fewer than
// maxOperations names have been seen, "other" after that, "-" for none.
func Operation(name string) string {
	if name == "" {
		return "-"
	}
	if !operationName.MatchString(name) {
		return "other"
	}
	operations.Lock()
	defer operations.Unlock()
	if operations.seen[name] {
		return name
	}
	if len(operations.seen) >= maxOperations {
		return "other"
	}
	operations.seen[name] = true
	return name
}

// StatusClass is the outcome label of an HTTP status: 2xx, 3xx, 4xx or 5xx.
func StatusClass(code int) string {
	if code < 100 || code > 599 {
		return "error"
	}
	return strconv.Itoa(code/100) + "xx"
}
