//! Argon2id password hashes in PHC form; the password itself is never stored.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::{ApiError, ErrorCode};

/// Shortest password accepted.
pub const MIN_LEN: usize = 8;

/// Checks the length, then hashes with Argon2id and a fresh random salt.
///
/// Errors: `BadInput` for a password shorter than [`MIN_LEN`] characters.
pub(crate) fn hash(password: &str) -> Result<String, ApiError> {
    if password.chars().count() < MIN_LEN {
        return Err(ApiError::bad_input(format!(
            "kata sandi terlalu pendek ({} karakter); gunakan paling sedikit {MIN_LEN} karakter",
            password.chars().count()
        )));
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("kata sandi gagal diolah: {e}")))
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
        let a = hash("rahasia-dinas").unwrap();
        let b = hash("rahasia-dinas").unwrap();
        assert!(a.starts_with("$argon2id$"), "the hash is Argon2id: {a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(!a.contains("rahasia-dinas"), "the password is not stored");
        assert!(verify("rahasia-dinas", &a), "the right password verifies");
        assert!(!verify("rahasia-dinaS", &a), "a wrong password does not");
        assert!(hash("pendek").is_err(), "short passwords are refused");
    }
}
