// Package customfields knows the custom client fields that ADMINs define (ent's CustomField,
// the API's ClientField): it checks definitions, checks and merges the values a client
// stores in custom_fields, and tells the workflow validator their types.
package customfields
