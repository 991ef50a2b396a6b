"""Use cases: what the coach does with each message, shared by Telegram and the terminal chat."""
