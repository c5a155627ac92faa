//! The office profile: identity, organisation, office hours, standards and the service catalog.
//!
//! These are the validated types. `raw` holds the file format with source positions;
//! `load` turns one into the other and reports every problem with file, line and field.

mod describe;
mod error;
mod load;
mod raw;
mod types;

pub use describe::describe_time;
pub use error::{ProfileError, ProfileErrors};
pub use load::{is_slug, load_profile};
pub use types::*;
