//! The Spanish words of every [`Texts`] field.

use shared::{plan::review::FlagStatus, pronunciation::Status, Delimiter};

use crate::model::ChapterStatus;

use super::{
    errors,
    plural::{count, form},
    refusals, Texts,
};

/// Spanish.
pub static ES: Texts = Texts {
    app_title: "Estudio de audiolibros",
    error: refusals::app_error_es,
    segment_error: errors::segment_error,
    map_error: errors::map_error,
    pls_error: errors::pls_error,
    plan_file_error: errors::plan_file_error,
    refusal: refusals::refusal_es,
    busy: refusals::busy_es,
    import_error: refusals::import_es,
    job_failure: refusals::job_failure_es,
    language: "Idioma",
    book_language: "Idioma del libro",
    projects: "Proyectos",
    loading_projects: "Cargando proyectos…",
    new_project: "Nuevo proyecto",
    book_title: "Título del libro",
    create_project: "Crear proyecto",
    project_detail: |language, chapters| {
        format!("{language} · {}", count(chapters, "capítulo", "capítulos"))
    },
    back_to_projects: "← Proyectos",
    back_to_project: "← Proyecto",
    loading_project: "Cargando proyecto…",
    chapters: "Capítulos",
    planning_complete: "Planificación terminada: todos los capítulos están cerrados.",
    chapters_complete: |done, all| {
        let chapters = count(all, "capítulo terminado", "capítulos terminados");
        format!("{done} de {chapters}")
    },
    loading_chapters: "Cargando capítulos…",
    language_of: |code| format!("Idioma: {code}"),
    cast_link: |n| format!("Reparto ({})", count(n, "voz", "voces")),
    name: "Nombre",
    rename: "Renombrar",
    delete_project: "Eliminar proyecto",
    confirm_delete_project: |name| {
        format!("¿Eliminar «{name}» con todos sus capítulos y planes? No se puede deshacer.")
    },
    page_not_found: "Página no encontrada",
    status: |status| match status {
        ChapterStatus::NoText => "sin texto",
        ChapterStatus::TextOnly => "solo texto",
        ChapterStatus::Planned => "planificado",
        ChapterStatus::Complete => "terminado",
    },
    import_heading: "Importar un manuscrito",
    manuscript_file: "Archivo del manuscrito (.txt, .md, .docx, .epub, .pdf)",
    chapters_found: "Capítulos encontrados",
    include: "Incluir",
    title: "Título",
    kind: "Tipo",
    words: "Palabras",
    kind_body: "capítulo",
    kind_front: "preliminares",
    kind_back: "apéndices",
    include_named: |title| format!("Incluir {title}"),
    title_of: |title| format!("Título de {title}"),
    add_chapters: |n| format!("Añadir {}", count(n, "capítulo", "capítulos")),
    cast: "Reparto",
    loading_cast: "Cargando reparto…",
    cast_intro: "Cada segmento lo lee una de estas voces. Los nombres y alias son cómo el texto \
                 se refiere a un personaje; la atribución de hablantes los busca.",
    new_character: "Nuevo personaje",
    add_character: "Añadir personaje",
    proposals: "Personajes hallados en el texto",
    proposals_intro: "Nombres que hablan o aparecen junto a verbos de habla en los capítulos y que nadie del reparto lleva. Marca los que quieras, renómbralos o fusiona uno con un personaje existente como alias; después guarda el reparto.",
    find_characters: "Buscar personajes en los capítulos",
    finding_characters: "Leyendo los capítulos…",
    no_proposals: "Todos los hablantes hallados en los capítulos están en el reparto.",
    add: "Añadir",
    found_in_text: "Hallado",
    narrator_column: "Dice «yo»",
    merge_into: "Añadir como",
    new_character_option: "Personaje nuevo",
    add_proposed: "Añadir los personajes marcados",
    mentions_and_tags: |mentions, tags| format!("menciones: {mentions}, acotaciones: {tags}"),
    proposals_added: |n| {
        format!(
            "{} o {}: guarda el reparto para {}.",
            count(n, "personaje añadido", "personajes añadidos"),
            form(n, "fusionado", "fusionados"),
            form(n, "conservarlo", "conservarlos")
        )
    },
    save_cast: "Guardar reparto",
    cast_saved: "Reparto guardado",
    cast_conflict:
        "Otra persona guardó este reparto después de que lo abrieras; recarga para ver sus cambios.",
    character_needs_name: "Un personaje necesita un nombre con alguna letra o cifra.",
    share_voice: |a, b| format!("{a} y {b} comparten la misma voz."),
    aliases: "Alias",
    aliases_hint: "separados por comas",
    name_forms: |list| format!("También se reconoce como: {list}."),
    name_forms_ambiguous: |list, n| {
        let head = form(n, "Ambiguo, no se usa", "Ambiguos, no se usan");
        format!("{head}: {list} (otro personaje también se llama así).")
    },
    gender: "Género",
    genders: ["desconocido", "femenino", "masculino", "otro"],
    age: "Edad",
    ages: ["desconocida", "niño", "adolescente", "adulto", "mayor"],
    engine: "Motor",
    voice: "Voz",
    style: "Estilo",
    style_degree: "Intensidad del estilo",
    rate: "Velocidad %",
    pitch: "Tono %",
    narrates: "Narra en primera persona (sus frases con «yo» son suyas)",
    notes: "Notas",
    remove: "Quitar",
    review: "Revisión",
    flag_kinds: [
        "mala lectura",
        "mala pronunciación",
        "voz equivocada",
        "ritmo",
        "otro",
    ],
    flag_note: "Nota",
    raise_flag: "Marcar para revisión",
    flag_status: |status| match status {
        shared::plan::review::FlagStatus::Open => "abierta",
        shared::plan::review::FlagStatus::Fixed => "corregida, por verificar",
        shared::plan::review::FlagStatus::Verified => "verificada",
    },
    mark_fixed: "Marcar corregida",
    verify: "Verificar",
    reopen_flag: "Reabrir marca",
    open_flags: |n| format!("Marcas abiertas: {n}"),
    flag_people: |raised, status, updated| {
        let who = |name: &str| if name.is_empty() { "alguien".to_owned() } else { name.to_owned() };
        let mut text = format!("Abierta por {}", who(raised));
        if status != FlagStatus::Open || updated != raised {
            let verb = match status {
                FlagStatus::Open => "reabierta",
                FlagStatus::Fixed => "corregida",
                FlagStatus::Verified => "verificada",
            };
            text.push_str(&format!("; {verb} por {}", who(updated)));
        }
        text
    },
    // Pronunciation map.
    pronunciations: "Pronunciaciones",
    loading_pronunciations: "Cargando pronunciaciones…",
    pronunciations_intro: "Cómo dicen las voces los nombres y las palabras raras: AFI en cada \
        entrada y, si hace falta, fonemas de espeak-ng y una pronunciación figurada. Importa y \
        exporta léxicos PLS 1.0.",
    written_form: "Forma escrita",
    ipa: "AFI",
    espeak_phonemes: "Fonemas de espeak-ng",
    respelling: "Pronunciación figurada",
    locale: "Variante regional",
    case_sensitive: "Distingue mayúsculas",
    entry_status: "Estado",
    status_name: |status| match status {
        Status::NeedsReview => "Por revisar",
        Status::Approved => "Aprobada",
    },
    entry_field: |field, n| format!("{field} de la entrada {n}"),
    remove_entry: |n| format!("Quitar la entrada {n}"),
    add_entry: "Añadir entrada",
    no_entries: "Aún no hay entradas.",
    only_needs_review: "Solo las entradas por revisar",
    save_pronunciations: "Guardar pronunciaciones",
    pronunciations_saved: "Pronunciaciones guardadas",
    pronunciations_conflict: "Otra persona cambió estas pronunciaciones; recarga la página para verlas.",
    import_pls: "Importar archivo PLS",
    export_pls: "Exportar PLS",
    pls_imported: |n| {
        format!("Archivo PLS importado: el mapa tiene {}", count(n, "entrada", "entradas"))
    },
    confirm_pls_import: "Importar fusiona el archivo con el mapa guardado; perderás los cambios sin guardar. ¿Importar?",
    grapheme_taken: |grapheme| format!("«{grapheme}» ya está en el mapa para esta variante"),
    entry_error: errors::entry_error,
    loading_plan: "Cargando plan…",
    generate_plan: "Generar plan",
    regenerate_plan: "Regenerar plan",
    confirm_regenerate:
        "¿Generar un plan nuevo? Se perderán tus cambios en el plan de este capítulo.",
    mark_complete: "Marcar capítulo como terminado",
    reopen: "Reabrir capítulo",
    assign_speakers: "Asignar hablantes",
    only_doubtful: "Solo sin asignar o dudosos",
    read_only: "Como lector puedes leer, escuchar y probar voces; los editores cambian el plan.",
    invalid_cast: "El reparto no es válido; corrígelo primero en la página del reparto.",
    unresolved_after_run: |n| {
        format!(
            "{} atribuir con seguridad: elige su hablante.",
            count(n, "segmento no se pudo", "segmentos no se pudieron")
        )
    },
    summary: |n, version| format!("{} · versión {version}", count(n, "segmento", "segmentos")),
    before_complete: "Antes de marcar este capítulo como terminado:",
    blocker: errors::blocker,
    delimiter_name: |delimiter| match delimiter {
        Delimiter::Paragraph => "párrafo",
        Delimiter::Sentence => "oración",
        Delimiter::Word => "palabra",
        Delimiter::Manual => "manual",
        Delimiter::Dialogue => "diálogo",
    },
    no_plan_yet: "Aún no hay plan: genera uno para dividir este capítulo en segmentos.",
    saved: "Todos los cambios guardados",
    save_state: "Estado del guardado",
    unsaved: "Cambios sin guardar",
    saving: "Guardando…",
    save_failed: |reason| format!("No se pudo guardar, reintentando: {reason}"),
    conflict: "Otra persona cambió los mismos segmentos: elige abajo",
    export_plan: "Exportar plan",
    import_plan: "Importar archivo de plan",
    confirm_import: "¿Sustituir el plan de este capítulo por el del archivo? Se perderán los cambios sin guardar.",
    segments: "Segmentos",
    rows_shown: |first, last, len| format!("Segmentos {first}–{last} de {len}."),
    show_all_rows: "Mostrar todos los segmentos",
    selected: "Seleccionado",
    flag: "Marca",
    id: "#",
    speaker: "Hablante",
    text: "Texto",
    edited: "Texto editado a mano",
    confidence: "Confianza",
    unassigned: "— sin asignar",
    chosen_by_hand: "elegido a mano",
    needs_revision_of: |id| format!("Revisar: segmento {id}"),
    speaker_of: |id| format!("Hablante del segmento {id}"),
    mark_row: |id| format!("Seleccionar el segmento {id} para una acción en grupo"),
    reviewed: "Revisado",
    tag_names: |name| format!("Una acotación junto a esta línea nombra a {name}"),
    keep_speaker: "Mantener",
    keep_speaker_hint: "Mantener este hablante: lo confirma a mano y deja de impedir el cierre",
    marked_count: |n| count(n, "segmento seleccionado", "segmentos seleccionados"),
    marked_actions: "Segmentos seleccionados",
    assign_marked: "Asignar hablante",
    mark_reviewed: "Marcar revisado",
    mark_unreviewed: "Marcar no revisado",
    clear_marks: "Quitar la selección",
    reviewed_share: |done, total| {
        let percent = (done * 100).checked_div(total).unwrap_or(0);
        format!("Revisado {percent} % ({done} de {total})")
    },
    missing_speakers: |names| format!("Las acotaciones nombran a personas que no están en el reparto: {names}."),
    open_cast: "Añadirlas al reparto",
    text_changed: "El texto del capítulo cambió desde que se hizo este plan (una reimportación).",
    stale_segments: |n| {
        format!(
            "{} con él. Traslada el plan al texto nuevo para seguir editando: lo que aún coincide \
             conserva su hablante, ediciones y marcas.",
            count(n, "segmento ya no coincide", "segmentos ya no coinciden")
        )
    },
    carry_over: "Trasladar el plan",
    confirm_carry_over: |dropped| match dropped {
        0 => "Todos los segmentos siguen en el texto nuevo. ¿Trasladar el plan?".to_owned(),
        n => format!(
            "{} ya no {} en el texto nuevo y se {} (se {} después). ¿Trasladar el plan?",
            count(n, "segmento", "segmentos"),
            form(n, "está", "están"),
            form(n, "quitará", "quitarán"),
            form(n, "lista", "listan")
        ),
    },
    carried_over: |kept, added, dropped| {
        let mut text = format!(
            "Se {} {}; {added} {} el texto nuevo.",
            form(kept, "conserva", "conservan"),
            count(kept, "segmento", "segmentos"),
            form(added, "nuevo cubre", "nuevos cubren")
        );
        if !dropped.is_empty() {
            text.push_str(&format!(" Ya no están en el texto: {}.", dropped.join("; ")));
        }
        text
    },
    into_chapter: "Destino",
    as_new_chapter: "Un capítulo nuevo",
    replace_chapter: |title| format!("Sustituir el texto de «{title}»"),
    reimport_done: |added, replaced, stale| {
        format!(
            "{}, {}; {} trasladarse a su texto nuevo.",
            count(added, "capítulo añadido", "capítulos añadidos"),
            count(replaced, "sustituido", "sustituidos"),
            count(stale, "plan debe", "planes deben")
        )
    },
    segment_heading: |row, delimiter, start, end| {
        format!("Segmento {row} · caracteres {start}–{end} · corte: {delimiter}")
    },
    no_segment: "Ningún segmento seleccionado",
    segment_editor: "Editor de segmentos",
    segment_text: "Texto del segmento",
    segment_actions: "Acciones del segmento",
    stats: |words, chars, kb, seconds, fits| {
        let over = if fits {
            ""
        } else {
            " · supera el límite del motor"
        };
        let words = count(words, "palabra", "palabras");
        let chars = count(chars, "carácter", "caracteres");
        format!("{words} · {chars} · {kb:.1} KB · ~{seconds:.0} s{over}")
    },
    edit: "Editar",
    save: "Guardar",
    cancel: "Cancelar",
    split: "Dividir en el cursor",
    merge_previous: "Unir con el anterior",
    merge_next: "Unir con el siguiente",
    delete: "Eliminar",
    undo: "Deshacer",
    redo: "Rehacer",
    // LLM assignment.
    engine_rules: "Hablantes por las reglas sin conexión",
    engine_llm: |model| format!("Hablantes por el modelo de lenguaje ({model})"),
    llm_progress_label: "Progreso de la asignación de hablantes",
    llm_progress: |current, total, stage| format!("fragmento {current} de {total} · {stage}"),
    llm_stage_started: "preparando el capítulo",
    llm_stage_requesting: "esperando al modelo",
    llm_stage_retrying: |seconds, attempt| {
        format!("el servicio pidió esperar; se reintenta en {seconds} s (intento {attempt})")
    },
    llm_stage_chunk_done: "respuesta recibida",
    llm_stage_finished: "terminando",
    llm_cancel: "Cancelar asignación",
    llm_cancelled: "Asignación de hablantes cancelada; no se cambió nada",
    llm_failed: |reason| format!("La asignación de hablantes falló: {reason}"),
    llm_lost: "se perdió la conexión con el servidor",
    llm_partial: |n| {
        format!(
            "No se {} del modelo para {} del capítulo; sus líneas quedan sin asignar",
            form(n, "pudo usar la respuesta", "pudieron usar las respuestas"),
            count(n, "parte", "partes")
        )
    },
    audition_heading: "Escucha",
    audition_play: "Escuchar",
    audition_stop: "Parar",
    listen_from_here: "Escuchar desde aquí",
    listen_stop: "Dejar de escuchar",
    audition_loading: "Generando el audio…",
    audition_playing: "Reproduciendo",
    audio_refused: "el navegador no pudo reproducir el audio",
    audition_applied: "dicho como indica el mapa de pronunciación del proyecto",
    audition_unsaid: |words| format!("leídas tal como se escriben, este motor no admite su pronunciación: {words}"),
    audition_clip: |seconds, cached| {
        format!("{} s · {}", format!("{seconds:.1}").replace('.', ","), if cached { "de la caché de audio" } else { "generado ahora" })
    },
    try_voice: "Probar la voz",
    concordance: "Dónde aparecen las entradas",
    concordance_note: "Cada entrada del mapa tal como está editado, buscada en los capítulos como la busca una audición (palabras enteras, sus reglas de mayúsculas y de variante): cuántas veces y los primeros lugares, cada uno abre el capítulo en su segmento. Escuchar reproduce la frase con las pronunciaciones guardadas.",
    concordance_count_again: "Volver a contar y estimar los cambios",
    loading_concordance: "Contando…",
    concordance_occurrences: "Apariciones",
    concordance_places: "Dónde",
    concordance_listen: "Escuchar",
    concordance_no_change: "Guardar el mapa tal como está no cambiaría ningún segmento planificado.",
    concordance_saving: "Guardar el mapa tal como está cambiaría:",
    concordance_engine_impact: |engine, changed, stale, billed, cost| {
        let segments = count(changed, "segmento planificado", "segmentos planificados");
        let clips = count(stale, "fragmento en caché deja", "fragmentos en caché dejan");
        let again = form(changed, "generarlo", "generarlos");
        let characters = form(billed, "carácter", "caracteres");
        let billed = super::group_digits(billed, '.');
        format!("{engine}: {segments} ({clips} de usarse; volver a {again} factura {billed} {characters}, {cost})")
    },
    planner: "Planificador",
    planner_note: "Estimado a partir de los planes de los capítulos, cada segmento escrito tal como lo recibe el motor de su personaje: minutos de audio, caracteres facturados (Azure cuenta el SSML que recibe, pronunciaciones incluidas), fragmentos ya en la caché de audio y lo que cuesta generarlos al precio configurado por millón de caracteres.",
    loading_planner: "Estimando…",
    planner_chapter: "Capítulo",
    planner_engine: "Motor",
    planner_minutes: "Minutos",
    planner_chars: "Caracteres",
    planner_billed: "Caracteres facturados",
    planner_cached: "Fragmentos en caché",
    planner_to_render: "Coste de generar el resto",
    planner_full: "Coste total",
    planner_book: "Libro entero",
    planner_not_planned: "aún sin plan",
    planner_of: |part, all| format!("{part} de {all}"),
    planner_refused: |n| {
        format!("{} los límites del motor", count(n, "segmento supera", "segmentos superan"))
    },
    count: |n| super::group_digits(n, '.'),
    decimal: |x| format!("{x:.1}").replace('.', ","),
    dollars: |x| format!("{} US$", format!("{x:.2}").replace('.', ",")),
};
