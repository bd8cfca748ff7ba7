"""The command line: parses options, calls the library, prints. Nothing else lives here."""
