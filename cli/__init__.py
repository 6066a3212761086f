"""The `drafting` command line: thin - it parses arguments, calls the library, prints."""
