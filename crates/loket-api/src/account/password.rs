//! Argon2id password hashes in PHC form; the password itself is never stored.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::{ApiError, ErrorCode};

/// Shortest password accepted.
pub const MIN_LEN: usize = 10;

/// Passwords too common to protect an account, one a line (`#` starts a comment).
const COMMON: &str = include_str!("common_passwords.txt");

/// Refuses a password shorter than [`MIN_LEN`] characters, equal to the login (in any case),
/// or in the shipped list of common passwords, saying why and what to choose instead.
///
/// Errors: `BadInput`.
pub(crate) fn check(login: &str, password: &str) -> Result<(), ApiError> {
    let n = password.chars().count();
    if n < MIN_LEN {
        return Err(ApiError::bad_input(format!(
            "kata sandi terlalu pendek ({n} karakter); gunakan paling sedikit {MIN_LEN} karakter, misalnya beberapa kata yang mudah diingat"
        )));
    }
    let lower = password.trim().to_lowercase();
    if lower == login.trim().to_lowercase() {
        return Err(ApiError::bad_input(
            "kata sandi tidak boleh sama dengan nama akun; pilih kata sandi lain",
        ));
    }
    let common = COMMON
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|l| l.to_lowercase() == lower);
    if common {
        return Err(ApiError::bad_input(
            "kata sandi ini terlalu umum dan mudah ditebak; pilih kata sandi lain, misalnya beberapa kata yang hanya Anda ketahui",
        ));
    }
    Ok(())
}

/// Checks the password against the policy for `login`, then hashes with Argon2id and a
/// fresh random salt.
///
/// Errors: `BadInput` from [`check`].
pub(crate) fn hash(login: &str, password: &str) -> Result<String, ApiError> {
    check(login, password)?;
    hash_unchecked(password)
}

fn hash_unchecked(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("kata sandi gagal diolah: {e}")))
}

/// The SHA-256 of a stored hash, recorded in the audit trail by the acts that set a password
/// so `loket check` sees a hash replaced in the file. It holds nothing a password could be
/// guessed from (the salt stays in the hash, which stays in the accounts table).
pub(crate) fn fingerprint(hash: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(hash.as_bytes()))
}

/// Spends the time of one verification on a hash no password matches, so that an unknown
/// login answers as slowly as a wrong password (login names cannot be told apart by time).
pub(crate) fn verify_nothing(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hash =
        DUMMY.get_or_init(|| hash_unchecked("loket: tidak ada akun ini").unwrap_or_default());
    let _ = verify(password, hash);
}

/// Whether `password` matches the stored PHC `hash`.
pub(crate) fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_and_salted() {
        let a = hash("sri", "rahasia-dinas").unwrap();
        let b = hash("sri", "rahasia-dinas").unwrap();
        assert!(a.starts_with("$argon2id$"), "the hash is Argon2id: {a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(!a.contains("rahasia-dinas"), "the password is not stored");
        assert!(verify("rahasia-dinas", &a), "the right password verifies");
        assert!(!verify("rahasia-dinaS", &a), "a wrong password does not");
    }

    #[test]
    fn short_common_and_login_passwords_are_refused_with_the_reason() {
        let short = check("sri", "pendek123").unwrap_err();
        assert!(
            short.message.contains("paling sedikit 10"),
            "a password under 10 characters is refused with the minimum: {}",
            short.message
        );
        let login = check("sri.wahyuni", "Sri.Wahyuni").unwrap_err();
        assert!(
            login.message.contains("nama akun"),
            "a password equal to the login (any case) is refused: {}",
            login.message
        );
        for common in ["password123", "Bismillah123", "1234567890", "qwertyuiop"] {
            let e = check("sri", common).unwrap_err();
            assert!(
                e.message.contains("terlalu umum"),
                "`{common}` is in the list of common passwords: {}",
                e.message
            );
        }
        assert!(
            check("sri", "kopi pagi di alun-alun").is_ok(),
            "a long, uncommon password is accepted"
        );
    }
}
