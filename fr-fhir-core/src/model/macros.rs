//! `fhir_type!`: one declaration gives a model struct, its reader, its
//! serializer, its traversal and its owned form (`into_owned`, and
//! `Deserialize` for `'static`), so they can never disagree on an element
//! name or forget a field.
//!
//! Field kinds: `Option<T>` is a 0..1 element, `Vec<T>` a 0..* element;
//! `prim` lists the primitive fields (they may have `_x` siblings); `known`
//! lists R4 elements kept as raw JSON without being modeled.

macro_rules! fhir_type {
    (
        $(#[$meta:meta])*
        $name:ident $(resource = $rt:literal)? {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $key:literal ),* $(,)?
        }
        prim: [ $($prim:literal),* $(,)? ]
        known: [ $($known:literal),* $(,)? ]
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name<'a> {
            $( $(#[$fmeta])* #[doc = concat!("FHIR element `", $key, "`.")] pub $field: $ty, )*
            /// Byte span of the JSON object (empty for values built in code).
            pub span: $crate::json::Span,
            /// Raw elements and `_x` siblings (usually none).
            pub extras: $crate::model::de::Extras<'a>,
        }

        impl<'a> $name<'a> {
            /// The FHIR type name.
            pub const TYPE_NAME: &'static str = stringify!($name);
            /// JSON names of the modeled elements, in FHIR order.
            pub const ELEMENTS: &'static [&'static str] = &[$($key),*];

            /// The primitive type element `key` is read and checked as, when
            /// it is a 0..1 primitive of this model ([`SingleKind`](crate::model::prim::SingleKind)).
            #[allow(dead_code)]
            pub(crate) fn single_prim(key: &str) -> Option<$crate::primitives::PrimitiveKind> {
                match key {
                    $( $key => <$ty as $crate::model::prim::SingleKind>::SINGLE, )*
                    _ => None,
                }
            }
        }

        impl $crate::model::prim::ItemKind for $name<'_> {}

        impl<'a> $crate::model::de::FromJson<'a> for $name<'a> {
            const EXPECTED: $crate::json::Kind = $crate::json::Kind::Object;

            fn read(
                r: &mut $crate::json::Reader<'a>,
                cx: &mut $crate::model::de::Cx<'a>,
            ) -> Result<Option<Self>, $crate::json::JsonError> {
                let mut out = Self::default();
                out.fill(r, cx)?;
                Ok(Some(out))
            }

            fn read_push(
                out: &mut Vec<Self>,
                r: &mut $crate::json::Reader<'a>,
                cx: &mut $crate::model::de::Cx<'a>,
                in_array_of: Option<&'static str>,
            ) -> Result<(), $crate::json::JsonError> {
                if r.peek()? == $crate::json::Kind::Object {
                    if let Some(v) = cx.recall::<Self>(r) {
                        out.push(v);
                        return Ok(());
                    }
                    let at = (r.pos(), r.depth_left(), cx.noted());
                    out.push(Self::default());
                    if let Some(last) = out.last_mut() {
                        last.fill(r, cx)?;
                        cx.remember(r, at, last);
                    }
                } else if let Some(v) = $crate::model::de::read_value(r, cx, in_array_of)? {
                    out.push(v);
                }
                Ok(())
            }

            fn read_array(
                out: &mut Vec<Self>,
                name: &'static str,
                r: &mut $crate::json::Reader<'a>,
                cx: &mut $crate::model::de::Cx<'a>,
            ) -> Result<(), $crate::json::JsonError> {
                if !cx.remembers_arrays::<Self>() {
                    return $crate::model::de::read_items(out, name, r, cx);
                }
                if let Some(items) = cx.recall_array::<Self>(r) {
                    *out = items;
                    return Ok(());
                }
                let at = (r.pos(), r.depth_left(), cx.noted());
                $crate::model::de::read_items(out, name, r, cx)?;
                cx.remember_array(r, at, out);
                Ok(())
            }

            fn read_opt(
                out: &mut Option<Self>,
                r: &mut $crate::json::Reader<'a>,
                cx: &mut $crate::model::de::Cx<'a>,
            ) -> Result<(), $crate::json::JsonError> {
                if r.peek()? == $crate::json::Kind::Object {
                    if let Some(v) = cx.recall::<Self>(r) {
                        *out = Some(v);
                        return Ok(());
                    }
                    let at = (r.pos(), r.depth_left(), cx.noted());
                    let value = out.insert(Self::default());
                    value.fill(r, cx)?;
                    cx.remember(r, at, value);
                    Ok(())
                } else {
                    *out = $crate::model::de::read_value(r, cx, None)?;
                    Ok(())
                }
            }

            fn read_boxed(
                r: &mut $crate::json::Reader<'a>,
                cx: &mut $crate::model::de::Cx<'a>,
            ) -> Result<Option<Box<Self>>, $crate::json::JsonError> {
                // Filled in place: large resources are never moved after allocation.
                let mut out = Box::<Self>::default();
                out.fill(r, cx)?;
                Ok(Some(out))
            }
        }

        impl<'a> $name<'a> {
            /// Reads the object at the reader into `self` (a default value).
            pub(crate) fn fill(
                &mut self,
                r: &mut $crate::json::Reader<'a>,
                cx: &mut $crate::model::de::Cx<'a>,
            ) -> Result<(), $crate::json::JsonError> {
                let obj = r.object()?;
                self.fill_keys(r, cx, obj, true)
            }

            /// Reads the keys of the object `obj` the reader is in (`empty`:
            /// no key read yet) into `self` (a default value).
            #[inline(always)]
            fn fill_keys(
                &mut self,
                r: &mut $crate::json::Reader<'a>,
                cx: &mut $crate::model::de::Cx<'a>,
                mut obj: $crate::json::Obj,
                mut empty: bool,
            ) -> Result<(), $crate::json::JsonError> {
                use $crate::model::de::Field as _;
                let out = self;
                let start = obj.start();
                let mark = cx.mark();
                while let Some((key, _key_span)) = r.next_key_inline(&mut obj)? {
                    empty = false;
                    match &*key {
                        $( $key => out.$field.read_field($key, r, cx)?, )*
                        $( "resourceType" => $crate::model::resource::check_resource_type($rt, r, cx)?, )?
                        _ => $crate::model::de::read_other(
                            key,
                            stringify!($name),
                            &[$($prim),*],
                            &[$($known),*],
                            r,
                            cx,
                            &mut out.extras,
                        )?,
                    }
                }
                out.span = $crate::json::Span::new(start, r.pos32());
                if empty {
                    cx.note($crate::model::de::NoteKind::EmptyObject, out.span);
                }
                cx.finish_object(mark, &out.extras);
                Ok(())
            }
        }

        $(
            impl<'a> $crate::model::resource::AfterType<'a> for $name<'a> {
                const RESOURCE_TYPE: &'static str = $rt;

                fn read_after_type(
                    r: &mut $crate::json::Reader<'a>,
                    cx: &mut $crate::model::de::Cx<'a>,
                    obj: $crate::json::Obj,
                ) -> Result<Box<Self>, $crate::json::JsonError> {
                    let mut out = Box::<Self>::default();
                    out.fill_keys(r, cx, obj, false)?;
                    Ok(out)
                }
            }
        )?

        #[cfg(feature = "schemars")]
        impl<'a> schemars::JsonSchema for $name<'a> {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }

            fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let mut props = serde_json::Map::new();
                #[allow(unused_mut)]
                let mut required: Vec<&str> = Vec::new();
                $(
                    props.insert("resourceType".into(), serde_json::json!({ "const": $rt }));
                    required.push("resourceType");
                )?
                $( props.insert($key.into(), g.subschema_for::<$ty>().to_value()); )*
                schemars::json_schema!({
                    "type": "object",
                    "description": concat!("FHIR R4 ", stringify!($name)),
                    "properties": props,
                    "required": required,
                })
            }
        }

        impl $name<'_> {
            /// Detaches the value from the text it was read from (copies
            /// its borrowed strings; spans are kept), so that it can be
            /// stored, cached or sent to another thread. See
            /// [`IntoOwned`](crate::model::IntoOwned).
            pub fn into_owned(self) -> $name<'static> {
                $name {
                    $( $field: $crate::model::IntoOwned::into_owned(self.$field), )*
                    span: self.span,
                    extras: self.extras.into_owned(),
                }
            }
        }

        impl $crate::model::IntoOwned for $name<'_> {
            type Owned = $name<'static>;
            fn into_owned(self) -> Self::Owned {
                $name::into_owned(self)
            }
        }

        $crate::model::owned::deserialize_owned!($name);

        $crate::model::memo::remember_impl!($name);

        impl $crate::model::memo::EachSpan for $name<'_> {
            fn each_span<F: FnMut(&mut $crate::json::Span)>(&mut self, f: &mut F) {
                $( $crate::model::memo::EachSpan::each_span(&mut self.$field, f); )*
                $crate::model::memo::EachSpan::each_span(&mut self.span, f);
                $crate::model::memo::EachSpan::each_span(&mut self.extras, f);
            }
        }

        impl $crate::model::memo::Moved for $name<'_> {
            fn moved(&self, by: $crate::model::memo::Shift) -> Self {
                $name {
                    $( $field: $crate::model::memo::Moved::moved(&self.$field, by), )*
                    span: by.span(self.span),
                    extras: $crate::model::memo::Moved::moved(&self.extras, by),
                }
            }
        }

        impl<'a> $crate::model::walk::Walk<'a> for $name<'a> {
            #[allow(unused_variables)]
            fn walk(&self, v: &mut dyn $crate::model::walk::Visitor<'a>) {
                $crate::model::walk::pre_visit!($name, self, v);
                $( $crate::model::walk::Walk::walk(&self.$field, v); )*
            }
        }

        impl serde::Serialize for $name<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap as _;
                use $crate::model::de::Field as _;
                let mut map = s.serialize_map(None)?;
                $( map.serialize_entry("resourceType", $rt)?; )?
                $(
                    if self.$field.is_present() {
                        map.serialize_entry($key, &self.$field)?;
                    }
                )*
                $crate::model::ser::write_extras(&mut map, &self.extras)?;
                map.end()
            }
        }
    };
}

pub(crate) use fhir_type;
