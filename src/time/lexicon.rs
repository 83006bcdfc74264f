//! English temporal vocabulary as data: every word the grammar reacts to, with its meaning.
//!
//! The grammar never compares strings against word lists of its own; it asks this table once per
//! token (during tokenization) and then matches on `Lex`. Adding a word or a holiday means adding
//! a row here, not code. The tables are written for annals from the calendar and from common
//! newspaper usage; they are not derived from any other tagger's resources.

use super::types::TimexMod;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Calendar units, as used in durations ("two weeks"), shifts ("last month") and sets ("daily").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Seasons, with their TIMEX3 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// First month of the season (meteorological seasons; winter starts in December).
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// Parts of a day, with their TIMEX3 codes ("Wednesday night" is `...TNI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    Noon,
    Midnight,
}

impl DayPart {
    /// The text after `T` in a TIME value.
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
            DayPart::Noon => "12:00",
            DayPart::Midnight => "24:00",
        }
    }
}

/// The TimeML references to the present, past and future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Present,
    Past,
    Future,
}

impl RefKind {
    /// The TIMEX3 value: "PRESENT_REF", "PAST_REF", "FUTURE_REF".
    pub const fn value(self) -> &'static str {
        match self {
            RefKind::Present => "PRESENT_REF",
            RefKind::Past => "PAST_REF",
            RefKind::Future => "FUTURE_REF",
        }
    }
}

/// Which part of a period a modifier picks ("early 2017", "the end of the year").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodPart {
    Start,
    Mid,
    End,
}

/// Words that pick one period relative to another ("last week", "this month", "next year").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    Last,
    This,
    Next,
    /// "past", "previous", "coming", "following": like last/next but read as a stretch of time.
    Past,
    Coming,
    Previous,
    Following,
    /// "the latest quarter": the period last talked about.
    Latest,
}

/// Function words the grammar needs to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    The,
    A,
    Of,
    In,
    Ago,
    Earlier,
    Later,
    Before,
    After,
    Every,
    Each,
    Fiscal,
    Half,
    Near,
    Am,
    Pm,
    Mid,
    Q,
    Nd,
    For,
    Within,
    Through,
    Since,
    Until,
    By,
    During,
    From,
    To,
    Than,
    That,
    Then,
    End,
}

/// Words that tell the tense of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenseCue {
    Past,
    Future,
    Present,
}

/// The lexicon class of a lowercased word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    None,
    Month(u32),
    Weekday(u32),
    /// A weekday in the plural ("on Tuesdays"): every such day.
    Weekdays(u32),
    /// A number word: "two", "twenty", "dozen".
    Number(u32),
    /// A vague quantity ("several", "few", "many"): X in durations.
    Vague,
    Ordinal(u32),
    /// A unit word and whether it is plural ("years").
    Unit(Unit, bool),
    Season(Season),
    DayPart(DayPart),
    /// Days relative to the publication date: "yesterday" is -1; "tonight" also names the night.
    Deictic(i32, Option<DayPart>),
    Ref(RefKind),
    PeriodPart(PeriodPart),
    Relative(Relative),
    Func(Func),
    /// Set adverbs: "daily", "annually".
    Every(Unit),
    /// The first word of one or more holidays (see `HOLIDAYS`).
    Holiday,
    Tense(TenseCue),
    /// Quantity nouns that make a preceding four-digit number a count, not a year.
    CountNoun,
    /// Words that make a following number a model, page or flight number, not a year.
    NumberLabel,
}

/// Month names and their abbreviations (with or without the dot, which the grammar adds to the
/// span). "may" and "march" are real words too; the grammar demands date context for them.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekdays, ISO numbered (Monday = 1).
const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 1),
    ("mon", 1),
    ("tuesday", 2),
    ("tues", 2),
    ("tue", 2),
    ("wednesday", 3),
    ("wed", 3),
    ("thursday", 4),
    ("thurs", 4),
    ("thu", 4),
    ("friday", 5),
    ("fri", 5),
    ("saturday", 6),
    ("sat", 6),
    ("sunday", 7),
    ("sun", 7),
];

/// Weekdays in the plural, ISO numbered: "the market is closed on Sundays" is every Sunday.
const PLURAL_WEEKDAYS: &[(&str, u32)] = &[
    ("mondays", 1),
    ("tuesdays", 2),
    ("wednesdays", 3),
    ("thursdays", 4),
    ("fridays", 5),
    ("saturdays", 6),
    ("sundays", 7),
];

const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
    ("couple", 2),
];

