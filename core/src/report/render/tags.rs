//! The report's structure tree, as the layout builds it: which element
//! (heading, paragraph, list item, table cell, figure) each drawn operation
//! belongs to, or that it is an artifact a reader skips (rules, bands, the
//! running header and footer). The layout primitives record it, so a part
//! built from them is tagged without knowing it; `draw.rs` turns it into
//! marked content, the PDF structure tree and its parent tree.
//!
//! The rule that keeps callers out of it: text drawn inside an element that
//! holds text (a heading, a paragraph, a cell) is that element's content;
//! text drawn anywhere else is a paragraph of its own; shapes are artifacts
//! except inside a figure, where everything drawn is the figure.

use super::ops::Op;

/// What a structure element is to a reader: PDF's standard structure types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Document,
    H1,
    H2,
    H3,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
    Figure,
}

impl Role {
    /// True for the roles whose content is text; text drawn in any other
    /// role gets a paragraph of its own.
    fn holds_text(self) -> bool {
        matches!(
            self,
            Self::H1
                | Self::H2
                | Self::H3
                | Self::P
                | Self::Lbl
                | Self::LBody
                | Self::TH
                | Self::TD
                | Self::Figure
        )
    }
}

/// An element's place in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ElementId(usize);

impl ElementId {
    /// The element at `index` among the tree's elements.
    pub(crate) fn at(index: usize) -> Self {
        Self(index)
    }

    /// Its index among the tree's elements (the document is 0).
    pub(crate) fn index(self) -> usize {
        self.0
    }
}

/// What an element holds, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kid {
    /// A child element.
    Element(ElementId),
    /// A marked-content sequence on a page (from 0), by its id there.
    Content { page: usize, mcid: i32 },
}

/// One structure element.
#[derive(Clone, Debug)]
pub(crate) struct Element {
    pub role: Role,
    /// None for the document.
    pub parent: Option<ElementId>,
    pub kids: Vec<Kid>,
    /// A figure's description, made from the data it draws.
    pub alt: Option<String>,
    /// The element's text in reading order, when the page's geometry would
    /// have a text extractor read it otherwise (a cover tile).
    pub actual_text: Option<String>,
}

/// What a drawn operation is to a reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Part of the marked-content sequence `mcid` of its page.
    Content(i32),
    /// Not read: drawn only to make the page.
    Artifact(Artifact),
}

/// The kinds of artifact the report draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Artifact {
    /// Rules, bands, a tile's background.
    Layout,
    /// Repeated by pagination: a table header carried onto a later page.
    Pagination,
    /// The running header.
    Header,
    /// The running footer and page number.
    Footer,
}

/// The tree being built and where the layout is in it.
pub(crate) struct Tagger {
    elements: Vec<Element>,
    /// The open elements, the document first.
    open: Vec<ElementId>,
    /// Set while drawing artifacts on purpose.
    artifact: Option<Artifact>,
    /// The current page (from 0) and its next marked-content id.
    page: usize,
    next_mcid: i32,
    /// The element whose marked-content sequence the last operation drawn
    /// on this page continued, and that sequence's id.
    run: Option<(ElementId, i32)>,
    /// The list the last bullets went into and the element it is in.
    list: Option<(ElementId, ElementId)>,
}

impl Tagger {
    /// A tree holding only the document.
    pub(crate) fn new() -> Self {
        Self {
            elements: vec![Element {
                role: Role::Document,
                parent: None,
                kids: Vec::new(),
                alt: None,
                actual_text: None,
            }],
            open: vec![ElementId(0)],
            artifact: None,
            page: 0,
            next_mcid: 0,
            run: None,
            list: None,
        }
    }

    /// The elements, the document first; an element's index is its id.
    pub(crate) fn elements(&self) -> &[Element] {
        &self.elements
    }

    /// The element `id`.
    pub(crate) fn get(&self, id: ElementId) -> Option<&Element> {
        self.elements.get(id.0)
    }

    fn current(&self) -> ElementId {
        self.open.last().copied().unwrap_or(ElementId(0))
    }

    fn role(&self, id: ElementId) -> Role {
        self.get(id).map_or(Role::Document, |e| e.role)
    }

    /// Adds an element of `role` at the end of `parent`; any element but a
    /// list ends the list that was there.
    pub(crate) fn add(&mut self, parent: ElementId, role: Role) -> ElementId {
        let id = ElementId(self.elements.len());
        self.elements.push(Element {
            role,
            parent: Some(parent),
            kids: Vec::new(),
            alt: None,
            actual_text: None,
        });
        if let Some(element) = self.elements.get_mut(parent.0) {
            element.kids.push(Kid::Element(id));
        }
        if self.list.is_some_and(|(_, within)| within == parent) {
            self.list = None;
        }
        id
    }

    /// Opens a new element of `role` inside the current one.
    pub(crate) fn begin(&mut self, role: Role) -> ElementId {
        let id = self.add(self.current(), role);
        self.open.push(id);
        id
    }

    /// Makes `id` (made by `add`) the current element until `end`.
    pub(crate) fn enter(&mut self, id: ElementId) {
        self.open.push(id);
    }

    /// Closes the current element.
    pub(crate) fn end(&mut self) {
        if self.open.len() > 1 {
            self.open.pop();
        }
    }

    /// Opens a list item, in the list the previous bullets went into when
    /// nothing came between, else in a new list; `end` it, then `end_list`.
    pub(crate) fn begin_item(&mut self) -> ElementId {
        let within = self.current();
        let list = match self.list {
            Some((list, at)) if at == within => {
                self.open.push(list);
                list
            }
            _ => {
                let list = self.begin(Role::L);
                self.list = Some((list, within));
                list
            }
        };
        let item = self.add(list, Role::LI);
        self.open.push(item);
        item
    }

