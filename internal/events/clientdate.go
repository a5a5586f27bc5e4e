package events

import (
	"context"

	"github.com/flowline/flowline/ent"
	"github.com/flowline/flowline/internal/clientdate"
	"github.com/flowline/flowline/internal/database"
	"github.com/flowline/flowline/internal/workflow/spec"
)

// syncClientDates moves the pending CLIENT_DATE runs of the client an event is about, in the
// change's transaction, so a date changed or cleared moves or removes its run atomically
// with the change. CLIENT_CREATED and CLIENT_UPDATED carry every client change.
func syncClientDates(ctx context.Context, tx *ent.Client, ev Event) error {
	if ev.ClientID == nil || ev.Client == nil {
		return nil
	}
	switch ev.Type {
	case spec.TriggerClientCreated:
		return clientdate.Sync(ctx, tx, *ev.ClientID, ev.Client, nil, database.Now())
	case spec.TriggerClientUpdated:
		return clientdate.Sync(ctx, tx, *ev.ClientID, ev.Client, ev.ChangedFields, database.Now())
	default:
		return nil
	}
}
