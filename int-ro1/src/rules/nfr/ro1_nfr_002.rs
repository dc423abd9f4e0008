//! RO1-NFR-002 `mtls-igc-sante`.
//!
//! The transport is mutual TLS 1.2 or higher with an IGC Santé client certificate whose CN and OU the server checks.

use fr_fhir_core::finding::{RuleDoc, RuleMeta, Severity};
use fr_fhir_core::rules::Scope;

/// RO1-NFR-002 `mtls-igc-sante`.
pub static RULE: RuleMeta = RuleMeta {
    id: "RO1-NFR-002",
    name: "mtls-igc-sante",
    severity: Severity::Error,
    scope: Scope::ALL,
    source: "IG securite.md; agg-psindiv #1-#3; kit mtls_group + tls_version_test — https://interop.esante.gouv.fr/ig/fhir/sas/securite.html https://esante.gouv.fr/sites/default/files/media/document/SAS_SPEC_Securisation-des-echanges-par-mTLS_20240524_V3.2.pdf",
    summary_fr: "Le transport est en TLS mutuel 1.2 ou plus avec un certificat client IGC Santé dont le serveur vérifie le CN et l'OU.",
    summary_en: "The transport is mutual TLS 1.2 or higher with an IGC Santé client certificate whose CN and OU the server checks.",
    doc: RuleDoc {
        what_fr: "Vérifie les traces de transport disponibles : TLS 1.2 ou plus, certificat client émis par l'IGC Santé, contrôle du CN et de l'OU ; un certificat de mauvais CN, de mauvais OU, révoqué ou absent doit être refusé (échec TLS ou 4xx).",
        why_fr: "Page Sécurité de l'IG, exigences agg-psindiv #1 à #3 et tests mtls_group et tls_version_test du kit (en ligne seulement). Kit officiel ANS : vérifié par une assertion dédiée.",
        example_fr: "TLSv1.1 handshake accepted ; client certificate CN=autre-client accepted",
        fix_fr: "Configurez le serveur en TLS 1.2+ avec authentification client, l'autorité IGC Santé et un contrôle du CN et de l'OU attendus.",
        what_en: "Checks the available transport traces: TLS 1.2 or higher, client certificate issued by IGC Santé, CN and OU checked; a certificate with a wrong CN, wrong OU, revoked or missing must be refused (TLS failure or 4xx).",
        why_en: "IG security page, requirements agg-psindiv #1 to #3 and the kit's mtls_group and tls_version_test tests (live only). Official ANS kit: checked by a dedicated assertion.",
        example_en: "TLSv1.1 handshake accepted ; client certificate CN=autre-client accepted",
        fix_en: "Configure the server for TLS 1.2+ with client authentication, the IGC Santé authority and a check of the expected CN and OU.",
    },
};