    /// Closes the list a bullet was drawn in, leaving it open to the next
    /// bullet.
    pub(crate) fn end_list(&mut self) {
        self.end();
    }

    /// Sets the description of `id`.
    pub(crate) fn describe(&mut self, id: ElementId, alt: String) {
        if let Some(element) = self.elements.get_mut(id.0) {
            element.alt = Some(alt);
        }
    }

    /// Sets the text `id` reads as.
    pub(crate) fn read_as(&mut self, id: ElementId, text: String) {
        if let Some(element) = self.elements.get_mut(id.0) {
            element.actual_text = Some(text);
        }
    }

    /// Draws as `kind` of artifact until `end_artifact`; returns what was set.
    pub(crate) fn begin_artifact(&mut self, kind: Artifact) -> Option<Artifact> {
        self.artifact.replace(kind)
    }

    /// Stops drawing artifacts until `end_artifact`; returns what was set.
    pub(crate) fn suspend_artifact(&mut self) -> Option<Artifact> {
        self.artifact.take()
    }

    /// Restores what `begin_artifact` returned.
    pub(crate) fn end_artifact(&mut self, before: Option<Artifact>) {
        self.artifact = before;
    }

    /// A new page begins: its marked-content ids start again at 0.
    pub(crate) fn new_page(&mut self) {
        self.page += 1;
        self.next_mcid = 0;
        self.run = None;
    }

    /// The mark of `op`, drawn next on the current page.
    pub(crate) fn mark(&mut self, op: &Op) -> Mark {
        if let Some(kind) = self.artifact {
            self.run = None;
            return Mark::Artifact(kind);
        }
        let current = self.current();
        let role = self.role(current);
        if !matches!(op, Op::Text { .. }) && role != Role::Figure {
            self.run = None;
            return Mark::Artifact(Artifact::Layout);
        }
        let holder = if role.holds_text() {
            current
        } else {
            self.add(current, Role::P)
        };
        match self.run {
            Some((id, mcid)) if id == holder => Mark::Content(mcid),
            _ => {
                let mcid = self.next_mcid;
                self.next_mcid += 1;
                let page = self.page;
                if let Some(element) = self.elements.get_mut(holder.0) {
                    element.kids.push(Kid::Content { page, mcid });
                }
                self.run = Some((holder, mcid));
                Mark::Content(mcid)
            }
        }
    }

    /// For each of `pages` pages, the element of each marked-content id.
    pub(crate) fn parents(&self, pages: usize) -> Vec<Vec<ElementId>> {
        let mut out: Vec<Vec<(i32, ElementId)>> = vec![Vec::new(); pages];
        for (i, element) in self.elements.iter().enumerate() {
            for kid in &element.kids {
                if let Kid::Content { page, mcid } = kid {
                    if let Some(list) = out.get_mut(*page) {
                        list.push((*mcid, ElementId(i)));
                    }
                }
            }
        }
        out.into_iter()
            .map(|mut list| {
                crate::sorting::sort_by_key(&mut list, |(mcid, _)| *mcid);
                list.into_iter().map(|(_, id)| id).collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::render::fonts::Weight;
    use crate::report::render::ops::{Rgb, hline};

    fn text() -> Op {
        Op::Text {
            x: 0.0,
            y: 0.0,
            size: 8.0,
            weight: Weight::Regular,
            colour: Rgb(0, 0, 0),
            text: "a".into(),
        }
    }

    #[test]
    fn loose_text_is_a_paragraph_and_shapes_are_artifacts() {
        let mut tags = Tagger::new();
        assert_eq!(tags.mark(&text()), Mark::Content(0));
        assert_eq!(tags.mark(&text()), Mark::Content(1), "a second paragraph");
        let rule = hline(0.0, 1.0, 0.0, Rgb(0, 0, 0), 1.0);
        assert_eq!(tags.mark(&rule), Mark::Artifact(Artifact::Layout));
        let roles: Vec<Role> = tags.elements().iter().map(|e| e.role).collect();
        assert_eq!(roles, [Role::Document, Role::P, Role::P]);
    }

    #[test]
    fn an_element_continues_across_pages_in_new_sequences() {
        let mut tags = Tagger::new();
        let p = tags.begin(Role::P);
        assert_eq!(tags.mark(&text()), Mark::Content(0));
        assert_eq!(tags.mark(&text()), Mark::Content(0), "one sequence");
        tags.new_page();
        assert_eq!(tags.mark(&text()), Mark::Content(0));
        tags.end();
        assert_eq!(
            tags.get(p).unwrap().kids,
            [
                Kid::Content { page: 0, mcid: 0 },
                Kid::Content { page: 1, mcid: 0 }
            ]
        );
        assert_eq!(tags.parents(2), [vec![p], vec![p]]);
    }

    #[test]
    fn a_figure_holds_its_shapes_and_bullets_share_a_list() {
        let mut tags = Tagger::new();
        let figure = tags.begin(Role::Figure);
        let rule = hline(0.0, 1.0, 0.0, Rgb(0, 0, 0), 1.0);
        assert_eq!(tags.mark(&rule), Mark::Content(0));
        tags.end();
        for _ in 0..2 {
            tags.begin_item();
            tags.end();
            tags.end_list();
        }
        tags.begin(Role::P);
        tags.end();
        tags.begin_item();
        let roles: Vec<Role> = tags.elements().iter().map(|e| e.role).collect();
        assert_eq!(
            roles,
            [
                Role::Document,
                Role::Figure,
                Role::L,
                Role::LI,
                Role::LI,
                Role::P,
                Role::L,
                Role::LI
            ]
        );
        assert_eq!(tags.get(figure).unwrap().kids.len(), 1);
    }
}
