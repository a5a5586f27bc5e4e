package database

import (
	"context"
	"fmt"

	"github.com/flowline/flowline/ent"
)

// InTx runs fn in one transaction of db and commits it, or rolls it back when fn fails or
// panics (the panic goes on). db must not be a transactional client itself.
func InTx(ctx context.Context, db *ent.Client, fn func(tx *ent.Client) error) (err error) {
	tx, err := db.Tx(ctx)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit transaction: %w", err)
	}
	return nil
}
