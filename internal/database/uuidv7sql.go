package database

import "fmt"

// UUIDv7SQL is PostgreSQL SQL for a UUIDv7 as the server makes them: the millisecond of the
// timestamp expression at, then the integer expression n as the counter, so rows made by one
// set-based statement are ordered as if made one after another (random ids would scatter
// their index entries, which the server's never do). For seeding benchmarks' backlogs.
func UUIDv7SQL(at, n string) string {
	return fmt.Sprintf("(lpad(to_hex(floor(extract(epoch FROM %s) * 1000)::bigint), 12, '0') || '70008' || lpad(to_hex(%s), 15, '0'))::uuid", at, n)
}
