//! The desktop app's session: which database, whether the office is set up, first run.

mod session;
mod setup;
mod status;

pub use session::Session;
pub use setup::ID as SETUP;
pub use status::{AppStatus, ID as STATUS};
