// Command flowline serves the Flowline GraphQL API: workflow automation for a CRM.
//
//	go run .                                   # embedded SQLite (flowline.db), playground at http://localhost:8080/
//	DATABASE_URL=postgres://... go run .       # PostgreSQL
//
//	flowline -roles worker                      # a worker-only process (execution engine, e-mail sender)
//	flowline user create --email E --token      # a user and an API token
//
// server.go only hands the command line to internal/app, which assembles the process.
package main

import (
	"fmt"
	"os"

	"github.com/flowline/flowline/internal/app"
)

func main() {
	if err := app.Main(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "flowline:", err)
		os.Exit(1)
	}
}
