//! The words of the API reference page, in English and Spanish. The reference itself (each
//! route's summary, each field's description) comes from the OpenAPI document, in English.

use super::Locale;

/// The reference page's words in one language.
pub struct ReferenceTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub token_hint: &'static str,
    pub manage_tokens: &'static str,
    pub document: &'static str,
    pub contents: &'static str,
    pub loading: &'static str,
    pub parameters: &'static str,
    pub name: &'static str,
    pub located: &'static str,
    pub required: &'static str,
    pub optional: &'static str,
    pub description: &'static str,
    pub body: &'static str,
    pub responses: &'static str,
    pub example: &'static str,
    pub schemas: &'static str,
    pub field: &'static str,
    pub kind: &'static str,
    /// Before an array's item type: "array of".
    pub array_of: &'static str,
    pub one_of: &'static str,
    pub any: &'static str,
    /// The statuses every route may answer with a problem, as one line.
    pub problems: &'static str,
}

/// The reference page's words in `locale`.
pub fn reference_texts(locale: Locale) -> &'static ReferenceTexts {
    match locale {
        Locale::En => &EN,
        Locale::Es => &ES,
    }
}

/// English.
pub const EN: ReferenceTexts = ReferenceTexts {
    title: "API reference",
    intro: "Everything the studio does with a plan can be scripted over HTTP: the routes below, with the same roles as this page. A plan's version is its ETag; every change sends it back in If-Match, and a stale one is refused (412) with the version stored now.",
    token_hint: "Create a personal API token on the Team page and send it as “Authorization: Bearer <token>”.",
    manage_tokens: "Team → API tokens",
    document: "The OpenAPI 3.1 document (JSON)",
    contents: "Contents",
    loading: "Loading the reference…",
    parameters: "Parameters",
    name: "Name",
    located: "In",
    required: "required",
    optional: "optional",
    description: "Description",
    body: "Request body",
    responses: "Responses",
    example: "Example",
    schemas: "Schemas",
    field: "Field",
    kind: "Type",
    array_of: "array of",
    one_of: "one of",
    any: "any JSON",
    problems: "Errors are application/problem+json (type, title, status, detail in the language asked for with Accept-Language, reason as data).",
};

/// Spanish.
pub const ES: ReferenceTexts = ReferenceTexts {
    title: "Referencia de la API",
    intro: "Todo lo que el estudio hace con un plan se puede programar por HTTP: las rutas de abajo, con los mismos papeles que esta página. La versión de un plan es su ETag; cada cambio la devuelve en If-Match, y una versión antigua se rechaza (412) con la versión guardada ahora.",
    token_hint: "Cree un token personal de la API en la página del equipo y envíelo como «Authorization: Bearer <token>».",
    manage_tokens: "Equipo → Tokens de la API",
    document: "El documento OpenAPI 3.1 (JSON)",
    contents: "Contenido",
    loading: "Cargando la referencia…",
    parameters: "Parámetros",
    name: "Nombre",
    located: "En",
    required: "obligatorio",
    optional: "opcional",
    description: "Descripción",
    body: "Cuerpo de la petición",
    responses: "Respuestas",
    example: "Ejemplo",
    schemas: "Esquemas",
    field: "Campo",
    kind: "Tipo",
    array_of: "lista de",
    one_of: "uno de",
    any: "cualquier JSON",
    problems: "Los errores son application/problem+json (type, title, status, detail en el idioma pedido con Accept-Language, reason como datos).",
};
