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

/// The expected LSP range of the JSON string `value` on the line that holds `key`.
fn range_of(text: &str, key: &str, value: &str) -> Value {
    let (line_no, line) =
        text.lines().enumerate().find(|(_, l)| l.contains(key) && l.contains(value)).unwrap();
    let at = line.find(key).unwrap() + key.len();
    let at = at + line[at..].find(value).unwrap();
    let start = line[..at].encode_utf16().count();
    let end = start + value.encode_utf16().count();
    assert!(start < at, "the line must hold multi-byte characters before the value");
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
        f["codeDescription"]["href"].as_str().unwrap().ends_with("docs/RULES.md#ro1-slot-005"),
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

#[test]
fn the_server_answers_while_a_large_file_is_validated() {
    // A Bundle of a few MB (its entries repeated): validated on the worker
    // thread, while the main thread answers the editor at once.
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

    let mut s = Server::start();
    s.request("initialize", json!({"processId": null, "capabilities": {}}));
    s.notify("initialized", json!({}));
    let uri = "file:///tmp/sas-validate-lsp-big/large.json";
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
    );
    let started = Instant::now();
    s.send(&json!({"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}}));
    let first = s.wait(|m| m["id"] == 99 || m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(
        first["id"], 99,
        "the diagnostics came before the hover answer: the server was blocked"
    );
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
    let d = s.diagnostics(1);
    assert!(!d.is_empty(), "repeated entries are findings");
    s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    assert_eq!(s.child.wait().unwrap().code(), Some(0));
}
