"""Fuzzing harnesses for pooltrack (see fuzz/campaign.py and docs/reliability.md)."""
