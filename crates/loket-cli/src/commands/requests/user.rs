//! `loket user`: the first administrator, accounts, roles, passwords and acting appointments.

use clap::{Args, Subcommand};
use loket_api::account::NewAccount;
use loket_api::{ApiError, Loket};
use loket_domain::catalog::Acting;
use loket_domain::roles::Role;

use crate::commands::requests::case::day;
use crate::context::{now, SignIn};
use crate::output::{json, table};

#[derive(Debug, Args)]
pub struct UserArgs {
    #[command(flatten)]
    pub sign_in: SignIn,
    #[command(subcommand)]
    pub action: UserAction,
}

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Membuat administrator pertama (hanya sekali, tanpa masuk); kata sandi dari --password-stdin atau LOKET_PASSWORD
    AddAdmin {
        #[arg(long, value_name = "AKUN")]
        login: String,
        #[arg(long, value_name = "NAMA")]
        name: String,
    },
    /// Membuat akun untuk pemegang jabatan (admin); kata sandi akun baru dari LOKET_NEW_PASSWORD
    Add {
        #[arg(long, value_name = "AKUN")]
        login: String,
        #[arg(long, value_name = "NAMA")]
        name: String,
        /// NIP 18 angka (spasi dan awalan "NIP." boleh); kosongkan bila bukan PNS
        #[arg(long, default_value = "")]
        nip: String,
        /// Id jabatan dari profil kantor
        #[arg(long, value_name = "ID")]
        position: String,
        /// Peran dipisah koma (register,dispose,paraf,sign,book,administer); bawaan: menurut jabatan
        #[arg(long, value_name = "PERAN")]
        roles: Option<String>,
    },
    /// Daftar akun (admin)
    List,
    /// Mengatur ulang kata sandi akun (admin); kata sandi baru dari LOKET_NEW_PASSWORD
    ResetPassword {
        #[arg(value_name = "AKUN")]
        login: String,
    },
    /// Mengganti peran akun (admin)
    Roles {
        #[arg(value_name = "AKUN")]
        login: String,
        #[arg(long, value_name = "PERAN")]
        roles: String,
    },
    /// Menonaktifkan akun (admin): tidak dapat masuk lagi, riwayatnya tetap
    Deactivate {
        #[arg(value_name = "AKUN")]
        login: String,
    },
    /// Mengaktifkan kembali akun (admin)
    Activate {
        #[arg(value_name = "AKUN")]
        login: String,
    },
    /// Menugaskan akun sebagai Plt./Plh. jabatan lain untuk rentang tanggal (admin)
    Acting {
        #[arg(value_name = "AKUN")]
        login: String,
        #[arg(long, value_name = "ID")]
        position: String,
        /// plt atau plh
        #[arg(long, value_name = "JENIS")]
        kind: String,
        #[arg(long, value_name = "TANGGAL")]
        from: String,
        #[arg(long, value_name = "TANGGAL")]
        until: String,
    },
}

fn roles(text: &str) -> Result<Vec<Role>, ApiError> {
    Role::parse_list(text).map_err(|w| {
        ApiError::bad_input(format!(
            "peran `{w}` tidak dikenal; pilih dari: {}",
            Role::ALL
                .iter()
                .map(|r| r.code())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })
}

fn new_password() -> Result<String, ApiError> {
    std::env::var("LOKET_NEW_PASSWORD").map_err(|_| {
        ApiError::bad_input("kata sandi akun baru belum diberikan; isi variabel LOKET_NEW_PASSWORD")
    })
}

pub fn run(loket: &mut Loket, args: UserArgs, as_json: bool) -> Result<(), ApiError> {
    let now = now()?;
    let done = |what: String| -> Result<(), ApiError> {
        if as_json {
            json(&serde_json::json!({ "ok": true, "message": what }))
        } else {
            println!("{what}");
            Ok(())
        }
    };
    match args.action {
        UserAction::AddAdmin { login, name } => {
            let password = args.sign_in.password()?;
            let actor = loket.account_bootstrap(&login, &name, &password, now)?;
            done(format!("Administrator {} dibuat.", actor.id()))
        }
        UserAction::Add {
            login,
            name,
            nip,
            position,
            roles: r,
        } => {
            let actor = args.sign_in.actor(loket)?;
            let view = loket.account_create(
                &actor,
                &NewAccount {
                    login,
                    name,
                    nip,
                    position_id: position,
                    roles: r.as_deref().map(roles).transpose()?,
                    password: new_password()?,
                },
                now,
            )?;
            if as_json {
                return json(&view);
            }
            println!(
                "Akun {} dibuat untuk {} ({}), peran: {}.",
                view.id,
                view.name,
                view.position_title.unwrap_or_default(),
                view.roles
                    .iter()
                    .map(|r| r.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            Ok(())
        }
        UserAction::List => {
            let actor = args.sign_in.actor(loket)?;
            let list = loket.account_list(&actor)?;
            if as_json {
                return json(&list);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|a| {
                    vec![
                        a.id.clone(),
                        a.name.clone(),
                        a.position_title.clone().unwrap_or_else(|| "-".into()),
                        a.roles
                            .iter()
                            .map(|r| r.code())
                            .collect::<Vec<_>>()
                            .join(","),
                        match (&a.locked_until, a.failed_sign_ins) {
                            (Some(until), n) => format!("menunggu s.d. {until} ({n}x gagal)"),
                            (None, 0) if a.active => "aktif".to_string(),
                            (None, n) if a.active => format!("aktif ({n}x gagal)"),
                            _ => "nonaktif".to_string(),
                        },
                    ]
                })
                .collect();
            table(&["AKUN", "NAMA", "JABATAN", "PERAN", "STATUS"], &rows);
            Ok(())
        }
        UserAction::ResetPassword { login } => {
            let actor = args.sign_in.actor(loket)?;
            loket.account_reset_password(&actor, &login, &new_password()?, now)?;
            done(format!("Kata sandi akun {login} diatur ulang."))
        }
        UserAction::Deactivate { login } => {
            let actor = args.sign_in.actor(loket)?;
            loket.account_set_active(&actor, &login, false, now)?;
            done(format!("Akun {login} dinonaktifkan."))
        }
        UserAction::Activate { login } => {
            let actor = args.sign_in.actor(loket)?;
            loket.account_set_active(&actor, &login, true, now)?;
            done(format!("Akun {login} diaktifkan kembali."))
        }
        UserAction::Roles { login, roles: r } => {
            let actor = args.sign_in.actor(loket)?;
            loket.account_set_roles(&actor, &login, &roles(&r)?, now)?;
            done(format!("Peran akun {login} diganti: {r}."))
        }
        UserAction::Acting {
            login,
            position,
            kind,
            from,
            until,
        } => {
            let actor = args.sign_in.actor(loket)?;
            let acting = match kind.trim().to_lowercase().trim_end_matches('.') {
                "plt" => Acting::Plt,
                "plh" => Acting::Plh,
                other => {
                    return Err(ApiError::bad_input(format!(
                        "jenis penugasan `{other}` tidak dikenal; pilih plt atau plh"
                    )))
                }
            };
            loket.account_acting(
                &actor,
                &login,
                &position,
                acting,
                day("--from", &from)?,
                day("--until", &until)?,
                now,
            )?;
            done(format!(
                "{login} ditugaskan sebagai {} {position} {from} s.d. {until}.",
                acting.prefix()
            ))
        }
    }
}