const VAGUE_QUANTITIES: &[&str] = &["several", "few", "many", "some", "numerous", "recent"];

const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("twenty-first", 21),
];

/// Unit words; the flag says whether the form is plural ("years" alone is a vague duration).
const UNITS: &[(&str, Unit, bool)] = &[
    ("minute", Unit::Minute, false),
    ("minutes", Unit::Minute, true),
    ("hour", Unit::Hour, false),
    ("hours", Unit::Hour, true),
    ("day", Unit::Day, false),
    ("days", Unit::Day, true),
    ("weekend", Unit::Weekend, false),
    ("weekends", Unit::Weekend, true),
    ("week", Unit::Week, false),
    ("weeks", Unit::Week, true),
    ("month", Unit::Month, false),
    ("months", Unit::Month, true),
    ("quarter", Unit::Quarter, false),
    ("quarters", Unit::Quarter, true),
    ("year", Unit::Year, false),
    ("years", Unit::Year, true),
    ("yr", Unit::Year, false),
    ("yrs", Unit::Year, true),
    ("decade", Unit::Decade, false),
    ("decades", Unit::Decade, true),
    ("century", Unit::Century, false),
    ("centuries", Unit::Century, true),
];

const SEASONS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("fall", Season::Fall),
    ("autumn", Season::Fall),
    ("winter", Season::Winter),
];

const DAY_PARTS: &[(&str, DayPart)] = &[
    ("morning", DayPart::Morning),
    ("afternoon", DayPart::Afternoon),
    ("evening", DayPart::Evening),
    ("night", DayPart::Night),
    ("overnight", DayPart::Night),
    ("noon", DayPart::Noon),
    ("midday", DayPart::Noon),
    ("midnight", DayPart::Midnight),
];

/// Words naming a day relative to the publication date.
const DEICTIC_DAYS: &[(&str, i32, Option<DayPart>)] = &[
    ("yesterday", -1, None),
    ("today", 0, None),
    ("tomorrow", 1, None),
    ("tonight", 0, Some(DayPart::Night)),
];

/// Single words TimeML reads as references to the present, past or future.
const REFERENCE_WORDS: &[(&str, RefKind)] = &[
    ("now", RefKind::Present),
    ("currently", RefKind::Present),
    ("presently", RefKind::Present),
    ("nowadays", RefKind::Present),
    ("recently", RefKind::Past),
    ("lately", RefKind::Past),
    ("future", RefKind::Future),
];

const PERIOD_PARTS: &[(&str, PeriodPart)] = &[
    ("early", PeriodPart::Start),
    ("beginning", PeriodPart::Start),
    ("start", PeriodPart::Start),
    ("middle", PeriodPart::Mid),
    ("late", PeriodPart::End),
    ("end", PeriodPart::End),
];

const RELATIVES: &[(&str, Relative)] = &[
    ("last", Relative::Last),
    ("this", Relative::This),
    ("next", Relative::Next),
    ("coming", Relative::Coming),
    ("upcoming", Relative::Coming),
    ("previous", Relative::Previous),
    ("prior", Relative::Previous),
    ("following", Relative::Following),
    ("latest", Relative::Latest),
    ("past", Relative::Past),
    ("current", Relative::This),
];

const FUNCTION_WORDS: &[(&str, Func)] = &[
    ("the", Func::The),
    ("a", Func::A),
    ("an", Func::A),
    ("of", Func::Of),
    ("in", Func::In),
    ("ago", Func::Ago),
    ("earlier", Func::Earlier),
    ("later", Func::Later),
    ("before", Func::Before),
    ("after", Func::After),
    ("every", Func::Every),
    ("each", Func::Each),
    ("fiscal", Func::Fiscal),
    ("half", Func::Half),
    ("am", Func::Am),
    ("pm", Func::Pm),
    ("mid", Func::Mid),
    ("q", Func::Q),
    ("st", Func::Nd),
    ("nd", Func::Nd),
    ("rd", Func::Nd),
    ("th", Func::Nd),
    ("near", Func::Near),
    ("distant", Func::Near),
    ("immediate", Func::Near),
    ("short", Func::Near),
    ("for", Func::For),
    ("within", Func::Within),
    ("over", Func::Within),
    ("through", Func::Through),
    ("since", Func::Since),
    ("until", Func::Until),
    ("till", Func::Until),
    ("by", Func::By),
    ("during", Func::During),
    ("from", Func::From),
    ("to", Func::To),
    ("than", Func::Than),
    ("that", Func::That),
    ("then", Func::Then),
    ("ended", Func::End),
    ("ending", Func::End),
];

/// Set adverbs: how often.
const SET_ADVERBS: &[(&str, Unit)] = &[
    ("hourly", Unit::Hour),
    ("daily", Unit::Day),
    ("nightly", Unit::Day),
    ("weekly", Unit::Week),
    ("monthly", Unit::Month),
    ("annually", Unit::Year),
    ("yearly", Unit::Year),
];

/// Cues for the tense of a clause. Regular past forms ("-ed") are recognised by their ending in
/// `tense.rs`; only irregular ones need listing.
const TENSE_CUES: &[(&str, TenseCue)] = &[
    ("will", TenseCue::Future),
    ("shall", TenseCue::Future),
    ("would", TenseCue::Future),
    ("ll", TenseCue::Future),
    ("wo", TenseCue::Future),
    ("planning", TenseCue::Future),
    ("intends", TenseCue::Future),
    ("going", TenseCue::Future),
    ("plans", TenseCue::Future),
    ("plan", TenseCue::Future),
    ("scheduled", TenseCue::Future),
    ("expected", TenseCue::Future),
    ("expects", TenseCue::Future),
    ("upcoming", TenseCue::Future),
    ("is", TenseCue::Present),
    ("are", TenseCue::Present),
    ("was", TenseCue::Past),
    ("were", TenseCue::Past),
    ("had", TenseCue::Past),
    ("did", TenseCue::Past),
    ("said", TenseCue::Past),
    ("told", TenseCue::Past),
    ("met", TenseCue::Past),
    ("made", TenseCue::Past),
    ("took", TenseCue::Past),
    ("came", TenseCue::Past),
    ("went", TenseCue::Past),
    ("got", TenseCue::Past),
    ("gave", TenseCue::Past),
    ("found", TenseCue::Past),
    ("saw", TenseCue::Past),
    ("began", TenseCue::Past),
    ("left", TenseCue::Past),
    ("sent", TenseCue::Past),
    ("held", TenseCue::Past),
    ("lost", TenseCue::Past),
    ("won", TenseCue::Past),
    ("fell", TenseCue::Past),
    ("rose", TenseCue::Past),
    ("paid", TenseCue::Past),
    ("sold", TenseCue::Past),
    ("bought", TenseCue::Past),
    ("brought", TenseCue::Past),
    ("thought", TenseCue::Past),
    ("spoke", TenseCue::Past),
    ("wrote", TenseCue::Past),
    ("became", TenseCue::Past),
    ("kept", TenseCue::Past),
    ("led", TenseCue::Past),
    ("ran", TenseCue::Past),
    ("struck", TenseCue::Past),
    ("flew", TenseCue::Past),
    ("knew", TenseCue::Past),
    ("grew", TenseCue::Past),
    ("chose", TenseCue::Past),
    ("spent", TenseCue::Past),
    ("meant", TenseCue::Past),
    ("felt", TenseCue::Past),
    ("heard", TenseCue::Past),
    ("stood", TenseCue::Past),
    ("understood", TenseCue::Past),
    ("broke", TenseCue::Past),
    ("drove", TenseCue::Past),
    ("caught", TenseCue::Past),
    ("fought", TenseCue::Past),
    ("taught", TenseCue::Past),
    ("sought", TenseCue::Past),
    ("built", TenseCue::Past),
    ("dealt", TenseCue::Past),
    // Pasts the "-ed" rule misses: short ones, and those in "-eed", an ending "need" shares.
    ("died", TenseCue::Past),
    ("agreed", TenseCue::Past),
    ("freed", TenseCue::Past),
    ("fled", TenseCue::Past),
    ("ago", TenseCue::Past),
];

/// Nouns after which a four-digit number is a count ("2,000 troops", "1500 people").
const COUNT_NOUNS: &[&str] = &[
    "troops",
    "people",
    "persons",
    "shares",
    "soldiers",
    "workers",
    "employees",
    "jobs",
    "members",
    "students",
    "cars",
    "units",
    "homes",
    "houses",
    "acres",
    "tons",
    "tonnes",
    "barrels",
    "miles",
    "kilometers",
    "km",
    "feet",
    "meters",
    "metres",
    "yards",
    "pounds",
    "kg",
    "dollars",
    "euros",
    "yen",
    "points",
    "percent",
    "votes",
    "cases",
    "deaths",
    "children",
    "men",
    "women",
    "patients",
    "refugees",
    "officers",
    "police",
    "delegates",
    "seats",
    "copies",
    "pages",
    "words",
    "calories",
    "mph",
    "hours",
    "minutes",
    "days",
    "weeks",
    "months",
    "years",
    "stores",
    "flights",
    "planes",
    "aircraft",
    "vehicles",
    "rounds",
    "bottles",
    "contracts",
    "companies",
    "firms",
    "accounts",
    "customers",
    "users",
    "visitors",
    "passengers",
    "residents",
    "victims",
    "prisoners",
    "protesters",
    "rebels",
    "sq",
    "square",
    "cubic",
    "degrees",
    "gallons",
    "liters",
    "metric",
    "ounces",
    "megawatts",
    "mw",
    "kw",
    "ft",
    "lbs",
    "times",
];

/// Words after which a number is a label, not a year ("Boeing 777", "page 1998", "No. 2000").
const NUMBER_LABELS: &[&str] = &[
    "boeing",
    "airbus",
    "flight",
    "flights",
    "page",
    "pages",
    "no",
    "nos",
    "number",
    "room",
    "route",
    "model",
    "version",
    "chapter",
    "section",
    "article",
    "rule",
    "pp",
    "p",
    "suite",
    "box",
    "unit",
    "apt",
    "highway",
    "interstate",
    "windows",
    "office",
    "ext",
    "tel",
    "phone",
    "fax",
    "dow",
    "index",
    "nasdaq",
    "about",
    "nearly",
    "almost",
    "than",
    "some",
    "approximately",
    "roughly",
    "total",
    "totaling",
];

/// Time zone abbreviations a clock time may carry ("3 p.m. EST"); included in the span.
pub const TIME_ZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "pt", "gmt", "utc", "bst",
    "cet",
];

/// Words that may stand between an amount and its unit without changing the duration: "two
/// more weeks", "an additional year", "eight trading days", "five business days".
pub const UNIT_FILLERS: &[&str] = &[
    "more",
    "additional",
    "further",
    "extra",
    "trading",
    "business",
    "working",
];

/// Words joining a second day to a month and day ("on April 24 and 25"): the second number is
/// a day of the same month.
pub const DAY_CONJUNCTIONS: &[&str] = &["and", "or"];

/// Nouns of the present age after "today's" ("today's youth", "today's personal computers"):
/// "today" then means nowadays, not the publication day, and is no date.
pub const NOWADAYS_NOUNS: &[&str] = &[
    "world",
    "youth",
    "society",
    "generation",
    "children",
    "kids",
    "teenagers",
    "families",
    "parents",
    "economy",
    "technology",
    "computers",
    "standards",
];

/// Words for the same period in another year: "the corresponding period last year", "the
/// comparable quarter a year earlier" are the story's quarter a year back.
pub const SAME_PERIOD_WORDS: &[&str] = &["corresponding", "comparable", "same"];

/// Stretches of months an earnings story reports after its quarter: the year so far ("the
/// first nine months", "the six months"). Once one is named, "a year earlier" compares it with
/// the year before, not the quarter: "in the nine months, compared with 40% a year earlier" is
/// 1988, not 1988-Q3.
pub const YEAR_TO_DATE_MONTHS: &[u32] = &[6, 9];

/// Units whose "the past ..." is a stretch up to now ("the past decade" is P10Y); with any
/// other unit it is the period before this one ("the past year" is last year).
pub const PAST_SPAN_UNITS: &[Unit] = &[Unit::Decade, Unit::Century];

/// Words for the present that, opening a sentence and set off by a comma ("Now, ...",
/// "Currently, ..."), mark the turn of the argument rather than a time.
pub const DISCOURSE_OPENERS: &[&str] = &["now", "currently"];

/// Decades spelled out, as the last digit-less part of their years: "the nineties" is the
/// 1990s (199). Like "'90s", the years of the last century.
pub const DECADE_WORDS: &[(&str, i32)] = &[
    ("twenties", 192),
    ("thirties", 193),
    ("forties", 194),
    ("fifties", 195),
    ("sixties", 196),
    ("seventies", 197),
    ("eighties", 198),
    ("nineties", 199),
];

/// Words a little before "the nineties" that make it degrees, not a decade: "temperatures in
/// the nineties", "highs in the eighties".
pub const TEMPERATURE_WORDS: &[&str] = &["temperature", "temperatures", "highs", "lows", "degrees"];

/// Words before a set adverb that make it a rate, not a recurring time: "rise 8.5% annually",
/// "Nasdaq's average daily volume", "$17.9 million annually" (numbers, "%" and count nouns too;
/// like "$10,000 a month" for "a month").
pub const SET_RATE_WORDS: &[&str] = &[
    "average", "percent", "cents", "dollars", "euros", "pounds", "yen", "million", "billion",
    "trillion", "thousand", "hundred",
];

/// Words that, after "then", move a present reference to the past the story tells of: "the
/// then current market price" is the price back then.
pub const THEN_PRESENT_WORDS: &[&str] = &["current"];

/// Words before "daily" or "weekly" and a name that make it an adjective, not a newspaper:
/// "a backdrop of daily Sunni attacks", "all daily Vietnamese newspapers".
/// Words after "daily" or "weekly" that make it a newspaper telling something: "the daily
/// said", "a government daily reported Thursday".
pub const NEWSPAPER_VERBS: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "quoted",
    "quotes",
    "cited",
    "wrote",
    "writes",
    "added",
    "which",
    "newspaper",
];

pub const NOT_BEFORE_A_NEWSPAPER: &[&str] = &[
    "of", "in", "on", "for", "with", "by", "from", "to", "all", "every", "each", "two", "three",
    "and", "or",
];

/// Nouns that make a season before them part of an event's name: "the Winter Olympics", "the
/// Munich Summer Games", "the 2008 summer Olympiad".
pub const SEASON_EVENT_NOUNS: &[&str] = &[
    "olympics",
    "olympic",
    "olympiad",
    "games",
    "paralympics",
    "paralympic",
];

/// Auxiliaries of the future ("'ll" and "won't" split as "ll" and "wo"): before a date, the verb
/// they make governs it ("will command a mission in December"), unlike a plan word.
pub const FUTURE_AUXILIARIES: &[&str] = &["will", "shall", "would", "ll", "wo"];

/// Words after which a participle is passive ("will be held", "has been named", "is decided
/// Friday"): the auxiliary, not the participle, tells the tense.
pub const PASSIVE_AUXILIARIES: &[&str] = &["be", "been", "being", "is", "are", "was", "were"];

/// Verbs that put off to a later time: a date right after them and "until" or "to" is ahead
/// of the act, even in a past-tense sentence ("postponed until Tuesday morning", "was
/// extended to Nov. 6").
pub const DEFERRAL_VERBS: &[&str] = &[
    "postponed",
    "delayed",
    "deferred",
    "adjourned",
    "extended",
    "recessed",
    "suspended",
];

/// Parts of the day in the plural: after a weekday they make it a recurring time ("flights
/// leave on Tuesday nights" is every Tuesday night, `XXXX-WXX-2TNI`).
pub const PLURAL_DAY_PARTS: &[(&str, DayPart)] = &[
    ("mornings", DayPart::Morning),
    ("afternoons", DayPart::Afternoon),
    ("evenings", DayPart::Evening),
    ("nights", DayPart::Night),
];

/// Words before "noon" or "midnight" that make the phrase a figure of speech ("high noon").
pub const FIGURATIVE_CLOCK_WORDS: &[&str] = &["high"];

/// Verbs before a date that put it in the past: "the quarter ended Sept. 30".
pub const PAST_END_WORDS: &[&str] = &["ended"];

/// Words ending in "-ed" that are names or adjectives rather than past-tense verbs, so they say
/// nothing of a clause's tense: "the United States", "Atlanta-based", "markets untouched by the
/// crisis", "an unidentified man".
pub const ED_ADJECTIVES: &[&str] = &[
    "united",
    "based",
    "limited",
    "related",
    "untouched",
    "unchanged",
    "unidentified",
    "unnamed",
    "unexpected",
    "unprecedented",
    "unspecified",
    "unsolicited",
    "unemployed",
];

/// Future cues that are nouns too: only "plans to", "going to" announce something; "vacation
/// plans" and "going home" do not.
pub const FUTURE_CUES_WITH_TO: &[&str] = &["plan", "plans", "planning", "going", "intends"];

/// Prepositions of more than one word that, like "by" and "until", point at a date still
/// ahead: "ahead of the weekend", "in advance of Thursday's vote".
pub const AHEAD_PHRASES: &[&[&str]] = &[&["ahead", "of"], &["in", "advance", "of"]];

/// Phrases (of lower-case words, punctuation dropped) that put a clause in the future although
/// none of their words does alone: "as soon as Tuesday", "is to resume trading Tuesday".
pub const FUTURE_PHRASES: &[&[&str]] = &[
    &["as", "soon", "as"],
    &["as", "early", "as"],
    &["is", "to"],
    &["are", "to"],
];

/// "at a later date", "to an earlier date": a day the text leaves unnamed, before or after the
/// time of writing, as TimeML reads "the future" (the adjective after "a" or "an" and its
/// reference).
pub const INDEFINITE_DATES: &[(&str, RefKind)] = &[
    ("later", RefKind::Future),
    ("future", RefKind::Future),
    ("earlier", RefKind::Past),
];

/// Nouns that, after "the near" or "the short", name the time ahead: "in the near term", "for
/// the short term" are FUTURE_REF in TimeML, like "the near future".
pub const NEAR_FUTURE_NOUNS: &[&str] = &["term"];

/// Modals before "one day" that make it an indefinite time to come ("Islam will one day be the
/// second largest religion"), FUTURE_REF in TimeML, not a day's length.
pub const MODALS: &[&str] = &["will", "would", "could", "might", "may", "can", "should"];

/// Words after a quantity that make it an age ("a five-year-old"), not a duration.
pub const AGE_WORDS: &[&str] = &["old"];

/// Words before "a day", "a month" that make it a rate ("twice a day", "$10,000 a month").
pub const RATE_WORDS: &[&str] = &[
    "percent", "cents", "dollars", "times", "twice", "once", "thrice", "euros", "pounds", "yen",
    "million", "billion", "trillion", "thousand", "hundred",
];

/// Words before a duration or an "ago" date that bound or blur it ("about two years", "at least
/// 30 days", "almost two years ago"): TimeML puts them in the expression, as its `mod`.
pub const QUALIFIERS: &[(&str, TimexMod)] = &[
    ("about", TimexMod::Approx),
    ("around", TimexMod::Approx),
    ("roughly", TimexMod::Approx),
    ("approximately", TimexMod::Approx),
    ("some", TimexMod::Approx),
    ("nearly", TimexMod::LessThan),
    ("almost", TimexMod::LessThan),
    ("less than", TimexMod::LessThan),
    ("under", TimexMod::LessThan),
    ("more than", TimexMod::MoreThan),
    ("at least", TimexMod::EqualOrMore),
    ("at most", TimexMod::EqualOrLess),
    ("up to", TimexMod::EqualOrLess),
    ("no more than", TimexMod::EqualOrLess),
];

/// Qualifiers that bound an "ago" date from the near side only: "less than two weeks ago" is
/// any day from two weeks back to the day of writing, not the week two weeks back ("nearly two
/// weeks ago", also `LESS_THAN` for TimeML, stays near that week).
pub const UP_TO_NOW: &[&str] = &["less than", "under", "at most", "up to", "no more than"];

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayRule {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// The `n`th given weekday (ISO, Monday = 1) of a month; `n = -1` is the last one.
    NthWeekday { month: u32, weekday: u32, n: i32 },
    /// Days after Western Easter Sunday (negative: before).
    Easter(i64),
    /// The first given weekday (ISO) strictly after a month and day: the US Election Day is
    /// the Tuesday after November 1.
    WeekdayAfter { month: u32, day: u32, weekday: u32 },
}

/// Holidays: the words of the name (lowercase, separated by spaces; "'s" and "'" match either
/// apostrophe) and how to find the date. Longer names come first so they win.
pub const HOLIDAYS: &[(&str, HolidayRule)] = &[
    ("new year 's day", HolidayRule::Fixed(1, 1)),
    ("new year 's eve", HolidayRule::Fixed(12, 31)),
    ("new years day", HolidayRule::Fixed(1, 1)),
    ("new years eve", HolidayRule::Fixed(12, 31)),
    ("new year 's", HolidayRule::Fixed(1, 1)),
    ("christmas eve", HolidayRule::Fixed(12, 24)),
    ("christmas day", HolidayRule::Fixed(12, 25)),
    ("christmas", HolidayRule::Fixed(12, 25)),
    ("independence day", HolidayRule::Fixed(7, 4)),
    ("halloween", HolidayRule::Fixed(10, 31)),
    ("valentine 's day", HolidayRule::Fixed(2, 14)),
    ("veterans day", HolidayRule::Fixed(11, 11)),
    (
        "thanksgiving day",
        HolidayRule::NthWeekday {
            month: 11,
            weekday: 4,
            n: 4,
        },
    ),
    (
        "thanksgiving",
        HolidayRule::NthWeekday {
            month: 11,
            weekday: 4,
            n: 4,
        },
    ),
    (
        "memorial day",
        HolidayRule::NthWeekday {
            month: 5,
            weekday: 1,
            n: -1,
        },
    ),
    (
        "labor day",
        HolidayRule::NthWeekday {
            month: 9,
            weekday: 1,
            n: 1,
        },
    ),
    (
        "columbus day",
        HolidayRule::NthWeekday {
            month: 10,
            weekday: 1,
            n: 2,
        },
    ),
    (
        "martin luther king day",
        HolidayRule::NthWeekday {
            month: 1,
            weekday: 1,
            n: 3,
        },
    ),
    (
        "presidents day",
        HolidayRule::NthWeekday {
            month: 2,
            weekday: 1,
            n: 3,
        },
    ),
    (
        "presidents ' day",
        HolidayRule::NthWeekday {
            month: 2,
            weekday: 1,
            n: 3,
        },
    ),
    (
        "mother 's day",
        HolidayRule::NthWeekday {
            month: 5,
            weekday: 7,
            n: 2,
        },
    ),
    (
        "father 's day",
        HolidayRule::NthWeekday {
            month: 6,
            weekday: 7,
            n: 3,
        },
    ),
    (
        "election day",
        HolidayRule::WeekdayAfter {
            month: 11,
            day: 1,
            weekday: 2,
        },
    ),
    ("easter sunday", HolidayRule::Easter(0)),
    ("easter monday", HolidayRule::Easter(1)),
    ("easter", HolidayRule::Easter(0)),
    ("good friday", HolidayRule::Easter(-2)),
    ("palm sunday", HolidayRule::Easter(-7)),
];

/// The longest word any table holds; longer words skip the lookup.
pub const LONGEST_WORD: usize = 14;

type WordMap = HashMap<&'static [u8], Lex>;

/// The word table, built once: an open-addressing table keyed by the word packed into a `u128`
/// (every entry is at most 16 bytes of ASCII with no NUL), so a lookup is one copy, one
/// multiply and usually one integer compare. A prefilter (for each first two letters, a bit per
/// word length present) turns most words of a text away before even that.
struct Lexicon {
    keys: Vec<u128>,
    values: Vec<Lex>,
    mask: usize,
    prefilter: Vec<u16>,
}

fn filter_slot(word: &[u8]) -> Option<usize> {
    let first = usize::from(word.first()?.checked_sub(b'a')?);
    let second = match word.get(1) {
        Some(c) => usize::from(c.checked_sub(b'a')?),
        None => 26,
    };
    (first < 26 && second <= 26).then_some(first * 27 + second)
}

/// A word of at most 16 bytes as one integer (0 is never a word: words are not empty).
fn pack(word: &[u8]) -> u128 {
    word.iter()
        .rev()
        .fold(0u128, |key, &b| (key << 8) | u128::from(b))
}

/// The word `text[start..end]` packed as by `pack`, read with one 16-byte load when the text
/// allows (byte-wise stores followed by a wide load would stall the CPU on every word).
fn pack_at(text: &[u8], start: usize, end: usize) -> u128 {
    let len = end - start;
    match text.get(start..start + 16) {
        Some(window) => {
            let mut buf = [0u8; 16];
            buf.copy_from_slice(window);
            let all = u128::from_le_bytes(buf);
            if len >= 16 {
                all
            } else {
                all & ((1u128 << (8 * len)) - 1)
            }
        }
        None => pack(&text[start..end]),
    }
}

fn slot_of(key: u128, mask: usize) -> usize {
    // Truncation is the point: fold the key to 64 bits, then multiply-shift.
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

fn table() -> &'static Lexicon {
    static TABLE: OnceLock<Lexicon> = OnceLock::new();
    TABLE.get_or_init(|| {
        let words = build();
        let size = (words.len() * 4).next_power_of_two();
        let mask = size - 1;
        let mut keys = vec![0u128; size];
        let mut values = vec![Lex::None; size];
        let mut prefilter = vec![0u16; 26 * 27];
        for (word, lex) in words {
            if let Some(slot) = filter_slot(word) {
                prefilter[slot] |= 1 << word.len();
            }
            let key = pack(word);
            let mut slot = slot_of(key, mask);
            while keys[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = lex;
        }
        Lexicon {
            keys,
            values,
            mask,
            prefilter,
        }
    })
}

fn build() -> WordMap {
    let mut map = WordMap::default();
    // Later inserts win, so the most specific meaning goes last.
    let mut put = |word: &'static str, lex: Lex| {
        map.insert(word.as_bytes(), lex);
    };
    for &w in COUNT_NOUNS {
        put(w, Lex::CountNoun);
    }
    for &w in NUMBER_LABELS {
        put(w, Lex::NumberLabel);
    }
    for &(w, cue) in TENSE_CUES {
        put(w, Lex::Tense(cue));
    }
    for &(name, _) in HOLIDAYS {
        if let Some(first) = name.split(' ').next() {
            put(first, Lex::Holiday);
        }
    }
    for &w in VAGUE_QUANTITIES {
        put(w, Lex::Vague);
    }
    for &(w, n) in NUMBER_WORDS {
        put(w, Lex::Number(n));
    }
    for &(w, n) in ORDINALS {
        put(w, Lex::Ordinal(n));
    }
    for &(w, f) in FUNCTION_WORDS {
        put(w, Lex::Func(f));
    }
    for &(w, r) in RELATIVES {
        put(w, Lex::Relative(r));
    }
    for &(w, p) in PERIOD_PARTS {
        put(w, Lex::PeriodPart(p));
    }
    for &(w, u) in SET_ADVERBS {
        put(w, Lex::Every(u));
    }
    for &(w, r) in REFERENCE_WORDS {
        put(w, Lex::Ref(r));
    }
    for &(w, n, part) in DEICTIC_DAYS {
        put(w, Lex::Deictic(n, part));
    }
    for &(w, p) in DAY_PARTS {
        put(w, Lex::DayPart(p));
    }
    for &(w, s) in SEASONS {
        put(w, Lex::Season(s));
    }
    for &(w, u, plural) in UNITS {
        put(w, Lex::Unit(u, plural));
    }
    for &(w, d) in WEEKDAYS {
        put(w, Lex::Weekday(d));
    }
    for &(w, d) in PLURAL_WEEKDAYS {
        put(w, Lex::Weekdays(d));
    }
    for &(w, m) in MONTHS {
        put(w, Lex::Month(m));
    }
    map
}

/// The class of a lowercase ASCII word.
#[cfg(test)]
pub fn lookup(word: &[u8]) -> Lex {
    lookup_at(word, 0, word.len())
}

/// The class of the lowercase ASCII word `text[start..end]`.
pub fn lookup_at(text: &[u8], start: usize, end: usize) -> Lex {
    let table = table();
    let word = &text[start..end];
    let known_shape = word.len() <= LONGEST_WORD
        && filter_slot(word).is_some_and(|slot| table.prefilter[slot] & (1 << word.len()) != 0);
    if !known_shape {
        return Lex::None;
    }
    let key = pack_at(text, start, end);
    let mut slot = slot_of(key, table.mask);
    loop {
        match table.keys[slot] {
            0 => return Lex::None,
            k if k == key => return table.values[slot],
            _ => slot = (slot + 1) & table.mask,
        }
    }
}

/// Whether `word` is one of the count nouns (used where a word has a stronger class too).
pub fn is_count_noun(word: &[u8]) -> bool {
    COUNT_NOUNS.iter().any(|w| w.as_bytes() == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_get_their_most_specific_class() {
        assert_eq!(lookup(b"sept"), Lex::Month(9));
        assert_eq!(lookup(b"wednesday"), Lex::Weekday(3));
        assert_eq!(lookup(b"years"), Lex::Unit(Unit::Year, true));
        assert_eq!(lookup(b"yesterday"), Lex::Deictic(-1, None));
        assert_eq!(lookup(b"troops"), Lex::CountNoun);
        assert_eq!(lookup(b"zebra"), Lex::None);
        assert_eq!(lookup(b"christmas"), Lex::Holiday);
    }

    #[test]
    fn words_are_found_wherever_they_sit_in_the_text() {
        for (word, lex) in build() {
            let w = std::str::from_utf8(word).unwrap();
            // Inside a long text (one wide load) and at its very end (byte-wise fallback).
            let inside = format!("x {w} yyyyyyyyyyyyyyyyyyyy");
            assert_eq!(lookup_at(inside.as_bytes(), 2, 2 + w.len()), lex, "{w}");
            let end = format!("x {w}");
            assert_eq!(lookup_at(end.as_bytes(), 2, end.len()), lex, "{w}");
        }
        let text = b"yesterdays yesterday";
        assert_eq!(lookup_at(text, 0, 9), Lex::Deictic(-1, None));
        assert_eq!(lookup_at(text, 0, 10), Lex::None);
    }

    #[test]
    fn no_table_word_is_longer_than_the_lookup_limit() {
        assert!(
            build()
                .keys()
                .all(|w| w.len() <= LONGEST_WORD && !w.is_empty())
        );
    }
}
