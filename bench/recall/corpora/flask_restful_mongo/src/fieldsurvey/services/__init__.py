"""Domain services shared by the API, the web UI, the CLI and the worker."""
