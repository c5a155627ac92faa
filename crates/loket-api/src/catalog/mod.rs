//! Use cases over the service catalog.

mod list;
mod show;
mod view;

pub use list::ID as LIST;
pub use show::ID as SHOW;
