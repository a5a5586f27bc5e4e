package main

// The whole code-generation chain: ent (with entgql writing graph/ent.graphqls), then gqlgen,
// then the merged schema.graphql (the API's contract).
//go:generate go run -mod=mod ./ent/entc.go
//go:generate go tool gqlgen generate
//go:generate go run ./internal/tools/schemadump
