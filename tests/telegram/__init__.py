"""Tests for the Telegram layer."""
