//! Reading a struct that keeps the fields it does not know, without serde's
//! `flatten` (which buffers the whole subtree first: for a Mål that means all
//! of its history, for the top level the whole file). Known fields are read
//! straight into their types; unknown ones into the struct's `extra` map.

/// Implements `Deserialize` for a struct with an `extra: Extra` field. Each
/// field is `name: Type` (required) or `name: Type = default` (optional).
macro_rules! deserialize_keeping_unknown {
    ($name:ident { $($field:ident : $ty:ty $(= $default:expr)?),* $(,)? }) => {
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
                                    $field = Some(map.next_value()?);
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
    (@default $field:ident, $default:expr) => { $default };
    (@default $field:ident) => { return Err(serde::de::Error::missing_field(stringify!($field))) };
}

pub(crate) use deserialize_keeping_unknown;
