//! `sas-validate lsp` driven over stdio as an editor does: initialize,
//! didOpen of a defective Bundle, didChange fixing one defect, hover,
//! shutdown and exit. Ranges are checked in UTF-16 code units on a line
//! holding non-ASCII characters and escapes before the defect.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Held by the tests that validate a large document: two at once on a
/// small machine would measure each other, not the server.
static LARGE: std::sync::Mutex<()> = std::sync::Mutex::new(());

struct Server {
    child: Child,
    stdin: ChildStdin,
    rx: mpsc::Receiver<Value>,
    next_id: i64,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sas-validate"))
            .args(["lsp", "--stdio"])
            .current_dir(common::root())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "en_GB.UTF-8")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if out.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = Some(v.parse::<usize>().unwrap());
                    }
                }
                let mut body = vec![0; len.expect("Content-Length")];
                out.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice::<Value>(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Server { child, stdin, rx, next_id: 1 }
    }

    fn send(&mut self, msg: &Value) {
        let body = serde_json::to_vec(msg).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its response (messages before it are
    /// kept by `wait` callers: there are none the tests need here).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == id)
    }

    /// The next message for which `pred` holds (others are dropped).
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self.rx.recv_timeout(left).expect("no answer from the server in time");
            if pred(&m) {
                return m;
            }
        }
    }

    fn diagnostics(&mut self, version: i64) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

/// ps-slot-dates.json with a line holding non-ASCII text, `\u` escapes and
/// an emoji (two UTF-16 units) before the value of entry 4's bad `end`.
fn defective() -> String {
    let src = std::fs::read_to_string(common::root().join("examples/invalid/ps-slot-dates.json"))
        .unwrap();
    let old = "        \"end\": \"2026-11-27T10:00:00.000+01:00\",\n        \"comment\": \"https://agenda.exemple-editeur.fr/rdv/camille-vidal-2290?lieu=montpellier\"";
    assert!(src.contains(old));
    src.replace(
        old,
        "        \"comment\": \"https://agenda.exemple-editeur.fr/rdv/h\\u00e9l\\u00e8ne-vidal?lieu=Béziers-😀\", \"end\": \"2026-11-27T10:00:00.000+01:00\"",
    )
}

/// The expected LSP range of the JSON string `value` on the line that holds
/// `key`, a line with multi-byte characters before the value.
fn range_of(text: &str, key: &str, value: &str) -> Value {
    let r = range_any(text, key, value);
    let line = text.lines().nth(r["start"]["line"].as_u64().unwrap() as usize).unwrap();
    assert!(line.len() > line.encode_utf16().count(), "the line must hold multi-byte characters");
    r
}

/// The expected LSP range of the JSON string `value` on the line that holds `key`.
fn range_any(text: &str, key: &str, value: &str) -> Value {
    let (line_no, line) =
        text.lines().enumerate().find(|(_, l)| l.contains(key) && l.contains(value)).unwrap();
    let at = line.find(key).unwrap() + key.len();
    let at = at + line[at..].find(value).unwrap();
    let start = line[..at].encode_utf16().count();
    let end = start + value.encode_utf16().count();
    json!({"start": {"line": line_no, "character": start}, "end": {"line": line_no, "character": end}})
}

fn by_rule<'a>(d: &'a [Value], rule: &str) -> Vec<&'a Value> {
    d.iter().filter(|d| d["code"] == rule).collect()
}

