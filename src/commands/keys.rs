//! `okr keys`: the key table in force (the defaults with the config file's
//! `keys`), context by context: each action's name in the config file, its
//! keys as the config file writes them, and what it does in the user's
//! language. In a terminal, a heading per context (its name in the config
//! file and where it is) and aligned columns; in a
//! pipe, one tab-separated line per action: context, action, keys, name.

use std::io::Write;

use crate::error::Result;

use crate::i18n::Strings;
use crate::keys::{ALL_CONTEXTS, Action, Context, Key, Keymap};

/// An action and its keys in one context.
type Row = (Action, Vec<Key>);

/// One context's actions, in table order, with their keys (no key twice).
fn rows(map: &Keymap, ctx: Context) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    for b in map.in_context(ctx) {
        let at = match out.iter().position(|(a, _)| *a == b.action) {
            Some(at) => at,
            None => {
                out.push((b.action, Vec::new()));
                out.len() - 1
            }
        };
        for k in &b.keys {
            if !out[at].1.contains(k) {
                out[at].1.push(*k);
            }
        }
    }
    out
}

/// Keys as the config file writes them; a key from the file is never
/// printed raw ([`crate::text::line`]).
fn written(keys: &[Key]) -> String {
    let ids: Vec<String> = keys.iter().map(|k| k.id()).collect();
    crate::text::line(&ids.join(" "))
}

/// Prints the table: for a terminal when `terminal`, else plain lines.
pub fn print(map: &Keymap, s: &Strings, terminal: bool, out: &mut impl Write) -> Result<()> {
    let all: Vec<(Context, Vec<Row>)> = ALL_CONTEXTS.iter().map(|c| (*c, rows(map, *c))).collect();
    if !terminal {
        for (ctx, rows) in &all {
            for (a, keys) in rows {
                let name = s.action(*a);
                writeln!(out, "{}\t{}\t{}\t{name}", ctx.id(), a.id(), written(keys))?;
            }
        }
        return Ok(());
    }
    let width = |f: &dyn Fn(&Row) -> usize| {
        all.iter()
            .flat_map(|(_, r)| r.iter().map(f))
            .max()
            .unwrap_or(0)
    };
    let w_id = width(&|(a, _)| a.id().chars().count());
    // A long list of keys (a text field's) does not widen every row.
    let w_keys = width(&|(_, k)| written(k).chars().count()).min(KEYS_WIDTH);
    for (i, (ctx, rows)) in all.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}: {}", ctx.id(), (s.keys.context)(*ctx))?;
        for (a, keys) in rows {
            let keys = written(keys);
            let name = s.action(*a);
            writeln!(out, "  {:<w_id$}  {keys:<w_keys$}  {name}", a.id())?;
        }
    }
    Ok(())
}

/// The widest the keys column grows in a terminal.
const KEYS_WIDTH: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_context_lists_its_actions_once_with_all_their_keys() {
        let map = Keymap::default();
        let detail = rows(&map, Context::DetailInitiatives);
        let edit: Vec<_> = detail.iter().filter(|(a, _)| *a == Action::Edit).collect();
        assert_eq!(edit.len(), 1);
        assert_eq!(edit[0].1, vec![Key::Enter, Key::Char('e')]);
        let mut out = Vec::new();
        print(&map, &crate::i18n::EN, false, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("quarter\tundo\tu\tundo\n"), "{text}");
        assert!(text.lines().all(|l| l.split('\t').count() == 4));
        let mut out = Vec::new();
        print(&map, &crate::i18n::SV, true, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("quarter: kvartalsvyn (mål)\n"), "{text}");
    }
}
