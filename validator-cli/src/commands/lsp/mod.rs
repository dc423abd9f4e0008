//! `sas-validate lsp`: a Language Server over stdio for response bodies
//! (`.json`) and HAR captures (`.har`). Diagnostics on open, change
//! (debounced) and save; hover on a finding or a rule ID shows `explain`,
//! on a national identifier's value its kind and check-digit verdict.
//! Knock-on findings and their cause point at each other (`related.rs`);
//! the findings with one certain fix have a quick fix (`fix.rs`).
//!
//! The main thread only reads messages and answers; validation runs on one
//! worker thread, so a large file never blocks the server. A result for a
//! version of a document that has since changed is dropped, not published;
//! after `shutdown` nothing is, and `exit` joins the worker.

mod diagnose;
mod diagnosed;
mod fix;
mod identifier;
mod position;
mod related;
mod worker;

use std::collections::HashMap;
use std::error::Error;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use fr_fhir_core::finding::Lang;
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _, Shutdown};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, NumberOrString, TextEdit,
    WorkspaceEdit,
};
use lsp_types::{
    Hover, HoverContents, HoverParams, MarkupContent, MarkupKind, Position, Range, Uri,
};

pub use diagnose::Context;
use position::LineMap;
use worker::{Job, Shared};

/// How long typing must pause before a changed document is validated.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// Serves over stdin/stdout until the editor says `exit`; 0 after a clean
/// `shutdown`, 1 otherwise.
pub fn serve(ctx: Context) -> std::io::Result<u8> {
    let (connection, io_threads) = Connection::stdio();
    let code = match run(&connection, ctx) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("sas-validate lsp: {e}");
            1
        }
    };
    drop(connection);
    io_threads.join()?;
    Ok(code)
}

/// An open document.
struct Doc {
    uri: Uri,
    text: Arc<str>,
    version: i32,
}

/// The server on any connection (the tests use an in-memory one).
pub fn run(connection: &Connection, mut ctx: Context) -> Result<(), Box<dyn Error + Send + Sync>> {
    let (id, init) = connection.initialize_start()?;
    // A base URL the editor's settings give for the rule links (an internal
    // mirror of the rule page); anything else is ignored.
    ctx.docs = init
        .pointer("/initializationOptions/rulesDocumentation")
        .and_then(serde_json::Value::as_str)
        .map(|b| b.split('#').next().unwrap_or(b).to_owned())
        .filter(|b| Uri::from_str(b).is_ok_and(|u| u.scheme().is_some()));
    connection.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": {
                "positionEncoding": "utf-16",
                "textDocumentSync": { "openClose": true, "change": 1, "save": { "includeText": false } },
                "hoverProvider": true,
                "codeActionProvider": { "codeActionKinds": ["quickfix"] },
            },
            "serverInfo": { "name": "sas-validate", "version": env!("CARGO_PKG_VERSION") },
        }),
    )?;
    let lang = diagnose::language(&ctx, None);
    let shared = Arc::new(Shared::default());
    let (jobs, rx) = mpsc::channel::<Job>();
    let out = connection.sender.clone();
    let w_shared = Arc::clone(&shared);
    let worker = std::thread::Builder::new().name("sas-validate-lsp".into()).spawn(move || {
        worker::run(&rx, &w_shared, ctx, &|m| {
            let _ = out.send(m);
        });
    })?;
    let mut docs: HashMap<String, Doc> = HashMap::new();
    let submit = |doc: &Doc, delay: Duration| {
        shared.set_current(doc.uri.as_str(), Some(doc.version));
        let _ = jobs.send(Job {
            uri: doc.uri.clone(),
            version: doc.version,
            text: Arc::clone(&doc.text),
            due: Instant::now() + delay,
        });
    };
    let result = serve_messages(connection, &mut docs, &shared, &submit, lang);
    // `exit` (or a broken connection): the worker drops what is waiting, and
    // a validation in progress is waited for, its result not published, so
    // no thread outlives the server.
    shared.stop();
    drop(jobs);
    let _ = worker.join();
    result
}

