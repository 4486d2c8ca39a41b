"""The command lines: `corpusprep` (`main`) and `build-dataset` (`build_dataset`), thin layers over the library."""
