"""The embedded DuckDB store: schema, schema version, idempotent upserts, errors, queries.

Documents are keyed by their content hash (SHA-256 of the decoded text), so storing the same
story twice changes nothing. Quotes, actors and events hang off the document by that key and
are written in the same transaction as the document, so a story is stored whole or not at all.
The schema is documented in ``docs/schema.md``.

Resumability: everything read from one input path (its documents, its errors, and the row in
``inputs`` that says the path is done) is written in **one transaction**. A process killed at
any moment leaves each path either fully stored or not at all, and a rerun skips the paths in
``inputs``, so every input ends up stored exactly once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from ..errors import DatelineError
from ..records import Document, InputError
from .registry import Registry

logger = logging.getLogger(__name__)

#: Version of the database layout. A database with another version is refused (E009).
SCHEMA_VERSION = 6

TABLES = ("documents", "quotes", "actors", "events", "errors", "inputs", "registry")
_MIGRATABLE = ("2", "3", "4", "5")
_QUOTE_COLUMNS = (
    "content_hash, quote_index, kind, start_char, end_char, text, cue_start, cue_end, cue_text,"
    " speaker_start, speaker_end, speaker_text, speaker_name, actor_id, rule, partials"
)
_INSERT_QUOTE = f"INSERT INTO quotes ({_QUOTE_COLUMNS}) VALUES ({', '.join('?' * 16)})"  # noqa: S608
_EVENT_COLUMNS = (
    "content_hash, event_index, start_char, end_char, text, source_actor, source_code, target_actor, target_code,"
    " cameo, plover, goldstein, quad_class, source_name, target_name, cameo_name, plover_mode, rule"
)
_INSERT_EVENT = f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({', '.join('?' * 18)})"  # noqa: S608

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    content_hash VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    source_path VARCHAR,
    headline VARCHAR,
    byline VARCHAR,
    dateline_text VARCHAR,
    dateline_place VARCHAR,
    dateline_region VARCHAR,
    dateline_date_text VARCHAR,
    dateline_date DATE,
    agencies VARCHAR[],
    credit VARCHAR,
    n_paragraphs INTEGER,
    n_quotes INTEGER,
    n_events INTEGER,
    text VARCHAR NOT NULL,
    record VARCHAR NOT NULL,
    language VARCHAR,
    status VARCHAR,
    duplicate_of VARCHAR,
    url VARCHAR,
    published VARCHAR,
    meta VARCHAR,
    dateline_version VARCHAR,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS quotes (
    content_hash VARCHAR NOT NULL,
    quote_index INTEGER NOT NULL,
    kind VARCHAR,
    start_char INTEGER,
    end_char INTEGER,
    text VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text VARCHAR,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text VARCHAR,
    speaker_name VARCHAR,
    actor_id VARCHAR,
    PRIMARY KEY (content_hash, quote_index)
);
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS rule VARCHAR;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS partials STRUCT(start_char INTEGER, end_char INTEGER, text VARCHAR)[];
CREATE TABLE IF NOT EXISTS actors (
    content_hash VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    name VARCHAR,
    code VARCHAR,
    n_mentions INTEGER,
    mentions VARCHAR,
    PRIMARY KEY (content_hash, actor_id)
);
ALTER TABLE actors ADD COLUMN IF NOT EXISTS type VARCHAR;
ALTER TABLE actors ADD COLUMN IF NOT EXISTS code_source VARCHAR;
ALTER TABLE actors ADD COLUMN IF NOT EXISTS actor_uid VARCHAR;
CREATE TABLE IF NOT EXISTS registry (
    actor_uid VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    type VARCHAR,
    surname VARCHAR,
    country VARCHAR,
    first_seen DATE,
    last_seen DATE,
    n_documents INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS registry_codes (
    actor_uid VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    valid_from DATE,
    valid_to DATE,
    n_documents INTEGER NOT NULL,
    PRIMARY KEY (actor_uid, code)
);
CREATE TABLE IF NOT EXISTS registry_aliases (
    actor_uid VARCHAR NOT NULL,
    alias VARCHAR NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (actor_uid, alias)
);
CREATE TABLE IF NOT EXISTS events (
    content_hash VARCHAR NOT NULL,
    event_index INTEGER NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    text VARCHAR,
    source_actor VARCHAR,
    source_code VARCHAR,
    target_actor VARCHAR,
    target_code VARCHAR,
    cameo VARCHAR,
    plover VARCHAR,
    goldstein DOUBLE,
    quad_class INTEGER,
    PRIMARY KEY (content_hash, event_index)
);
ALTER TABLE events ADD COLUMN IF NOT EXISTS source_name VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS target_name VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS cameo_name VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS plover_mode VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS rule VARCHAR;
CREATE TABLE IF NOT EXISTS errors (
    source_path VARCHAR NOT NULL,
    item VARCHAR NOT NULL DEFAULT '',
    code VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    recorded_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (source_path, item)
);
CREATE TABLE IF NOT EXISTS inputs (
    source_path VARCHAR PRIMARY KEY,
    n_documents INTEGER NOT NULL,
    n_errors INTEGER NOT NULL,
    finished_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS signatures (
    content_hash VARCHAR PRIMARY KEY,
    minhash UBIGINT[] NOT NULL
);
CREATE OR REPLACE VIEW unique_documents AS SELECT * FROM documents WHERE duplicate_of IS NULL;
CREATE OR REPLACE VIEW unique_quotes AS
    SELECT q.* FROM quotes q JOIN documents d USING (content_hash) WHERE d.duplicate_of IS NULL;
CREATE OR REPLACE VIEW unique_events AS
    SELECT e.* FROM events e JOIN documents d USING (content_hash) WHERE d.duplicate_of IS NULL;
CREATE OR REPLACE VIEW event_actors AS
    SELECT e.*, d.doc_id, COALESCE(d.dateline_date, TRY_CAST(d.published AS DATE)) AS story_date,
           sa.actor_uid AS source_uid, ta.actor_uid AS target_uid,
           sr.name AS source_registry_name, tr.name AS target_registry_name
    FROM events e
    JOIN documents d USING (content_hash)
    LEFT JOIN actors sa ON sa.content_hash = e.content_hash AND sa.actor_id = e.source_actor
    LEFT JOIN actors ta ON ta.content_hash = e.content_hash AND ta.actor_id = e.target_actor
    LEFT JOIN registry sr ON sr.actor_uid = sa.actor_uid
    LEFT JOIN registry tr ON tr.actor_uid = ta.actor_uid
    WHERE d.duplicate_of IS NULL;
"""


