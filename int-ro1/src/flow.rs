//! Which SAS exchange a captured request belongs to. A certification
//! capture mixes the slot search (INT_RO1) with the appointments (INT_R03)
//! and the regulator accounts (INT_R02): only the search is validated here;
//! the others are named (RO1-FLOW-001) instead of being judged as searches.

/// The SAS flow of one exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// `GET [base]/Slot?…` or `GET [base]/Schedule?…`, and anything not
    /// recognised as another flow (so that a wrong search is still judged).
    SlotSearch,
    /// `POST [base]/Appointment`, `PUT [base]/Appointment?identifier=…` (INT_R03).
    Appointments,
    /// `POST [base]/Practitioner`, `PUT [base]/Practitioner?identifier=…` (INT_R02).
    RegulatorAccounts,
}

impl Flow {
    /// The flow of a request: a writing method (POST, PUT, PATCH) on an
    /// Appointment or Practitioner path belongs to the other flows.
    ///
    /// ```
    /// use int_ro1::flow::Flow;
    /// assert_eq!(Flow::of(Some("POST"), "https://h/fhir/Practitioner"), Flow::RegulatorAccounts);
    /// assert_eq!(Flow::of(Some("PUT"), "/fhir/Appointment?identifier=s|1"), Flow::Appointments);
    /// assert_eq!(Flow::of(Some("GET"), "https://h/fhir/Slot?status=free"), Flow::SlotSearch);
    /// // A search sent with the wrong method or path is still a (wrong) search.
    /// assert_eq!(Flow::of(Some("POST"), "https://h/fhir/Slot"), Flow::SlotSearch);
    /// let search = "https://h/fhir/Practitioner?start=ge2026-11-26&_include=Slot:schedule";
    /// assert_eq!(Flow::of(Some("POST"), search), Flow::SlotSearch);
    /// assert_eq!(Flow::of(Some("POST"), "https://h/fhir/Practitioner/_search"), Flow::SlotSearch);
    /// ```
    pub fn of(method: Option<&str>, url: &str) -> Flow {
        let writes = method.is_some_and(|m| {
            ["POST", "PUT", "PATCH"].iter().any(|w| m.trim().eq_ignore_ascii_case(w))
        });
        if !writes {
            return Flow::SlotSearch;
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
        if search_like {
            return Flow::SlotSearch;
        }
        let mut segments = path.trim_end_matches('/').rsplit('/');
        // `…/Appointment` or `…/Appointment/{id}`.
        let last = segments.next().unwrap_or("");
        let before = segments.next().unwrap_or("");
        // `[type]/_search` is a search (FHIR's POST form of it).
        if last == "_search" {
            return Flow::SlotSearch;
        }
        for s in [last, before] {
            match s {
                "Appointment" => return Flow::Appointments,
                "Practitioner" => return Flow::RegulatorAccounts,
                _ => {}
            }
        }
        Flow::SlotSearch
    }

    /// The name of the flow, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Flow::SlotSearch => "INT_RO1",
            Flow::Appointments => "INT_R03",
            Flow::RegulatorAccounts => "INT_R02",
        }
    }
}
