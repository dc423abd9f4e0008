//! Names of the exchange parts the packs' findings point at. They double as
//! the expression shown for an exchange without a HAR file; the capture
//! layer turns them into JSON paths from the HAR root
//! (`log.entries[3].response.headers[1]`).

/// The request method.
pub const METHOD: &str = "method";
/// The request URL.
pub const URL: &str = "request.url";
/// The request body as a whole (`request.postData.text` in a HAR file).
pub const REQUEST_BODY: &str = "request.body";
/// The response status code.
pub const STATUS: &str = "response.status";
/// The response `Location` header.
pub const LOCATION: &str = "response.headers.Location";
/// The response body as a whole.
pub const RESPONSE_BODY: &str = "response.body";
