//! Writing the structure tree the layout recorded (`tags.rs`) into the PDF:
//! the structure tree root, one structure element per element with its
//! kids in reading order (child elements and marked-content ids), and the
//! parent tree that maps each page's marked content back to its element.
//! Header cells name their scope (the column); figures carry their /Alt.
//! An element that ended up with nothing in it (a paragraph of empty text)
//! is left out, except table cells, which keep a table's rows regular.

use pdf_writer::types::{StructRole, TableHeaderScope};
use pdf_writer::writers::StructTreeRoot;
use pdf_writer::{Pdf, Ref, TextStr};

use super::tags::{ElementId, Kid, Role, Tagger};

/// The PDF's name for `role`.
pub(crate) fn role(role: Role) -> StructRole {
    match role {
        Role::Document => StructRole::Document,
        Role::H1 => StructRole::H1,
        Role::H2 => StructRole::H2,
        Role::H3 => StructRole::H3,
        Role::P => StructRole::P,
        Role::L => StructRole::L,
        Role::LI => StructRole::LI,
        Role::Lbl => StructRole::Lbl,
        Role::LBody => StructRole::LBody,
        Role::Table => StructRole::Table,
        Role::TR => StructRole::TR,
        Role::TH => StructRole::TH,
        Role::TD => StructRole::TD,
        Role::Figure => StructRole::Figure,
    }
}

/// The objects the tree is written to, allocated before the pages.
pub(crate) struct Refs {
    /// The structure tree root.
    pub root: Ref,
    /// One per element, by its index.
    pub elements: Vec<Ref>,
    /// One per page: the array of the elements its marked content is in.
    pub parent_arrays: Vec<Ref>,
}

impl Refs {
    /// Allocates the objects for `tags` over `pages` pages.
    pub(crate) fn allocate(next: &mut Ref, tags: &Tagger, pages: usize) -> Self {
        Self {
            root: next.bump(),
            elements: tags.elements().iter().map(|_| next.bump()).collect(),
            parent_arrays: (0..pages).map(|_| next.bump()).collect(),
        }
    }

    fn element(&self, id: ElementId) -> Option<Ref> {
        self.elements.get(id.index()).copied()
    }
}

/// True when the element is written: it holds something, or is a cell.
fn kept(tags: &Tagger, id: ElementId) -> bool {
    tags.get(id).is_some_and(|e| {
        !e.kids.is_empty() || matches!(e.role, Role::Document | Role::TH | Role::TD)
    })
}

/// Writes the tree of `tags` whose content is on `pages`.
pub(crate) fn write(pdf: &mut Pdf, refs: &Refs, tags: &Tagger, pages: &[Ref]) {
    let page = |n: usize| pages.get(n).copied();
    for (i, element) in tags.elements().iter().enumerate() {
        let id = ElementId::at(i);
        let (Some(me), true) = (refs.element(id), kept(tags, id)) else {
            continue;
        };
        let mut out = pdf.struct_element(me);
        out.kind(role(element.role));
        out.parent(
            element
                .parent
                .and_then(|p| refs.element(p))
                .unwrap_or(refs.root),
        );
        let home = element.kids.iter().find_map(|k| match k {
            Kid::Content { page, .. } => Some(*page),
            Kid::Element(_) => None,
        });
        if let Some(home) = home.and_then(page) {
            out.page(home);
        }
        if let Some(alt) = &element.alt {
            out.alt(TextStr(alt));
        }
        if let Some(text) = &element.actual_text {
            out.actual_text(TextStr(text));
        }
        if element.role == Role::TH {
            out.attributes()
                .push()
                .table()
                .scope(TableHeaderScope::Column);
        }
        let mut kids = out.children();
        for kid in &element.kids {
            match *kid {
                Kid::Element(child) => {
                    if let (Some(child_ref), true) = (refs.element(child), kept(tags, child)) {
                        kids.struct_element(child_ref);
                    }
                }
                Kid::Content { page: on, mcid } if home == Some(on) => {
                    kids.marked_content_id(mcid);
                }
                Kid::Content { page: on, mcid } => {
                    if let Some(on) = page(on) {
                        kids.marked_content_ref().marked_content_id(mcid).page(on);
                    }
                }
            }
        }
    }
    let parents = tags.parents(pages.len());
    for (array, elements) in refs.parent_arrays.iter().zip(&parents) {
        pdf.indirect(*array)
            .array()
            .items(elements.iter().filter_map(|id| refs.element(*id)));
    }
    let mut root = pdf.indirect(refs.root).start::<StructTreeRoot>();
    if let Some(document) = refs.element(ElementId::at(0)) {
        root.child(document);
    }
    {
        let mut tree = root.parent_tree();
        let mut nums = tree.nums();
        for (key, array) in refs.parent_arrays.iter().enumerate() {
            nums.insert(i32::try_from(key).unwrap_or(i32::MAX), *array);
        }
    }
    root.parent_tree_next_key(i32::try_from(pages.len()).unwrap_or(i32::MAX));
}
