package main

// The whole code-generation chain: ent (with entgql writing graph/ent.graphqls), then gqlgen.
//go:generate go run -mod=mod ./ent/entc.go
//go:generate go tool gqlgen generate
