//! Reading a struct that keeps the fields it does not know, without serde's
//! `flatten` (which buffers the whole subtree first: for a Mål that means all
//! of its history, for the top level the whole file). Known fields are read
//! straight into their types; unknown ones into the struct's `extra` map.

/// Implements `Deserialize` for a struct with an `extra: Extra` field. Each
/// field is `name: Type` (required) or `name: Type = default` (optional);
/// `name: Type as Via` reads it through `Via` (a wrapper whose `.0` is the value).
macro_rules! deserialize_keeping_unknown {
    ($name:ident { $($field:ident : $ty:ty $(as $via:ty)? $(= $default:expr)?),* $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                #[allow(non_camel_case_types)]
                enum Field {
                    $($field,)*
                    Unknown(String),
                }
                struct FieldVisitor;
                impl<'de> serde::de::Visitor<'de> for FieldVisitor {
                    type Value = Field;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a field name")
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Field, E> {
                        Ok(match v {
                            $(stringify!($field) => Field::$field,)*
                            other => Field::Unknown(other.to_string()),
                        })
                    }
                }
                impl<'de> serde::Deserialize<'de> for Field {
                    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                        d.deserialize_identifier(FieldVisitor)
                    }
                }
                struct Visitor;
                impl<'de> serde::de::Visitor<'de> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("an object (", stringify!($name), ")"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        $(let mut $field: Option<$ty> = None;)*
                        let mut extra = $crate::model::Extra::new();
                        while let Some(key) = map.next_key::<Field>()? {
                            match key {
                                $(Field::$field => {
                                    if $field.is_some() {
                                        return Err(serde::de::Error::duplicate_field(stringify!($field)));
                                    }
                                    $field = Some(deserialize_keeping_unknown!(@value map, $ty $(, $via)?));
                                })*
                                Field::Unknown(k) => {
                                    let v: serde_json::Value = map.next_value()?;
                                    extra.insert(k, v);
                                }
                            }
                        }
                        Ok($name {
                            $($field: match $field {
                                Some(v) => v,
                                None => deserialize_keeping_unknown!(@default $field $(, $default)?),
                            },)*
                            extra,
                        })
                    }
                }
                d.deserialize_map(Visitor)
            }
        }
    };
    (@value $map:ident, $ty:ty, $via:ty) => { $map.next_value::<$via>()?.0 };
    (@value $map:ident, $ty:ty) => { $map.next_value::<$ty>()? };
    (@default $field:ident, $default:expr) => { $default };
    (@default $field:ident) => { return Err(serde::de::Error::missing_field(stringify!($field))) };
}

pub(crate) use deserialize_keeping_unknown;

type Map = serde_json::Map<String, serde_json::Value>;

/// Fields this version does not know, kept through a load and a save: a map
/// (through `Deref`) that takes one pointer while empty, as it nearly always
/// is, instead of a whole map: a store holds one per history and check-in
/// entry, and their memory is most of a load's time beyond parsing.
#[derive(Clone, Default)]
pub struct Extra(Option<Box<Map>>);

/// The map every empty [`Extra`] reads as.
static EMPTY: std::sync::LazyLock<Map> = std::sync::LazyLock::new(Map::new);

impl Extra {
    pub const fn new() -> Extra {
        Extra(None)
    }
}

impl std::ops::Deref for Extra {
    type Target = Map;
    fn deref(&self) -> &Map {
        self.0.as_deref().unwrap_or(&EMPTY)
    }
}

impl std::ops::DerefMut for Extra {
    fn deref_mut(&mut self) -> &mut Map {
        self.0.get_or_insert_with(Box::default)
    }
}

impl From<Map> for Extra {
    fn from(map: Map) -> Extra {
        Extra((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl FromIterator<(String, serde_json::Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, serde_json::Value)>>(iter: I) -> Extra {
        Extra::from(iter.into_iter().collect::<Map>())
    }
}

impl IntoIterator for Extra {
    type Item = (String, serde_json::Value);
    type IntoIter = serde_json::map::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        self.0.map(|m| *m).unwrap_or_default().into_iter()
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Extra) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Extra {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl serde::Serialize for Extra {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Extra {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Map::deserialize(d).map(Extra::from)
    }
}

/// A date as the file writes it, `2026-11-24`, read without chrono's general
/// parser (a store holds one per history and check-in entry); anything else
/// goes to chrono's parser, which accepts and refuses as before.
pub(crate) struct FastDate(pub chrono::NaiveDate);

/// `YYYY-MM-DD` with four-digit year; `None` for any other shape or a day
/// that does not exist.
fn plain_date(s: &str) -> Option<chrono::NaiveDate> {
    let b: &[u8; 10] = s.as_bytes().try_into().ok()?;
    let digit = |i: usize| (b[i] as char).to_digit(10);
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number =
        |range: std::ops::Range<usize>| range.map(digit).try_fold(0u32, |n, d| Some(n * 10 + d?));
    let year = i32::try_from(number(0..4)?).ok()?;
    chrono::NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

impl<'de> serde::Deserialize<'de> for FastDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = FastDate;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                // chrono's words, so that errors read as before.
                f.write_str("a formatted date string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FastDate, E> {
                match plain_date(v) {
                    Some(date) => Ok(FastDate(date)),
                    None => v.parse().map(FastDate).map_err(E::custom),
                }
            }
        }
        d.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn read(json: &str) -> Result<NaiveDate, String> {
        serde_json::from_str::<FastDate>(json)
            .map(|d| d.0)
            .map_err(|e| e.to_string())
    }

    fn chrono(json: &str) -> Result<NaiveDate, String> {
        serde_json::from_str::<NaiveDate>(json).map_err(|e| e.to_string())
    }

    #[test]
    fn an_empty_extra_takes_one_pointer_and_equals_an_emptied_one() {
        assert_eq!(std::mem::size_of::<Extra>(), std::mem::size_of::<usize>());
        let mut emptied = Extra::new();
        emptied.insert("x".into(), 1.into());
        emptied.remove("x");
        assert_eq!(emptied, Extra::new());
        let read: Extra = serde_json::from_str("{}").unwrap();
        assert!(read.0.is_none(), "an empty map read takes no room");
        let read: Extra = serde_json::from_str(r#"{"b": 1, "a": [2]}"#).unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), r#"{"b":1,"a":[2]}"#);
    }

    #[test]
    fn dates_read_as_chrono_reads_them() {
        for json in [
            "\"2026-11-24\"",
            "\"0000-01-01\"",
            "\"9999-12-31\"",
            "\"2024-02-29\"",
            "\"2023-02-29\"",
            "\"2026-13-01\"",
            "\"2026-00-10\"",
            "\"2026-1-01\"",
            "\"2026-01-1x\"",
            "\"+12026-01-01\"",
            "\" 2026-01-01\"",
            "\"2026/01/01\"",
            "\"\"",
            "7",
            "null",
        ] {
            assert_eq!(read(json), chrono(json), "{json}");
        }
        assert_eq!(
            read("\"2026-11-24\""),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
        );
    }
}
