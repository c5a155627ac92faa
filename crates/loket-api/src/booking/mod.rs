//! Use cases of the equipment and room schedule: resources, bookings (single and recurring),
//! approval, check-out and check-in, cancellation, free slots, iCalendar export, the "Besok"
//! preparation list.
//!
//! Every booking is checked for conflicts inside the same immediate transaction that inserts
//! it, so two processes racing for the last unit cannot both succeed.

mod authority;
mod bench;
mod blackout;
mod create;
mod days;
mod desk;
mod dto;
mod export;
mod history;
mod lifecycle;
mod query;
mod receipt;
mod resource;
pub(crate) mod time;

pub use bench::bench_fill;
pub use blackout::{BlackoutClash, BlackoutForm, BlackoutView, LIST_BLACKOUTS, REMOVE_BLACKOUT};
pub use create::{BookingRequest, CREATE, CREATE_SERIES};
pub use days::{ScheduleDay, DAYS};
pub use desk::{
    BookingForm, BookingSubmitted, OperatorSkills, ResourceAmount, ResourceForm, ScheduleRange,
    SlotForm,
};
pub use dto::*;
pub use export::EXPORT_ICS;
pub use history::{BookingEvent, HISTORY};
pub use lifecycle::{APPROVE, ASSIGN, CANCEL, CHECK_IN, CHECK_OUT};
pub use query::{SlotRequest, FREE_SLOTS, LIST, TOMORROW};
pub use receipt::{Borrower, RECEIPT};
pub use resource::{NewResource, ADD_BLACKOUT, ADD_RESOURCE, ADD_SKILL, LIST_RESOURCES};
pub use time::parse_local;
