package database

import "database/sql"

// TxOptions are the standard library's transaction options, as ent's SQL driver takes them.
type TxOptions = sql.TxOptions