#[test]
fn editor_session_over_stdio() {
    let dir = std::env::temp_dir().join(format!("sas-validate-lsp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // The configuration file next to the document is honoured.
    std::fs::write(dir.join("sas-validate.toml"), "ignore = [\"RO1-SLOT-003\"]\n").unwrap();
    let uri = format!("file://{}/r%C3%A9ponse%20PS.json", dir.display());

    let mut s = Server::start();
    let init =
        s.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 1, "{init}");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(init["result"]["serverInfo"]["name"], "sas-validate");
    s.notify("initialized", json!({}));

    let text = defective();
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
    );
    let d = s.diagnostics(1);
    let bad_end = by_rule(&d, "RO1-SLOT-005");
    assert_eq!(bad_end.len(), 1, "{d:#?}");
    let f = bad_end[0];
    assert_eq!(f["range"], range_of(&text, "\"end\": ", "\"2026-11-27T10:00:00.000+01:00\""));
    assert_eq!(f["severity"], 1);
    assert_eq!(f["source"], "sas-validate");
    assert!(
        f["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("/int_ro1/rules_doc/index.html#ro1-slot-005"),
        "{f}"
    );
    assert!(f["message"].as_str().unwrap().contains("is not after Slot.start"), "{f}");
    assert!(f["message"].as_str().unwrap().contains("--> Bundle.entry[4].resource.end"), "{f}");
    // A missing element points at its parent object's brace.
    let missing = by_rule(&d, "RO1-SLOT-002");
    assert_eq!(missing.len(), 1, "{d:#?}");
    let r = &missing[0]["range"];
    assert_eq!(
        r["end"]["character"].as_u64().unwrap(),
        r["start"]["character"].as_u64().unwrap() + 1
    );
    // Ignored by the configuration file.
    assert!(by_rule(&d, "RO1-SLOT-003").is_empty(), "{d:#?}");
    assert_eq!(by_rule(&d, "RO1-SLOT-004").len(), 2, "{d:#?}");

    // Typing: version 2 is superseded before the pause ends, only version 3
    // (the end fixed) is validated and published.
    let fixed = text.replace(
        "\"end\": \"2026-11-27T10:00:00.000+01:00\"",
        "\"end\": \"2026-11-27T11:00:00.000+01:00\"",
    );
    let half =
        text.replace("\"end\": \"2026-11-27T10:00:00.000+01:00\"", "\"end\": \"2026-11-27T1\"");
    for (version, t) in [(2, &half), (3, &fixed)] {
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": t}]}),
        );
    }
    let m = s.wait(|m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(m["params"]["version"], 3, "the stale version 2 was published: {m}");
    let d = m["params"]["diagnostics"].as_array().unwrap().clone();
    assert!(by_rule(&d, "RO1-SLOT-005").is_empty(), "{d:#?}");
    assert_eq!(by_rule(&d, "RO1-SLOT-002").len(), 1, "{d:#?}");

    // Hover on a finding: its rule's documentation, as `explain` prints it.
    let at = by_rule(&d, "RO1-SLOT-002")[0]["range"]["start"].clone();
    let h = s.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": at}));
    let value = h["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("### RO1-SLOT-002 slot-start-end-present"), "{value}");
    assert!(value.contains("## How to fix"), "{value}");
    // A quick fix for the SAS instant form, as the editor asks for it (the
    // diagnostics of the cursor's line in the context).
    let sas = by_rule(&d, "RO1-SLOT-004");
    assert_eq!(sas.len(), 2, "{d:#?}");
    let a = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": sas[0]["range"],
            "context": {"diagnostics": [sas[0]]}}),
    );
    let actions = a["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{a}");
    assert_eq!(actions[0]["kind"], "quickfix");
    let edits = &actions[0]["edit"]["changes"][&uri];
    assert_eq!(edits[0]["range"], sas[0]["range"]);
    assert_eq!(edits[0]["newText"], "\"2026-11-26T16:00:00.000+01:00\"", "{a}");
    // Hover on a national identifier's value: its kind and verdict.
    let (line, l) =
        fixed.lines().enumerate().find(|(_, l)| l.contains("\"810008642133\"")).unwrap();
    let character = l.find("8100").unwrap();
    let h = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
    );
    let value = h["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**IDNPS** `810008642133`: RPPS"), "{value}");
    // Hover where there is no finding and no rule ID: nothing.
    let h = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(h["result"], Value::Null, "{h}");

    // Saving re-validates the current version.
    s.notify("textDocument/didSave", json!({"textDocument": {"uri": uri}}));
    assert_eq!(s.diagnostics(3).len(), d.len());
    s.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let m = s.wait(|m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(m["params"]["diagnostics"], json!([]));

    let r = s.request("shutdown", Value::Null);
    assert_eq!(r["result"], Value::Null, "{r}");
    s.notify("exit", Value::Null);
    let status = s.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn har_capture_ranges_point_into_the_escaped_body() {
    let path = common::root().join("examples/captures/ps-ok.har");
    let ok = std::fs::read_to_string(&path).unwrap();
    // A slot that ends before it starts, inside the response's content.text
    // (one long line, its quotes escaped), after non-ASCII text.
    let old = r#"\"end\": \"2026-11-26T14:20:00.000+01:00\""#;
    let bad = r#"\"end\": \"2026-11-26T13:00:00.000+01:00\""#;
    assert!(ok.contains(old));
    let text = ok.replacen(old, bad, 1);
    let mut s = Server::start();
    s.request("initialize", json!({"processId": null, "capabilities": {}}));
    s.notify("initialized", json!({}));
    let uri = format!("file://{}", path.display());
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "json", "version": 7, "text": text}}),
    );
    let d = s.diagnostics(7);
    let f = by_rule(&d, "RO1-SLOT-005");
    assert_eq!(f.len(), 1, "{d:#?}");
    assert_eq!(
        f[0]["range"],
        range_of(&text, r#"\"end\": "#, r#"\"2026-11-26T13:00:00.000+01:00\""#)
    );
    // Every range lies inside the document.
    let lines: Vec<&str> = text.split('\n').collect();
    for f in &d {
        for end in ["start", "end"] {
            let p = &f["range"][end];
            let line = lines[p["line"].as_u64().unwrap() as usize];
            assert!(
                p["character"].as_u64().unwrap() as usize <= line.encode_utf16().count(),
                "{f}"
            );
        }
    }
    s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    assert_eq!(s.child.wait().unwrap().code(), Some(0));
}