/// The main loop: reads the editor's messages until `exit`.
fn serve_messages(
    connection: &Connection,
    docs: &mut HashMap<String, Doc>,
    shared: &Shared,
    submit: &dyn Fn(&Doc, Duration),
    lang: Lang,
) -> Result<(), Box<dyn Error + Send + Sync>> {
    for msg in &connection.receiver {
        match msg {
            Message::Request(req) => {
                if req.method == Shutdown::METHOD {
                    // Nothing is published after the answer to `shutdown`.
                    shared.stop();
                }
                if connection.handle_shutdown(&req)? {
                    break;
                }
                let resp = answer(&req, docs, shared, lang);
                connection.sender.send(Message::Response(resp))?;
            }
            Message::Notification(n) => {
                let method = n.method.clone();
                // A malformed notification is the editor's bug: said, skipped.
                if let Err(e) = notification(connection, n, docs, shared, submit) {
                    eprintln!("sas-validate lsp: {method}: {e}");
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// One notification of the editor.
fn notification(
    connection: &Connection,
    n: Notification,
    docs: &mut HashMap<String, Doc>,
    shared: &Shared,
    submit: &dyn Fn(&Doc, Duration),
) -> Result<(), Box<dyn Error + Send + Sync>> {
    match n.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let p: lsp_types::DidOpenTextDocumentParams = params(n)?;
            let d = p.text_document;
            let doc = Doc { uri: d.uri, text: d.text.into(), version: d.version };
            submit(&doc, Duration::ZERO);
            docs.insert(doc.uri.as_str().to_owned(), doc);
        }
        DidChangeTextDocument::METHOD => {
            let p: lsp_types::DidChangeTextDocumentParams = params(n)?;
            // Full synchronisation: the last change is the whole text.
            let Some(change) = p.content_changes.into_iter().next_back() else {
                return Ok(());
            };
            let doc = Doc {
                uri: p.text_document.uri,
                text: change.text.into(),
                version: p.text_document.version,
            };
            submit(&doc, DEBOUNCE);
            docs.insert(doc.uri.as_str().to_owned(), doc);
        }
        DidSaveTextDocument::METHOD => {
            let p: lsp_types::DidSaveTextDocumentParams = params(n)?;
            // The configuration file next to it may have changed too.
            if let Some(doc) = docs.get(p.text_document.uri.as_str()) {
                submit(doc, Duration::ZERO);
            }
        }
        DidCloseTextDocument::METHOD => {
            let p: lsp_types::DidCloseTextDocumentParams = params(n)?;
            let uri = p.text_document.uri;
            docs.remove(uri.as_str());
            shared.set_current(uri.as_str(), None);
            connection.sender.send(worker::publish(&uri, None, Vec::new()))?;
        }
        _ => {}
    }
    Ok(())
}

fn params<P: serde::de::DeserializeOwned>(
    n: Notification,
) -> Result<P, Box<dyn Error + Send + Sync>> {
    Ok(serde_json::from_value(n.params)?)
}

fn answer(req: &Request, docs: &HashMap<String, Doc>, shared: &Shared, lang: Lang) -> Response {
    let id = req.id.clone();
    match req.method.as_str() {
        HoverRequest::METHOD => {
            let hover = serde_json::from_value::<HoverParams>(req.params.clone())
                .ok()
                .and_then(|p| hover(&p, docs, shared, lang));
            Response::new_ok(id, hover)
        }
        CodeActionRequest::METHOD => {
            let actions = serde_json::from_value::<CodeActionParams>(req.params.clone())
                .map(|p| code_actions(&p, docs, lang))
                .unwrap_or_default();
            Response::new_ok(id, actions)
        }
        m => Response::new_err(
            id,
            lsp_server::ErrorCode::MethodNotFound as i32,
            format!("unsupported request: {m}"),
        ),
    }
}

/// The quick fixes of the diagnostics the editor sends (those of the cursor's
/// line or selection) that have one unambiguous fix.
fn code_actions(
    p: &CodeActionParams,
    docs: &HashMap<String, Doc>,
    lang: Lang,
) -> Vec<CodeActionOrCommand> {
    let uri = &p.text_document.uri;
    let Some(doc) = docs.get(uri.as_str()) else { return Vec::new() };
    let map = LineMap::new(&doc.text);
    p.context
        .diagnostics
        .iter()
        .filter_map(|d| {
            let Some(NumberOrString::String(code)) = &d.code else { return None };
            let (title, edit) = match code.as_str() {
                fix::SAS_INSTANT => {
                    let token = doc.text.get(map.offset(d.range.start)..map.offset(d.range.end))?;
                    let new_text = fix::sas_instant(token)?;
                    let title =
                        format!("{} {new_text}", crate::locale::tr(lang, "Écrire", "Write"));
                    (title, TextEdit { range: d.range, new_text })
                }
                fix::SEARCH_MODE => {
                    let data = d.data.as_ref()?;
                    let (start, end, new_text) =
                        fix::search_mode(&doc.text, map.offset(d.range.start), data)?;
                    let mode = data.get("mode")?.as_str()?;
                    let title = match data.get("add").and_then(serde_json::Value::as_str) {
                        Some(_) => format!(
                            "{} search.mode `{mode}`",
                            crate::locale::tr(lang, "Ajouter", "Add")
                        ),
                        None => format!(
                            "{} search.mode `{mode}`",
                            crate::locale::tr(lang, "Écrire", "Write")
                        ),
                    };
                    let range = Range::new(map.position(start), map.position(end));
                    (title, TextEdit { range, new_text })
                }
                _ => return None,
            };
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(true),
                ..CodeAction::default()
            }))
        })
        .collect()
}

