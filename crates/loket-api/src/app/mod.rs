//! The desktop app's session: which database (a file here or the office's server), whether
//! the office is set up, first run.

mod agenda_file;
pub mod connection;
mod output;
mod saved;
mod server;
mod session;
mod setup;
mod sign;
mod status;

pub use agenda_file::agenda_file_name;
pub use connection::{
    ConnectionFailure, ConnectionTest, FieldProblem, ServerField, ServerSettings, ServerTls,
    ID as CONNECT,
};
pub use saved::ConnectionStore;
pub use server::location_label;
pub use session::Session;
pub use setup::ID as SETUP;
pub use sign::UserView;
pub use status::{AppStatus, ID as STATUS};
