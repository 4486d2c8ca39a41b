"""The Hugging Face Hub: `publish` one built version folder to a dataset repo, as an immutable tagged commit.

Reads a version folder only; never imports the build or the cleaning core.
"""
