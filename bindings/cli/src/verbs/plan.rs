//! A planned session from the command line: the device, zones, products and
//! the pre-check answers. On a terminal an unanswered pre-check is asked one
//! by one; elsewhere it is an error naming the flag (for `log`), or taken as
//! passing (for `check`, whose verdict then says so).

use std::io::{BufRead, IsTerminal, Write};

use rollsafe_core::{PreChecks, Product, ProductCategory, ProductTiming, SessionPlan, Store};

use crate::args::actions::{PlanArgs, PreCheckArgs, YesNo};
use crate::args::codes::from_code;
use crate::failure::{ErrorCode, Failure};

use super::lookup;

/// What to do about a pre-check nobody answered.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Unanswered {
    /// Take it as passing (a check before the session).
    AssumeClear,
    /// Ask on a terminal, fail elsewhere (recording a session).
    Ask,
    /// Fail, naming the flag (a script that promised no input).
    Refuse,
}

/// One pre-check: its flag, its question, the answer given, and whether
/// "yes" is the good answer.
struct Question {
    flag: &'static str,
    question: &'static str,
    given: Option<YesNo>,
    yes_is_clear: bool,
}

/// The plan `args` describe, the device found in `store`.
pub fn plan(
    store: &Store,
    args: &PlanArgs,
    unanswered: Unanswered,
) -> Result<SessionPlan, Failure> {
    let device = lookup::device(store, &args.device)?;
    let products = args
        .products
        .iter()
        .map(|text| product(text))
        .collect::<Result<_, _>>()?;
    Ok(SessionPlan {
        device_id: device.id,
        zones: args.zones.clone(),
        needle_length_mm: args.needle,
        products,
        pre_checks: pre_checks(&args.pre_checks, unanswered)?,
    })
}

/// `TIMING:CATEGORIES:NAME`, categories joined by `+`.
fn product(text: &str) -> Result<Product, Failure> {
    let bad = |why: &str| {
        Failure::input(format!(
            "--product {why}; give TIMING:CATEGORIES:NAME, for example after:hyaluronic_acid:Serum"
        ))
        .coded(ErrorCode::InvalidInput)
        .at_field("product")
    };
    let mut parts = text.splitn(3, ':');
    let (Some(timing), Some(categories), Some(name)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("needs three parts"));
    };
    let timing = match timing {
        "before" => ProductTiming::Before,
        "after" => ProductTiming::After,
        _ => return Err(bad("TIMING is before or after")),
    };
    let categories = categories
        .split('+')
        .filter(|c| !c.is_empty())
        .map(|c| from_code::<ProductCategory>(c).ok_or_else(|| bad("has an unknown category")))
        .collect::<Result<_, _>>()?;
    Ok(Product {
        name: name.to_owned(),
        timing,
        categories,
    })
}

/// The pre-check answers: from the flags, else as `unanswered` says.
pub fn pre_checks(args: &PreCheckArgs, unanswered: Unanswered) -> Result<PreChecks, Failure> {
    let questions = [
        Question {
            flag: "device-cleaned",
            question: "Was the device cleaned since its last use?",
            given: args.device_cleaned,
            yes_is_clear: true,
        },
        Question {
            flag: "skin-clean",
            question: "Is the skin clean?",
            given: args.skin_clean,
            yes_is_clear: true,
        },
        Question {
            flag: "breakout",
            question: "Is there an active breakout on these zones?",
            given: args.breakout,
            yes_is_clear: false,
        },
        Question {
            flag: "cold-sore",
            question: "Is there an active cold sore?",
            given: args.cold_sore,
            yes_is_clear: false,
        },
        Question {
            flag: "open-wound",
            question: "Is there an open wound on these zones?",
            given: args.open_wound,
            yes_is_clear: false,
        },
        Question {
            flag: "sunburn",
            question: "Is the skin sunburnt?",
            given: args.sunburn,
            yes_is_clear: false,
        },
    ];
    let interactive = unanswered == Unanswered::Ask && on_terminal();
    let mut clear = [true; 6];
    for (slot, q) in clear.iter_mut().zip(&questions) {
        let answer = match (q.given, unanswered) {
            (Some(given), _) => given,
            (None, Unanswered::AssumeClear) => continue,
            (None, _) if interactive => ask_yes_no(q.question)?,
            (None, _) => {
                return Err(Failure::input(format!(
                    "the pre-check --{} was not answered: give --{} yes or no (or run on a terminal to be asked)",
                    q.flag, q.flag
                ))
                .at_field(q.flag));
            }
        };
        *slot = answer.yes() == q.yes_is_clear;
    }
    let [
        device_cleaned,
        skin_clean,
        no_breakout,
        no_cold_sore,
        no_wound,
        no_sunburn,
    ] = clear;
    Ok(PreChecks {
        device_cleaned,
        skin_clean,
        active_breakout: !no_breakout,
        cold_sore: !no_cold_sore,
        open_wound: !no_wound,
        sunburn: !no_sunburn,
    })
}

/// True when a person is at the keyboard: standard input and standard
/// error are both terminals.
pub fn on_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Asks `question` on standard error until the answer is yes or no.
pub fn ask_yes_no(question: &str) -> Result<YesNo, Failure> {
    loop {
        match ask(&format!("{question} [y/n] "))?
            .to_ascii_lowercase()
            .as_str()
        {
            "y" | "yes" => return Ok(YesNo::Yes),
            "n" | "no" => return Ok(YesNo::No),
            _ => {}
        }
    }
}

/// Prints `prompt` on standard error and reads one line of standard input.
pub fn ask(prompt: &str) -> Result<String, Failure> {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(prompt.as_bytes());
    let _ = err.flush();
    let mut line = String::new();
    let read = std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::input(format!("cannot read the answer: {e}")))?;
    if read == 0 {
        return Err(Failure::input(
            "no answer (end of input); nothing was recorded",
        ));
    }
    Ok(line.trim().to_owned())
}
