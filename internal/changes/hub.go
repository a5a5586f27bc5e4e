package changes

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/ent/workflowexecution"
	"github.com/flowline/flowline/internal/authz"
	"github.com/flowline/flowline/internal/metrics"
)

// Defaults of HubConfig.
const (
	DefaultPerCaller     = 100
	DefaultPerConnection = 20
	DefaultBuffer        = 256
	DefaultSweepInterval = 2 * time.Second
	// sweepOverlap reaches back before the previous sweep: a transaction that commits late,
	// or a writer whose clock is behind, still has its final status found.
	sweepOverlap = 10 * time.Second
	// sweepPage and sweepPages bound one sweep.
	sweepPage  = 1000
	sweepPages = 20
	// workflowCacheSize bounds the execution → workflow map (it never goes stale: an
	// execution's workflow never changes).
	workflowCacheSize = 100000
)

// Errors of Subscribe.
var (
	ErrTooManySubscriptions = errors.New("too many subscriptions")
	ErrTooSlow              = errors.New("the subscriber did not keep up with its events and was cut off")
	ErrStopped              = errors.New("the server is stopping: subscribe again (to another replica)")
)

// HubConfig configures a Hub.
type HubConfig struct {
	// PerCaller bounds one caller's subscriptions in this process; PerConnection those of
	// one WebSocket connection (WithConnection).
	PerCaller     int
	PerConnection int
	// Buffer is how many events may wait for a subscriber; one more and it is cut off.
	Buffer int
	// SweepInterval is how often final statuses are swept for (0: DefaultSweepInterval).
	SweepInterval time.Duration
	Logger        *slog.Logger
	// Now is the clock of the sweep (tests).
	Now func() time.Time
}

// Hub fans the change events this process receives out to its subscriptions.
type Hub struct {
	db     *ent.Client
	cfg    HubConfig
	intake chan []Event
	resync chan struct{}

	mu        sync.Mutex
	subs      map[*Subscription]struct{}
	perCaller map[string]int
	workflows map[uuid.UUID]uuid.UUID // execution → workflow

	lastSweep time.Time
	closed    bool
	seq       uint64
	// changed is closed, and replaced, whenever the subscriptions or the sweeps change:
	// Await's signal.
	changed chan struct{}
	// swept counts sweeps (tests wait on it instead of sleeping).
	swept atomic.Int64
	// recent holds the ids of the last dispatched events (WaitDispatched's signal).
	recent     [256]uuid.UUID
	recentNext int
}

