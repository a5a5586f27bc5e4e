// Package database opens Flowline's system of record: PostgreSQL (through lib/pq) when a
// postgres:// URL is given, otherwise an embedded SQLite file (pure Go, no cgo), and
// migrates the schema.
package database

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq"  // registers the "postgres" driver
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/flowline/flowline/ent"
	_ "github.com/flowline/flowline/ent/runtime" // defaults, validators and privacy policies
	"github.com/flowline/flowline/ent/user"
	"github.com/flowline/flowline/internal/authz"
)

// DefaultSQLitePath is the embedded database file used when no URL is configured.
const DefaultSQLitePath = "flowline.db"

// DB is an open database: the ent client plus what a few callers need below it.
type DB struct {
	Client  *ent.Client
	SQL     *sql.DB
	Dialect Dialect
	// URL is the connection string, kept for components that open their own
	// connections (PostgreSQL LISTEN).
	URL string
	// notify delivers LocalNotify within this process (SQLite).
	notify *notifier
	// driver is the ent client's driver (tests reach the statement cache through it).
	driver dialect.Driver
}

// Close closes the ent client and the connection pool.
func (d *DB) Close() error { return d.Client.Close() }

// Options tune Open.
type Options struct {
	// Wrap, when set, wraps the driver (tests count statements with it).
	Wrap func(dialect.Driver) dialect.Driver
	// StatementCache is how many parameterised statements a PostgreSQL pool keeps prepared
	// (see stmtCache): 0 means DefaultStatementCache, a negative number none (for a
	// connection pooler that cannot keep prepared statements).
	StatementCache int
}

// IsPostgresURL reports whether a DATABASE_URL names PostgreSQL.
func IsPostgresURL(raw string) bool {
	return strings.HasPrefix(raw, "postgres://") || strings.HasPrefix(raw, "postgresql://")
}

// CheckURL refuses a DATABASE_URL that names neither PostgreSQL (postgres://,
// postgresql://) nor SQLite (sqlite:PATH, file:PATH, or empty for the default file), rather
// than silently making a SQLite file of whatever it says.
func CheckURL(raw string) error {
	if raw == "" || IsPostgresURL(raw) || strings.HasPrefix(raw, "sqlite:") || strings.HasPrefix(raw, "file:") {
		return nil
	}
	return fmt.Errorf("database-url must start with postgres://, postgresql://, sqlite: or file: (empty: the SQLite file %s), got %q",
		DefaultSQLitePath, Redact(raw))
}

// Open connects to rawURL: "postgres://..." or "postgresql://..." for PostgreSQL, a path or
// "file:" URL for SQLite, or "" for the default SQLite file.
func Open(ctx context.Context, rawURL string, opts Options) (*DB, error) {
	var (
		db   *sql.DB
		name string
		err  error
	)
	switch {
	case strings.HasPrefix(rawURL, "postgres://"), strings.HasPrefix(rawURL, "postgresql://"):
		name = dialect.Postgres
		db, err = sql.Open("postgres", textResults(rawURL))
		if err == nil {
			db.SetMaxOpenConns(20)
			db.SetMaxIdleConns(20)
			db.SetConnMaxIdleTime(5 * time.Minute)
		}
	default:
		name = dialect.SQLite
		rawURL = sqliteDSN(strings.TrimPrefix(strings.TrimPrefix(rawURL, "sqlite:"), "//"))
		db, err = sql.Open("sqlite", rawURL)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", name, err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("connect to %s database: %w", name, redactErr(err, rawURL))
	}
	var drv dialect.Driver = entsql.OpenDB(name, db)
	if name == dialect.Postgres && opts.StatementCache >= 0 {
		size := opts.StatementCache
		if size == 0 {
			size = DefaultStatementCache
		}
		drv = newCachingDriver(db, size)
	}
	if opts.Wrap != nil {
		drv = opts.Wrap(drv)
	}
	if name == dialect.Postgres {
		drv = &deferringDriver{Driver: drv}
	}
	n := &notifier{}
	if name == dialect.SQLite {
		drv = &notifyingDriver{Driver: drv, n: n}
	}
	return &DB{Client: ent.NewClient(ent.Driver(drv)), SQL: db, Dialect: Dialect(name), URL: rawURL, notify: n, driver: drv}, nil
}

