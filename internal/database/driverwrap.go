package database

import (
	"context"
	stdsql "database/sql"

	"entgo.io/ent/dialect"
)

// startTx starts a transaction on drv (with opts when withOpts and drv takes options) and
// hands it to wrap, for the driver wrappers of this package (notify.go). Wrappers from
// outside, such as the tests' statement counter (internal/testsupport), come in through
// Options.Wrap.
func startTx(ctx context.Context, drv dialect.Driver, opts *TxOptions, withOpts bool, wrap func(dialect.Tx) dialect.Tx) (dialect.Tx, error) {
	var (
		tx  dialect.Tx
		err error
	)
	b, ok := drv.(interface {
		BeginTx(context.Context, *TxOptions) (dialect.Tx, error)
	})
	if withOpts && ok {
		tx, err = b.BeginTx(ctx, opts)
	} else {
		tx, err = drv.Tx(ctx)
	}
	if err != nil {
		return nil, err
	}
	return wrap(tx), nil
}

// execQuerier is what ent's generated ExecContext/QueryContext need from a driver.
type execQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error)
}
