//! The tense of the clause around an expression, which decides whether a bare "Friday" or
//! "September" is the last one or the next one. A cheap look at nearby words (auxiliaries,
//! irregular past forms, "-ed" endings) is right often enough in news, where most sentences are
//! in the past tense and future ones announce themselves with "will".

use super::lexicon::{self, Func, Lex, TenseCue};
use super::tokens::{Token, TokenKind};

/// How far (in tokens) a verb may be from the expression to count as the one governing it.
const WINDOW: usize = 10;

/// How far to look for any tense cue when none is within [`WINDOW`]: the rest of a long
/// sentence, bounded so that text without sentence ends still costs linear time.
const SENTENCE_WINDOW: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// After "since": a start already behind, whatever is nearer ("since year-end", written in
    /// November, is last December 31, not the coming one).
    Behind,
    /// After "postponed until": a time still ahead, whatever the tense (only a preposition cue;
    /// `tense_around` returns it as `Future`).
    Ahead,
    /// A plan word ("scheduled for", "expected in"), a future verb after the expression (in
    /// "had surgery in November, will not play" it is the next clause's), or a deadline ("by",
    /// "through") with no verb near: leans ahead, but a far nearer past still wins ("this year
    /// through August", written in October, is the August behind).
    Prospective,
    Past,
    Present,
    /// A future auxiliary before the expression, with no other tense cue between ("will
    /// command a mission in December"): the time ahead, however near the last one.
    Future,
    Unknown,
}

fn is_boundary(text: &[u8], token: &Token) -> bool {
    token.kind == TokenKind::Punct && matches!(text[token.start], b'.' | b'?' | b'!' | b';' | b'"')
}

fn word<'a>(lower: &'a [u8], tokens: &[Token], i: usize) -> &'a [u8] {
    tokens.get(i).map_or(&[], |t| &lower[t.start..t.end])
}

/// Whether one of the future phrases ends at token `i`.
fn ends_future_phrase(lower: &[u8], tokens: &[Token], i: usize) -> bool {
    lexicon::FUTURE_PHRASES.iter().any(|phrase| {
        i + 1 >= phrase.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, w)| word(lower, tokens, i + 1 + k - phrase.len()) == w.as_bytes())
    })
}

/// The tense cue token `i` gives, if any.
fn cue(lower: &[u8], tokens: &[Token], i: usize) -> Option<TenseCue> {
    if ends_future_phrase(lower, tokens, i) {
        return Some(TenseCue::Future);
    }
    let cue = plain_cue(lower, tokens, i);
    // "had been scheduled to expire Friday", "had planned to vote Tuesday": a plan told in the
    // past perfect was for a time already behind.
    if cue == Some(TenseCue::Future) && i > 0 {
        let before = word(lower, tokens, i - 1);
        let perfect = before == b"had"
            || (before == b"been" && i > 1 && word(lower, tokens, i - 2) == b"had");
        if perfect {
            return Some(TenseCue::Past);
        }
    }
    // "will be held", "would be paid": a participle after "be" is passive, and the auxiliary
    // before it, not the participle, tells the tense.
    if cue == Some(TenseCue::Past)
        && i > 0
        && lexicon::PASSIVE_AUXILIARIES
            .contains(&std::str::from_utf8(word(lower, tokens, i - 1)).unwrap_or(""))
    {
        return None;
    }
    cue
}

/// The tense cue of token `i` by its own word.
fn plain_cue(lower: &[u8], tokens: &[Token], i: usize) -> Option<TenseCue> {
    let token = &tokens[i];
    match token.lex {
        Lex::Tense(TenseCue::Future)
            if lexicon::FUTURE_CUES_WITH_TO
                .contains(&std::str::from_utf8(word(lower, tokens, i)).unwrap_or(""))
                && word(lower, tokens, i + 1) != b"to" =>
        {
            None
        }
        Lex::Tense(c) => Some(c),
        Lex::None if token.kind == TokenKind::Word => {
            let word = &lower[token.start..token.end];
            (word.len() >= 5
                && word.ends_with(b"ed")
                && !word.ends_with(b"eed")
                && !lexicon::ED_ADJECTIVES.contains(&std::str::from_utf8(word).unwrap_or("")))
            .then_some(TenseCue::Past)
        }
        _ => None,
    }
}