/// `examples/valid/ps-two-practitioners.json` with its entries repeated
/// 400 times: a Bundle of about 8 MB whose validation takes the worker far
/// longer (seconds) than the main thread takes to answer a request.
fn large_bundle() -> String {
    let src =
        std::fs::read_to_string(common::root().join("examples/valid/ps-two-practitioners.json"))
            .unwrap();
    let v: Value = serde_json::from_str(&src).unwrap();
    let entries = v["entry"].as_array().unwrap();
    let mut big = v.clone();
    big["entry"] =
        Value::Array(entries.iter().cycle().take(entries.len() * 400).cloned().collect());
    let text = serde_json::to_string_pretty(&big).unwrap();
    assert!(text.len() > 3_000_000, "{}", text.len());
    text
}

/// A large document never blocks the server: a hover on another document,
/// asked once the large one is opened, is answered before the large
/// document's diagnostics are published, and those do arrive. The order of
/// the server's messages is asserted, not a duration: the worker would have
/// to validate several MB before the main thread handles a message already
/// waiting for it, whereas a server validating on its main thread always
/// publishes first. How long the answer took is printed, not asserted
/// (`-- --nocapture`; the README quotes it).
#[test]
fn the_server_answers_while_a_large_file_is_validated() {
    let _large = LARGE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let text = large_bundle();
    let small_uri = "file:///tmp/sas-validate-lsp-big/small.json";
    let small = std::fs::read_to_string(common::root().join("examples/invalid/ps-slot-dates.json"))
        .unwrap();
    let mut s = Server::start();
    s.request("initialize", json!({"processId": null, "capabilities": {}}));
    s.notify("initialized", json!({}));
    // The small document's diagnostics come first: the hover shows them.
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": small_uri, "languageId": "json", "version": 1, "text": small}}),
    );
    let d = s.diagnostics(1);
    let at = by_rule(&d, "RO1-SLOT-005")[0]["range"]["start"].clone();

    let uri = "file:///tmp/sas-validate-lsp-big/large.json";
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
    );
    let started = Instant::now();
    s.send(&json!({"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": small_uri}, "position": at}}));
    // The server's messages in the order it wrote them.
    let first = s.wait(|m| m["id"] == 99 || m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(
        first["id"], 99,
        "{} of {} came before the hover answer: the server was blocked",
        first["method"], first["params"]["uri"]
    );
    let answered = started.elapsed();
    let value = first["result"]["contents"]["value"].as_str().unwrap_or_default();
    assert!(value.starts_with("### RO1-SLOT-005"), "{first}");
    let m = s.wait(|m| m["method"] == "textDocument/publishDiagnostics");
    let validated = started.elapsed();
    assert_eq!((m["params"]["uri"].as_str(), &m["params"]["version"]), (Some(uri), &json!(1)));
    assert!(
        !m["params"]["diagnostics"].as_array().unwrap().is_empty(),
        "repeated entries are findings"
    );
    eprintln!(
        "measured: hover answered after {answered:?}, the {} MB document's diagnostics after {validated:?}",
        text.len() >> 20
    );
    s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    assert_eq!(s.child.wait().unwrap().code(), Some(0));
}

