"""Drafting posts from approved Jinja templates (``medsos draft``, ``medsos templates``).

The pieces: ``schema`` (fields of a content type), ``values`` (parsing what the user typed),
``roster`` (officials), ``filters`` (Indonesian forms), ``catalog`` (template folders),
``lock`` (approval by SHA-256), ``render`` (the sandbox) and ``draft`` (the orchestrator).
"""
