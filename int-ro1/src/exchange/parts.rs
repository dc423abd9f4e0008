//! Part names of exchange-level findings; they double as the expression
//! shown to users. A leaf: the exchange rules and the capture both name parts.

/// The request URL.
pub const URL: &str = "request.url";
/// The response status code.
pub const STATUS: &str = "response.status";
/// The response `Content-Type` header.
pub const CONTENT_TYPE: &str = "response.headers.Content-Type";
/// The response body as a whole.
pub const BODY: &str = "response.body";
/// The capture timing.
pub const TIME: &str = "time";
/// The capture moment.
pub const STARTED: &str = "startedDateTime";
