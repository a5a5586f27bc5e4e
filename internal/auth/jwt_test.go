package auth

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var (
	testSecret = []byte("0123456789abcdef0123456789abcdef")
	testStart  = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
)

func testTokens(now time.Time) Tokens {
	return Tokens{
		Secret:   testSecret,
		Audience: "flowline-api",
		Issuer:   "flowline",
		TTL:      15 * time.Minute,
		Now:      func() time.Time { return now },
	}
}

func TestIssueVerifyRoundTrip(t *testing.T) {
	tokens := testTokens(testStart)
	token, exp, err := tokens.Issue("user-1", "EDITOR")
	if err != nil {
		t.Fatal(err)
	}
	if want := testStart.Add(15 * time.Minute); !exp.Equal(want) {
		t.Fatalf("expiresAt = %v, want %v", exp, want)
	}
	c, err := tokens.Verify(token)
	if err != nil {
		t.Fatal(err)
	}
	if c.UserID != "user-1" || c.Role != RoleEditor || c.ID == "" ||
		!c.IssuedAt.Equal(testStart) || !c.ExpiresAt.Equal(exp) {
		t.Fatalf("claims = %+v", c)
	}

	header, payload := decodeParts(t, token)
	if header["alg"] != "HS256" {
		t.Fatalf("alg = %v, want HS256", header["alg"])
	}
	for _, k := range []string{"sub", "aud", "iss", "exp", "iat", "jti", "role"} {
		if _, ok := payload[k]; !ok {
			t.Errorf("payload lacks %q: %v", k, payload)
		}
	}
}

func TestIssueRejects(t *testing.T) {
	tests := []struct {
		name   string
		tokens Tokens
		user   string
		role   string
	}{
		{"short secret", Tokens{Secret: []byte("short"), Audience: "a", TTL: time.Minute}, "u", "ADMIN"},
		{"no audience", Tokens{Secret: testSecret, TTL: time.Minute}, "u", "ADMIN"},
		{"no TTL", Tokens{Secret: testSecret, Audience: "a"}, "u", "ADMIN"},
		{"empty user", testTokens(testStart), "", "ADMIN"},
		{"invalid role", testTokens(testStart), "u", "ROOT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := tt.tokens.Issue(tt.user, tt.role); err == nil {
				t.Fatal("Issue succeeded, want an error")
			}
		})
	}
}

