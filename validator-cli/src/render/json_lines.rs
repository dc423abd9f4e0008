//! `--format json-lines`: one JSON object per line, streamed as inputs
//! finish, like ripgrep's `--json`: `begin` and `end` around each input,
//! one `finding` per finding between them, `summary` last.

use std::io::{self, Write};

use serde::Serialize;

use super::json::{self, Counts, ExchangeHead, Finding, InputError, JsonSummary, Text};
use super::{Ctx, Renderer, TOOL, VERSION};
use crate::model::{InputReport, Summary};

#[derive(Serialize)]
#[serde(tag = "type", content = "data", rename_all = "lowercase")]
enum Message<'a> {
    Begin {
        path: &'a str,
        kind: Option<&'static str>,
        size: u64,
        notes: Vec<Text>,
    },
    Finding {
        path: &'a str,
        exchange: usize,
        #[serde(flatten)]
        finding: Finding,
    },
    End {
        path: &'a str,
        error: Option<InputError>,
        counts: Counts,
        exchanges: Vec<ExchangeHead>,
    },
    Summary {
        tool: &'static str,
        version: &'static str,
        #[serde(flatten)]
        summary: JsonSummary,
    },
}

/// The JSON Lines renderer.
pub(crate) struct JsonLines {
    ctx: Ctx,
}

impl JsonLines {
    /// A JSON Lines renderer.
    pub fn new(ctx: Ctx) -> Self {
        JsonLines { ctx }
    }
}

fn line(out: &mut dyn Write, m: &Message<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, m)?;
    out.write_all(b"\n")
}

impl Renderer for JsonLines {
    fn input(&mut self, out: &mut dyn Write, r: InputReport) -> io::Result<()> {
        let counts = (&r.counts()).into();
        let j = json::input(r, &self.ctx);
        line(out, &Message::Begin { path: &j.path, kind: j.kind, size: j.size, notes: j.notes })?;
        let mut exchanges = Vec::with_capacity(j.exchanges.len());
        for ex in j.exchanges {
            for f in ex.findings {
                line(
                    out,
                    &Message::Finding { path: &j.path, exchange: ex.head.index, finding: f },
                )?;
            }
            exchanges.push(ex.head);
        }
        line(out, &Message::End { path: &j.path, error: j.error, counts, exchanges })
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        line(
            out,
            &Message::Summary {
                tool: TOOL,
                version: VERSION,
                summary: json::summary(s, &self.ctx),
            },
        )
    }
}