/// The direction a preposition right before the expression gives it: "by February", "until
/// Friday" and "through January" name a deadline still ahead, "since March" a start already
/// behind. In TimeBank and
/// AQUAINT a month after "by" was never in the past; after "since" always. A past-tense verb
/// still wins over "by" ("had filed reports by Wednesday"), not over "since".
fn preposition_cue(lower: &[u8], tokens: &[Token], first: usize) -> Option<Tense> {
    let ahead = lexicon::AHEAD_PHRASES.iter().any(|phrase| {
        first >= phrase.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, w)| word(lower, tokens, first + k - phrase.len()) == w.as_bytes())
    });
    if ahead {
        return Some(Tense::Future);
    }
    let before = tokens.get(first.checked_sub(1)?)?;
    // "postponed until Tuesday", "extended to Nov. 6": a deferral points past the time of the
    // act, so ahead, even in a past-tense sentence.
    let deferred = first >= 2
        && lexicon::DEFERRAL_VERBS
            .contains(&std::str::from_utf8(word(lower, tokens, first - 2)).unwrap_or(""));
    match before.lex {
        Lex::Func(Func::Until | Func::To) if deferred => Some(Tense::Ahead),
        Lex::Func(Func::By | Func::Until | Func::Through) => Some(Tense::Future),
        Lex::Func(Func::Since) => Some(Tense::Behind),
        _ => None,
    }
}

/// The tense of the clause holding tokens `first..=last`, from the nearest tense cue (the verb
/// governing a time expression is usually its closest verb).
pub fn tense_around(
    text: &[u8],
    lower: &[u8],
    tokens: &[Token],
    first: usize,
    last: usize,
) -> Tense {
    let preposition = preposition_cue(lower, tokens, first);
    match preposition {
        Some(Tense::Behind) => return Tense::Behind,
        Some(Tense::Ahead) => return Tense::Future,
        _ => {}
    }
    // "Wednesday's ruling", "Sunday's debate": a time named by what happened in it is one
    // already reported, whatever the verb ("would look for ways around Wednesday's ruling").
    let possessive = tokens.get(last + 1).is_some_and(|t| {
        let s = &text[t.start..t.end];
        s == b"'" || s == "’".as_bytes()
    }) && word(lower, tokens, last + 2) == b"s";
    if possessive && preposition.is_none() {
        return Tense::Past;
    }
    // The nearest cue, its distance, and whether it is a future auxiliary before the expression.
    let mut nearest: Option<(usize, TenseCue, bool)> = None;
    let mut note = |distance: usize, c: TenseCue, auxiliary: bool| {
        if nearest.is_none_or(|(d, _, _)| distance < d) {
            nearest = Some((distance, c, auxiliary));
        }
    };
    for (distance, (i, token)) in tokens[..first.min(tokens.len())]
        .iter()
        .enumerate()
        .rev()
        .take(SENTENCE_WINDOW)
        .enumerate()
    {
        // An abbreviation's dot ("Sept.") is not a sentence end; a dot after a long word is.
        if is_boundary(text, token) && !(text[token.start] == b'.' && distance == 0) {
            break;
        }
        if let Some(c) = cue(lower, tokens, i) {
            // "would have been 85 on April 15" is a past that did not happen.
            let auxiliary = c == TenseCue::Future
                && lexicon::FUTURE_AUXILIARIES
                    .contains(&std::str::from_utf8(word(lower, tokens, i)).unwrap_or(""))
                && word(lower, tokens, i + 1) != b"have";
            // The first cue on a side is the nearest on it.
            note(distance, c, auxiliary);
            break;
        }
    }
    for (distance, (i, token)) in tokens
        .iter()
        .enumerate()
        .skip(last + 1)
        .take(SENTENCE_WINDOW)
        .enumerate()
    {
        if is_boundary(text, token) {
            break;
        }
        if let Some(c) = cue(lower, tokens, i) {
            // The first cue on a side is the nearest on it.
            note(distance, c, false);
            break;
        }
    }
    // The closest verb governs. With none near, the sentence's nearest one does ("would leave
    // Bombay from March 30, with the third departing each Thursday from August 6"), unless a
    // preposition ("extended loans through January") already tells the direction.
    let nearest = nearest.filter(|&(d, _, _)| d < WINDOW || preposition.is_none());
    match nearest {
        Some((_, TenseCue::Past, _)) => Tense::Past,
        Some((_, TenseCue::Future, true)) => Tense::Future,
        Some((_, TenseCue::Future, _)) => Tense::Prospective,
        _ if preposition.is_some() => Tense::Prospective,
        Some((_, TenseCue::Present, _)) => Tense::Present,
        None => Tense::Unknown,
    }
}