/// Applies the LSP text edits of one document (non-overlapping, UTF-16
/// ranges) to `text`, as an editor does.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let character = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let l = &text[start..];
        let mut units = 0;
        for (i, c) in l.char_indices() {
            if units >= character || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + l.len()
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (s, e, t) in edits {
        out.replace_range(s..e, t);
    }
    out
}

/// Rule and FHIRPath of each diagnostic, sorted: what a finding is about
/// (ranges move with edits, and a message may count what a fix changed).
fn summary(d: &[Value]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = d
        .iter()
        .map(|d| {
            let m = d["message"].as_str().unwrap();
            let at = m.lines().find_map(|l| l.strip_prefix("--> ")).unwrap_or(m);
            (d["code"].as_str().unwrap_or("").to_owned(), at.to_owned())
        })
        .collect();
    v.sort();
    v
}

/// Opens `text` as version 1 of a new server's document and returns the server.
fn open(text: &str, uri: &str) -> (Server, Vec<Value>) {
    let mut s = Server::start();
    s.request("initialize", json!({"processId": null, "capabilities": {}}));
    s.notify("initialized", json!({}));
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
    );
    let d = s.diagnostics(1);
    (s, d)
}

/// The one quick fix offered for diagnostic `d`, applied to `text`.
fn quick_fix(s: &mut Server, uri: &str, text: &str, d: &Value) -> (String, String) {
    let a = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let actions = a["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{d}\n{a}");
    assert_eq!(actions[0]["kind"], "quickfix");
    let edits = actions[0]["edit"]["changes"][uri].as_array().unwrap();
    (actions[0]["title"].as_str().unwrap().to_owned(), apply(text, edits))
}

/// Every RO1-BUNDLE-009 finding of an entry (search missing, mode missing,
/// mode wrong) and every RO1-SLOT-004 one has one quick fix; applied one
/// after the other, as an editor does, the findings are gone and nothing
/// else changed. On a line with non-ASCII text before the value.
#[test]
fn quick_fixes_remove_their_finding_and_nothing_else() {
    let valid =
        std::fs::read_to_string(common::root().join("examples/valid/ps-two-practitioners.json"))
            .unwrap();
    let search = "\"search\": {\n        \"mode\": \"match\"\n      }";
    assert!(valid.matches(search).count() > 3);
    let mut text = valid.replacen(&format!("}},\n      {search}\n    }}"), "}\n    }", 1);
    text = text.replacen(search, "\"search\": {}", 1);
    text = text.replacen(search, "\"search\": {\"note\": \"é😀\", \"mode\": \"include\"}", 1);
    // Two SAS instant defects: no milliseconds, `Z`.
    text = text.replacen(":00.000+01:00\"", ":00+01:00\"", 1);
    text = text.replacen(":00.000+01:00\"", ":00.000Z\"", 1);
    let uri = "file:///tmp/sas-validate-lsp-fix/fixes.json";
    let (mut s, before) = open(&text, uri);
    let fixable = |d: &[Value]| -> Vec<Value> {
        d.iter()
            .filter(|d| {
                (d["code"] == "RO1-BUNDLE-009" && d["severity"] == 2) || d["code"] == "RO1-SLOT-004"
            })
            .cloned()
            .collect()
    };
    assert_eq!(by_rule(&before, "RO1-BUNDLE-009").len(), 3, "{before:#?}");
    assert_eq!(by_rule(&before, "RO1-SLOT-004").len(), 2, "{before:#?}");
    let mut titles = Vec::new();
    let mut version = 1;
    let mut now = before;
    while let Some(d) = fixable(&now).into_iter().next() {
        assert!(version < 10, "fixes do not converge: {now:#?}");
        let (title, fixed) = quick_fix(&mut s, uri, &text, &d);
        titles.push(title);
        version += 1;
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": fixed}]}),
        );
        text = fixed;
        let after = s.diagnostics(version);
        // The fixed finding is gone (one of its kind), nothing appeared;
        // its knock-ons (empty `search`, `total`, entries no match leads
        // to) may go with it.
        let mut left = summary(&now);
        let gone = summary(std::slice::from_ref(&d)).remove(0);
        let i = left.iter().position(|x| *x == gone).unwrap();
        left.remove(i);
        for x in summary(&after) {
            let i = left.iter().position(|y| *y == x);
            assert!(i.is_some(), "new after {title:?}: {x:?}", title = titles.last());
            left.remove(i.unwrap());
        }
        now = after;
    }
    // What is left are the defects no fix was about.
    let codes: Vec<String> = summary(&now).into_iter().map(|(c, _)| c).collect();
    assert_eq!(codes, ["RO1-BUNDLE-005", "RO1-FHIR-002"], "{now:#?}");
    titles.sort();
    assert_eq!(
        titles,
        [
            "Add search.mode `match`",
            "Add search.mode `match`",
            "Write \"2026-11-26T14:00:00.000+01:00\"",
            "Write \"2026-11-26T14:20:00.000+00:00\"",
            "Write search.mode `match`",
        ],
        "{text}"
    );
    // The fixed text is the valid one, except for the kept note and the
    // two instants' values (Z became +00:00: the same instant is fine).
    assert!(text.contains("\"search\": {\"mode\": \"match\"},\n      \"fullUrl\""), "{text}");
    assert!(text.contains("\"search\": {\"mode\": \"match\"}\n"), "{text}");
    assert!(text.contains("\"note\": \"é😀\", \"mode\": \"match\"}"), "{text}");
    s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    assert_eq!(s.child.wait().unwrap().code(), Some(0));
}

