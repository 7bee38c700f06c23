"""The assistant: understand a question, retrieve passages, compose a cited answer, evaluate."""
