//! Which SAS exchange a captured request belongs to. A certification
//! capture mixes the slot search (INT_RO1) with the appointments (INT_R03)
//! and the regulator accounts (INT_R02): each exchange goes to the pack of
//! its flow (this crate for the search, `int-r03`, `int-r02`), and an
//! exchange of no SAS flow (metadata, preflight, a read) gets one
//! information (RO1-FLOW-002).

use fr_fhir_core::rules::UseCase;

/// The SAS flow of one exchange: the router of a capture. Each exchange goes
/// to the pack of its flow, and an exchange of no SAS flow gets one
/// information (RO1-FLOW-002) instead of slot-search errors.
///
/// ```
/// use int_ro1::flow::Flow;
/// assert_eq!(Flow::of(Some("GET"), "https://h/fhir/metadata"), Flow::Unclaimed);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flow {
    /// `GET [base]/Slot?…` or `GET [base]/Schedule?…`, and any request that
    /// looks like one (slot-search parameters, `_search`, the Slot or
    /// Schedule path), so that a wrong search is still judged.
    SlotSearch,
    /// `POST [base]/Appointment`, `PUT [base]/Appointment?identifier=…` (INT_R03).
    Appointments,
    /// `POST [base]/Practitioner`, `PUT [base]/Practitioner?identifier=…` (INT_R02).
    RegulatorAccounts,
    /// Anything else a capture records: `GET [base]/metadata`, a CORS
    /// `OPTIONS`, a read of another resource...
    Unclaimed,
}

impl Flow {
    /// The flow of a request, by method and path.
    ///
    /// ```
    /// use int_ro1::flow::Flow;
    /// assert_eq!(Flow::of(Some("POST"), "https://h/fhir/Practitioner"), Flow::RegulatorAccounts);
    /// assert_eq!(Flow::of(Some("PUT"), "/fhir/Appointment?identifier=s|1"), Flow::Appointments);
    /// assert_eq!(Flow::of(Some("GET"), "https://h/fhir/Slot?status=free"), Flow::SlotSearch);
    /// assert_eq!(Flow::of(Some("GET"), "https://h/fhir/Schedule/"), Flow::SlotSearch);
    /// // A search sent with the wrong method or path is still a (wrong) search.
    /// assert_eq!(Flow::of(Some("POST"), "https://h/fhir/Slot"), Flow::SlotSearch);
    /// let search = "https://h/fhir/Practitioner?start=ge2026-11-26&_include=Slot:schedule";
    /// assert_eq!(Flow::of(Some("POST"), search), Flow::SlotSearch);
    /// assert_eq!(Flow::of(Some("GET"), search), Flow::SlotSearch);
    /// assert_eq!(Flow::of(Some("POST"), "https://h/fhir/Practitioner/_search"), Flow::SlotSearch);
    /// // No SAS flow.
    /// assert_eq!(Flow::of(Some("GET"), "https://h/fhir/metadata"), Flow::Unclaimed);
    /// assert_eq!(Flow::of(Some("OPTIONS"), "https://h/fhir/Slot?status=free"), Flow::Unclaimed);
    /// assert_eq!(Flow::of(Some("GET"), "https://h/fhir/Practitioner?identifier=x|1"), Flow::Unclaimed);
    /// ```
    pub fn of(method: Option<&str>, url: &str) -> Flow {
        let method = method.map(str::trim).unwrap_or("GET");
        let is = |m: &str| method.eq_ignore_ascii_case(m);
        // A CORS preflight or a HEAD is the browser's or the client's, never a SAS exchange.
        if is("OPTIONS") || is("HEAD") || is("TRACE") || is("CONNECT") {
            return Flow::Unclaimed;
        }
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let path = path.split('#').next().unwrap_or("");
        // The other flows' requests carry at most `identifier` (conditional
        // PUT) and `_format`: a query with anything else is a search sent
        // with the wrong method or path, and judged as one (a wrong search
        // must not pass for another flow).
        let search_like = query.split('#').next().unwrap_or("").split('&').any(|pair| {
            let name = pair.split('=').next().unwrap_or("");
            !name.is_empty() && !matches!(name, "identifier" | "_format")
        });
        let mut segments = path.trim_end_matches('/').rsplit('/');
        // `…/Appointment` or `…/Appointment/{id}`.
        let last = segments.next().unwrap_or("");
        let before = segments.next().unwrap_or("");
        // `[type]/_search` is a search (FHIR's POST form of it).
        if search_like || last == "_search" || matches!(last, "Slot" | "Schedule") {
            return Flow::SlotSearch;
        }
        let writes = ["POST", "PUT", "PATCH"].iter().any(|w| is(w));
        for s in [last, before] {
            match s {
                "Appointment" if writes => return Flow::Appointments,
                "Practitioner" if writes => return Flow::RegulatorAccounts,
                _ => {}
            }
        }
        Flow::Unclaimed
    }

    /// The use case of an exchange of this flow, when the flow has one row of
    /// the use-case table (the slot search has three: its request decides).
    ///
    /// ```
    /// use int_ro1::flow::Flow;
    /// use fr_fhir_core::rules::UseCase;
    /// assert_eq!(Flow::Appointments.use_case(), Some(UseCase::APPT));
    /// assert_eq!(Flow::SlotSearch.use_case(), None);
    /// ```
    pub fn use_case(self) -> Option<UseCase> {
        match self {
            Flow::Appointments => Some(UseCase::APPT),
            Flow::RegulatorAccounts => Some(UseCase::REGUL),
            Flow::SlotSearch | Flow::Unclaimed => None,
        }
    }

    /// The name of the flow, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Flow::SlotSearch => "INT_RO1",
            Flow::Appointments => "INT_R03",
            Flow::RegulatorAccounts => "INT_R02",
            Flow::Unclaimed => "-",
        }
    }
}
