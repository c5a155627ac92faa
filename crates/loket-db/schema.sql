CREATE TABLE office (
    id           TEXT PRIMARY KEY NOT NULL,
    identity     TEXT NOT NULL,          -- JSON of loket_domain::catalog::Office
    hours        TEXT NOT NULL,          -- JSON of OfficeHours
    source_sha256 TEXT NOT NULL,         -- hash of the imported profile text
    imported_at  TEXT NOT NULL           -- RFC 3339, office time
) STRICT;

CREATE TABLE parties (
    id      TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL,
    ord     INTEGER NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE people (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL,
    nip          TEXT NOT NULL,
    pangkat      TEXT,
    golongan     TEXT,
    position_id  TEXT REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    jabatan      TEXT,
    acting       TEXT,
    ord          INTEGER NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE positions (
    id          TEXT PRIMARY KEY NOT NULL,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    unit_id     TEXT REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    reports_to  TEXT REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    ord         INTEGER NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE service_versions (
    service_id   TEXT NOT NULL REFERENCES services (id),
    standard_id  TEXT NOT NULL REFERENCES standards (id),
    effective    TEXT NOT NULL,          -- YYYY-MM-DD the standard took effect
    data         TEXT NOT NULL,          -- JSON of loket_domain::catalog::ServiceVersion
    active       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (service_id, standard_id)
) STRICT;

CREATE TABLE services (
    id       TEXT PRIMARY KEY NOT NULL,
    name     TEXT NOT NULL,              -- name in the newest version
    unit_id  TEXT NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    ord      INTEGER NOT NULL,
    active   INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE sops (
    id      TEXT PRIMARY KEY NOT NULL,
    data    TEXT NOT NULL,               -- JSON of loket_domain::catalog::Sop
    ord     INTEGER NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE standards (
    id         TEXT PRIMARY KEY NOT NULL,
    effective  TEXT NOT NULL,              -- YYYY-MM-DD
    data       TEXT NOT NULL,              -- JSON of loket_domain::catalog::Standard
    active     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE units (
    id      TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    parent  TEXT REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    ord     INTEGER NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;