/// A knock-on (RO1-REF-005: a slot of a practitioner the request did not
/// ask for) points at its cause, the practitioner's identifier, and the
/// diagnostic there (RO1-PRACT-005) lists the knock-ons.
#[test]
fn knock_ons_and_their_cause_point_at_each_other() {
    let valid =
        std::fs::read_to_string(common::root().join("examples/valid/ps-two-practitioners.json"))
            .unwrap();
    let asked = ",urn:oid:1.2.250.1.71.4.2.1%7C810005987317&status";
    assert!(valid.contains(asked));
    let text = valid.replace(asked, "&status");
    let uri = "file:///tmp/sas-validate-lsp-ko/knock-ons.json";
    let (mut s, d) = open(&text, uri);
    let knock_ons = by_rule(&d, "RO1-REF-005");
    assert_eq!(knock_ons.len(), 3, "{d:#?}");
    let cause = by_rule(&d, "RO1-PRACT-005");
    assert_eq!(cause.len(), 1, "{d:#?}");
    let cause = cause[0];
    assert_eq!(cause["range"], range_any(&text, "\"value\": ", "\"810005987317\""));
    for k in &knock_ons {
        let rel = k["relatedInformation"].as_array().unwrap();
        assert_eq!(rel.len(), 1, "{k}");
        assert_eq!(rel[0]["location"]["uri"], uri);
        assert_eq!(rel[0]["location"]["range"], cause["range"]);
        let m = rel[0]["message"].as_str().unwrap();
        assert!(m.starts_with("caused by: practitioner `Practitioner/prat-5307`"), "{m}");
    }
    let rel = cause["relatedInformation"].as_array().unwrap();
    assert_eq!(rel.len(), 3, "{cause}");
    for (r, k) in rel.iter().zip(&knock_ons) {
        assert_eq!(r["location"]["range"], k["range"]);
        let m = r["message"].as_str().unwrap();
        assert!(m.starts_with("knock-on: RO1-REF-005 the slot belongs to schedule"), "{m}");
    }
    // Findings without a cause have none.
    assert!(by_rule(&d, "RO1-BUNDLE-005")[0].get("relatedInformation").is_none());
    s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    assert_eq!(s.child.wait().unwrap().code(), Some(0));
}