def _partials(quote: dict[str, Any], text: str) -> list[dict[str, Any]] | None:
    """The partial quotes a record holds (``--partials inside``), as rows of the list column."""
    spans = quote.get("partials")
    if not spans:
        return None
    return [{"start_char": p["start"], "end_char": p["end"], "text": text[p["start"] : p["end"]]} for p in spans]


def _span(record: dict[str, Any], key: str) -> tuple[int | None, int | None]:
    span = record.get(key)
    if not span:
        return None, None
    return int(span["start"]), int(span["end"])


class Store:
    """A dateline database file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, create: bool = True, read_only: bool = False) -> None:
        self.path = str(path)
        if not create and not Path(self.path).exists():
            raise DatelineError("E010", path=self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise DatelineError("E013", path=self.path, reason=str(exc)) from exc
        if not read_only:
            self._create_or_migrate()
        self._check_version()

    def _create_or_migrate(self) -> None:
        """Create the schema; bring a version 2-5 database up to date (the changes only add)."""
        tables = {row[0] for row in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        found = None
        if "meta" in tables:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            found = row[0] if row else None
        if found not in (None, str(SCHEMA_VERSION), *_MIGRATABLE):
            return  # refused by _check_version with E009
        self.con.execute(_SCHEMA)
        if found in _MIGRATABLE:
            # Version 5 added quotes.rule: the stored records still hold it.
            self.con.execute(
                "UPDATE quotes SET rule = json_extract_string(documents.record,"
                " '$.quotes[' || quotes.quote_index || '].rule') FROM documents"
                " WHERE quotes.content_hash = documents.content_hash AND quotes.rule IS NULL"
            )
            self._fill_partials()
        self.con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO UPDATE SET value = excluded.value",
            [str(SCHEMA_VERSION)],
        )

    def _fill_partials(self) -> None:
        """Version 6 added quotes.partials: copy them from the stored records that have them."""
        rows = self.con.execute(
            "SELECT content_hash, text, record FROM documents WHERE contains(record, '\"partials\"')"
        ).fetchall()
        for key, text, record in rows:
            for index, quote in enumerate(json.loads(record).get("quotes", [])):
                if quote.get("partials"):
                    self.con.execute(
                        "UPDATE quotes SET partials = ? WHERE content_hash = ? AND quote_index = ?",
                        [_partials(quote, text), key, index],
                    )

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException as exc:
            raise DatelineError("E009", path=self.path, found="none", expected=SCHEMA_VERSION) from exc
        found = row[0] if row else "none"
        if found != str(SCHEMA_VERSION):
            raise DatelineError("E009", path=self.path, found=found, expected=SCHEMA_VERSION)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # writing -------------------------------------------------------------------------------

    def has(self, content_hash: str) -> bool:
        row = self.con.execute("SELECT 1 FROM documents WHERE content_hash = ?", [content_hash]).fetchone()
        return row is not None

    def add(self, document: Document, *, replace: bool = False) -> bool:
        """Store one document with its quotes, actors and events. Returns False if it was there.

        With ``replace``, an existing copy (same content hash) is replaced, e.g. after an
        upgrade of dateline changed the analysis.
        """
        with self._transaction():
            return self._write_document(document, replace=replace)

    def add_result(self, source_path: str, items: Sequence[Document | InputError], *, replace: bool = False) -> int:
        """Store everything read from one input, and mark the input done, in one transaction.

        Returns how many documents were new.
        """
        added = 0
        with self._transaction():
            self.con.execute("DELETE FROM errors WHERE source_path = ?", [source_path])
            for item in items:
                if isinstance(item, InputError):
                    self._write_error(item)
                elif self._write_document(item, replace=replace):
                    added += 1
            n_errors = sum(isinstance(item, InputError) for item in items)
            self.con.execute(
                "INSERT OR REPLACE INTO inputs (source_path, n_documents, n_errors) VALUES (?, ?, ?)",
                [source_path, len(items) - n_errors, n_errors],
            )
        return added

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _write_document(self, document: Document, *, replace: bool) -> bool:
        key = document.content_hash
        if self.has(key) and not replace:
            self._clear_error(document.story.source_path)
            return False
        record = document.to_dict()
        story = document.story
        dl = story.dateline
        # Replacing a story: its actors are already counted in the registry; do not count them twice.
        counted = {
            row[0] for row in self.con.execute("SELECT actor_uid FROM actors WHERE content_hash = ?", [key]).fetchall()
        }
        for table in ("quotes", "actors", "events", "documents", "signatures"):
            self.con.execute(f"DELETE FROM {table} WHERE content_hash = ?", [key])  # noqa: S608
        self.con.execute(
            "INSERT INTO documents (content_hash, doc_id, source_path, headline, byline, dateline_text,"
            " dateline_place, dateline_region, dateline_date_text, dateline_date, agencies, credit,"
            " n_paragraphs, n_quotes, n_events, text, record, language, status, duplicate_of, url, published,"
            " meta, dateline_version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                key,
                story.doc_id,
                story.source_path,
                story.headline_text,
                story.byline_text,
                dl.text if dl else None,
                dl.place if dl else None,
                dl.region if dl else None,
                dl.date_text if dl else None,
                dl.date if dl else None,
                story.agencies,
                story.credit.text if story.credit else None,
                len(story.paragraphs),
                len(document.quotes),
                len(document.events),
                story.text,
                json.dumps(record, ensure_ascii=False),
                story.language,
                story.status,
                document.duplicate_of,
                story.meta.get("url"),
                story.meta.get("date"),
                json.dumps(story.meta, ensure_ascii=False, default=str),
                document.version,
            ],
        )
        self._insert_children(key, document, counted)
        if document.signature is not None:
            self.con.execute("INSERT INTO signatures VALUES (?, ?)", [key, document.signature])
        self._clear_error(story.source_path)
        return True

    def _insert_children(self, key: str, document: Document, counted: set[str]) -> None:
        text = document.story.text
        quotes = []
        for i, q in enumerate(document.quotes):
            cue, speaker = _span(q, "cue"), _span(q, "speaker")
            quotes.append(
                [
                    key,
                    i,
                    q.get("kind"),
                    q["start"],
                    q["end"],
                    text[q["start"] : q["end"]],
                    cue[0],
                    cue[1],
                    text[cue[0] : cue[1]] if cue[0] is not None else None,
                    speaker[0],
                    speaker[1],
                    text[speaker[0] : speaker[1]] if speaker[0] is not None else None,
                    q.get("speaker_name"),
                    q.get("actor_id"),
                    q.get("rule"),
                    _partials(q, text),
                ]
            )
        if quotes:
            self.con.executemany(_INSERT_QUOTE, quotes)
        registry = Registry(self.con)
        day = dt.date.fromisoformat(document.story.date) if document.story.date else None
        actors = [
            [
                key,
                a["id"],
                a.get("name"),
                a.get("code"),
                len(a.get("mentions", [])),
                json.dumps(a.get("mentions", [])),
                a.get("type"),
                a.get("code_source"),
                registry.link(a, text, day, counted) if document.duplicate_of is None else None,
            ]
            for a in document.actors
        ]
        if actors:
            self.con.executemany(
                "INSERT INTO actors (content_hash, actor_id, name, code, n_mentions, mentions, type, code_source,"
                " actor_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                actors,
            )
        events = [
            [
                key,
                i,
                e["start"],
                e["end"],
                text[e["start"] : e["end"]],
                e.get("source_actor"),
                e.get("source_code"),
                e.get("target_actor"),
                e.get("target_code"),
                e.get("cameo"),
                e.get("plover"),
                e.get("goldstein"),
                e.get("quad_class"),
                e.get("source_name"),
                e.get("target_name"),
                e.get("cameo_name"),
                e.get("plover_mode"),
                e.get("rule"),
            ]
            for i, e in enumerate(document.events)
        ]
        if events:
            self.con.executemany(_INSERT_EVENT, events)

    def add_error(self, error: InputError) -> None:
        """Record an input (or item) that could not be stored; the latest error for it wins."""
        self._write_error(error)

    def _write_error(self, error: InputError) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO errors (source_path, item, code, message) VALUES (?, ?, ?, ?)",
            [error.source_path, error.item, error.code, error.message],
        )

    def _clear_error(self, source_path: str | None) -> None:
        if source_path:
            self.con.execute("DELETE FROM errors WHERE source_path = ? AND item = ''", [source_path])

    def done_paths(self) -> set[str]:
        """Input paths whose results are fully stored (skipped when ingesting again)."""
        return {row[0] for row in self.con.execute("SELECT source_path FROM inputs").fetchall()}

    def signatures(self) -> Iterator[tuple[str, list[int]]]:
        """Stored MinHash signatures of first copies, in ingestion order (to seed a DuplicateIndex)."""
        cursor = self.con.execute(
            "SELECT s.content_hash, s.minhash FROM signatures s JOIN documents d USING (content_hash)"
            " WHERE d.duplicate_of IS NULL ORDER BY d.ingested_at, d.doc_id"
        )
        while rows := cursor.fetchmany(1000):
            for key, values in rows:
                yield key, list(values)

    # reading -------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        out = {}
        for table in TABLES:
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608
            out[table] = int(row[0]) if row else 0
        return out

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run SQL; returns column names and rows. Errors become E011."""
        try:
            cursor = self.con.execute(sql, list(params))
            columns = [d[0] for d in cursor.description or []]
            return columns, cursor.fetchall()
        except duckdb.Error as exc:
            raise DatelineError("E011", reason=str(exc).splitlines()[0]) from exc

    def records(self) -> Iterable[dict[str, Any]]:
        """Stored document records (the ``extract`` JSON), in ingestion order."""
        cursor = self.con.execute("SELECT record FROM documents ORDER BY ingested_at, doc_id")
        while rows := cursor.fetchmany(500):
            for (record,) in rows:
                yield json.loads(record)

    def registry_rows(self) -> tuple[list[str], list[tuple[Any, ...]]]:
        """The cross-story actors with their codes (and date ranges), aliases and story counts."""
        return self.query(
            "SELECT r.actor_uid, r.name, r.type,"
            " string_agg(DISTINCT c.code || ' ' || coalesce(CAST(c.valid_from AS VARCHAR), '?') || '..'"
            " || coalesce(CAST(c.valid_to AS VARCHAR), '?'), ', ') AS codes,"
            " r.n_documents,"
            " (SELECT string_agg(alias, ' | ' ORDER BY n DESC, alias) FROM registry_aliases a"
            "  WHERE a.actor_uid = r.actor_uid) AS aliases"
            " FROM registry r LEFT JOIN registry_codes c USING (actor_uid)"
            " GROUP BY r.actor_uid, r.name, r.type, r.n_documents ORDER BY r.n_documents DESC, r.actor_uid"
        )

    @property
    def schema_version(self) -> int:
        return SCHEMA_VERSION
