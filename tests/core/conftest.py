"""Shared fixtures for the coaching core tests."""

from __future__ import annotations

import pytest

from bot.core.content import Content, load_content
from bot.core.faq import Faq
from bot.core.planner import Planner

_CONTENT: Content | None = None


def shipped_content() -> Content:
    """The content in ``content/``, loaded once per test run."""
    global _CONTENT  # noqa: PLW0603 - a read-only cache shared by fixtures and hypothesis tests
    if _CONTENT is None:
        _CONTENT = load_content()
    return _CONTENT


@pytest.fixture(scope="session")
def content() -> Content:
    """The shipped programme content."""
    return shipped_content()


@pytest.fixture(scope="session")
def planner(content: Content) -> Planner:
    """A planner over the shipped content."""
    return Planner(content)


@pytest.fixture(scope="session")
def faq(content: Content) -> Faq:
    """The shipped FAQ."""
    return content.faq
