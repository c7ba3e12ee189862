"""Shared fixtures: a fixed reference date so results never change with the calendar; no DNS."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import dns.resolver
import pytest

from jmo_validate import Policy

REFERENCE_DATE = date(2026, 11, 25)


@pytest.fixture
def policy() -> Policy:
    """The default scenario (profile update) on a fixed day."""
    return Policy.profile_update(reference_date=REFERENCE_DATE)


#: The only domains the offline DNS knows; every other name does not exist (NXDOMAIN).
MAIL_DOMAINS = frozenset({"gmail.com", "yahoo.co.id", "kantor.co.id"})


class OfflineResolver:
    """A DNS resolver that never touches the network (e-mail deliverability tests)."""

    lifetime: float = 1.0

    def resolve(self, name: str, rdtype: str) -> list[SimpleNamespace]:
        if name not in MAIL_DOMAINS:
            raise dns.resolver.NXDOMAIN
        if rdtype != "MX":
            raise dns.resolver.NoAnswer
        return [SimpleNamespace(preference=10, exchange=f"mx.{name}.")]


@pytest.fixture(autouse=True)
def offline_dns(monkeypatch: pytest.MonkeyPatch) -> OfflineResolver:
    """Every test runs with :class:`OfflineResolver` as dnspython's default resolver."""
    resolver = OfflineResolver()
    monkeypatch.setattr(dns.resolver, "get_default_resolver", lambda: resolver)
    return resolver
