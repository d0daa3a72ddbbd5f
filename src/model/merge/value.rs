//! The field-by-field merge of one item as JSON: every field, the unknown
//! ones of a newer okr included, by the same rule; nested objects (a
//! measure, a retro, a pulse) field by field too.

use serde_json::{Map, Value};

use crate::model::Conflict;

/// Merges the fields of three objects; `skip` names the fields the caller
/// merges itself. A field both sides changed differently keeps ours and
/// adds a conflict for `item` at `prefix` + the field's name.
pub fn merge_map(
    base: &Map<String, Value>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    at: (&str, &str),
    skip: &[&str],
    conflicts: &mut Vec<Conflict>,
) -> Map<String, Value> {
    let (item, prefix) = at;
    let mut out = Map::new();
    let keys = ours
        .keys()
        .chain(theirs.keys().filter(|k| !ours.contains_key(*k)))
        .chain(
            base.keys()
                .filter(|k| !ours.contains_key(*k) && !theirs.contains_key(*k)),
        );
    for k in keys {
        if skip.contains(&k.as_str()) {
            continue;
        }
        let (b, o, t) = (base.get(k), ours.get(k), theirs.get(k));
        let chosen = if o == t || t == b {
            o.cloned()
        } else if o == b {
            t.cloned()
        } else if let (Some(Value::Object(om)), Some(Value::Object(tm))) = (o, t) {
            let empty = Map::new();
            let bm = match b {
                Some(Value::Object(bm)) => bm,
                _ => &empty,
            };
            let path = format!("{prefix}{k}.");
            Some(Value::Object(merge_map(
                bm,
                om,
                tm,
                (item, &path),
                &[],
                conflicts,
            )))
        } else {
            conflicts.push(Conflict::new(
                item,
                format!("{prefix}{k}"),
                o.cloned().unwrap_or(Value::Null),
                t.cloned().unwrap_or(Value::Null),
            ));
            o.cloned()
        };
        if let Some(v) = chosen {
            out.insert(k.clone(), v);
        }
    }
    out
}

/// An object's fields, or none for anything else.
pub fn fields(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// The value at a dotted path (`measure.current`) in an object.
pub fn get_path<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |v, k| v.as_object()?.get(k))
}

/// Sets (or with `null`, removes) the value at a dotted path; false when a
/// step on the way is not an object.
pub fn set_path(v: &mut Value, path: &str, value: Value) -> bool {
    let mut parts: Vec<&str> = path.split('.').collect();
    let Some(last) = parts.pop() else {
        return false;
    };
    let mut at = v;
    for p in parts {
        match at.as_object_mut().and_then(|m| m.get_mut(p)) {
            Some(next) => at = next,
            None => return false,
        }
    }
    let Some(m) = at.as_object_mut() else {
        return false;
    };
    if value.is_null() {
        m.remove(last);
    } else {
        m.insert(last.to_string(), value);
    }
    true
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn m(v: Value) -> Map<String, Value> {
        fields(v)
    }

    #[test]
    fn a_field_changed_on_one_side_takes_the_change_nested_too() {
        let base =
            m(json!({"title": "A", "measure": {"type": "numeric", "current": 1, "target": 9}}));
        let ours =
            m(json!({"title": "B", "measure": {"type": "numeric", "current": 2, "target": 9}}));
        let theirs = m(
            json!({"title": "A", "measure": {"type": "numeric", "current": 1, "target": 7}, "new": 1}),
        );
        let mut c = Vec::new();
        let out = merge_map(&base, &ours, &theirs, ("kr1", ""), &[], &mut c);
        assert!(c.is_empty(), "{c:?}");
        assert_eq!(
            Value::Object(out),
            json!({"title": "B", "measure": {"type": "numeric", "current": 2, "target": 7}, "new": 1})
        );
    }

    #[test]
    fn the_same_field_changed_differently_keeps_ours_and_records_theirs() {
        let base = m(json!({"measure": {"current": 1}, "gone": 1}));
        let ours = m(json!({"measure": {"current": 2}}));
        let theirs = m(json!({"measure": {"current": 3}, "gone": 1}));
        let mut c = Vec::new();
        let out = merge_map(&base, &ours, &theirs, ("kr1", ""), &[], &mut c);
        assert_eq!(Value::Object(out), json!({"measure": {"current": 2}}));
        assert_eq!(
            c,
            vec![Conflict::new("kr1", "measure.current", json!(2), json!(3))]
        );
    }
}
