package ent

// The ent type Contact is published as the GraphQL type Client (see ent/entc.go). entgql's
// field collector only loads the columns of fragments whose type condition it recognises,
// so it must also accept "... on Client".
func init() {
	contactImplementors = append(contactImplementors, "Client")
}
