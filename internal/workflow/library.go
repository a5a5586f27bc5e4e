package workflow

// Template is a built-in workflow template. Key is a stable slug: installing the library matches
// on it, so restarts do not duplicate templates and users' copies are never overwritten.
type Template struct {
	Key         string     `json:"key"`
	Name        string     `json:"name"`
	Description string     `json:"description"`
	Definition  Definition `json:"definition"`
}

// BuiltinTemplates returns the built-in template library, freshly built on each call so callers
// may modify the result. Every template passes Validate and has no loop warnings.
func BuiltinTemplates() []Template {
	return []Template{
		{
			Key:         "welcome-email",
			Name:        "Welcome email for new clients",
			Description: "Sends a welcome email when a client with an email address is created.",
			Definition: Definition{
				TriggerType:   TriggerClientCreated,
				TriggerConfig: map[string]any{},
				Conditions:    map[string]any{"field": "email", "operator": OpExists},
				Actions: []Action{{
					Type: ActionSendEmail,
					Name: "Send welcome email",
					Config: map[string]any{
						"to":      "{{client.email}}",
						"subject": "Welcome, {{client.name}}!",
						"body":    "Hello {{client.name}},\n\nThank you for choosing us. Reply to this email with any question: we are here to help.\n\nBest regards,\n{{client.owner.name}}",
					},
				}},
			},
		},
		{
			Key:         "vip-follow-up",
			Name:        "VIP follow-up task",
			Description: "Creates a high-priority follow-up task for the owner when a client tagged vip is created.",
			Definition: Definition{
				TriggerType:   TriggerClientCreated,
				TriggerConfig: map[string]any{},
				Conditions:    map[string]any{"field": "tags", "operator": OpContains, "value": "vip"},
				Actions: []Action{{
					Type: ActionCreateTask,
					Name: "Follow up with the VIP",
					Config: map[string]any{
						"title":    "Follow up with VIP client {{client.name}}",
						"priority": "HIGH",
						"dueDays":  1,
					},
				}},
			},
		},
		{
			Key:         "onboarding-on-active",
			Name:        "Onboarding when a client becomes active",
			Description: "When a client's status changes to ACTIVE: sends an onboarding email, schedules a kick-off call and notes it on the timeline.",
			Definition: Definition{
				TriggerType:   TriggerClientStatusChanged,
				TriggerConfig: map[string]any{"to": []any{"ACTIVE"}},
				Actions: []Action{
					{
						Type: ActionSendEmail,
						Name: "Send onboarding email",
						Config: map[string]any{
							"to":      "{{client.email}}",
							"subject": "Getting started, {{client.name}}",
							"body":    "Hello {{client.name}},\n\nWelcome aboard! We will contact you shortly to plan your kick-off.\n\nBest regards,\n{{client.owner.name}}",
						},
						OnError: OnErrorContinue,
					},
					{
						Type:   ActionCreateTask,
						Name:   "Plan the kick-off call",
						Config: map[string]any{"title": "Kick-off call with {{client.name}}", "priority": "HIGH", "dueDays": 3},
					},
					{
						Type:   ActionLogActivity,
						Config: map[string]any{"message": "Onboarding started: status changed from {{trigger.oldStatus}} to {{trigger.newStatus}}."},
					},
				},
			},
		},
		{
			Key:         "document-review",
			Name:        "Review uploaded documents",
			Description: "Creates a review task when a PDF or an image is uploaded for a client.",
			Definition: Definition{
				TriggerType:   TriggerDocumentUploaded,
				TriggerConfig: map[string]any{"contentTypes": []any{"application/pdf", "image/*"}},
				Actions: []Action{{
					Type:   ActionCreateTask,
					Name:   "Review the document",
					Config: map[string]any{"title": "Review {{document.name}} from {{client.name}}", "priority": "MEDIUM", "dueDays": 2},
				}},
			},
		},
		{
			Key:         "stale-leads-weekly",
			Name:        "Weekly reminder for stale leads",
			Description: "Every Monday at 09:00 UTC, creates a task for the workflow's owner to follow up on leads without recent contact.",
			Definition: Definition{
				TriggerType:   TriggerScheduled,
				TriggerConfig: map[string]any{"cron": "0 9 * * 1", "timezone": "UTC"},
				Actions: []Action{{
					Type:   ActionCreateTask,
					Name:   "Review stale leads",
					Config: map[string]any{"title": "Weekly review: follow up on leads not contacted in the last 14 days", "priority": "MEDIUM", "dueDays": 2},
				}},
			},
		},
		{
			Key:         "tag-by-email-domain",
			Name:        "Tag clients by email domain",
			Description: "Tags each new client with its email domain (domain:example.com), to group clients by company.",
			Definition: Definition{
				TriggerType:   TriggerClientCreated,
				TriggerConfig: map[string]any{},
				Conditions:    map[string]any{"field": "email", "operator": OpExists},
				Actions: []Action{{
					Type:   ActionAddTag,
					Config: map[string]any{"tag": "domain:{{client.emailDomain}}"},
				}},
			},
		},
		{
			Key:         "notify-owner-on-churn",
			Name:        "Notify the owner when a client churns",
			Description: "Emails the client's owner and schedules a win-back call when a client's status changes to CHURNED.",
			Definition: Definition{
				TriggerType:   TriggerClientStatusChanged,
				TriggerConfig: map[string]any{"to": []any{"CHURNED"}},
				Conditions:    map[string]any{"field": "owner.email", "operator": OpExists},
				Actions: []Action{
					{
						Type: ActionSendEmail,
						Name: "Tell the owner",
						Config: map[string]any{
							"to":      "{{client.owner.email}}",
							"subject": "{{client.name}} has churned",
							"body":    "Hello {{client.owner.name}},\n\n{{client.name}} ({{client.email}}) changed from {{trigger.oldStatus}} to CHURNED at {{now}}.",
						},
					},
					{
						Type:   ActionCreateTask,
						Name:   "Win-back call",
						Config: map[string]any{"title": "Win-back call with {{client.name}}", "priority": "URGENT", "dueDays": 1},
					},
				},
			},
		},
		{
			Key:         "status-change-webhook",
			Name:        "Send status changes to an external system",
			Description: "Posts every client status change as JSON to a webhook URL (replace the example URL).",
			Definition: Definition{
				TriggerType:   TriggerClientStatusChanged,
				TriggerConfig: map[string]any{},
				Actions: []Action{{
					Type: ActionSendWebhook,
					Name: "Post the change",
					Config: map[string]any{
						"url":    "https://example.com/hooks/flowline",
						"method": "POST",
						"body": map[string]any{
							"event":    "client.status_changed",
							"clientId": "{{client.id}}",
							"name":     "{{client.name}}",
							"from":     "{{trigger.oldStatus}}",
							"to":       "{{trigger.newStatus}}",
							"at":       "{{now}}",
						},
					},
					Retry: &RetryPolicy{MaxAttempts: 5, InitialBackoff: "2s", MaxBackoff: "5m"},
				}},
			},
		},
		{
			Key:         "high-priority-task-done",
			Name:        "Log completed high-priority tasks",
			Description: "Notes on the client's timeline when one of their HIGH or URGENT tasks is completed.",
			Definition: Definition{
				TriggerType:   TriggerTaskCompleted,
				TriggerConfig: map[string]any{"priority": []any{"HIGH", "URGENT"}},
				Actions: []Action{{
					Type:   ActionLogActivity,
					Config: map[string]any{"message": "Completed {{task.priority}} task: {{task.title}}"},
				}},
			},
		},
		{
			Key:         "reengage-inactive",
			Name:        "Re-engage inactive clients",
			Description: "Thirty days after a client becomes INACTIVE, sends a check-in email if they are still inactive.",
			Definition: Definition{
				TriggerType:   TriggerClientStatusChanged,
				TriggerConfig: map[string]any{"to": []any{"INACTIVE"}},
				Actions: []Action{
					{Type: ActionDelay, Config: map[string]any{"days": 30}},
					{
						Type: ActionSendEmail,
						Name: "Check in",
						Config: map[string]any{
							"to":      "{{client.email}}",
							"subject": "We miss you, {{client.name}}",
							"body":    "Hello {{client.name}},\n\nIt has been a while. Is there anything we can help you with?",
						},
					},
				},
			},
		},
		{
			Key:         "route-leads-by-source",
			Name:        "Route new leads by source",
			Description: "A lead form posts to this workflow's webhook (?clientId=<client>) with {\"source\": ...}: web leads get a call task within a day, paid leads are tagged for the ads report, the rest are tagged for review.",
			Definition: Definition{
				TriggerType:   TriggerWebhook,
				TriggerConfig: map[string]any{},
				Actions: []Action{{
					Key:  "route",
					Type: ActionSwitch,
					Name: "Route by source",
					Cases: []Case{
						{Name: "web", Conditions: map[string]any{"field": "trigger.data.source", "operator": OpEquals, "value": "web"}, Actions: []Action{
							{Type: ActionCreateTask, Config: map[string]any{"clientId": "{{client.id}}", "title": "Call web lead {{client.name}}", "priority": "HIGH", "dueDays": 1}},
						}},
						{Name: "paid", Conditions: map[string]any{"field": "trigger.data.source", "operator": OpIn, "value": []any{"ads", "google", "linkedin"}}, Actions: []Action{
							{Type: ActionAddTag, Config: map[string]any{"clientId": "{{client.id}}", "tag": "paid"}},
						}},
					},
					Default: []Action{{Type: ActionAddTag, Config: map[string]any{"clientId": "{{client.id}}", "tag": "review-source"}}},
				}},
			},
		},
		{
			Key:         "weekly-stale-vip-leads",
			Name:        "Weekly stale VIP leads",
			Description: "Every Monday at 9:00 UTC, finds VIP leads untouched for 14 days: a lead without an owner gets a task to assign one, the owner of any other gets an email.",
			Definition: Definition{
				TriggerType:   TriggerScheduled,
				TriggerConfig: map[string]any{"cron": "0 9 * * 1"},
				Actions: []Action{
					{Key: "stale", Type: ActionFindClients, Name: "Find stale VIP leads", Config: map[string]any{
						"where": map[string]any{"all": []any{
							map[string]any{"field": "status", "operator": OpEquals, "value": "LEAD"},
							map[string]any{"field": "tags", "operator": OpContains, "value": "vip"},
							map[string]any{"expr": `timestamp(client.updatedAt) < timestamp(now) - duration("336h")`},
						}},
						"orderBy": "updatedAt", "limit": 200,
					}},
					{Type: ActionForEach, Name: "Each stale lead", Config: map[string]any{"items": "{{steps.stale.output.clients}}", "as": "lead", "continueOnItemError": true}, Body: []Action{{
						Type:   ActionIf,
						Config: map[string]any{"conditions": map[string]any{"field": "lead.ownerId", "operator": OpNotExists}},
						Then: []Action{{Type: ActionCreateTask, Config: map[string]any{
							"clientId": "{{lead.id}}", "title": "Assign an owner to VIP lead {{lead.name}}", "priority": "HIGH", "dueDays": 1,
						}}},
						Else: []Action{{Type: ActionSendEmail, Config: map[string]any{
							"clientId": "{{lead.id}}", "to": "{{lead.owner.email}}",
							"subject": "{{lead.name}} has not been contacted in 14 days",
							"body":    "Hello {{lead.owner.name}},\n\nYour VIP lead {{lead.name}} ({{lead.email}}) has had no activity for two weeks.",
						}}},
					}}},
				},
			},
		},
		{
			Key:         "score-new-clients",
			Name:        "Score new clients",
			Description: "Asks a scoring service about each new client and tags the client hot when the score is above 80. Replace the URL with your service's (and allow its address if it is private).",
			Definition: Definition{
				TriggerType:   TriggerClientCreated,
				TriggerConfig: map[string]any{},
				Actions: []Action{
					{Key: "score", Type: ActionHTTPRequest, Name: "Ask the scoring service", Config: map[string]any{
						"url": "https://scoring.example.com/score?email={{client.email}}", "method": "GET", "expectStatus": []any{200}, "timeoutSeconds": 10,
					}},
					{Type: ActionIf, Name: "Hot?", Config: map[string]any{"conditions": map[string]any{"expr": "double(steps.score.output.body.score) > 80.0"}},
						Then: []Action{{Type: ActionAddTag, Config: map[string]any{"tag": "hot"}}}},
				},
			},
		},
		{
			Key:         "activate-when-tasks-done",
			Name:        "Activate a client when all their tasks are done",
			Description: "When a task is completed, sets its client ACTIVE if none of the client's tasks is still open.",
			Definition: Definition{
				TriggerType:   TriggerTaskCompleted,
				TriggerConfig: map[string]any{},
				Actions: []Action{
					{Key: "open", Type: ActionFindTasks, Name: "Find open tasks", Config: map[string]any{
						"where": map[string]any{"all": []any{
							map[string]any{"field": "clientId", "operator": OpEquals, "value": "{{client.id}}"},
							map[string]any{"field": "completedAt", "operator": OpNotExists},
						}},
						"limit": 1,
					}},
					{Type: ActionIf, Name: "All done?", Config: map[string]any{"conditions": map[string]any{"field": "steps.open.output.count", "operator": OpEquals, "value": 0}},
						Then: []Action{{Type: ActionUpdateClient, Config: map[string]any{"set": map[string]any{"status": "ACTIVE"}}}}},
				},
			},
		},
	}
}
