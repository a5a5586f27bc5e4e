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
// to its subscribers. It runs until ctx ends; the returned function closes the bus.
func startLive(ctx context.Context, cfg config.Config, db *database.DB, logger *slog.Logger) (*changes.Hub, func(), error) {
	bus, err := changes.Open(cfg.Live.EventBus, db)
	if err != nil {
		return nil, nil, err
	}
	pub := changes.NewPublisher(bus, logger)
	changes.Capture(db.Client, pub)
	go pub.Run(ctx)
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
	return hub, func() { _ = bus.Close() }, nil
}
