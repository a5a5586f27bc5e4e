package app

import (
	"context"
	"log/slog"

	"github.com/flowline/flowline/internal/changes"
	"github.com/flowline/flowline/internal/config"
	"github.com/flowline/flowline/internal/database"
)

// startLive connects the process to the event bus: every committed change to executions,
// logs and workflows is published, and the API role's hub delivers other processes' changes
// to its subscribers until ctx ends. The returned function stops publishing (after sending
// what is queued) and closes the bus: call it once the worker has stopped, so the changes it
// commits while stopping are still published.
func startLive(ctx context.Context, cfg config.Config, db *database.DB, logger *slog.Logger) (*changes.Hub, func(), error) {
	bus, err := changes.Open(cfg.Live.EventBus, db)
	if err != nil {
		return nil, nil, err
	}
	pub := changes.NewPublisher(bus, logger)
	changes.Capture(db.Client, pub)
	pubCtx, stopPub := context.WithCancel(context.WithoutCancel(ctx))
	published := make(chan struct{})
	go func() {
		defer close(published)
		pub.Run(pubCtx)
	}()
	var hub *changes.Hub
	if cfg.Engine.API {
		hub = changes.NewHub(db.Client, changes.HubConfig{
			PerCaller:     cfg.Live.SubscriptionsPerCaller,
			PerConnection: cfg.Live.SubscriptionsPerConnection,
			Logger:        logger,
		})
		go hub.Run(ctx, bus)
	}
	logger.Info("event bus ready", "bus", bus.String())
	return hub, func() {
		stopPub()
		<-published
		_ = bus.Close()
	}, nil
}
