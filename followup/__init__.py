"""Follow-up: triage rules, personal drafts, text checks, handwritten cards and calendar export."""
