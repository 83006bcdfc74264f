//! Page chrome (banners, donation appeals, newsletter sign-ups, buttons, bylines, photo credits)
//! removed from article text, driven by the tables below rather than by one page's sentences.
//!
//! Text comes in as paragraphs (separated by blank lines) of lines. A line matching a [`LINES`]
//! rule is chrome; an [`Role::Opener`] line makes its whole paragraph chrome and starts an appeal,
//! which goes on over the following paragraphs for as long as they read as an appeal (a phrase of
//! [`APPEAL_PHRASES`], mostly chrome lines, or "we/our/us" talk outside quotes). The first
//! paragraph that does not ends it, so article paragraphs are never taken with it.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::{Regex, RegexSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Chrome on its own line (a button, a credit, a byline): the line goes.
    Line,
    /// Opens an appeal or a sign-up box: its paragraph goes, and the appeal that follows.
    Opener,
}

/// Whole-line patterns (matched against the trimmed line).
pub const LINES: &[(Role, &str)] = &[
    // Close buttons and lone ornaments.
    (Role::Line, r"^[×✕✖]$"),
    // Buttons and links of banners, sharing bars and cookie boxes.
    (
        Role::Line,
        r"(?i)^(once|one[- ]time|monthly|annual(ly)?|yearly|weekly|continue|donate( now)?|give( now)?|subscribe( now)?|support us|sign (up|in)|log ?in|register|close|dismiss|accept( all)?( cookies)?|reject all|got it|ok|manage (cookies|preferences|settings)|cookie settings|share( this( article| story)?)?|tweet|email|print|copy link|advertisement|sponsored( content)?|skip to (main )?content|preview|(payment|paiment) (methods|options)|back to top|comments?|listen to (this )?article)[.!]?$",
    ),
    (
        Role::Line,
        r"(?i)^(read|see|show|load|view) (more|all)( stories| articles| news)?[.…:]?$",
    ),
    (
        Role::Line,
        // Words are counted ("the \w+( \w+){0,3}"), not characters: "[\w ]{1,30}" compiled
        // into 30 copies of Unicode's word class, 50 ms at the start of every command.
        r"(?i)^(continue reading( the main story)?|share (the |this )?(full )?(article|story)|related (content|articles|stories|coverage|topics|news)|more (on|about) this (story|topic)|most (read|popular|viewed)|trending( now)?|(follow|like) us on \w+( and \w+)?|save (article|for later)|gift (this )?article|support (us|the \w+( \w+){0,3}|our work|independent journalism)|available for everyone,? funded by readers)[.:!]?$",
    ),
    (
        Role::Line,
        r"(?i)^(remind me later|maybe later|no,? thanks?( you)?)[.!]?$",
    ),
    (
        Role::Line,
        r"(?i)^not ready to (support|give|donate|subscribe)\b.{0,40}$",
    ),
    // Amount buttons ("$2", "€10 / month").
    (
        Role::Line,
        r"(?i)^[$€£]\s?\d+([.,]\d\d)?(\s?(/|a|per)\s?(mo|month|yr|year))?$",
    ),
    // Sign-up fine print and cookie notices.
    (
        Role::Line,
        r"(?i)^(subscribers|by (signing up|subscribing|clicking|continuing|registering)).{0,120}\b(privacy policy|terms( of (use|service))?|cookies?)\b",
    ),
    (Role::Line, r"(?i)^(we|this (site|website)) uses? cookies\b"),
    // Bylines: "By Jane Doe", "BY JANE DOE, REUTERS" with no sentence after.
    (Role::Line, r"^(By|BY)\s+[A-Z][^.!?]{0,80}$"),
    // Photo credits: "Caption text Alex Brandon / AP", "Photo: Reuters", "© AFP".
    (
        Role::Line,
        r"^.{0,200}\s/\s?[A-Z][\w&'-]*([ .][A-Z][\w&'-]*){0,3}$",
    ),
    (
        Role::Line,
        r"(?i)^(photo|image|picture|photograph|credit|illustration)s?(\s+by)?\s*[:©]",
    ),
    (Role::Line, r"^©"),
    // Appeals and sign-up boxes.
    (
        Role::Opener,
        r"(?i)^enjoying (ad-free|our|this) (content|journalism|reporting|article)",
    ),
    (
        Role::Opener,
        r"(?i)^an? (message|note|word|appeal) (from|to) .{1,60}:$",
    ),
    (
        Role::Opener,
        r"(?i)^dear (readers?|friends|subscribers|supporters)\b.{0,20}$",
    ),
    (
        Role::Opener,
        r"(?i)^(sign up|subscribe|register)\b.{0,60}\b(newsletters?|briefings?|digest)\b",
    ),
    (
        Role::Opener,
        r"(?i)^get (our|the) .{0,40}\b(newsletters?|briefings?)\b",
    ),
    (
        Role::Opener,
        r"(?i)^(before you go|one more thing|(\.\.\.|…)?\s*we have a small favou?r to ask|we need your (help|support)|help us\b|become a (member|supporter|subscriber)|if you (value|enjoy|like|appreciate) (our|this)|you('ve| have) read \d+|support (independent|our) (journalism|reporting|newsroom))",
    ),
];

