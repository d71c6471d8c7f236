//! Stable identifiers for every record.
//!
//! Ids are random UUIDs so that records made on two phones, or exported and
//! imported again, never collide, and a typed wrapper per record kind keeps a
//! session id from ever being passed where a device id is expected.

use std::fmt;
use std::str::FromStr;

use uuid::Uuid;

use crate::error::{Error, Result};

macro_rules! define_id {
    ($(#[$doc:meta])* $name:ident, $entity:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh random id.
            pub fn random() -> Self {
                Self(Uuid::new_v4())
            }

            /// Parses the text form, naming `field` if it is not a UUID.
            pub fn parse(field: &'static str, text: &str) -> Result<Self> {
                Uuid::from_str(text)
                    .map(Self)
                    .map_err(|_| Error::invalid(field, concat!("not a valid ", $entity, " id (UUID)")))
            }

            /// What this id identifies, for error messages.
            pub const ENTITY: &'static str = $entity;
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    };
}

define_id!(
    /// Identifies a device (a roller, stamp or pen head).
    DeviceId,
    "device"
);
define_id!(
    /// Identifies a recorded session.
    SessionId,
    "session"
);
define_id!(
    /// Identifies a recorded cleaning.
    CleaningId,
    "cleaning"
);
define_id!(
    /// Identifies a symptom report.
    ReportId,
    "report"
);
define_id!(
    /// Identifies a stored alert.
    AlertId,
    "alert"
);
define_id!(
    /// Identifies a recorded head or cartridge change.
    HeadChangeId,
    "head change"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text() {
        let id = DeviceId::random();
        assert_eq!(DeviceId::parse("device_id", &id.to_string()).unwrap(), id);
    }

    #[test]
    fn malformed_ids_name_the_field() {
        let err = SessionId::parse("session_id", "'; DROP TABLE sessions; --").unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidInput {
                field: "session_id",
                ..
            }
        ));
    }
}
