package changes

import (
	"context"

	"github.com/google/uuid"
)

// maxReload bounds the events reloaded in one query.
const maxReload = 100

// Source is what Stream needs to turn a subscription's events into rows: load reads the
// rows of ids with the subscriber's permissions (a row the subscriber may not read is
// simply absent); gen identifies the dispatch the events came from, so subscribers with the
// same permissions and selection may share the load of one dispatch; sig is the row's state, so an unchanged row is not sent twice; keep
// filters rows (status filters). With EndWhenMissing, a row that cannot be reloaded (it was
// deleted) ends the stream.
type Source[T any] struct {
	Load           func(ctx context.Context, ids []uuid.UUID, gen uint64) (map[uuid.UUID]T, error)
	Sig            func(T) string
	Keep           func(T) bool
	EndWhenMissing bool
}

// Stream sends the rows behind sub's events to out until ctx ends, sub is cut off or (with
// EndWhenMissing) its row is gone, then closes sub. It returns why it stopped: ErrTooSlow,
// ErrStopped, a load error, or nil. The caller closes out.
func Stream[T any](ctx context.Context, sub *Subscription, src Source[T], out chan<- T) error {
	defer sub.Close()
	sent := map[uuid.UUID]string{}
	for {
		var first Event
		select {
		case <-ctx.Done():
			return nil
		case <-sub.Gone():
			return sub.Err()
		case first = <-sub.Events():
		}
		batch := []Event{first}
	more:
		for len(batch) < maxReload {
			select {
			case e := <-sub.Events():
				batch = append(batch, e)
			default:
				break more
			}
		}
		var ids []uuid.UUID
		var gen uint64
		seen := map[uuid.UUID]bool{}
		for _, e := range batch {
			gen = max(gen, e.seq)
			if seen[e.ID] || (e.sig != "" && sent[e.ID] == e.sig) {
				continue
			}
			seen[e.ID] = true
			ids = append(ids, e.ID)
		}
		if len(ids) == 0 {
			continue
		}
		rows, err := src.Load(ctx, ids, gen)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		for _, id := range ids {
			row, ok := rows[id]
			if !ok && src.EndWhenMissing {
				return nil
			}
			if !ok {
				continue
			}
			sig := src.Sig(row)
			if sent[id] == sig {
				continue
			}
			if len(sent) >= 4096 {
				clear(sent)
			}
			// Seen, even when filtered out: the sweep offers it again only once it changes.
			sent[id] = sig
			if src.Keep != nil && !src.Keep(row) {
				continue
			}
			select {
			case out <- row:
			case <-ctx.Done():
				return nil
			case <-sub.Gone():
				return sub.Err()
			}
		}
	}
}
