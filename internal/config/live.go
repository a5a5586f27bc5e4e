package config

import (
	"fmt"
	"strconv"
	"strings"
)

// Live configures subscriptions: the event bus between processes and the limits.
type Live struct {
	// EventBus is "" (the database's default), "postgres", "local" or a nats:// URL.
	EventBus string
	// SubscriptionsPerCaller, SubscriptionsPerConnection and ConnectionsPerCaller bound
	// what one caller holds open in one process.
	SubscriptionsPerCaller     int
	SubscriptionsPerConnection int
	ConnectionsPerCaller       int
}

var liveSettings = []Setting{
	{"event-bus", "EVENT_BUS", "", "how processes tell each other's subscribers about changes: empty = PostgreSQL LISTEN/NOTIFY (this process only on SQLite), postgres, local, or nats://host:4222[?subject=name]"},
	{"subscriptions-per-caller", "SUBSCRIPTIONS_PER_CALLER", "100", "subscriptions one caller may hold open in one process"},
	{"subscriptions-per-connection", "SUBSCRIPTIONS_PER_CONNECTION", "20", "subscriptions one WebSocket connection may hold open"},
	{"connections-per-caller", "CONNECTIONS_PER_CALLER", "20", "WebSocket and SSE connections one caller may hold open in one process"},
}

func loadLive(vals map[string]*string) (Live, error) {
	l := Live{EventBus: strings.TrimSpace(*vals["event-bus"])}
	switch {
	case l.EventBus == "", l.EventBus == "postgres", l.EventBus == "local",
		strings.HasPrefix(l.EventBus, "nats://"), strings.HasPrefix(l.EventBus, "tls://"):
	default:
		return Live{}, fmt.Errorf("event-bus must be empty, postgres, local or a nats:// URL, got %q", l.EventBus)
	}
	for _, s := range []struct {
		flag string
		dst  *int
	}{
		{"subscriptions-per-caller", &l.SubscriptionsPerCaller},
		{"subscriptions-per-connection", &l.SubscriptionsPerConnection},
		{"connections-per-caller", &l.ConnectionsPerCaller},
	} {
		n, err := strconv.Atoi(*vals[s.flag])
		if err != nil || n < 1 || n > 100000 {
			return Live{}, fmt.Errorf("%s must be a whole number from 1 to 100000, got %q", s.flag, *vals[s.flag])
		}
		*s.dst = n
	}
	return l, nil
}
