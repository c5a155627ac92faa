//! Pengaturan → Tanda Tangan Elektronik and signing with a certificate: signer certificates
//! registered from a PKCS#12 file, trusted roots, and a letter signed with the passphrase
//! typed in the window (sent once, never stored).

use loket_api::app::Session;
use loket_api::letter::flow::dto::DraftView;
use loket_api::letter::flow::SignWith;
use loket_api::signer::{
    NewSignerCertificate, Pkcs12Input, SignerCertificateView, TrustedRootView,
};
use loket_api::ApiError;
use tauri::State;

use super::now;

#[tauri::command]
pub fn signer_list(session: State<'_, Session>) -> Result<Vec<SignerCertificateView>, ApiError> {
    session.as_user(|l, a| l.signer_list(a, now()))
}

#[tauri::command]
pub fn signer_roots(session: State<'_, Session>) -> Result<Vec<TrustedRootView>, ApiError> {
    session.as_user(|l, a| l.signer_roots(a))
}

#[tauri::command]
pub fn signer_add(
    session: State<'_, Session>,
    account: String,
    p12: Vec<u8>,
    passphrase: String,
) -> Result<SignerCertificateView, ApiError> {
    session.as_user(|l, a| {
        let key = Pkcs12Input {
            p12: &p12,
            passphrase: &passphrase,
        };
        l.signer_add(
            a,
            &NewSignerCertificate {
                account: &account,
                key,
            },
            now(),
        )
    })
}

#[tauri::command]
pub fn signer_trust(
    session: State<'_, Session>,
    certificate: Vec<u8>,
) -> Result<Vec<TrustedRootView>, ApiError> {
    session.as_user(|l, a| l.signer_trust(a, &certificate, now()))
}

/// Signs draft `id` electronically with the signer's PKCS#12 file and passphrase.
#[tauri::command]
pub fn surat_sign_certificate(
    session: State<'_, Session>,
    id: i64,
    p12: Vec<u8>,
    passphrase: String,
) -> Result<DraftView, ApiError> {
    session.as_user(|l, a| {
        let with = SignWith::Certificate(Pkcs12Input {
            p12: &p12,
            passphrase: &passphrase,
        });
        l.letter_sign_with(a, id, &with, now())
    })
}
