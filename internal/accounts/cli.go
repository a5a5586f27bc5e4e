package accounts

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/flowline/flowline/internal/auth"
	"github.com/flowline/flowline/internal/database"
)

// RunCLI runs `flowline user create ...` (args start after "user"). It opens the database
// named by -database-url or DATABASE_URL, migrates it and creates the user, printing the API
// token on stdout when -token is given.
func RunCLI(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: flowline user create --email E [--name N] [--role ADMIN|EDITOR|VIEWER] [--token] [--password-stdin] [--database-url URL]")
	}
	fs := flag.NewFlagSet("flowline user create", flag.ContinueOnError)
	fs.SetOutput(stderr)
	email := fs.String("email", "", "the user's email (required)")
	name := fs.String("name", "", "display name (default: the email)")
	role := fs.String("role", "EDITOR", "ADMIN, EDITOR or VIEWER")
	token := fs.Bool("token", false, "create an API token and print it")
	pwStdin := fs.Bool("password-stdin", false, "read a password from the first line of standard input")
	dbURL := fs.String("database-url", getenv("DATABASE_URL"), "PostgreSQL URL; empty = embedded SQLite file flowline.db")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (flags start with -)", fs.Arg(0))
	}
	if *email == "" {
		return errors.New("-email is required")
	}
	var password string
	if *pwStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read password: %w", err)
		}
		password = strings.TrimRight(line, "\r\n")
	}
	if err := database.CheckURL(*dbURL); err != nil {
		return err
	}
	db, err := database.Open(ctx, *dbURL, database.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	u, tok, err := Create(ctx, db.Client, NewUser{
		Email: *email, Name: *name, Role: auth.Role(strings.ToUpper(*role)), Password: password, Token: *token,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "created %s user %s (%s)\n", u.Role, u.Email, u.ID)
	if tok != "" {
		fmt.Fprintln(stdout, tok)
	}
	return nil
}
