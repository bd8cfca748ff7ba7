"""The province view: the account registry, the Parquet hand-over and the roll-up.

pyarrow and DuckDB are imported inside the functions that need them, never at module level:
``medsos lint`` and the weekly report must not pay for them at start-up.
"""