/// The same inside a HAR capture: the cause is found among the exchange's
/// findings, in the escaped body of the response.
#[test]
fn knock_ons_point_at_their_cause_inside_a_har_capture() {
    let ok = std::fs::read_to_string(common::root().join("examples/captures/ps-ok.har")).unwrap();
    let asked = ",urn:oid:1.2.250.1.71.4.2.1%7C810005987317&status";
    assert!(ok.contains(asked));
    let text = ok.replace(asked, "&status");
    let uri = "file:///tmp/sas-validate-lsp-ko/knock-ons.har";
    let (mut s, d) = open(&text, uri);
    let knock_ons = by_rule(&d, "RO1-REF-005");
    assert_eq!(knock_ons.len(), 3, "{d:#?}");
    let cause = by_rule(&d, "RO1-PRACT-005");
    assert_eq!(cause.len(), 1, "{d:#?}");
    assert_eq!(cause[0]["range"], range_any(&text, r#"\"value\": "#, r#"\"810005987317\""#));
    for k in &knock_ons {
        assert_eq!(k["relatedInformation"][0]["location"]["range"], cause[0]["range"], "{k}");
    }
    assert_eq!(cause[0]["relatedInformation"].as_array().unwrap().len(), 3);
    s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    assert_eq!(s.child.wait().unwrap().code(), Some(0));
}

/// `shutdown` while a large document is being validated: answered at once,
/// no diagnostics after the answer, and `exit` ends the process cleanly
/// (the validation is waited for, its result dropped).
#[test]
fn shutdown_during_a_validation_is_clean() {
    let _large = LARGE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let src =
        std::fs::read_to_string(common::root().join("examples/valid/ps-two-practitioners.json"))
            .unwrap();
    let text = large_bundle();
    let mut s = Server::start();
    s.request("initialize", json!({"processId": null, "capabilities": {}}));
    s.notify("initialized", json!({}));
    let uri = "file:///tmp/sas-validate-lsp-big/stop.json";
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
    );
    // A second document waiting behind the first is never validated.
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "file:///tmp/sas-validate-lsp-big/b.json",
            "languageId": "json", "version": 1, "text": src}}),
    );
    // Answered at once: before any diagnostics, in the server's order.
    s.send(&json!({"jsonrpc": "2.0", "id": 7, "method": "shutdown", "params": null}));
    let first = s.wait(|m| m["id"] == 7 || m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(
        first["id"], 7,
        "diagnostics came before the answer to shutdown: {}",
        first["method"]
    );
    s.notify("exit", Value::Null);
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    // Nothing was published after the answer to shutdown: every message the
    // server wrote is read (the reader ends at the end of its output), not
    // only those that came within some delay.
    loop {
        match s.rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(m) => assert_ne!(m["method"], "textDocument/publishDiagnostics", "{m}"),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => panic!("the server's output did not end"),
        }
    }
}

/// A malformed notification is skipped, not the end of the server.
#[test]
fn a_malformed_notification_does_not_stop_the_server() {
    let (mut s, _) = open("{}", "file:///tmp/sas-validate-lsp-bad/a.json");
    s.notify("textDocument/didOpen", json!({"textDocument": 12}));
    let h = s.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///tmp/sas-validate-lsp-bad/a.json"},
            "position": {"line": 0, "character": 0}}),
    );
    assert!(h.get("result").is_some(), "{h}");
    s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    assert_eq!(s.child.wait().unwrap().code(), Some(0));
}

/// The editor may point the rule links at its own copy of the rule page.
#[test]
fn rule_links_follow_the_initialization_options() {
    let text = std::fs::read_to_string(common::root().join("examples/invalid/ps-slot-dates.json"))
        .unwrap();
    let uri = "file:///tmp/sas-validate-lsp-docs/a.json";
    for (options, want) in [
        (
            json!({"rulesDocumentation": "https://intranet.example/sas/RULES.html"}),
            "https://intranet.example/sas/RULES.html#ro1-slot-005",
        ),
        (
            json!({"rulesDocumentation": "not a URL"}),
            concat!(
                "https://docs.rs/int-ro1/",
                env!("CARGO_PKG_VERSION"),
                "/int_ro1/rules_doc/index.html#ro1-slot-005"
            ),
        ),
    ] {
        let mut s = Server::start();
        s.request(
            "initialize",
            json!({"processId": null, "capabilities": {}, "initializationOptions": options}),
        );
        s.notify("initialized", json!({}));
        s.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
        );
        let d = s.diagnostics(1);
        assert_eq!(by_rule(&d, "RO1-SLOT-005")[0]["codeDescription"]["href"], want);
        s.request("shutdown", Value::Null);
        s.notify("exit", Value::Null);
        assert_eq!(s.child.wait().unwrap().code(), Some(0));
    }
}
