"""Inputs: files, folders, tables and URLs become one lazy stream of `RawRecord`s, for a build and for `corpusprep clean`.

Readers never clean: they hand raw text (or the reason it could not be read) to whoever asks.
"""