// NewHub returns a hub that reads with db; Run feeds it from a bus.
func NewHub(db *ent.Client, cfg HubConfig) *Hub {
	if cfg.PerCaller <= 0 {
		cfg.PerCaller = DefaultPerCaller
	}
	if cfg.PerConnection <= 0 {
		cfg.PerConnection = DefaultPerConnection
	}
	if cfg.Buffer <= 0 {
		cfg.Buffer = DefaultBuffer
	}
	if cfg.SweepInterval <= 0 {
		cfg.SweepInterval = DefaultSweepInterval
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Hub{
		db: db, cfg: cfg,
		intake:    make(chan []Event, 1024),
		resync:    make(chan struct{}, 1),
		subs:      map[*Subscription]struct{}{},
		perCaller: map[string]int{},
		workflows: map[uuid.UUID]uuid.UUID{},
		changed:   make(chan struct{}),
	}
}

// signal wakes Await. Called with the hub's lock held.
func (h *Hub) signal() {
	close(h.changed)
	h.changed = make(chan struct{})
}

// WaitSubscriptions returns once the hub holds at least n subscriptions, or when ctx ends
// (tests and benchmarks: a WebSocket subscribe is not acknowledged).
func (h *Hub) WaitSubscriptions(ctx context.Context, n int) error {
	return h.await(ctx, func() bool { return len(h.subs) >= n })
}

// WaitDispatched returns once an event about the row id has been dispatched (among the
// last 256), or when ctx ends. Tests wait on it so that the late event of a change made
// before they subscribe does not reach the subscription.
func (h *Hub) WaitDispatched(ctx context.Context, id uuid.UUID) error {
	return h.await(ctx, func() bool { return slices.Contains(h.recent[:], id) })
}

// WaitSweeps returns once n sweeps have finished, or when ctx ends.
func (h *Hub) WaitSweeps(ctx context.Context, n int64) error {
	return h.await(ctx, func() bool { return h.swept.Load() >= n })
}

func (h *Hub) await(ctx context.Context, done func() bool) error {
	for {
		h.mu.Lock()
		if done() {
			h.mu.Unlock()
			return nil
		}
		changed := h.changed
		h.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// sweptOnce counts a finished sweep and wakes Await.
func (h *Hub) sweptOnce() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.swept.Add(1)
	h.signal()
}

// Run listens on bus and dispatches until ctx ends.
func (h *Hub) Run(ctx context.Context, bus Bus) {
	go func() {
		for ctx.Err() == nil {
			err := bus.Listen(ctx, h.deliver, h.requestResync)
			if err == nil || ctx.Err() != nil {
				return
			}
			h.cfg.Logger.Error("listen for change events; retrying", "bus", bus.String(), "error", err)
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
		}
	}()
	tick := time.NewTicker(h.cfg.SweepInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			h.closeAll()
			return
		case batch := <-h.intake:
			h.dispatch(ctx, batch)
		case <-h.resync:
			h.sweep(ctx)
		case <-tick.C:
			h.sweep(ctx)
		}
	}
}

// deliver queues a batch from the bus without waiting; when the hub is that far behind it
// drops the batch and sweeps instead.
func (h *Hub) deliver(events []Event) {
	metrics.ChangeEvents.WithLabelValues("bus").Add(float64(len(events)))
	// The hub keeps the batch after deliver returns and fills in ids: a copy, since the bus
	// (the local one) may reuse the slice for its next batch.
	select {
	case h.intake <- slices.Clone(events):
	default:
		metrics.ChangeEventsDropped.WithLabelValues("hub").Add(float64(len(events)))
		h.requestResync()
	}
}

func (h *Hub) requestResync() {
	select {
	case h.resync <- struct{}{}:
	default:
	}
}

// Sweeps is how many sweeps have finished (tests wait for the next one).
func (h *Hub) Sweeps() int64 { return h.swept.Load() }

// dispatch offers each event to the subscriptions it matches.
func (h *Hub) dispatch(ctx context.Context, batch []Event) {
	h.mu.Lock()
	needWorkflow := false
	for s := range h.subs {
		if s.filter.Workflow != uuid.Nil && s.filter.Kind != WorkflowChanged {
			needWorkflow = true
			break
		}
	}
	h.mu.Unlock()
	if needWorkflow {
		batch = h.withWorkflows(ctx, batch)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.seq++
	for _, e := range batch {
		e.seq = h.seq
		for s := range h.subs {
			if s.filter.matches(e) {
				s.offer(e)
			}
		}
		h.recent[h.recentNext] = e.ID
		h.recentNext = (h.recentNext + 1) % len(h.recent)
	}
	h.signal()
}

// withWorkflows fills in the workflow of execution and log events, from the cache or in
// one query for the rest.
func (h *Hub) withWorkflows(ctx context.Context, batch []Event) []Event {
	var missing []uuid.UUID
	h.mu.Lock()
	for i, e := range batch {
		if e.Kind == WorkflowChanged || e.Workflow != uuid.Nil {
			continue
		}
		if wf, ok := h.workflows[e.executionID()]; ok {
			batch[i].Workflow = wf
		} else {
			missing = append(missing, e.executionID())
		}
	}
	h.mu.Unlock()
	if len(missing) == 0 {
		return batch
	}
	rows, err := h.db.WorkflowExecution.Query().
		Where(workflowexecution.IDIn(missing...)).
		Select(workflowexecution.FieldID, workflowexecution.FieldWorkflowID).
		All(authz.System(ctx, authz.ReasonChangeRouting))
	if err != nil {
		h.cfg.Logger.Warn("find the workflows of changed executions", "error", err)
		return batch
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.workflows)+len(rows) > workflowCacheSize {
		clear(h.workflows)
	}
	for _, r := range rows {
		h.workflows[r.ID] = r.WorkflowID
	}
	for i, e := range batch {
		if e.Kind != WorkflowChanged && e.Workflow == uuid.Nil {
			batch[i].Workflow = h.workflows[e.executionID()]
		}
	}
	return batch
}

func (e Event) executionID() uuid.UUID {
	if e.Kind == LogAdded {
		return e.Execution
	}
	return e.ID
}

// sweep finds executions that reached a final status since shortly before the previous
// sweep and offers them to the execution subscriptions, with the state seen, so a
// subscriber that already sent it does not reload.
func (h *Hub) sweep(ctx context.Context) {
	defer h.sweptOnce()
	now := h.cfg.Now()
	since := h.lastSweep.Add(-sweepOverlap)
	if h.lastSweep.IsZero() {
		since = now.Add(-sweepOverlap)
	}

	h.mu.Lock()
	var ids []uuid.UUID
	some, all := false, true
	for s := range h.subs {
		if s.filter.Kind != ExecutionChanged {
			continue
		}
		some = true
		if s.filter.Execution == uuid.Nil {
			all = false
		} else {
			ids = append(ids, s.filter.Execution)
		}
	}
	h.mu.Unlock()
	if !some {
		h.lastSweep = now
		return
	}
	sys := authz.System(ctx, authz.ReasonChangeRouting)
	// The final statuses, matching the partial index on completed_at of ended executions.
	q := h.db.WorkflowExecution.Query().Where(workflowexecution.StatusIn(
		workflowexecution.StatusCOMPLETED, workflowexecution.StatusFAILED, workflowexecution.StatusCANCELLED))
	if all {
		q = q.Where(workflowexecution.IDIn(ids...), workflowexecution.CompletedAtNotNil())
	} else {
		q = q.Where(workflowexecution.CompletedAtGTE(since))
	}
	q = q.Order(ent.Asc(workflowexecution.FieldCompletedAt), ent.Asc(workflowexecution.FieldID))
	var after *ent.WorkflowExecution
	for range sweepPages {
		page := q.Clone()
		if after != nil {
			page = page.Where(workflowexecution.Or(
				workflowexecution.CompletedAtGT(*after.CompletedAt),
				workflowexecution.And(workflowexecution.CompletedAt(*after.CompletedAt), workflowexecution.IDGT(after.ID)),
			))
		}
		rows, err := page.Limit(sweepPage).Select(ExecutionSigFields...).All(sys)
		if err != nil {
			// The window stays where it was: the next sweep reads this one's rows again.
			if ctx.Err() == nil {
				h.cfg.Logger.Warn("sweep for final statuses", "error", err)
			}
			return
		}
		batch := make([]Event, len(rows))
		for i, r := range rows {
			batch[i] = Event{Kind: ExecutionChanged, ID: r.ID, Workflow: r.WorkflowID, sig: ExecutionSig(r)}
		}
		metrics.ChangeEvents.WithLabelValues("sweep").Add(float64(len(batch)))
		h.dispatch(ctx, batch)
		if len(rows) < sweepPage {
			h.lastSweep = now
			return
		}
		after = rows[len(rows)-1]
	}
	// Stopped at the bound: the next sweep goes on from the last row read.
	if !all {
		h.lastSweep = after.CompletedAt.Add(sweepOverlap)
	}
	h.cfg.Logger.Warn("sweep for final statuses stopped at its bound", "rows", sweepPage*sweepPages)
}

// ExecutionSigFields are the columns ExecutionSig reads (and the sweep's filters).
var ExecutionSigFields = []string{
	workflowexecution.FieldID, workflowexecution.FieldWorkflowID, workflowexecution.FieldStatus,
	workflowexecution.FieldRun, workflowexecution.FieldCurrentStep, workflowexecution.FieldStepRuns,
	workflowexecution.FieldStepAttempt, workflowexecution.FieldAttempt, workflowexecution.FieldCompletedAt,
}

// ExecutionSig is the state of an execution a subscriber sees change: status and position.
func ExecutionSig(ex *ent.WorkflowExecution) string {
	return fmt.Sprintf("%s/%d/%d/%d/%d/%d", ex.Status, ex.Run, ex.CurrentStep, ex.StepRuns, ex.StepAttempt, ex.Attempt)
}

func (h *Hub) closeAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for s := range h.subs {
		s.cut()
	}
}