/// The documentation of the rules of the findings under the cursor, else of
/// the rule ID under the cursor (in a `sas-validate.toml`, an `.expected`
/// file, a comment...).
fn hover(
    p: &HoverParams,
    docs: &HashMap<String, Doc>,
    shared: &Shared,
    lang: Lang,
) -> Option<Hover> {
    let uri = &p.text_document_position_params.text_document;
    let pos = p.text_document_position_params.position;
    let mut rules: Vec<&'static fr_fhir_core::finding::RuleMeta> =
        shared.rules_at(uri.uri.as_str(), pos).into_iter().collect();
    let mut range = None;
    if rules.is_empty() {
        let doc = docs.get(uri.uri.as_str())?;
        let at = LineMap::new(&doc.text).offset(pos);
        if let Some(value) = identifier::hover(&doc.text, at, lang) {
            return Some(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value,
                }),
                range: None,
            });
        }
        let (word, r) = word_at(&doc.text, pos)?;
        rules.push(int_ro1::by_id(word).filter(|r| r.id.eq_ignore_ascii_case(word))?);
        range = Some(r);
    }
    rules.dedup_by_key(|r| r.id);
    let mut text = String::new();
    for r in rules {
        let mut buf = Vec::new();
        let _ = crate::commands::explain::print(&mut buf, &mut std::io::sink(), r.id, lang);
        if !text.is_empty() {
            text.push_str("\n---\n\n");
        }
        text.push_str("### ");
        text.push_str(&String::from_utf8_lossy(&buf));
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }),
        range,
    })
}

/// The rule-ID-like word (`RO1-SLOT-005`) at `pos`, and its range.
fn word_at(text: &str, pos: Position) -> Option<(&str, Range)> {
    let map = LineMap::new(text);
    let at = map.offset(pos);
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let start = text.get(..at)?.rfind(|c: char| !is_word(c)).map_or(0, |i| i + 1);
    let end = text.get(at..)?.find(|c: char| !is_word(c)).map_or(text.len(), |i| at + i);
    let word = text.get(start..end).filter(|w| !w.is_empty())?;
    Some((word, Range::new(map.position(start), map.position(end))))
}

/// The document's path when its URI is a `file:` one.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///x` or `file://localhost/x`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|h| (*h as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                decoded.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
            }
            _ => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    let s = String::from_utf8(decoded).ok()?;
    // `/C:/dir/x.json` on Windows.
    let s = match s.as_bytes() {
        [b'/', d, b':', ..] if d.is_ascii_alphabetic() && cfg!(windows) => s.get(1..)?.to_owned(),
        _ => s,
    };
    Some(PathBuf::from(s))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::str::FromStr;

    #[test]
    fn file_uris_are_decoded() {
        let uri = Uri::from_str("file:///tmp/r%C3%A9ponses/a%20b.json").unwrap();
        assert_eq!(file_path(&uri), Some(PathBuf::from("/tmp/réponses/a b.json")));
        assert_eq!(file_path(&Uri::from_str("untitled:Untitled-1").unwrap()), None);
    }

    #[test]
    fn rule_ids_are_found_under_the_cursor() {
        let text = "ignore = [\"RO1-SLOT-005\"]\n";
        let (w, r) = word_at(text, Position::new(0, 14)).unwrap();
        assert_eq!(w, "RO1-SLOT-005");
        assert_eq!(r, Range::new(Position::new(0, 11), Position::new(0, 23)));
    }
}
