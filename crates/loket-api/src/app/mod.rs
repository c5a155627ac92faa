//! The desktop app's session: which database, whether the office is set up, first run.

mod agenda_file;
mod output;
mod session;
mod setup;
mod sign;
mod status;

pub use agenda_file::agenda_file_name;
pub use session::Session;
pub use setup::ID as SETUP;
pub use sign::UserView;
pub use status::{AppStatus, ID as STATUS};
