"""Enrolment codes, device tokens and the consoles repository (the server's store)."""

from __future__ import annotations

import datetime as dt

import pytest

from console.domain import consoles
from console.domain.consoles import BadConsoleName, console_name, digest, new_code, normalise_code
from console.storage.postgres.store import PostgresStore

NOW = dt.datetime(2026, 12, 4, 9, 30, tzinfo=dt.UTC)


def test_codes_are_typed_back_whatever_the_case_and_dashes() -> None:
    code = new_code()
    assert len(code) == 19 and code.count("-") == 3
    assert not set(code.replace("-", "")) & set("01IO")
    assert normalise_code(code.lower().replace("-", " ")) == code
    assert new_code() != code  # 80 random bits


def test_tokens_are_long_and_stored_as_digests() -> None:
    token = consoles.new_token()
    assert len(token) >= 43
    assert digest(token) != token and len(digest(token)) == 64
    assert digest(token) == digest(token)


@pytest.mark.parametrize(
    ("typed", "message"),
    [("   ", "needs a name"), ("x" * 81, "at most 80"), ("Desk\x07", "control characters")],
)
def test_console_names(typed: str, message: str) -> None:
    with pytest.raises(BadConsoleName, match=message):
        console_name(typed)
    assert console_name("  Front   desk 2 ") == "Front desk 2"


def test_a_code_works_once_and_not_after_it_expires(postgres_store: PostgresStore) -> None:
    store = postgres_store
    one, two = digest("AAAA-BBBB-CCCC-DDDD"), digest("EEEE-FFFF-GGGG-HHHH")
    store.write_now(
        lambda r: r.consoles.add_code(one, expires_at=NOW + dt.timedelta(hours=1), made_by="op")
    )
    store.write_now(
        lambda r: r.consoles.add_code(two, expires_at=NOW + dt.timedelta(hours=1), made_by="op")
    )
    take = store.write_now
    assert take(lambda r: r.consoles.take_code(one, now=NOW)) is True
    assert take(lambda r: r.consoles.take_code(one, now=NOW)) is False  # one time only
    later = NOW + dt.timedelta(hours=1)
    assert take(lambda r: r.consoles.take_code(two, now=later)) is False  # expired
    assert take(lambda r: r.consoles.take_code(digest("nothing"), now=NOW)) is False


def test_enrolled_consoles_are_found_by_token_and_revoked_once(
    postgres_store: PostgresStore,
) -> None:
    write = postgres_store.write_now
    read = postgres_store.read_now
    a = write(lambda r: r.consoles.add("Front desk", token_digest=digest("t-a"), at=NOW, by="op"))
    b = write(lambda r: r.consoles.add("Calls 1", token_digest=digest("t-b"), at=NOW, by="op"))
    assert a.id != b.id and a.active and a.enrolled_at == NOW
    assert read(lambda r: r.consoles.by_token(digest("t-b"))) == b
    assert read(lambda r: r.consoles.by_token(digest("t-c"))) is None
    assert [c.name for c in read(lambda r: r.consoles.all())] == ["Calls 1", "Front desk"]
    first = NOW + dt.timedelta(minutes=5)
    revoked = write(lambda r: r.consoles.revoke(b.id, at=first, by="admin"))
    assert revoked is not None and not revoked.active and revoked.revoked_by == "admin"
    again = write(lambda r: r.consoles.revoke(b.id, at=first + dt.timedelta(hours=1), by="x"))
    assert again is not None and again.revoked_at == first and again.revoked_by == "admin"
    assert write(lambda r: r.consoles.revoke(9999, at=first, by="admin")) is None
    with pytest.raises(Exception, match="token_digest"):  # one token, one console
        write(lambda r: r.consoles.add("Copy", token_digest=digest("t-a"), at=NOW, by="op"))
