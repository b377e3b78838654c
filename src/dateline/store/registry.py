"""The cross-story actor registry: one stable id per real-world actor across every stored story.

Tables (created by :mod:`dateline.store.duck`):

- ``registry``: ``actor_uid`` (``A000001``...), canonical ``name``, ``type``, ``surname``,
  ``country`` (of its latest code), ``first_seen``/``last_seen`` (story dates), ``n_documents``;
- ``registry_codes``: each code seen for the actor with the range of story dates it was seen in
  (``valid_from``/``valid_to``) and how many stories gave it;
- ``registry_aliases``: the names it went by ("Starmer", "Sir Keir", "the Prime Minister").

Linking a story's actor (the ``actors`` table's ``actor_uid``):

- countries by code; organisations by name or code;
- people by name, fuzzily (rapidfuzz token-sort ratio ≥ 90, so "Zelensky" and "Zelenskyy" spellings
  meet), and only when their countries agree: two people of one name from different countries
  are two actors;
- a person known only by a surname links to the one registered person with that surname; when
  several share it, it gets an actor of its own (named by the surname) instead: two different
  people are never merged silently.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

_PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "i", "we"}
_NAME_MATCH = 90


def _country(code: str | None) -> str | None:
    return code[:3] if code and len(code) >= 3 else None


class Registry:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def _new_uid(self) -> str:
        row = self.con.execute("SELECT count(*) FROM registry").fetchone()
        return f"A{(int(row[0]) if row else 0) + 1:06d}"

    def _find_person(self, name: str, country: str | None) -> str | None:
        from rapidfuzz import fuzz

        words = name.split()
        surname = words[-1].lower()
        rows = self.con.execute(
            "SELECT actor_uid, name, country FROM registry WHERE type = 'person' AND surname = ?", [surname]
        ).fetchall()
        if len(words) == 1:
            full = [r for r in rows if len(r[1].split()) > 1]
            exact = [r for r in rows if r[1].lower() == name.lower()]
            if len(full) == 1 and (country is None or full[0][2] in (None, country)):
                return str(full[0][0])
            return str(exact[0][0]) if exact else None
        best, best_score = None, 0.0
        for uid, other, other_country in rows:
            if country and other_country and country != other_country:
                continue
            if len(other.split()) == 1:
                continue  # a surname-only actor never absorbs a full name
            score = fuzz.token_sort_ratio(name.lower(), other.lower())
            if score >= _NAME_MATCH and score > best_score:
                best, best_score = str(uid), score
        return best

    def _find(self, actor: dict[str, Any]) -> str | None:
        kind, name, code = actor.get("type"), actor["name"], actor.get("code")
        if kind == "person":
            return self._find_person(name, _country(code))
        if kind == "country":
            row = self.con.execute(
                "SELECT r.actor_uid FROM registry r JOIN registry_codes c USING (actor_uid)"
                " WHERE r.type = 'country' AND c.code = ?",
                [code],
            ).fetchone()
            return str(row[0]) if row else None
        row = self.con.execute(
            "SELECT actor_uid FROM registry WHERE type = ? AND lower(name) = lower(?)", [kind, name]
        ).fetchone()
        return str(row[0]) if row else None

    def link(self, actor: dict[str, Any], text: str, day: dt.date | None, counted: set[str] | None = None) -> str:
        """The registry id for one of a story's actors, creating or updating its entry.

        ``counted`` holds ids this story was already counted for (when it is stored again with
        ``--replace``); those keep their counts, dates and aliases as they are.
        """
        uid = self._find(actor)
        if uid is not None and counted and uid in counted:
            return uid
        code = actor.get("code")
        if uid is None:
            uid = self._new_uid()
            self.con.execute(
                "INSERT INTO registry (actor_uid, name, type, surname, country, first_seen, last_seen, n_documents)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                [uid, actor["name"], actor.get("type"), actor["name"].split()[-1].lower(), _country(code), day, day],
            )
        self.con.execute(
            "UPDATE registry SET n_documents = n_documents + 1,"
            " first_seen = least(coalesce(first_seen, ?), coalesce(?, first_seen)),"
            " last_seen = greatest(coalesce(last_seen, ?), coalesce(?, last_seen)),"
            " country = coalesce(?, country) WHERE actor_uid = ?",
            [day, day, day, day, _country(code), uid],
        )
        if code:
            self.con.execute(
                "INSERT INTO registry_codes VALUES (?, ?, ?, ?, 1) ON CONFLICT DO UPDATE SET"
                " n_documents = registry_codes.n_documents + 1,"
                " valid_from = least(coalesce(registry_codes.valid_from, excluded.valid_from), excluded.valid_from),"
                " valid_to = greatest(coalesce(registry_codes.valid_to, excluded.valid_to), excluded.valid_to)",
                [uid, code, day, day],
            )
        aliases = {text[m["start"] : m["end"]].strip() for m in actor.get("mentions", [])}
        for alias in sorted(a for a in aliases if a and a.lower() not in _PRONOUNS):
            self.con.execute(
                "INSERT INTO registry_aliases VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET n = registry_aliases.n + 1",
                [uid, alias],
            )
        return uid
