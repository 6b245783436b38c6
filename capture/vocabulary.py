"""Word lists the card parser reads by: legal forms, titles, trades, slogans, name particles."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case ASCII letters only, umlauts spelled out as in e-mail addresses."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", text)


def folded_words(text: str) -> list[str]:
    """The words of `text`, each folded; words with no letters left out."""
    return [w for w in (fold(part) for part in re.split(r"[\s,;:/|&.\-]+", text)) if w]


LEGAL_FORM_RE = re.compile(
    r"(?:\b(?:gmbh|mbh|ag|kg|kgaa|ohg|gbr|ug|e\.\s?k\.?|e\.\s?v\.?|se|inc|incorporated|llc|llp|"
    r"ltd|limited|plc|corp|corporation|ltda|eireli|s/?a|s\.a\.?|s/c|me|epp|sarl|s\.?r\.?l|"
    r"bv|b\.v\.|nv|oy|ab|as|a/s|pty|co\.)(?=$|[\s.,)])|&\s?co\b)",
    re.IGNORECASE,
)
# A line that is nothing but a legal form ("GmbH", "Ltda.", "S.A.", "& Co. KG").
LEGAL_FORM_ONLY_RE = re.compile(
    r"^[\s&.,-]*(?:(?:gmbh|mbh|ag|kg|kgaa|ohg|ug|inc|llc|llp|ltd|limited|plc|corp|ltda|eireli|"
    r"s/?a|s\.\s?a|s/c|me|epp|sarl|srl|bv|nv|pty|co)[\s&.,-]*)+$",
    re.IGNORECASE,
)

# Words that mark a job title, in English, German and Portuguese. German compounds are matched
# as parts ("Verkaufsberater"); words of four letters or fewer only as whole words.
TITLE_WORDS = (
    # English
    "manager", "director", "president", "officer", "engineer", "developer", "consultant",
    "researcher", "scientist", "designer", "analyst", "architect", "specialist", "founder",
    "owner", "partner", "head of", "lead", "chief", "ceo", "cto", "cfo", "coo", "cmo", "vp",
    "vice", "assistant", "associate", "coordinator", "representative", "advisor", "adviser",
    "sales", "account", "executive", "secretary", "attorney", "lawyer", "professor", "editor",
    "agent", "broker", "administrator", "technician", "supervisor", "intern", "senior",
    "junior", "principal", "marketing", "apprentice", "trainee", "proprietor", "chairman",
    "chairwoman", "photographer", "accountant", "therapist", "dentist", "physician", "nurse",
    # German
    "geschäftsführ", "inhaber", "leiter", "leitung", "berater", "beraterin", "vertrieb",
    "referent", "sachbearbeit", "ingenieur", "prokurist", "vorstand", "assistenz",
    "mitarbeiter", "verkäufer", "kaufmann", "kauffrau", "meister", "entwickler", "projekt",
    "rechtsanwalt", "steuerberater", "architekt", "gesellschafter", "gründer", "auszubildend",
    "azubi", "lehrling", "vorsitzend", "fotograf", "buchhalt", "therapeut", "arzt", "ärztin",
    "facharzt", "zahnarzt", "tierarzt", "hausarzt", "verwaltungsrat", "aufsichtsrat", "beirat",
    "direktor", "präsident", "sprecher", "koordinator", "spezialist", "sekretär",
    # Portuguese
    "diretor", "diretora", "gerente", "consultor", "consultora", "coordenador", "coordenadora",
    "analista", "vendedor", "vendedora", "representante", "supervisor", "supervisora",
    "proprietário", "proprietária", "sócio", "sócia", "escrevente", "técnico", "técnica",
    "engenheiro", "engenheira", "advogado", "advogada", "assistente", "presidente",
    "administrativo", "administrativa", "comercial", "executivo", "executiva", "corretor",
    "atendimento", "auxiliar", "fundador", "fundadora", "estagiári", "aprendiz", "encarregad",
    "contador", "contadora", "fotógraf", "secretári", "dentista", "cirurgi", "médico", "médica",
    "enfermeir", "psicólog", "nutricionista", "fisioterapeuta",
)
# Title words that are common surnames too ("Anna Meister", "Thomas Kaufmann"), folded.
SURNAME_TITLE_WORDS = {"meister", "kaufmann", "arzt", "leiter", "partner", "vogt", "lehrling"}
_TITLE_RE = re.compile(
    "|".join(
        rf"(?<![a-zà-ÿ]){re.escape(w)}(?![a-zà-ÿ])" if len(w) <= 4 else re.escape(w)
        for w in TITLE_WORDS
    )
)


def has_title_word(text: str) -> bool:
    """Whether `text` holds a job-title word ("Owner", "Inhaberin", "Sócia-Proprietária")."""
    return bool(_TITLE_RE.search(text.lower()))


def title_word_start(text: str) -> int:
    """Index in `text` where its first title word starts, or -1."""
    match = _TITLE_RE.search(text.lower())
    return match.start() if match else -1


HONORIFICS_RE = re.compile(
    r"(?<![\w-])(?:dipl\.?-\s?(?:ing|kfm|kff|inf|betriebsw|oec|psych)|rer\.?\s?nat|"
    r"dr|prof|dipl|ing|mr|mrs|ms|miss|herr|frau|sr|sra|srta|dra|eng|mag|univ|med|phil|jur|"
    r"phd|ph\.d|mba|msc|m\.sc|bsc|b\.sc|ma|ba|md|llm|ll\.m|esq|cpa|mag\.a)\.?(?![\w-])",
    re.IGNORECASE,
)
ADDRESS_WORDS_RE = re.compile(
    r"\b(rua|r\.|av\.?|avenida|alameda|travessa|praça|estrada|rodovia|cep|street|st\.|road|"
    r"avenue|suite|floor|straße|strasse|str\.|weg|platz|allee|gasse|postfach|jardim|jd\.|"
    r"vila|centro|bairro|edifício|edificio|ed\.|bloco|sala|andar|conjunto|galeria|"
    r"gewerbegebiet|gewerbepark|industriepark|business park|building|etage|c/o)\b",
    re.IGNORECASE,
)
NOT_NAME_WORDS = {
    "tel", "fax", "fone", "phone", "mobile", "mobil", "email", "e-mail", "www", "web",
    "telefone", "celular", "contato", "contact", "whatsapp", "site", "home", "office",
    "department", "abteilung", "services", "solutions", "group", "gruppe", "team",
}
# Words that describe a trade, not a person (folded, see fold): a line holding one is a firm's
# name or its line of business rather than a person's name.
BUSINESS_WORDS = {
    # Portuguese
    "auto", "autos", "pecas", "originais", "tecnica", "assistencia", "geral", "eletronica",
    "mecanica", "funilaria", "pintura", "direcao", "hidraulica", "restaurante", "buffet",
    "eventos", "design", "comercio", "servicos", "industria", "informatica", "consultoria",
    "solucoes", "materiais", "construcao", "distribuidora", "representacoes", "moveis",
    "roupas", "aluguel", "vestidos", "noivas", "flores", "estetica", "automotiva", "socorro",
    "refrigeracao", "loja", "lojas", "oficina", "escritorio", "advocacia", "contabilidade",
    "imobiliaria", "farmacia", "otica", "optica", "padaria", "academia", "clinica", "studio",
    "acessorios", "radiadores", "eletricas", "eletricos", "distribuicao", "produtos",
    "despachante", "tabeliao", "cartorio", "transportes", "engenharia", "arquitetura",
    "lanchonete", "pizzaria", "confeitaria", "salao", "barbearia", "papelaria", "grafica",
    "distribuidor", "moda", "masculino", "masculina", "feminino", "feminina", "infantil",
    "construtora", "floricultura", "lavanderia", "chaveiro", "supermercado", "mercado",
    "drogaria", "odontologia", "fisioterapia", "seguros", "turismo", "viagens", "imoveis",
    # English
    "solutions", "services", "service", "consulting", "systems", "software", "technologies",
    "technology", "group", "international", "global", "digital", "media", "marketing",
    "holding", "partners", "associates", "trading", "logistics", "engineering", "store",
    "shop", "agency", "restaurant", "hotel", "bakery", "repair", "insurance", "bank", "burger",
    "cafe", "bar", "grill", "salon", "labs", "security", "printing", "motors", "garage",
    "florist", "florists", "tailoring", "tailors", "roofing", "plumbing", "catering",
    "cleaning", "landscaping", "accounting", "photography", "realty", "properties",
    "construction", "dental", "pharmacy", "boutique", "jewellers", "jewelers", "travel",
    # German
    "autohaus", "nutzfahrzeuge", "versicherung", "versicherungen", "beratung", "handel",
    "technik", "elektro", "bau", "immobilien", "steuerberatung", "kanzlei", "praxis",
    "apotheke", "werkstatt", "gmbh", "verlag", "druckerei", "logistik", "vertrieb",
    "baeckerei", "metzgerei", "friseur", "gaststaette", "bistro", "moebel", "reisen",
    "herrenmode", "damenmode", "mode", "fashion", "blumen", "floristik", "sanitaer",
    "heizung", "fahrschule", "optik", "kosmetik", "reinigung", "zentrum",
}
# Endings of trade words made by compounding or derivation, with the shortest word each may end
# (folded): "Schreinerei", "Vidraçaria", "Haustechnik", "Holzbau" (but not "Rosaria", "Grabau").
TRADE_ENDINGS = {"erei": 7, "aria": 9, "eria": 9, "technik": 9, "handel": 9, "service": 10,
                 "beratung": 11, "versicherung": 15, "reinigung": 12, "praxis": 9, "zentrum": 10,
                 "studio": 9, "design": 9, "schule": 9, "bau": 7, "logistik": 11, "werk": 8}


def is_trade_word(word: str) -> bool:
    """Whether a word names a trade ("Buffet", "Autohaus", "Marcenaria"), not a person."""
    folded = fold(word)
    if folded in BUSINESS_WORDS:
        return True
    return not folded.endswith(("maria", "rria")) and any(  # "Annamaria", "Echeverria"
        folded.endswith(end) and len(folded) >= shortest for end, shortest in TRADE_ENDINGS.items())
# Trade words that end a firm's name when set on a line of their own under the logo word
# ("BELTIS" / "IT Solutions", "nog" / "design", "DOMINIO" / "AUTO PEÇAS").
COMPANY_SUFFIX_WORDS = {
    "solutions", "systems", "design", "designs", "buffet", "consulting", "group", "gruppe",
    "labs", "studio", "media", "partners", "technologies", "technology", "software", "digital",
    "pecas", "engenharia", "informatica", "consultoria", "advocacia", "advogados", "imoveis",
    "immobilien", "security", "seguranca", "motors", "architects", "arquitetura", "logistik",
    "logistics", "interiors", "burger", "burgers", "grill", "cafe", "bistro", "restaurante",
}
NAME_PARTICLES = {"da", "de", "do", "dos", "das", "e", "van", "von", "der", "den", "di", "du",
                  "la", "le", "zu", "y", "del", "jr", "jr.", "filho", "neto"}
# Letters of any script after a capital (checked with str.isupper, which knows every
# script): "Ayşe" (or "Ayșe", as the recogniser may spell its s), "Łukasz", "Dvořák" are
# names as much as "Jürgen"; "Jean-Luc" and "O'Neil" keep their joins.
NAME_WORD_RE = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?$")

# Slogans and notices: verbs in the first person, pronouns, "since", "by appointment", opening
# hours. A line holding one of these (folded, whole words) is never a name or a company.
SLOGAN_WORDS = {
    # Portuguese
    "trabalhamos", "aceitamos", "atendemos", "fazemos", "oferecemos", "temos", "somos",
    "entregamos", "consertamos", "vendemos", "compramos", "todas", "todos", "tudo", "desde",
    "qualidade", "confianca", "voce", "seu", "sua", "aqui", "melhor", "sempre", "que",
    "sem", "compromisso", "orcamento", "gratis", "proximo",
    # English
    "since", "appointment", "we", "our", "your", "you", "quality", "trusted", "welcome",
    "always", "every",
    # German
    "seit", "wir", "unser", "unsere", "ihr", "ihre", "ihren", "ihrem", "qualitaet",
    "vertrauen", "termin", "termine", "vereinbarung", "nach", "alles", "immer",
    # Opening hours
    "segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo", "feriados",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "oeffnungszeiten", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "hours",
}


def is_slogan(text: str) -> bool:
    """A slogan or notice ("Trabalhamos com todas as marcas", "Since 1998", "By Appointment")."""
    return any(w in SLOGAN_WORDS for w in folded_words(text))


# Phrases that say what a firm does rather than what it is called: "peças p/ Lavadoras",
# "Service for all makes", a list ending in a comma.
DESCRIPTION_RE = re.compile(r"(?:^|\s)(?:p/|para|for|für|em|com|with|mit)(?=\s)|,\s*$",
                            re.IGNORECASE)
# Mailboxes of a role, not a person: "contato@", "info@", "vendas@".
ROLE_MAILBOXES = {
    "info", "contato", "contact", "contacto", "kontakt", "office", "mail", "email", "hello",
    "hallo", "sales", "vendas", "comercial", "atendimento", "sac", "support", "suporte",
    "service", "team", "admin", "buero", "buro", "post", "empfang", "reception", "financeiro",
    "orcamento", "orcamentos", "pedidos", "marketing", "rh", "jobs", "faleconosco",
}
