package sendemail

import (
	"maps"
	"slices"
)

// emailTemplates are the built-in email bodies that a SEND_EMAIL step names with templateId
// instead of writing a body. They are ordinary placeholder text, checked against the
// trigger's context like any body (the client ones need a trigger that has a client).
var emailTemplates = map[string]string{
	"welcome": "Hello {{client.name}},\n\nwelcome aboard! We are glad to have you with us. " +
		"Reply to this email whenever you have a question.\n",
	"follow-up": "Hello {{client.name}},\n\nthank you for your time. We wanted to follow up " +
		"and see whether there is anything else we can help you with.\n",
	"status-update": "Hello {{client.name}},\n\nyour account status is now {{client.status}}.\n",
	"document-received": "Hello {{client.name}},\n\nwe received your document " +
		"\"{{document.name}}\". Thank you!\n",
}

// EmailTemplateIDs lists the built-in email templates, sorted.
func EmailTemplateIDs() []string { return slices.Sorted(maps.Keys(emailTemplates)) }

// Prepare returns a config whose templateId names a built-in template and that has no body
// with the template's text as its body, ready to be checked for placeholders and rendered;
// any other config is returned as it is. The stored definition keeps only the templateId.
func (Type) Prepare(cfg map[string]any) map[string]any {
	if body, found := cfg["body"]; found && body != nil && body != "" {
		return cfg
	}
	id, _ := cfg["templateId"].(string)
	text, ok := emailTemplates[id]
	if !ok {
		return cfg
	}
	out := maps.Clone(cfg)
	out["body"] = text
	return out
}
