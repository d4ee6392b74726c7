"""Notes service that follows the ten security patterns."""
