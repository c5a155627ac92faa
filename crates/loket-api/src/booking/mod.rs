//! Use cases of the equipment and room schedule: resources, bookings (single and recurring),
//! approval, check-out and check-in, cancellation, free slots, iCalendar export, the "Besok"
//! preparation list.
//!
//! Every booking is checked for conflicts inside the same immediate transaction that inserts
//! it, so two processes racing for the last unit cannot both succeed.

mod authority;
mod bench;
mod create;
mod dto;
mod export;
mod lifecycle;
mod query;
mod resource;
mod time;

pub use bench::bench_fill;
pub use create::{BookingRequest, CREATE, CREATE_SERIES};
pub use dto::*;
pub use export::EXPORT_ICS;
pub use lifecycle::{APPROVE, ASSIGN, CANCEL, CHECK_IN, CHECK_OUT};
pub use query::{SlotRequest, FREE_SLOTS, LIST, TOMORROW};
pub use resource::{NewResource, ADD_BLACKOUT, ADD_RESOURCE, ADD_SKILL, LIST_RESOURCES};
pub use time::parse_local;
