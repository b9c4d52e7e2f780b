//! The frameworks OSPO leads are asked about (ISO/IEC 5230 and 18974, the OSPO Alliance's GGI,
//! FINOS Open Source Readiness, the TODO Group's maturity model), and their clauses and
//! activities by id, from `content/crosswalk.toml`. Trees and self-checks tag questions, steps
//! and items with these ids; every id used must be registered here, and every entry names the
//! public source it was checked against.

use serde::{Deserialize, Serialize};

/// The registry of frameworks and their entries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crosswalk {
    /// Every framework, in the order reports list them.
    #[serde(default)]
    pub frameworks: Vec<Framework>,
    /// Every registered clause, activity or stage of the frameworks.
    #[serde(default)]
    pub entries: Vec<Entry>,
}

/// One framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// The framework's id, such as `iso5230`, which its entries name.
    pub id: String,
    /// Its full name with version, such as "ISO/IEC 5230:2020 (OpenChain licence compliance)".
    pub name: String,
    /// A short name for lists, such as "ISO/IEC 5230".
    pub short: String,
    /// Where it is published (https).
    pub url: String,
    /// The version the entries were checked against, such as "Handbook v1.3".
    #[serde(default)]
    pub version: String,
}

/// One clause, activity or stage of a framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The entry's id, which trees and self-checks use to tag what bears on it, such as
    /// `iso5230-3-1-1`.
    pub id: String,
    /// The id of the framework it belongs to.
    pub framework: String,
    /// The reference as the framework writes it: "§3.1.1", "GGI-A-16", "Stage 1".
    pub reference: String,
    /// The framework's own short title of the item.
    pub title: String,
    /// The section, goal or level it belongs to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
}

impl Crosswalk {
    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The framework with this id.
    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|f| f.id == id)
    }

    /// The entries of `ids`, grouped by framework in the registry's order, each group's entries
    /// in registry order and without repeats. Unknown ids are left out (the build refuses them).
    pub fn grouped<'a>(&'a self, ids: &[&str]) -> Vec<(&'a Framework, Vec<&'a Entry>)> {
        self.frameworks
            .iter()
            .filter_map(|framework| {
                let entries: Vec<&Entry> = self
                    .entries
                    .iter()
                    .filter(|e| e.framework == framework.id && ids.contains(&e.id.as_str()))
                    .collect();
                (!entries.is_empty()).then_some((framework, entries))
            })
            .collect()
    }
}