func TestVerifyRejects(t *testing.T) {
	tokens := testTokens(testStart)
	valid, _, err := tokens.Issue("user-1", "ADMIN")
	if err != nil {
		t.Fatal(err)
	}
	validClaims := func() jwt.MapClaims {
		return jwt.MapClaims{
			"sub": "user-1", "role": "ADMIN", "aud": "flowline-api", "iss": "flowline",
			"iat": testStart.Unix(), "exp": testStart.Add(time.Hour).Unix(),
		}
	}
	with := func(change func(jwt.MapClaims)) string {
		c := validClaims()
		change(c)
		return signHS(t, jwt.SigningMethodHS256, c, testSecret)
	}
	_, validPayload, _ := strings.Cut(valid, ".")
	validPayload, _, _ = strings.Cut(validPayload, ".")

	tests := []struct {
		name    string
		token   string
		verify  Tokens
		wantJWT error // a jwt/v5 sentinel the error must also wrap, when relevant
	}{
		{name: "alg none", token: algNoneToken(validClaims())},
		{name: "alg none with the valid payload", token: rawJWT(`{"alg":"none","typ":"JWT"}`) + "." + validPayload + "."},
		{name: "alg HS512", token: signHS(t, jwt.SigningMethodHS512, validClaims(), testSecret), wantJWT: jwt.ErrTokenSignatureInvalid},
		{name: "expired", token: valid, verify: testTokens(testStart.Add(time.Hour)), wantJWT: jwt.ErrTokenExpired},
		{name: "wrong audience", token: valid, verify: func() Tokens { v := tokens; v.Audience = "other"; return v }(), wantJWT: jwt.ErrTokenInvalidAudience},
		{name: "wrong issuer", token: valid, verify: func() Tokens { v := tokens; v.Issuer = "other"; return v }(), wantJWT: jwt.ErrTokenInvalidIssuer},
		{name: "wrong signature", token: signHS(t, jwt.SigningMethodHS256, validClaims(), []byte("another-secret-another-secret-xx")), wantJWT: jwt.ErrTokenSignatureInvalid},
		{name: "tampered payload", token: tamper(valid), wantJWT: jwt.ErrTokenSignatureInvalid},
		{name: "missing exp", token: with(func(c jwt.MapClaims) { delete(c, "exp") }), wantJWT: jwt.ErrTokenRequiredClaimMissing},
		{name: "missing audience", token: with(func(c jwt.MapClaims) { delete(c, "aud") })},
		{name: "issued in the future", token: with(func(c jwt.MapClaims) { c["iat"] = testStart.Add(time.Hour).Unix() }), wantJWT: jwt.ErrTokenUsedBeforeIssued},
		{name: "missing subject", token: with(func(c jwt.MapClaims) { delete(c, "sub") })},
		{name: "invalid role", token: with(func(c jwt.MapClaims) { c["role"] = "ROOT" })},
		{name: "garbage", token: "not a token", wantJWT: jwt.ErrTokenMalformed},
		{name: "empty", token: "", wantJWT: jwt.ErrTokenMalformed},
		{name: "two segments", token: "a.b", wantJWT: jwt.ErrTokenMalformed},
		{name: "over 8 KiB", token: strings.Repeat(".", MaxTokenLen+1)},
		{name: "a megabyte of dots", token: strings.Repeat(".", 1<<20)},
		{name: "verifier with short secret", token: valid, verify: Tokens{Secret: []byte("x"), Audience: "flowline-api"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tokens
			if tt.verify.Secret != nil {
				v = tt.verify
			}
			c, err := v.Verify(tt.token)
			if err == nil {
				t.Fatalf("Verify accepted the token: %+v", c)
			}
			if tt.verify.Secret == nil && !errors.Is(err, ErrInvalidToken) {
				t.Errorf("error %v does not wrap ErrInvalidToken", err)
			}
			if tt.wantJWT != nil && !errors.Is(err, tt.wantJWT) {
				t.Errorf("error %v does not wrap %v", err, tt.wantJWT)
			}
		})
	}
}

func TestVerifyAllowsSmallClockSkew(t *testing.T) {
	token, _, err := testTokens(testStart).Issue("user-1", "VIEWER")
	if err != nil {
		t.Fatal(err)
	}
	// A replica whose clock is five seconds behind still accepts the token.
	if _, err := testTokens(testStart.Add(-5 * time.Second)).Verify(token); err != nil {
		t.Fatal(err)
	}
}

// signHS signs claims with an HMAC method through jwt/v5.
func signHS(t *testing.T, m jwt.SigningMethod, c jwt.MapClaims, secret []byte) string {
	t.Helper()
	s, err := jwt.NewWithClaims(m, c).SignedString(secret)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// algNoneToken builds an unsigned token by hand, as an attacker would.
func algNoneToken(c jwt.MapClaims) string {
	payload, _ := json.Marshal(c)
	return rawJWT(`{"alg":"none","typ":"JWT"}`) + "." + base64.RawURLEncoding.EncodeToString(payload) + "."
}

func rawJWT(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// tamper changes the role in the payload and keeps the original signature.
func tamper(token string) string {
	parts := strings.Split(token, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	payload = []byte(strings.Replace(string(payload), `"ADMIN"`, `"VIEWER"`, 1))
	parts[1] = base64.RawURLEncoding.EncodeToString(payload)
	return strings.Join(parts, ".")
}

func decodeParts(t *testing.T, token string) (header, payload map[string]any) {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("token has %d parts", len(parts))
	}
	for i, dst := range []*map[string]any{&header, &payload} {
		b, err := base64.RawURLEncoding.DecodeString(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, dst); err != nil {
			t.Fatal(err)
		}
	}
	return header, payload
}
