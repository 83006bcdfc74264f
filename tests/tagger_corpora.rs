//! Regression guard on the TempEval-3 gold corpora: value F1 must not fall below a floor a
//! little under what the tagger reaches. Reads `../shared/data/timeml`, hence `#[ignore]`.
//! The full report (with error lists) is `cargo run --release --example timeml_eval`.

use annals::time::score::{self, Counts};
use annals::time::{tag, timeml};
use std::path::PathBuf;

fn corpus_counts(name: &str) -> Counts {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/timeml")
        .join(name);
    let mut total = Counts::default();
    for (_, doc) in timeml::read_dir(&dir).expect("corpus readable") {
        total += score::score(&tag(&doc.text, doc.dct), &doc.timexes);
    }
    total
}

#[test]
#[ignore = "needs ../shared/data/timeml"]
fn timebank_scores_stay_above_the_floor() {
    let c = corpus_counts("TimeBank");
    assert!(c.gold > 1200, "corpus incomplete: {} gold timexes", c.gold);
    assert!(
        c.relaxed_f1() >= RELAXED_FLOOR,
        "relaxed F1 {:.3}",
        c.relaxed_f1()
    );
    assert!(
        c.value_f1() >= TIMEBANK_VALUE_FLOOR,
        "value F1 {:.3}",
        c.value_f1()
    );
}

#[test]
#[ignore = "needs ../shared/data/timeml"]
fn aquaint_scores_stay_above_the_floor() {
    let c = corpus_counts("AQUAINT");
    assert!(c.gold > 550, "corpus incomplete: {} gold timexes", c.gold);
    assert!(
        c.relaxed_f1() >= RELAXED_FLOOR,
        "relaxed F1 {:.3}",
        c.relaxed_f1()
    );
    assert!(
        c.value_f1() >= AQUAINT_VALUE_FLOOR,
        "value F1 {:.3}",
        c.value_f1()
    );
}

const RELAXED_FLOOR: f64 = 0.92;
const TIMEBANK_VALUE_FLOOR: f64 = 0.831;
const AQUAINT_VALUE_FLOOR: f64 = 0.789;
