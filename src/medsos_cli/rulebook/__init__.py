"""Rulebooks: the SOP as YAML data, loaded into typed, validated rules."""
