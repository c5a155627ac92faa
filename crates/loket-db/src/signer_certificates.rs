//! Tables `signer_certificates` and `trusted_roots`: the X.509 certificate (never the key)
//! each signing account registered once, and the root certificates the office trusts to
//! check a letter's signature chain. Rows are only ever added.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE signer_certificates (
    id             INTEGER PRIMARY KEY NOT NULL,
    account_id     TEXT NOT NULL REFERENCES accounts (id),
    fingerprint    TEXT NOT NULL UNIQUE,        -- SHA-256 of the DER certificate, hex
    subject        TEXT NOT NULL,
    issuer         TEXT NOT NULL,
    issuer_name    TEXT NOT NULL,               -- printed in the TTE footer
    serial_number  TEXT NOT NULL,               -- subject serialNumber (NIK), or ''
    not_before     TEXT NOT NULL,               -- RFC 3339 UTC
    not_after      TEXT NOT NULL,
    names_nip      INTEGER NOT NULL,            -- 1 when the certificate names the account's NIP/NIK
    der            BLOB NOT NULL,
    registered_by  TEXT NOT NULL REFERENCES accounts (id),
    registered_at  TEXT NOT NULL                -- RFC 3339, office time
) STRICT;
CREATE INDEX signer_certificates_by_account ON signer_certificates (account_id);
CREATE TABLE trusted_roots (
    fingerprint  TEXT PRIMARY KEY NOT NULL,
    subject      TEXT NOT NULL,
    not_after    TEXT NOT NULL,
    der          BLOB NOT NULL,
    imported_by  TEXT NOT NULL REFERENCES accounts (id),
    imported_at  TEXT NOT NULL
) STRICT;
";

/// A registered signer certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignerCertificateRow {
    pub id: i64,
    pub account_id: String,
    pub fingerprint: String,
    pub subject: String,
    pub issuer: String,
    pub issuer_name: String,
    pub serial_number: String,
    pub not_before: String,
    pub not_after: String,
    pub names_nip: bool,
    pub der: Vec<u8>,
    pub registered_by: String,
    pub registered_at: String,
}

/// A trusted root certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustedRootRow {
    pub fingerprint: String,
    pub subject: String,
    pub not_after: String,
    pub der: Vec<u8>,
    pub imported_by: String,
    pub imported_at: String,
}

const CERT_COLUMNS: &str = "id, account_id, fingerprint, subject, issuer, issuer_name, serial_number, not_before, not_after, names_nip, der, registered_by, registered_at";

fn cert(r: &rusqlite::Row) -> rusqlite::Result<SignerCertificateRow> {
    Ok(SignerCertificateRow {
        id: r.get(0)?,
        account_id: r.get(1)?,
        fingerprint: r.get(2)?,
        subject: r.get(3)?,
        issuer: r.get(4)?,
        issuer_name: r.get(5)?,
        serial_number: r.get(6)?,
        not_before: r.get(7)?,
        not_after: r.get(8)?,
        names_nip: r.get::<_, i64>(9)? == 1,
        der: r.get(10)?,
        registered_by: r.get(11)?,
        registered_at: r.get(12)?,
    })
}

fn root(r: &rusqlite::Row) -> rusqlite::Result<TrustedRootRow> {
    Ok(TrustedRootRow {
        fingerprint: r.get(0)?,
        subject: r.get(1)?,
        not_after: r.get(2)?,
        der: r.get(3)?,
        imported_by: r.get(4)?,
        imported_at: r.get(5)?,
    })
}

impl Db {
    /// Every registered signer certificate, newest registration first per account.
    pub fn signer_certificates(&self) -> Result<Vec<SignerCertificateRow>, DbError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {CERT_COLUMNS} FROM signer_certificates ORDER BY account_id, id DESC"
        ))?;
        let rows = stmt.query_map([], cert)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The certificate with this fingerprint, whoever registered it.
    pub fn signer_certificate(
        &self,
        fingerprint: &str,
    ) -> Result<Option<SignerCertificateRow>, DbError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {CERT_COLUMNS} FROM signer_certificates WHERE fingerprint = ?1"),
                [fingerprint],
                cert,
            )
            .optional()?)
    }

    /// Every trusted root, by subject.
    pub fn trusted_roots(&self) -> Result<Vec<TrustedRootRow>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT fingerprint, subject, not_after, der, imported_by, imported_at
             FROM trusted_roots ORDER BY subject",
        )?;
        let rows = stmt.query_map([], root)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Tx<'_> {
    /// Registers a signer certificate; returns its id.
    pub fn add_signer_certificate(&self, c: &SignerCertificateRow) -> Result<i64, DbError> {
        self.tx.execute(
            "INSERT INTO signer_certificates (account_id, fingerprint, subject, issuer, issuer_name,
                 serial_number, not_before, not_after, names_nip, der, registered_by, registered_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                c.account_id,
                c.fingerprint,
                c.subject,
                c.issuer,
                c.issuer_name,
                c.serial_number,
                c.not_before,
                c.not_after,
                i64::from(c.names_nip),
                c.der,
                c.registered_by,
                c.registered_at
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Adds a trusted root; `false` when it was already trusted.
    pub fn add_trusted_root(&self, r: &TrustedRootRow) -> Result<bool, DbError> {
        let n = self.tx.execute(
            "INSERT INTO trusted_roots (fingerprint, subject, not_after, der, imported_by, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (fingerprint) DO NOTHING",
            params![
                r.fingerprint,
                r.subject,
                r.not_after,
                r.der,
                r.imported_by,
                r.imported_at
            ],
        )?;
        Ok(n == 1)
    }
}
