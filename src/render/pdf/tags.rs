//! The structure tree of a PDF letter (PDF/UA-1): headings, paragraphs,
//! lists, tables, in reading order; each node gets the content drawn for it.

use super::layout::NodeId;
use krilla::tagging::{
    Identifier, ListNumbering, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use std::num::NonZeroU16;

/// What a piece of the structure tree is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    P,
    Heading(u8),
    List(bool),
    Item,
    Label,
    ItemBody,
    Div,
    Table,
    Row,
    Header,
    Cell,
}

/// A node of the structure tree: either child nodes or drawn content.
#[derive(Debug)]
pub(super) struct Node {
    role: Role,
    title: Option<String>,
    children: Vec<NodeId>,
    content: Vec<Identifier>,
}

#[derive(Debug, Default)]
pub(super) struct Structure {
    nodes: Vec<Node>,
    roots: Vec<NodeId>,
}

impl Structure {
    pub(super) fn add(&mut self, role: Role, parent: Option<NodeId>) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            role,
            title: None,
            children: Vec::new(),
            content: Vec::new(),
        });
        match parent {
            Some(parent) => self.nodes[parent].children.push(id),
            None => self.roots.push(id),
        }
        id
    }

    /// Attaches drawn content (a tagged span) to a node.
    pub(super) fn attach(&mut self, node: NodeId, content: Option<Identifier>) {
        self.nodes[node].content.extend(content);
    }

    /// Gives a heading node its title (for the outline and the `Hn` tag).
    pub(super) fn set_title(&mut self, node: NodeId, title: String) {
        self.nodes[node].title = Some(title);
    }

    fn group(&mut self, id: NodeId) -> Option<TagGroup> {
        let role = self.nodes[id].role;
        let tag: TagKind = match role {
            Role::P => Tag::P.into(),
            Role::Heading(level) => Tag::Hn(
                NonZeroU16::new(u16::from(level.clamp(1, 6))).unwrap_or(NonZeroU16::MIN),
                self.nodes[id].title.clone(),
            )
            .into(),
            Role::List(ordered) => Tag::L(if ordered {
                ListNumbering::Decimal
            } else {
                ListNumbering::Disc
            })
            .into(),
            Role::Item => Tag::LI.into(),
            Role::Label => Tag::Lbl.into(),
            Role::ItemBody => Tag::LBody.into(),
            Role::Div => Tag::Div.into(),
            Role::Table => Tag::Table.into(),
            Role::Row => Tag::TR.into(),
            Role::Header => Tag::TH(TableHeaderScope::Column).into(),
            Role::Cell => Tag::TD.into(),
        };
        let mut group = TagGroup::new(tag);
        let mut empty = true;
        for child in self.nodes[id].children.clone() {
            if let Some(child) = self.group(child) {
                group.push(child);
                empty = false;
            }
        }
        for content in std::mem::take(&mut self.nodes[id].content) {
            group.push(content);
            empty = false;
        }
        (!empty).then_some(group)
    }

    pub(super) fn tree(mut self) -> TagTree {
        let mut tree = TagTree::new();
        for root in self.roots.clone() {
            if let Some(group) = self.group(root) {
                tree.push(group);
            }
        }
        tree
    }
}
