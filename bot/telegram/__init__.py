"""The Telegram layer: callback data, rendering and keyboards."""
