//! The PDF's output intent: the colour space its device RGB colours mean,
//! sRGB, as an ICC profile (Little CMS's, 6.9 KB, from Debian's
//! icc-profiles-free; see `core/assets/color/`), a step toward PDF/A-3. The
//! report's palette is chosen in sRGB (`ops.rs`); naming it lets an archive
//! or a printer show the colours as meant. It claims no conformance.

use pdf_writer::types::OutputIntentSubtype;
use pdf_writer::writers::Catalog;
use pdf_writer::{Filter, Name, Pdf, Ref, TextStr};

/// The profile as a zlib stream: embedded in the PDF as is.
static SRGB_ZLIB: &[u8] = include_bytes!("../../../assets/color/sRGB.icc.zlib");

/// The output condition the profile stands for, by its registered name.
const CONDITION: &str = "sRGB IEC61966-2.1";

/// Writes the profile as the ICC stream `id`.
pub(crate) fn profile(pdf: &mut Pdf, id: Ref) {
    let mut icc = pdf.icc_profile(id, SRGB_ZLIB);
    icc.filter(Filter::FlateDecode);
    icc.n(3);
    icc.alternate_name(Name(b"DeviceRGB"));
}

/// Names the profile `id` as the catalog's output intent.
pub(crate) fn intent(catalog: &mut Catalog<'_>, id: Ref) {
    catalog
        .output_intents()
        .push()
        .subtype(OutputIntentSubtype::PDFA)
        .output_condition_identifier(TextStr(CONDITION))
        .registry_name(TextStr("http://www.color.org"))
        .info(TextStr(CONDITION))
        .dest_output_profile(id);
}
