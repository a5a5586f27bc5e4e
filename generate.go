package main

// The whole code-generation chain: ent (with entgql writing graph/ent.graphqls), then gqlgen
// and gqlgenfast's rewrites of its executor (per-object and per-field costs of large answers),
// then the merged schema.graphql (the API's contract).
//go:generate go run -mod=mod ./ent/entc.go
//go:generate go tool gqlgen generate
//go:generate go run ./internal/tools/gqlgenfast graph/generated.go
//go:generate go run ./internal/tools/schemadump
