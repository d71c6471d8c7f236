//! The marked-content sequences of a page's content stream: each run of
//! operations the layout gave one mark becomes one sequence, `BDC` with the
//! element's tag and `/MCID` (or `/Artifact` with its kind), closed by `EMC`
//! before the next. An element that reads as a whole (a cover tile) wraps
//! its sequence in a `/Span` carrying its `/ActualText`. Text that an
//! element goes on after ends with a space (see `Marks::reads_on`).

use pdf_writer::types::{ArtifactSubtype, ArtifactType};
use pdf_writer::{Content, Name, TextStr};

use super::ops::{Marked, Op};
use super::structure;
use super::tags::{Artifact, ElementId, Kid, Mark, Tagger};

/// The marked-content sequence open in a page's content stream, and what
/// it takes to open the next.
pub(crate) struct Marks<'a> {
    tags: &'a Tagger,
    /// The page (from 0).
    page: usize,
    /// The element of each marked-content id on this page.
    parents: &'a [ElementId],
    /// The mark of the sequence open, and whether an `/ActualText` span is
    /// open inside it.
    open: Option<(Mark, bool)>,
}

impl<'a> Marks<'a> {
    /// No sequence open yet on `page`, whose marked-content ids belong to
    /// `parents` in `tags`.
    pub(crate) fn new(tags: &'a Tagger, page: usize, parents: &'a [ElementId]) -> Self {
        Self {
            tags,
            page,
            parents,
            open: None,
        }
    }

    /// True when the text of `op` goes on after it: in a later operation of
    /// the same sequence (the next line of a paragraph, a tile's label after
    /// its value, the next label of a chart), or in a later sequence of the
    /// same element (a paragraph or a cell flowing onto the next page). The
    /// text then ends with a space, which draws nothing but keeps the words
    /// apart for a reader that joins the element's text.
    pub(crate) fn reads_on(&self, op: &Marked, after: &[Marked]) -> bool {
        let Mark::Content(mcid) = op.mark else {
            return false;
        };
        let open_ended = match &op.op {
            Op::Text { text, .. } => !text.ends_with(char::is_whitespace),
            _ => false,
        };
        let is_text = |m: &Marked| matches!(m.op, Op::Text { .. });
        open_ended
            && (after.iter().take_while(|m| m.mark == op.mark).any(is_text)
                || self.continues_after(mcid))
    }

    /// True when the element of sequence `mcid` has content in a later
    /// sequence.
    fn continues_after(&self, mcid: i32) -> bool {
        let here = Kid::Content {
            page: self.page,
            mcid,
        };
        usize::try_from(mcid)
            .ok()
            .and_then(|i| self.parents.get(i))
            .and_then(|id| self.tags.get(*id))
            .is_some_and(|element| {
                element
                    .kids
                    .iter()
                    .skip_while(|kid| **kid != here)
                    .skip(1)
                    .any(|kid| matches!(kid, Kid::Content { .. }))
            })
    }

    /// Makes `mark` the open sequence, closing the one before if it differs.
    pub(crate) fn enter(&mut self, content: &mut Content, mark: Mark) {
        if self.open.is_some_and(|(open, _)| open == mark) {
            return;
        }
        self.close(content);
        let mut span = false;
        match mark {
            Mark::Content(mcid) => {
                let element = usize::try_from(mcid)
                    .ok()
                    .and_then(|i| self.parents.get(i))
                    .and_then(|id| self.tags.get(*id));
                let tag = element.map_or(Name(b"Span"), |e| structure::role(e.role).to_name());
                content
                    .begin_marked_content_with_properties(tag)
                    .properties()
                    .identify(mcid);
                if let Some(text) = element.and_then(|e| e.actual_text.as_deref()) {
                    content
                        .begin_marked_content_with_properties(Name(b"Span"))
                        .properties()
                        .actual_text(TextStr(text));
                    span = true;
                }
            }
            Mark::Artifact(kind) => {
                let mut begin = content.begin_marked_content_with_properties(Name(b"Artifact"));
                let mut artifact = begin.properties().artifact();
                match kind {
                    Artifact::Layout => {
                        artifact.kind(ArtifactType::Layout);
                    }
                    Artifact::Pagination => {
                        artifact.kind(ArtifactType::Pagination);
                    }
                    Artifact::Header => {
                        artifact
                            .kind(ArtifactType::Pagination)
                            .subtype(ArtifactSubtype::Header);
                    }
                    Artifact::Footer => {
                        artifact
                            .kind(ArtifactType::Pagination)
                            .subtype(ArtifactSubtype::Footer);
                    }
                }
            }
        }
        self.open = Some((mark, span));
    }

    /// Closes the open sequence, if any.
    pub(crate) fn close(&mut self, content: &mut Content) {
        if let Some((_, span)) = self.open.take() {
            if span {
                content.end_marked_content();
            }
            content.end_marked_content();
        }
    }
}
