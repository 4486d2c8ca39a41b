"""The dataset on disk: its columns (`schema`), Parquet shards, the card, versions and the diff between two.

Knows nothing of cleaning or of how a build ran: it writes and reads what it is given.
"""
