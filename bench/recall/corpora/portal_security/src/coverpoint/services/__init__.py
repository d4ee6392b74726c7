"""Domain services used by the views, the partner API and background tasks."""
