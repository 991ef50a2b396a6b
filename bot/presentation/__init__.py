"""Presentation: every word, piece of HTML, keyboard and callback code the bot shows (pure).

Imports only ``bot.core``; python-telegram-bot never appears here. Callers pass plain
text; every user string is escaped here, once (``bot.presentation.html.escape_text``).
"""
