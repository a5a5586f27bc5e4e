package auth

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// MaxTokenLen is the longest token Verify will parse; anything longer is refused before any
// decoding work.
const MaxTokenLen = 8 << 10

// MinSecretLen is the shortest HS256 secret Tokens accepts (256 bits).
const MinSecretLen = 32

// clockSkew is the leeway Verify allows on exp and iat, so replicas whose clocks differ by a
// few seconds accept each other's tokens.
const clockSkew = 30 * time.Second

// ErrInvalidToken is wrapped by every error Verify returns, so callers can answer
// UNAUTHENTICATED with a single errors.Is check. The jwt/v5 error (for example
// jwt.ErrTokenExpired) is wrapped too.
var ErrInvalidToken = errors.New("invalid token")

// Tokens issues and verifies short-lived HS256 access tokens (JWT). Secret must be at least
// MinSecretLen bytes and Audience must be set; Issuer is checked when set. Now defaults to
// time.Now.
type Tokens struct {
	Secret   []byte
	Audience string
	Issuer   string
	TTL      time.Duration
	Now      func() time.Time
}

// Claims is what a verified token says about its bearer.
type Claims struct {
	UserID    string
	Role      Role
	ID        string
	IssuedAt  time.Time
	ExpiresAt time.Time
}

// jwtClaims is the token's JSON payload: the registered claims plus the user's role.
type jwtClaims struct {
	jwt.RegisteredClaims
	Role Role `json:"role"`
}

// Issue signs a token for userID with role, valid for TTL from now. It returns the token and
// its expiry time.
func (t Tokens) Issue(userID string, role string) (token string, expiresAt time.Time, err error) {
	if err := t.check(); err != nil {
		return "", time.Time{}, fmt.Errorf("issue token: %w", err)
	}
	if t.TTL <= 0 {
		return "", time.Time{}, errors.New("issue token: TTL must be positive")
	}
	if userID == "" {
		return "", time.Time{}, errors.New("issue token: empty user id")
	}
	if !Role(role).IsValid() {
		return "", time.Time{}, fmt.Errorf("issue token: %q is not a valid role", role)
	}
	id, err := randomID()
	if err != nil {
		return "", time.Time{}, fmt.Errorf("issue token: %w", err)
	}
	now := t.now().Truncate(time.Second)
	expiresAt = now.Add(t.TTL)
	claims := jwtClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   userID,
			Audience:  jwt.ClaimStrings{t.Audience},
			Issuer:    t.Issuer,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(expiresAt),
			ID:        id,
		},
		Role: Role(role),
	}
	token, err = jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(t.Secret)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("issue token: sign: %w", err)
	}
	return token, expiresAt, nil
}

// Verify checks a token's size, algorithm (HS256 only), signature, audience, issuer (when
// configured), expiry (required) and issue time, and returns its claims. Every error wraps
// ErrInvalidToken.
func (t Tokens) Verify(token string) (Claims, error) {
	if err := t.check(); err != nil {
		return Claims{}, fmt.Errorf("verify token: %w", err)
	}
	if len(token) > MaxTokenLen {
		return Claims{}, fmt.Errorf("verify token: %w: longer than %d bytes", ErrInvalidToken, MaxTokenLen)
	}
	opts := []jwt.ParserOption{
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithAudience(t.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(clockSkew),
		jwt.WithTimeFunc(t.now),
	}
	if t.Issuer != "" {
		opts = append(opts, jwt.WithIssuer(t.Issuer))
	}
	var c jwtClaims
	_, err := jwt.NewParser(opts...).ParseWithClaims(token, &c, func(*jwt.Token) (any, error) {
		return t.Secret, nil
	})
	if err != nil {
		return Claims{}, fmt.Errorf("verify token: %w: %w", ErrInvalidToken, err)
	}
	if c.Subject == "" {
		return Claims{}, fmt.Errorf("verify token: %w: missing subject", ErrInvalidToken)
	}
	if !c.Role.IsValid() {
		return Claims{}, fmt.Errorf("verify token: %w: invalid role", ErrInvalidToken)
	}
	out := Claims{UserID: c.Subject, Role: c.Role, ID: c.ID, ExpiresAt: c.ExpiresAt.Time}
	if c.IssuedAt != nil {
		out.IssuedAt = c.IssuedAt.Time
	}
	return out, nil
}

// check reports configuration mistakes that would make tokens unsafe.
func (t Tokens) check() error {
	if len(t.Secret) < MinSecretLen {
		return fmt.Errorf("secret must be at least %d bytes", MinSecretLen)
	}
	if t.Audience == "" {
		return errors.New("audience must be set")
	}
	return nil
}

func (t Tokens) now() time.Time {
	if t.Now != nil {
		return t.Now()
	}
	return time.Now()
}

// randomID returns 16 random bytes in hex, used as the token's jti.
func randomID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("generate token id: %w", err)
	}
	return hex.EncodeToString(b), nil
}
