package auth

import "strings"

// EmailKey is the one rule by which two user emails are the same account: compared without
// regard to case ("Ada@Example.com" is "ada@example.com"). The users table keeps it in a
// unique column, so the database, not a check before the insert, refuses a second account.
func EmailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }
