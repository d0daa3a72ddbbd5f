//! The command line's help (`okr --help`, `okr man`) in Swedish. The
//! English help is the doc comments beside the arguments in `cli.rs`; this
//! table gives each of them its Swedish, by command and argument id, and a
//! test checks that none is missing.

/// The words of clap's help that are not one argument's.
pub struct HelpWords {
    /// What okr is (the first line of `okr --help`).
    pub about: &'static str,
    /// The lines after the options.
    pub after_help: &'static str,
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    /// Value names in usage and help (`PATH` → `SÖKVÄG`).
    pub value_names: &'static [(&'static str, &'static str)],
    /// The names in a usage line: `[OPTIONS]`, `[COMMAND]`, `<COMMAND>`.
    pub options_name: &'static str,
    pub command_name: &'static str,
    pub help_flag: &'static str,
    pub version_flag: &'static str,
    /// A default value, as clap adds it after a help text.
    pub default: fn(&str) -> String,
    /// The values an argument takes.
    pub values: fn(&str) -> String,
    /// The manual page's note that its section names are man's own.
    pub man_note: &'static str,
    /// ENVIRONMENT and FILES of the manual page: (name, text).
    pub environment: &'static [(&'static str, &'static str)],
    pub files: &'static [(&'static str, &'static str)],
    /// (command, argument id, text): an empty id is the command's own line.
    pub args: &'static [(&'static str, &'static str, &'static str)],
}

impl HelpWords {
    /// The text of a command (`id` empty) or one of its arguments.
    pub fn text(&self, command: &str, id: &str) -> Option<&'static str> {
        self.args
            .iter()
            .find(|(c, a, _)| *c == command && *a == id)
            .map(|(_, _, t)| *t)
    }
}

pub const SV: HelpWords = HelpWords {
    about: "En tangentbordsstyrd OKR-app i terminalen: Mål, Nyckelresultat och Uppgifter i en lokal JSON-fil",
    after_help: "Utan kommando öppnar okr appen på dagens kvartal.\n\
                 Datafilen: --file, annars OKR_FILE, annars okr.json i plattformens datamapp (se ”okr path”).\n\
                 Den personliga inställningsfilen: --config, annars OKR_CONFIG, annars config.toml i plattformens inställningsmapp.\n\
                 Ett annat NAMN: okr NAMN kör okr-NAMN från PATH, som git gör (docs/hooks.md).",
    usage: "Användning:",
    commands: "Kommandon",
    arguments: "Argument",
    options: "Flaggor",
    value_names: &[
        ("PATH", "SÖKVÄG"),
        ("NAME|me", "NAMN|me"),
        ("Q|all", "KVARTAL|all"),
        ("QUARTER", "KVARTAL"),
        ("VALUE", "VÄRDE"),
        ("NOTE", "ANTECKNING"),
        ("FILE", "FIL"),
        ("SHELL", "SKAL"),
        ("BASE", "BAS"),
        ("OURS", "VÅR"),
        ("THEIRS", "DERAS"),
    ],
    options_name: "[FLAGGOR]",
    command_name: "KOMMANDO",
    help_flag: "Visa hjälpen",
    version_flag: "Visa versionen",
    default: |v| format!("[standard: {v}]"),
    values: |v| format!("[värden: {v}]"),
    man_note: "Sidan är på svenska; avsnittens namn (NAME, SYNOPSIS, OPTIONS …) är man-sidornas egna och står på engelska.",
    environment: &[
        ("OKR_FILE", "Datafilen, när --file inte anges."),
        (
            "OKR_CONFIG",
            "Den personliga inställningsfilen, när --config inte anges.",
        ),
        (
            "OKR_OWNER",
            "Vem jag är, när --owner inte anges; före inställningsfilens ägare och användarnamnet (USER, USERNAME).",
        ),
        (
            "OKR_TODAY",
            "Låser dagens datum (ÅÅÅÅ-MM-DD), för demonstrationer och tester.",
        ),
        (
            "LC_ALL, LC_MESSAGES, LANG",
            "Språket när varken --lang, inställningsfilens språk eller en datafil i format 1 anger något: ett värde som börjar med sv ger svenska, en engelska.",
        ),
        ("NO_COLOR", "Stänger av färgerna i appen."),
        (
            "OKR_REFRESH_SECONDS",
            "Hur länge varje kommando i okr refresh får köra (1–3600 sekunder; standard 10), om inte dess rad anger seconds.",
        ),
    ],
    files: &[
        (
            "okr.json",
            "Datafilen, i plattformens datamapp om inte --file eller OKR_FILE anger en annan (okr path visar den). Bredvid den: okr.json.lock medan okr skriver, okr.json.bak, filen som den var före körningens första sparning.",
        ),
        (
            "config.toml",
            "Den personliga inställningsfilen (TOML), som aldrig delas: owner (vem jag är), language (sv eller en: efter --lang, före datafilens egen inställning och systemets språk), keys (dina egna tangenter; okr keys visar dem) och refresh (kommandona som okr refresh mäter nyckelresultat med, per id). Den ligger i plattformens inställningsmapp om inte --config eller OKR_CONFIG anger en annan (okr path visar den); en fil vars namn slutar på .json läses som JSON. En config.json från en tidigare okr flyttas hit en gång och finns kvar som config.json.bak.",
        ),
    ],
    args: &[
        ("", "file", "Datafilen som ska användas"),
        ("", "lang", "Språket i appen"),
        (
            "",
            "config",
            "Den personliga inställningsfilen (vem jag är, mitt språk, mina tangenter)",
        ),
        (
            "",
            "owner",
            "Vem jag är (annars OKR_OWNER, inställningsfilen, användarnamnet); för checkin, status, list, export och report också vems mål: ett namn, eller me",
        ),
        ("checkin", "", "Öppna direkt i veckans incheckning"),
        (
            "review",
            "",
            "Öppna direkt i ett kvartals (eller ett års) genomgång",
        ),
        (
            "review",
            "quarter",
            "Kvartalet, t.ex. 2026-Q4, eller ett år, t.ex. 2027 (standard: det pågående kvartalet, eller det som just tog slut under ett nytt kvartals två första veckor)",
        ),
        (
            "status",
            "",
            "En rad för en skalprompt eller tmux statusrad: incheckning som väntar, framsteg, nyckelresultat som ligger efter",
        ),
        (
            "status",
            "short",
            "Några tecken för en prompt när incheckningen väntar: en penna och antalet nyckelresultat som väntar; inget när ingen väntar",
        ),
        (
            "list",
            "",
            "Lista mål, nyckelresultat och uppgifter med id, ägare, framsteg och värden",
        ),
        (
            "list",
            "quarter",
            "Ett kvartal, t.ex. 2026-Q4 (FY2027-Q2 i ett år som inte börjar i januari), ett år, t.ex. 2027, eller all (standard: det pågående)",
        ),
        ("export", "", "Skriv en rapport till stdout"),
        (
            "export",
            "quarter",
            "Ett kvartal, t.ex. 2026-Q4 (FY2027-Q2 i ett år som inte börjar i januari), ett år, t.ex. 2027, eller all (standard: det pågående)",
        ),
        ("export", "format", "Rapportens format"),
        (
            "report",
            "",
            "En sammanfattning av en incheckningsperiod: vad som har ändrats, vad som ligger efter eller behöver uppdateras, hinder och nästa steg, vem som inte har checkat in, teamets puls",
        ),
        (
            "report",
            "week",
            "Perioden som den här ISO-veckan hör till (som 2026-W48); utan den, den senaste hela perioden",
        ),
        ("report", "format", "Sammanfattningens format"),
        (
            "update",
            "",
            "Spara ett nyckelresultats nya värde, eller markera en uppgift som klar eller öppen (för skript och cron)",
        ),
        (
            "update",
            "id",
            "Nyckelresultatets eller uppgiftens id, som okr list visar det (t.ex. kr3 eller u2)",
        ),
        (
            "update",
            "value",
            "Det nya värdet: ett tal som språket skriver det (sv: 12,5 eller 17 500; en: 12.5 eller 17,500); för klart/inte klart: ja/klar/1 eller nej/inte klar/0; för en uppgift: klar eller öppen",
        ),
        (
            "update",
            "note",
            "En kort anteckning som sparas i nyckelresultatets historik",
        ),
        (
            "refresh",
            "",
            "Mät nyckelresultaten under inställningsfilens [refresh]: kör vart och ett av kommandona och spara talet det skriver (för cron)",
        ),
        (
            "refresh",
            "ids",
            "Bara de här nyckelresultaten (början på ett id räcker, som okr list visar det); utan dem alla under [refresh]",
        ),
        (
            "refresh",
            "dry_run",
            "Kör kommandona och visa vad som skulle sparas, utan att spara något",
        ),
        (
            "import",
            "",
            "Lägg till mål, nyckelresultat och uppgifter från en CSV- eller JSON-fil (okr:s egen export, eller ett kalkylark sparat som CSV)",
        ),
        ("import", "format", "Filens format"),
        ("import", "input", "Filen som ska importeras"),
        (
            "import",
            "dry_run",
            "Visa vad som skulle läggas till, utan att spara något",
        ),
        (
            "path",
            "",
            "Visa sökvägen till datafilen och till den personliga inställningsfilen",
        ),
        (
            "keys",
            "",
            "Visa tangenterna som gäller (med inställningsfilens keys): sammanhang, kommando, tangenter, vad det gör",
        ),
        (
            "demo",
            "",
            "Öppna appen med exempeldata i en tillfällig fil",
        ),
        (
            "completions",
            "",
            "Skriv ut ett kompletteringsskript för skalet (docs/command-line.md säger var det ska ligga)",
        ),
        ("completions", "shell", "Skalet"),
        ("man", "", "Skriv ut manualsidan (roff: okr man | man -l -)"),
        (
            "schema",
            "",
            "Skriv ut datafilens JSON Schema (draft 2020-12), för redigerare och valideringsverktyg",
        ),
        (
            "sync",
            "",
            "I en git-arbetskatalog: lägg datafilen (och inget annat) i en commit med ett meddelande om vad som har ändrats, hämta med okr:s merge-drivrutin och skicka",
        ),
        (
            "sync",
            "setup",
            "Skriv först det som klonen behöver (raden i .gitattributes, merge-drivrutinen i git config, raderna i .gitignore) och gör inget annat",
        ),
        (
            "merge",
            "",
            "Slå ihop två ändrade kopior av en datafil (en merge-drivrutin för git: okr merge %O %A %B); slutkod 1 när några fält är i konflikt",
        ),
        ("merge", "base", "Kopian som båda sidor utgick från"),
        ("merge", "ours", "Vår kopia: sammanslagningen skrivs hit"),
        ("merge", "theirs", "Deras kopia"),
    ],
};
