//! Stable codes for the closed lists the log uses (zones, kinds, symptoms...).
//!
//! Storage, exports and the shared scenarios name enum values by short
//! snake_case codes that must never change. One macro writes, for each enum,
//! the list of every value, the code of a value and the value of a code, so
//! the three can never drift apart.

/// Implements `ALL`, `code()` and `from_code()` for a fieldless enum from a
/// list of `Variant => "code"` pairs, in display order.
macro_rules! stable_codes {
    ($ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in display order.
            pub const ALL: [$ty; [$($crate::codes::stable_codes!(@one $variant)),+].len()] = [$($ty::$variant),+];

            /// The stable code used in storage and exports.
            pub fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code),+
                }
            }

            /// Parses a stable code; `None` if unknown.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|value| value.code() == code)
            }
        }
    };
    (@one $variant:ident) => {
        ()
    };
}

pub(crate) use stable_codes;
