"""The lint engine: rules applied to documents, findings out, fixes applied."""
