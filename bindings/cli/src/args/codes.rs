//! The core's closed lists (zones, kinds, symptoms...) on the command line,
//! by their stable codes: clap lists every code in `--help` and in the
//! completions, and refuses any other before anything is opened.

use std::ffi::OsStr;
use std::marker::PhantomData;

use clap::builder::{PossibleValue, TypedValueParser};
use rollsafe_core::{
    BodyRegion, BodyZone, CleaningMethod, Condition, DeviceKind, NeedleMaterial, ProductCategory,
    PusColour, PusConsistency, ReportKind, SkinType, Symptom, SymptomTrend,
};

/// A core enumeration named on the command line by its stable code.
pub trait Coded: Copy + Send + Sync + 'static {
    /// Every value, in the core's display order.
    fn every() -> Vec<Self>;
    /// The stable code of a value.
    fn stable_code(self) -> &'static str;
}

macro_rules! coded {
    ($($ty:ty),+ $(,)?) => {
        $(impl Coded for $ty {
            fn every() -> Vec<Self> {
                <$ty>::ALL.to_vec()
            }
            fn stable_code(self) -> &'static str {
                self.code()
            }
        })+
    };
}

coded!(
    BodyRegion,
    BodyZone,
    CleaningMethod,
    Condition,
    DeviceKind,
    NeedleMaterial,
    ProductCategory,
    PusColour,
    PusConsistency,
    ReportKind,
    SkinType,
    Symptom,
    SymptomTrend,
);

/// Parses one stable code of `T`.
#[derive(Clone)]
pub struct CodeParser<T>(PhantomData<T>);

/// The parser for codes of `T`, for `#[arg(value_parser = code::<T>())]`.
pub fn code<T: Coded>() -> CodeParser<T> {
    CodeParser(PhantomData)
}

/// The value of `text` among `T`'s codes, if it is one.
pub fn from_code<T: Coded>(text: &str) -> Option<T> {
    T::every().into_iter().find(|v| v.stable_code() == text)
}

impl<T: Coded> TypedValueParser for CodeParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let text = value.to_string_lossy();
        from_code::<T>(&text).ok_or_else(|| {
            let mut error = clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(arg) = arg {
                error.insert(
                    clap::error::ContextKind::InvalidArg,
                    clap::error::ContextValue::String(arg.to_string()),
                );
            }
            error.insert(
                clap::error::ContextKind::InvalidValue,
                clap::error::ContextValue::String(text.into_owned()),
            );
            error.insert(
                clap::error::ContextKind::ValidValue,
                clap::error::ContextValue::Strings(
                    T::every()
                        .into_iter()
                        .map(|v| v.stable_code().to_owned())
                        .collect(),
                ),
            );
            error
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            T::every()
                .into_iter()
                .map(|v| PossibleValue::new(v.stable_code())),
        ))
    }
}