// textResults asks lib/pq for every result column as text, unless the URL says otherwise.
// For a prepared statement lib/pq would take uuid and integer columns in binary, then turn
// each binary uuid back into a fresh 36-character text: one allocation per uuid read (4,400
// in a 20×10×10 read), where a text uuid is scanned from the connection's buffer in place.
func textResults(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Query().Has("disable_prepared_binary_result") {
		return rawURL // a malformed URL fails in sql.Open's connection, with lib/pq's error
	}
	q := u.Query()
	q.Set("disable_prepared_binary_result", "yes")
	u.RawQuery = q.Encode()
	return u.String()
}

// migrateMu serialises migrations within a process: ent's schema diff (the drift check and
// the migration generator) writes into the shared, package-level table definitions
// (ent/migrate.Tables), and two goroutines applying migrations to the same SQLite file
// would otherwise both start on the same pending file.
var migrateMu sync.Mutex

// Migrate creates or upgrades the schema by applying the embedded versioned migrations of
// the dialect (internal/database/migrations), then fills in data the new schema expects. A
// database created by a release before versioned migrations is recognised and baselined
// (see applyMigrations). Processes starting together do not both apply: PostgreSQL
// serialises them with an advisory lock, SQLite with its write lock. It is safe to call
// concurrently on different databases, and a second call is a no-op.
func (d *DB) Migrate(ctx context.Context) error {
	dir, err := embeddedDir(d.Dialect)
	if err != nil {
		return fmt.Errorf("migrate schema: %w", err)
	}
	migrateMu.Lock()
	err = applyMigrations(ctx, d.SQL, d.Dialect, dir)
	migrateMu.Unlock()
	if err != nil {
		return fmt.Errorf("migrate schema: apply migrations: %w", err)
	}
	return d.fillEmailKeys(ctx)
}

// fillEmailKeys gives users created before users.email_key existed their key. A user whose
// email differs only in case from another's keeps none (and cannot sign in with a password
// until an admin resolves the duplicate), rather than stopping the start.
func (d *DB) fillEmailKeys(ctx context.Context) error {
	sys := authz.System(ctx, authz.ReasonMigration)
	legacy, err := d.Client.User.Query().Where(user.EmailKeyIsNil()).All(sys)
	if err != nil {
		return fmt.Errorf("migrate schema: read users without email_key: %w", err)
	}
	for _, u := range legacy {
		err := d.Client.User.UpdateOne(u).SetEmail(u.Email).Exec(sys) // the hook sets email_key
		if ent.IsConstraintError(err) {
			slog.WarnContext(ctx, "user email differs from another's only in case; it keeps no email_key", "user", u.ID)
			continue
		}
		if err != nil {
			return fmt.Errorf("migrate schema: fill users.email_key: %w", err)
		}
	}
	return nil
}

// sqliteDSN turns a path into a modernc.org/sqlite DSN with the pragmas Flowline relies on:
// foreign keys (cascading deletes), WAL (readers do not block the writer), a busy timeout and
// IMMEDIATE transactions, so two writers queue instead of failing with SQLITE_BUSY when a
// read lock cannot be upgraded.
func sqliteDSN(path string) string {
	if path == "" {
		path = DefaultSQLitePath
	}
	if !strings.HasPrefix(path, "file:") {
		path = "file:" + path
	}
	pragmas := []string{"foreign_keys(1)", "busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)"}
	q := url.Values{}
	for _, p := range pragmas {
		name, _, _ := strings.Cut(p, "(")
		if !strings.Contains(path, name) {
			q.Add("_pragma", p)
		}
	}
	if !strings.Contains(path, "_txlock") {
		q.Set("_txlock", "immediate")
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + q.Encode()
}

// redactErr keeps a password in the connection URL out of an error message.
func redactErr(err error, rawURL string) error {
	u, perr := url.Parse(rawURL)
	if perr != nil || u.User == nil {
		return err
	}
	if pw, ok := u.User.Password(); ok && pw != "" && strings.Contains(err.Error(), pw) {
		return fmt.Errorf("%s", strings.ReplaceAll(err.Error(), pw, "***"))
	}
	return err
}

// Redact returns rawURL with its password replaced, for logs.
func Redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.User == nil {
		return rawURL
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "***")
	}
	return u.String()
}