/// Phrases (case-insensitive) that keep an appeal going: the page talking about itself to the
/// reader.
pub const APPEAL_PHRASES: &[&str] = &[
    "your support",
    "support us",
    "support our",
    "supporting ",
    "we need your help",
    "donat",
    "contribution",
    "contribute",
    "newsletter",
    "subscribe",
    "subscription",
    "subscriber",
    "privacy policy",
    "your inbox",
    "your mailbox",
    "ad-free",
    "disabled all ads",
    "independent journalism",
    "thank you for",
    "membership",
    "become a member",
    "sign up",
    "paywall",
    "funded by readers",
    "small favour",
    "small favor",
];

static LINE_SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(LINES.iter().map(|(_, p)| p)).expect("chrome patterns"));
static APPEAL: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(APPEAL_PHRASES)
        .expect("appeal phrases")
});
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""[^"]*"|“[^”]*”|«[^»]*»"#).unwrap());
static WE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(we|our|us|ours)\b").unwrap());

/// What a line is, by the first rule that matches it.
pub fn role(line: &str) -> Option<Role> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let matches = LINE_SET.matches(line);
    let roles = matches.iter().map(|i| LINES[i].0);
    roles.fold(None, |best, r| match (best, r) {
        (Some(Role::Opener), _) | (_, Role::Opener) => Some(Role::Opener),
        _ => Some(r),
    })
}

/// `text` without its chrome; paragraphs stay separated by one blank line.
pub fn strip(text: &str) -> String {
    let mut kept: Vec<String> = Vec::new();
    let mut in_appeal = false;
    for paragraph in paragraphs(text) {
        let roles: Vec<Option<Role>> = paragraph.iter().map(|l| role(l)).collect();
        if roles.contains(&Some(Role::Opener)) {
            in_appeal = true;
            continue;
        }
        if in_appeal && reads_as_appeal(&paragraph, &roles) {
            continue;
        }
        in_appeal = false;
        let lines: Vec<&str> = paragraph
            .iter()
            .zip(&roles)
            .filter(|(_, r)| r.is_none())
            .map(|(l, _)| *l)
            .collect();
        if !lines.is_empty() {
            kept.push(lines.join("\n"));
        }
    }
    kept.join("\n\n")
}

fn reads_as_appeal(paragraph: &[&str], roles: &[Option<Role>]) -> bool {
    let chrome = roles.iter().filter(|r| r.is_some()).count();
    if chrome * 2 >= paragraph.len() {
        return true;
    }
    let text = paragraph.join(" ");
    if APPEAL.is_match(&text) {
        return true;
    }
    let unquoted = QUOTED.replace_all(&text, "");
    WE.find_iter(&unquoted).count() >= 2
}

/// Blank-line separated paragraphs of trimmed, non-empty lines.
pub fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_other_sites_are_chrome() {
        for line in [
            "×",
            "Read more",
            "Remind me later.",
            "Monthly",
            "$2",
            "€10 / month",
            "Subscribers agree to the Privacy Policy",
            "By clicking Sign up, you agree to our Terms of Use",
            "We use cookies to improve your experience.",
            "By Jane Doe and John Roe",
            "U.S. Attorney General Jeff Sessions Alex Brandon / AP",
            "Protesters in Minsk Sergei Grits / AP Photo",
            "Photo: Reuters",
            "Advertisement",
            "Support the Guardian",
            "Support The Washington Post.",
        ] {
            assert_eq!(role(line), Some(Role::Line), "{line}");
        }
        for line in [
            "A Message from The Guardian:",
            "Dear readers,",
            "Sign up for our free weekly newsletter",
            "Enjoying ad-free content?",
            "Before you go, a quick favour",
        ] {
            assert_eq!(role(line), Some(Role::Opener), "{line}");
        }
    }

    #[test]
    fn article_sentences_are_not_chrome() {
        for line in [
            "By Wednesday, officials had confirmed the meeting.",
            "The embassy said it would read more reports before commenting.",
            "Sessions met Kislyak in September.",
            "Once upon a time there was a treaty.",
            "The ratio was 3 / 4 of the vote.",
            "Support the troops, the senator said.",
            "Support the union leaders who walked out on Friday",
        ] {
            assert_eq!(role(line), None, "{line}");
        }
    }

    #[test]
    fn an_appeal_ends_at_the_first_article_paragraph() {
        let text = "Dear readers,\n\nWe need money. Our work matters to us.\n\nThe treaty was signed on Monday.\n\nOfficials said we would see.\n\nRead more";
        assert_eq!(
            strip(text),
            "The treaty was signed on Monday.\n\nOfficials said we would see."
        );
    }

    #[test]
    fn chrome_of_other_newspapers_goes_and_the_story_stays() {
        let text = "Advertisement\nContinue reading the main story\n\nProtesters gathered in Minsk on Sunday.\n\nPolice detained dozens of people, witnesses said.\n\nShare full article\n\nRelated Content\n\n... we have a small favour to ask. Millions are turning to us for open, independent journalism.\n\nUnlike many others, we have no shareholders. Our reporting is funded by readers.\n\nSupport the Guardian\n\nAvailable for everyone, funded by readers\nContribute\nSubscribe\n\nWe use cookies to personalise content. By continuing you agree to our cookie policy.\nAccept all";
        assert_eq!(
            strip(text),
            "Protesters gathered in Minsk on Sunday.\n\nPolice detained dozens of people, witnesses said."
        );
    }

    #[test]
    fn quoted_we_does_not_continue_an_appeal() {
        let text = "Support independent journalism today\n\n\"We will go, we said to our friends,\" he told us.\n\nMore text.";
        assert_eq!(
            strip(text),
            "\"We will go, we said to our friends,\" he told us.\n\nMore text."
        );
    }
}
