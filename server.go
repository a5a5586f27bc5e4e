// Command flowline serves the Flowline GraphQL API: workflow automation for a CRM.
//
//	go run .                                   # embedded SQLite (flowline.db), playground at http://localhost:8080/
//	DATABASE_URL=postgres://... go run .       # PostgreSQL
//
//	flowline -roles worker                      # a worker-only process (execution engine, e-mail sender)
//	flowline user create --email E --token      # a user and an API token
//	flowline help                               # every subcommand
//
// server.go only hands the command line to internal/app, which assembles the process.
package main

import (
	"os"

	"github.com/flowline/flowline/internal/app"
)

func main() { os.Exit(app.Main(os.Args[1:], os.Stdout, os.Stderr)) }
