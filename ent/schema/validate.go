package schema

import (
	"errors"
	"strings"
)

// notBlank refuses names and titles made only of spaces: NotEmpty alone lets "   " through,
// and such a record cannot be told apart from others in a list.
func notBlank(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("must not be blank")
	}
	return nil
}
