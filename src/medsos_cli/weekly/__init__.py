"""The weekly evaluation report: metrics, conversation analysis, complaints, rendering."""
