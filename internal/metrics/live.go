package metrics

import "github.com/prometheus/client_golang/prometheus"

// Subscriptions: what the change events and their subscribers are doing.
var (
	// Subscriptions is the number of open GraphQL subscriptions in this process.
	Subscriptions = func() prometheus.Gauge {
		g := prometheus.NewGauge(prometheus.GaugeOpts{Name: "flowline_subscriptions", Help: "Open GraphQL subscriptions in this process."})
		Registry.MustRegister(g)
		return g
	}()
	// ChangeEvents counts change events received by this process's hub, by source (bus or sweep).
	ChangeEvents = counterVec("flowline_change_events_total", "Change events received by this process's subscription hub, by source (bus, sweep).", "source")
	// ChangeEventsDropped counts change events lost before delivery, by where (publisher: its
	// queue was full; hub: it was too far behind). Subscribers catch up on final statuses by sweep.
	ChangeEventsDropped = counterVec("flowline_change_events_dropped_total", "Change events dropped, by where (publisher queue full, hub behind); final statuses are swept.", "where")
	// SubscribersCut counts subscriptions the server ended because they did not keep up.
	SubscribersCut = counter("flowline_subscribers_cut_total", "Subscriptions ended because the subscriber did not keep up with its events.")
)
