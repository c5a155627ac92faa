//! Pengaturan → Tanda Tangan Elektronik and signing with a certificate: signer certificates
//! registered from a PKCS#12 file, trusted roots, and a letter signed with the passphrase
//! typed in the window (sent once, never stored).

use loket_api::letter::flow::dto::DraftView;
use loket_api::letter::flow::SignWith;
use loket_api::signer::{
    NewSignerCertificate, Pkcs12Input, SignerCertificateView, TrustedRootView,
};
use loket_api::ApiError;
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn signer_list(app: AppHandle) -> Result<Vec<SignerCertificateView>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.signer_list(a, now()))
    })
    .await
}

#[tauri::command]
pub async fn signer_roots(app: AppHandle) -> Result<Vec<TrustedRootView>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.signer_roots(a))
    })
    .await
}

#[tauri::command]
pub async fn signer_add(
    app: AppHandle,
    account: String,
    p12: Vec<u8>,
    passphrase: String,
) -> Result<SignerCertificateView, ApiError> {
    blocking(app, move |session| {
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
    })
    .await
}

#[tauri::command]
pub async fn signer_trust(
    app: AppHandle,
    certificate: Vec<u8>,
) -> Result<Vec<TrustedRootView>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.signer_trust(a, &certificate, now()))
    })
    .await
}

/// Signs draft `id` electronically with the signer's PKCS#12 file and passphrase.
#[tauri::command]
pub async fn surat_sign_certificate(
    app: AppHandle,
    id: i64,
    p12: Vec<u8>,
    passphrase: String,
) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| {
            let with = SignWith::Certificate(Pkcs12Input {
                p12: &p12,
                passphrase: &passphrase,
            });
            l.letter_sign_with(a, id, &with, now())
        })
    })
    .await
}
